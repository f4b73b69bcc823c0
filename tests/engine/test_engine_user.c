/* The guide's per-user branch, one scenario per outcome: A, B, C, D, the
 * NetBIOS/FQDN credential mismatch, wildcard credentials, the local-account
 * coincidence, an HKU\<SID> hive, and evidence missing at each step. */
#include "cm_build.h"

#define FQDN_DATA "\\\\fs01.contoso.com\\data"
#define JDOE "CONTOSO\\jdoe"
#define JDOE_SID "S-1-5-21-1004336348-1177238915-682003330-1104"

/* Solution A: no HKCU\Network\L in a recursive reg query, the default is "not
 * remembered" and the net use command gave no /persistent. */
static void test_solution_a_with_default_off(void)
{
	struct tcase t;
	tc_init(&t);
	add_listing(&t, TRI_NO, 0, "netuse.txt", 1);
	add_row(&t, "L:", FQDN_DATA, CONN_OK, "OK", "netuse.txt", 6);
	add_scope(&t, "HKCU\\Network", 1, "reg-network.txt", 1);
	add_key(&t, "HKCU\\Network\\P", "reg-network.txt", 2);
	add_sz(&t, "HKCU\\Network\\P", "RemotePath", "\\\\print01\\scans", "reg-network.txt", 3);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01.contoso.com\\data", "L:", FQDN_DATA, TRI_UNKNOWN, 0, NULL, -1,
		"logon.bat", 4);
	tc_run(&t);

	const struct finding *a = tc_find(&t, "solution-A", "L:");
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->solution, 'A');
		CHECK_STR(a->root_causes, "AC");
		CHECK_INT(a->severity, SEV_ERROR);
		CHECK_INT(a->confidence, CONF_HIGH);
		CHECK_STR(a->fill.server, "fs01.contoso.com");
		CHECK_STR(a->fill.share, "data");
		CHECK_STR(a->fill.remote, FQDN_DATA);
		const struct step *m = tc_step(a, "method");
		CHECK(m && !strcmp(m->outcome, "user"));
		const struct step *p = tc_step(a, "path-saved");
		CHECK(p && !strcmp(p->outcome, "no"));
		CHECK(p && contains(p->note, "HKCU\\Network\\L"));
		CHECK(step_has_ev(p, "reg-network.txt", 1));
		const struct step *d = tc_step(a, "persistent-default");
		CHECK(d && step_has_ev(d, "netuse.txt", 1));
		const struct step *c = tc_step(a, "map-command");
		CHECK(c && !strcmp(c->outcome, "no /persistent"));
		CHECK(tc_has_ev(a, "logon.bat", 4));
		CHECK(tc_has_ev(a, "netuse.txt", 6));
		/* the walk stops at A: no credential step */
		CHECK(tc_step(a, "credential-saved") == NULL);
	}
	const struct finding *pd = tc_find(&t, "persistent-default-off", "L:");
	CHECK(pd != NULL);
	if (pd) {
		CHECK_STR(pd->root_causes, "C");
		CHECK_INT(pd->solution, 0);
		CHECK(tc_has_ev(pd, "netuse.txt", 1));
	}
	/* the P: drive in the registry is a second drive; it has no access evidence */
	CHECK(tc_find(&t, "solution-A", "P:") == NULL);
	const struct mapping_view *ml = tc_mapping(&t, "L:", "user");
	CHECK(ml && ml->persisted == TRI_NO);
	CHECK(ml && ml->status && !strcmp(ml->status, "ok"));
	tc_free(&t);
}

/* Solution A from reg's "unable to find" error; /persistent:no given explicitly. */
static void test_solution_a_absent_error(void)
{
	struct tcase t;
	tc_init(&t);
	add_absent(&t, "HKCU\\Network\\M", NULL, "reg-m.txt", 2);
	add_cmd(&t, CMD_NET_USE, "net use M: \\\\fs01\\home /persistent:no", "M:", "\\\\fs01\\home", TRI_NO, 0, NULL,
		0, "map.cmd", 3);
	tc_run(&t);
	const struct finding *a = tc_find(&t, "solution-A", "M:");
	CHECK(a != NULL);
	CHECK(a && !strcmp(a->root_causes, "A"));
	CHECK(a && tc_has_ev(a, "reg-m.txt", 2));
	CHECK(tc_find(&t, "persistent-default-off", "M:") == NULL);
	tc_free(&t);
}

