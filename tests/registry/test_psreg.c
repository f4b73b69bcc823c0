/* ps-registry: HKCU\Network as PowerShell shows it (Get-ItemProperty list,
 * the Get-ChildItem / Get-Item "Hive:" table, the "Cannot find path" error
 * in en / de and PowerShell 7's one-line form), and what the facts adapter
 * makes of it. Layouts: PowerShell's Registry format view (Name / Property
 * columns, "Name : value" properties, DWORD in decimal, binary as
 * "{68, 101, 102, 67...}" after $FormatEnumerationLimit = 4), and the error
 * record shape of windows-output-en.md §3.6 / localized 0.3. */
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/arena.h"
#include "parsers/artefact.h"
#include "parsers/parser.h"
#include "parsers/psreg.h"
#include "parsers/text.h"

extern const struct parser psreg_parser;

static struct arena *A;

static const struct psreg_result *parse_text(const char *text, const char *cmd, int *rc, int *bid)
{
	struct lines t;
	CHECK(lines_split(A, text, strlen(text), 1, &t) == 0);
	struct parse_ctx ctx = { A, "x.txt", cmd, NULL };
	*bid = psreg_parser.bid(&t, &ctx);
	void *out = NULL;
	*rc = psreg_parser.parse(&t, &ctx, &out);
	return out;
}

static const struct psreg_value *value(const struct psreg_result *r, const char *key, const char *name)
{
	for (size_t i = 0; r && i < r->values.n; i++)
		if (!strcmp(r->values.v[i].key, key) && !strcmp(r->values.v[i].name, name))
			return &r->values.v[i];
	return NULL;
}

static const char GP_Z[] =
	"\r\n\r\n"
	"RemotePath     : \\\\fs01.corp.example.com\\Abteilungen\\Vertrieb\\Angebote\\2026\\Kunden\\Nord\r\n"
	"                 deutschland\r\n"
	"UserName       : CORP\\svc-vertrieb\r\n"
	"ProviderName   : Microsoft Windows Network\r\n"
	"ProviderType   : 131072\r\n"
	"ConnectionType : 1\r\n"
	"ConnectFlags   : 0\r\n"
	"DeferFlags     : 4\r\n"
	"UseOptions     : {68, 101, 102, 67...}\r\n"
	"PSPath         : Microsoft.PowerShell.Core\\Registry::HKEY_CURRENT_USER\\Network\\Z\r\n"
	"PSParentPath   : Microsoft.PowerShell.Core\\Registry::HKEY_CURRENT_USER\\Network\r\n"
	"PSChildName    : Z\r\n"
	"PSDrive        : HKCU\r\n"
	"PSProvider     : Microsoft.PowerShell.Core\\Registry\r\n"
	"\r\n\r\n";

