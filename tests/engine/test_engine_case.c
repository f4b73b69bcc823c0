/* Case-level checks: /savecred with /user:, scope, plaintext passwords,
 * policies, error codes with known causes, elevated collection, escalation,
 * and an empty case. */
#include "cm_build.h"

#define JDOE "CONTOSO\\jdoe"
#define JDOE_SID "S-1-5-21-1004336348-1177238915-682003330-1104"

static void test_savecred_user_conflict(void)
{
	struct tcase t;
	tc_init(&t);
	const char *cmd = "net use S: \\\\bxts01\\d$ /user:CONTOSO\\svc_backup /savecred /persistent:yes";
	add_cmd(&t, CMD_NET_USE, cmd, "S:", "\\\\bxts01\\d$", TRI_YES, 1, "CONTOSO\\svc_backup", 3510,
		"backup.txt", 1);
	add_error(&t, 3510, cmd, "backup.txt", 2);
	tc_run(&t);
	const struct finding *f = tc_find(&t, "savecred-user-conflict", "S:");
	CHECK(f != NULL);
	if (f) {
		CHECK_STR(f->root_causes, "D");
		CHECK_INT(f->solution, 0);
		CHECK(tc_has_ev(f, "backup.txt", 1));
		CHECK(tc_has_ev(f, "backup.txt", 2));
		CHECK_STR(f->fill.user, "CONTOSO\\svc_backup");
		CHECK_STR(f->fill.server, "bxts01");
		const struct step *s = tc_step(f, "savecred-user");
		CHECK(s && contains(s->note, "/savecred"));
	}
	CHECK_INT(tc_count(&t, "savecred-user-conflict"), 1);
	tc_free(&t);

	/* in a script, never run (no outcome): the switches alone are the evidence */
	tc_init(&t);
	add_cmd(&t, CMD_NET_USE, "net use S: \\\\bxts01\\d$ /savecred /user:CONTOSO\\svc_backup", "S:",
		"\\\\bxts01\\d$", TRI_UNKNOWN, 1, "CONTOSO\\svc_backup", -1, "map.bat", 7);
	tc_run(&t);
	CHECK(tc_find(&t, "savecred-user-conflict", "S:") != NULL);
	tc_free(&t);

	/* the error printed alone (no command seen): a case-level finding */
	tc_init(&t);
	add_error(&t, 3510, NULL, "paste.txt", 9);
	tc_run(&t);
	const struct finding *g = tc_find(&t, "savecred-user-conflict", NULL);
	CHECK(g && tc_has_ev(g, "paste.txt", 9));
	tc_free(&t);
}

static void test_scope_symptom(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.symptom = "other-users";
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_cmd(&t, CMD_NET_USE, "net use L: \\\\fs01\\data /persistent:yes", "L:", "\\\\fs01\\data", TRI_YES, 0,
		NULL, 0, "transcript.txt", 4);
	tc_run(&t);
	const struct finding *s = tc_find(&t, "scope-mismatch", "L:");
	CHECK(s != NULL);
	CHECK(s && !strcmp(s->root_causes, "E") && tc_has_ev(s, "transcript.txt", 4));
	tc_free(&t);
}

static void test_plaintext_password(void)
{
	struct tcase t;
	tc_init(&t);
	add_secret(&t, "net use password", "logon.bat", 3, "net use L: \\\\fs01\\data ******** /user:CONTOSO\\jdoe");
	add_secret(&t, "ConvertTo-SecureString", "deploy.ps1", 8,
		   "$PWord = ConvertTo-SecureString -String '********' -AsPlainText -Force");
	tc_run(&t);
	const struct finding *f = tc_find(&t, "plaintext-password", NULL);
	CHECK(f != NULL);
	if (f) {
		CHECK(tc_has_ev(f, "logon.bat", 3));
		CHECK(tc_has_ev(f, "deploy.ps1", 8));
		CHECK_STR(f->fill.extra, "2");
		CHECK_INT(f->steps.n, 2);
		CHECK(contains(f->steps.v[0].note, "logon.bat line 3"));
	}
	tc_free(&t);
}

