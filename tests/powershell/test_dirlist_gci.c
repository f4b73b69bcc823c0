/* dir-listing: PowerShell's Get-ChildItem (what `dir` is in a PowerShell
 * window) of the NetworkService Credentials folder: the table under
 * "Directory: <path>" (PS 5.1 six-letter and PS 7 five-letter modes, localized
 * "Directory:" label), its error records by id, the empty answer of
 * `Get-ChildItem -Force` (an empty folder), and no answer at all without -Force
 * (hidden credential blobs are not listed then). End to end to solution-G. */
#include "analyzer/case.h"
#include "analyzer/engine.h"
#include "parsers/artefact.h"
#include "parsers/dirlist.h"
#include "ps_helpers.h"

extern const struct parser dirlist_parser;

#define CRED "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials"

static struct dirlist_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&dirlist_parser, a, text, cmd, bid, st, NULL);
}

static void test_tables(struct arena *a)
{
	int bid = 0, st = 0;
	struct dirlist_result *r = run(a,
		"\n"
		"\n"
		"    Directory: " CRED "\n"
		"\n"
		"\n"
		"Mode                 LastWriteTime         Length Name\n"
		"----                 -------------         ------ ----\n"
		"-a-hs-         11/2/2026   9:14 AM          11872 DFBE70A7E5CC19A398EBF1B96859CE5D\n"
		"-a-hs-         11/2/2026   9:14 AM            432 4A3B8E1F0C2D7B6A9E5F1D3C2B4A6E8F\n"
		"\n"
		"\n", "Get-ChildItem -Force " CRED, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].path, CRED);
		CHECK_INT(r->v[0].files, 2);
		CHECK_INT(r->v[0].dirs, 0);
		CHECK_INT(r->v[0].line, 3);
	}
	/* PowerShell 7 (five mode letters), German label, a sub folder */
	r = run(a,
		"\n"
		"    Verzeichnis: C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\n"
		"\n"
		"Mode                 LastWriteTime         Length Name\n"
		"----                 -------------         ------ ----\n"
		"d--hs          02.11.2026    09:14                Credentials\n"
		"d----          02.11.2026    09:14                Windows\n", "ls -Force", &bid, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1 && r->v[0].dirs == 2 && r->v[0].files == 0);
	CHECK(r && r->n == 1 && r->v[0].path && !strcmp(r->v[0].path, "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft"));
}

static void test_errors_and_empty(struct arena *a)
{
	int bid = 0, st = 0;
	/* zh-CN Windows PowerShell 5.1: localized message, English id */
	struct dirlist_result *r = run(a,
		"Get-ChildItem : 找不到路径“" CRED "”，因为该路径不存在。\n"
		"所在位置 行:1 字符: 1\n"
		"+ Get-ChildItem -Force " CRED "\n"
		"+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : ObjectNotFound: (" CRED ":String) [Get-ChildItem], ItemNotFoundException\n"
		"    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand\n",
		"Get-ChildItem -Force " CRED, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1 && r->v[0].not_found == 1 && r->v[0].error_code == 2);
	CHECK(r && r->n == 1 && r->v[0].path && !strcmp(r->v[0].path, CRED));
	CHECK(r && r->n == 1 && r->v[0].line == 1);

	/* access denied: not an empty folder */
	r = run(a,
		"Get-ChildItem : Access to the path '" CRED "' is denied.\n"
		"At line:1 char:1\n"
		"+ dir -Force " CRED "\n"
		"+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : PermissionDenied: (" CRED ":String) [Get-ChildItem], UnauthorizedAccessException\n"
		"    + FullyQualifiedErrorId : DirUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetChildItemCommand\n",
		"dir -Force " CRED, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].not_found == 0 && r->v[0].error_code == 5);

	/* -Force and nothing printed: the folder is empty */
	r = run(a, "\n", "Get-ChildItem -Path '" CRED "' -Force", &bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK(r && r->n == 1 && r->v[0].files == 0 && r->v[0].not_found == 0);
	CHECK(r && r->n == 1 && r->v[0].path && !strcmp(r->v[0].path, CRED));
	/* without -Force the hidden blobs are never shown: no answer */
	run(a, "\n", "Get-ChildItem " CRED, &bid, &st);
	CHECK_INT(bid, BID_NONE);
	run(a, "\n", "Get-ChildItem -Attributes Hidden " CRED, &bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK_STR(dirlist_command_path(a, "Get-ChildItem -Attributes Hidden,System " CRED), CRED);
}

/* A Windows PowerShell 5.1 transcript (UTF-8 with BOM): Get-SmbGlobalMapping OK, then
 * `Get-ChildItem -Force` of the folder prints nothing -> solution-G citing that prompt. */
static void test_e2e(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	const char *text =
		"**********************\n"
		"Windows PowerShell transcript start\n"
		"Start time: 20261122081500\n"
		"Username: CONTOSO\\ctradmin\n"
		"RunAs User: CONTOSO\\ctradmin\n"
		"Machine: CTR-07 (Microsoft Windows NT 10.0.20348.0)\n"
		"**********************\n"
		"PS C:\\Windows\\system32> Get-SmbGlobalMapping\n"
		"\n"
		"Status Local Path Remote Path\n"
		"------ ---------- -----------\n"
		"OK     X:         \\\\fs07\\vault\n"
		"\n"
		"\n"
		"PS C:\\Windows\\system32> Get-ChildItem -Force " CRED "\n"
		"PS C:\\Windows\\system32> Stop-Transcript\n"
		"**********************\n";
	size_t len;
	unsigned char *b = ps_encode(text, "UTF-8", 0, &len);
	unsigned char *bom = malloc(len + 3);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, b, len);
	const struct artefact *art = artefact_add_bytes(set, "t.txt", bom, len + 3);
	free(b);
	free(bom);
	CHECK(art != NULL);
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	CHECK_INT(cm.dirs.n, 1);
	if (cm.dirs.n == 1) {
		CHECK_INT(cm.dirs.v[0].files, 0);
		CHECK_INT(cm.dirs.v[0].ev.line, 15);
	}
	struct verdict v;
	memset(&v, 0, sizeof v);
	CHECK_INT(engine_run(&cm, &v), 0);
	int g = 0;
	for (size_t i = 0; i < v.findings.n; i++)
		g += !strcmp(v.findings.v[i].id, "solution-G");
	CHECK_INT(g, 1);
	artefact_set_free(set);
}

int main(void)
{
	struct arena *a = arena_new(16u << 20);
	test_tables(a);
	test_errors_and_empty(a);
	arena_free(a);
	test_e2e();
	return check_exit();
}
