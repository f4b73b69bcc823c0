/* reg-export parser: the exports of the formats doc §6 (Wine's export test
 * string, the real HKCU\Network\<letter> export), REGEDIT4 files in ANSI code
 * pages, hand-written import files (deletions, comments, malformed lines),
 * and the facts the adapter makes of them, through the whole pipeline with
 * the bytes a customer sends (UTF-16LE with BOM, CRLF). */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/arena.h"
#include "parsers/regexport.h"
#include "parsers/regvalue.h"
#include "parsers/text.h"

static struct arena *A;

static struct regexport_result *parse_text(const char *text, int *status)
{
	struct lines t;
	if (lines_split(A, text, strlen(text), 1, &t) != 0)
		return NULL;
	struct parse_ctx ctx = { A, "x.reg", NULL, NULL };
	void *res = NULL;
	int rc = regexport_parser.parse(&t, &ctx, &res);
	if (status)
		*status = rc;
	if (res) {
		struct json_object *j = regexport_parser.to_json(res);
		CHECK(j != NULL);
		json_object_put(j);
	}
	return res;
}

static int bid_of(const char *text)
{
	struct lines t;
	lines_split(A, text, strlen(text), 1, &t);
	struct parse_ctx ctx = { A, NULL, NULL, NULL };
	return regexport_parser.bid(&t, &ctx);
}

static const struct regx_value *val(const struct regexport_result *r, const char *key, const char *name)
{
	for (size_t i = 0; i < r->values.n; i++)
		if ((!key || !strcmp(r->values.v[i].key, key)) && !strcmp(r->values.v[i].name, name))
			return &r->values.v[i];
	return NULL;
}

#define KB "HKEY_CURRENT_USER\\Software\\Wine\\reg_test"

/* §6.1 complex_data_test (KEY_BASE expanded), as `reg export` writes it. */
static const char complex_export[] =
	"Windows Registry Editor Version 5.00\r\n\r\n"
	"[" KB "]\r\n"
	"\"DWORD\"=dword:00000100\r\n"
	"\"String\"=\"Your text here...\"\r\n\r\n"
	"[" KB "\\Subkey1]\r\n"
	"\"Binary\"=hex:11,22,33,44\r\n"
	"\"Undefined hex\"=hex(100):25,50,41,54,48,25,00\r\n\r\n"
	"[" KB "\\Subkey2a]\r\n"
	"\"double\\\"quote\"=\"\\\"Hello, World!\\\"\"\r\n"
	"\"single'quote\"=dword:00000008\r\n\r\n"
	"[" KB "\\Subkey2a\\Subkey2b]\r\n"
	"@=\"Default value name\"\r\n"
	"\"Multiple strings\"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\\r\n"
	"  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00\r\n\r\n"
	"[" KB "\\Subkey3a]\r\n"
	"\"Backslash\"=\"Use \\\\\\\\ to escape a backslash\"\r\n\r\n"
	"[" KB "\\Subkey3a\\Subkey3b]\r\n\r\n"
	"[" KB "\\Subkey3a\\Subkey3b\\Subkey3c]\r\n"
	"\"String expansion\"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\\r\n"
	"  00,41,00,54,00,48,00,25,00,00,00\r\n"
	"\"Zero data type\"=hex(0):56,61,6c,75,65,00\r\n\r\n"
	"[" KB "\\Subkey4]\r\n"
	"@=dword:12345678\r\n"
	"\"43981\"=hex(abcd):56,61,6c,75,65,00\r\n\r\n";

