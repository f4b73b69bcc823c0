/* dir-listing: the verified en samples of 11.3 (dir /q, non-US dates with
 * summary lines), zh, de, ja, fr (<REP>, NBSP separators), File Not Found
 * (with the parent's header, or alone with the path from the command),
 * access denied, command-line paths. */
#include "parsers/dirlist.h"
#include "ps_helpers.h"

extern const struct parser dirlist_parser;

static struct dirlist_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&dirlist_parser, a, text, cmd, bid, st, NULL);
}

static void test_en(struct arena *a)
{
	int bid = 0, st = 0;
	struct dirlist_result *r = run(a,
		" Volume in drive C has no label.\n"
		" Volume Serial Number is 3C81-BABD\n"
		"\n"
		" Directory of C:\\Program Files (x86)\\Vim\\vim81\\macros\n"
		"\n"
		"05/26/2018  04:25 PM    <DIR>          BUILTIN\\Administrators .\n"
		"05/26/2018  04:25 PM    <DIR>          BUILTIN\\Administrators ..\n"
		"03/28/2016  02:56 PM               124 BUILTIN\\Administrators editexisting.vim\n",
		NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->volume_serial, "3C81-BABD");
		CHECK_STR(r->v[0].path, "C:\\Program Files (x86)\\Vim\\vim81\\macros");
		CHECK_INT(r->v[0].files, 1);
		CHECK_INT(r->v[0].dirs, 0);
		CHECK_INT(r->v[0].dot_entries, 2);
		CHECK_INT(r->v[0].not_found, 0);
		CHECK_INT(r->v[0].line, 4);
	}
	r = run(a,
		" Volume in drive C has no label.\n"
		" Volume Serial Number is 7EE7-16CF\n"
		"\n"
		" Directory of C:\\Users\\Dheepak\\Downloads\\GitHub Project\\GitHub Project\n"
		"\n"
		"13-02-2026  12:15    <DIR>          .\n"
		"09-02-2026  08:49    <DIR>          ..\n"
		"11-02-2026  16:15             4,292 app.py\n"
		"09-02-2026  08:49                15 requirements.txt\n"
		"10-02-2026  09:00    <DIR>          static\n"
		"10-02-2026  09:01    <JUNCTION>     link [C:\\x]\n"
		"               4 File(s)         11,327 bytes\n"
		"               4 Dir(s)  863,653,527,552 bytes free\n",
		"cmd /c dir /a", &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, "C:\\Users\\Dheepak\\Downloads\\GitHub Project\\GitHub Project");
		CHECK_INT(r->v[0].files, 2);
		CHECK_INT(r->v[0].dirs, 2);
		CHECK_INT(r->v[0].sum_files, 4);
		CHECK_INT(r->v[0].sum_dirs, 4);
	}
	/* the empty NetworkService Credentials folder: only . and .. */
	r = run(a,
		" Volume in drive C has no label.\n"
		" Volume Serial Number is 3C81-BABD\n\n"
		" Directory of C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\n\n"
		"01/15/2024  09:12 AM    <DIR>          .\n"
		"01/15/2024  09:12 AM    <DIR>          ..\n"
		"               0 File(s)              0 bytes\n"
		"               2 Dir(s)  50,123,456,512 bytes free\n",
		"cmd /c \"dir /a C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\"",
		&bid, &st);
	CHECK(r && r->n == 1 && r->v[0].files == 0 && r->v[0].dirs == 0 && r->v[0].dot_entries == 2);
	CHECK(r && r->n == 1 && r->v[0].sum_files == 0 && !r->v[0].not_found);
}

