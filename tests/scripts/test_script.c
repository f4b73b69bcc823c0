/* kind `script`: real-shaped .bat/.cmd/.ps1 files through the whole
 * pipeline (decoding, redaction, classification, parse, facts), the
 * guide's own scripts, and the bid against command outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "parsers/arena.h"
#include "parsers/artefact.h"
#include "parsers/script.h"
#include "parsers/text.h"
#include <json-c/json.h>

#include "tests/check.h"

static struct arena *A;

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *b = malloc((size_t)n + 1);
	*len = fread(b, 1, (size_t)n, f);
	fclose(f);
	return b;
}

static struct artefact *load(struct artefact_set *set, const char *name)
{
	const char *fx = getenv("MDT_FIXTURES");
	char path[1024];
	snprintf(path, sizeof path, "%s/scripts/%s", fx ? fx : "fixtures", name);
	size_t n = 0;
	uint8_t *b = slurp(path, &n);
	CHECK(b != NULL);
	if (!b)
		return NULL;
	struct artefact *art = artefact_add_bytes(set, name, b, n);
	free(b);
	return art;
}

static const struct script_result *script_of(const struct artefact *art)
{
	if (!art || art->segs.n != 1 || strcmp(art->kind, "script") != 0) {
		fprintf(stderr, "%s: kind %s, %zu segments\n", art ? art->path : "?", art ? art->kind : "?",
			art ? art->segs.n : 0);
		return NULL;
	}
	return art->segs.v[0].result;
}

static const struct script_command *cmd_at(const struct script_result *r, uint32_t line, enum cl_kind k)
{
	for (size_t i = 0; r && i < r->commands.n; i++)
		if (r->commands.v[i].line == line && r->commands.v[i].cmd.kind == k)
			return &r->commands.v[i];
	fprintf(stderr, "no %s command at line %u\n", cl_kind_name(k), line);
	return NULL;
}

#define NEED(c) if (!(c)) { CHECK(c); return; }

/* A logon script saved by Notepad on a French Windows: ANSI (CP1252), CRLF,
 * an accented comment, cmd variables, ^ continuation. */
static void test_bat_cp1252(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = load(set, "logon-finance.bat");
	const struct script_result *r = script_of(art);
	NEED(r);
	CHECK_STR(art->encoding, "cp1252");
	CHECK_INT(art->status, ART_PARSED);
	CHECK(span_find_ci(art->text.v[1].s, art->text.v[1].len, "r\xC3\xA9seau de l'\xC3\xA9quipe") > 0);
	CHECK_INT(r->dialect, CL_CMD);
	const struct script_command *c = cmd_at(r, 7, CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->cmd.drive, "L:");
	c = cmd_at(r, 8, CL_NET_USE);
	NEED(c);
	CHECK_STR(c->cmd.drive, "L:");
	CHECK_STR(c->cmd.remote, "\\\\fs01.contoso.com\\finance"); /* %SERVER% expanded */
	CHECK_STR(c->cmd.user, "CONTOSO\\svc_fin");
	CHECK_INT(c->cmd.persistent, 1);
	CHECK_INT(c->cmd.password_given, 1);
	CHECK_INT(c->cmd.savecred, 0);
	c = cmd_at(r, 10, CL_CMDKEY_ADD);
	NEED(c);
	CHECK_STR(c->cmd.target, "nas01");
	CHECK_STR(c->cmd.user, "CONTOSO\\jdoe");
	CHECK_INT(c->cmd.password_given, 1);
	c = cmd_at(r, 11, CL_NET_USE);
	NEED(c);
	CHECK_INT(c->last_line, 12);
	CHECK_STR(c->cmd.drive, "S:");
	CHECK_INT(c->cmd.savecred, 1);
	CHECK_INT(c->cmd.persistent, 1);
	CHECK(c->cmd.user == NULL);
	c = cmd_at(r, 13, CL_NET_USE);
	NEED(c);
	CHECK_STR(c->cmd.remote, "\\\\nas01\\it");
	CHECK_INT(c->cmd.password_given, 1);
	CHECK_INT(c->cmd.persistent, CL_TRI_UNKNOWN);
	/* the commented-out line is not a command, but its password is gone */
	CHECK_INT(r->commands.n, 5);
	/* set PASSWORD=, cmdkey /pass:, "P@ss w0rd", and the :: comment */
	CHECK_INT(art->redactions.n, 4);
	CHECK(art->redactions.n == 4 && art->redactions.v[0].line == 6 && art->redactions.v[1].line == 10 &&
	      art->redactions.v[2].line == 13 && art->redactions.v[3].line == 14);

	/* facts: one f_command per command, evidence on its line */
	struct case_model cm;
	CHECK(case_build(&cm, set->arena, set) == 0);
	int seen = 0;
	for (size_t i = 0; i < cm.commands.n; i++) {
		const struct f_command *f = &cm.commands.v[i];
		if (f->kind == CMD_NET_USE && f->drive && !strcmp(f->drive, "L:")) {
			seen++;
			CHECK_STR(f->remote, "\\\\fs01.contoso.com\\finance");
			CHECK_INT(f->persistent, TRI_YES);
			CHECK_INT(f->password_given, 1);
			CHECK_INT(f->error_code, -1);
			CHECK_INT(f->ev.line, 8);
			CHECK(f->ev.text && strstr(f->ev.text, "%PASSWORD%"));
		}
	}
	CHECK_INT(seen, 1);
	CHECK_INT(cm.secrets.n, 4);
	artefact_set_free(set);
}