static void check_complex(const struct regexport_result *r)
{
	CHECK_INT(r->header, REGX_HDR_V5);
	CHECK_INT(r->accepted, 1);
	CHECK_INT(r->imports, 1);
	CHECK_INT(r->export_like, 1);
	CHECK_INT(r->skipped.n, 0);
	CHECK_INT(r->keys.n, 8);
	CHECK_INT(r->values.n, 13);
	const struct regx_value *v = val(r, KB, "DWORD");
	CHECK(v && v->type == REGV_DWORD && v->num == 0x100 && !strcmp(v->data, "0x100") && v->line == 4);
	v = val(r, KB, "String");
	CHECK(v && v->type == REGV_SZ && !strcmp(v->data, "Your text here...") && v->size == 36);
	v = val(r, KB "\\Subkey1", "Binary");
	CHECK(v && v->type == REGV_BINARY && !strcmp(v->data, "11223344") && v->raw_len == 4);
	v = val(r, KB "\\Subkey1", "Undefined hex");
	CHECK(v && v->type == 0x100 && !strcmp(v->data, "25504154482500"));
	v = val(r, KB "\\Subkey2a", "double\"quote");
	CHECK(v && !strcmp(v->data, "\"Hello, World!\""));
	v = val(r, KB "\\Subkey2a", "single'quote");
	CHECK(v && v->num == 8);
	v = val(r, KB "\\Subkey2a\\Subkey2b", "");
	CHECK(v && !strcmp(v->data, "Default value name"));
	v = val(r, KB "\\Subkey2a\\Subkey2b", "Multiple strings");
	CHECK(v && v->type == REGV_MULTI_SZ && !strcmp(v->data, "Line1\nLine2\nLine3") && v->line == 17 &&
	      v->last_line == 18 && v->raw_len == 38);
	v = val(r, KB "\\Subkey3a", "Backslash");
	CHECK(v && !strcmp(v->data, "Use \\\\ to escape a backslash"));
	CHECK(r->keys.v[5].line == 23 && !strcmp(r->keys.v[5].path, KB "\\Subkey3a\\Subkey3b"));
	v = val(r, KB "\\Subkey3a\\Subkey3b\\Subkey3c", "String expansion");
	CHECK(v && v->type == REGV_EXPAND_SZ && !strcmp(v->data, "%HOME%\\%PATH%") && v->size == 28);
	v = val(r, KB "\\Subkey3a\\Subkey3b\\Subkey3c", "Zero data type");
	CHECK(v && v->type == REGV_NONE && !strcmp(v->data, "56616c756500"));
	v = val(r, KB "\\Subkey4", "");
	CHECK(v && v->type == REGV_DWORD && v->num == 0x12345678);
	v = val(r, KB "\\Subkey4", "43981");
	CHECK(v && v->type == 0xabcd);
}

static void test_wine_export(void)
{
	int st;
	struct regexport_result *r = parse_text(complex_export, &st);
	CHECK_INT(st, PARSE_OK);
	if (r)
		check_complex(r);
	CHECK_INT(bid_of(complex_export), BID_CERTAIN);

	/* empty data of every kind (empty_hex_test) */
	r = parse_text("Windows Registry Editor Version 5.00\r\n\r\n[" KB "]\r\n"
		       "\"Wine1a\"=hex(0):\r\n\"Wine1b\"=\"\"\r\n\"Wine1c\"=hex(2):\r\n"
		       "\"Wine1d\"=hex:\r\n\"Wine1e\"=hex(4):\r\n\"Wine1f\"=hex(7):\r\n\r\n", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->values.n, 6);
	const struct regx_value *v = val(r, KB, "Wine1e");
	CHECK(v && v->type == REGV_DWORD && v->size == 0 && !v->has_num && !strcmp(v->data, ""));
	v = val(r, KB, "Wine1b");
	CHECK(v && v->size == 2 && !strcmp(v->data, ""));
}