/* Solution B: mapped with an alternate account, no credential for the server. */
static void test_solution_b(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "CONTOSO\\svc_files", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 0, "cmdkey.txt", 1);
	add_cred(&t, "Domain:target", "print01.contoso.com", CRED_DOMAIN_PASSWORD, "CONTOSO\\svc_print",
		 "local-machine", "cmdkey.txt", 4);
	add_cred(&t, "LegacyGeneric:target", "fs01.contoso.com", CRED_GENERIC, "jdoe", "local-machine", "cmdkey.txt", 9);
	tc_run(&t);
	const struct finding *b = tc_find(&t, "solution-B", "L:");
	CHECK(b != NULL);
	if (b) {
		CHECK_STR(b->root_causes, "B");
		CHECK_STR(b->fill.user, "CONTOSO\\svc_files");
		const struct step *p = tc_step(b, "path-saved");
		CHECK(p && !strcmp(p->outcome, "yes") && step_has_ev(p, "reg-l.txt", 2));
		const struct step *c = tc_step(b, "credential-saved");
		CHECK(c && !strcmp(c->outcome, "no"));
		CHECK(c && contains(c->note, "Generic"));
		CHECK(c && step_has_ev(c, "cmdkey.txt", 1));
		CHECK(c && step_has_ev(c, "reg-l.txt", 4)); /* UserName line */
		CHECK_INT(b->confidence, CONF_HIGH);
	}
	CHECK(tc_find(&t, "cred-target-mismatch", "L:") == NULL);
	CHECK_INT(t.v.next_steps.n, 0);
	tc_free(&t);
}

/* A credential for fs01 does not serve \\fs01.contoso.com: B with a note, plus cred-target-mismatch. */
static void test_netbios_fqdn_mismatch(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "CONTOSO\\svc_files", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 0, "cmdkey.txt", 1);
	add_cred(&t, "Domain:target", "fs01", CRED_DOMAIN_PASSWORD, "CONTOSO\\svc_files", "local-machine",
		 "cmdkey.txt", 4);
	add_access(&t, "\\\\fs01\\data", ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 2);
	tc_run(&t);
	const struct finding *b = tc_find(&t, "solution-B", "L:");
	CHECK(b != NULL);
	const struct step *c = tc_step(b, "credential-saved");
	CHECK(c && !strcmp(c->outcome, "no"));
	CHECK(c && contains(c->note, "fs01, which is another name form of fs01.contoso.com"));
	CHECK(c && step_has_ev(c, "cmdkey.txt", 4));
	const struct finding *m = tc_find(&t, "cred-target-mismatch", "L:");
	CHECK(m != NULL);
	CHECK(m && tc_has_ev(m, "cmdkey.txt", 4));
	/* order: the drive's verdict first */
	CHECK(t.v.findings.n >= 2 && !strcmp(t.v.findings.v[0].id, "solution-B"));
	tc_free(&t);
}

