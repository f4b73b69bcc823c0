/* Archive formats read in memory: zip (stored, deflate, zip64), nested zips,
 * tar (plain, gz, bz2, xz), single .gz, 7z, cab; damaged, truncated and
 * encrypted archives. Archives are written by libarchive into memory; the
 * cab comes from fixtures/containers (libarchive cannot write cab). */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "arc_write.h"

static const char NET_TXT[] = "New connections will be remembered.\r\n"
			      "\r\n"
			      "The command completed successfully.\r\n";

static struct artefact_set *new_set(void)
{
	struct limits l;
	limits_default(&l);
	return artefact_set_new(&l);
}

/* zip with a folder entry, a deflated and a stored member. */
static void test_zip(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_special(&w, "logs/", AE_IFDIR, NULL) == 0);
	CHECK(wb_file(&w, "logs/net.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(archive_write_zip_set_compression_store(w.a) == ARCHIVE_OK);
	const char *readme = "stored, not deflated: this text is in the zip as is\r\n";
	CHECK(wb_file(&w, "readme.txt", readme, strlen(readme), 1) == 0);
	size_t n = wb_close(&w);
	CHECK(n > 0);
	/* the stored member's text is in the archive verbatim, the deflated one's is not */
	CHECK(memmem(w.buf, n, readme, strlen(readme)) != NULL);
	CHECK(memmem(w.buf, n, "remembered", 10) == NULL);

	struct artefact_set *s = new_set();
	CHECK(input_add_buffer(s, "case.zip", w.buf, n, 0) == 0);
	art_dump(s, "zip");
	CHECK_INT(s->items.n, 3); /* the archive and two files: no folder entry */
	CHECK_ART(s, "case.zip", "archive", "parsed");
	CHECK_INT(art_index(s, "case.zip"), 0);
	CHECK_INT(s->items.v[0].bytes, n);
	CHECK_READ(s, "case.zip!/logs/net.txt");
	CHECK_READ(s, "case.zip!/readme.txt");
	CHECK(art_find(s, "case.zip!/logs") == NULL);
	CHECK_INT(s->members, 3);

	/* a UTF-8 text member reaches the pipeline intact */
	const struct artefact *t = art_find(s, "case.zip!/logs/net.txt");
	if (t) {
		CHECK_INT(t->bytes, strlen(NET_TXT));
		CHECK_INT(t->text.n, 3);
		CHECK(t->text.n == 3 && t->text.v[2].len == 35 &&
		      !memcmp(t->text.v[2].s, "The command completed successfully.", 35));
	}
	CHECK_INT(s->total_bytes, strlen(NET_TXT) + strlen(readme)); /* inflated members only */
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
}

/* Whether the first local header carries a Zip64 extra field (id 0x0001),
 * and its "version needed to extract". */
static int zip_local_zip64(const uint8_t *z, size_t n, int *version)
{
	*version = n >= 6 ? z[4] | z[5] << 8 : -1;
	if (n < 30 || memcmp(z, "PK\x03\x04", 4) != 0)
		return 0;
	size_t namelen = z[26] | z[27] << 8, extralen = z[28] | z[29] << 8;
	if (30 + namelen + extralen > n)
		return 0;
	const uint8_t *ex = z + 30 + namelen, *end = ex + extralen;
	while (ex + 4 <= end) {
		unsigned id = ex[0] | ex[1] << 8, sz = ex[2] | ex[3] << 8;
		if (id == 0x0001)
			return 1;
		ex += 4 + sz;
	}
	return 0;
}

static void test_zip64(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:zip64", 1 << 20) == 0);
	CHECK(wb_file(&w, "a/net.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(archive_write_zip_set_compression_store(w.a) == ARCHIVE_OK);
	CHECK(wb_file(&w, "b.txt", "zip64 stored member\r\n", 21, 1) == 0);
	size_t n = wb_close(&w);
	int version;
	CHECK(zip_local_zip64(w.buf, n, &version)); /* libarchive forces Zip64 extras */
	CHECK_INT(version, 45);

	struct artefact_set *s = new_set();
	input_add_buffer(s, "z64.zip", w.buf, n, 0);
	art_dump(s, "zip64");
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, "z64.zip", "archive", "parsed");
	CHECK_READ(s, "z64.zip!/a/net.txt");
	CHECK_READ(s, "z64.zip!/b.txt");
	const struct artefact *t = art_find(s, "z64.zip!/a/net.txt");
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	t = art_find(s, "z64.zip!/b.txt");
	CHECK(t && t->bytes == 21);
	artefact_set_free(s);
	wb_free(&w);
}

static uint8_t *put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8);
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	return put16(put16(p, v & 0xffff), v >> 16);
}