static void test_get_itemproperty(void)
{
	int rc, bid;
	const struct psreg_result *r = parse_text(GP_Z, NULL, &rc, &bid);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(rc, PARSE_OK);
	if (!r)
		return;
	CHECK_INT(r->keys.n, 1);
	CHECK_STR(r->keys.v[0].path, "HKEY_CURRENT_USER\\Network\\Z");
	CHECK_INT(r->keys.v[0].line, 12);
	const struct psreg_value *v = value(r, "HKEY_CURRENT_USER\\Network\\Z", "RemotePath");
	CHECK(v != NULL);
	if (v) /* the wrapped value is joined again */
		CHECK_STR(v->data, "\\\\fs01.corp.example.com\\Abteilungen\\Vertrieb\\Angebote\\2026\\Kunden\\Norddeutschland");
	v = value(r, "HKEY_CURRENT_USER\\Network\\Z", "ProviderType");
	CHECK(v && v->kind == PSREG_NUMBER && v->num == 131072);
	v = value(r, "HKEY_CURRENT_USER\\Network\\Z", "UseOptions");
	CHECK(v && v->kind == PSREG_LIST);
	CHECK(value(r, "HKEY_CURRENT_USER\\Network\\Z", "PSPath") == NULL);
	CHECK_INT(r->values.n, 8);

	/* PowerShell 7 prints an empty value as "UserName       :" */
	r = parse_text("RemotePath     : \\\\nas\\media\nUserName       :\n"
		       "PSPath         : Microsoft.PowerShell.Core\\Registry::HKEY_USERS\\S-1-5-21-1-2-3-1001\\Network\\y\n",
		       NULL, &rc, &bid);
	v = value(r, "HKEY_USERS\\S-1-5-21-1-2-3-1001\\Network\\y", "UserName");
	CHECK(v && !strcmp(v->data, ""));

	/* "| Select-Object RemotePath, UserName" drops PSPath: the command names the key */
	r = parse_text("\nRemotePath : \\\\nas\\media\nUserName   : nas\\chris\n\n",
		       "Get-ItemProperty -Path 'HKCU:\\Network\\Z' | Select-Object RemotePath, UserName", &rc, &bid);
	CHECK(bid >= BID_LIKELY);
	CHECK_INT(rc, PARSE_OK);
	CHECK(value(r, "HKEY_CURRENT_USER\\Network\\Z", "UserName") != NULL);

	/* ... or as a table (two properties: Format-Table) */
	r = parse_text("\nRemotePath   UserName\n----------   --------\n\\\\fs01\\data  CORP\\svc-data\n\n",
		       "Get-ItemProperty HKCU:\\Network\\L | Select-Object RemotePath, UserName", &rc, &bid);
	CHECK(bid >= BID_LIKELY);
	CHECK_INT(rc, PARSE_OK);
	v = value(r, "HKEY_CURRENT_USER\\Network\\L", "UserName");
	CHECK(v && !strcmp(v->data, "CORP\\svc-data"));
	CHECK(v && v->line == 4);

	/* ConvertTo-Json (Windows PowerShell 5.1 indentation) */
	r = parse_text("{\n"
		       "    \"RemotePath\":  \"\\\\\\\\nas\\\\media\",\n"
		       "    \"UserName\":  \"nas\\\\chris\",\n"
		       "    \"DeferFlags\":  4,\n"
		       "    \"PSPath\":  \"Microsoft.PowerShell.Core\\\\Registry::HKEY_CURRENT_USER\\\\Network\\\\Z\",\n"
		       "    \"PSChildName\":  \"Z\"\n"
		       "}\n", NULL, &rc, &bid);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(rc, PARSE_OK);
	v = value(r, "HKEY_CURRENT_USER\\Network\\Z", "UserName");
	CHECK(v && !strcmp(v->data, "nas\\chris"));
	v = value(r, "HKEY_CURRENT_USER\\Network\\Z", "DeferFlags");
	CHECK(v && v->kind == PSREG_NUMBER && v->num == 4);

	/* other "Name : value" lists are not registry views */
	r = parse_text("\nStatus      : Running\nName        : LanmanWorkstation\nDisplayName : Workstation\n", NULL,
		       &rc, &bid);
	CHECK_INT(bid, BID_NONE);
}

static const char GCI_NETWORK[] =
	"\r\n\r\n"
	"    Hive: HKEY_CURRENT_USER\\Network\r\n"
	"\r\n\r\n"
	"Name                           Property\r\n"
	"----                           --------\r\n"
	"H                              RemotePath     : \\\\fs01\\home$\r\n"
	"                               UserName       :\r\n"
	"                               ProviderName   : Microsoft Windows Network\r\n"
	"                               ProviderType   : 131072\r\n"
	"                               ConnectionType : 1\r\n"
	"                               DeferFlags     : 4\r\n"
	"p                              RemotePath     : \\\\fs-lager\\versand\r\n"
	"                               UserName       : CORP\\versand-svc\r\n"
	"                               DeferFlags     : 1\r\n"
	"\r\n\r\n";

