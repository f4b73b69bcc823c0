/* Caps against hostile bundles: compression ratio (zip bombs), nesting
 * depth, member count, bytes per member and in total. Each cap makes the
 * member skipped with a reason naming it, the rest of the bundle is still
 * read, and memory stays bounded (the read loop stops at the cap). */
#include <stdlib.h>
#include <string.h>

#include "arc_write.h"

static const char NET_TXT[] = "New connections will be remembered.\r\n"
			      "\r\n"
			      "The command completed successfully.\r\n";

static struct artefact_set *set_with(void (*tweak)(struct limits *))
{
	struct limits l;
	limits_default(&l);
	if (tweak)
		tweak(&l);
	return artefact_set_new(&l);
}

/* 50 MB of zeros deflated is about 51 KB: 1028:1, over the default 1000:1. */
static void test_ratio_zip(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_zeros(&w, "dump/zeros.bin", 50u << 20) == 0);
	CHECK(wb_file(&w, "after.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);
	CHECK(n > 0 && n < 100000);

	struct artefact_set *s = set_with(NULL);
	input_add_buffer(s, "bomb.zip", w.buf, n, 0);
	art_dump(s, "ratio zip");
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, "bomb.zip", "archive", "parsed");
	const struct artefact *t = art_find(s, "bomb.zip!/dump/zeros.bin");
	CHECK(t && t->status == ART_SKIPPED);
	CHECK(reason_has(t, "--max-ratio") && reason_has(t, "1000:1"));
	CHECK(t && t->bytes == 50u << 20); /* the size it claims */
	/* reading stopped a little past the 1 MiB the ratio is judged from */
	CHECK(s->total_bytes < (2u << 20));
	CHECK(arena_used(s->arena) < (8u << 20));
	/* zip members are reached through the directory: the rest is read */
	CHECK_READ(s, "bomb.zip!/after.txt");
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
}

static void ratio_100(struct limits *l)
{
	l->max_ratio = 100;
}

/* In a compressed tar the next member is reached only by inflating the
 * bomb: reading the archive stops there, and says so. */