static uint8_t *put64(uint8_t *p, uint64_t v)
{
	return put32(put32(p, (uint32_t)v), (uint32_t)(v >> 32));
}

/* A zip64 archive as the format defines it (APPNOTE 4.3.14-4.3.16, 4.5.3):
 * every size and offset 0xFFFFFFFF with the real values in Zip64 extra
 * fields, a Zip64 end of central directory record and its locator, and
 * 0xFFFF entry counts in the classic end record. libarchive's writer only
 * emits the local extras, so this one is laid out by hand. */
static size_t make_full_zip64(uint8_t *z, const char *name, const char *data)
{
	uint32_t crc = (uint32_t)crc32(0, (const Bytef *)data, (uInt)strlen(data));
	size_t nl = strlen(name), dl = strlen(data);
	uint8_t *p = z;
	p = put32(p, 0x04034b50), p = put16(p, 45), p = put16(p, 0), p = put16(p, 0);
	p = put16(p, 0), p = put16(p, 0x5821), p = put32(p, crc);
	p = put32(p, 0xffffffff), p = put32(p, 0xffffffff), p = put16(p, (unsigned)nl), p = put16(p, 20);
	memcpy(p, name, nl), p += nl;
	p = put16(p, 1), p = put16(p, 16), p = put64(p, dl), p = put64(p, dl);
	memcpy(p, data, dl), p += dl;
	size_t cd = (size_t)(p - z);
	p = put32(p, 0x02014b50), p = put16(p, 45), p = put16(p, 45), p = put16(p, 0), p = put16(p, 0);
	p = put16(p, 0), p = put16(p, 0x5821), p = put32(p, crc);
	p = put32(p, 0xffffffff), p = put32(p, 0xffffffff), p = put16(p, (unsigned)nl), p = put16(p, 28);
	p = put16(p, 0), p = put16(p, 0), p = put16(p, 0), p = put32(p, 0), p = put32(p, 0xffffffff);
	memcpy(p, name, nl), p += nl;
	p = put16(p, 1), p = put16(p, 24), p = put64(p, dl), p = put64(p, dl), p = put64(p, 0);
	size_t cdlen = (size_t)(p - z) - cd, eocd64 = (size_t)(p - z);
	p = put32(p, 0x06064b50), p = put64(p, 44), p = put16(p, 45), p = put16(p, 45);
	p = put32(p, 0), p = put32(p, 0), p = put64(p, 1), p = put64(p, 1), p = put64(p, cdlen), p = put64(p, cd);
	p = put32(p, 0x07064b50), p = put32(p, 0), p = put64(p, eocd64), p = put32(p, 1);
	p = put32(p, 0x06054b50), p = put16(p, 0xffff), p = put16(p, 0xffff), p = put16(p, 0xffff);
	p = put16(p, 0xffff), p = put32(p, 0xffffffff), p = put32(p, 0xffffffff), p = put16(p, 0);
	return (size_t)(p - z);
}

static void test_zip64_full(void)
{
	uint8_t z[1024];
	size_t n = make_full_zip64(z, "logs/net.txt", NET_TXT);
	struct artefact_set *s = new_set();
	input_add_buffer(s, "full64.zip", z, n, 0);
	art_dump(s, "zip64 full");
	CHECK_INT(s->items.n, 2);
	CHECK_ART(s, "full64.zip", "archive", "parsed");
	const struct artefact *t = art_find(s, "full64.zip!/logs/net.txt");
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	CHECK_READ(s, "full64.zip!/logs/net.txt");
	artefact_set_free(s);
}

/* Sizes unknown to the writer: data descriptors after each member. */
static void test_zip_streamed(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "net.txt", NET_TXT, strlen(NET_TXT), 0) == 0);
	CHECK(wb_file(&w, "two.txt", "two\r\n", 5, 0) == 0);
	size_t n = wb_close(&w);
	CHECK(w.buf[6] & 0x08); /* general purpose flag: data descriptor */
	struct artefact_set *s = new_set();
	input_add_buffer(s, "dd.zip", w.buf, n, 0);
	CHECK_INT(s->items.n, 3);
	const struct artefact *t = art_find(s, "dd.zip!/net.txt");
	CHECK(t && t->bytes == strlen(NET_TXT));
	CHECK_READ(s, "dd.zip!/two.txt");
	artefact_set_free(s);
	wb_free(&w);
}

