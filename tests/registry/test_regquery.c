/* reg-query parser: the layouts of the formats doc §5 (Wine's conformance
 * strings, the real /s capture, the localized errors) and the mapped-drive
 * keys the guide asks for, parsed from real-shaped bytes (CRLF, trailing
 * blanks), plus the facts the adapter makes of them. */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/arena.h"
#include "parsers/regquery.h"
#include "parsers/regvalue.h"
#include "parsers/text.h"

static struct arena *A;

static struct regquery_result *parse_cmd(const char *text, const char *cmd, int *status)
{
	struct lines t;
	if (lines_split(A, text, strlen(text), 1, &t) != 0)
		return NULL;
	struct parse_ctx ctx = { A, "out.txt", cmd, NULL };
	void *res = NULL;
	int rc = regquery_parser.parse(&t, &ctx, &res);
	if (status)
		*status = rc;
	/* every result renders */
	if (res) {
		struct json_object *j = regquery_parser.to_json(res);
		CHECK(j != NULL);
		json_object_put(j);
	}
	return res;
}

static int bid_of(const char *text, const char *cmd)
{
	struct lines t;
	lines_split(A, text, strlen(text), 1, &t);
	struct parse_ctx ctx = { A, NULL, cmd, NULL };
	return regquery_parser.bid(&t, &ctx);
}

static const struct regq_value *val(const struct regquery_result *r, const char *key, const char *name)
{
	for (size_t i = 0; i < r->values.n; i++)
		if ((!key || (r->values.v[i].key && str_eq_ci(r->values.v[i].key, key))) &&
		    strcmp(r->values.v[i].name, name) == 0)
			return &r->values.v[i];
	return NULL;
}

#define KEY_BASE "Software\\Wine\\reg_test"

/* §5.1 test1: a key with two values, queried as HKCU\... */
static void test_wine_plain(void)
{
	const char *out = "\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\r\n"
			  "    Test1    REG_SZ    Hello, World\r\n"
			  "    Test2    REG_DWORD    0x123\r\n\r\n";
	int st;
	struct regquery_result *r = parse_cmd(out, "reg query HKCU\\" KEY_BASE, &st);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->queries.n, 1);
	CHECK_STR(r->queries.v[0].key, "HKCU\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].recursive, 0);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_INT(r->queries.v[0].inferred, 0);
	CHECK_INT(r->keys.n, 1);
	CHECK_STR(r->keys.v[0].path, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->keys.v[0].line, 2);
	CHECK_INT(r->values.n, 2);
	const struct regq_value *v = val(r, NULL, "Test1");
	CHECK(v && v->type == REGV_SZ && !strcmp(v->data, "Hello, World") && v->line == 3);
	v = val(r, NULL, "Test2");
	CHECK(v && v->type == REGV_DWORD && v->has_num && v->num == 0x123 && v->line == 4);
	CHECK(v && !strcmp(v->data, "0x123") && !strcmp(v->type_name, "REG_DWORD"));
	CHECK_STR(r->values.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);

	/* the same text without the command: the key is the block's own */
	r = parse_cmd(out, NULL, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].inferred, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_INT(r->queries.v[0].recursive, 0);
}

/* §5.1 test3: values, a blank line, then bare subkey lines (plain query). */
static void test_wine_plain_subkeys(void)
{
	const char *out = "\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\r\n"
			  "    Test1    REG_SZ    Hello, World\r\n"
			  "    Test2    REG_DWORD    0x123\r\n"
			  "    Wine    REG_SZ    First instance\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey\r\n";
	struct regquery_result *r = parse_cmd(out, NULL, NULL);
	CHECK_INT(r->keys.n, 2);
	CHECK_INT(r->keys.v[1].line, 7);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].recursive, 0);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_INT(r->keys.v[1].nvalues, 0);
}

/* §5.1 test6: /s blocks. */
static void test_wine_recursive(void)
{
	const char *out = "\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\r\n"
			  "    Test1    REG_SZ    Hello, World\r\n"
			  "    Test2    REG_DWORD    0x123\r\n"
			  "    Wine    REG_SZ    First instance\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey\r\n"
			  "    Test3    REG_SZ    Some string data\r\n"
			  "    Test4    REG_DWORD    0xabc\r\n"
			  "    Wine    REG_SZ    Second instance\r\n\r\n";
	struct regquery_result *r = parse_cmd(out, NULL, NULL);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].recursive, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	const struct regq_value *v = val(r, "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey", "Wine");
	CHECK(v && !strcmp(v->data, "Second instance") && v->line == 10);
	v = val(r, "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey", "Test4");
	CHECK(v && v->num == 0xabc);

	/* with the command: /s comes from it */
	r = parse_cmd(out, "reg query HKCU\\" KEY_BASE " /s", NULL);
	CHECK_INT(r->queries.v[0].recursive, 1);
	CHECK_INT(r->queries.v[0].inferred, 0);
	CHECK_INT(r->queries.v[0].listing, 1);
}