/* §6.2 real export of HKCU\Network\w (the author's "-- " prefix removed). */
static const char network_export[] =
	"Windows Registry Editor Version 5.00\r\n"
	"\r\n"
	"[HKEY_CURRENT_USER\\Network\\w]\r\n"
	"\"RemotePath\"=\"\\\\\\\\workspace-home.snet.sa.m-h.ug\\\\shug\"\r\n"
	"\"UserName\"=\"\"\r\n"
	"\"ProviderName\"=\"Microsoft Windows Network\"\r\n"
	"\"ProviderType\"=dword:00020000\r\n"
	"\"ConnectionType\"=dword:00000001\r\n"
	"\"ConnectFlags\"=dword:00000000\r\n"
	"\"DeferFlags\"=dword:00000004\r\n"
	"\"UseOptions\"=hex:44,65,66,43,7c,00,00,00,04,00,74,00,00,00,02,00,03,00,01,00,\\\r\n"
	"  01,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,\\\r\n"
	"  00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,47,00,00,00,00,00,00,00,00,00,\\\r\n"
	"  00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,\\\r\n"
	"  00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,\\\r\n"
	"  00,00,80,00\r\n"
	"\r\n";

static void test_network_export(void)
{
	int st;
	struct regexport_result *r = parse_text(network_export, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->keys.n, 1);
	CHECK_STR(r->keys.v[0].path, "HKEY_CURRENT_USER\\Network\\w");
	CHECK_INT(r->keys.v[0].line, 3);
	CHECK_INT(r->values.n, 8);
	const struct regx_value *v = val(r, NULL, "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\workspace-home.snet.sa.m-h.ug\\shug") && v->line == 4);
	v = val(r, NULL, "UserName");
	CHECK(v && v->type == REGV_SZ && !strcmp(v->data, "") && v->line == 5);
	v = val(r, NULL, "ProviderType");
	CHECK(v && v->num == 0x20000 && !strcmp(v->data, "0x20000"));
	v = val(r, NULL, "DeferFlags");
	CHECK(v && v->num == 4 && v->line == 10);
	v = val(r, NULL, "UseOptions");
	CHECK(v && v->type == REGV_BINARY && v->raw_len == 124 && v->line == 11 && v->last_line == 16);
	CHECK(v && !strncmp(v->data, "446566437c000000", 16) && strlen(v->data) == 248 && !strcmp(v->data + 244, "8000"));
	CHECK_INT(r->export_like, 1);
}

/* REGEDIT4 (ANSI): string bytes of hex(2)/hex(7) are ANSI, not UTF-16. */
static void test_regedit4(void)
{
	int st;
	struct regexport_result *r = parse_text("REGEDIT4\r\n\r\n"
						"[HKEY_CURRENT_USER\\Environment]\r\n"
						"\"TEMP\"=hex(2):25,55,53,45,52,50,52,4f,46,49,4c,45,25,5c,54,65,6d,70,00\r\n"
						"\"List\"=hex(7):61,00,62,00,00\r\n\r\n", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->header, REGX_HDR_V4);
	CHECK_INT(r->unicode, 0);
	const struct regx_value *v = val(r, NULL, "TEMP");
	CHECK(v && v->type == REGV_EXPAND_SZ && !strcmp(v->data, "%USERPROFILE%\\Temp") && v->size == 38);
	v = val(r, NULL, "List");
	CHECK(v && !strcmp(v->data, "a\nb"));
	CHECK_INT(bid_of("REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Environment]\r\n"), BID_CERTAIN);
	/* string bytes that cannot be what the header suggests */
	r = parse_text("REGEDIT4\r\n[HKEY_CURRENT_USER\\E]\r\n\"U\"=hex(2):25,00,50,00,25,00,00,00\r\n", &st);
	v = val(r, NULL, "U");
	CHECK(v && !strcmp(v->data, "%P%") && v->size == 8);
	r = parse_text("Windows Registry Editor Version 5.00\r\n[HKEY_CURRENT_USER\\E]\r\n"
		       "\"A\"=hex(2):25,50,41,54,48,25,00\r\n"
		       "\"Z\"=hex(7):87,65,f6,4e,00,00,00,00\r\n", &st);
	v = val(r, NULL, "A");
	CHECK(v && !strcmp(v->data, "%PATH%") && v->size == 14);
	v = val(r, NULL, "Z");
	CHECK(v && !strcmp(v->data, "文件") && v->size == 8);
}

