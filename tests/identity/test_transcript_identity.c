/* A PowerShell transcript's header is a source of who and where (DESIGN §4
 * rule 7): its RunAs User becomes an identity without SID and its Machine a
 * host, each citing its header line; a NetBIOS domain from it names a
 * domain-based DFS namespace. Commands that printed nothing ($cred = ...)
 * are skipped segments, not unrecognized ones. Bytes as Start-Transcript
 * writes them (UTF-8 with BOM, CRLF), German header. */
#include <string.h>

#include "analyzer/case.h"
#include "analyzer/engine.h"
#include "check.h"
#include "parsers/artefact.h"

static const char transcript_de[] =
	"\xEF\xBB\xBF**********************\r\n"
	"Start der Windows PowerShell-Aufzeichnung\r\n"
	"Startzeit: 20261122081500\r\n"
	"Username: FABRIKAM\\huber\r\n"
	"RunAs-User: FABRIKAM\\ctradmin\r\n"
	"Konfigurationsname: \r\n"
	"Computer: CTR-HOST-11 (Microsoft Windows NT 10.0.20348.0)\r\n"
	"Hostanwendung: C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n"
	"Prozess-ID: 3920\r\n"
	"PSVersion: 5.1.20348.2849\r\n"
	"**********************\r\n"
	"Die Aufzeichnung wurde gestartet. Die Ausgabedatei ist \"C:\\Users\\ctradmin\\Documents\\t.txt\".\r\n"
	"PS C:\\Windows\\system32> $cred = Get-Credential FABRIKAM\\svc-ctr\r\n"
	"PS C:\\Windows\\system32> Get-SmbGlobalMapping\r\n"
	"\r\n"
	"Status Local Path Remote Path\r\n"
	"------ ---------- -----------\r\n"
	"OK     S:         \\\\FABRIKAM\\apps\\containers\r\n"
	"\r\n"
	"\r\n"
	"PS C:\\Windows\\system32> Stop-Transcript\r\n"
	"**********************\r\n"
	"Ende der Windows PowerShell-Aufzeichnung\r\n"
	"Endzeit: 20261122081622\r\n"
	"**********************\r\n";

int main(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	const struct artefact *art = artefact_add_bytes(set, "PowerShell_transcript.CTR-HOST-11.txt",
							(const uint8_t *)transcript_de, sizeof transcript_de - 1);
	CHECK(art && art->header != NULL);
	CHECK(art && art->kind && !strcmp(art->kind, "transcript"));
	int skipped = 0;
	for (size_t i = 0; art && i < art->segs.n; i++) {
		const struct segment *s = &art->segs.v[i];
		if (s->command && !strncmp(s->command, "$cred", 5)) {
			CHECK_INT(s->status, ART_SKIPPED);
			CHECK_STR(s->kind, "none");
			skipped++;
		}
	}
	CHECK_INT(skipped, 1);

	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	CHECK_INT(cm.identities.n, 1);
	if (cm.identities.n == 1) {
		CHECK_STR(cm.identities.v[0].user, "FABRIKAM\\ctradmin"); /* RunAs, not Username */
		CHECK(cm.identities.v[0].sid == NULL);
		CHECK_INT(cm.identities.v[0].elevated, TRI_UNKNOWN);
		CHECK_INT(cm.identities.v[0].ev.line, 5);
	}
	CHECK_INT(cm.hosts.n, 1);
	if (cm.hosts.n == 1) {
		CHECK_STR(cm.hosts.v[0].computer, "CTR-HOST-11");
		CHECK(cm.hosts.v[0].domain == NULL);
		CHECK_INT(cm.hosts.v[0].ev.line, 7);
	}

	struct verdict v;
	memset(&v, 0, sizeof v);
	CHECK_INT(engine_run(&cm, &v), 0);
	int f = 0;
	for (size_t i = 0; i < v.findings.n; i++)
		if (!strcmp(v.findings.v[i].id, "solution-F") && v.findings.v[i].fill.drive &&
		    !strcmp(v.findings.v[i].fill.drive, "S:"))
			f++;
	CHECK_INT(f, 1);
	artefact_set_free(set);
	return check_exit();
}
