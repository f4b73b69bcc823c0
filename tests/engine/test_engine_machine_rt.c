/* Per-machine branch, found by playing customers (fixtures/scenarios/m-*):
 * - the AD domain is found whichever host fact names it (systeminfo read before an
 *   ipconfig that names no domain; ipconfig's primary DNS suffix);
 * - a remote cut by the table formatter is not used when the GlobalMappings key
 *   has the whole path, and the whole path is asked for when nothing has it;
 * - a New-SmbGlobalMapping that failed is said to have failed in solution-E;
 * - a mapping listed now whose GlobalMappings key is shown absent is not persisted (E). */
#include "cm_build.h"

#define GMKEY "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings"
#define CRED_DIR "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials"

static int has_next(const struct tcase *t, const char *cmd)
{
	for (size_t i = 0; i < t->v.next_steps.n; i++)
		if (!strcmp(t->v.next_steps.v[i].command, cmd))
			return 1;
	return 0;
}

/* m-f-fqdn-sysinfo-ipconfig-fr: systeminfo names corp.fabrikam.fr, the ipconfig
 * read after it names only the host. */
static void test_domain_from_any_host(void)
{
	struct tcase t;
	tc_init(&t);
	add_host(&t, "CTR-PAR-05", "corp.fabrikam.fr", NULL, TRI_YES, "a-systeminfo.txt", 23);
	struct f_host *h = PUSH(&t, hosts); /* what facts_ipconfig makes */
	h->computer = "CTR-PAR-05";
	h->dns_suffix = NULL;
	h->domain_joined = TRI_UNKNOWN;
	h->ev = tc_ev(&t, "b-ipconfig-all.txt", 4, "Nom de l'hôte . . . : CTR-PAR-05");
	add_gmap_listing(&t, "c-gsmbgm.txt", 2);
	add_gmap(&t, "P:", "\\\\corp.fabrikam.fr\\dfs\\projets", CONN_OK, "OK", -1, "c-gsmbgm.txt", 4);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 6);
	tc_run(&t);
	const struct finding *f = tc_find(&t, "solution-F", "P:");
	CHECK(f != NULL);
	const struct step *s = f ? tc_step(f, "dfs") : NULL;
	CHECK(s && !strcmp(s->outcome, "yes") && step_has_ev(s, "a-systeminfo.txt", 23));
	CHECK(tc_find(&t, "solution-G", "P:") == NULL);
	tc_free(&t);

	/* ipconfig /all alone: the primary DNS suffix of the host is the namespace's name */
	tc_init(&t);
	h = PUSH(&t, hosts);
	h->computer = "CTR-PAR-05";
	h->dns_suffix = "corp.fabrikam.fr";
	h->domain_joined = TRI_UNKNOWN;
	h->ev = tc_ev(&t, "ipconfig.txt", 5, "Suffixe DNS principal . . . . . . : corp.fabrikam.fr");
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "P:", "\\\\CORP.FABRIKAM.FR\\dfs\\projets", CONN_OK, "OK", -1, "gsmbgm.txt", 4);
	tc_run(&t);
	f = tc_find(&t, "solution-F", "P:");
	CHECK(f != NULL);
	s = f ? tc_step(f, "dfs") : NULL;
	CHECK(s && step_has_ev(s, "ipconfig.txt", 5));
	tc_free(&t);

	/* a workgroup machine's suffix proves nothing; nor does another server name */
	tc_init(&t);
	h = PUSH(&t, hosts);
	h->computer = "NAS-CLIENT";
	h->dns_suffix = "home.example";
	h->domain_joined = TRI_NO;
	h->ev = tc_ev(&t, "ipconfig.txt", 5, "Primary Dns Suffix . . . : home.example");
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "P:", "\\\\home.example\\media", CONN_OK, "OK", -1, "gsmbgm.txt", 4);
	add_gmap(&t, "Q:", "\\\\fs01.home.example\\media", CONN_OK, "OK", -1, "gsmbgm.txt", 5);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 6);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-F", "P:") == NULL);
	CHECK(tc_find(&t, "solution-F", "Q:") == NULL);
	CHECK_INT((int)t.v.findings.n, 0);
	tc_free(&t);
}

/* m-g-table-cut-regquery-en / m-g-ps7-ellipsis-cab */
static void test_cut_remote(void)
{
	const char *whole = "\\\\fileserver-prod-07.corp.fabrikam.com\\ContainerImages\\windows-base";
	struct tcase t;
	tc_init(&t);
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "I:", "\\\\fileserver-prod-07.corp.fabrikam.com\\ContainerImage...", CONN_UNAVAILABLE,
		 "Unavailable", -1, "gsmbgm.txt", 4);
	add_key(&t, GMKEY "\\I", "reg.txt", 6);
	add_sz(&t, GMKEY "\\I", "RemotePath", whole, "reg.txt", 7);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 6);
	tc_run(&t);
	const struct finding *g = tc_find(&t, "solution-G", "I:");
	CHECK(g != NULL);
	CHECK(g && g->fill.remote && !strcmp(g->fill.remote, whole));
	CHECK(g && g->fill.share && !strcmp(g->fill.share, "ContainerImages"));
	const struct mapping_view *m = tc_mapping(&t, "I:", "machine");
	CHECK(m && m->remote && !strcmp(m->remote, whole));
	CHECK(!has_next(&t, "Get-SmbGlobalMapping -LocalPath I: | Format-List"));
	tc_free(&t);

	/* only the cut cell: used, and the whole path is asked for */
	tc_init(&t);
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "Q:", "\\\\sql-bak02.corp.contoso.com\\SQLBack\xE2\x80\xA6", CONN_UNAVAILABLE, "Unavailable", -1,
		 "gsmbgm.txt", 4);
	tc_run(&t);
	g = tc_find(&t, "solution-G", "Q:");
	CHECK(g != NULL);
	CHECK(g && g->fill.server && !strcmp(g->fill.server, "sql-bak02.corp.contoso.com"));
	CHECK(has_next(&t, "Get-SmbGlobalMapping -LocalPath Q: | Format-List"));
	tc_free(&t);
}