/* Hand-written import files: deletions, comments, what Windows skips. */
static void test_import_file(void)
{
	const char *text = "Windows Registry Editor Version 5.00\r\n"
			   "; remove the stale mapping\r\n"
			   "[-HKEY_CURRENT_USER\\Network\\Z]\r\n"
			   "\r\n"
			   "[HKEY_CURRENT_USER\\Network\\L]\r\n"
			   "\"DeferFlags\"=-\r\n"
			   "\"RemotePath\"=\"\\\\\\\\fs01\\\\data\"   ; the share\r\n"
			   "\"UserName\"=\"unterminated\r\n"
			   "\"ProviderType\"=dword:0x20000\r\n"
			   "RemotePath=\"no quotes\"\r\n"
			   "\r\n"
			   "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System]\r\n"
			   "\"EnableLinkedConnections\"=dword:00000001\r\n"
			   "[HKEY_CURRENT_USERS\\Network\\Y]\r\n"
			   "\"RemotePath\"=\"\\\\\\\\lost\\\\value\"\r\n";
	int st;
	struct regexport_result *r = parse_text(text, &st);
	CHECK_INT(st, PARSE_PARTIAL);
	CHECK_INT(r->accepted, 1);
	CHECK_INT(r->export_like, 0);
	CHECK_INT(r->comments, 1);
	CHECK_INT(r->keys.n, 3);
	CHECK(r->keys.v[0].deleted && !strcmp(r->keys.v[0].path, "HKEY_CURRENT_USER\\Network\\Z") && r->keys.v[0].line == 3);
	const struct regx_value *v = val(r, NULL, "DeferFlags");
	CHECK(v && v->deleted && v->line == 6 && !strcmp(v->key, "HKEY_CURRENT_USER\\Network\\L"));
	v = val(r, NULL, "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs01\\data") && v->line == 7);
	CHECK(val(r, NULL, "UserName") == NULL);
	CHECK(val(r, NULL, "ProviderType") == NULL);
	v = val(r, NULL, "EnableLinkedConnections");
	CHECK(v && v->num == 1 && v->line == 13);
	/* skipped: the unterminated string, 0x in dword, the unquoted name, the bad hive, its value */
	CHECK_INT(r->skipped.n, 5);
	if (r->skipped.n == 5) {
		CHECK_INT(r->skipped.v[0].line, 8);
		CHECK_INT(r->skipped.v[1].line, 9);
		CHECK_INT(r->skipped.v[2].line, 10);
		CHECK_INT(r->skipped.v[3].line, 14);
		CHECK_INT(r->skipped.v[4].line, 15);
	}
}

static void test_headers(void)
{
	int st;
	/* a paste that lost its header: kept, but Windows would refuse it */
	struct regexport_result *r = parse_text("[HKEY_CURRENT_USER\\Network\\Z]\r\n\"RemotePath\"=\"\\\\\\\\a\\\\b\"\r\n", &st);
	CHECK_INT(st, PARSE_PARTIAL);
	CHECK_INT(r->accepted, 0);
	CHECK_INT(r->values.n, 1);
	CHECK_INT(bid_of("[HKEY_CURRENT_USER\\Network\\Z]\r\n\"RemotePath\"=\"\\\\\\\\a\\\\b\"\r\n"), BID_LIKELY);
	/* a header after a blank line */
	r = parse_text("\r\nWindows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Network\\Z]\r\n", &st);
	CHECK_INT(st, PARSE_PARTIAL);
	CHECK_INT(r->header, REGX_HDR_V5);
	CHECK_INT(r->header_line, 2);
	CHECK_INT(r->accepted, 0);
	CHECK_INT(r->keys.n, 1);
	CHECK_INT(bid_of("\r\nWindows Registry Editor Version 5.00\r\n"), BID_STRONG);
	/* REGEDIT9: accepted, nothing imported */
	r = parse_text("REGEDIT9\r\n\r\n[HKEY_CURRENT_USER\\Network\\Z]\r\n", &st);
	CHECK_INT(st, PARSE_PARTIAL);
	CHECK_INT(r->accepted, 1);
	CHECK_INT(r->imports, 0);
	/* Windows 3.1 */
	r = parse_text("REGEDIT\r\nHKEY_CLASSES_ROOT\\.txt = txtfile\r\n", &st);
	CHECK_INT(st, PARSE_OK);
	CHECK_INT(r->header, REGX_HDR_WIN31);
	const struct regx_value *v = val(r, "HKEY_CLASSES_ROOT\\.txt", "");
	CHECK(v && !strcmp(v->data, "txtfile"));
	/* not ours */
	CHECK_INT(bid_of("\r\nHKEY_CURRENT_USER\\Network\\Z\r\n    RemotePath    REG_SZ    \\\\a\\b\r\n"), BID_NONE);
	CHECK_INT(bid_of("[general]\r\nname=value\r\n"), BID_NONE);
	r = parse_text("hello\r\n", &st);
	CHECK_INT(st, PARSE_FAILED);
}