static size_t make_zip1(uint8_t **out, const char *name, const void *data, size_t len)
{
	struct wbuf w;
	*out = NULL;
	if (wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) != 0 ||
	    wb_file(&w, name, data, len, 1) != 0) {
		wb_free(&w);
		return 0;
	}
	size_t n = wb_close(&w);
	*out = w.buf;
	return n;
}

static void test_nested(void)
{
	uint8_t *inner = NULL;
	size_t ni = make_zip1(&inner, "net.txt", NET_TXT, strlen(NET_TXT));
	CHECK(ni > 0);
	/* a .gz inside the zip too */
	struct wbuf g;
	CHECK(wb_open(&g, ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, NULL, 1 << 20) == 0);
	CHECK(wb_file(&g, "x", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t ng = wb_close(&g);

	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "logs/inner.zip", inner, ni, 1) == 0);
	CHECK(wb_file(&w, "logs/cmdkey.txt.gz", g.buf, ng, 1) == 0);
	CHECK(wb_file(&w, "top.txt", "top\r\n", 5, 1) == 0);
	size_t n = wb_close(&w);

	struct artefact_set *s = new_set();
	input_add_buffer(s, "outer.zip", w.buf, n, 0);
	art_dump(s, "nested");
	CHECK_INT(s->items.n, 6);
	CHECK_ART(s, "outer.zip", "archive", "parsed");
	CHECK_ART(s, "outer.zip!/logs/inner.zip", "archive", "parsed");
	CHECK_READ(s, "outer.zip!/logs/inner.zip!/net.txt");
	CHECK_ART(s, "outer.zip!/logs/cmdkey.txt.gz", "archive", "parsed");
	CHECK_READ(s, "outer.zip!/logs/cmdkey.txt.gz!/cmdkey.txt");
	CHECK_READ(s, "outer.zip!/top.txt");
	/* an archive comes right before its members */
	CHECK_INT(art_index(s, "outer.zip!/logs/inner.zip") + 1,
		  art_index(s, "outer.zip!/logs/inner.zip!/net.txt"));
	const struct artefact *t = art_find(s, "outer.zip!/logs/inner.zip!/net.txt");
	CHECK(t && t->text.n == 3);
	t = art_find(s, "outer.zip!/logs/cmdkey.txt.gz!/cmdkey.txt");
	CHECK(t && t->bytes == strlen(NET_TXT));
	CHECK_INT(s->members, 6);
	CHECK(art_unique(s));
	artefact_set_free(s);
	free(inner);
	wb_free(&g);
	wb_free(&w);
}

static size_t make_tar(struct wbuf *w, int filter)
{
	if (wb_open(w, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, filter, NULL, 1 << 20) != 0)
		return 0;
	wb_special(w, "./logs/", AE_IFDIR, NULL);
	wb_file(w, "./logs/net.txt", NET_TXT, strlen(NET_TXT), 1);
	wb_file(w, "./logs/empty.txt", "", 0, 1);
	wb_special(w, "./logs/link.txt", AE_IFLNK, "/etc/passwd");
	wb_special(w, "./logs/hard.txt", AE_IFREG, "./logs/net.txt");
	wb_file(w, "./b.txt", "bee\r\n", 5, 1);
	return wb_close(w);
}

static void check_tar(const char *name, int filter)
{
	struct wbuf w;
	size_t n = make_tar(&w, filter);
	CHECK(n > 0);
	struct artefact_set *s = new_set();
	input_add_buffer(s, name, w.buf, n, 0);
	art_dump(s, name);
	char p[256];
	CHECK_INT(s->items.n, 6);
	CHECK_ART(s, name, "archive", "parsed");
	snprintf(p, sizeof p, "%s!/logs/net.txt", name);
	CHECK_READ(s, p);
	const struct artefact *t = art_find(s, p);
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	snprintf(p, sizeof p, "%s!/logs/empty.txt", name);
	t = art_find(s, p);
	CHECK(t && t->bytes == 0 && t->status != ART_SKIPPED);
	snprintf(p, sizeof p, "%s!/logs/link.txt", name);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "symbolic link to /etc/passwd"));
	snprintf(p, sizeof p, "%s!/logs/hard.txt", name);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "hard link"));
	snprintf(p, sizeof p, "%s!/b.txt", name);
	CHECK_READ(s, p);
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
}