/* A wildcard credential serves the FQDN; access works; the drive is OK: no finding. */
static void test_wildcard_healthy(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", FQDN_DATA, CONN_OK, "OK", "netuse.txt", 6);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "CONTOSO\\svc_files", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 0, "cmdkey.txt", 1);
	add_cred(&t, "Domain:target", "*.contoso.com", CRED_DOMAIN_PASSWORD, "CONTOSO\\svc_files", "local-machine",
		 "cmdkey.txt", 4);
	add_access(&t, "\\\\fs01.contoso.com\\data", ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 2);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	if (t.v.findings.n)
		tc_dump(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(t.v.next_steps.n, 0);
	CHECK_INT(t.v.mappings.n, 1);
	const struct mapping_view *m = tc_mapping(&t, "L:", "user");
	CHECK(m && m->persisted == TRI_YES && !strcmp(m->user, "CONTOSO\\svc_files"));
	CHECK(m && !strcmp(m->server, "fs01.contoso.com") && !strcmp(m->share, "data"));
	tc_free(&t);
}

/* Solution C: logon credentials, Test-Path False; and C from net use error 1326. */
static void test_solution_c(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "", "reg-l.txt", 2);
	add_access(&t, FQDN_DATA, ACC_TEST_PATH, TRI_NO, 0, "testpath.txt", 3);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	const struct finding *c = tc_find(&t, "solution-C", "L:");
	CHECK(c != NULL);
	if (c) {
		CHECK_STR(c->root_causes, "B");
		const struct step *s = tc_step(c, "credential-saved");
		CHECK(s && !strcmp(s->outcome, "logon credentials"));
		s = tc_step(c, "credential-valid");
		CHECK(s && !strcmp(s->outcome, "no") && step_has_ev(s, "testpath.txt", 3));
		s = tc_step(c, "service");
		CHECK(s && !strcmp(s->outcome, "running"));
		CHECK_INT(c->confidence, CONF_HIGH);
	}
	CHECK(tc_next(&t, "cmdkey /list") < 0); /* logon credentials: no need for cmdkey */
	tc_free(&t);

	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "CONTOSO\\svc_files", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 0, "cmdkey.txt", 1);
	add_cred(&t, "Domain:target", "fs01.contoso.com", CRED_DOMAIN_PASSWORD, "CONTOSO\\svc_files",
		 "local-machine", "cmdkey.txt", 4);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01.contoso.com\\data /persistent:yes", "L:", FQDN_DATA, TRI_YES,
		0, NULL, 1326, "transcript.txt", 20);
	tc_run(&t);
	c = tc_find(&t, "solution-C", "L:");
	CHECK(c != NULL);
	const struct step *s = tc_step(c, "credential-valid");
	CHECK(s && contains(s->note, "1326") && contains(s->note, "user name or password incorrect"));
	s = tc_step(c, "credential-saved");
	CHECK(s && !strcmp(s->outcome, "yes") && step_has_ev(s, "cmdkey.txt", 4));
	/* service state unknown and nothing worked: C at lower confidence, ask for the service */
	CHECK(c && c->confidence == CONF_MEDIUM);
	CHECK(tc_next(&t, "Get-Service LanmanWorkstation") >= 0);
	tc_free(&t);
}

/* Solution D: the SMB client is stopped, whatever the access check says. */
static void test_solution_d_service(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "", "reg-l.txt", 2);
	add_access(&t, FQDN_DATA, ACC_TEST_PATH, TRI_NO, 0, "testpath.txt", 3);
	add_service(&t, TRI_NO, "svc.txt", 4);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-C", "L:") == NULL);
	const struct finding *d = tc_find(&t, "solution-D", "L:");
	CHECK(d != NULL);
	const struct step *s = tc_step(d, "service");
	CHECK(s && !strcmp(s->outcome, "stopped") && step_has_ev(s, "svc.txt", 4));
	tc_free(&t);
}

/* Solution D: all saved, access works, yet Unavailable; then the escalation summary. */
static void test_solution_d_unavailable(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", FQDN_DATA, CONN_UNAVAILABLE, "Unavailable", "netuse.txt", 6);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 1, "cmdkey.txt", 1);
	add_smbconn(&t, "fs01.contoso.com", "data", JDOE, "smbconn.txt", 4);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	const struct finding *d = tc_find(&t, "solution-D", "L:");
	CHECK(d != NULL);
	if (d) {
		const struct step *s = tc_step(d, "credential-valid");
		CHECK(s && !strcmp(s->outcome, "yes") && step_has_ev(s, "smbconn.txt", 4));
		s = tc_step(d, "drive-status");
		CHECK(s && contains(s->note, "Unavailable") && step_has_ev(s, "netuse.txt", 6));
		CHECK_STR(d->root_causes, "");
	}
	const struct finding *e = tc_find(&t, "escalate", NULL);
	CHECK(e != NULL);
	CHECK(e && tc_step(e, "summary") && !strcmp(tc_step(e, "summary")->outcome, "solution-D"));
	/* escalation asks only for what is missing: systeminfo (no host facts) */
	CHECK(tc_next(&t, "systeminfo") >= 0);
	CHECK(tc_next(&t, "cmdkey /list") < 0);
	/* case-level escalate comes after the drive's verdict */
	CHECK(t.v.findings.n == 2 && !strcmp(t.v.findings.v[1].id, "escalate"));
	tc_free(&t);
}