/* §5.1 test8a/8b: a key without values prints only its subkeys. */
static void test_wine_subkeys_only(void)
{
	const char *plain = "\r\n"
			    "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey1\r\n"
			    "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey2\r\n"
			    "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey3\r\n"
			    "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey4\r\n";
	struct regquery_result *r = parse_cmd(plain, NULL, NULL);
	CHECK_INT(r->keys.n, 4);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].recursive, 0);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK(bid_of(plain, NULL) >= BID_LIKELY);

	const char *rec = "\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey1\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey2\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey3\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey4\r\n\r\n";
	r = parse_cmd(rec, NULL, NULL);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\" KEY_BASE);
	CHECK_INT(r->queries.v[0].recursive, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
}

/* §5.1 test7 and Windows' trailer: /v with /s lists matches only. */
static void test_wine_search(void)
{
	const char *out = "\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\r\n"
			  "    Wine    REG_SZ    First instance\r\n\r\n"
			  "HKEY_CURRENT_USER\\" KEY_BASE "\\subkey\r\n"
			  "    Wine    REG_SZ    Second instance\r\n\r\n"
			  "End of search: 2 match(es) found.\r\n";
	int st;
	struct regquery_result *r = parse_cmd(out, "reg query HKCU\\" KEY_BASE " /v Wine /s", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->queries.v[0].value, "Wine");
	CHECK_INT(r->queries.v[0].matches, 2);
	CHECK_INT(r->queries.v[0].matches_line, 8);
	CHECK_INT(r->queries.v[0].listing, 0);
	CHECK_INT(r->values.n, 2);
	/* without the command the trailer still says it was a search */
	r = parse_cmd(out, NULL, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->queries.v[0].search, 1);
	CHECK_INT(r->queries.v[0].listing, 0);
	/* localized trailers (structure: words, colon, a count) */
	r = parse_cmd("\r\n搜索结束: 找到 0 匹配。\r\n", "reg query HKCU\\Network /v RemotePath /s", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->queries.v[0].matches, 0);
	r = parse_cmd("\r\nSuche beendet: 3 Übereinstimmung(en) gefunden.\r\n", NULL, &st);
	CHECK_INT(r->queries.v[0].matches, 3);
	r = parse_cmd("\r\nFin de la recherche : 1 correspondance(s) trouvée(s).\r\n", NULL, &st);
	CHECK_INT(r->queries.v[0].matches, 1);
	CHECK_INT(r->errors.n, 0);
	r = parse_cmd("\r\n検索の終わり: 4 件の一致が見つかりました。\r\n", NULL, &st);
	CHECK_INT(r->queries.v[0].matches, 4);
	CHECK_INT(r->errors.n, 0);
}

/* §5.2 real capture (no leading blank line in the paste). */
static void test_real_capture(void)
{
	const char *out = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WinFsp\r\n"
			  "    InstallDir    REG_SZ    C:\\Program Files (x86)\\WinFsp\\\r\n"
			  "\r\n"
			  "HKEY_LOCAL_MACHINE\\SOFTWARE\\WinFsp\\Services\r\n"
			  "\r\n"
			  "HKEY_LOCAL_MACHINE\\SOFTWARE\\WinFsp\\Services\\sshfs\r\n"
			  "    Executable    REG_SZ    C:\\Program Files\\SSHFS-Win\\bin\\sshfs-win.exe\r\n"
			  "    CommandLine    REG_SZ    svc %1 %2 %U\r\n"
			  "    Security    REG_SZ    D:P(A;;RPWPLC;;;WD)\r\n"
			  "    JobControl    REG_DWORD    0x1\r\n"
			  "    Credentials    REG_DWORD    0x1\r\n";
	int st;
	struct regquery_result *r = parse_cmd(out, NULL, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->keys.n, 3);
	CHECK_STR(r->queries.v[0].key, "HKEY_LOCAL_MACHINE\\SOFTWARE\\WinFsp");
	CHECK_INT(r->queries.v[0].recursive, 1);
	const struct regq_value *v = val(r, NULL, "InstallDir");
	CHECK(v && !strcmp(v->data, "C:\\Program Files (x86)\\WinFsp\\") && v->line == 2);
	v = val(r, NULL, "CommandLine");
	CHECK(v && !strcmp(v->data, "svc %1 %2 %U") && v->line == 8);
	v = val(r, NULL, "Credentials");
	CHECK(v && v->num == 1 && v->line == 11);
	CHECK_STR(v->key, "HKEY_LOCAL_MACHINE\\SOFTWARE\\WinFsp\\Services\\sshfs");
	CHECK_INT(bid_of(out, NULL), BID_STRONG);
}

