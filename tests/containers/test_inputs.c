/* Input forms: folders (sorted, symlinks never followed, special files
 * skipped), single files, stdin, large files (classified by a prefix, not
 * read whole), and member names: OEM code pages (936/932) without the zip
 * UTF-8 flag, the UTF-8 flag, --codepage, and hostile names as labels. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static int write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char p[4096];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	if (!f)
		return -1;
	size_t n = fwrite(data, 1, len, f);
	return fclose(f) == 0 && n == len ? 0 : -1;
}

static char *path_join(char *buf, size_t size, const char *a, const char *b)
{
	snprintf(buf, size, "%s/%s", a, b);
	return buf;
}

static size_t small_zip(struct wbuf *w, const char *member)
{
	if (wb_open(w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) != 0 ||
	    wb_file(w, member, NET_TXT, strlen(NET_TXT), 1) != 0)
		return 0;
	return wb_close(w);
}

/* rm -r for the test's own temporary tree (no symlinks followed). */
static void remove_tree(const char *path)
{
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
}

static void test_folder(void)
{
	char root[] = "/tmp/mdt-inputs-XXXXXX", p[4096], q[4096];
	CHECK(mkdtemp(root) != NULL);
	CHECK(write_file(root, "a.txt", NET_TXT, strlen(NET_TXT)) == 0);
	CHECK(mkdir(path_join(p, sizeof p, root, "b"), 0755) == 0);
	CHECK(write_file(p, "z.txt", "zed\r\n", 5) == 0);
	CHECK(write_file(p, "a.txt", "ay\r\n", 4) == 0);
	CHECK(mkdir(path_join(p, sizeof p, root, "sub"), 0755) == 0);
	CHECK(mkdir(path_join(p, sizeof p, root, "sub/deep"), 0755) == 0);
	CHECK(write_file(p, "x.txt", "deep\r\n", 6) == 0);
	struct wbuf w;
	size_t n = small_zip(&w, "m.txt");
	CHECK(write_file(root, "bundle.zip", w.buf, n) == 0);
	wb_free(&w);
	CHECK(mkfifo(path_join(p, sizeof p, root, "fifo"), 0644) == 0);
	CHECK(symlink("/etc/passwd", path_join(p, sizeof p, root, "link")) == 0);
	CHECK(symlink(".", path_join(p, sizeof p, root, "loop")) == 0);
	/* a name as unzip leaves it from a zh-CN zip: GBK bytes on disk */
	CHECK(write_file(root, "\xcd\xf8\xc2\xe7.txt", "gbk\r\n", 5) == 0);

	struct artefact_set *s = set_with(NULL);
	snprintf(q, sizeof q, "%s/", root); /* a trailing slash is not repeated */
	CHECK(input_add_path(s, q) == 0);
	art_dump(s, "folder");
	static const char *const order[] = {
		"a.txt", "b/a.txt", "b/z.txt", "bundle.zip", "bundle.zip!/m.txt",
		"fifo", "link", "loop", "sub/deep/x.txt", "网络.txt",
	};
	size_t nord = sizeof order / sizeof order[0];
	CHECK_INT(s->items.n, nord);
	for (size_t i = 0; i < nord && i < s->items.n; i++) {
		snprintf(p, sizeof p, "%s/%s", root, order[i]);
		CHECK_STR(s->items.v[i].path, p);
	}
	snprintf(p, sizeof p, "%s/bundle.zip", root);
	CHECK_ART(s, p, "archive", "parsed");
	snprintf(p, sizeof p, "%s/a.txt", root);
	const struct artefact *t = art_find(s, p);
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	snprintf(p, sizeof p, "%s/link", root);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "symbolic link to /etc/passwd (not followed)"));
	snprintf(p, sizeof p, "%s/loop", root);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "not followed"));
	snprintf(p, sizeof p, "%s/fifo", root);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "not a regular file"));
	CHECK_INT(s->members, nord);
	CHECK(art_unique(s));
	artefact_set_free(s);

	/* the same folder twice gives the same list */
	struct artefact_set *s2 = set_with(NULL);
	input_add_path(s2, root);
	CHECK_INT(s2->items.n, nord);
	artefact_set_free(s2);
	remove_tree(root);
}

