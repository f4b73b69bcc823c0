/* Decoding: BOMs, BOM-less UTF-16, UTF-8, legacy code pages (CP936, CP932,
 * CP437/850/1252), Ctrl-Z, NULs, invalid input, binary; language detection.
 * Byte strings are written as hex literals (code page bytes computed with
 * the code page tables, not with the decoder under test) or read from
 * fixtures/decoding (see its NOTES.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/arena.h"
#include "parsers/decode.h"
#include "parsers/text.h"

static struct arena *A;

static struct decoded dec(const void *b, size_t n, const char *cp)
{
	struct decoded d;
	const char *why = NULL;
	int rc = decode_bytes(A, b, n, cp, &d, &why);
	CHECK_INT(rc, 0);
	if (rc != 0) {
		memset(&d, 0, sizeof d);
		d.text = "";
		d.encoding = "(failed)";
	}
	/* always valid UTF-8, NUL-terminated, at most ~3x the input */
	CHECK(d.text[d.len] == 0);
	CHECK(d.len <= 3 * n + 3);
	for (size_t i = 0; i < d.len;) {
		uint32_t c;
		int k = u8_decode(d.text + i, d.len - i, &c);
		if (c == 0xFFFD && !(k == 3 && !memcmp(d.text + i, "\xef\xbf\xbd", 3))) {
			CHECK(!"invalid UTF-8 in decoder output");
			break;
		}
		i += (size_t)k;
	}
	return d;
}
#define DEC(lit, cp) dec(lit, sizeof(lit) - 1, cp)

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
		return NULL;
	}
	unsigned char *buf = malloc(1 << 20);
	*len = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	return buf;
}

static struct lines split(const struct decoded *d)
{
	struct lines t = { NULL, 0 };
	CHECK(lines_split(A, d->text, d->len, 1, &t) == 0);
	return t;
}

static int line_is(const struct lines *t, size_t i, const char *s)
{
	return i < t->n && t->v[i].len == strlen(s) && !memcmp(t->v[i].s, s, t->v[i].len);
}

static const char NETUSE_EN[] =
	"New connections will be remembered.\r\n"
	"\r\n"
	"\r\n"
	"Status       Local     Remote                    Network\r\n"
	"\r\n"
	"-------------------------------------------------------------------------------\r\n"
	"Unavailable  Z:        \\\\fs01.contoso.com\\data   Microsoft Windows Network\r\n"
	"OK                     \\\\fs01.contoso.com\\IPC$   Microsoft Windows Network\r\n"
	"The command completed successfully.\r\n"
	"\r\n";

static void test_boms(void)
{
	size_t n;
	unsigned char *b = read_fixture("netuse-en.utf16le-bom.txt", &n);
	struct decoded d = dec(b, n, NULL);
	CHECK_STR(d.encoding, "utf-16le-bom");
	CHECK_STR(d.text, NETUSE_EN);
	CHECK(!d.lossy && !d.binary);
	struct lines t = split(&d);
	CHECK(line_is(&t, 6, "Unavailable  Z:        \\\\fs01.contoso.com\\data   Microsoft Windows Network"));
	CHECK_INT(t.v[6].no, 7);
	CHECK_STR(detect_language(&t), "en");
	free(b);

	d = DEC("\xff\xfe" "n\0e\0t\0 \0u\0s\0e\0\r\0\n\0", NULL);
	CHECK_STR(d.encoding, "utf-16le-bom");
	CHECK_STR(d.text, "net use\r\n");

	/* UTF-16BE with BOM, with a CJK character (U+72B6 状) */
	d = DEC("\xfe\xff" "\0n\0e\0t\x72\xb6\0\r\0\n", NULL);
	CHECK_STR(d.encoding, "utf-16be-bom");
	CHECK_STR(d.text, "net\xe7\x8a\xb6\r\n");

	d = DEC("\xef\xbb\xbf" "PS C:\\> net use\r\n", NULL);
	CHECK_STR(d.encoding, "utf-8-bom");
	CHECK_STR(d.text, "PS C:\\> net use\r\n");

	/* a BOM wins over a forced code page */
	d = DEC("\xef\xbb\xbf" "\xe7\x8a\xb6", "936");
	CHECK_STR(d.encoding, "utf-8-bom");
	CHECK_STR(d.text, "\xe7\x8a\xb6");
}

