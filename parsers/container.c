/* Inputs: folders (walked in sorted order, symbolic links never followed),
 * single files, "-" (stdin) and archives (container_archive.c). Every file
 * is read into memory within the caps of set->limits and becomes exactly
 * one artefact, whatever happened to it. */
#include "container.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "container_int.h"

#define READ_CHUNK (64u << 10)
#define MAX_DIR_LEVELS 64          /* folders inside folders */
#define MAX_DIR_ENTRIES (1u << 20) /* names taken from one folder */

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

int input_admit(struct artefact_set *set, const char *label)
{
	uint32_t max = set->limits.max_members;
	if (set->members < max) {
		set->members++;
		return 1;
	}
	if (set->members == max && max != UINT32_MAX) {
		set->members++; /* past the cap: the notice is recorded once */
		artefact_add_status(set, label, "unknown", ART_SKIPPED, 0,
				    arena_printf(set->arena,
						 "member cap reached (--max-members %u): this and any later files were not read",
						 max));
	}
	return 0;
}

uint64_t input_room(const struct artefact_set *set)
{
	uint64_t max = set->limits.max_total_bytes;
	return set->total_bytes < max ? max - set->total_bytes : 0;
}

const char *input_cap_reason(struct artefact_set *set, uint64_t limit, uint64_t size,
			     int size_known)
{
	const struct limits *L = &set->limits;
	if (limit < L->max_member_bytes)
		return arena_printf(set->arena,
				    "total inflated bytes cap reached (--max-total-bytes %llu)",
				    (unsigned long long)L->max_total_bytes);
	if (size_known)
		return arena_printf(set->arena, "%llu bytes, over the member cap (--max-member-bytes %llu)",
				    (unsigned long long)size, (unsigned long long)L->max_member_bytes);
	return arena_printf(set->arena, "more than %llu bytes, the member cap (--max-member-bytes)",
			    (unsigned long long)L->max_member_bytes);
}

void input_add_oversized(struct artefact_set *set, const char *label, const uint8_t *prefix,
			 size_t plen, uint64_t size, const char *reason)
{
	struct arena *a = set->arena;
	if (arc_sniff(prefix, plen)) {
		artefact_add_status(set, label, "archive", ART_SKIPPED, size,
				    arena_printf(a, "%s; an archive, its members were not read", reason));
		return;
	}
	/* classification needs only a prefix: it tells what was skipped */
	struct artefact *art = plen ? artefact_add_bytes(set, label, prefix, plen) : NULL;
	if (!art) {
		artefact_add_status(set, label, "unknown", ART_SKIPPED, size, reason);
		return;
	}
	if (art->kind && strcmp(art->kind, "unknown") != 0)
		art->reason = arena_printf(a, "%s; its first %zu bytes look like %s, but it was not read whole",
					   reason, plen, art->kind);
	else
		art->reason = arena_printf(a, "%s; no parser recognised its first %zu bytes", reason, plen);
	art->status = ART_SKIPPED;
	art->bytes = size;
	/* nothing of a skipped file is analysed */
	memset(&art->text, 0, sizeof art->text);
	memset(&art->segs, 0, sizeof art->segs);
	memset(&art->redactions, 0, sizeof art->redactions);
	art->header = NULL;
}

int input_dispatch(struct artefact_set *set, const char *label, const uint8_t *data,
		   size_t len, unsigned depth)
{
	if (arc_add_memory(set, label, data, len, depth) == ARC_DONE)
		return 0;
	return artefact_add_bytes(set, label, data, len) ? 0 : -1;
}

int input_add_buffer(struct artefact_set *set, const char *name, const uint8_t *data,
		     size_t len, unsigned depth)
{
	const char *raw = name ? name : "(buffer)";
	const char *label = label_from_bytes(set->arena, raw, strlen(raw), set->limits.codepage);
	if (!label || !input_admit(set, label))
		return -1;
	/* an archive handed in is read like one on disk: its members are what
	 * the caps count, not its compressed bytes the caller already holds */
	if (arc_add_memory(set, label, data, len, depth) == ARC_DONE)
		return 0;
	const struct limits *L = &set->limits;
	uint64_t limit = min_u64(L->max_member_bytes, input_room(set));
	if (len > limit) {
		size_t plen = (size_t)min_u64(len, min_u64(L->classify_prefix, limit));
		set->total_bytes += plen;
		input_add_oversized(set, label, data, plen, len, input_cap_reason(set, limit, len, 1));
		return 0;
	}
	set->total_bytes += len;
	return artefact_add_bytes(set, label, data, len) ? 0 : -1;
}