static void test_deep_folder(void)
{
	char root[] = "/tmp/mdt-deep-XXXXXX", p[4096];
	CHECK(mkdtemp(root) != NULL);
	snprintf(p, sizeof p, "%s", root);
	for (int i = 0; i < 70; i++) {
		strcat(p, "/d");
		CHECK(mkdir(p, 0755) == 0);
	}
	CHECK(write_file(p, "x.txt", "x\r\n", 3) == 0);
	struct artefact_set *s = set_with(NULL);
	CHECK(input_add_path(s, root) == 0);
	CHECK_INT(s->items.n, 1);
	CHECK(s->items.n == 1 && s->items.v[0].status == ART_SKIPPED &&
	      reason_has(&s->items.v[0], "nested more than 64 levels"));
	artefact_set_free(s);
	remove_tree(root);
}

static void three_members(struct limits *l)
{
	l->max_members = 3;
}

static void test_folder_member_cap(void)
{
	char root[] = "/tmp/mdt-cap-XXXXXX";
	CHECK(mkdtemp(root) != NULL);
	for (int i = 0; i < 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "f%d.txt", i);
		CHECK(write_file(root, name, "x\r\n", 3) == 0);
	}
	struct artefact_set *s = set_with(three_members);
	CHECK(input_add_path(s, root) == 0);
	CHECK(input_add_path(s, "-") == 0); /* past the cap: not even read */
	art_dump(s, "folder member cap");
	CHECK_INT(s->items.n, 4);
	char p[4096];
	snprintf(p, sizeof p, "%s/f3.txt", root);
	const struct artefact *t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-members 3"));
	snprintf(p, sizeof p, "%s/f4.txt", root);
	CHECK(art_find(s, p) == NULL);
	artefact_set_free(s);
	remove_tree(root);
}

static void small_members(struct limits *l)
{
	l->max_member_bytes = 1u << 20;
	l->classify_prefix = 64u << 10;
}

static void test_big_files(void)
{
	char root[] = "/tmp/mdt-big-XXXXXX", p[4096];
	CHECK(mkdtemp(root) != NULL);
	size_t big = 3u << 20;
	char *text = malloc(big);
	for (size_t i = 0; text && i < big; i++)
		text[i] = (i % 64 == 63) ? '\n' : (char)('a' + (i * 7) % 26);
	CHECK(write_file(root, "huge.log", text, big) == 0);
	/* a bundle on disk larger than the member cap is still read */
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 8 << 20) == 0);
	CHECK(archive_write_zip_set_compression_store(w.a) == ARCHIVE_OK);
	CHECK(wb_file(&w, "padding.bin", text, 2u << 20, 1) == 0);
	CHECK(wb_file(&w, "net.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	size_t n = wb_close(&w);
	CHECK(write_file(root, "bundle.zip", w.buf, n) == 0);
	wb_free(&w);

	struct artefact_set *s = set_with(small_members);
	CHECK(input_add_path(s, path_join(p, sizeof p, root, "huge.log")) == 0);
	art_dump(s, "big file");
	CHECK_INT(s->items.n, 1);
	const struct artefact *t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && t->bytes == big);
	CHECK(reason_has(t, "--max-member-bytes") && reason_has(t, "first 65536 bytes"));
	CHECK_INT(s->total_bytes, 64u << 10); /* only the prefix was read */

	CHECK(input_add_path(s, path_join(p, sizeof p, root, "bundle.zip")) == 0);
	art_dump(s, "big bundle");
	CHECK_ART(s, p, "archive", "parsed");
	snprintf(p, sizeof p, "%s/bundle.zip!/net.txt", root);
	CHECK_READ(s, p);
	snprintf(p, sizeof p, "%s/bundle.zip!/padding.bin", root);
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && reason_has(t, "--max-member-bytes"));
	artefact_set_free(s);
	free(text);

	/* a huge `net use` listing: its prefix is classified, so the skipped
	 * artefact still says what it was */
	const char *head = "New connections will be remembered.\r\n\r\n\r\n"
			   "Status       Local     Remote                    Network\r\n\r\n"
			   "-------------------------------------------------------------------------------\r\n";
	const char *row = "OK           Z:        \\\\fs01\\share               Microsoft Windows Network\r\n";
	size_t hl = strlen(head), rl = strlen(row), total = hl + rl * 20000;
	text = malloc(total);
	memcpy(text, head, hl);
	for (size_t i = 0; i < 20000; i++)
		memcpy(text + hl + i * rl, row, rl);
	CHECK(write_file(root, "netuse.txt", text, total) == 0);
	s = set_with(small_members);
	CHECK(input_add_path(s, path_join(p, sizeof p, root, "netuse.txt")) == 0);
	art_dump(s, "big net use");
	t = art_find(s, p);
	CHECK(t && t->status == ART_SKIPPED && t->bytes == total);
	CHECK(t && !strcmp(t->kind, "net-use") && reason_has(t, "look like net-use"));
	CHECK(t && t->segs.n == 0 && t->text.n == 0);
	CHECK_INT(s->total_bytes, 64u << 10);
	artefact_set_free(s);
	free(text);
	remove_tree(root);

	/* a path that is not there */
	s = set_with(NULL);
	CHECK(input_add_path(s, "/nonexistent/mdt/x.txt") == -1);
	CHECK_INT(s->items.n, 1);
	CHECK(s->items.n && s->items.v[0].status == ART_UNREADABLE &&
	      reason_has(&s->items.v[0], "No such file"));
	artefact_set_free(s);
}