/* ---- the pipeline -------------------------------------------------------- */

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

static const struct f_reg_value *fval(const struct case_model *cm, const char *k, const char *name)
{
	const struct f_reg_value *f = NULL;
	for (size_t i = 0; i < cm->reg_values.n; i++)
		if (!strcmp(cm->reg_values.v[i].key, k) && !strcmp(cm->reg_values.v[i].name, name))
			f = &cm->reg_values.v[i];
	return f;
}

static int has_key(const struct case_model *cm, const char *k)
{
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		if (!strcmp(cm->reg_keys.v[i].key, k))
			return 1;
	return 0;
}

static int has_scope(const struct case_model *cm, const char *k)
{
	for (size_t i = 0; i < cm->reg_scopes.n; i++)
		if (!strcmp(cm->reg_scopes.v[i].key, k) && cm->reg_scopes.v[i].recursive)
			return 1;
	return 0;
}

static void test_pipeline(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	size_t n;
	char *b = utf16(network_export, &n);
	struct artefact *art = artefact_add_bytes(set, "case/w.reg", (const uint8_t *)b, n);
	free(b);
	CHECK(art != NULL);
	if (art) {
		CHECK_STR(art->kind, "reg-export");
		CHECK_STR(art->encoding, "utf-16le-bom");
		CHECK_STR(art_status_name(art->status), "parsed");
	}
	b = utf16(complex_export, &n);
	art = artefact_add_bytes(set, "case/complex.reg", (const uint8_t *)b, n);
	free(b);
	if (art && art->segs.n == 1 && art->segs.v[0].result)
		check_complex(art->segs.v[0].result);
	else
		CHECK(!"complex export did not parse through the pipeline");

	/* REGEDIT4 as regedit /a writes it on a Western European system (CP1252) */
	const char cp1252[] = "REGEDIT4\r\n\r\n"
			      "[HKEY_CURRENT_USER\\Network\\P]\r\n"
			      "\"RemotePath\"=\"\\\\\\\\serveur\\\\donn\xe9" "es\"\r\n"
			      "\"UserName\"=\"DOMAINE\\\\Jos\xe9\"\r\n"
			      "\"ProviderName\"=\"Microsoft Windows Network\"\r\n"
			      "\"ProviderType\"=dword:00020000\r\n"
			      "\"Comment\"=hex(2):50,72,e9,00\r\n\r\n";
	art = artefact_add_bytes(set, "case/p.reg", (const uint8_t *)cp1252, sizeof cp1252 - 1);
	CHECK(art && !strcmp(art->kind, "reg-export"));
	/* ... and on a Chinese system (CP936) */
	const char cp936[] = "REGEDIT4\r\n\r\n"
			     "[HKEY_CURRENT_USER\\Network\\S]\r\n"
			     "\"RemotePath\"=\"\\\\\\\\\xce\xc4\xbc\xfe\xb7\xfe\xce\xf1\xc6\xf7\\\\\xb9\xb2\xcf\xed\"\r\n"
			     "\"UserName\"=\"\"\r\n"
			     "\"ProviderName\"=\"Microsoft Windows Network\"\r\n\r\n";
	art = artefact_add_bytes(set, "case/s.reg", (const uint8_t *)cp936, sizeof cp936 - 1);
	CHECK(art && !strcmp(art->kind, "reg-export"));

	/* HKEY_USERS\<SID> export, with a deletion file next to it */
	b = utf16("Windows Registry Editor Version 5.00\r\n\r\n"
		  "[HKEY_USERS\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z]\r\n"
		  "\"RemotePath\"=\"\\\\\\\\nas\\\\media\"\r\n"
		  "\"UserName\"=\"\"\r\n\r\n", &n);
	artefact_add_bytes(set, "case/hku.reg", (const uint8_t *)b, n);
	free(b);
	const char *del = "Windows Registry Editor Version 5.00\r\n\r\n"
			  "[-HKEY_CURRENT_USER\\Network\\Q]\r\n\r\n"
			  "[HKEY_CURRENT_USER\\Network\\P]\r\n"
			  "\"DeferFlags\"=-\r\n";
	artefact_add_bytes(set, "case/fix.reg", (const uint8_t *)del, strlen(del));

	struct case_model cm;
	case_build(&cm, set->arena, set);
	CHECK(has_key(&cm, "HKCU\\Network\\w"));
	CHECK(has_scope(&cm, "HKCU\\Network\\w"));
	const struct f_reg_value *v = fval(&cm, "HKCU\\Network\\w", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\workspace-home.snet.sa.m-h.ug\\shug") && v->ev.line == 4);
	CHECK(v && v->ev.text && !strcmp(v->ev.text, "\"RemotePath\"=\"\\\\\\\\workspace-home.snet.sa.m-h.ug\\\\shug\""));
	v = fval(&cm, "HKCU\\Network\\w", "UseOptions");
	CHECK(v && v->type == REGT_BINARY && !strncmp(v->data, "44656643", 8));
	v = fval(&cm, "HKCU\\Network\\w", "ProviderType");
	CHECK(v && v->type == REGT_DWORD && v->num == 0x20000 && !strcmp(v->data, "0x20000"));
	CHECK(has_scope(&cm, "HKCU\\Software\\Wine\\reg_test"));
	CHECK(has_key(&cm, "HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z"));
	v = fval(&cm, "HKCU\\Network\\P", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\serveur\\données"));
	v = fval(&cm, "HKCU\\Network\\P", "UserName");
	CHECK(v && !strcmp(v->data, "DOMAINE\\José"));
	v = fval(&cm, "HKCU\\Network\\P", "Comment");
	CHECK(v && v->type == REGT_EXPAND_SZ && !strcmp(v->data, "Pré"));
	v = fval(&cm, "HKCU\\Network\\S", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\文件服务器\\共享"));
	/* the deletion file: no key fact for [-...], the value deletion kept */
	CHECK(!has_key(&cm, "HKCU\\Network\\Q"));
	v = fval(&cm, "HKCU\\Network\\P", "DeferFlags");
	CHECK(v && v->deleted);
	int fix_scope = 0;
	for (size_t i = 0; i < cm.reg_scopes.n; i++)
		if (cm.reg_scopes.v[i].ev.artefact && strstr(cm.reg_scopes.v[i].ev.artefact, "fix.reg"))
			fix_scope = 1;
	CHECK(!fix_scope);
	artefact_set_free(set);
}

int main(void)
{
	A = arena_new(256 << 20);
	test_wine_export();
	test_network_export();
	test_regedit4();
	test_import_file();
	test_headers();
	test_pipeline();
	arena_free(A);
	return check_exit();
}