/* Network errors: the share is unreachable; no mapping verdict for the drive. */
static void test_unreachable(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "", "reg-l.txt", 2);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01.contoso.com\\data /persistent:yes", "L:", FQDN_DATA, TRI_YES,
		0, NULL, 53, "transcript.txt", 30);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-C", "L:") == NULL);
	CHECK(tc_find(&t, "solution-D", "L:") == NULL);
	const struct finding *u = tc_find(&t, "unc-unreachable", NULL);
	CHECK(u != NULL);
	if (u) {
		CHECK_STR(u->fill.server, "fs01.contoso.com");
		CHECK_STR(u->fill.share, "data");
		CHECK_STR(u->fill.extra, "53");
		CHECK(tc_has_ev(u, "transcript.txt", 30));
		const struct step *s = tc_step(u, "unc-reachable");
		CHECK(s && contains(s->note, "network path not found") && contains(s->note, "L:"));
	}
	CHECK_INT(t.v.findings.n, 1);
	tc_free(&t);
}

/* Local account, no saved credential, access works: works by password coincidence. */
static void test_ntlm_coincidence(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, "DESKTOP-7Q2\\jdoe", "S-1-5-21-3623811015-3361044348-30300820-1001", TRI_YES, TRI_NO,
		     "whoami.txt", 5);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "S:", "\\\\nas01\\share", CONN_OK, "OK", "netuse.txt", 6);
	add_user_drive_reg(&t, "HKCU", 'S', "\\\\nas01\\share", "", "reg-s.txt", 2);
	add_cred_listing(&t, NULL, 1, "cmdkey.txt", 1);
	add_access(&t, "\\\\nas01\\share", ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 2);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	const struct finding *n = tc_find(&t, "ntlm-coincidence", "S:");
	CHECK(n != NULL);
	CHECK(n && tc_step(n, "local-account") && step_has_ev(tc_step(n, "local-account"), "whoami.txt", 5));
	CHECK(n && n->severity == SEV_WARNING && n->solution == 0);
	CHECK_INT(t.v.findings.n, 1);
	tc_free(&t);
}

/* Only a net use row: every check is missing; all next steps at once, no verdict. */
static void test_missing_everything(void)
{
	struct tcase t;
	tc_init(&t);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", "\\\\fs01\\data", CONN_UNAVAILABLE, "Unavailable", "netuse.txt", 6);
	tc_run(&t);
	if (t.v.findings.n)
		tc_dump(&t);
	CHECK_INT(t.v.findings.n, 0);
	const char *expect[] = {
		"reg query HKCU\\Network\\L", "cmdkey /list", "Test-Path \"\\\\fs01\\data\"",
		"Get-SmbConnection | Where-Object { $_.ServerName -eq \"fs01\" }", "Get-Service LanmanWorkstation",
		"whoami /all",
	};
	CHECK_INT(t.v.next_steps.n, sizeof expect / sizeof expect[0]);
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		CHECK_INT(tc_next(&t, expect[i]), (long)i);
	CHECK(t.v.next_steps.n && !strcmp(t.v.next_steps.v[0].id, "collect-reg-network"));
	CHECK(t.v.next_steps.n && t.v.next_steps.v[0].drive && !strcmp(t.v.next_steps.v[0].drive, "L:"));
	CHECK_INT(t.v.mappings.n, 1);
	tc_free(&t);
}

/* Path saved, credentials fine, but no access evidence: ask Test-Path and Get-SmbConnection. */
static void test_missing_access(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "", "reg-l.txt", 2);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK(tc_next(&t, "Test-Path \"\\\\fs01.contoso.com\\data\"") >= 0);
	CHECK(tc_next(&t, "Get-SmbConnection | Where-Object { $_.ServerName -eq \"fs01.contoso.com\" }") >= 0);
	CHECK(tc_next(&t, "Get-Service LanmanWorkstation") >= 0);
	CHECK(tc_next(&t, "cmdkey /list") < 0);
	CHECK(tc_next(&t, "whoami /all") < 0);
	tc_free(&t);
}

