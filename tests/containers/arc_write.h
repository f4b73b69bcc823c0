/* Test helpers: archives written into memory with libarchive's writer, and
 * lookups over the artefact list. Header-only; each test includes it once. */
#ifndef MDT_TEST_ARC_WRITE_H
#define MDT_TEST_ARC_WRITE_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/artefact.h"
#include "parsers/container.h"

/* An archive being written into a malloc'd buffer. */
struct wbuf {
	struct archive *a;
	uint8_t *buf;
	size_t cap, used;
};

/* format: ARCHIVE_FORMAT_ZIP, ..._7ZIP, ..._TAR_PAX_RESTRICTED, ..._RAW;
 * filter: ARCHIVE_FILTER_NONE/GZIP/BZIP2/XZ; opts: "zip:zip64" or NULL. */
static inline int wb_open_pw(struct wbuf *w, int format, int filter, const char *opts,
			     const char *passphrase, size_t cap)
{
	memset(w, 0, sizeof *w);
	w->cap = cap;
	w->buf = malloc(cap);
	w->a = archive_write_new();
	if (!w->buf || !w->a)
		return -1;
	if (archive_write_set_format(w->a, format) != ARCHIVE_OK ||
	    (filter != ARCHIVE_FILTER_NONE && archive_write_add_filter(w->a, filter) != ARCHIVE_OK))
		return -1;
	archive_write_set_bytes_in_last_block(w->a, 1);
	if (opts && archive_write_set_options(w->a, opts) != ARCHIVE_OK) {
		fprintf(stderr, "writer option %s: %s\n", opts, archive_error_string(w->a));
		return -1;
	}
	if (passphrase && archive_write_set_passphrase(w->a, passphrase) != ARCHIVE_OK)
		return -1;
	return archive_write_open_memory(w->a, w->buf, w->cap, &w->used) == ARCHIVE_OK ? 0 : -1;
}

static inline int wb_open(struct wbuf *w, int format, int filter, const char *opts, size_t cap)
{
	return wb_open_pw(w, format, filter, opts, NULL, cap);
}

/* A regular member; with_size = 0 leaves the size unknown to the writer
 * (zip then streams with a data descriptor). */
static inline int wb_file(struct wbuf *w, const char *name, const void *data, size_t len,
			  int with_size)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_mtime(e, 1700000000, 0);
	if (with_size)
		archive_entry_set_size(e, (la_int64_t)len);
	int rc = archive_write_header(w->a, e);
	archive_entry_free(e);
	if (rc != ARCHIVE_OK) {
		fprintf(stderr, "write header %s: %s\n", name, archive_error_string(w->a));
		return -1;
	}
	if (len && archive_write_data(w->a, data, len) != (la_ssize_t)len)
		return -1;
	return archive_write_finish_entry(w->a) == ARCHIVE_OK ? 0 : -1;
}

/* `total` zero bytes written in chunks: the test never holds them. */
static inline int wb_zeros(struct wbuf *w, const char *name, uint64_t total)
{
	static const uint8_t zero[65536];
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)total);
	int rc = archive_write_header(w->a, e);
	archive_entry_free(e);
	if (rc != ARCHIVE_OK)
		return -1;
	for (uint64_t done = 0; done < total;) {
		size_t n = total - done < sizeof zero ? (size_t)(total - done) : sizeof zero;
		if (archive_write_data(w->a, zero, n) != (la_ssize_t)n)
			return -1;
		done += n;
	}
	return archive_write_finish_entry(w->a) == ARCHIVE_OK ? 0 : -1;
}

static inline int wb_special(struct wbuf *w, const char *name, unsigned type, const char *target)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, type);
	archive_entry_set_perm(e, type == AE_IFDIR ? 0755 : 0644);
	if (type == AE_IFLNK)
		archive_entry_set_symlink(e, target);
	else if (target)
		archive_entry_set_hardlink(e, target);
	int rc = archive_write_header(w->a, e);
	archive_entry_free(e);
	return rc == ARCHIVE_OK ? 0 : -1;
}