/* Feed bytes to stdin through a pipe (small enough for the pipe buffer). */
static int stdin_from(const void *data, size_t len)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	int saved = dup(STDIN_FILENO);
	ssize_t k = write(fds[1], data, len);
	close(fds[1]);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	return k == (ssize_t)len ? saved : -1;
}

static void stdin_restore(int saved)
{
	if (saved >= 0) {
		dup2(saved, STDIN_FILENO);
		close(saved);
	}
}

static void test_stdin(void)
{
	struct artefact_set *s = set_with(NULL);
	int saved = stdin_from(NET_TXT, strlen(NET_TXT));
	CHECK(saved >= 0);
	CHECK(input_add_path(s, "-") == 0);
	stdin_restore(saved);
	CHECK_INT(s->items.n, 1);
	const struct artefact *t = art_find(s, "(stdin)");
	CHECK(t && t->bytes == strlen(NET_TXT) && t->text.n == 3);
	artefact_set_free(s);

	struct wbuf w;
	size_t n = small_zip(&w, "logs/m.txt");
	s = set_with(NULL);
	saved = stdin_from(w.buf, n);
	CHECK(saved >= 0);
	CHECK(input_add_path(s, "-") == 0);
	stdin_restore(saved);
	art_dump(s, "stdin zip");
	CHECK_INT(s->items.n, 2);
	CHECK_ART(s, "(stdin)", "archive", "parsed");
	CHECK_READ(s, "(stdin)!/logs/m.txt");
	artefact_set_free(s);
	wb_free(&w);
}

/* The general purpose flags of the k-th local header. */
static unsigned zip_flags(const uint8_t *z, size_t n, int k)
{
	const uint8_t *p = z;
	for (int i = 0; p; i++, p += 4) {
		p = memmem(p, n - (size_t)(p - z), "PK\x03\x04", 4);
		if (!p || (size_t)(p - z) + 8 > n)
			return 0xffff;
		if (i == k)
			return p[6] | p[7] << 8;
	}
	return 0xffff;
}