/* §5.3 and the localized doc: the "not found" error in every language. */
static void test_errors(void)
{
	static const char *const msgs[] = {
		"ERROR: The system was unable to find the specified registry key or value.",
		"错误: 系统找不到指定的注册表项或值。",
		"FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.",
		"Fehler: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.",
		"エラー: 指定されたレジストリ キーまたは値が見つかりませんでした。",
		"エラー: 指定されたレジストリ キーまたは値が見つかりませんでした",
		"ERREUR : le système n’a pas trouvé la clé ou la valeur de Registre spécifiée.",
		"ERREUR : Le système n’a pas trouvé la clé ou la valeur de Registre spécifiée.",
		"ERREUR : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.",
		"ERREUR : Impossible de trouver la clé ou la valeur de Registre spécifiée.",
		"ERREUR : le syst\xef\xbf\xbdme n\xef\xbf\xbd a pas trouv\xef\xbf\xbd la cl\xef\xbf\xbd",
		"reg : ERROR: The system was unable to find the specified registry key or value.",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%s\r\n", msgs[i]);
		int st;
		struct regquery_result *r = parse_cmd(buf, "reg query HKCU\\Network\\Z", &st);
		CHECK_INT(st, PARSE_OK);
		CHECK_INT(r->errors.n, 1);
		if (r->errors.n != 1) {
			fprintf(stderr, "  not recognised: %s\n", msgs[i]);
			continue;
		}
		CHECK_INT(r->errors.v[0].kind, REGQ_ERR_NOT_FOUND);
		CHECK_INT(r->errors.v[0].line, 1);
		CHECK_STR(r->queries.v[0].key, "HKCU\\Network\\Z");
		CHECK_INT(r->queries.v[0].listing, 0);
		CHECK_INT(bid_of(buf, "reg query HKCU\\Network\\Z"), BID_STRONG);
		CHECK_INT(bid_of(buf, NULL), BID_LIKELY);
		CHECK(bid_of(buf, "net use Z:") <= BID_LIKELY);
	}
	/* other errors are kept but are not absences */
	int st;
	struct regquery_result *r = parse_cmd("ERROR: Invalid syntax.\r\nType \"REG QUERY /?\" for usage.\r\n",
					      "reg query HKCU\\Network /x", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->errors.n, 1);
	CHECK_INT(r->errors.v[0].kind, REGQ_ERR_OTHER);
	r = parse_cmd("ERROR: Access is denied.\r\n", "reg query HKU\\S-1-5-21-1-2-3-1001\\Network", &st);
	CHECK_INT(r->errors.v[0].kind, REGQ_ERR_OTHER);
	/* PowerShell wraps a native command's stderr in an error record */
	r = parse_cmd("reg : ERROR: The system was unable to find the specified registry key or value.\r\n"
		      "At line:1 char:1\r\n"
		      "+ reg query HKCU\\Network\\Q\r\n"
		      "+ ~~~~~~~~~~~~~~~~~~~~~~~~\r\n"
		      "    + CategoryInfo          : NotSpecified: (ERROR: The syst...y key or value.:String) [], RemoteException\r\n"
		      "    + FullyQualifiedErrorId : NativeCommandError\r\n"
		      " \r\n",
		      "reg query HKCU\\Network\\Q", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->errors.n, 1);
	CHECK_INT(r->errors.v[0].kind, REGQ_ERR_NOT_FOUND);
	/* several errors concatenated on stderr */
	r = parse_cmd("ERROR: The system was unable to find the specified registry key or value.\r\n"
		      "ERROR: The system was unable to find the specified registry key or value.\r\n",
		      NULL, &st);
	CHECK_INT(r->errors.n, 2);
	CHECK(r->queries.v[0].key == NULL);
}

static const char *const drive_l[] = { "RemotePath", "UserName", "ProviderName", "ProviderType",
				       "ConnectionType", "DeferFlags" };

