/* The guide's per-machine branch (SmbGlobalMapping): E, F, G, healthy, and
 * missing listings. */
#include "cm_build.h"

#define CRED_DIR "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials"
#define GMKEY "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings"

/* Solution E: created without -Persistent $true, absent after reboot. */
static void test_solution_e(void)
{
	struct tcase t;
	tc_init(&t);
	add_cmd(&t, CMD_NEW_GMAP, "New-SmbGlobalMapping -RemotePath \\\\fs01.contoso.com\\containers -Credential $creds -LocalPath Z:",
		"Z:", "\\\\fs01.contoso.com\\containers", TRI_UNKNOWN, 0, "(credential)", -1, "deploy.ps1", 12);
	add_gmap_listing(&t, "gmap.txt", 1);
	tc_run(&t);
	const struct finding *e = tc_find(&t, "solution-E", "Z:");
	CHECK(e != NULL);
	if (e) {
		CHECK_INT(e->solution, 'E');
		CHECK_STR(e->root_causes, "AC");
		const struct step *s = tc_step(e, "method");
		CHECK(s && !strcmp(s->outcome, "machine"));
		s = tc_step(e, "global-mapping-present");
		CHECK(s && !strcmp(s->outcome, "no") && step_has_ev(s, "gmap.txt", 1));
		s = tc_step(e, "map-command");
		CHECK(s && !strcmp(s->outcome, "no -Persistent") && step_has_ev(s, "deploy.ps1", 12));
		CHECK_STR(e->fill.server, "fs01.contoso.com");
		CHECK_STR(e->fill.share, "containers");
	}
	const struct mapping_view *m = tc_mapping(&t, "Z:", "machine");
	CHECK(m != NULL);
	tc_free(&t);

	/* from the registry key alone, still in GlobalMappings but not listed */
	tc_init(&t);
	add_key(&t, GMKEY "\\Y", "reg-gm.txt", 2);
	add_sz(&t, GMKEY "\\Y", "RemotePath", "\\\\fs01\\scratch", "reg-gm.txt", 3);
	add_gmap_listing(&t, "gmap.txt", 1);
	tc_run(&t);
	e = tc_find(&t, "solution-E", "Y:");
	CHECK(e != NULL);
	CHECK(e && e->root_causes && !strcmp(e->root_causes, "A"));
	CHECK(e && tc_step(e, "global-mapping-registry") != NULL);
	CHECK(e && e->fill.remote && !strcmp(e->fill.remote, "\\\\fs01\\scratch"));
	tc_free(&t);
}

/* Solution F: the UNC's server is the AD domain: a domain-based DFS namespace. */
static void test_solution_f(void)
{
	struct tcase t;
	tc_init(&t);
	add_host(&t, "HOST01", "contoso.com", "CONTOSO", TRI_YES, "systeminfo.txt", 14);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\contoso.com\\dfs\\data", CONN_OK, "OK", 0, "gmap.txt", 4);
	tc_run(&t);
	const struct finding *f = tc_find(&t, "solution-F", "Z:");
	CHECK(f != NULL);
	if (f) {
		CHECK_STR(f->root_causes, "E");
		const struct step *s = tc_step(f, "dfs");
		CHECK(s && !strcmp(s->outcome, "yes") && step_has_ev(s, "systeminfo.txt", 14));
		CHECK(tc_has_ev(f, "gmap.txt", 4));
	}
	tc_free(&t);

	/* the NetBIOS domain from the user's identity also names the namespace */
	tc_init(&t);
	add_identity(&t, "CONTOSO\\adm_jdoe", "S-1-5-21-1004336348-1177238915-682003330-1500", TRI_NO, TRI_YES,
		     "whoami.txt", 6);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\CONTOSO\\apps", CONN_OK, "OK", 0, "gmap.txt", 4);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-F", "Z:") != NULL);
	tc_free(&t);
}

/* Solution G: status not OK; or the NetworkService credential folder empty / missing. */
static void test_solution_g(void)
{
	struct tcase t;
	tc_init(&t);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01.contoso.com\\containers", CONN_DISCONNECTED, "Disconnected", 2, "gmap.txt", 4);
	tc_run(&t);
	const struct finding *g = tc_find(&t, "solution-G", "Z:");
	CHECK(g != NULL);
	CHECK(g && !strcmp(g->root_causes, "F"));
	CHECK(g && tc_step(g, "global-status") && contains(tc_step(g, "global-status")->note, "Disconnected"));
	CHECK(g && tc_step(g, "dfs") && !strcmp(tc_step(g, "dfs")->outcome, "no"));
	tc_free(&t);

	tc_init(&t);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01.contoso.com\\containers", CONN_OK, "OK", 0, "gmap.txt", 4);
	add_dir(&t, CRED_DIR, 0, 1, "dir.txt", 5);
	tc_run(&t);
	g = tc_find(&t, "solution-G", "Z:");
	CHECK(g != NULL);
	CHECK(g && tc_step(g, "credential-file") && step_has_ev(tc_step(g, "credential-file"), "dir.txt", 5));
	CHECK(g && contains(tc_step(g, "credential-file")->note, "not found"));
	tc_free(&t);

	tc_init(&t);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01.contoso.com\\containers", CONN_OK, "OK", 0, "gmap.txt", 4);
	add_dir(&t, CRED_DIR "\\", 0, 0, "dir.txt", 5);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-G", "Z:") != NULL);
	tc_free(&t);
}

