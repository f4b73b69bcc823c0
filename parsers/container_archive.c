/* Archives through libarchive: zip (stored, deflate, zip64), tar (plain,
 * gzip, bzip2, xz), 7z, cab, and single compressed files (.gz, .bz2, .xz).
 * Members are inflated into capped memory buffers and handed back to the
 * input layer, which recurses into archives inside archives; nothing is
 * ever written to disk. The archive itself is an artefact of kind "archive",
 * recorded before its members. */
#include "container_int.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_CHUNK (64u << 10)
/* The ratio is judged only past this many inflated bytes: small members
 * compress unevenly and the compressed side is read in blocks. */
#define RATIO_FLOOR (1u << 20)
#define MAX_RETRIES 8
/* A zip read through its central directory can go on after a member whose
 * data is damaged, by reopening it and skipping to the next entry. */
#define MAX_RESUMES 16

/* libarchive converts member names to the charset of the current locale;
 * under the C locale UTF-8 and UTF-16 names (zip UTF-8 flag, 7z) would turn
 * into '?'. A UTF-8 locale for this thread only, while libarchive runs,
 * keeps names intact without touching the process locale; names without
 * the UTF-8 flag stay raw bytes for container_name.c to decode. */
struct name_locale {
	locale_t loc, prev;
};

/* Made once and never changed or freed, like the compiled patterns of rx.h:
 * newlocale reads the locale files, too slow to repeat for every file. */
static locale_t utf8_locale;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void utf8_locale_init(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !utf8_locale; i++)
		utf8_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
}

static void locale_enter(struct name_locale *g)
{
	pthread_once(&utf8_once, utf8_locale_init);
	g->loc = utf8_locale;
	g->prev = g->loc ? uselocale(g->loc) : (locale_t)0;
}

/* Back to the caller's locale while the pipeline (or a nested archive) runs. */
static void locale_pause(struct name_locale *g)
{
	if (g->loc)
		uselocale(g->prev);
}

static void locale_resume(struct name_locale *g)
{
	if (g->loc)
		uselocale(g->loc);
}

static void locale_leave(struct name_locale *g)
{
	if (g->loc)
		uselocale(g->prev);
}

/* raw_only: the bytes are one compressed file, not a container. */
static struct archive *reader_new(int raw_only)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	if (!raw_only) {
		archive_read_support_format_zip(a); /* central directory, or streaming */
		archive_read_support_format_tar(a);
		archive_read_support_format_7zip(a);
		archive_read_support_format_cab(a);
	}
	archive_read_support_format_raw(a); /* a single .gz/.bz2/.xz file */
	/* only decompressors built into libarchive: never an external program */
	if (archive_zlib_version())
		archive_read_support_filter_gzip(a);
	if (archive_bzlib_version())
		archive_read_support_filter_bzip2(a);
	if (archive_liblzma_version()) {
		archive_read_support_filter_xz(a);
		archive_read_support_filter_lzma(a);
	}
	return a;
}

/* Where an archive's bytes are: in memory, or an open regular file. */
struct source {
	const uint8_t *data;
	size_t len;
	int fd; /* >= 0: read through the descriptor */
	int raw_only;
};

static struct archive *reader_open(const struct source *src, int *open_rc)
{
	struct archive *a = reader_new(src->raw_only);
	if (!a)
		return NULL;
	if (src->fd >= 0)
		*open_rc = lseek(src->fd, 0, SEEK_SET) == 0 ? archive_read_open_fd(a, src->fd, READ_CHUNK)
							     : ARCHIVE_FATAL;
	else
		*open_rc = archive_read_open_memory(a, src->data, src->len);
	return a;
}