/* Up to `want` bytes of a descriptor; with probe, one more byte tells
 * whether there was more. */
struct fd_read {
	uint8_t *buf;
	size_t len;
	int more;  /* a byte past `want` was seen */
	int ended; /* end of file before `want` */
	int err;   /* errno of a failed read */
};

static void read_fd(int fd, uint64_t want, uint64_t hint, int probe, struct fd_read *r)
{
	memset(r, 0, sizeof *r);
	size_t cap = 0;
	while (r->len < want) {
		size_t n = want - r->len > READ_CHUNK ? READ_CHUNK : (size_t)(want - r->len);
		if (r->len + n > cap) {
			size_t nc = cap ? cap * 2 : (size_t)(hint && hint < want ? hint + 1 : READ_CHUNK);
			if (nc < r->len + n)
				nc = r->len + n;
			if (nc > want)
				nc = (size_t)want;
			uint8_t *nb = realloc(r->buf, nc);
			if (!nb) {
				r->err = ENOMEM;
				return;
			}
			r->buf = nb;
			cap = nc;
		}
		ssize_t k = read(fd, r->buf + r->len, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			r->err = errno;
			return;
		}
		if (k == 0) {
			r->ended = 1;
			return;
		}
		r->len += (size_t)k;
	}
	if (probe) {
		uint8_t one;
		ssize_t k;
		do
			k = read(fd, &one, 1);
		while (k < 0 && errno == EINTR);
		if (k > 0)
			r->more = 1;
		else if (k == 0)
			r->ended = 1;
		else
			r->err = errno;
	}
}

/* A file that is not an archive (sniffed), or a stream that may be one
 * (stdin, a pipe): read within the caps and hand on. */
static int add_plain(struct artefact_set *set, const char *label, int fd, int size_known,
		     uint64_t size, int sniffed)
{
	const struct limits *L = &set->limits;
	uint64_t room = input_room(set);
	if (room == 0) {
		artefact_add_status(set, label, "unknown", ART_SKIPPED, size,
				    input_cap_reason(set, 0, size, size_known));
		return 0;
	}
	uint64_t limit = min_u64(L->max_member_bytes, room);
	int big = size_known && size > limit;
	uint64_t want = big ? min_u64(L->classify_prefix, limit) : limit;
	struct fd_read r;
	read_fd(fd, want, size_known ? size : 0, !big, &r);
	set->total_bytes += r.len + (size_t)r.more;

	if (r.err && !r.len) {
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, size, strerror(r.err));
	} else if (big ? !r.ended : r.more) {
		uint64_t sz = size_known ? size : r.len + (size_t)r.more;
		size_t plen = (size_t)min_u64(r.len, L->classify_prefix);
		input_add_oversized(set, label, r.buf, plen, sz, input_cap_reason(set, limit, sz, size_known));
	} else {
		size_t idx = set->items.n;
		if (sniffed)
			artefact_add_bytes(set, label, r.buf, r.len);
		else
			input_dispatch(set, label, r.buf, r.len, 0);
		if (r.err && idx < set->items.n) {
			struct artefact *art = &set->items.v[idx];
			art->status = ART_PARTIAL;
			art->reason = arena_printf(set->arena, "read failed after %zu bytes: %s", r.len,
						   strerror(r.err));
		}
	}
	free(r.buf);
	return 0;
}

/* An opened, admitted file: an archive is read through the descriptor. */
static int add_open_file(struct artefact_set *set, const char *label, int fd, int in_folder)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, 0, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		uint64_t size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
		if (arc_add_fd(set, label, fd, size, 0) == ARC_DONE)
			return 0;
		if (lseek(fd, 0, SEEK_SET) != 0) {
			artefact_add_status(set, label, "unknown", ART_UNREADABLE, size, strerror(errno));
			return -1;
		}
		return add_plain(set, label, fd, 1, size, 1);
	}
	if (in_folder) { /* replaced between listing and opening */
		artefact_add_status(set, label, "unknown", ART_SKIPPED, 0, "not a regular file");
		return 0;
	}
	return add_plain(set, label, fd, 0, 0, 0); /* a pipe or device named on the command line */
}

