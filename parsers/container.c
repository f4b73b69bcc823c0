/* Minimal input reader: plain files and folders (no archives yet). */
#include "container.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int input_add_buffer(struct artefact_set *set, const char *name, const uint8_t *data,
		     size_t len, unsigned depth)
{
	(void)depth;
	return artefact_add_bytes(set, name, data, len) ? 0 : -1;
}

static int add_file(struct artefact_set *set, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		artefact_add_status(set, path, "unknown", ART_UNREADABLE, 0, strerror(errno));
		return -1;
	}
	size_t cap = 1 << 16, len = 0;
	uint8_t *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf) {
		artefact_add_status(set, path, "unknown", ART_UNREADABLE, 0, "out of memory");
		return -1;
	}
	int rc = input_add_buffer(set, path, buf, len, 0);
	free(buf);
	return rc;
}

int input_add_path(struct artefact_set *set, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		artefact_add_status(set, path, "unknown", ART_UNREADABLE, 0, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d) {
			artefact_add_status(set, path, "unknown", ART_UNREADABLE, 0, strerror(errno));
			return -1;
		}
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char *p = arena_printf(set->arena, "%s/%s", path, e->d_name);
			if (p)
				input_add_path(set, p);
		}
		closedir(d);
		return 0;
	}
	return add_file(set, path);
}
