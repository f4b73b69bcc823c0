/* ps-error: error records of the SMB cmdlets (windows-output-en.md §7.4,
 * windows-output-localized.md 0.3 position lines and the 1.2/2.2/3.2/4.2
 * message texts), Windows PowerShell 5.1, remoting and PowerShell 7 shapes;
 * end to end into the case model and the engine's case checks. */
#include "analyzer/case.h"
#include "analyzer/engine.h"
#include "parsers/artefact.h"
#include "parsers/pserror.h"
#include "ps_helpers.h"

extern const struct parser pserror_parser;

static struct pserror_result *run(struct arena *a, const char *text, int *bid, int *st)
{
	return ps_run(&pserror_parser, a, text, "New-SmbGlobalMapping -RemotePath \\\\fs\\s -LocalPath R:", bid, st,
		      NULL);
}

/* zh-CN Windows PowerShell 5.1: localized message and position, English id, the
 * CategoryInfo line wrapped by the console at 120 columns (§7.4). */
static void test_ps51_zh_1219(struct arena *a)
{
	int bid = 0, st = 0;
	struct pserror_result *r = run(a,
		"New-SmbGlobalMapping : 不允许一个用户使用一个以上用户名与服务器或共享资源的多重连接。中断与此服务器或共享资源的所有连接，然后再试一次。\n"
		"所在位置 行:1 字符: 1\n"
		"+ New-SmbGlobalMapping -RemotePath \\\\fs-bj01\\共享 -Credential $cred -Lo ...\n"
		"+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:ROOT/Microsoft/...mbGlobalMapping) [New-SmbGlobalMa \n"
		"   pping], CimException\n"
		"    + FullyQualifiedErrorId : Windows System Error 1219,New-SmbGlobalMapping\n"
		" \n", &bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].cmdlet, "New-SmbGlobalMapping");
		CHECK_INT(r->v[0].code, 1219);
		CHECK_STR(r->v[0].code_from, "fqid");
		CHECK_STR(r->v[0].fqid, "Windows System Error 1219,New-SmbGlobalMapping");
		CHECK(r->v[0].message && !strncmp(r->v[0].message, "不允许", strlen("不允许")));
		CHECK(r->v[0].statement && !strncmp(r->v[0].statement, "New-SmbGlobalMapping -RemotePath", 32));
		CHECK_INT(r->v[0].line, 1);
		CHECK_INT(r->v[0].fqid_line, 7);
	}
	/* the message alone gives the same number (a paste that kept only the first line) */
	CHECK_INT(pserror_message_code("不允许一个用户使用一个以上用户名与服务器或共享资源的多重连接。", strlen("不允许一个用户使用一个以上用户名与服务器或共享资源的多重连接。")), 1219);
}

/* en §7.4 verbatim: position glued to the message by the console, nothing else kept. */
static void test_glued_and_generic(struct arena *a)
{
	int bid = 0, st = 0;
	struct pserror_result *r = run(a,
		"New-SmbGlobalMapping : A specified logon session does not exist. It may already have been terminated.                   At line:9 \n",
		&bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].message, "A specified logon session does not exist. It may already have been terminated.");
		CHECK_INT(r->v[0].code, 1312);
		CHECK_STR(r->v[0].code_from, "message");
		CHECK(r->v[0].fqid == NULL);
	}
	/* "Generic failure" (WMI 0x80041001): a record, no Win32 number */
	r = run(a,
		"New-SmbGlobalMapping : Generic failure \n"
		"At line:1 char:190\n"
		"+ ... ser, $PWord;New-SmbGlobalMapping -RemotePath $Env:smbremotepath -Cred ...\n"
		"+                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:ROOT/Microsoft/...mbGlobalMapping) [New-SmbGlobalMa \n"
		"   pping], CimException\n"
		"    + FullyQualifiedErrorId : HRESULT 0x80041001,New-SmbGlobalMapping\n", &bid, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_INT(r->v[0].code, 0);
		CHECK_STR(r->v[0].hresult, "0x80041001");
		CHECK_STR(r->v[0].message, "Generic failure");
	}
	/* an HRESULT that wraps a Win32 error */
	r = run(a, "New-SmbMapping : The local device name is already in use.\n"
		   "    + FullyQualifiedErrorId : HRESULT 0x80070055,New-SmbMapping\n", &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].code == 85 && !strcmp(r->v[0].code_from, "hresult"));
}

/* Remoting (no position line, PSComputerName) and PowerShell 7's two views. */
static void test_remoting_and_ps7(struct arena *a)
{
	int bid = 0, st = 0;
	struct pserror_result *r = run(a,
		"New-SmbGlobalMapping : A specified logon session does not exist. It may already have been terminated.\n"
		"    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:ROOT/Microsoft/...mbGlobalMapping) [New-SmbGlobalMapping], CimException\n"
		"    + FullyQualifiedErrorId : Windows System Error 1312,New-SmbGlobalMapping\n"
		"    + PSComputerName        : CTR-HOST-03\n", &bid, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1 && r->v[0].code == 1312 && r->v[0].fqid_line == 3);

	r = run(a, "New-SmbGlobalMapping: ローカルデバイス名は既に使用されています。\n", &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].code == 85);

	r = run(a,
		"New-SmbGlobalMapping: C:\\deploy\\map.ps1:9\n"
		"Line |\n"
		"   9 |  New-SmbGlobalMapping -RemotePath $p -Credential $c -LocalPath H:\n"
		"     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"     | Nom de périphérique local déjà utilisé.\n", &bid, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].message, "Nom de périphérique local déjà utilisé.");
		CHECK_INT(r->v[0].code, 85);
		CHECK_STR(r->v[0].statement, "New-SmbGlobalMapping -RemotePath $p -Credential $c -LocalPath H:");
	}
}