/* The guide's Solution E "Option 2", saved by Windows PowerShell ISE
 * (UTF-8 with BOM, CRLF): the credential is traced to its user. */
static void test_ps1_ise_option2(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = load(set, "tsg-solution-e-option2.ps1");
	const struct script_result *r = script_of(art);
	NEED(r);
	CHECK_STR(art->encoding, "utf-8-bom");
	CHECK_INT(r->dialect, CL_PS);
	const struct script_command *c = cmd_at(r, 5, CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->cmd.drive, "Z:");
	CHECK_STR(c->cmd.remote, "\\\\fs01.contoso.com\\share");
	CHECK_INT(c->cmd.persistent, 1);
	CHECK_STR(c->cmd.credential, "$Creds");
	CHECK_STR(c->cred_user, "CONTOSO\\svc_map");
	CHECK_INT(c->cred_password, 1);
	CHECK(cmd_at(r, 6, CL_OTHER) != NULL);
	c = cmd_at(r, 7, CL_OTHER);
	NEED(c);
	CHECK_STR(c->cmd.name, "reg query");
	c = cmd_at(r, 8, CL_OTHER);
	NEED(c);
	CHECK_STR(c->cmd.target, "Z:\\");
	CHECK_INT(r->vars.n, 3);
	CHECK_INT(art->redactions.n, 1);

	struct case_model cm;
	CHECK(case_build(&cm, set->arena, set) == 0);
	int seen = 0;
	for (size_t i = 0; i < cm.commands.n; i++) {
		const struct f_command *f = &cm.commands.v[i];
		if (f->kind == CMD_NEW_GMAP) {
			seen++;
			CHECK_STR(f->drive, "Z:");
			CHECK_STR(f->user, "CONTOSO\\svc_map");
			CHECK_INT(f->persistent, TRI_YES);
			CHECK_INT(f->ev.line, 5);
		}
	}
	CHECK_INT(seen, 1);
	artefact_set_free(set);
}

static void test_ps1_continuations_and_params(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = load(set, "map-projects.ps1");
	const struct script_result *r = script_of(art);
	NEED(r);
	const struct script_command *c = cmd_at(r, 6, CL_NEW_SMBMAPPING);
	NEED(c);
	CHECK_INT(c->last_line, 9);
	CHECK_STR(c->cmd.drive, "X:");                       /* param default 'X:' */
	CHECK_STR(c->cmd.remote, "\\\\nas02\\projects");    /* $Share */
	CHECK_STR(c->cmd.user, "CONTOSO\\proj");
	CHECK_INT(c->cmd.password_given, 1);
	CHECK_INT(c->cmd.persistent, 1);
	c = cmd_at(r, 10, CL_NEW_SMBMAPPING);
	NEED(c);
	CHECK_STR(c->cmd.name, "New-PSDrive");
	CHECK_STR(c->cmd.drive, "P:");
	CHECK_STR(c->cred_user, "CONTOSO\\proj");
	artefact_set_free(set);
}

