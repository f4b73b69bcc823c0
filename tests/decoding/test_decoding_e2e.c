/* The pipeline (artefact_add_bytes) on the bytes customers send: a
 * PowerShell transcript (UTF-8 BOM, and the same text as UTF-16LE with BOM),
 * OEM code page files, a cmd paste, binary. Asserts what decoding and
 * segmentation decide; the parsers' results are their own tests' business. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/artefact.h"

static unsigned char *read_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/decoding/%s", dir ? dir : "fixtures", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		CHECK(!"fixture missing");
		*len = 0;
		return calloc(1, 1);
	}
	unsigned char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	return buf;
}

static const char *const CMDS[5] = { "net use", "cmdkey /list", "reg query HKCU\\Network\\Z",
				     "Get-SmbGlobalMapping", "whoami /all" };
static const uint32_t PROMPTS[5] = { 20, 31, 45, 55, 62 };

static void check_transcript(const struct artefact *art, const char *encoding)
{
	CHECK(art != NULL);
	if (!art)
		return;
	CHECK_STR(art->kind, "transcript");
	CHECK_STR(art->encoding, encoding);
	CHECK_STR(art->language, "en");
	CHECK(art->header != NULL);
	if (art->header) {
		CHECK_STR(art->header->username, "CONTOSO\\jdoe");
		CHECK_STR(art->header->machine_name, "PC01");
		CHECK_STR(art->header->ps_version, "5.1.19041.3570");
	}
	CHECK_INT(art->text.n, 101);
	CHECK_INT(art->segs.n, 5);
	for (size_t i = 0; i < 5 && i < art->segs.n; i++) {
		const struct segment *s = &art->segs.v[i];
		CHECK_STR(s->command, CMDS[i]);
		CHECK_INT(s->command_line, PROMPTS[i]);
		CHECK(s->text.n > 0);
		CHECK(s->kind != NULL);
		/* the segment's lines are the original lines after the prompt */
		if (s->text.n)
			CHECK_INT(s->text.v[0].no, PROMPTS[i] + 1);
	}
	if (art->segs.n == 5) {
		const struct segment *s = &art->segs.v[2];
		CHECK(s->text.n >= 2 && s->text.v[1].len == 27 &&
		      !memcmp(s->text.v[1].s, "HKEY_CURRENT_USER\\Network\\Z", 27));
	}
}

static void test_transcript(void)
{
	size_t n;
	unsigned char *b = read_fixture("transcript-console-5cmds.txt", &n);
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "case.zip!/PowerShell_transcript.PC01.txt", b, n);
	check_transcript(art, "utf-8-bom");

	/* the same transcript as Windows PowerShell 5.1 `Out-File` writes it:
	 * UTF-16LE with BOM, CRLF (the text is ASCII after its UTF-8 BOM) */
	CHECK(n > 3 && b[0] == 0xEF);
	unsigned char *u16 = malloc(2 * n);
	size_t m = 0;
	u16[m++] = 0xFF;
	u16[m++] = 0xFE;
	for (size_t i = 3; i < n; i++) {
		u16[m++] = b[i];
		u16[m++] = 0;
	}
	art = artefact_add_bytes(set, "transcript-utf16.txt", u16, m);
	check_transcript(art, "utf-16le-bom");
	free(u16);
	free(b);
	artefact_set_free(set);
}

static void test_code_pages(void)
{
	static const struct {
		const char *file, *encoding, *language;
		size_t lines;
	} cases[] = {
		{ "netuse-zh-CN.cp936.txt", "cp936", "zh-CN", 10 },
		{ "netuse-ja-JP.cp932.txt", "cp932", "ja", 10 },
		{ "netuse-de-DE.cp850.txt", "cp850", "de", 10 },
		{ "netuse-fr-FR.cp850.txt", "cp850", "fr", 9 },
		{ "netuse-en.utf16le-bom.txt", "utf-16le-bom", "en", 10 },
	};
	struct artefact_set *set = artefact_set_new(NULL);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n;
		unsigned char *b = read_fixture(cases[i].file, &n);
		struct artefact *art = artefact_add_bytes(set, cases[i].file, b, n);
		free(b);
		CHECK(art != NULL);
		if (!art)
			continue;
		CHECK_STR(art->encoding, cases[i].encoding);
		CHECK_STR(art->language, cases[i].language);
		CHECK_INT(art->text.n, cases[i].lines);
		CHECK_INT(art->segs.n, 1);
		CHECK(art->header == NULL);
		CHECK(strcmp(art->kind, "transcript") != 0);
		if (art->segs.n == 1) {
			CHECK(art->segs.v[0].command == NULL);
			CHECK_INT(art->segs.v[0].text.n, cases[i].lines);
		}
	}
	artefact_set_free(set);
}

static void test_paste_and_binary(void)
{
	size_t n;
	unsigned char *b = read_fixture("cmd-paste-3prompts.txt", &n);
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "notes.txt", b, n);
	free(b);
	CHECK(art != NULL);
	if (art) {
		CHECK_STR(art->kind, "transcript");
		CHECK(art->header == NULL);
		CHECK_INT(art->segs.n, 4);
		if (art->segs.n == 4) {
			CHECK(art->segs.v[0].command == NULL);
			CHECK_STR(art->segs.v[1].command, "net use");
			CHECK_STR(art->segs.v[2].command, "net use Y: \\\\fs03\\share");
			CHECK_STR(art->segs.v[3].command, "cmdkey /list");
			CHECK_INT(art->segs.v[3].command_line, 21);
		}
	}

	b = read_fixture("back-to-back-netuse-cmdkey.txt", &n);
	art = artefact_add_bytes(set, "both.txt", b, n);
	free(b);
	CHECK(art && art->segs.n == 2 && !strcmp(art->kind, "transcript"));

	unsigned char junk[2048];
	uint32_t x = 7;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1664525u + 1013904223u;
		junk[i] = (unsigned char)(x >> 24);
	}
	art = artefact_add_bytes(set, "memory.dmp", junk, sizeof junk);
	CHECK(art != NULL);
	if (art) {
		CHECK_STR(art->encoding, "binary");
		CHECK_INT(art->status, ART_UNRECOGNIZED);
		CHECK_INT(art->segs.n, 0);
	}
	artefact_set_free(set);
}

int main(void)
{
	test_transcript();
	test_code_pages();
	test_paste_and_binary();
	return check_exit();
}