/* HKU\<SID> of the complaining user counts as HKCU; another SID's hive is scope-mismatch. */
static void test_hku_hive(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKU\\" JDOE_SID, 'L', FQDN_DATA, "", "hku.reg", 10);
	add_key(&t, "HKU\\S-1-5-21-1004336348-1177238915-682003330-500\\Network\\T", "hku.reg", 30);
	add_access(&t, FQDN_DATA, ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 2);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", FQDN_DATA, CONN_OK, "OK", "netuse.txt", 6);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-A", "L:") == NULL);
	const struct mapping_view *m = tc_mapping(&t, "L:", "user");
	CHECK(m && m->persisted == TRI_YES);
	/* T: lives in the administrator's hive, not the user's */
	CHECK(tc_mapping(&t, "T:", "user") == NULL);
	const struct finding *s = tc_find(&t, "scope-mismatch", NULL);
	CHECK(s != NULL);
	if (s) {
		CHECK_STR(s->fill.sid, "S-1-5-21-1004336348-1177238915-682003330-500");
		CHECK_STR(s->root_causes, "E");
		CHECK(tc_has_ev(s, "hku.reg", 30));
	}
	CHECK_INT(t.v.findings.n, 1);
	tc_free(&t);

	/* without whoami the HKU hive is taken as the user's, with lower confidence */
	tc_init(&t);
	add_user_drive_reg(&t, "HKU\\" JDOE_SID, 'L', FQDN_DATA, "CONTOSO\\svc_files", "hku.reg", 10);
	add_cred_listing(&t, NULL, 1, "cmdkey.txt", 1);
	tc_run(&t);
	const struct finding *b = tc_find(&t, "solution-B", "L:");
	CHECK(b != NULL);
	CHECK(b && b->confidence == CONF_MEDIUM);
	CHECK(b && contains(tc_step(b, "path-saved")->note, "HKU\\" JDOE_SID "\\Network\\L"));
	tc_free(&t);
}

/* Several drives: each its own verdict, a healthy drive none, sorted by letter. */
static void test_multi_drive(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "P:", "\\\\fs02\\projects", CONN_UNAVAILABLE, "Unavailable", "netuse.txt", 7);
	add_row(&t, "L:", FQDN_DATA, CONN_OK, "OK", "netuse.txt", 6);
	add_row(&t, "M:", "\\\\fs01\\home", CONN_OK, "OK", "netuse.txt", 8);
	add_scope(&t, "HKCU\\Network", 1, "reg.txt", 1);
	add_key(&t, "HKCU\\Network\\L", "reg.txt", 2);
	add_sz(&t, "HKCU\\Network\\L", "RemotePath", FQDN_DATA, "reg.txt", 3);
	add_sz(&t, "HKCU\\Network\\L", "UserName", "", "reg.txt", 4);
	add_key(&t, "HKCU\\Network\\P", "reg.txt", 6);
	add_sz(&t, "HKCU\\Network\\P", "RemotePath", "\\\\fs02\\projects", "reg.txt", 7);
	add_sz(&t, "HKCU\\Network\\P", "UserName", "CONTOSO\\svc_proj", "reg.txt", 8);
	add_cred_listing(&t, NULL, 1, "cmdkey.txt", 1);
	add_access(&t, FQDN_DATA, ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 2);
	add_service(&t, TRI_YES, "svc.txt", 4);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-A", "M:") != NULL);
	CHECK(tc_find(&t, "solution-B", "P:") != NULL);
	CHECK_INT(t.v.findings.n, 2);
	CHECK(t.v.findings.n == 2 && !strcmp(t.v.findings.v[0].fill.drive, "M:"));
	CHECK_INT(t.v.mappings.n, 3);
	CHECK(t.v.mappings.n == 3 && !strcmp(t.v.mappings.v[0].drive, "L:") &&
	      !strcmp(t.v.mappings.v[1].drive, "M:") && !strcmp(t.v.mappings.v[2].drive, "P:"));
	/* the same input gives the same verdict */
	struct verdict first = t.v;
	tc_run(&t);
	CHECK_INT(t.v.findings.n, first.findings.n);
	for (size_t i = 0; i < t.v.findings.n && i < first.findings.n; i++)
		CHECK_STR(t.v.findings.v[i].id, first.findings.v[i].id);
	tc_free(&t);
}