/* Not ours: Format-List, net's own records, other cmdlets without a Win32 id. */
static void test_declines(struct arena *a)
{
	int bid = 0, st = 0;
	run(a, "Status           : OK\nLocalPath        : V:\nRemotePath       : \\\\fs07\\vault\n", &bid, &st);
	CHECK_INT(bid, BID_NONE);
	CHECK_INT(st, PARSE_FAILED);
	run(a, "net : System error 85 has occurred.\nAt line:1 char:1\n+ net use Z: \\\\fs\\s\n+ ~~~~\n"
	       "    + CategoryInfo          : NotSpecified: (System error 85 has occurred.:String) [], RemoteException\n"
	       "    + FullyQualifiedErrorId : NativeCommandError\n", &bid, &st);
	CHECK_INT(bid, BID_NONE);
	run(a, "Test-Path : Cannot bind argument to parameter 'Path' because it is an empty string.\n", &bid, &st);
	CHECK_INT(bid, BID_NONE);
	/* message texts in each language, spaces and apostrophes as they come */
	CHECK_INT(pserror_message_code("ネットワークパスが見つかりませんでした。", strlen("ネットワークパスが見つかりませんでした。")), 53);
	CHECK_INT(pserror_message_code("Le chemin réseau n’a pas été trouvé.", strlen("Le chemin réseau n’a pas été trouvé.")), 53);
	CHECK_INT(pserror_message_code("Der lokale Gerätename wird bereits verwendet.", strlen("Der lokale Gerätename wird bereits verwendet.")), 85);
	CHECK_INT(pserror_message_code("用户名或密码不正确。", strlen("用户名或密码不正确。")), 1326);
	CHECK_INT(pserror_message_code("Something else entirely.", strlen("Something else entirely.")), 0);
}

/* End to end: a UTF-16LE+BOM transcript of Windows PowerShell 5.1 in Japanese; the
 * error is linked to its command and the engine names the letter conflict. */
static void test_e2e(void)
{
	struct artefact_set *set = artefact_set_new(NULL);
	const char *text =
		"**********************\n"
		"Windows PowerShell transcript start\n"
		"Start time: 20261120101500\n"
		"Username: NGY\\admin\n"
		"RunAs User: NGY\\admin\n"
		"Machine: CAD-07 (Microsoft Windows NT 10.0.20348.0)\n"
		"**********************\n"
		"PS C:\\Windows\\system32> New-SmbGlobalMapping -LocalPath H: -RemotePath \\\\nas-ngy01\\設計 -Credential $c -Persistent $true\n"
		"New-SmbGlobalMapping : ローカルデバイス名は既に使用されています。\n"
		"発生場所 行:1 文字:1\n"
		"+ New-SmbGlobalMapping -LocalPath H: -RemotePath \\\\nas-ngy01\\設計 -Cre ...\n"
		"+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:ROOT/Microsoft/...mbGlobalMapping) [New-SmbGlobalMa \n"
		"   pping], CimException\n"
		"    + FullyQualifiedErrorId : Windows System Error 85,New-SmbGlobalMapping\n"
		" \n"
		"PS C:\\Windows\\system32> Get-SmbGlobalMapping\n"
		"PS C:\\Windows\\system32> Stop-Transcript\n"
		"**********************\n";
	size_t len;
	unsigned char *b = ps_encode(text, "UTF-16LE", 1, &len);
	const struct artefact *art = artefact_add_bytes(set, "transcript.txt", b, len);
	free(b);
	CHECK(art && art->encoding && !strcmp(art->encoding, "utf-16le-bom"));
	int seen = 0;
	for (size_t i = 0; art && i < art->segs.n; i++)
		if (!strcmp(art->segs.v[i].kind, "ps-error")) {
			seen = 1;
			CHECK_INT(art->segs.v[i].status, ART_PARSED);
		}
	CHECK(seen);
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	CHECK(cm.errors.n >= 1);
	if (cm.errors.n >= 1) {
		CHECK_INT(cm.errors.v[0].code, 85);
		CHECK_INT(cm.errors.v[0].ev.line, 9);
	}
	int linked = 0;
	for (size_t i = 0; i < cm.commands.n; i++)
		if (cm.commands.v[i].kind == CMD_NEW_GMAP) {
			linked = cm.commands.v[i].error_code == 85;
			CHECK_STR(cm.commands.v[i].drive, "H:");
		}
	CHECK(linked);
	struct verdict v;
	memset(&v, 0, sizeof v);
	CHECK_INT(engine_run(&cm, &v), 0);
	int conflict = 0, e = 0;
	for (size_t i = 0; i < v.findings.n; i++) {
		conflict += !strcmp(v.findings.v[i].id, "drive-letter-conflict");
		e += !strcmp(v.findings.v[i].id, "solution-E");
	}
	CHECK_INT(conflict, 1);
	CHECK_INT(e, 1);
	artefact_set_free(set);
}

int main(void)
{
	struct arena *a = arena_new(16u << 20);
	test_ps51_zh_1219(a);
	test_glued_and_generic(a);
	test_remoting_and_ps7(a);
	test_declines(a);
	arena_free(a);
	test_e2e();
	return check_exit();
}