/* Finish; returns the archive's size (0 on failure). The bytes stay in w->buf. */
static inline size_t wb_close(struct wbuf *w)
{
	int rc = archive_write_close(w->a);
	archive_write_free(w->a);
	w->a = NULL;
	return rc == ARCHIVE_OK ? w->used : 0;
}

static inline void wb_free(struct wbuf *w)
{
	if (w->a)
		archive_write_free(w->a);
	free(w->buf);
	memset(w, 0, sizeof *w);
}

/* Run writer calls under a UTF-8 locale (so zip sets its UTF-8 flag and 7z
 * gets UTF-16 names); the library under test must not need this itself. */
static inline locale_t utf8_locale_on(void)
{
	locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (l)
		uselocale(l);
	return l;
}

static inline void utf8_locale_off(locale_t l)
{
	if (l) {
		uselocale(LC_GLOBAL_LOCALE);
		freelocale(l);
	}
}

/* ---- lookups over the artefact list ---- */

static inline const struct artefact *art_find(const struct artefact_set *s, const char *path)
{
	for (size_t i = 0; i < s->items.n; i++)
		if (!strcmp(s->items.v[i].path, path))
			return &s->items.v[i];
	return NULL;
}

static inline long art_index(const struct artefact_set *s, const char *path)
{
	const struct artefact *a = art_find(s, path);
	return a ? (long)(a - s->items.v) : -1;
}

/* Every artefact path appears exactly once. */
static inline int art_unique(const struct artefact_set *s)
{
	for (size_t i = 0; i < s->items.n; i++)
		for (size_t j = i + 1; j < s->items.n; j++)
			if (!strcmp(s->items.v[i].path, s->items.v[j].path)) {
				fprintf(stderr, "duplicate artefact %s\n", s->items.v[i].path);
				return 0;
			}
	return 1;
}

static inline int reason_has(const struct artefact *a, const char *needle)
{
	return a && a->reason && strstr(a->reason, needle) != NULL;
}

static inline void art_dump(const struct artefact_set *s, const char *title)
{
	if (!getenv("MDT_TEST_VERBOSE"))
		return;
	fprintf(stderr, "-- %s: %zu artefacts, members %u, total %llu\n", title, s->items.n,
		s->members, (unsigned long long)s->total_bytes);
	for (size_t i = 0; i < s->items.n; i++) {
		const struct artefact *a = &s->items.v[i];
		fprintf(stderr, "  [%zu] %s | %s | %s | %llu | %s\n", i, a->path, a->kind,
			art_status_name(a->status), (unsigned long long)a->bytes,
			a->reason ? a->reason : "");
	}
}

#define CHECK_ART(set, path, kind_, status_)                                    \
	do {                                                                    \
		const struct artefact *check_art_ = art_find((set), (path));   \
		CHECK(check_art_ != NULL);                                      \
		if (!check_art_) {                                              \
			fprintf(stderr, "  missing artefact %s\n", (path));     \
			break;                                                  \
		}                                                               \
		CHECK_STR(check_art_->kind, (kind_));                           \
		CHECK_STR(art_status_name(check_art_->status), (status_));      \
	} while (0)

/* A member that was read and handed to the pipeline (whatever the parsers
 * made of it: they are written in parallel, so the kind is not asserted). */
#define CHECK_READ(set, path)                                                   \
	do {                                                                    \
		const struct artefact *check_art_ = art_find((set), (path));   \
		CHECK(check_art_ != NULL);                                      \
		if (!check_art_) {                                              \
			fprintf(stderr, "  missing artefact %s\n", (path));     \
			break;                                                  \
		}                                                               \
		CHECK(strcmp(check_art_->kind, "archive") != 0);                \
		CHECK(check_art_->status != ART_SKIPPED && check_art_->status != ART_UNREADABLE); \
	} while (0)

#endif