static void test_ratio_tgz(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "first.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_zeros(&w, "zeros.bin", 20u << 20) == 0);
	CHECK(wb_file(&w, "after.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);

	struct artefact_set *s = set_with(ratio_100);
	input_add_buffer(s, "bomb.tgz", w.buf, n, 0);
	art_dump(s, "ratio tgz");
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, "bomb.tgz", "archive", "partial");
	CHECK(s->items.n && reason_has(&s->items.v[0], "--max-ratio"));
	CHECK_READ(s, "bomb.tgz!/first.txt");
	const struct artefact *t = art_find(s, "bomb.tgz!/zeros.bin");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-ratio"));
	CHECK(art_find(s, "bomb.tgz!/after.txt") == NULL);
	CHECK(s->total_bytes < (2u << 20));
	artefact_set_free(s);
	wb_free(&w);

	/* a single .gz bomb (its size unknown until inflated) */
	CHECK(wb_open(&w, ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, NULL, 1 << 20) == 0);
	CHECK(wb_zeros(&w, "x", 30u << 20) == 0);
	n = wb_close(&w);
	s = set_with(NULL);
	input_add_buffer(s, "memory.dmp.gz", w.buf, n, 0);
	art_dump(s, "ratio gz");
	CHECK_INT(s->items.n, 2);
	t = art_find(s, "memory.dmp.gz!/memory.dmp");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-ratio"));
	CHECK(s->total_bytes < (2u << 20));
	artefact_set_free(s);
	wb_free(&w);
}

static void big_members(struct limits *l)
{
	l->max_member_bytes = 256u << 20;
}

/* 7z: members share solid blocks, so the ratio is the archive's. */
static void test_ratio_7z(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_7ZIP, ARCHIVE_FILTER_NONE, "7zip:compression-level=1", 1 << 20) == 0);
	CHECK(wb_file(&w, "net.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_zeros(&w, "zeros.bin", 40u << 20) == 0);
	size_t n = wb_close(&w);
	CHECK(n > 0 && n < 100000);
	struct artefact_set *s = set_with(big_members);
	input_add_buffer(s, "bomb.7z", w.buf, n, 0);
	art_dump(s, "ratio 7z");
	CHECK_INT(s->items.n, 3);
	CHECK_READ(s, "bomb.7z!/net.txt");
	const struct artefact *t = art_find(s, "bomb.7z!/zeros.bin");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-ratio"));
	/* bounded by max_ratio times the archive's size */
	CHECK(s->total_bytes <= (uint64_t)1000 * n + (64u << 10));
	artefact_set_free(s);
	wb_free(&w);
}

/* zip in zip in zip ... deeper than --max-depth (default 4). */
static void test_depth(void)
{
	uint8_t *cur = NULL;
	size_t curlen = 0;
	/* level 6 is the innermost: a text file only */
	for (int level = 6; level >= 0; level--) {
		struct wbuf w;
		char name[64];
		CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
		snprintf(name, sizeof name, "n%d.txt", level);
		CHECK(wb_file(&w, name, NET_TXT, strlen(NET_TXT), 1) == 0);
		if (cur) {
			snprintf(name, sizeof name, "l%d.zip", level + 1);
			CHECK(wb_file(&w, name, cur, curlen, 1) == 0);
		}
		size_t n = wb_close(&w);
		free(cur);
		cur = w.buf;
		curlen = n;
		w.buf = NULL;
		wb_free(&w);
	}
	struct artefact_set *s = set_with(NULL);
	input_add_buffer(s, "l0.zip", cur, curlen, 0);
	art_dump(s, "depth");
	/* archives at depth 0..4 are read (with their n*.txt); l5.zip is inside
	 * 5 archives: recorded, not opened */
	CHECK_INT(s->items.n, 11);
	CHECK_ART(s, "l0.zip", "archive", "parsed");
	CHECK_ART(s, "l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip", "archive", "parsed");
	CHECK_READ(s, "l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip!/n4.txt");
	const char *deep = "l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip!/l5.zip";
	CHECK_ART(s, deep, "archive", "skipped");
	const struct artefact *t = art_find(s, deep);
	CHECK(reason_has(t, "--max-depth"));
	CHECK(art_find(s, "l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip!/l5.zip!/n5.txt") == NULL);
	CHECK(art_unique(s));
	artefact_set_free(s);
	free(cur);
}

static void ten_members(struct limits *l)
{
	l->max_members = 10;
}

static void test_member_count(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	for (int i = 0; i < 50; i++) {
		char name[32];
		snprintf(name, sizeof name, "f%02d.txt", i);
		CHECK(wb_file(&w, name, "x\r\n", 3, 1) == 0);
	}
	size_t n = wb_close(&w);
	struct artefact_set *s = set_with(ten_members);
	input_add_buffer(s, "many.zip", w.buf, n, 0);
	/* the cap holds across inputs: nothing more is read */
	input_add_buffer(s, "later.txt", (const uint8_t *)"later\r\n", 7, 0);
	art_dump(s, "member count");
	/* the archive and 9 members make 10; the 11th is the cap's notice */
	CHECK_INT(s->items.n, 11);
	CHECK_ART(s, "many.zip", "archive", "partial");
	CHECK(s->items.n && reason_has(&s->items.v[0], "--max-members 10"));
	CHECK_READ(s, "many.zip!/f00.txt");
	CHECK_READ(s, "many.zip!/f08.txt");
	const struct artefact *t = art_find(s, "many.zip!/f09.txt");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-members"));
	CHECK(art_find(s, "many.zip!/f10.txt") == NULL);
	CHECK(art_find(s, "later.txt") == NULL);
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
}

static void small_members(struct limits *l)
{
	l->max_member_bytes = 1u << 20;
	l->classify_prefix = 64u << 10;
}

/* Text that compresses like real logs. */
static char *log_text(size_t len)
{
	char *t = malloc(len + 64);
	size_t o = 0;
	uint32_t x = 1;
	while (t && o < len) {
		x = x * 1103515245u + 12345u;
		o += (size_t)snprintf(t + o, 64, "%08x event %u\r\n", x, x >> 20);
	}
	return t;
}

static void test_member_bytes(void)
{
	size_t big = 3u << 20;
	char *logs = log_text(big);
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 4 << 20) == 0);
	CHECK(wb_file(&w, "big.log", logs, big, 1) == 0);
	CHECK(wb_file(&w, "small.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);
	struct artefact_set *s = set_with(small_members);
	input_add_buffer(s, "case.zip", w.buf, n, 0);
	art_dump(s, "member bytes");
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, "case.zip", "archive", "parsed");
	const struct artefact *t = art_find(s, "case.zip!/big.log");
	CHECK(t && t->status == ART_SKIPPED && t->bytes == big);
	CHECK(reason_has(t, "--max-member-bytes") && reason_has(t, "3145728 bytes"));
	CHECK(t && t->text.n == 0 && t->segs.n == 0); /* nothing of it is analysed */
	CHECK_READ(s, "case.zip!/small.txt");
	/* the size is known up front: only the classification prefix was read */
	CHECK_INT(s->total_bytes, (64u << 10) + strlen(NET_TXT));
	artefact_set_free(s);
	wb_free(&w);

	/* a .gz does not say its size: the read stops at the cap, not after */
	CHECK(wb_open(&w, ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, NULL, 4 << 20) == 0);
	CHECK(wb_file(&w, "x", logs, big, 0) == 0);
	n = wb_close(&w);
	s = set_with(small_members);
	input_add_buffer(s, "big.log.gz", w.buf, n, 0);
	art_dump(s, "member bytes gz");
	t = art_find(s, "big.log.gz!/big.log");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "more than 1048576 bytes"));
	CHECK(s->total_bytes <= (1u << 20) + 1);
	artefact_set_free(s);
	wb_free(&w);

	/* a buffer handed in directly is held to the same cap */
	s = set_with(small_members);
	input_add_buffer(s, "big.log", (const uint8_t *)logs, big, 0);
	t = art_find(s, "big.log");
	CHECK(t && t->status == ART_SKIPPED && t->bytes == big && reason_has(t, "--max-member-bytes"));
	CHECK(s->total_bytes <= (64u << 10));
	artefact_set_free(s);

	/* an archive too large to inflate is still named an archive */
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 4 << 20) == 0);
	CHECK(archive_write_zip_set_compression_store(w.a) == ARCHIVE_OK);
	CHECK(wb_file(&w, "in.log", logs, big, 1) == 0);
	n = wb_close(&w);
	struct wbuf o;
	CHECK(wb_open(&o, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 8 << 20) == 0);
	CHECK(wb_file(&o, "inner.zip", w.buf, n, 1) == 0);
	size_t no = wb_close(&o);
	s = set_with(small_members);
	input_add_buffer(s, "outer.zip", o.buf, no, 0);
	art_dump(s, "big inner archive");
	CHECK_ART(s, "outer.zip!/inner.zip", "archive", "skipped");
	CHECK(reason_has(art_find(s, "outer.zip!/inner.zip"), "--max-member-bytes"));
	artefact_set_free(s);
	wb_free(&o);
	wb_free(&w);
	free(logs);
}