static void test_tar(void)
{
	check_tar("bundle.tar", ARCHIVE_FILTER_NONE);
	check_tar("bundle.tgz", ARCHIVE_FILTER_GZIP);
	check_tar("bundle.tar.bz2", ARCHIVE_FILTER_BZIP2);
	check_tar("bundle.tar.xz", ARCHIVE_FILTER_XZ);
}

/* A single compressed file: its member is named after it, without .gz. */
static void test_single_gz(void)
{
	static const struct {
		int filter;
		const char *name, *member;
	} cases[] = {
		{ ARCHIVE_FILTER_GZIP, "netuse.txt.gz", "netuse.txt.gz!/netuse.txt" },
		{ ARCHIVE_FILTER_BZIP2, "netuse.txt.bz2", "netuse.txt.bz2!/netuse.txt" },
		{ ARCHIVE_FILTER_XZ, "netuse.txt.xz", "netuse.txt.xz!/netuse.txt" },
		{ ARCHIVE_FILTER_GZIP, "renamed.bin", "renamed.bin!/renamed.bin" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct wbuf w;
		CHECK(wb_open(&w, ARCHIVE_FORMAT_RAW, cases[i].filter, NULL, 1 << 20) == 0);
		CHECK(wb_file(&w, "x", NET_TXT, strlen(NET_TXT), 1) == 0);
		size_t n = wb_close(&w);
		struct artefact_set *s = new_set();
		input_add_buffer(s, cases[i].name, w.buf, n, 0);
		art_dump(s, cases[i].name);
		CHECK_INT(s->items.n, 2);
		CHECK_ART(s, cases[i].name, "archive", "parsed");
		CHECK_READ(s, cases[i].member);
		const struct artefact *t = art_find(s, cases[i].member);
		CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
		artefact_set_free(s);
		wb_free(&w);
	}
	/* plain text is not mistaken for a raw archive */
	struct artefact_set *s = new_set();
	input_add_buffer(s, "plain.txt", (const uint8_t *)NET_TXT, strlen(NET_TXT), 0);
	CHECK_INT(s->items.n, 1);
	CHECK_READ(s, "plain.txt");
	artefact_set_free(s);
}

/* Text that compresses like real logs (a few times, not a thousand). */
static char *log_text(size_t len, uint32_t seed)
{
	char *t = malloc(len + 64);
	size_t o = 0;
	uint32_t x = seed;
	while (t && o < len) {
		x = x * 1103515245u + 12345u;
		o += (size_t)snprintf(t + o, 64, "%08x event %u user%u \\\\srv%u\\share%u\r\n", x,
				      x >> 20, (x >> 8) & 0xff, x & 0xf, (x >> 4) & 0x1f);
	}
	return t;
}

static void test_7z(void)
{
	size_t big = 3u << 19; /* past the 1 MiB the ratio is judged from */
	char *logs = log_text(big, 7);
	locale_t l = utf8_locale_on();
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_7ZIP, ARCHIVE_FILTER_NONE, "7zip:compression-level=1", 8 << 20) == 0);
	CHECK(wb_file(&w, "日志/网络.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_file(&w, "big1.log", logs, big, 1) == 0);
	CHECK(wb_file(&w, "big2.log", logs, big, 1) == 0);
	CHECK(wb_special(&w, "empty-dir", AE_IFDIR, NULL) == 0);
	size_t n = wb_close(&w);
	utf8_locale_off(l);
	CHECK(n > 0);

	struct artefact_set *s = new_set();
	input_add_buffer(s, "case.7z", w.buf, n, 0);
	art_dump(s, "7z");
	CHECK_INT(s->items.n, 4);
	CHECK_ART(s, "case.7z", "archive", "parsed");
	CHECK_READ(s, "case.7z!/日志/网络.txt");
	const struct artefact *t = art_find(s, "case.7z!/日志/网络.txt");
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	/* solid LZMA members are not mistaken for bombs by the ratio cap */
	CHECK_READ(s, "case.7z!/big1.log");
	CHECK_READ(s, "case.7z!/big2.log");
	t = art_find(s, "case.7z!/big2.log");
	CHECK(t && t->bytes == big);
	artefact_set_free(s);
	wb_free(&w);
	free(logs);
}

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *b = malloc(1 << 20);
	*len = b ? fread(b, 1, 1 << 20, f) : 0;
	fclose(f);
	return b;
}

