/* smb-global-mapping as customers' bundles showed it (fixtures/scenarios/m-*):
 * - New-SmbGlobalMapping's output is the mapping just made, not a listing;
 * - a listing asked for some mappings only (-LocalPath, a positional path,
 *   Where-Object, Select-Object -First) does not show the others absent;
 * - a redirect or a closing quote after the cmdlet is not a filter;
 * - end to end: two transcripts, before and after a restart, ordered by their
 *   start times (not their file names): the later empty listing decides (E). */
#include "analyzer/case.h"
#include "analyzer/engine.h"
#include "parsers/artefact.h"
#include "parsers/smbgmap.h"
#include "ps_helpers.h"

extern const struct parser smbgmap_parser;

static const char table[] = "\n"
			    "Status Local Path Remote Path\n"
			    "------ ---------- -----------\n"
			    "OK     Z:         \\\\fs-sz03\\data\n\n\n";

static struct smbgmap_result *run(struct arena *a, const char *cmd)
{
	int bid, st;
	struct smbgmap_result *r = ps_run(&smbgmap_parser, a, table, cmd, &bid, &st, NULL);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	return r;
}

static void test_flags(struct arena *a)
{
	struct smbgmap_result *r = run(a, "New-SmbGlobalMapping -RemotePath \"\\\\fs-sz03\\data\" -Credential $Creds -LocalPath \"Z:\"");
	CHECK(r && r->created && !r->filtered && r->global);
	r = run(a, "New-SmbGlobalMapping -RemotePath \\\\fs-sz03\\data -Credential $c -LocalPath Z: ; Get-SmbGlobalMapping");
	CHECK(r && !r->created);

	static const char *const plain[] = {
		"Get-SmbGlobalMapping", "Get-SmbGlobalMapping 2>$null", "Get-SmbGlobalMapping > gm.txt",
		"Get-SmbGlobalMapping 2> err.txt | Format-Table -AutoSize", "Get-SmbGlobalMapping | fl *",
		"powershell -NoProfile -Command \"Get-SmbGlobalMapping\"", "Get-SmbGlobalMapping | Select-Object *",
		NULL,
	};
	for (size_t i = 0; plain[i]; i++) {
		r = run(a, plain[i]);
		if (r && (r->filtered || r->created))
			fprintf(stderr, "wrongly filtered/created: %s\n", plain[i]);
		CHECK(r && !r->filtered && !r->created);
	}
	static const char *const filters[] = {
		"Get-SmbGlobalMapping -LocalPath Z:", "Get-SmbGlobalMapping Z:",
		"Get-SmbGlobalMapping -RemotePath \\\\fs-sz03\\data | Format-List",
		"Get-SmbGlobalMapping | Where-Object LocalPath -eq 'Z:'", "Get-SmbGlobalMapping | ? { $_.Status -ne 'OK' }",
		"Get-SmbGlobalMapping | Select-Object -First 1", NULL,
	};
	for (size_t i = 0; filters[i]; i++) {
		r = run(a, filters[i]);
		if (r && !r->filtered)
			fprintf(stderr, "not seen as filtered: %s\n", filters[i]);
		CHECK(r && r->filtered);
	}
}

static void add(struct artefact_set *set, const char *name, const char *start, const char *body)
{
	char text[4096];
	snprintf(text, sizeof text,
		 "\xEF\xBB\xBF**********************\r\nWindows PowerShell transcript start\r\nStart time: %s\r\n"
		 "Username: CORP\\adm\r\nRunAs User: CORP\\adm\r\nMachine: CTR-SZ-03 (Microsoft Windows NT 10.0.20348.0)\r\n"
		 "**********************\r\n%s**********************\r\nWindows PowerShell transcript end\r\n"
		 "End time: %s\r\n**********************\r\n", start, body, start);
	CHECK(artefact_add_bytes(set, name, (const uint8_t *)text, strlen(text)) != NULL);
}

static int count(const struct verdict *v, const char *id, const char *drive)
{
	int n = 0;
	for (size_t i = 0; i < v->findings.n; i++)
		n += !strcmp(v->findings.v[i].id, id) && v->findings.v[i].fill.drive &&
		     !strcmp(v->findings.v[i].fill.drive, drive);
	return n;
}

static void test_before_after(int filtered_after)
{
	struct artefact_set *set = artefact_set_new(NULL);
	/* file names sort the other way round: the start times decide */
	add(set, "a-after-restart.txt", "20261124081500",
	    filtered_after ? "PS C:\\> Get-SmbGlobalMapping -LocalPath Y:\r\n"
			     "PS C:\\> Stop-Transcript\r\n"
			   : "PS C:\\> Get-SmbGlobalMapping\r\nPS C:\\> Stop-Transcript\r\n");
	add(set, "b-before-restart.txt", "20261123170000",
	    "PS C:\\> Get-SmbGlobalMapping\r\n\r\nStatus Local Path Remote Path\r\n------ ---------- -----------\r\n"
	    "OK     Z:         \\\\fs-sz03\\data\r\n\r\n\r\n"
	    "PS C:\\> cmd /c \"dir /a C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\"\r\n"
	    " Volume in drive C has no label.\r\n Volume Serial Number is 5E21-C0D4\r\n\r\n"
	    " Directory of C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\r\n\r\n"
	    "11/02/2026  09:14 AM    <DIR>          .\r\n11/02/2026  09:14 AM    <DIR>          ..\r\n"
	    "11/02/2026  09:14 AM            11,872 DFBE70A7E5CC19A398EBF1B96859CE5D\r\n"
	    "               1 File(s)         11,872 bytes\r\n               2 Dir(s)  41,873,915,904 bytes free\r\n\r\n"
	    "PS C:\\> Stop-Transcript\r\n");
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	struct verdict v;
	memset(&v, 0, sizeof v);
	CHECK_INT(engine_run(&cm, &v), 0);
	if (filtered_after) {
		/* a listing of Y: only says nothing about Z: */
		CHECK_INT(count(&v, "solution-E", "Z:"), 0);
		CHECK_INT((int)v.findings.n, 0);
	} else {
		CHECK_INT(count(&v, "solution-E", "Z:"), 1);
	}
	artefact_set_free(set);
}

int main(void)
{
	struct arena *a = arena_new(16u << 20);
	test_flags(a);
	arena_free(a);
	test_before_after(0);
	test_before_after(1);
	return check_exit();
}