/* The guide's own scripts, read from the guide itself. */
static void test_tsg_text(void)
{
	const char *sh = getenv("MDT_SHARED");
	char path[1024];
	snprintf(path, sizeof path, "%s/tsg/TSG-mapped-network-drive.txt", sh ? sh : "../shared");
	size_t n = 0;
	char *tsg = (char *)slurp(path, &n);
	CHECK(tsg != NULL);
	if (!tsg)
		return;
	tsg[n] = 0;
	/* English Solution E, Option 2: the four lines after its heading */
	const char *o2 = strstr(tsg, "# Option 2: Scripted");
	const char *lw = strstr(tsg, "# Logon script example");
	CHECK(o2 && lw);
	if (!o2 || !lw) {
		free(tsg);
		return;
	}
	char buf[2048];
	const char *s = strchr(o2, '\n') + 1, *e = s;
	for (int k = 0; k < 4 && e; k++)
		e = strchr(e, '\n') ? strchr(e, '\n') + 1 : NULL;
	NEED(e && (size_t)(e - s) < sizeof buf);
	memcpy(buf, s, (size_t)(e - s));
	buf[e - s] = 0;
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "option2.ps1", (const uint8_t *)buf, strlen(buf));
	const struct script_result *r = script_of(art);
	NEED(r);
	const struct script_command *c = cmd_at(r, 4, CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->cmd.drive, "Z:");
	CHECK_STR(c->cmd.remote, "\\\\<server>\\<share>");
	CHECK_INT(c->cmd.persistent, 1);
	CHECK_STR(c->cred_user, "<Domain\\UserName>");
	CHECK_INT(c->cred_password, 1);
	CHECK_INT(art->redactions.n, 1); /* '<password>' is in the password's place */

	/* the workaround's logon script: the two lines after its comment */
	s = strchr(lw, '\n') + 1;
	e = s;
	for (int k = 0; k < 2 && e; k++)
		e = strchr(e, '\n') ? strchr(e, '\n') + 1 : NULL;
	NEED(e && (size_t)(e - s) < sizeof buf);
	memcpy(buf, s, (size_t)(e - s));
	buf[e - s] = 0;
	art = artefact_add_bytes(set, "logon.cmd", (const uint8_t *)buf, strlen(buf));
	r = script_of(art);
	NEED(r);
	c = cmd_at(r, 1, CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->cmd.drive, "L:");
	c = cmd_at(r, 2, CL_NET_USE);
	NEED(c);
	CHECK_STR(c->cmd.drive, "L:");
	CHECK_STR(c->cmd.remote, "\\\\<server>\\<share>");
	CHECK_INT(c->cmd.persistent, 0);
	CHECK_STR(c->cmd.user, "<domain\\username>");
	CHECK_INT(c->cmd.password_given, 1);
	CHECK_INT(c->cmd.savecred, 0);
	artefact_set_free(set);
	free(tsg);
}

static void test_tsg_workaround_fixture(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = load(set, "tsg-workaround-logon.ps1");
	const struct script_result *r = script_of(art);
	NEED(r);
	const struct script_command *c = cmd_at(r, 3, CL_NET_USE);
	NEED(c);
	CHECK_STR(c->cmd.remote, "\\\\fs01.contoso.com\\data");
	CHECK_INT(c->cmd.persistent, 0);
	CHECK_STR(c->cmd.user, "CONTOSO\\jdoe");
	CHECK_INT(c->cmd.password_given, 1);
	artefact_set_free(set);
}

/* A transcript: each prompt's command line becomes an f_command; the
 * /savecred + /user: line keeps both flags and gets the conflict error. */