static int is_raw(struct archive *a)
{
	return (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAW;
}

static int uncompressed_stream(struct archive *a)
{
	return archive_filter_count(a) <= 1 || archive_filter_code(a, 0) == ARCHIVE_FILTER_NONE;
}

/* What the first header says about the bytes. */
enum first { FIRST_PLAIN, FIRST_ARCHIVE, FIRST_DAMAGED, FIRST_NOT_TAR };

static enum first first_header(struct archive *a, int open_rc, struct archive_entry **e, int *rc)
{
	*e = NULL;
	if (open_rc != ARCHIVE_OK) {
		*rc = open_rc;
		return FIRST_DAMAGED; /* a compression filter recognised the bytes and failed */
	}
	*rc = archive_read_next_header(a, e);
	/* raw accepts anything: raw without a compression filter is a plain file */
	if (is_raw(a) && uncompressed_stream(a))
		return FIRST_PLAIN;
	/* tar takes a leading block of zeros for its end marker: a file that
	 * begins with 512 zero bytes (a memory dump, a disk image) is no empty
	 * tar but a plain file, or a single compressed one */
	if (*rc == ARCHIVE_EOF &&
	    (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR)
		return uncompressed_stream(a) ? FIRST_PLAIN : FIRST_NOT_TAR;
	if (*rc == ARCHIVE_OK || *rc == ARCHIVE_WARN || *rc == ARCHIVE_EOF)
		return FIRST_ARCHIVE;
	return FIRST_DAMAGED;
}

struct walk {
	struct artefact_set *set;
	struct archive *a;
	const struct source *src;
	struct name_locale *loc;
	const char *label;
	unsigned depth;  /* archives this archive is inside; members are one deeper */
	size_t self;     /* index of the archive's own artefact */
	int cheap_skip;  /* moving past a member costs no inflation (zip, plain tar) */
	int raw;         /* a single compressed file: one member */
	int solid;       /* members share compressed blocks (7z, cab) */
	uint64_t inflated; /* bytes inflated from this archive */
	uint64_t size;   /* the archive's own bytes */
	uint32_t headers; /* entries read by the current reader */
	uint32_t listed; /* members recorded */
	const char *stop; /* why the archive is partial (or unreadable) */
	int damaged;     /* ... because libarchive failed, rather than a cap */
	int member_fatal; /* a member's data failed fatally (the reader is dead) */
};

static const char *la_error(struct walk *w)
{
	const char *e = archive_error_string(w->a);
	return arena_strdup(w->set->arena, e && *e ? e : "unknown libarchive error");
}

static int stop(struct walk *w, const char *why, int damaged)
{
	if (!w->stop) {
		w->stop = why;
		w->damaged = damaged;
	}
	return -1;
}

/* "dir/x.log.gz" -> "x.log": a single compressed file's member name. */
static const char *raw_member_name(struct arena *a, const char *label)
{
	const char *b = label;
	for (const char *p = label; *p; p++)
		if (*p == '/' || *p == '\\' || *p == '!')
			b = p + 1;
	static const char *const sfx[] = { ".gz", ".gzip", ".bz2", ".xz", ".lzma", ".z" };
	size_t n = strlen(b);
	for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		size_t k = strlen(sfx[i]);
		if (n > k && !strcasecmp(b + n - k, sfx[i]))
			return arena_strndup(a, b, n - k);
	}
	return n ? b : "data";
}

/* A member's bytes read into a buffer that never grows past `want`. */
struct grab {
	uint8_t *buf;
	size_t len;
	size_t probe;   /* bytes seen past `want` (0 or 1) */
	int ended;      /* the member's data ended */
	int ratio_hit;
	uint64_t ratio;
	int err;        /* libarchive's code when reading failed */
	const char *errtext;
};

/* Compressed bytes consumed while reading a member: forward moves of
 * libarchive's position in the archive (a seek back is not consumption). */
struct consumed {
	int64_t last;
	uint64_t bytes;
};

static void consumed_start(struct walk *w, struct consumed *c)
{
	c->last = archive_filter_bytes(w->a, -1);
	c->bytes = 0;
}

/* inflated / compressed for the member being read. In solid archives (7z,
 * cab) members share compressed blocks and the reader seeks about, so the
 * ratio is the archive's inflated bytes so far over its whole size: that
 * still bounds inflation to max_ratio times the input. */
static int ratio_over(struct walk *w, uint64_t inflated, struct consumed *c, uint64_t *ratio)
{
	uint32_t max = w->set->limits.max_ratio;
	uint64_t packed;
	if (w->solid) {
		inflated += w->inflated;
		packed = w->size;
	} else {
		int64_t p = archive_filter_bytes(w->a, -1);
		if (p > c->last)
			c->bytes += (uint64_t)(p - c->last);
		c->last = p;
		packed = c->bytes;
	}
	if (!max || inflated < RATIO_FLOOR)
		return 0;
	*ratio = inflated / (packed ? packed : 1);
	return *ratio > max;
}

static void grab(struct walk *w, uint64_t want, uint64_t hint, int probe, struct grab *g)
{
	memset(g, 0, sizeof *g);
	struct consumed c0;
	consumed_start(w, &c0);
	size_t cap = 0;
	while (g->len < want) {
		size_t n = want - g->len > READ_CHUNK ? READ_CHUNK : (size_t)(want - g->len);
		if (g->len + n > cap) {
			/* the declared size is a hint only; want bounds the buffer */
			size_t nc = cap ? cap * 2 : (size_t)(hint && hint < want ? hint + 1 : READ_CHUNK);
			if (nc < g->len + n)
				nc = g->len + n;
			if (nc > want)
				nc = (size_t)want;
			uint8_t *nb = realloc(g->buf, nc);
			if (!nb) {
				g->err = ARCHIVE_FATAL;
				g->errtext = "out of memory";
				return;
			}
			g->buf = nb;
			cap = nc;
		}
		la_ssize_t r = archive_read_data(w->a, g->buf + g->len, n);
		if (r == 0) {
			g->ended = 1;
			return;
		}
		if (r < 0) {
			g->err = (int)r;
			g->errtext = la_error(w);
			return;
		}
		g->len += (size_t)r;
		if (ratio_over(w, g->len, &c0, &g->ratio)) {
			g->ratio_hit = 1;
			return;
		}
	}
	if (probe) {
		uint8_t one;
		la_ssize_t r = archive_read_data(w->a, &one, 1);
		if (r == 0)
			g->ended = 1;
		else if (r > 0)
			g->probe = 1;
		else {
			g->err = (int)r;
			g->errtext = la_error(w);
		}
	}
}

/* Inflate and discard the rest of a member, for streams where the next
 * header can only be reached that way (tar.gz, 7z, cab). Counted against
 * --max-total-bytes, so skipping cannot take unbounded time either. */
static int drain(struct walk *w)
{
	uint8_t buf[16384];
	struct consumed c0;
	consumed_start(w, &c0);
	uint64_t seen = 0, ratio;
	for (;;) {
		uint64_t room = input_room(w->set);
		if (room == 0)
			return stop(w, arena_printf(w->set->arena, "%s; later members were not read",
						    input_cap_reason(w->set, 0, 0, 0)), 0);
		la_ssize_t r = archive_read_data(w->a, buf, room < sizeof buf ? (size_t)room : sizeof buf);
		if (r == 0)
			return 0;
		if (r < 0)
			return stop(w, la_error(w), 1);
		w->set->total_bytes += (uint64_t)r;
		w->inflated += (uint64_t)r;
		seen += (uint64_t)r;
		if (ratio_over(w, w->solid ? 0 : seen, &c0, &ratio)) /* solid: w->inflated has it */
			return stop(w, arena_printf(w->set->arena,
				"stopped inside a member compressed more than %u:1 (--max-ratio); the rest of this compressed stream was not read",
				w->set->limits.max_ratio), 0);
	}
}

static int add_status(struct walk *w, const char *label, enum art_status st, uint64_t bytes,
		      const char *reason)
{
	return artefact_add_status(w->set, label, "unknown", st, bytes, reason) ? 0
		: stop(w, "out of memory for this case (arena cap)", 0);
}

/* Read one regular member and hand it on, within the caps. */
static int read_member(struct walk *w, struct archive_entry *e, const char *label)
{
	struct artefact_set *set = w->set;
	const struct limits *L = &set->limits;
	struct arena *a = set->arena;
	int size_known = archive_entry_size_is_set(e) && archive_entry_size(e) >= 0;
	uint64_t declared = size_known ? (uint64_t)archive_entry_size(e) : 0;

	uint64_t room = input_room(set);
	if (room == 0) {
		const char *why = input_cap_reason(set, 0, declared, size_known);
		if (add_status(w, label, ART_SKIPPED, declared, why) != 0)
			return -1;
		/* where skipping means inflating, the rest is out of reach */
		return w->cheap_skip ? 0
			: stop(w, arena_printf(a, "%s; later members were not read", why), 0);
	}
	uint64_t limit = L->max_member_bytes < room ? L->max_member_bytes : room;
	int big = size_known && declared > limit;
	uint64_t want = big ? (L->classify_prefix < limit ? L->classify_prefix : limit) : limit;

	struct grab g;
	grab(w, want, declared, !big, &g);
	set->total_bytes += g.len + g.probe;
	w->inflated += g.len + g.probe;

	int rc = 0;
	if (g.ratio_hit) {
		const char *why = arena_printf(a,
			"compression ratio over %u:1 (--max-ratio): %llu:1 after %zu bytes inflated, so not read further (a zip bomb or extremely repetitive data)",
			L->max_ratio, (unsigned long long)g.ratio, g.len);
		rc = add_status(w, label, ART_SKIPPED, size_known ? declared : g.len, why);
		if (rc == 0 && !w->cheap_skip && !w->raw)
			rc = stop(w, arena_printf(a, "stopped after %s: %s", label, why), 0);
	} else if (g.err) {
		/* a damaged member: what could be read is still looked at */
		size_t idx = set->items.n;
		if (g.len) {
			locale_pause(w->loc);
			input_dispatch(set, label, g.buf, g.len, w->depth + 1);
			locale_resume(w->loc);
		}
		if (idx < set->items.n) {
			struct artefact *art = &set->items.v[idx];
			if (art->status == ART_PARSED || art->status == ART_PARTIAL) {
				art->status = ART_PARTIAL;
				art->reason = arena_printf(a, "damaged member, only %zu bytes read: %s", g.len,
							   g.errtext);
			} else {
				art->status = ART_UNREADABLE;
				art->reason = g.errtext;
			}
		} else {
			rc = add_status(w, label, ART_UNREADABLE, declared, g.errtext);
		}
		if (rc == 0 && g.err <= ARCHIVE_FATAL) {
			w->member_fatal = 1;
			rc = stop(w, arena_printf(a, "damaged member %s: %s", label, g.errtext), 1);
		}
	} else if (big ? !g.ended : g.probe) {
		uint64_t size = size_known ? declared : g.len + g.probe;
		const char *why = input_cap_reason(set, limit, size, size_known);
		size_t plen = g.len < L->classify_prefix ? g.len : (size_t)L->classify_prefix;
		locale_pause(w->loc);
		input_add_oversized(set, label, g.buf, plen, size, why);
		locale_resume(w->loc);
		free(g.buf);
		g.buf = NULL;
		if (!w->cheap_skip && !w->raw)
			rc = drain(w);
	} else {
		locale_pause(w->loc);
		input_dispatch(set, label, g.buf, g.len, w->depth + 1);
		locale_resume(w->loc);
	}
	free(g.buf);
	return rc;
}

static int walk_member(struct walk *w, struct archive_entry *e)
{
	struct arena *a = w->set->arena;
	unsigned type = archive_entry_filetype(e);
	if (type == AE_IFDIR)
		return 0; /* folders are not artefacts */
	const char *name = w->raw ? raw_member_name(a, w->label) : archive_entry_pathname(e);
	if (!name)
		name = "";
	const char *label = label_member(a, w->label, name, strlen(name), w->set->limits.codepage);
	if (!label)
		return stop(w, "out of memory for this case (arena cap)", 0);
	if (!input_admit(w->set, label))
		return stop(w, arena_printf(a, "member cap reached (--max-members %u): later members were not read",
					    w->set->limits.max_members), 0);
	w->listed++;

	const char *target = archive_entry_symlink(e);
	if (type == AE_IFLNK || (target && *target)) {
		const char *t = label_from_bytes(a, target ? target : "", target ? strlen(target) : 0, NULL);
		return add_status(w, label, ART_SKIPPED, 0,
				  arena_printf(a, "symbolic link to %s (not followed)", t ? t : "?"));
	}
	const char *hard = archive_entry_hardlink(e);
	if (hard && (!archive_entry_size_is_set(e) || archive_entry_size(e) == 0)) {
		const char *t = label_from_bytes(a, hard, strlen(hard), NULL);
		return add_status(w, label, ART_SKIPPED, 0,
				  arena_printf(a, "hard link to %s (listed under that name)", t ? t : "?"));
	}
	if (type != AE_IFREG && type != 0)
		return add_status(w, label, ART_SKIPPED, 0, "not a regular file (device, fifo or socket)");
	if (archive_entry_is_encrypted(e))
		return add_status(w, label, ART_UNREADABLE,
				  archive_entry_size_is_set(e) ? (uint64_t)archive_entry_size(e) : 0,
				  "encrypted");
	return read_member(w, e, label);
}

/* After a member's data failed fatally in a zip read through its central
 * directory: a fresh reader, skipped past the entries already seen. */
static int resume(struct walk *w, struct archive_entry **e, int *rc)
{
	archive_read_free(w->a);
	int orc = ARCHIVE_FATAL;
	w->a = reader_open(w->src, &orc);
	if (!w->a || orc != ARCHIVE_OK)
		return -1;
	for (uint32_t i = 0; i < w->headers; i++) {
		int r = archive_read_next_header(w->a, e);
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
			return -1;
	}
	*rc = archive_read_next_header(w->a, e);
	return 0;
}

/* Read an archive from `src`: records the archive, then its members.
 * Returns ARC_NOT_ARCHIVE (nothing recorded) for bytes that are no archive. */
static int walk_archive(struct artefact_set *set, const struct source *src,
			struct name_locale *loc, const char *label, uint64_t size, unsigned depth)
{
	int orc = ARCHIVE_FATAL, rc;
	struct archive_entry *e;
	struct archive *a = reader_open(src, &orc);
	if (!a)
		return ARC_NOT_ARCHIVE;
	enum first kind = first_header(a, orc, &e, &rc);
	if (kind == FIRST_NOT_TAR) {
		archive_read_free(a);
		struct source raw = *src;
		raw.raw_only = 1;
		return walk_archive(set, &raw, loc, label, size, depth);
	}
	if (kind == FIRST_PLAIN) {
		archive_read_free(a);
		return ARC_NOT_ARCHIVE;
	}

	struct walk w = { 0 };
	w.set = set;
	w.a = a;
	w.src = src;
	w.loc = loc;
	w.label = label;
	w.depth = depth;
	w.self = set->items.n;
	struct arena *ar = set->arena;
	struct artefact *self = artefact_add_status(set, label, "archive", ART_PARSED, size, NULL);
	if (!self) {
		/* out of room */
	} else if (kind == FIRST_DAMAGED) {
		const char *why = la_error(&w);
		/* only once a format was chosen: after a failed open libarchive's
		 * format pointer is not safe to look at */
		if (orc == ARCHIVE_OK && archive_read_has_encrypted_entries(a) > 0)
			why = arena_printf(ar, "encrypted (%s)", why);
		self->status = ART_UNREADABLE;
		self->reason = why;
	} else if (depth > set->limits.max_depth) {
		self->status = ART_SKIPPED;
		self->reason = arena_printf(ar,
			"archive inside %u archives; --max-depth is %u, so its members were not read",
			depth, set->limits.max_depth);
	} else {
		w.raw = is_raw(a);
		unsigned fmt = (unsigned)archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
		w.cheap_skip = uncompressed_stream(a) &&
			       (fmt == ARCHIVE_FORMAT_ZIP || fmt == ARCHIVE_FORMAT_TAR);
		w.solid = fmt == ARCHIVE_FORMAT_7ZIP || fmt == ARCHIVE_FORMAT_CAB;
		w.size = size;
		int retries = 0, resumes = 0;
		for (;;) {
			if (rc == ARCHIVE_EOF)
				break;
			if (rc == ARCHIVE_RETRY && ++retries <= MAX_RETRIES) {
				rc = archive_read_next_header(w.a, &e);
				continue;
			}
			if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
				stop(&w, la_error(&w), 1);
				break;
			}
			retries = 0;
			w.headers++;
			if (walk_member(&w, e) != 0) {
				int again = w.member_fatal && fmt == ARCHIVE_FORMAT_ZIP && w.cheap_skip &&
					    ++resumes <= MAX_RESUMES;
				w.member_fatal = 0;
				if (!again || resume(&w, &e, &rc) != 0)
					break;
				continue;
			}
			if (w.raw)
				break;
			rc = archive_read_next_header(w.a, &e);
		}
		if (w.stop) {
			self = &set->items.v[w.self];
			self->status = w.damaged && w.listed == 0 ? ART_UNREADABLE : ART_PARTIAL;
			self->reason = w.stop;
		}
	}
	if (w.a)
		archive_read_free(w.a);
	return ARC_DONE;
}

int arc_add_memory(struct artefact_set *set, const char *label, const uint8_t *data,
		   size_t len, unsigned depth)
{
	if (!len)
		return ARC_NOT_ARCHIVE;
	struct source src = { data, len, -1, 0 };
	struct name_locale loc;
	locale_enter(&loc);
	int rc = walk_archive(set, &src, &loc, label, len, depth);
	locale_leave(&loc);
	return rc;
}

int arc_add_fd(struct artefact_set *set, const char *label, int fd, uint64_t size,
	       unsigned depth)
{
	if (!size || fd < 0)
		return ARC_NOT_ARCHIVE;
	struct source src = { NULL, 0, fd, 0 };
	struct name_locale loc;
	locale_enter(&loc);
	int rc = walk_archive(set, &src, &loc, label, size, depth);
	locale_leave(&loc);
	return rc;
}

int arc_sniff(const uint8_t *data, size_t len)
{
	if (!len)
		return 0;
	struct archive *a = reader_new(0);
	if (!a)
		return 0;
	struct archive_entry *e;
	int rc;
	int orc = archive_read_open_memory(a, data, len);
	int res = first_header(a, orc, &e, &rc) != FIRST_PLAIN;
	archive_read_free(a);
	return res;
}