static int walk_dir(struct artefact_set *set, int dfd, const char *label, unsigned level);

static int cmp_names(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* One entry of a folder. Returns -1 once the member cap stops the walk. */
static int add_dir_entry(struct artefact_set *set, int dfd, const char *parent,
			 const char *name, unsigned level)
{
	struct arena *a = set->arena;
	const char *leaf = label_from_bytes(a, name, strlen(name), set->limits.codepage);
	const char *label = leaf ? arena_printf(a, "%s/%s", parent, leaf) : NULL;
	if (!label)
		return -1;
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		int e = errno;
		if (!input_admit(set, label))
			return -1;
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, 0, strerror(e));
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		if (level + 1 >= MAX_DIR_LEVELS) {
			if (!input_admit(set, label))
				return -1;
			artefact_add_status(set, label, "unknown", ART_SKIPPED, 0,
					    arena_printf(a, "folder nested more than %d levels deep: not read",
							 MAX_DIR_LEVELS));
			return 0;
		}
		int cfd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (cfd < 0) {
			int e = errno;
			if (!input_admit(set, label))
				return -1;
			artefact_add_status(set, label, "unknown", ART_UNREADABLE, 0, strerror(e));
			return 0;
		}
		return walk_dir(set, cfd, label, level + 1);
	}
	if (!input_admit(set, label))
		return -1;
	if (S_ISLNK(st.st_mode)) {
		/* never followed: it may lead out of the tree or to a file listed already */
		char target[4096];
		ssize_t k = readlinkat(dfd, name, target, sizeof target - 1);
		const char *t = label_from_bytes(a, target, k > 0 ? (size_t)k : 0, set->limits.codepage);
		artefact_add_status(set, label, "unknown", ART_SKIPPED, 0,
				    arena_printf(a, "symbolic link to %s (not followed)",
						 t && *t ? t : "?"));
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		artefact_add_status(set, label, "unknown", ART_SKIPPED, 0,
				    "not a regular file (device, fifo or socket)");
		return 0;
	}
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, (uint64_t)st.st_size,
				    strerror(errno));
		return 0;
	}
	add_open_file(set, label, fd, 1);
	close(fd);
	return 0;
}

/* A folder's entries in byte order of their names, so output is the same
 * on every file system. Takes ownership of dfd. */
static int walk_dir(struct artefact_set *set, int dfd, const char *label, unsigned level)
{
	DIR *d = fdopendir(dfd);
	if (!d) {
		int e = errno;
		close(dfd);
		if (!input_admit(set, label))
			return -1;
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, 0, strerror(e));
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while (n < MAX_DIR_ENTRIES && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			char **nn = realloc(names, nc * sizeof *names);
			if (!nn)
				break;
			names = nn;
			cap = nc;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = add_dir_entry(set, dirfd(d), label, names[i], level);
		free(names[i]);
	}
	free(names);
	closedir(d);
	return rc;
}

int input_add_path(struct artefact_set *set, const char *path)
{
	struct arena *a = set->arena;
	if (!path)
		return -1;
	if (!strcmp(path, "-")) {
		if (!input_admit(set, "(stdin)"))
			return 0;
		return add_plain(set, "(stdin)", STDIN_FILENO, 0, 0, 0);
	}
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	const char *label = label_from_bytes(a, path, n, set->limits.codepage);
	if (!label)
		return -1;
	struct stat st;
	int fd = -1, e = 0;
	if (stat(path, &st) != 0)
		e = errno;
	else if (S_ISDIR(st.st_mode) &&
		 (fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		walk_dir(set, fd, label, 0); /* -1 only means the member cap ended it */
		return 0;
	} else if (S_ISDIR(st.st_mode)) {
		e = errno;
	}
	if (!e && (fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		e = errno;
	if (!input_admit(set, label)) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	if (e) {
		artefact_add_status(set, label, "unknown", ART_UNREADABLE, 0, strerror(e));
		return -1;
	}
	int rc = add_open_file(set, label, fd, 0);
	close(fd);
	return rc;
}