static void test_policies(void)
{
	struct tcase t;
	tc_init(&t);
	add_dword(&t, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "DisableDomainCreds", 1, "lsa.txt", 3);
	add_dword(&t, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider", "RestoreConnection", 0, "np.txt", 4);
	tc_run(&t);
	const struct finding *p = tc_find(&t, "policy-disable-domain-creds", NULL);
	CHECK(p && tc_has_ev(p, "lsa.txt", 3) && !strcmp(p->root_causes, "B"));
	const struct finding *r = tc_find(&t, "restoreconnection-disabled", NULL);
	CHECK(r && tc_has_ev(r, "np.txt", 4));
	tc_free(&t);

	/* the harmless values give nothing */
	tc_init(&t);
	add_dword(&t, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "DisableDomainCreds", 0, "lsa.txt", 3);
	add_dword(&t, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider", "RestoreConnection", 1, "np.txt", 4);
	tc_run(&t);
	CHECK(tc_find(&t, "policy-disable-domain-creds", NULL) == NULL);
	CHECK(tc_find(&t, "restoreconnection-disabled", NULL) == NULL);
	tc_free(&t);
}

static void test_error_codes(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_cmd(&t, CMD_NET_USE, "net use M: \\\\fs01\\home /user:CONTOSO\\adm_jdoe *", "M:", "\\\\fs01\\home",
		TRI_UNKNOWN, 0, "CONTOSO\\adm_jdoe", 1219, "transcript.txt", 10);
	add_cmd(&t, CMD_NET_USE, "net use E: \\\\fs01\\eng /persistent:yes", "E:", "\\\\fs01\\eng", TRI_YES, 0, NULL,
		85, "transcript.txt", 20);
	add_cmd(&t, CMD_NET_USE, "net use N: \\\\nas02\\public /persistent:yes", "N:", "\\\\nas02\\public", TRI_YES,
		0, NULL, 1272, "transcript.txt", 30);
	add_error(&t, 1312, NULL, "ssh-session.txt", 2);
	tc_run(&t);
	const struct finding *s = tc_find(&t, "session-credential-conflict-1219", "M:");
	CHECK(s && tc_has_ev(s, "transcript.txt", 10) && !strcmp(s->fill.server, "fs01"));
	CHECK(s && !strcmp(s->fill.extra, "1219"));
	const struct finding *d = tc_find(&t, "drive-letter-conflict", "E:");
	CHECK(d && tc_has_ev(d, "transcript.txt", 20));
	CHECK(tc_find(&t, "guest-auth-blocked", "N:") != NULL);
	CHECK(tc_find(&t, "network-logon-no-credential-set", NULL) != NULL);
	/* these failures say nothing about credentials: no solution-C */
	CHECK(tc_find(&t, "solution-C", "M:") == NULL);
	CHECK(tc_find(&t, "solution-C", "E:") == NULL);
	tc_free(&t);
}

static void test_uac_split_token(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_YES, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 1, "netuse.txt", 1);
	add_absent(&t, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
		   "EnableLinkedConnections", "elc.txt", 1);
	tc_run(&t);
	const struct finding *u = tc_find(&t, "uac-split-token", NULL);
	CHECK(u != NULL);
	CHECK(u && u->confidence == CONF_HIGH && tc_has_ev(u, "whoami.txt", 5) && tc_has_ev(u, "elc.txt", 1));
	tc_free(&t);

	/* value not collected: medium confidence and ask for it */
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_YES, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 1, "netuse.txt", 1);
	tc_run(&t);
	u = tc_find(&t, "uac-split-token", NULL);
	CHECK(u && u->confidence == CONF_MEDIUM);
	CHECK(tc_next(&t, "reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v "
			  "EnableLinkedConnections") >= 0);
	tc_free(&t);

	/* linked connections on: nothing to report */
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_YES, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 1, "netuse.txt", 1);
	add_dword(&t, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
		  "EnableLinkedConnections", 1, "elc.txt", 3);
	tc_run(&t);
	CHECK(tc_find(&t, "uac-split-token", NULL) == NULL);
	tc_free(&t);
}

/* Symptom given, every check passes, evidence complete: escalate. */
static void test_escalate_symptom(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.symptom = "red-x";
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_host(&t, "PC01", "contoso.com", "CONTOSO", TRI_YES, "systeminfo.txt", 3);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", "\\\\fs01\\data", CONN_OK, "OK", "netuse.txt", 6);
	add_user_drive_reg(&t, "HKCU", 'L', "\\\\fs01\\data", "", "reg.txt", 2);
	add_cred_listing(&t, NULL, 1, "cmdkey.txt", 1);
	add_access(&t, "\\\\fs01\\data", ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 1);
	add_service(&t, TRI_YES, "svc.txt", 1);
	tc_run(&t);
	const struct finding *e = tc_find(&t, "escalate", NULL);
	CHECK(e != NULL);
	CHECK_INT(t.v.findings.n, 1);
	CHECK(e && tc_step(e, "summary") && !strcmp(tc_step(e, "summary")->outcome, "all checks passed"));
	CHECK(e && tc_step(e, "symptom") != NULL);
	CHECK_INT(t.v.next_steps.n, 0);
	tc_free(&t);

	/* the same without a symptom: no problem, no finding */
	tc_init(&t);
	add_identity(&t, JDOE, JDOE_SID, TRI_NO, TRI_NO, "whoami.txt", 5);
	add_listing(&t, TRI_YES, 0, "netuse.txt", 1);
	add_row(&t, "L:", "\\\\fs01\\data", CONN_OK, "OK", "netuse.txt", 6);
	add_user_drive_reg(&t, "HKCU", 'L', "\\\\fs01\\data", "", "reg.txt", 2);
	add_access(&t, "\\\\fs01\\data", ACC_TEST_PATH, TRI_YES, 0, "testpath.txt", 1);
	add_service(&t, TRI_YES, "svc.txt", 1);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(t.v.next_steps.n, 0);
	tc_free(&t);
}

/* Nothing about any drive: ask for the guide's first round of data. */
static void test_empty_case(void)
{
	struct tcase t;
	tc_init(&t);
	tc_run(&t);
	CHECK_INT(t.v.findings.n, 0);
	CHECK_INT(t.v.mappings.n, 0);
	CHECK_INT(tc_next(&t, "net use"), 0);
	CHECK_INT(tc_next(&t, "reg query HKCU\\Network"), 1);
	CHECK(tc_next(&t, "Get-SmbGlobalMapping") > 1);
	CHECK(tc_next(&t, "whoami /all") > 1);
	tc_free(&t);
}

int main(void)
{
	test_savecred_user_conflict();
	test_scope_symptom();
	test_plaintext_password();
	test_policies();
	test_error_codes();
	test_uac_split_token();
	test_escalate_symptom();
	test_empty_case();
	return check_exit();
}