static void test_hive_table(void)
{
	int rc, bid;
	const struct psreg_result *r = parse_text(GCI_NETWORK, "Get-ChildItem HKCU:\\Network", &rc, &bid);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(rc, PARSE_OK);
	if (!r)
		return;
	CHECK_INT(r->keys.n, 2);
	CHECK_STR(r->keys.v[1].path, "HKEY_CURRENT_USER\\Network\\p");
	CHECK_INT(r->keys.v[1].line, 14);
	const struct psreg_value *v = value(r, "HKEY_CURRENT_USER\\Network\\p", "UserName");
	CHECK(v && !strcmp(v->data, "CORP\\versand-svc"));
	v = value(r, "HKEY_CURRENT_USER\\Network\\H", "UserName");
	CHECK(v && !strcmp(v->data, ""));
	/* Get-ChildItem of that very key: every subkey is listed */
	CHECK_INT(r->listings.n, 1);
	if (r->listings.n)
		CHECK_STR(r->listings.v[0].path, "HKEY_CURRENT_USER\\Network");

	/* Get-Item of one drive key prints the same table: not a listing of Network */
	r = parse_text(GCI_NETWORK, "Get-Item HKCU:\\Network\\H", &rc, &bid);
	CHECK_INT(r->listings.n, 0);
	/* nor a filtered or unknown command */
	r = parse_text(GCI_NETWORK, "gci HKCU:\\Network | Where-Object Name -eq H", &rc, &bid);
	CHECK_INT(r->listings.n, 0);
	r = parse_text(GCI_NETWORK, NULL, &rc, &bid);
	CHECK_INT(r->listings.n, 0);
	CHECK_INT(r->keys.n, 2);
	/* dir with a provider path is Get-ChildItem */
	r = parse_text(GCI_NETWORK, "dir Registry::HKEY_CURRENT_USER\\Network", &rc, &bid);
	CHECK_INT(r->listings.n, 1);
}

static void test_not_found(void)
{
	int rc, bid;
	/* en record without a prompt: the statement line names the key */
	const struct psreg_result *r =
		parse_text("Get-ItemProperty : Cannot find path 'HKCU:\\Network\\Y' because it does not exist.\n"
			   "At line:1 char:1\n"
			   "+ Get-ItemProperty HKCU:\\Network\\Y\n"
			   "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
			   "    + CategoryInfo          : ObjectNotFound: (HKCU:\\Network\\Y:String) [Get-ItemProperty], ItemNotFoundException\n"
			   "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand\n",
			   NULL, &rc, &bid);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(rc, PARSE_OK);
	CHECK_INT(r->missing.n, 1);
	CHECK_INT(r->keys.n, 0);
	if (r->missing.n) {
		CHECK_STR(r->missing.v[0].path, "HKEY_CURRENT_USER\\Network\\Y");
		CHECK_INT(r->missing.v[0].line, 1);
	}
	/* de (message localized, UNVERIFIED wording), statement shortened by PowerShell: the
	 * CategoryInfo target names the key */
	r = parse_text("Get-ItemProperty : Der Pfad \"HKCU:\\Network\\V\" kann nicht gefunden werden, da er nicht vorhanden ist.\n"
		       "In Zeile:1 Zeichen:1\n"
		       "+ ... ach ($l in 'V','W') { Get-ItemProperty \"HKCU:\\Network\\$l\" }\n"
		       "+                          ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		       "    + CategoryInfo          : ObjectNotFound: (HKCU:\\Network\\V:String) [Get-ItemProperty], ItemNotFoundException\n"
		       "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand\n",
		       NULL, &rc, &bid);
	CHECK_INT(r->missing.n, 1);
	if (r->missing.n)
		CHECK_STR(r->missing.v[0].path, "HKEY_CURRENT_USER\\Network\\V");
	/* PowerShell 7 one line */
	r = parse_text("Get-ItemProperty: Cannot find path 'HKCU:\\Network\\Q' because it does not exist.\n", NULL,
		       &rc, &bid);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(r->missing.n, 1);
	if (r->missing.n)
		CHECK_STR(r->missing.v[0].path, "HKEY_CURRENT_USER\\Network\\Q");
	/* a file-system path that does not exist is no registry evidence */
	r = parse_text("Get-ChildItem : Cannot find path 'C:\\nope' because it does not exist.\n"
		       "At line:1 char:1\n+ gci C:\\nope\n+ ~~~~~~~~~~~\n"
		       "    + CategoryInfo          : ObjectNotFound: (C:\\nope:String) [Get-ChildItem], ItemNotFoundException\n"
		       "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand\n",
		       NULL, &rc, &bid);
	CHECK_INT(r->missing.n, 0);
}