/* fixtures/containers/sample.cab: made with gcab -c -z (see NOTES.md). */
static void test_cab(void)
{
	const char *fx = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/containers/sample.cab", fx ? fx : "fixtures");
	size_t len = 0;
	uint8_t *cab = slurp(path, &len);
	CHECK(cab != NULL && len > 0);
	if (!cab)
		return;
	struct artefact_set *s = new_set();
	input_add_buffer(s, "sample.cab", cab, len, 0);
	art_dump(s, "cab");
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, "sample.cab", "archive", "parsed");
	/* cab stores "logs\netuse.txt"; libarchive gives "/" */
	const struct artefact *t = art_find(s, "sample.cab!/logs/netuse.txt");
	if (!t)
		t = art_find(s, "sample.cab!/logs\\netuse.txt");
	CHECK(t != NULL);
	CHECK(t && t->bytes == 76 && t->text.n == 3);
	CHECK_READ(s, "sample.cab!/readme.txt");
	artefact_set_free(s);

	/* the same through input_add_path (read via the descriptor) */
	s = new_set();
	CHECK(input_add_path(s, path) == 0);
	CHECK_INT(s->items.n, 3);
	CHECK(s->items.n && !strcmp(s->items.v[0].kind, "archive"));
	artefact_set_free(s);
	free(cab);
}

/* Offset of the data of the k-th local header (0-based) in a zip. */
static size_t zip_data_at(const uint8_t *z, size_t n, int k)
{
	const uint8_t *p = z;
	for (int i = 0; p; i++) {
		p = memmem(p, n - (size_t)(p - z), "PK\x03\x04", 4);
		if (!p || (size_t)(p - z) + 30 > n)
			return 0;
		if (i == k)
			return (size_t)(p - z) + 30 + (p[26] | p[27] << 8) + (p[28] | p[29] << 8);
		p += 4;
	}
	return 0;
}

static void test_corrupt(void)
{
	char *logs = log_text(200000, 3);
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "ok.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_file(&w, "bad.log", logs, 200000, 1) == 0);
	CHECK(wb_file(&w, "after.txt", "after\r\n", 7, 1) == 0);
	size_t n = wb_close(&w);
	size_t at = zip_data_at(w.buf, n, 1);
	CHECK(at > 0 && at + 2000 < n);
	for (size_t i = at + 500; i < at + 1500; i++)
		w.buf[i] ^= 0x5A;

	struct artefact_set *s = new_set();
	input_add_buffer(s, "broken.zip", w.buf, n, 0);
	art_dump(s, "corrupt member");
	CHECK_INT(s->items.n, 4);
	CHECK_ART(s, "broken.zip", "archive", "partial");
	CHECK(s->items.n && reason_has(&s->items.v[0], "broken.zip!/bad.log"));
	CHECK_READ(s, "broken.zip!/ok.txt");
	const struct artefact *t = art_find(s, "broken.zip!/bad.log");
	CHECK(t && t->status == ART_UNREADABLE && t->reason && *t->reason);
	/* the reason is libarchive's own text */
	CHECK(t && t->reason && (strstr(t->reason, "ZIP") || strstr(t->reason, "ecompress") ||
				 strstr(t->reason, "CRC")));
	/* members after the damaged one are still read (the zip is reopened and
	 * its central directory leads past the damaged member) */
	CHECK_READ(s, "broken.zip!/after.txt");
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
	free(logs);

	/* a 7z signature followed by garbage: the archive is unreadable */
	uint8_t junk[600];
	memcpy(junk, "7z\xBC\xAF\x27\x1C\x00\x04", 8);
	for (size_t i = 8; i < sizeof junk; i++)
		junk[i] = (uint8_t)(i * 37 + 11);
	s = new_set();
	input_add_buffer(s, "junk.7z", junk, sizeof junk, 0);
	art_dump(s, "junk 7z");
	CHECK_INT(s->items.n, 1);
	CHECK_ART(s, "junk.7z", "archive", "unreadable");
	CHECK(s->items.n && s->items.v[0].reason && *s->items.v[0].reason);
	artefact_set_free(s);

	/* a gzip header whose stream is garbage */
	uint8_t gz[64] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	for (size_t i = 10; i < sizeof gz; i++)
		gz[i] = 0xff;
	s = new_set();
	input_add_buffer(s, "bad.gz", gz, sizeof gz, 0);
	art_dump(s, "bad gz");
	CHECK(s->items.n >= 1 && !strcmp(s->items.v[0].kind, "archive"));
	CHECK(s->items.n >= 1 && s->items.v[0].status != ART_PARSED);
	CHECK(s->items.n < 2 || s->items.v[1].status == ART_UNREADABLE);
	artefact_set_free(s);
}