static void test_transcript_command_lines(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = load(set, "transcript-savecred-conflict.txt");
	NEED(art);
	CHECK_STR(art->kind, "transcript");
	for (size_t i = 0; i < art->segs.n; i++)
		CHECK(strcmp(art->segs.v[i].kind, "script") != 0);
	struct case_model cm;
	CHECK(case_build(&cm, set->arena, set) == 0);
	int conflict = 0, cmdkey = 0;
	for (size_t i = 0; i < cm.commands.n; i++) {
		const struct f_command *f = &cm.commands.v[i];
		if (f->kind == CMD_NET_USE && f->savecred) {
			conflict++;
			CHECK_STR(f->user, "raboneteu\\vreezen.eu");
			CHECK_STR(f->drive, "S:");
			CHECK_STR(f->remote, "\\\\bxts199521\\d$");
			CHECK_INT(f->persistent, TRI_YES);
			CHECK_INT(f->ev.line, 20);
			CHECK_INT(f->error_code, 3510);
		}
		if (f->kind == CMD_CMDKEY_ADD) {
			cmdkey++;
			CHECK_STR(f->target, "bxts199521");
			CHECK_INT(f->password_given, 1);
			CHECK(f->text && !strstr(f->text, "hunter2"));
		}
	}
	CHECK_INT(conflict, 1);
	CHECK_INT(cmdkey, 1);
	CHECK_INT(cm.secrets.n, 2);

	/* facts_command_line on its own: a pasted prompt line */
	struct case_model cm2;
	memset(&cm2, 0, sizeof cm2);
	cm2.arena = A;
	struct fact_src src = { art, NULL };
	facts_command_line(&cm2, &src, "net use s: \\\\bxts199521\\d$ /user:raboneteu\\vreezen.eu /savecred /persistent:yes", 20);
	CHECK_INT(cm2.commands.n, 1);
	if (cm2.commands.n == 1) {
		CHECK_INT(cm2.commands.v[0].savecred, 1);
		CHECK_STR(cm2.commands.v[0].user, "raboneteu\\vreezen.eu");
		CHECK_INT(cm2.commands.v[0].error_code, -1);
	}
	facts_command_line(&cm2, &src, "Get-SmbGlobalMapping 2>$null", 3);
	CHECK(cm2.commands.n == 2 && cm2.commands.v[1].kind == CMD_OTHER);
	facts_command_line(&cm2, &src, "echo hello", 4);
	CHECK_INT(cm2.commands.n, 2);
	artefact_set_free(set);
}

/* A transcript builds the credential at one prompt and maps at a later
 * one: the mapping's user is found by looking back. */
static void test_transcript_credential_lookback(void)
{
	const char *tr =
		"PS C:\\Users\\adm> $User = \"CONTOSO\\svc_map\"\r\n"
		"PS C:\\Users\\adm> $PWord = ConvertTo-SecureString -String 'hunter2' -AsPlainText -Force\r\n"
		"PS C:\\Users\\adm> $Creds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $User, $PWord\r\n"
		"PS C:\\Users\\adm> New-SmbGlobalMapping -RemotePath \\\\fs01\\share -Credential $Creds -LocalPath Z: -Persistent $true\r\n"
		"\r\n"
		"Status Local Path Remote Path\r\n"
		"------ ---------- -----------\r\n"
		"OK     Z:         \\\\fs01\\share\r\n"
		"\r\n"
		"PS C:\\Users\\adm> New-SmbGlobalMapping -RemotePath \\\\fs02\\x -Credential (Get-Credential CONTOSO\\other) -LocalPath Y:\r\n";
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "console.txt", (const uint8_t *)tr, strlen(tr));
	NEED(art);
	struct case_model cm;
	CHECK(case_build(&cm, set->arena, set) == 0);
	int z = 0, y = 0;
	for (size_t i = 0; i < cm.commands.n; i++) {
		const struct f_command *f = &cm.commands.v[i];
		if (f->kind != CMD_NEW_GMAP || !f->drive)
			continue;
		if (!strcmp(f->drive, "Z:")) {
			z++;
			CHECK_STR(f->user, "CONTOSO\\svc_map");
			CHECK_INT(f->persistent, TRI_YES);
			CHECK_INT(f->ev.line, 4);
		} else if (!strcmp(f->drive, "Y:")) {
			y++;
			CHECK_STR(f->user, "CONTOSO\\other");
			CHECK_INT(f->persistent, TRI_UNKNOWN);
		}
	}
	CHECK_INT(z, 1);
	CHECK_INT(y, 1);
	artefact_set_free(set);
}

static int bid_of(const char *text, const char *name)
{
	struct lines t;
	CHECK(lines_split(A, text, strlen(text), 1, &t) == 0);
	struct parse_ctx ctx = { A, name, NULL, NULL };
	return script_parser.bid(&t, &ctx);
}

