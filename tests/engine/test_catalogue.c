/* The catalogue: every id the engine can emit has English and Chinese texts,
 * templates fill completely when values are known and show a visible
 * placeholder when not, and the language follows --lang, then the locale. */
#include <stdlib.h>

#include "cm_build.h"

static const struct fill full = {
	.drive = "L:", .letter = "L", .remote = "\\\\fs01.contoso.com\\data", .server = "fs01.contoso.com",
	.share = "data", .user = "CONTOSO\\svc_files", .sid = "S-1-5-21-1-2-3-500", .extra = "53",
};

static const char *const names[] = { "drive", "letter", "remote", "server", "share", "user", "sid", "extra" };

/* Any {name} placeholder left in s? (PowerShell's "{ $_..." blocks are not placeholders.) */
static int has_placeholder(const char *s)
{
	for (const char *p = s; p && (p = strchr(p, '{')); p++)
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			size_t n = strlen(names[i]);
			if (!strncmp(p + 1, names[i], n) && p[1 + n] == '}')
				return 1;
		}
	return 0;
}

static size_t count_lines(const char *const *l)
{
	size_t n = 0;
	while (l && l[n])
		n++;
	return n;
}

static void check_lines(struct arena *a, const char *const *lines, const char *id)
{
	for (size_t i = 0; lines && lines[i]; i++) {
		const char *out = catalogue_fill(a, lines[i], &full);
		CHECK(out && *out);
		if (has_placeholder(out))
			fprintf(stderr, "unfilled in %s: %s\n", id, out);
		CHECK(!has_placeholder(out));
		CHECK(!contains(out, "<drive>") && !contains(out, "<server>") && !contains(out, "<share>"));
		/* a real password never appears in a fix: cmdkey is told to prompt */
		CHECK(!contains(out, "/pass:"));
	}
}

static void test_every_id_has_texts(void)
{
	struct arena *a = arena_new(0);
	const char *const *lists[] = { engine_finding_ids, engine_next_step_ids };
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; lists[l][i]; i++) {
			const char *id = lists[l][i];
			const struct cat_entry *e = catalogue_get(id);
			if (!e)
				fprintf(stderr, "no catalogue entry for %s\n", id);
			CHECK(e != NULL);
			if (!e)
				continue;
			for (int lang = 0; lang < 2; lang++) {
				const struct cat_text *tx = &e->text[lang];
				CHECK(tx->title && *tx->title);
				CHECK(!has_placeholder(catalogue_fill(a, tx->title, &full)));
				if (l == 0) {
					CHECK(tx->explanation && *tx->explanation);
					CHECK(count_lines(tx->fix) > 0);
					CHECK(!has_placeholder(catalogue_fill(a, tx->explanation, &full)));
					check_lines(a, tx->fix, id);
					check_lines(a, tx->verify, id);
					check_lines(a, tx->risks, id);
				}
			}
			/* the translation is complete: same number of lines */
			CHECK_INT(count_lines(e->text[LANG_ZH].fix), count_lines(e->text[LANG_EN].fix));
			CHECK_INT(count_lines(e->text[LANG_ZH].verify), count_lines(e->text[LANG_EN].verify));
			CHECK_INT(count_lines(e->text[LANG_ZH].risks), count_lines(e->text[LANG_EN].risks));
			CHECK(strcmp(e->text[LANG_EN].title, e->text[LANG_ZH].title) != 0);
		}
	/* and no orphan entries */
	for (size_t i = 0; i < catalogue_count(); i++) {
		const char *id = catalogue_entry_at(i)->id;
		CHECK(in_list(engine_finding_ids, id) || in_list(engine_next_step_ids, id));
	}
	CHECK(catalogue_entry_at(catalogue_count()) == NULL);
	CHECK(catalogue_get("no-such-id") == NULL);
	arena_free(a);
}

static void test_fill(void)
{
	struct arena *a = arena_new(0);
	CHECK_STR(catalogue_fill(a, "net use {drive} \\\\{server}\\{share} /persistent:yes /savecred", &full),
		  "net use L: \\\\fs01.contoso.com\\data /persistent:yes /savecred");
	CHECK_STR(catalogue_fill(a, "cmdkey /add:{server} /user:{user} /pass", &full),
		  "cmdkey /add:fs01.contoso.com /user:CONTOSO\\svc_files /pass");
	CHECK_STR(catalogue_fill(a, "reg query HKCU\\Network\\{letter}", &full), "reg query HKCU\\Network\\L");
	/* PowerShell script blocks and unknown names stay as written */
	CHECK_STR(catalogue_fill(a, "Get-SmbConnection | Where-Object { $_.ServerName -eq \"{server}\" }", &full),
		  "Get-SmbConnection | Where-Object { $_.ServerName -eq \"fs01.contoso.com\" }");
	CHECK_STR(catalogue_fill(a, "{unknown} {", &full), "{unknown} {");
	/* unknown values: visible placeholders */
	struct fill some = { .drive = "M:" };
	CHECK_STR(catalogue_fill(a, "net use {drive} \\\\{server}\\{share} as {user}", &some),
		  "net use M: \\\\<server>\\<share> as <user>");
	CHECK_STR(catalogue_fill(a, "reg query HKCU\\Network\\{letter}", &some), "reg query HKCU\\Network\\M");
	struct fill srv = { .server = "fs01", .share = "data" };
	CHECK_STR(catalogue_fill(a, "Remove-SmbGlobalMapping -RemotePath \"{remote}\"", &srv),
		  "Remove-SmbGlobalMapping -RemotePath \"\\\\fs01\\data\"");
	CHECK_STR(catalogue_fill(a, "{drive}{extra}", NULL), "<drive><value>");
	CHECK_STR(catalogue_fill(a, "", &full), "");
	CHECK(catalogue_fill(a, NULL, &full) == NULL);
	/* long output grows */
	char big[3000];
	memset(big, 0, sizeof big);
	for (size_t i = 0; i + 9 < sizeof big; i += 8)
		memcpy(big + i, "{remote}", 8);
	const char *out = catalogue_fill(a, big, &full);
	CHECK(out && strlen(out) == (strlen(big) / 8) * strlen(full.remote));
	arena_free(a);
}

static void test_next_why(void)
{
	const char *en = catalogue_next_why("collect-cmdkey", LANG_EN);
	const char *zh = catalogue_next_why("collect-cmdkey", LANG_ZH);
	CHECK(contains(en, "credential"));
	CHECK(zh && strcmp(en, zh) != 0);
	CHECK_STR(catalogue_next_why("unknown-id", LANG_EN), "unknown-id");
}

static void test_lang(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "zh_CN.UTF-8", 1);
	CHECK_INT(lang_from_env(NULL), LANG_ZH);
	CHECK_INT(lang_from_env("en"), LANG_EN);   /* --lang wins */
	CHECK_INT(lang_from_env("zh-CN"), LANG_ZH);
	setenv("LC_MESSAGES", "en_US.UTF-8", 1);   /* LC_MESSAGES before LANG */
	CHECK_INT(lang_from_env(NULL), LANG_EN);
	setenv("LC_ALL", "zh_CN.GB18030", 1);      /* LC_ALL before both */
	CHECK_INT(lang_from_env(NULL), LANG_ZH);
	setenv("LC_ALL", "C", 1);
	CHECK_INT(lang_from_env(NULL), LANG_EN);
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	CHECK_INT(lang_from_env(NULL), LANG_EN);
	CHECK_INT(lang_from_env(""), LANG_EN);
}

int main(void)
{
	test_every_id_has_texts();
	test_fill();
	test_next_why();
	test_lang();
	return check_exit();
}