/* Listed, not DFS, OK, credential files present: healthy, no finding. */
static void test_machine_healthy(void)
{
	struct tcase t;
	tc_init(&t);
	add_host(&t, "HOST01", "contoso.com", "CONTOSO", TRI_YES, "systeminfo.txt", 14);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01.contoso.com\\containers", CONN_OK, "OK", 0, "gmap.txt", 4);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 5);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(t.v.next_steps.n, 0);
	const struct mapping_view *m = tc_mapping(&t, "Z:", "machine");
	CHECK(m && m->status && !strcmp(m->status, "ok"));
	tc_free(&t);
}

/* No Get-SmbGlobalMapping output: ask for it and the credential folder; no verdict. */
static void test_machine_missing(void)
{
	struct tcase t;
	tc_init(&t);
	add_cmd(&t, CMD_NEW_GMAP, "New-SmbGlobalMapping -RemotePath \\\\fs01\\c -Credential $c -LocalPath Z: -Persistent $true",
		"Z:", "\\\\fs01\\c", TRI_YES, 0, "(credential)", -1, "deploy.ps1", 3);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(tc_next(&t, "Get-SmbGlobalMapping"), 0);
	CHECK_INT(tc_next(&t, "cmd /c \"dir /a " CRED_DIR "\""), 1);
	tc_free(&t);

	/* listed and OK, folder not collected: ask for the folder only */
	tc_init(&t);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01\\c", CONN_OK, "OK", 0, "gmap.txt", 4);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(t.v.next_steps.n, 1);
	CHECK_INT(tc_next(&t, "cmd /c \"dir /a " CRED_DIR "\""), 0);
	tc_free(&t);
}

/* A per-user and a per-machine drive in one case: two verdicts, user branch first. */
static void test_mixed(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, "CONTOSO\\jdoe", "S-1-5-21-1004336348-1177238915-682003330-1104", TRI_NO, TRI_NO,
		     "whoami.txt", 5);
	add_scope(&t, "HKCU\\Network", 1, "reg.txt", 1);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01\\data /persistent:yes", "L:", "\\\\fs01\\data", TRI_YES, 0,
		NULL, -1, "logon.bat", 2);
	add_gmap_listing(&t, "gmap.txt", 1);
	add_cmd(&t, CMD_NEW_GMAP, "New-SmbGlobalMapping -RemotePath \\\\fs01\\c -LocalPath Z: -Persistent $false",
		"Z:", "\\\\fs01\\c", TRI_NO, 0, "(credential)", -1, "deploy.ps1", 3);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 2);
	CHECK(t.v.findings.n == 2 && !strcmp(t.v.findings.v[0].id, "solution-A"));
	CHECK(t.v.findings.n == 2 && !strcmp(t.v.findings.v[1].id, "solution-E"));
	const struct finding *e = tc_find(&t, "solution-E", "Z:");
	CHECK(e && !strcmp(e->root_causes, "A"));
	CHECK(e && !strcmp(tc_step(e, "map-command")->outcome, "-Persistent $false"));
	tc_free(&t);
}

/* --drive Y: in a case that only shows global mappings: the per-machine branch. */
static void test_hint_machine(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.drive_hint = "Y:";
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "Z:", "\\\\fs01\\c", CONN_OK, "OK", 0, "gmap.txt", 4);
	add_dir(&t, CRED_DIR, 1, 0, "dir.txt", 5);
	tc_run(&t);
	const struct finding *e = tc_find(&t, "solution-E", "Y:");
	CHECK(e != NULL);
	CHECK(e && e->confidence == CONF_MEDIUM);
	CHECK(e && !strcmp(tc_step(e, "method")->outcome, "machine"));
	CHECK(tc_mapping(&t, "Y:", "machine") != NULL);
	CHECK_INT(t.v.findings.n, 1);
	tc_free(&t);
}

int main(void)
{
	test_solution_e();
	test_solution_f();
	test_solution_g();
	test_machine_healthy();
	test_machine_missing();
	test_mixed();
	test_hint_machine();
	return check_exit();
}