static void test_truncated(void)
{
	char *logs = log_text(30000, 9);
	/* zip cut inside its third member: no central directory any more */
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:compression=store", 1 << 20) == 0);
	CHECK(wb_file(&w, "one.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_file(&w, "two.log", logs, 30000, 1) == 0);
	CHECK(wb_file(&w, "three.log", logs, 30000, 1) == 0);
	CHECK(wb_file(&w, "four.txt", "four\r\n", 6, 1) == 0);
	size_t n = wb_close(&w);
	size_t cut = zip_data_at(w.buf, n, 2) + 10000;
	struct artefact_set *s = new_set();
	input_add_buffer(s, "cut.zip", w.buf, cut, 0);
	art_dump(s, "truncated zip");
	CHECK_ART(s, "cut.zip", "archive", "partial");
	CHECK(s->items.n && s->items.v[0].reason && *s->items.v[0].reason);
	CHECK_READ(s, "cut.zip!/one.txt");
	CHECK_READ(s, "cut.zip!/two.log");
	const struct artefact *t = art_find(s, "cut.zip!/two.log");
	CHECK(t && t->bytes == 30000);
	/* the cut member: what was read is kept, with libarchive's reason */
	t = art_find(s, "cut.zip!/three.log");
	CHECK(t && (t->status == ART_UNREADABLE || t->status == ART_PARTIAL) && t->reason);
	CHECK(art_find(s, "cut.zip!/four.txt") == NULL);
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);

	/* tar.gz cut in the middle (libarchive inflates in 64 KiB blocks: the
	 * members in blocks before the cut are listed) */
	free(logs);
	logs = log_text(400000, 5);
	CHECK(wb_open(&w, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "one.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_file(&w, "two.log", logs, 400000, 1) == 0);
	CHECK(wb_file(&w, "three.log", logs, 400000, 1) == 0);
	n = wb_close(&w);
	s = new_set();
	input_add_buffer(s, "cut.tgz", w.buf, n * 2 / 3, 0);
	art_dump(s, "truncated tgz");
	CHECK_ART(s, "cut.tgz", "archive", "partial");
	CHECK(s->items.n && reason_has(&s->items.v[0], "runcated"));
	CHECK_READ(s, "cut.tgz!/one.txt");
	CHECK_READ(s, "cut.tgz!/two.log");
	/* the member the cut falls in: what was inflated, with libarchive's reason */
	t = art_find(s, "cut.tgz!/three.log");
	CHECK(t && t->status == ART_UNREADABLE && reason_has(t, "truncated gzip input"));
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&w);
	free(logs);
}

/* libarchive encrypts every member of a zip it writes with a passphrase:
 * the encrypted zip sits inside a plain one, next to a readable member. */
static void test_encrypted(void)
{
	struct wbuf in;
	CHECK(wb_open_pw(&in, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:encryption=zipcrypt",
			 "s3cret", 1 << 20) == 0);
	CHECK(wb_file(&in, "secret.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	CHECK(wb_file(&in, "secret2.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t ni = wb_close(&in);
	CHECK(ni > 0 && (in.buf[6] & 0x01)); /* general purpose flag: encrypted */
	CHECK(memmem(in.buf, ni, "remembered", 10) == NULL);

	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	CHECK(wb_file(&w, "locked.zip", in.buf, ni, 1) == 0);
	CHECK(wb_file(&w, "plain.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);

	struct artefact_set *s = new_set();
	input_add_buffer(s, "case.zip", w.buf, n, 0);
	art_dump(s, "encrypted");
	CHECK_INT(s->items.n, 5);
	CHECK_ART(s, "case.zip", "archive", "parsed");
	CHECK_ART(s, "case.zip!/locked.zip", "archive", "parsed");
	const struct artefact *t = art_find(s, "case.zip!/locked.zip!/secret.txt");
	CHECK(t && t->status == ART_UNREADABLE);
	CHECK(t && t->reason && !strcmp(t->reason, "encrypted"));
	t = art_find(s, "case.zip!/locked.zip!/secret2.txt");
	CHECK(t && t->status == ART_UNREADABLE && t->reason && !strcmp(t->reason, "encrypted"));
	CHECK_READ(s, "case.zip!/plain.txt");
	t = art_find(s, "case.zip!/plain.txt");
	CHECK(t && t->text.n == 3);
	CHECK(art_unique(s));
	artefact_set_free(s);
	wb_free(&in);
	wb_free(&w);
}

/* Archives libarchive cannot write, made with 7-Zip (fixtures/containers/NOTES.md). */
static struct artefact_set *load_fixture(const char *name, char *path, size_t size)
{
	const char *fx = getenv("MDT_FIXTURES");
	snprintf(path, size, "%s/containers/%s", fx ? fx : "fixtures", name);
	struct artefact_set *s = new_set();
	CHECK(input_add_path(s, path) == 0);
	art_dump(s, name);
	return s;
}

static void test_7zip_made(void)
{
	char path[4096], p[4200];
	/* 7z a -p: member data encrypted, names readable */
	struct artefact_set *s = load_fixture("encrypted-data.7z", path, sizeof path);
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, path, "archive", "parsed");
	snprintf(p, sizeof p, "%s!/cmdkey.txt", path);
	const struct artefact *t = art_find(s, p);
	CHECK(t && t->status == ART_UNREADABLE && t->reason && !strcmp(t->reason, "encrypted"));
	snprintf(p, sizeof p, "%s!/logs/netuse.txt", path);
	t = art_find(s, p);
	CHECK(t && t->status == ART_UNREADABLE && t->reason && !strcmp(t->reason, "encrypted"));
	artefact_set_free(s);

	/* 7z a -p -mhe=on: even the names are encrypted */
	s = load_fixture("encrypted-headers.7z", path, sizeof path);
	CHECK_INT(s->items.n, 1);
	CHECK_ART(s, path, "archive", "unreadable");
	CHECK(s->items.n && reason_has(&s->items.v[0], "encrypted"));
	artefact_set_free(s);

	/* 7z a -tzip -mm=Deflate64: a method libarchive lacks; the rest is read */
	s = load_fixture("deflate64.zip", path, sizeof path);
	CHECK_INT(s->items.n, 3);
	CHECK_ART(s, path, "archive", "parsed");
	snprintf(p, sizeof p, "%s!/cmdkey.txt", path);
	t = art_find(s, p);
	CHECK(t && t->status == ART_UNREADABLE && reason_has(t, "Unsupported ZIP compression method"));
	snprintf(p, sizeof p, "%s!/after.txt", path);
	CHECK_READ(s, p);
	artefact_set_free(s);

	/* WinZip AES, written by libarchive */
	struct wbuf w;
	CHECK(wb_open_pw(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:encryption=aes256", "s3cret",
			 1 << 20) == 0);
	CHECK(wb_file(&w, "aes.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);
	CHECK(n > 0);
	s = new_set();
	input_add_buffer(s, "aes.zip", w.buf, n, 0);
	t = art_find(s, "aes.zip!/aes.txt");
	CHECK(t && t->status == ART_UNREADABLE && t->reason && !strcmp(t->reason, "encrypted"));
	artefact_set_free(s);
	wb_free(&w);
}

static void test_empty(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 16) == 0);
	size_t n = wb_close(&w);
	CHECK_INT(n, 22); /* just the end of central directory record */
	struct artefact_set *s = new_set();
	input_add_buffer(s, "empty.zip", w.buf, n, 0);
	input_add_buffer(s, "empty.txt", (const uint8_t *)"", 0, 0);
	art_dump(s, "empty");
	CHECK_INT(s->items.n, 2);
	CHECK_ART(s, "empty.zip", "archive", "parsed");
	const struct artefact *t = art_find(s, "empty.txt");
	CHECK(t && t->bytes == 0 && strcmp(t->kind, "archive") != 0);
	artefact_set_free(s);
	wb_free(&w);
}

int main(void)
{
	test_zip();
	test_zip64();
	test_zip64_full();
	test_zip_streamed();
	test_nested();
	test_tar();
	test_single_gz();
	test_7z();
	test_cab();
	test_corrupt();
	test_truncated();
	test_encrypted();
	test_7zip_made();
	test_empty();
	return check_exit();
}