static void test_paths(void)
{
	CHECK_STR(psreg_path(A, "HKCU:\\Network\\Z", 15), "HKEY_CURRENT_USER\\Network\\Z");
	CHECK_STR(psreg_path(A, "\"HKLM:\\SYSTEM\\\"", 14), "HKEY_LOCAL_MACHINE\\SYSTEM");
	const char *p = "Registry::HKU\\S-1-5-21-1-2-3-1001\\Network";
	CHECK_STR(psreg_path(A, p, strlen(p)), "HKEY_USERS\\S-1-5-21-1-2-3-1001\\Network");
	CHECK(psreg_path(A, "HKCU\\Network", 12) == NULL);   /* no drive colon, no provider */
	CHECK(psreg_path(A, "HKCU:\\Network\\*", 15) == NULL); /* wildcard */
	CHECK(psreg_path(A, "C:\\Windows", 10) == NULL);
}

/* Through the pipeline (UTF-16LE as Windows PowerShell 5.1 `>` writes) and the
 * case model: the key, its values (DWORD as reg query prints it) and the
 * listing scope of HKCU\Network. */
static void test_e2e_facts(void)
{
	char text[4096];
	snprintf(text, sizeof text, "PS C:\\Users\\hb> Get-ChildItem HKCU:\\Network\r\n%s", GCI_NETWORK);
	size_t n = strlen(text);
	uint8_t *u16 = malloc(2 * n + 2);
	u16[0] = 0xFF;
	u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = (uint8_t)text[i];
		u16[3 + 2 * i] = 0;
	}
	struct artefact_set *set = artefact_set_new(NULL);
	artefact_add_bytes(set, "gci.txt", u16, 2 * n + 2);
	free(u16);
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	int key = 0, user = 0, defer = 0, scope = 0;
	for (size_t i = 0; i < cm.reg_keys.n; i++)
		key |= !strcmp(cm.reg_keys.v[i].key, "HKCU\\Network\\p");
	for (size_t i = 0; i < cm.reg_values.n; i++) {
		const struct f_reg_value *v = &cm.reg_values.v[i];
		if (!strcmp(v->key, "HKCU\\Network\\p") && !strcmp(v->name, "UserName"))
			user = v->type == REGT_SZ && !strcmp(v->data, "CORP\\versand-svc") && v->ev.line == 16;
		if (!strcmp(v->key, "HKCU\\Network\\H") && !strcmp(v->name, "DeferFlags"))
			defer = v->type == REGT_DWORD && v->num == 4 && !strcmp(v->data, "0x4");
	}
	for (size_t i = 0; i < cm.reg_scopes.n; i++)
		scope |= !strcmp(cm.reg_scopes.v[i].key, "HKCU\\Network") && !cm.reg_scopes.v[i].recursive;
	CHECK(key);
	CHECK(user);
	CHECK(defer);
	CHECK(scope);
	artefact_set_free(set);
}

/* Test-Path on a registry path answers whether the key exists (facts_testpath):
 * it is registry evidence, not an access test of a share. */
static void test_e2e_testpath_registry(void)
{
	static const char text[] = "PS C:\\Users\\x> Test-Path HKCU:\\Network\\R\r\nFalse\r\n"
				   "PS C:\\Users\\x> Test-Path 'HKCU:\\Network\\H'\r\nTrue\r\n"
				   "PS C:\\Users\\x> Test-Path \\\\rpt01\\reports\r\nTrue\r\n";
	struct artefact_set *set = artefact_set_new(NULL);
	artefact_add_bytes(set, "tp.txt", (const uint8_t *)text, sizeof text - 1);
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	int absent = 0, present = 0;
	for (size_t i = 0; i < cm.reg_absent.n; i++)
		absent |= cm.reg_absent.v[i].key && !strcmp(cm.reg_absent.v[i].key, "HKCU\\Network\\R") &&
			  cm.reg_absent.v[i].ev.line == 2;
	for (size_t i = 0; i < cm.reg_keys.n; i++)
		present |= !strcmp(cm.reg_keys.v[i].key, "HKCU\\Network\\H");
	CHECK(absent);
	CHECK(present);
	CHECK_INT(cm.access.n, 1); /* only the share */
	if (cm.access.n)
		CHECK_STR(cm.access.v[0].server, "rpt01");
	artefact_set_free(set);
}

int main(void)
{
	A = arena_new(0);
	test_get_itemproperty();
	test_hive_table();
	test_not_found();
	test_paths();
	test_e2e_facts();
	test_e2e_testpath_registry();
	arena_free(A);
	return check_exit();
}