/* An archive's own (compressed) bytes do not count: 1 MiB for members. */
static const uint64_t total_cap = 1u << 20;

static void total_1m(struct limits *l)
{
	l->max_total_bytes = total_cap;
	l->classify_prefix = 64u << 10;
}

static void test_total_bytes(void)
{
	size_t part = 600u << 10;
	char *logs = log_text(part);
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 4 << 20) == 0);
	CHECK(wb_file(&w, "a.log", logs, part, 1) == 0);
	CHECK(wb_file(&w, "b.log", logs, part, 1) == 0);
	CHECK(wb_file(&w, "c.log", logs, part, 1) == 0);
	size_t n = wb_close(&w);
	struct artefact_set *s = set_with(total_1m);
	input_add_buffer(s, "case.zip", w.buf, n, 0);
	art_dump(s, "total bytes");
	CHECK_INT(s->items.n, 4);
	CHECK_READ(s, "case.zip!/a.log");
	const struct artefact *t = art_find(s, "case.zip!/b.log");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-total-bytes"));
	t = art_find(s, "case.zip!/c.log");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-total-bytes"));
	CHECK(s->total_bytes <= total_cap);
	artefact_set_free(s);
	wb_free(&w);

	/* in a compressed tar the rest of the stream is not inflated */
	CHECK(wb_open(&w, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, NULL, 4 << 20) == 0);
	CHECK(wb_file(&w, "a.log", logs, part, 1) == 0);
	CHECK(wb_file(&w, "b.log", logs, part, 1) == 0);
	CHECK(wb_file(&w, "c.log", logs, part, 1) == 0);
	n = wb_close(&w);
	s = set_with(total_1m);
	input_add_buffer(s, "case.tgz", w.buf, n, 0);
	art_dump(s, "total bytes tgz");
	CHECK_READ(s, "case.tgz!/a.log");
	t = art_find(s, "case.tgz!/b.log");
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-total-bytes"));
	CHECK_ART(s, "case.tgz", "archive", "partial");
	CHECK(s->items.n && reason_has(&s->items.v[0], "--max-total-bytes"));
	CHECK(s->total_bytes <= total_cap);
	artefact_set_free(s);
	wb_free(&w);
	free(logs);
}

int main(void)
{
	test_ratio_zip();
	test_ratio_tgz();
	test_ratio_7z();
	test_depth();
	test_member_count();
	test_member_bytes();
	test_total_bytes();
	return check_exit();
}