static void test_bomless_utf16(void)
{
	/* Windows PowerShell 5.1 `net use > f.txt` without the BOM (cut off, or
	 * `cmd /u` output): NULs at odd offsets */
	char le[2 * sizeof NETUSE_EN], be[2 * sizeof NETUSE_EN];
	size_t n = strlen(NETUSE_EN);
	for (size_t i = 0; i < n; i++) {
		le[2 * i] = NETUSE_EN[i];
		le[2 * i + 1] = 0;
		be[2 * i] = 0;
		be[2 * i + 1] = NETUSE_EN[i];
	}
	struct decoded d = dec(le, 2 * n, NULL);
	CHECK_STR(d.encoding, "utf-16le");
	CHECK_STR(d.text, NETUSE_EN);
	d = dec(be, 2 * n, NULL);
	CHECK_STR(d.encoding, "utf-16be");
	CHECK_STR(d.text, NETUSE_EN);

	/* a zh-CN line in UTF-16LE without BOM: 状态 + spaces + 本地 */
	d = DEC("\xb6\x72\x01\x60 \0 \0 \0\x2c\x67\x30\x57\r\0\n\0", NULL);
	CHECK_STR(d.encoding, "utf-16le");
	CHECK_STR(d.text, "状态   本地\r\n");

	/* a forced legacy page does not apply to UTF-16 text */
	d = dec(le, 2 * n, "936");
	CHECK_STR(d.encoding, "utf-16le");
	CHECK_STR(d.text, NETUSE_EN);

	/* forced */
	d = DEC("h\0i\0", "utf-16le");
	CHECK_STR(d.encoding, "utf-16le");
	CHECK_STR(d.text, "hi");
}