/* HKCU\Network with two drives: plain (subkey lines) and /s (values). */
static void test_network(void)
{
	const char *plain = "\r\n"
			    "HKEY_CURRENT_USER\\Network\\l\r\n"
			    "HKEY_CURRENT_USER\\Network\\Z\r\n";
	int st;
	struct regquery_result *r = parse_cmd(plain, "reg query HKCU\\Network", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->keys.n, 2);
	CHECK_STR(r->keys.v[0].path, "HKEY_CURRENT_USER\\Network\\l");
	CHECK_STR(r->queries.v[0].key, "HKCU\\Network");
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_INT(r->queries.v[0].recursive, 0);
	CHECK_INT(bid_of(plain, "reg query HKCU\\Network"), BID_STRONG);

	const char *rec = "\r\n"
			  "HKEY_CURRENT_USER\\Network\\l\r\n"
			  "    RemotePath    REG_SZ    \\\\fs01\\data\r\n"
			  "    UserName    REG_SZ    \r\n"
			  "    ProviderName    REG_SZ    Microsoft Windows Network\r\n"
			  "    ProviderType    REG_DWORD    0x20000\r\n"
			  "    ConnectionType    REG_DWORD    0x1\r\n"
			  "    DeferFlags    REG_DWORD    0x4\r\n"
			  "\r\n"
			  "HKEY_CURRENT_USER\\Network\\Z\r\n"
			  "    RemotePath    REG_SZ    \\\\fs02.contoso.com\\share with space\r\n"
			  "    UserName    REG_SZ\r\n"
			  "    ProviderName    REG_SZ    Microsoft Windows Network\r\n"
			  "    ProviderType    REG_DWORD    0x20000\r\n"
			  "    ConnectionType    REG_DWORD    0x1\r\n"
			  "    DeferFlags    REG_DWORD    0x4\r\n"
			  "    UseOptions    REG_BINARY    44656643100000000400740000000200\r\n"
			  "\r\n";
	r = parse_cmd(rec, "reg query HKCU\\Network /s", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->values.n, 13);
	for (size_t i = 0; i < 6; i++) {
		CHECK(val(r, "HKEY_CURRENT_USER\\Network\\l", drive_l[i]) != NULL);
		CHECK(val(r, "HKEY_CURRENT_USER\\Network\\Z", drive_l[i]) != NULL);
	}
	const struct regq_value *v = val(r, "HKEY_CURRENT_USER\\Network\\l", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs01\\data") && v->line == 3);
	v = val(r, "HKEY_CURRENT_USER\\Network\\l", "UserName");
	CHECK(v && v->type == REGV_SZ && !strcmp(v->data, "") && v->line == 4);
	v = val(r, "HKEY_CURRENT_USER\\Network\\Z", "UserName");
	CHECK(v && v->type == REGV_SZ && !strcmp(v->data, ""));
	v = val(r, "HKEY_CURRENT_USER\\Network\\Z", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs02.contoso.com\\share with space"));
	v = val(r, "HKEY_CURRENT_USER\\Network\\l", "ProviderType");
	CHECK(v && v->num == 0x20000);
	v = val(r, "HKEY_CURRENT_USER\\Network\\l", "ConnectionType");
	CHECK(v && v->num == 1);
	v = val(r, "HKEY_CURRENT_USER\\Network\\Z", "DeferFlags");
	CHECK(v && v->num == 4 && v->line == 16);
	v = val(r, "HKEY_CURRENT_USER\\Network\\Z", "UseOptions");
	CHECK(v && v->type == REGV_BINARY && v->raw_len == 16 && v->raw[0] == 0x44 &&
	      !strcmp(v->data, "44656643100000000400740000000200"));
	CHECK_INT(r->queries.v[0].recursive, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	/* without the command: blocks end with blank lines -> /s of HKCU\Network */
	r = parse_cmd(rec, NULL, &st);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\Network");
	CHECK_INT(r->queries.v[0].recursive, 1);

	/* a drive queried directly; the letter may be any case */
	r = parse_cmd("\r\nHKEY_CURRENT_USER\\Network\\l\r\n    RemotePath    REG_SZ    \\\\fs01\\data\r\n\r\n",
		      "reg query hkcu\\network\\L /v RemotePath", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->queries.v[0].value, "RemotePath");
	CHECK_INT(r->queries.v[0].listing, 0);
	CHECK_INT(r->values.n, 1);
}

/* GlobalMappings (layout UNVERIFIED: an illustrative subkey per mapping). */
static void test_global_mappings(void)
{
	const char *cmd = "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\" /s";
	int st;
	/* an existing key with nothing in it prints only the empty line */
	struct regquery_result *r = parse_cmd("\r\n", cmd, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->queries.v[0].key, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings");
	CHECK_INT(r->queries.v[0].recursive, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_INT(r->keys.n, 0);

	const char *out = "\r\n"
			  "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\G:\r\n"
			  "    RemotePath    REG_SZ    \\\\fs1.contoso.com\\public\r\n"
			  "\r\n";
	r = parse_cmd(out, cmd, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->keys.n, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	const struct regq_value *v = val(r, NULL, "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs1.contoso.com\\public"));
	/* missing key */
	r = parse_cmd("ERROR: The system was unable to find the specified registry key or value.\r\n", cmd, &st);
	CHECK_INT(r->errors.n, 1);
	CHECK_STR(r->queries.v[0].key, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings");
}

/* Persistent Connections (key with spaces), policies, HKEY_USERS\<SID>. */
static void test_named_keys(void)
{
	int st;
	struct regquery_result *r = parse_cmd(
		"\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections\r\n"
		"    SaveConnections    REG_SZ    no\r\n\r\n",
		"reg query \"HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections\"", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->keys.v[0].path,
		  "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections");
	CHECK_STR(r->queries.v[0].key, "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections");
	CHECK_INT(r->queries.v[0].listing, 1);
	const struct regq_value *v = val(r, NULL, "SaveConnections");
	CHECK(v && !strcmp(v->data, "no") && v->line == 3);

	r = parse_cmd("\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\r\n"
		      "    EnableLinkedConnections    REG_DWORD    0x1\r\n\r\n",
		      "reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v EnableLinkedConnections",
		      &st);
	v = val(r, NULL, "EnableLinkedConnections");
	CHECK(v && v->num == 1);
	CHECK_INT(r->queries.v[0].listing, 0);
	r = parse_cmd("\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\r\n"
		      "    DisableDomainCreds    REG_DWORD    0x1\r\n\r\n",
		      "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v DisableDomainCreds", &st);
	v = val(r, NULL, "DisableDomainCreds");
	CHECK(v && v->num == 1);
	r = parse_cmd("ERROR: The system was unable to find the specified registry key or value.\r\n",
		      "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider /v RestoreConnection", &st);
	CHECK_STR(r->queries.v[0].value, "RestoreConnection");
	CHECK_INT(r->errors.v[0].kind, REGQ_ERR_NOT_FOUND);

	r = parse_cmd("\r\nHKEY_USERS\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z\r\n"
		      "    RemotePath    REG_SZ    \\\\nas\\media\r\n"
		      "    UserName    REG_SZ    \r\n\r\n",
		      "reg query HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_STR(r->keys.v[0].path, "HKEY_USERS\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z");
	CHECK_INT(r->queries.v[0].listing, 1);
}

/* Every type reg.exe prints, the default value in several languages. */
static void test_types(void)
{
	const char *out = "\r\n"
			  "HKEY_CURRENT_USER\\Software\\Test\r\n"
			  "    (Default)    REG_SZ    default text\r\n"
			  "    Multi    REG_MULTI_SZ    one\\0two words\\0three\r\n"
			  "    Expand    REG_EXPAND_SZ    %USERPROFILE%\\Documents\r\n"
			  "    Big    REG_QWORD    0x100000000\r\n"
			  "    Blob    REG_BINARY    DEADBEEF\r\n"
			  "    Nothing    REG_NONE    \r\n"
			  "    Empty    REG_SZ    \r\n"
			  "    Name With  Spaces    REG_SZ    data    with    REG_SZ    inside\r\n"
			  "    Odd    REG_RESOURCE_LIST    0100\r\n"
			  "\r\n";
	int st;
	struct regquery_result *r = parse_cmd(out, NULL, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->values.n, 9);
	const struct regq_value *v = val(r, NULL, "");
	CHECK(v && !strcmp(v->data, "default text"));
	v = val(r, NULL, "Multi");
	CHECK(v && v->type == REGV_MULTI_SZ && !strcmp(v->data, "one\ntwo words\nthree"));
	CHECK(v && !strcmp(v->printed, "one\\0two words\\0three"));
	v = val(r, NULL, "Expand");
	CHECK(v && v->type == REGV_EXPAND_SZ && !strcmp(v->data, "%USERPROFILE%\\Documents"));
	v = val(r, NULL, "Big");
	CHECK(v && v->type == REGV_QWORD && v->num == 0x100000000ull && !strcmp(v->data, "0x100000000"));
	v = val(r, NULL, "Blob");
	CHECK(v && v->raw_len == 4 && !strcmp(v->data, "deadbeef"));
	v = val(r, NULL, "Nothing");
	CHECK(v && v->type == REGV_NONE && !strcmp(v->data, ""));
	v = val(r, NULL, "Empty");
	CHECK(v && !strcmp(v->data, ""));
	v = val(r, NULL, "Name With  Spaces");
	CHECK(v && !strcmp(v->data, "data    with    REG_SZ    inside"));
	v = val(r, NULL, "Odd");
	CHECK(v && v->type == REGV_RESOURCE_LIST && !strcmp(v->data, "0100"));

	static const char *const defaults[] = { "(默认)", "(Standard)", "(既定)", "(par défaut)" };
	for (size_t i = 0; i < 4; i++) {
		char buf[256];
		snprintf(buf, sizeof buf, "\r\nHKEY_CURRENT_USER\\Network\\Z\r\n    %s    REG_SZ    x\r\n\r\n", defaults[i]);
		r = parse_cmd(buf, NULL, &st);
		CHECK(r->values.n == 1 && !strcmp(r->values.v[0].name, ""));
	}
	/* /ve on a key whose default value is not set */
	r = parse_cmd("\r\nHKEY_CURRENT_USER\\Network\\Z\r\n    (Default)    REG_SZ    (value not set)\r\n", "reg query HKCU\\Network\\Z /ve", &st);
	CHECK(r->values.n == 1 && r->values.v[0].not_set);
	CHECK_STR(r->queries.v[0].value, "");
}

/* Several queries in one paste, with cmd and PowerShell prompts. */
static void test_embedded_prompts(void)
{
	const char *out = "C:\\Users\\bob>reg query HKCU\\Network\r\n"
			  "\r\n"
			  "HKEY_CURRENT_USER\\Network\\Z\r\n"
			  "\r\n"
			  "C:\\Users\\bob>reg query HKCU\\Network\\L\r\n"
			  "ERROR: The system was unable to find the specified registry key or value.\r\n"
			  "\r\n"
			  "PS C:\\Users\\bob> reg.exe query 'HKCU\\Network\\Z' /v RemotePath\r\n"
			  "\r\n"
			  "HKEY_CURRENT_USER\\Network\\Z\r\n"
			  "    RemotePath    REG_SZ    \\\\fs01\\data\r\n"
			  "\r\n";
	int st;
	struct regquery_result *r = parse_cmd(out, NULL, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->queries.n, 3);
	CHECK_STR(r->queries.v[0].key, "HKCU\\Network");
	CHECK_INT(r->queries.v[0].line, 1);
	CHECK_INT(r->queries.v[0].listing, 1);
	CHECK_STR(r->queries.v[1].key, "HKCU\\Network\\L");
	CHECK_INT(r->queries.v[1].listing, 0);
	CHECK_INT(r->errors.n, 1);
	CHECK_INT(r->errors.v[0].query, 1);
	CHECK_STR(r->queries.v[2].key, "HKCU\\Network\\Z");
	CHECK_STR(r->queries.v[2].value, "RemotePath");
	CHECK_STR(r->queries.v[2].command, "reg.exe query 'HKCU\\Network\\Z' /v RemotePath");
	CHECK_INT(r->queries.v[2].line, 8);
	CHECK_INT(r->values.v[0].query, 2);
	CHECK(bid_of(out, NULL) == BID_STRONG);
	CHECK(regquery_is_command("C:\\Windows\\System32\\reg.exe QUERY HKCU\\Network"));
	CHECK(regquery_is_command("cmd /c reg query HKCU\\Network 2>&1"));
	CHECK(!regquery_is_command("reg add HKCU\\Network\\Z /v RemotePath"));
	CHECK(!regquery_is_command("regedit /e x.reg"));
	CHECK(!regquery_is_command(NULL));
}

/* Ambiguous or foreign texts: no scope claimed, not ours. */
static void test_not_ours(void)
{
	CHECK_INT(bid_of("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Network\\Z]\r\n\"RemotePath\"=\"x\"\r\n", NULL), BID_NONE);
	CHECK_INT(bid_of("New connections will be remembered.\r\n\r\nThere are no entries in the list.\r\n", NULL), BID_NONE);
	CHECK_INT(bid_of("", NULL), BID_NONE);
	/* two outputs pasted together without prompts: keys and values kept, no root */
	int st;
	struct regquery_result *r = parse_cmd("\r\nHKEY_CURRENT_USER\\Network\\Z\r\n    RemotePath    REG_SZ    \\\\a\\b\r\n\r\n"
					      "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\X\r\n    V    REG_DWORD    0x0\r\n\r\n",
					      NULL, &st);
	CHECK_INT(r->values.n, 2);
	CHECK_INT(r->queries.v[0].listing, 0);
	CHECK(r->queries.v[0].key == NULL);
	/* output that does not belong to the command given */
	r = parse_cmd("\r\nHKEY_CURRENT_USER\\Network\\Z\r\n    RemotePath    REG_SZ    \\\\a\\b\r\n\r\n",
		      "reg query HKLM\\SOFTWARE\\Policies", &st);
	CHECK_STR(r->queries.v[0].key, "HKEY_CURRENT_USER\\Network\\Z");
	CHECK_INT(r->queries.v[0].inferred, 1);
	/* filtered through findstr: lines may be missing */
	r = parse_cmd("    RemotePath    REG_SZ    \\\\a\\b\r\n", "reg query HKCU\\Network /s | findstr RemotePath", &st);
	CHECK_INT(r->queries.v[0].filtered, 1);
	CHECK_INT(r->queries.v[0].listing, 0);
	CHECK(r->values.v[0].key == NULL); /* which subkey it came from is lost */
	r = parse_cmd("    RemotePath    REG_SZ    \\\\a\\b\r\n", "reg query HKCU\\Network\\Z", &st);
	CHECK_STR(r->values.v[0].key, "HKCU\\Network\\Z");
	/* prose is partial, not a crash */
	r = parse_cmd("\r\nHKEY_CURRENT_USER\\Network\\Z\r\nsomething else entirely\r\n", NULL, &st);
	CHECK_INT(st, PARSE_PARTIAL);
	CHECK_INT(r->unknown_lines, 1);
}

/* The command read from the file name when nothing else gives it. */
static void test_file_name(void)
{
	const char *err = "\xe9\x94\x99\xe8\xaf\xaf: \xe7\xb3\xbb\xe7\xbb\x9f\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe6\x8c\x87"
			  "\xe5\xae\x9a\xe7\x9a\x84\xe6\xb3\xa8\xe5\x86\x8c\xe8\xa1\xa8\xe9\xa1\xb9\xe6\x88\x96\xe5\x80\xbc\xe3\x80\x82\r\n";
	static const struct {
		const char *name, *key;
		int recursive;
	} cases[] = {
		{ "reg query HKCU_Network_M.txt", "HKCU\\Network\\M", 0 },
		{ "reg_query_HKEY_CURRENT_USER_Network_M.log", "HKCU\\Network\\M", 0 },
		{ "REG-QUERY-hkcu_Software_Microsoft_Windows NT_CurrentVersion_Network_Persistent Connections -s.txt",
		  "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections", 1 },
		{ "regquery HKLM_SYSTEM_CurrentControlSet_Control_NetworkProvider_GlobalMappings",
		  "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lines t;
		lines_split(A, err, strlen(err), 1, &t);
		struct parse_ctx ctx = { A, cases[i].name, NULL, NULL };
		void *res = NULL;
		CHECK_INT(regquery_parser.parse(&t, &ctx, &res), PARSE_OK);
		CHECK_INT(regquery_parser.bid(&t, &ctx), BID_STRONG);
		const struct regquery_result *r = res;
		CHECK(r && r->queries.v[0].from_name);
		if (r) {
			CHECK_STR(r->queries.v[0].key, cases[i].key);
			CHECK_INT(r->queries.v[0].recursive, cases[i].recursive);
		}
	}
	/* names that are not a reg query command */
	static const char *const others[] = { "reg.txt", "regedit HKCU_Network.txt", "reg query.txt",
					      "reg query Network_M.txt", "reg query HKCU_Network -v RemotePath.txt" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		struct lines t;
		lines_split(A, err, strlen(err), 1, &t);
		struct parse_ctx ctx = { A, others[i], NULL, NULL };
		void *res = NULL;
		regquery_parser.parse(&t, &ctx, &res);
		const struct regquery_result *r = res;
		CHECK(r && !r->queries.v[0].from_name && r->queries.v[0].key == NULL);
		CHECK_INT(regquery_parser.bid(&t, &ctx), BID_LIKELY);
	}
	/* a command given wins over the name */
	struct lines t;
	lines_split(A, err, strlen(err), 1, &t);
	struct parse_ctx ctx = { A, "reg query HKCU_Network_M.txt", "reg query HKCU\\Network\\Q", NULL };
	void *res = NULL;
	regquery_parser.parse(&t, &ctx, &res);
	const struct regquery_result *r = res;
	CHECK(r && !r->queries.v[0].from_name);
	if (r)
		CHECK_STR(r->queries.v[0].key, "HKCU\\Network\\Q");
}

/* Yen signs for backslashes in Japanese pastes. */
static void test_yen(void)
{
	int st;
	struct regquery_result *r = parse_cmd("\r\nHKEY_CURRENT_USER\xC2\xA5Network\xC2\xA5Z\r\n    RemotePath    REG_SZ    x\r\n", NULL, &st);
	CHECK_INT(r->keys.n, 1);
	CHECK_STR(r->keys.v[0].path, "HKEY_CURRENT_USER\\Network\\Z");
}

/* ---- facts through the whole pipeline ----------------------------------- */

static struct artefact *add(struct artefact_set *set, const char *name, const char *bytes, size_t n)
{
	return artefact_add_bytes(set, name, (const uint8_t *)bytes, n);
}

/* UTF-16LE with BOM (PowerShell's `reg query ... > file`) from UTF-8 text. */
static char *utf16(const char *s, size_t *n)
{
	size_t len = strlen(s);
	char *o = malloc(2 * len + 2);
	size_t k = 0;
	o[k++] = (char)0xFF;
	o[k++] = (char)0xFE;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		int l = u8_decode(s + i, len - i, &c);
		i += (size_t)l;
		o[k++] = (char)(c & 0xFF);
		o[k++] = (char)(c >> 8);
	}
	*n = k;
	return o;
}

static int has_key(const struct case_model *cm, const char *k)
{
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		if (!strcmp(cm->reg_keys.v[i].key, k))
			return 1;
	return 0;
}

static const struct f_reg_value *fval(const struct case_model *cm, const char *k, const char *name)
{
	for (size_t i = 0; i < cm->reg_values.n; i++)
		if (!strcmp(cm->reg_values.v[i].key, k) && !strcmp(cm->reg_values.v[i].name, name))
			return &cm->reg_values.v[i];
	return NULL;
}

static void test_facts(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	const char *cmd_text = "C:\\Users\\bob>reg query HKCU\\Network /s\r\n"
			       "\r\n"
			       "HKEY_CURRENT_USER\\Network\\l\r\n"
			       "    RemotePath    REG_SZ    \\\\fs01\\data\r\n"
			       "    UserName    REG_SZ    \r\n"
			       "    ProviderType    REG_DWORD    0x20000\r\n"
			       "    DeferFlags    REG_DWORD    0x4\r\n"
			       "\r\n";
	struct artefact *art = add(set, "bundle/netreg.txt", cmd_text, strlen(cmd_text));
	CHECK(art && art->segs.n >= 1);

	size_t n16;
	char *b16 = utf16("\r\nHKEY_USERS\\S-1-5-21-1-2-3-1001\\Network\\Z\r\n"
			  "    RemotePath    REG_SZ    \\\\nas\\media\r\n\r\n", &n16);
	struct artefact *a16 = add(set, "bundle/hku.txt", b16, n16);
	free(b16);
	CHECK(a16 != NULL);
	if (a16)
		CHECK_STR(a16->kind, "reg-query");

	const char *err = "ERROR: The system was unable to find the specified registry key or value.\r\n";
	add(set, "bundle/err.txt", err, strlen(err));

	const char *zh = "PS C:\\> reg query HKCU\\Network\\Q\r\n"
			 "\xe9\x94\x99\xe8\xaf\xaf: \xe7\xb3\xbb\xe7\xbb\x9f\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe6\x8c\x87\xe5\xae\x9a\xe7\x9a\x84\xe6\xb3\xa8\xe5\x86\x8c\xe8\xa1\xa8\xe9\xa1\xb9\xe6\x88\x96\xe5\x80\xbc\xe3\x80\x82\r\n";
	add(set, "bundle/zh.txt", zh, strlen(zh));

	struct case_model cm;
	case_build(&cm, set->arena, set);
	CHECK(has_key(&cm, "HKCU\\Network\\l"));
	CHECK(has_key(&cm, "HKCU\\Network"));
	CHECK(has_key(&cm, "HKU\\S-1-5-21-1-2-3-1001\\Network\\Z"));
	const struct f_reg_value *v = fval(&cm, "HKCU\\Network\\l", "RemotePath");
	CHECK(v && v->type == REGT_SZ && !strcmp(v->data, "\\\\fs01\\data"));
	CHECK(v && v->ev.line == 4 && v->ev.artefact && strstr(v->ev.artefact, "netreg.txt"));
	CHECK(v && v->ev.text && !strcmp(v->ev.text, "RemotePath    REG_SZ    \\\\fs01\\data"));
	v = fval(&cm, "HKCU\\Network\\l", "UserName");
	CHECK(v && !strcmp(v->data, ""));
	v = fval(&cm, "HKCU\\Network\\l", "ProviderType");
	CHECK(v && v->type == REGT_DWORD && v->num == 0x20000 && !strcmp(v->data, "0x20000"));
	v = fval(&cm, "HKU\\S-1-5-21-1-2-3-1001\\Network\\Z", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\nas\\media") && v->ev.line == 3);
	int scope = 0, absent_q = 0, absent_unknown = 0;
	for (size_t i = 0; i < cm.reg_scopes.n; i++)
		if (!strcmp(cm.reg_scopes.v[i].key, "HKCU\\Network") && cm.reg_scopes.v[i].recursive &&
		    cm.reg_scopes.v[i].ev.line == 1) /* cites the command line */
			scope = 1;
	for (size_t i = 0; i < cm.reg_absent.n; i++) {
		const struct f_reg_absent *ab = &cm.reg_absent.v[i];
		if (ab->key && !strcmp(ab->key, "HKCU\\Network\\Q") && !ab->value && ab->ev.line == 2)
			absent_q = 1;
		if (!ab->key && ab->ev.line == 1)
			absent_unknown = 1;
	}
	CHECK(scope);
	CHECK(absent_q);
	CHECK(absent_unknown);
	artefact_set_free(set);
}

int main(void)
{
	A = arena_new(256 << 20);
	test_wine_plain();
	test_wine_plain_subkeys();
	test_wine_recursive();
	test_wine_subkeys_only();
	test_wine_search();
	test_real_capture();
	test_errors();
	test_network();
	test_global_mappings();
	test_named_keys();
	test_types();
	test_embedded_prompts();
	test_not_ours();
	test_yen();
	test_file_name();
	test_facts();
	arena_free(A);
	return check_exit();
}