/* m-1219-new-gmap-zh-transcript / m-85-new-gmap-ja-paste */
static void test_failed_creation(void)
{
	struct tcase t;
	tc_init(&t);
	struct f_command *c = add_cmd(&t, CMD_NEW_GMAP,
				      "New-SmbGlobalMapping -RemotePath \\\\fs-bj01\\share -Credential $cred -LocalPath R: -Persistent $true",
				      "R:", "\\\\fs-bj01\\share", TRI_YES, 0, "(credential)", 1219, "tr.txt", 21);
	c->error_ev = tc_ev(&t, "tr.txt", 22, "New-SmbGlobalMapping : ...");
	add_error(&t, 1219, c->text, "tr.txt", 22);
	add_gmap_listing(&t, "tr.txt", 40);
	tc_run(&t);
	const struct finding *e = tc_find(&t, "solution-E", "R:");
	CHECK(e != NULL);
	CHECK(e && !strcmp(e->root_causes, "A"));
	const struct step *s = NULL;
	for (size_t i = 0; e && i < e->steps.n; i++)
		if (!strcmp(e->steps.v[i].check, "map-command") && !strcmp(e->steps.v[i].outcome, "failed"))
			s = &e->steps.v[i];
	CHECK(s && strstr(s->note, "1219") && step_has_ev(s, "tr.txt", 22));
	CHECK(tc_count(&t, "session-credential-conflict-1219") == 1);
	tc_free(&t);

	/* not failed, no -Persistent: root C, no "failed" step */
	tc_init(&t);
	add_cmd(&t, CMD_NEW_GMAP, "New-SmbGlobalMapping -RemotePath \\\\fs01\\a -Credential $c -LocalPath Z:", "Z:",
		"\\\\fs01\\a", TRI_UNKNOWN, 0, "(credential)", -1, "tr.txt", 5);
	add_gmap_listing(&t, "tr.txt", 9);
	tc_run(&t);
	e = tc_find(&t, "solution-E", "Z:");
	CHECK(e && !strcmp(e->root_causes, "AC"));
	for (size_t i = 0; e && i < e->steps.n; i++)
		CHECK(strcmp(e->steps.v[i].outcome, "failed") != 0);
	tc_free(&t);
}

/* m-e-listed-not-persisted-en */
static void test_listed_not_persisted(void)
{
	struct tcase t;
	tc_init(&t);
	add_cmd(&t, CMD_NEW_GMAP, "New-SmbGlobalMapping -RemotePath \\\\fs-build03\\containers -Credential $cred -LocalPath Z:",
		"Z:", "\\\\fs-build03\\containers", TRI_UNKNOWN, 0, "(credential)", -1, "provision-ctr.ps1", 3);
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "Z:", "\\\\fs-build03\\containers", CONN_OK, "OK", -1, "gsmbgm.txt", 4);
	add_absent(&t, GMKEY "\\Z", NULL, "reg.txt", 2);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 6);
	tc_run(&t);
	const struct finding *e = tc_find(&t, "solution-E", "Z:");
	CHECK(e != NULL);
	CHECK(e && !strcmp(e->root_causes, "AC"));
	const struct step *s = e ? tc_step(e, "global-mapping-registry") : NULL;
	CHECK(s && !strcmp(s->outcome, "no") && step_has_ev(s, "reg.txt", 2));
	CHECK(tc_find(&t, "solution-G", "Z:") == NULL);
	const struct mapping_view *m = tc_mapping(&t, "Z:", "machine");
	CHECK(m && m->persisted == TRI_NO);
	tc_free(&t);

	/* the key present (or not collected): no E, the walk goes on to status and files */
	tc_init(&t);
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "Z:", "\\\\fs-build03\\containers", CONN_OK, "OK", -1, "gsmbgm.txt", 4);
	add_key(&t, GMKEY "\\Z", "reg.txt", 3);
	add_dir(&t, CRED_DIR, 2, 0, "dir.txt", 6);
	tc_run(&t);
	CHECK_INT((int)t.v.findings.n, 0);
	tc_free(&t);

	/* a DFS target is F first, whatever the registry says */
	tc_init(&t);
	add_host(&t, "CTR-1", "contoso.com", "CONTOSO", TRI_YES, "systeminfo.txt", 24);
	add_gmap_listing(&t, "gsmbgm.txt", 2);
	add_gmap(&t, "Y:", "\\\\contoso.com\\dfs\\apps", CONN_OK, "OK", -1, "gsmbgm.txt", 4);
	add_absent(&t, GMKEY, NULL, "reg.txt", 2);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-F", "Y:") != NULL);
	CHECK(tc_find(&t, "solution-E", "Y:") == NULL);
	tc_free(&t);
}

int main(void)
{
	test_listed_not_persisted();
	test_domain_from_any_host();
	test_cut_remote();
	test_failed_creation();
	return check_exit();
}