static void test_invalid_utf16(void)
{
	/* lone high surrogate, lone low surrogate */
	struct decoded d = DEC("\xff\xfe" "a\0\x00\xd8" "b\0\x00\xdc" "c\0", NULL);
	CHECK_STR(d.text, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
	CHECK(d.lossy);
	/* a valid pair: U+1F600 */
	d = DEC("\xff\xfe" "\x3d\xd8\x00\xde", NULL);
	CHECK_STR(d.text, "\xf0\x9f\x98\x80");
	CHECK(!d.lossy);
	/* odd byte count: the dangling byte becomes U+FFFD */
	d = DEC("\xff\xfe" "a\0b", NULL);
	CHECK_STR(d.text, "a\xef\xbf\xbd");
	CHECK(d.lossy);
	/* high surrogate at the very end */
	d = DEC("\xfe\xff" "\0a\xd8\x3d", NULL);
	CHECK_STR(d.text, "a\xef\xbf\xbd");
	/* empty after the BOM */
	d = DEC("\xff\xfe", NULL);
	CHECK_STR(d.text, "");
	CHECK_STR(d.encoding, "utf-16le-bom");
}

static void test_cp936(void)
{
	/* 会记录新的网络连接。 / 状态       本地 / 命令成功完成。 in GBK */
	struct decoded d = DEC("\xbb\xe1\xbc\xc7\xc2\xbc\xd0\xc2\xb5\xc4\xcd\xf8\xc2\xe7\xc1\xac"
			       "\xbd\xd3\xa1\xa3\r\n\r\n"
			       "\xd7\xb4\xcc\xac       \xb1\xbe\xb5\xd8\r\n"
			       "\xc3\xfc\xc1\xee\xb3\xc9\xb9\xa6\xcd\xea\xb3\xc9\xa1\xa3\r\n",
			       NULL);
	CHECK_STR(d.encoding, "cp936");
	CHECK_STR(d.text, "会记录新的网络连接。\r\n\r\n状态       本地\r\n命令成功完成。\r\n");
	CHECK(!d.lossy);

	size_t n;
	unsigned char *b = read_fixture("netuse-zh-CN.cp936.txt", &n);
	d = dec(b, n, NULL);
	CHECK_STR(d.encoding, "cp936");
	struct lines t = split(&d);
	CHECK(line_is(&t, 0, "会记录新的网络连接。"));
	CHECK(line_is(&t, 3, "状态       本地        远程                      网络"));
	CHECK(line_is(&t, 7, "不可用       Y:        \\\\nas.lindexi.com\\Data   Microsoft Windows Network"));
	CHECK_INT(t.v[7].no, 8);
	CHECK(line_is(&t, 8, "命令成功完成。"));
	/* columns: 不可用 is 6 bytes in CP936 and 6 display columns */
	CHECK_INT(u8_col_offset(t.v[7].s, t.v[7].len, 13), strlen("不可用       "));
	CHECK_STR(detect_language(&t), "zh-CN");
	free(b);

	/* a short cmdkey fragment without the listing's words */
	d = DEC("    \xc0\xe0\xd0\xcd: \xd3\xf2\xc3\xdc\xc2\xeb\r\n", NULL); /* 类型: 域密码 */
	CHECK_STR(d.encoding, "cp936");
	CHECK_STR(d.text, "    类型: 域密码\r\n");

	d = DEC("\xd7\xb4\xcc\xac", "cp936");
	CHECK_STR(d.text, "状态");
	d = DEC("\xd7\xb4\xcc\xac", "936");
	CHECK_STR(d.encoding, "cp936");
}

static void test_cp932(void)
{
	struct decoded d = DEC("\x90\x56\x82\xb5\x82\xa2\x90\xda\x91\xb1\x82\xcd\x8b\x4c\x89\xaf"
			       "\x82\xb3\x82\xea\x82\xdc\x82\xb7\x81\x42\r\n"
			       "\x83\x52\x83\x7d\x83\x93\x83\x68\x82\xcd\x90\xb3\x8f\xed\x82\xc9"
			       "\x8f\x49\x97\xb9\x82\xb5\x82\xdc\x82\xb5\x82\xbd\x81\x42\r\n",
			       NULL);
	CHECK_STR(d.encoding, "cp932");
	CHECK_STR(d.text, "新しい接続は記憶されます。\r\nコマンドは正常に終了しました。\r\n");

	size_t n;
	unsigned char *b = read_fixture("netuse-ja-JP.cp932.txt", &n);
	d = dec(b, n, NULL);
	CHECK_STR(d.encoding, "cp932");
	struct lines t = split(&d);
	CHECK(line_is(&t, 3, "ステータス  ローカル名 リモート名                ネットワーク名"));
	/* 0x5C stays a backslash (CP932, not JIS X 0201 yen) */
	CHECK(line_is(&t, 6, "OK           Z:        \\\\127.0.0.1\\share         Microsoft Windows Network"));
	CHECK(line_is(&t, 7, "利用不可     V:        \\\\192.168.11.1\\Share      Microsoft Windows Network"));
	CHECK_STR(detect_language(&t), "ja");
	free(b);

	/* kanji only, no kana: 利用不可 */
	d = DEC("\x97\x98\x97\x70\x95\x73\x89\xc2     V:        \\\\srv\\Share\r\n", NULL);
	CHECK_STR(d.encoding, "cp932");
	CHECK_STR(d.text, "利用不可     V:        \\\\srv\\Share\r\n");
}

static void test_single_byte(void)
{
	/* German OEM (850): ü = 0x81 */
	struct decoded d = DEC("Der Befehl wurde erfolgreich ausgef\x81hrt.\r\n", NULL);
	CHECK_STR(d.encoding, "cp850");
	CHECK_STR(d.text, "Der Befehl wurde erfolgreich ausgeführt.\r\n");
	/* the same bytes in CP437 decode identically; forcing names the page */
	d = DEC("Der Befehl wurde erfolgreich ausgef\x81hrt.\r\n", "437");
	CHECK_STR(d.encoding, "cp437");
	CHECK_STR(d.text, "Der Befehl wurde erfolgreich ausgeführt.\r\n");
	d = DEC("\xc4\xc4\xc4 \xe3 \xe1", "cp437"); /* box drawing, Greek pi, sharp s */
	CHECK_STR(d.text, "─── π ß");
	/* French OEM (850): é = 0x82 */
	d = DEC("Les nouvelles connexions ne seront pas m\x82moris\x82""es.\r\n", NULL);
	CHECK_STR(d.encoding, "cp850");
	CHECK_STR(d.text, "Les nouvelles connexions ne seront pas mémorisées.\r\n");
	/* ANSI (1252): ü = 0xFC, é = 0xE9, ä = 0xE4 */
	d = DEC("Der Befehl wurde erfolgreich ausgef\xfchrt.\r\n", NULL);
	CHECK_STR(d.encoding, "cp1252");
	CHECK_STR(d.text, "Der Befehl wurde erfolgreich ausgeführt.\r\n");
	d = DEC("Der lokale Ger\xe4tename wird bereits verwendet.\r\n", NULL);
	CHECK_STR(d.encoding, "cp1252");
	CHECK_STR(d.text, "Der lokale Gerätename wird bereits verwendet.\r\n");
	d = DEC("Le chemin r\xe9seau n\x92""a pas \xe9t\xe9 trouv\xe9.\r\n", NULL);
	CHECK_STR(d.encoding, "cp1252");
	CHECK_STR(d.text, "Le chemin réseau n’a pas été trouvé.\r\n");
	/* CP850 no-break space (0xFF) in digit groups and before a colon */
	d = DEC("               0 R\x82p(s)  148\xff""875\xff""870 octets libres\r\n"
		"Vous poss\x82""dez les connexions \x85 distance suivantes\xff:\r\n", NULL);
	CHECK_STR(d.encoding, "cp850");
	CHECK_STR(d.text, "               0 Rép(s)  148\xc2\xa0" "875\xc2\xa0" "870 octets libres\r\n"
			  "Vous possédez les connexions à distance suivantes\xc2\xa0:\r\n");

	size_t n;
	unsigned char *b = read_fixture("netuse-de-DE.cp850.txt", &n);
	d = dec(b, n, NULL);
	CHECK_STR(d.encoding, "cp850");
	struct lines t = split(&d);
	CHECK(line_is(&t, 8, "Der Befehl wurde erfolgreich ausgeführt."));
	CHECK_STR(detect_language(&t), "de");
	free(b);
	b = read_fixture("netuse-fr-FR.cp850.txt", &n);
	d = dec(b, n, NULL);
	CHECK_STR(d.encoding, "cp850");
	t = split(&d);
	CHECK(line_is(&t, 0, "Les nouvelles connexions ne seront pas mémorisées."));
	CHECK(line_is(&t, 2, "État         Local     Distant                   Réseau"));
	CHECK(line_is(&t, 7, "La commande s'est terminée correctement."));
	CHECK_STR(detect_language(&t), "fr");
	free(b);

	/* forcing UTF-8 on CP850 bytes: the é bytes become U+FFFD */
	d = DEC("m\x82moris\x82" "es", "utf-8");
	CHECK_STR(d.text, "m\xef\xbf\xbdmoris\xef\xbf\xbd" "es");
	CHECK(d.lossy);
}

static void test_utf8(void)
{
	struct decoded d = DEC("会记录新的网络连接。\r\n命令成功完成。\r\n", NULL);
	CHECK_STR(d.encoding, "utf-8");
	CHECK_STR(d.text, "会记录新的网络连接。\r\n命令成功完成。\r\n");
	CHECK(!d.lossy);
	d = DEC("", NULL);
	CHECK_STR(d.encoding, "utf-8");
	CHECK_STR(d.text, "");
	d = DEC("plain ASCII\n", NULL);
	CHECK_STR(d.encoding, "utf-8");
	/* a stray byte in UTF-8 text: U+FFFD, not a code page switch */
	d = DEC("会记录新的网络连接。\r\n状态 本地 远程 网络\r\n\xff命令成功完成。\r\n", NULL);
	CHECK_STR(d.encoding, "utf-8");
	CHECK_STR(d.text, "会记录新的网络连接。\r\n状态 本地 远程 网络\r\n\xef\xbf\xbd命令成功完成。\r\n");
	CHECK(d.lossy);
	/* a character cut at the end of the file */
	d = DEC("Gr\xc3\xb6\xc3\x9f" "e \xe7\x8a\xb6\xe6\x80\x81 \xe7\x8a", NULL);
	CHECK_STR(d.encoding, "utf-8");
	CHECK_STR(d.text, "Größe 状态 \xef\xbf\xbd\xef\xbf\xbd");

	/* mixed file: `net use > f.txt` in cmd (CP850), then PowerShell 7
	 * appended UTF-8 lines */
	d = DEC("Der Befehl wurde erfolgreich ausgef\x81hrt.\r\n"
		"Gr\xc3\xb6\xc3\x9f" "e: 12\r\n"
		"Gel\xc3\xb6scht: ja\r\n"
		"Pr\xc3\xbc" "fung: \xc3\xa4\xc3\xb6\xc3\xbc\r\n", NULL);
	CHECK_STR(d.text, "Der Befehl wurde erfolgreich ausgeführt.\r\nGröße: 12\r\nGelöscht: ja\r\n"
			  "Prüfung: äöü\r\n");
	CHECK_STR(d.encoding, "utf-8"); /* most non-ASCII lines are UTF-8 */
}

static void test_ctrlz_nul_cr(void)
{
	/* `copy a.txt+b.txt` appends Ctrl-Z */
	struct decoded d = DEC("net use\r\nThe command completed successfully.\r\n\x1a", NULL);
	CHECK_STR(d.text, "net use\r\nThe command completed successfully.\r\n");
	CHECK_STR(d.encoding, "utf-8");
	d = DEC("x\r\n\x1a\x1a\0\0\0", NULL);
	CHECK_STR(d.text, "x\r\n");
	/* on a UTF-16 file: a single 0x1A byte after the last unit */
	d = DEC("\xff\xfe" "o\0k\0\r\0\n\0\x1a", NULL);
	CHECK_STR(d.text, "ok\r\n");
	CHECK(!d.lossy);
	d = DEC("\xff\xfe" "o\0k\0\x1a\0\0\0", NULL);
	CHECK_STR(d.text, "ok");

	/* embedded NULs: removed, the text is not cut there */
	char buf[sizeof NETUSE_EN + 8];
	size_t n = strlen(NETUSE_EN), half = 200;
	memcpy(buf, NETUSE_EN, half);
	memcpy(buf + half, "\0\0\0", 3);
	memcpy(buf + half + 3, NETUSE_EN + half, n - half);
	d = dec(buf, n + 3, NULL);
	CHECK_STR(d.encoding, "utf-8");
	CHECK_STR(d.text, NETUSE_EN);
	CHECK_INT(d.len, n);
	d = DEC("ne\0t use\0\r\nok", NULL);
	CHECK_STR(d.text, "net use\r\nok");

	/* files concatenated with `type a.txt b.txt > c.txt`: inner BOMs go */
	d = DEC("a\r\n\xef\xbb\xbf" "b\r\n", NULL);
	CHECK_STR(d.text, "a\r\nb\r\n");
	d = DEC("\xff\xfe" "a\0\r\0\n\0\xff\xfe" "b\0", NULL);
	CHECK_STR(d.text, "a\r\nb");

	/* CR-only line endings keep their line numbers */
	d = DEC("New connections will be remembered.\r\rStatus\r-----\rThe command completed successfully.", NULL);
	struct lines t = split(&d);
	CHECK_INT(t.n, 5);
	CHECK(line_is(&t, 4, "The command completed successfully."));
	CHECK_INT(t.v[4].no, 5);
	d = DEC("\xff\xfe" "a\0\r\0b\0\r\0\r\0c\0", NULL);
	t = split(&d);
	CHECK_INT(t.n, 4);
	CHECK(line_is(&t, 3, "c"));
	CHECK_INT(t.v[3].no, 4);
}

static void test_binary(void)
{
	unsigned char junk[4096];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (unsigned char)(x >> 16);
	}
	struct decoded d = dec(junk, sizeof junk, NULL);
	CHECK(d.binary);
	CHECK_STR(d.encoding, "binary");
	CHECK_STR(d.text, "");
	/* forcing a code page does not turn junk into text */
	d = dec(junk, sizeof junk, "936");
	CHECK(d.binary);

	unsigned char evtx[512] = "ElfFile";
	d = dec(evtx, sizeof evtx, NULL);
	CHECK(d.binary);
	d = DEC("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", NULL);
	CHECK(d.binary);
	d = DEC("MDMP\x93\xa7\0\0\x0d\0\0\0 \0\0\0", NULL);
	CHECK(d.binary);
	/* mostly NUL runs (a memory dump page) */
	unsigned char dump[1024] = { 0 };
	memcpy(dump + 100, "some text", 9);
	d = dec(dump, sizeof dump, NULL);
	CHECK(d.binary);
	/* UTF-16 BOM followed by junk */
	unsigned char u16junk[2050];
	u16junk[0] = 0xFF;
	u16junk[1] = 0xFE;
	for (size_t i = 2; i < sizeof u16junk; i++)
		u16junk[i] = (unsigned char)(i % 7 == 0 ? 0 : (i * 37) % 31);
	d = dec(u16junk, sizeof u16junk, NULL);
	CHECK(d.binary);

	/* ANSI colour escapes in a PowerShell 7 transcript are text */
	d = DEC("\x1b[32;1mStatus\x1b[0m\r\nOK\r\n", NULL);
	CHECK(!d.binary);
}