/* --drive K: with nothing else about K: per-user branch; A when the registry covers it. */
static void test_hint_only(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.drive_hint = "K:";
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_scope(&t, "HKCU\\Network", 0, "reg.txt", 1);
	add_gmap_listing(&t, "gmap.txt", 1);
	tc_run(&t);
	const struct finding *a = tc_find(&t, "solution-A", "K:");
	CHECK(a != NULL);
	CHECK(a && a->confidence == CONF_HIGH);
	CHECK(a && contains(tc_step(a, "method")->note, "not a global mapping"));
	CHECK_INT(t.v.next_steps.n, 0);
	tc_free(&t);

	tc_init(&t);
	t.cm.drive_hint = "K:";
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_scope(&t, "HKCU\\Network", 0, "reg.txt", 1);
	tc_run(&t);
	a = tc_find(&t, "solution-A", "K:");
	CHECK(a && a->confidence == CONF_MEDIUM);
	CHECK(a && !strcmp(tc_step(a, "method")->outcome, "unknown"));
	CHECK(tc_next(&t, "Get-SmbGlobalMapping") >= 0);
	tc_free(&t);
}

/* A credential saved for this logon only does not survive sign-out: B. */
static void test_logon_session_credential(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', FQDN_DATA, "CONTOSO\\svc_files", "reg-l.txt", 2);
	add_cred_listing(&t, NULL, 0, "cmdkey.txt", 1);
	add_cred(&t, "Domain:target", "fs01.contoso.com", CRED_DOMAIN_PASSWORD, "CONTOSO\\svc_files",
		 "logon-session", "cmdkey.txt", 4);
	tc_run(&t);
	const struct finding *b = tc_find(&t, "solution-B", "L:");
	CHECK(b != NULL);
	CHECK(b && contains(tc_step(b, "credential-saved")->note, "this logon only"));
	tc_free(&t);
}

/* The saved RemotePath differs from the path the logon script maps: remap (A). */
static void test_wrong_remote_path(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', "\\\\fs-old\\data", "", "reg-l.txt", 2);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01.contoso.com\\data /persistent:yes", "L:", FQDN_DATA, TRI_YES, 0,
		NULL, -1, "logon.bat", 3);
	tc_run(&t);
	const struct finding *a = tc_find(&t, "solution-A", "L:");
	CHECK(a != NULL);
	if (a) {
		const struct step *s = tc_step(a, "path-saved");
		CHECK(s && !strcmp(s->outcome, "wrong path"));
		CHECK(s && step_has_ev(s, "reg-l.txt", 3) && step_has_ev(s, "logon.bat", 3));
		CHECK_STR(a->fill.server, "fs01.contoso.com");
	}
	tc_free(&t);

	/* the same path with different case and a trailing backslash is not a change */
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_user_drive_reg(&t, "HKCU", 'L', "\\\\FS01.contoso.com\\Data\\", "", "reg-l.txt", 2);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01.contoso.com\\data /persistent:yes", "L:", FQDN_DATA, TRI_YES, 0,
		NULL, -1, "logon.bat", 3);
	tc_run(&t);
	CHECK(tc_find(&t, "solution-A", "L:") == NULL);
	tc_free(&t);
}