static void test_bids(void)
{
	/* command outputs: nothing for the script parser */
	CHECK_INT(bid_of("New connections will be remembered.\r\n\r\n\r\n"
			 "Status       Local     Remote                    Network\r\n\r\n"
			 "-------------------------------------------------------------------------------\r\n"
			 "OK           L:        \\\\fs01\\data                Microsoft Windows Network\r\n"
			 "The command completed successfully.\r\n", "netuse.txt"), 0);
	CHECK_INT(bid_of("\r\nCurrently stored credentials:\r\n\r\n    Target: Domain:target=fs01\r\n"
			 "    Type: Domain Password\r\n    User: CONTOSO\\jdoe\r\n", "cmdkey.txt"), 0);
	CHECK_INT(bid_of("PS C:\\Users\\jdoe> net use L: \\\\s\\sh /persistent:yes\r\n"
			 "The command completed successfully.\r\n"
			 "PS C:\\Users\\jdoe> Get-SmbGlobalMapping\r\n", "transcript.txt"), 0);
	CHECK_INT(bid_of("C:\\Users\\jdoe>net use\r\nNew connections will be remembered.\r\n", "paste.txt"), 0);
	CHECK_INT(bid_of("HKEY_CURRENT_USER\\Network\\L\r\n    RemotePath    REG_SZ    \\\\fs01\\data\r\n", "reg.txt"), 0);
	CHECK_INT(bid_of("whoami /all\r\n", "x.txt"), 0);
	CHECK_INT(bid_of("True\r\n", "tp.txt"), 0);
	/* scripts */
	int b1 = bid_of("net use L: \\\\fs01\\data /persistent:yes\r\n", "map.bat");
	CHECK(b1 > BID_WEAK && b1 < BID_STRONG);
	int b2 = bid_of("@echo off\r\nnet use L: /delete /y\r\nnet use L: \\\\fs01\\data /persistent:yes\r\n", "x.txt");
	CHECK(b2 >= BID_STRONG);
	int b3 = bid_of("$x = 1\r\nWrite-Host $x\r\n", "x.ps1");
	CHECK(b3 > BID_WEAK && b3 < BID_STRONG);
	/* a script with some prose lines (a here-string) still bids */
	int b4 = bid_of("# notes\r\nnet use L: \\\\s\\sh\r\nnet use M: \\\\s\\sh2\r\nnet use N: \\\\s\\sh3\r\nWrite-Host done\r\nsomething odd\r\n", "x.ps1");
	CHECK(b4 > BID_WEAK && b4 < BID_STRONG);
}

static void test_hostile(void)
{
	static const char *const bad[] = {
		"<#\r\nnet use L: \\\\s\\sh\r\n", "@\"\r\nnet use\r\n", "^\r\n^\r\n^\r\n", "`\r\n`\r\n",
		"$a = (((\r\n", "set\r\nset =\r\nset \"=\r\n", "param(\r\n", ":\r\n::\r\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct lines t;
		CHECK(lines_split(A, bad[i], strlen(bad[i]), 1, &t) == 0);
		struct parse_ctx ctx = { A, "x.ps1", NULL, NULL };
		void *res = NULL;
		(void)script_parser.bid(&t, &ctx);
		int rc = script_parser.parse(&t, &ctx, &res);
		CHECK(rc == PARSE_OK || rc == PARSE_PARTIAL);
		CHECK(res != NULL);
		if (res) {
			struct json_object *j = script_parser.to_json(res);
			CHECK(j != NULL);
			json_object_put(j);
		}
	}
	/* 5000 continued lines: bounded joining */
	size_t n = 5000 * 3;
	char *big = arena_alloc(A, n + 1);
	for (size_t i = 0; i < n; i += 3)
		memcpy(big + i, "a^\n", 3);
	struct lines t;
	CHECK(lines_split(A, big, n, 1, &t) == 0);
	struct parse_ctx ctx = { A, "x.bat", NULL, NULL };
	void *res = NULL;
	CHECK(script_parser.parse(&t, &ctx, &res) != PARSE_FAILED);
}

int main(void)
{
	A = arena_new(256u << 20);
	test_bat_cp1252();
	test_ps1_ise_option2();
	test_ps1_continuations_and_params();
	test_tsg_text();
	test_tsg_workaround_fixture();
	test_transcript_command_lines();
	test_transcript_credential_lookback();
	test_bids();
	test_hostile();
	arena_free(A);
	return check_exit();
}