static void test_forced_names(void)
{
	const char *names[] = { "936", "cp936", "CP936", "gbk", "932", "cp932", "shift_jis", "437",
				"850", "1252", "windows-1252", "utf-8", "UTF8", "utf-16le", "utf-16be" };
	const char *expect[] = { "cp936", "cp936", "cp936", "cp936", "cp932", "cp932", "cp932",
				 "cp437", "cp850", "cp1252", "cp1252", "utf-8", "utf-8",
				 "utf-16le", "utf-16be" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct decoded d = DEC("ab", names[i]);
		CHECK_STR(d.encoding, expect[i]);
	}
	struct decoded d;
	const char *why = NULL;
	CHECK_INT(decode_bytes(A, (const uint8_t *)"ab", 2, "ebcdic", &d, &why), -1);
	CHECK(why != NULL);
}

static void test_language(void)
{
	struct {
		const char *text, *lang;
	} cases[] = {
		{ "New connections will not be remembered.\r\n", "en" },
		{ "System error 53 has occurred.\r\n\r\nThe network path was not found.\r\n", "en" },
		{ "发生系统错误 53。\r\n\r\n找不到网络路径。\r\n", "zh-CN" },
		{ "当前保存的凭据:\r\n\r\n    目标: Domain:target=192.168.136.1\r\n", "zh-CN" },
		{ "Momentan gespeicherte Anmeldeinformationen:\r\n", "de" },
		{ "Systemfehler 53 aufgetreten.\r\n\r\nDer Netzwerkpfad wurde nicht gefunden.\r\n", "de" },
		{ "システム エラー 5 が発生しました。\r\n\r\nアクセスが拒否されました。\r\n", "ja" },
		/* whoami on ja-JP keeps English section headers */
		{ "USER INFORMATION\r\n----------------\r\n\r\nユーザー名: pc\\u\r\n", "ja" },
		{ "L'erreur système 53 s'est produite.\r\nLe chemin réseau n'a pas été trouvé.\r\n", "fr" },
		{ "Status Local Path Remote Path\r\n------ ---------- -----------\r\nOK     G:         \\\\fs1\\public\r\n",
		  "unknown" },
		{ "", "unknown" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lines t;
		CHECK(lines_split(A, cases[i].text, strlen(cases[i].text), 1, &t) == 0);
		const char *got = detect_language(&t);
		if (strcmp(got, cases[i].lang))
			fprintf(stderr, "case %zu: %s\n", i, got);
		CHECK_STR(got, cases[i].lang);
	}
}

int main(void)
{
	A = arena_new(0);
	test_boms();
	test_bomless_utf16();
	test_invalid_utf16();
	test_cp936();
	test_cp932();
	test_single_byte();
	test_utf8();
	test_ctrlz_nul_cr();
	test_binary();
	test_forced_names();
	test_language();
	arena_free(A);
	return check_exit();
}