static void test_names(void)
{
	struct wbuf w;
	CHECK(wb_open(&w, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, NULL, 1 << 20) == 0);
	/* as Explorer on a zh-CN / ja-JP Windows writes them: OEM bytes, no flag */
	CHECK(wb_file(&w, "\xc8\xd5\xd6\xbe/\xcd\xf8\xc2\xe7.txt", "gbk\r\n", 5, 1) == 0); /* 日志/网络.txt */
	CHECK(wb_file(&w, "\x83\x6c\x83\x62\x83\x67\x83\x8f\x81\x5b\x83\x4e.txt", "sjis\r\n", 6, 1) == 0); /* ネットワーク */
	CHECK(wb_file(&w, "\x90\xdd\x92\xe8.txt", "kanji\r\n", 7, 1) == 0); /* 設定 in Shift-JIS */
	/* hostile names are labels only */
	CHECK(wb_file(&w, "../../etc/passwd", "x\r\n", 3, 1) == 0);
	CHECK(wb_file(&w, "/abs/path.txt", "x\r\n", 3, 1) == 0);
	CHECK(wb_file(&w, "win\\style\\name.txt", "x\r\n", 3, 1) == 0);
	CHECK(wb_file(&w, "esc\x1b[31mred\n.txt", "x\r\n", 3, 1) == 0);
	CHECK(wb_file(&w, "./dot/x.txt", "x\r\n", 3, 1) == 0);
	/* with the UTF-8 flag (a UTF-8 locale makes libarchive set it) */
	locale_t l = utf8_locale_on();
	CHECK(wb_file(&w, "設定/ログ.txt", "utf8\r\n", 6, 1) == 0);
	CHECK(wb_file(&w, "bidi\xe2\x80\xaetxt.exe", "x\r\n", 3, 1) == 0); /* U+202E */
	utf8_locale_off(l);
	size_t n = wb_close(&w);
	CHECK_INT(zip_flags(w.buf, n, 0) & 0x0800, 0);
	CHECK_INT(zip_flags(w.buf, n, 8) & 0x0800, 0x0800);

	struct artefact_set *s = set_with(NULL);
	input_add_buffer(s, "names.zip", w.buf, n, 0);
	art_dump(s, "names");
	CHECK_INT(s->items.n, 11);
	CHECK_READ(s, "names.zip!/日志/网络.txt");
	CHECK_READ(s, "names.zip!/ネットワーク.txt");
	CHECK_READ(s, "names.zip!/設定.txt");
	CHECK_READ(s, "names.zip!/../../etc/passwd");
	CHECK_READ(s, "names.zip!/abs/path.txt");
	CHECK_READ(s, "names.zip!/win/style/name.txt"); /* libarchive turns \\ into / */
	CHECK_READ(s, "names.zip!/esc?[31mred?.txt");
	CHECK_READ(s, "names.zip!/dot/x.txt");
	CHECK_READ(s, "names.zip!/設定/ログ.txt");
	CHECK_READ(s, "names.zip!/bidi?txt.exe");
	const struct artefact *t = art_find(s, "names.zip!/設定/ログ.txt");
	CHECK(t && t->bytes == 6);
	CHECK(art_unique(s));
	artefact_set_free(s);

	/* --codepage decides for names that are not UTF-8 */
	struct limits lim;
	limits_default(&lim);
	lim.codepage = "936";
	s = artefact_set_new(&lim);
	input_add_buffer(s, "names.zip", w.buf, n, 0);
	CHECK(art_find(s, "names.zip!/ネットワーク.txt") == NULL);
	CHECK_READ(s, "names.zip!/僱僢僩儚乕僋.txt"); /* the same bytes read as GBK */
	CHECK_READ(s, "names.zip!/設定/ログ.txt");    /* flagged UTF-8 is left alone */
	artefact_set_free(s);
	wb_free(&w);

	/* 7z stores UTF-16 names: they come out right under the C locale */
	l = utf8_locale_on();
	CHECK(wb_open(&w, ARCHIVE_FORMAT_7ZIP, ARCHIVE_FILTER_NONE, "7zip:compression-level=1", 1 << 20) == 0);
	CHECK(wb_file(&w, "Journal/Übersicht.txt", NET_TXT, strlen(NET_TXT), 1) == 0);
	n = wb_close(&w);
	utf8_locale_off(l);
	s = set_with(NULL);
	input_add_buffer(s, "de.7z", w.buf, n, 0);
	CHECK_READ(s, "de.7z!/Journal/Übersicht.txt");
	artefact_set_free(s);
	wb_free(&w);

	/* the buffer's own name is a label too */
	s = set_with(NULL);
	input_add_buffer(s, "bad\x1bname\xff.txt", (const uint8_t *)"x\r\n", 3, 0);
	CHECK(s->items.n == 1 && !strchr(s->items.v[0].path, '\x1b'));
	artefact_set_free(s);
}

int main(void)
{
	test_folder();
	test_deep_folder();
	test_folder_member_cap();
	test_big_files();
	test_stdin();
	test_names();
	return check_exit();
}