static void test_localized(struct arena *a)
{
	int bid = 0, st = 0;
	struct dirlist_result *r = run(a,
		" 驱动器 C 中的卷没有标签。\n"
		" 卷的序列号是 4659-5697\n"
		"\n"
		" C:\\Users\\Administrator\\flag 的目录\n"
		"\n"
		"2023/11/07  13:18               794 flag01.txt\n"
		"               1 个文件            794 字节\n"
		"               0 个目录 28,301,676,544 可用字节\n", NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, "C:\\Users\\Administrator\\flag");
		CHECK_INT(r->v[0].files, 1);
		CHECK_INT(r->v[0].sum_files, 1);
		CHECK_INT(r->v[0].sum_dirs, 0);
		CHECK_STR(r->volume_serial, "4659-5697");
	}
	/* zh UNC volume line holds a path too, but the serial line follows it */
	r = run(a,
		" 驱动器 \\\\TSCLIENT\\C 中的卷没有标签。\n"
		" 卷的序列号是 0000-0000\n\n"
		" \\\\TSCLIENT\\C 的目录\n\n"
		"2023/11/07  13:18    <DIR>          Windows\n"
		"               0 个文件              0 字节\n", NULL, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].path && !strcmp(r->v[0].path, "\\\\TSCLIENT\\C") && r->v[0].dirs == 1);
	r = run(a,
		" Volume in Laufwerk C: hat keine Bezeichnung.\n"
		" Volumeseriennummer: F0D2-A330\n"
		"\n"
		" Verzeichnis von C:\\InterSystems\\IRIS\\mgr\\Temp\n"
		"\n"
		"02.04.2019  07:41    <DIR>          .\n"
		"02.04.2019  07:41    <DIR>          ..\n"
		"02.04.2019  07:41         1.234.567 dump.dat\n"
		"               1 Datei(en),      1.234.567 Bytes\n"
		"               2 Verzeichnis(se), 9.876.543.210 Bytes frei\n", NULL, &bid, &st);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, "C:\\InterSystems\\IRIS\\mgr\\Temp");
		CHECK_INT(r->v[0].files, 1);
		CHECK_INT(r->v[0].sum_dirs, 2);
		CHECK_STR(r->volume_serial, "F0D2-A330");
	}
	r = run(a,
		" ドライブ C のボリューム ラベルがありません。\n"
		" ボリューム シリアル番号は 62E9-D9CD です\n"
		"\n"
		" C:\\Oracle\\product\\19c\\dbhome_1\\demo のディレクトリ\n"
		"\n"
		"2025/03/16  03:55    <DIR>          .\n"
		"2025/03/16  03:55    <DIR>          ..\n"
		"2025/03/16  03:55         1,153,176 schema.sql\n"
		"            1 個のファイル           1,153,176 バイト\n"
		"            2 個のディレクトリ  89,404,837,888 バイトの空き領域\n", NULL, &bid, &st);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, "C:\\Oracle\\product\\19c\\dbhome_1\\demo");
		CHECK_INT(r->v[0].files, 1);
		CHECK_INT(r->v[0].sum_files, 1);
		CHECK_INT(r->v[0].sum_dirs, 2);
		CHECK_STR(r->volume_serial, "62E9-D9CD");
	}
	/* fr: <REP> (2013) and NBSP digit grouping */
	r = run(a,
		" Le volume dans le lecteur C n’a pas de nom.\n"
		" Le numéro de série du volume est 707D-5BDC\n"
		"\n"
		" Répertoire de C:\\Users\n"
		"\n"
		"16/03/2013  10:00    <REP>          .\n"
		"16/03/2013  10:00    <REP>          ..\n"
		"16/03/2013  10:00    <REP>          Public\n"
		"16/03/2013  10:00            11\xC2\xA0" "536 NTUSER.DAT\n"
		"               1 fichier(s)           11\xC2\xA0" "536 octets\n"
		"               3 Rép(s)  148\xC2\xA0" "875\xC2\xA0" "870 octets libres\n", NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, "C:\\Users");
		CHECK_INT(r->v[0].files, 1);
		CHECK_INT(r->v[0].dirs, 1);
		CHECK_INT(r->v[0].sum_dirs, 3);
		CHECK_STR(r->volume_serial, "707D-5BDC");
	}
}

static void test_not_found(struct arena *a)
{
	int bid = 0, st = 0;
	const char *cmd = "cmd /c \"dir /a C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\"";
	/* the header names the parent the folder was looked up in */
	struct dirlist_result *r = run(a,
		" Volume in drive C has no label.\n"
		" Volume Serial Number is 3C81-BABD\n\n"
		" Directory of C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\n\n"
		"File Not Found\n", cmd, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_INT(r->v[0].not_found, 1);
		CHECK_STR(r->v[0].path, "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials");
		CHECK_INT(r->v[0].line, 6);
	}
	/* stderr only, each language */
	static const char *const msgs[] = { "File Not Found\n", "找不到文件\n", "Datei nicht gefunden\n",
					    "ファイルが見つかりません\n", "Fichier introuvable\n",
					    "The system cannot find the path specified.\n", NULL };
	for (size_t i = 0; msgs[i]; i++) {
		r = run(a, msgs[i], cmd, &bid, &st);
		CHECK(bid >= BID_STRONG);
		CHECK(r && r->n == 1 && r->v[0].not_found == 1);
		CHECK(r && r->n == 1 && r->v[0].path && strstr(r->v[0].path, "\\Microsoft\\Credentials"));
	}
	r = run(a, "File Not Found\n", NULL, &bid, &st);
	CHECK(bid > BID_WEAK && bid < BID_LIKELY);
	CHECK(r && r->n == 1 && r->v[0].path == NULL);
	r = run(a, "Access is denied.\n", "dir /a \"C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\" 2>&1", &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].error_code == 5 && r->v[0].not_found == 0);
}

static void test_command_path(struct arena *a)
{
	CHECK_STR(dirlist_command_path(a, "dir /a C:\\x\\y"), "C:\\x\\y");
	CHECK_STR(dirlist_command_path(a, "cmd /c \"dir /a C:\\x y\\z\""), "C:\\x");
	CHECK_STR(dirlist_command_path(a, "cmd /c dir /a \"C:\\x y\\z\\\" 2>&1"), "C:\\x y\\z");
	CHECK_STR(dirlist_command_path(a, "DIR /A:H \\\\fs01\\data\\"), "\\\\fs01\\data");
	CHECK(dirlist_command_path(a, "dir /a") == NULL);
	/* PowerShell's Get-ChildItem (and its aliases) name the folder too */
	CHECK_STR(dirlist_command_path(a, "Get-ChildItem C:\\x"), "C:\\x");
	CHECK(dirlist_command_path(a, "rmdir C:\\x") == NULL);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_en(a);
	test_localized(a);
	test_not_found(a);
	test_command_path(a);
	arena_free(a);
	return check_exit();
}