/* What counts as registry evidence for HKCU\Network\L. */
static void test_registry_coverage(void)
{
	struct tcase t;
	struct cq q;
	/* a listing of HKCU without a Network subkey: L cannot exist */
	tc_init(&t);
	add_scope(&t, "HKCU", 0, "hkcu.txt", 1);
	add_key(&t, "HKCU\\Software", "hkcu.txt", 3);
	cq_init(&q, &t.cm);
	struct cq_key k = cq_user_key_state(&q, "Network\\L");
	CHECK_INT(k.state, TRI_NO);
	CHECK(contains(k.how, "has no HKCU\\Network"));
	tc_free(&t);

	/* a listing of HKCU that shows Network: its subkeys were not listed */
	tc_init(&t);
	add_scope(&t, "HKCU", 0, "hkcu.txt", 1);
	add_key(&t, "HKCU\\Network", "hkcu.txt", 3);
	cq_init(&q, &t.cm);
	CHECK_INT(cq_user_key_state(&q, "Network\\L").state, TRI_UNKNOWN);
	tc_free(&t);

	/* an unrelated query proves nothing; an export of HKCU does */
	tc_init(&t);
	add_scope(&t, "HKCU\\Software\\Microsoft", 1, "sw.txt", 1);
	cq_init(&q, &t.cm);
	CHECK_INT(cq_user_key_state(&q, "Network\\L").state, TRI_UNKNOWN);
	add_scope(&t, "HKCU", 1, "hkcu.reg", 1);
	CHECK_INT(cq_user_key_state(&q, "Network\\L").state, TRI_NO);
	/* a lower-case subkey counts */
	add_key(&t, "HKCU\\Network\\l", "hkcu.reg", 40);
	CHECK_INT(cq_user_key_state(&q, "Network\\L").state, TRI_YES);
	tc_free(&t);

	/* values: reg query /v RemotePath alone says nothing about UserName; two values do */
	tc_init(&t);
	add_sz(&t, "HKCU\\Network\\L", "RemotePath", "\\\\fs01\\data", "v.txt", 2);
	cq_init(&q, &t.cm);
	const struct f_reg_value *v;
	const struct evidence *ev;
	CHECK_INT(cq_value_state(&q, "Network\\L", "UserName", 1, &v, &ev), TRI_UNKNOWN);
	add_sz(&t, "HKCU\\Network\\L", "ProviderName", "Microsoft Windows Network", "v.txt", 3);
	CHECK_INT(cq_value_state(&q, "Network\\L", "UserName", 1, &v, &ev), TRI_NO);
	add_sz(&t, "HKCU\\Network\\L", "UserName", "", "v.txt", 4);
	CHECK_INT(cq_value_state(&q, "Network\\L", "UserName", 1, &v, &ev), TRI_YES);
	CHECK(v && v->data && !*v->data);
	tc_free(&t);

	/* the persistent default from SaveConnections, any case */
	tc_init(&t);
	add_sz(&t, "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections",
	       "SaveConnections", "No", "pc.reg", 5);
	cq_init(&q, &t.cm);
	CHECK_INT(cq_persistent_default_off(&q, &ev), TRI_YES);
	CHECK(ev && ev->line == 5);
	tc_free(&t);
}

/* Credential matching rules in isolation. */
static void test_cred_matching(void)
{
	CHECK_INT(cq_cred_host_matches("fs01", "FS01"), 1);
	CHECK_INT(cq_cred_host_matches("fs01", "fs01.contoso.com"), 0);
	CHECK_INT(cq_cred_host_matches("fs01.contoso.com", "fs01"), 0);
	CHECK_INT(cq_cred_host_matches("*.contoso.com", "fs01.contoso.com"), 2);
	CHECK_INT(cq_cred_host_matches("*.contoso.com", "contoso.com"), 0);
	CHECK_INT(cq_cred_host_matches("*.contoso.com", "fs01"), 0);
	CHECK_INT(cq_cred_host_matches("*", "10.0.0.5"), 2);
	CHECK_INT(cq_cred_host_matches("contoso.com\\*", "fs01.contoso.com"), 2);
	CHECK_INT(cq_cred_host_matches("CONTOSO\\*", "fs01"), 0);
	CHECK_INT(cq_cred_host_matches("10.0.0.5", "fs01"), 0);
	CHECK(cq_is_ip("10.0.0.5"));
	CHECK(!cq_is_ip("fs01"));
}

int main(void)
{
	test_solution_a_with_default_off();
	test_solution_a_absent_error();
	test_solution_b();
	test_netbios_fqdn_mismatch();
	test_wildcard_healthy();
	test_solution_c();
	test_solution_d_service();
	test_solution_d_unavailable();
	test_unreachable();
	test_ntlm_coincidence();
	test_missing_everything();
	test_missing_access();
	test_hku_hive();
	test_multi_drive();
	test_hint_only();
	test_logon_session_credential();
	test_wrong_remote_path();
	test_registry_coverage();
	test_cred_matching();
	return check_exit();
}
