/* Segmentation: PowerShell transcripts (en/de/fr/zh headers, invocation
 * headers, appended sessions), cmd pastes with prompts and echoes, notes
 * with `>cmd`, outputs pasted back to back, and the cases that must NOT be
 * split. Fixtures are in fixtures/decoding (see NOTES.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/arena.h"
#include "parsers/decode.h"
#include "parsers/segment.h"
#include "parsers/text.h"

static struct arena *A;

struct result {
	struct lines t;
	seg_span_vec sp;
	struct transcript_header *hdr;
	int rc;
};

static struct result seg_bytes(const void *b, size_t n)
{
	struct result r;
	memset(&r, 0, sizeof r);
	struct decoded d;
	const char *why;
	CHECK_INT(decode_bytes(A, b, n, NULL, &d, &why), 0);
	CHECK(lines_split(A, d.text, d.len, 1, &r.t) == 0);
	r.rc = segment_text(A, &r.t, &r.sp, &r.hdr);
	/* every span lies inside the text, in order, without overlap */
	size_t prev_end = 0;
	for (size_t i = 0; i < r.sp.n; i++) {
		CHECK(r.sp.v[i].first >= prev_end);
		CHECK(r.sp.v[i].first + r.sp.v[i].n <= r.t.n);
		prev_end = r.sp.v[i].first + r.sp.v[i].n;
	}
	return r;
}
#define SEG(lit) seg_bytes(lit, sizeof(lit) - 1)

static struct result seg_fixture(const char *name)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/decoding/%s", dir ? dir : "fixtures", name);
	FILE *f = fopen(path, "rb");
	static unsigned char buf[1 << 20];
	size_t n = 0;
	if (f) {
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
	} else {
		fprintf(stderr, "cannot open %s\n", path);
		CHECK(!"fixture missing");
	}
	return seg_bytes(buf, n);
}

/* span i: first and last original line numbers, command and prompt line */
static void check_span(const struct result *r, size_t i, uint32_t first_no, uint32_t last_no,
		       const char *cmd, uint32_t cmd_line)
{
	CHECK(i < r->sp.n);
	if (i >= r->sp.n)
		return;
	const struct seg_span *s = &r->sp.v[i];
	CHECK(s->n > 0);
	if (s->n == 0)
		return;
	uint32_t f = r->t.v[s->first].no, l = r->t.v[s->first + s->n - 1].no;
	if (f != first_no || l != last_no)
		fprintf(stderr, "span %zu: lines %u-%u, expected %u-%u\n", i, f, l, first_no, last_no);
	CHECK_INT(f, first_no);
	CHECK_INT(l, last_no);
	if (cmd)
		CHECK_STR(s->command, cmd);
	else
		CHECK(s->command == NULL);
	CHECK_INT(s->command_line, cmd_line);
}

static int span_line_is(const struct result *r, size_t i, size_t k, const char *s)
{
	if (i >= r->sp.n || k >= r->sp.v[i].n)
		return 0;
	const struct line *l = &r->t.v[r->sp.v[i].first + k];
	return l->len == strlen(s) && !memcmp(l->s, s, l->len);
}

static void test_transcripts(void)
{
	/* Start-Transcript typed in the console; UTF-8 BOM, CRLF */
	struct result r = seg_fixture("transcript-console-5cmds.txt");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr != NULL);
	if (r.hdr) {
		CHECK_STR(r.hdr->start_time, "20240101120000");
		CHECK_STR(r.hdr->username, "CONTOSO\\jdoe");
		CHECK_STR(r.hdr->runas_user, "CONTOSO\\jdoe");
		CHECK_STR(r.hdr->machine, "PC01 (Microsoft Windows NT 10.0.19045.0)");
		CHECK_STR(r.hdr->machine_name, "PC01");
		CHECK_STR(r.hdr->os, "Microsoft Windows NT 10.0.19045.0");
		CHECK_STR(r.hdr->host_app,
			  "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
		CHECK_STR(r.hdr->ps_version, "5.1.19041.3570");
		CHECK_INT(r.hdr->line, 1);
	}
	CHECK_INT(r.sp.n, 5);
	check_span(&r, 0, 21, 30, "net use", 20);
	check_span(&r, 1, 32, 44, "cmdkey /list", 31);
	check_span(&r, 2, 46, 54, "reg query HKCU\\Network\\Z", 45);
	check_span(&r, 3, 56, 61, "Get-SmbGlobalMapping", 55);
	check_span(&r, 4, 63, 96, "whoami /all", 62);
	CHECK(span_line_is(&r, 0, 0, "New connections will be remembered."));
	CHECK(span_line_is(&r, 2, 1, "HKEY_CURRENT_USER\\Network\\Z"));

	/* Group Policy transcription with invocation headers before every command */
	r = seg_fixture("transcript-invocation-5cmds.txt");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr && r.hdr->username && !strcmp(r.hdr->username, "CONTOSO\\jdoe"));
	CHECK_INT(r.sp.n, 5);
	check_span(&r, 0, 23, 32, "net use", 22);
	check_span(&r, 1, 37, 49, "cmdkey /list", 36);
	check_span(&r, 2, 54, 62, "reg query HKCU\\Network\\Z", 53);
	check_span(&r, 3, 67, 72, "Get-SmbGlobalMapping", 66);
	check_span(&r, 4, 77, 110, "whoami /all", 76);
}

static void test_localized_headers(void)
{
	/* German Windows PowerShell 5.1 (keys as in a published transcript) */
	struct result r = SEG("**********************\r\n"
			      "Start der Windows PowerShell-Aufzeichnung\r\n"
			      "Startzeit: 20221109155346\r\n"
			      "Username: FIRMA\\hmueller\r\n"
			      "RunAs-User: FIRMA\\hmueller\r\n"
			      "Konfigurationsname: \r\n"
			      "Computer: PC-0815 (Microsoft Windows NT 10.0.22621.0)\r\n"
			      "Hostanwendung: C:\\windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n"
			      "Prozess-ID: 19728\r\n"
			      "PSVersion: 5.1.22621.608\r\n"
			      "PSEdition: Desktop\r\n"
			      "**********************\r\n"
			      "Die Aufzeichnung wurde gestartet. Die Ausgabedatei ist \"C:\\t.txt\".\r\n"
			      "PS C:\\Users\\hmueller> net use\r\n"
			      "Neue Verbindungen werden gespeichert.\r\n"
			      "\r\n"
			      "Es sind keine Eintr\xc3\xa4ge in der Liste.\r\n"
			      "\r\n"
			      "**********************\r\n"
			      "Ende der Windows PowerShell-Aufzeichnung\r\n"
			      "Endzeit: 20221109155350\r\n"
			      "**********************\r\n");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr != NULL);
	if (r.hdr) {
		CHECK_STR(r.hdr->start_time, "20221109155346");
		CHECK_STR(r.hdr->username, "FIRMA\\hmueller");
		CHECK_STR(r.hdr->runas_user, "FIRMA\\hmueller");
		CHECK_STR(r.hdr->machine_name, "PC-0815");
		CHECK_STR(r.hdr->os, "Microsoft Windows NT 10.0.22621.0");
		CHECK_STR(r.hdr->host_app,
			  "C:\\windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
		CHECK_STR(r.hdr->ps_version, "5.1.22621.608");
	}
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 15, 18, "net use", 14);

	/* French (keys with a space before the colon) */
	r = SEG("**********************\r\n"
		"D\xc3\xa9" "but de la transcription Windows PowerShell\r\n"
		"Heure de d\xc3\xa9" "but : 20210416160835\r\n"
		"Nom d'utilisateur : PCGAMER\\ronan\r\n"
		"Utilisateur runAs :  PCGAMER\\ronan\r\n"
		"Nom de la configuration : \r\n"
		"Ordinateur : PCGAMER (Microsoft Windows NT 10.0.19042.0)\r\n"
		"Application h\xc3\xb4te : powershell -NoProfile -File C:\\x.ps1\r\n"
		"ID de processus : 18304\r\n"
		"PSVersion: 5.1.19041.906\r\n"
		"**********************\r\n"
		"PS>cmdkey /list\r\n"
		"\r\n"
		"* NONE *\r\n"
		"**********************\r\n"
		"Fin de la transcription Windows PowerShell\r\n"
		"Heure de fin : 20210416160839\r\n"
		"**********************\r\n");
	CHECK(r.hdr != NULL);
	if (r.hdr) {
		CHECK_STR(r.hdr->start_time, "20210416160835");
		CHECK_STR(r.hdr->username, "PCGAMER\\ronan");
		CHECK_STR(r.hdr->runas_user, "PCGAMER\\ronan");
		CHECK_STR(r.hdr->machine_name, "PCGAMER");
		CHECK_STR(r.hdr->host_app, "powershell -NoProfile -File C:\\x.ps1");
	}
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 13, 14, "cmdkey /list", 12);

	/* Chinese keys */
	r = SEG("**********************\r\n"
		"Windows PowerShell 脚本开始\r\n"
		"开始时间: 20240301090000\r\n"
		"用户名: CORP\\zhangsan\r\n"
		"RunAs 用户: CORP\\zhangsan\r\n"
		"配置名称: \r\n"
		"计算机: WIN-ZH01 (Microsoft Windows NT 10.0.22631.0)\r\n"
		"主机应用程序: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n"
		"进程 ID: 1234\r\n"
		"PSVersion: 5.1.22621.2506\r\n"
		"**********************\r\n"
		"PS C:\\Users\\zhangsan> net use\r\n"
		"会记录新的网络连接。\r\n"
		"\r\n"
		"列表是空的。\r\n"
		"\r\n");
	CHECK(r.hdr != NULL);
	if (r.hdr) {
		CHECK_STR(r.hdr->username, "CORP\\zhangsan");
		CHECK_STR(r.hdr->runas_user, "CORP\\zhangsan");
		CHECK_STR(r.hdr->machine_name, "WIN-ZH01");
		CHECK_STR(r.hdr->ps_version, "5.1.22621.2506");
	}
	check_span(&r, 0, 13, 16, "net use", 12);

	/* PowerShell 7 -UseMinimalHeader; old (v2-v4) "Username  :" layout */
	r = SEG("**********************\n"
		"PowerShell transcript start\n"
		"Start time: 20191106114858\n"
		"**********************\n"
		"PS /home/u> Get-SmbConnection\n"
		"\n"
		"ServerName ShareName UserName         Credential       Dialect NumOpens\n"
		"---------- --------- --------         ----------       ------- --------\n"
		"fs01       data      CONTOSO\\jdoe     CONTOSO\\jdoe     3.1.1   1\n"
		"**********************\n"
		"PowerShell transcript end\n"
		"End time: 20191106114901\n"
		"**********************\n");
	CHECK(r.hdr && r.hdr->start_time && !strcmp(r.hdr->start_time, "20191106114858"));
	CHECK(r.hdr && !r.hdr->username);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 6, 9, "Get-SmbConnection", 5);
	r = SEG("**********************\n"
		"Windows PowerShell transcript start\n"
		"Start time: 20120101101010\n"
		"Username  : OLDDOM\\admin \n"
		"Machine\t  : OLDPC (Microsoft Windows NT 6.1.7601 Service Pack 1) \n"
		"**********************\n"
		"PS C:\\> whoami\n"
		"olddom\\admin\n");
	CHECK(r.hdr != NULL);
	if (r.hdr) {
		CHECK_STR(r.hdr->username, "OLDDOM\\admin");
		CHECK_STR(r.hdr->machine_name, "OLDPC");
		CHECK_STR(r.hdr->os, "Microsoft Windows NT 6.1.7601 Service Pack 1");
	}
	check_span(&r, 0, 8, 8, "whoami", 7);
}

static void test_transcript_oddities(void)
{
	/* appended sessions (as in a published Evil-WinRM transcript): header,
	 * invocation, trace lines, a second header; "PS>TerminatingError(" and
	 * ">> " lines are not commands */
	struct result r = SEG("**********************\n"
			      "Windows PowerShell transcript start\n"
			      "Start time: 20191203063201\n"
			      "Username: MEGABANK\\ryan\n"
			      "RunAs User: MEGABANK\\ryan\n"
			      "Machine: RESOLUTE (Microsoft Windows NT 10.0.14393.0)\n"
			      "Host Application: C:\\Windows\\system32\\wsmprovhost.exe -Embedding\n"
			      "Process ID: 2800\n"
			      "PSVersion: 5.1.14393.2273\n"
			      "**********************\n"
			      "Command start time: 20191203063455\n"
			      "**********************\n"
			      "PS>TerminatingError(): \"System error.\"\n"
			      ">> CommandInvocation(Invoke-Expression): \"Invoke-Expression\"\n"
			      "**********************\n"
			      "Command start time: 20191203063515\n"
			      "**********************\n"
			      "PS>net use X: \\\\fs01\\backups ********\n"
			      ">> ParameterBinding(Out-String): name=\"Stream\"; value=\"True\"\n"
			      "System error 1326 has occurred.\n"
			      "\n"
			      "The user name or password is incorrect.\n"
			      "**********************\n"
			      "Windows PowerShell transcript start\n"
			      "Start time: 20191203063515\n"
			      "Username: MEGABANK\\other\n"
			      "Machine: RESOLUTE (Microsoft Windows NT 10.0.14393.0)\n"
			      "**********************\n");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr && r.hdr->start_time && !strcmp(r.hdr->start_time, "20191203063201"));
	CHECK(r.hdr && r.hdr->username && !strcmp(r.hdr->username, "MEGABANK\\ryan"));
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 13, 14, NULL, 0); /* trace lines stay as text */
	check_span(&r, 1, 20, 22, "net use X: \\\\fs01\\backups ********", 18);

	/* a header and no command at all */
	r = SEG("**********************\n"
		"Windows PowerShell transcript start\n"
		"Start time: 20240101120000\n"
		"Username: C\\u\n"
		"**********************\n"
		"Transcript started, output file is C:\\x.txt\n"
		"**********************\n"
		"Windows PowerShell transcript end\n"
		"End time: 20240101120001\n"
		"**********************\n");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr != NULL);
	CHECK_INT(r.sp.n, 0);

	/* a lone star rule in output is not a block */
	r = SEG("PS C:\\> Write-Host hi\n**********\nhi\n**********\nPS C:\\> whoami\ncontoso\\jdoe\n");
	CHECK(r.hdr == NULL);
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 2, 4, "Write-Host hi", 1);
	check_span(&r, 1, 6, 6, "whoami", 5);
}

static void test_cmd_pastes(void)
{
	struct result r = seg_fixture("cmd-paste-3prompts.txt");
	CHECK_INT(r.rc, 1);
	CHECK(r.hdr == NULL);
	CHECK_INT(r.sp.n, 4);
	check_span(&r, 0, 1, 3, NULL, 0); /* the console banner */
	check_span(&r, 1, 5, 14, "net use", 4);
	check_span(&r, 2, 16, 20, "net use Y: \\\\fs03\\share", 15);
	check_span(&r, 3, 22, 34, "cmdkey /list", 21);

	/* HTB-style shell: the command is echoed on the next line */
	r = SEG("C:\\>net use\r\n"
		"net use\r\n"
		"New connections will be remembered.\r\n"
		"\r\n"
		"\r\n"
		"Status       Local     Remote                    Network\r\n"
		"\r\n"
		"-------------------------------------------------------------------------------\r\n"
		"Disconnected Y:        \\\\10.10.10.9\\C$           Microsoft Windows Network\r\n"
		"The command completed successfully.\r\n");
	CHECK_INT(r.rc, 0); /* one command output */
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 3, 10, "net use", 1);

	/* notes: ">NET USE", "> NET HELPMSG 2250", "$ net use", "C:¥>net use" */
	r = SEG(">NET USE /DELETE \\\\UNRAID\\rA\\\n"
		"The network connection could not be found.\n"
		"\n"
		"More help is available by typing NET HELPMSG 2250.\n"
		"\n"
		"> NET HELPMSG 2250\n"
		"\n"
		"The network connection could not be found.\n"
		"$ net use\n"
		"There are no entries in the list.\n"
		"C:\xc2\xa5>net use\n"
		"\xe3\x82\xb3\xe3\x83\x9e\xe3\x83\xb3\xe3\x83\x89\xe3\x81\xaf\xe6\xad\xa3\xe5\xb8\xb8\xe3\x81\xab"
		"\xe7\xb5\x82\xe4\xba\x86\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\n");
	CHECK_INT(r.sp.n, 4);
	check_span(&r, 0, 2, 5, "NET USE /DELETE \\\\UNRAID\\rA\\", 1);
	check_span(&r, 1, 7, 8, "NET HELPMSG 2250", 6);
	check_span(&r, 2, 10, 10, "net use", 9);
	check_span(&r, 3, 12, 12, "net use", 11);

	/* a Japanese console paste: the yen sign is the backslash (0x5C) */
	r = SEG("C:\xc2\xa5Users\xc2\xa5suzuki>reg query HKCU\xc2\xa5Network\xc2\xa5W\r\n"
		"\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc: \xe6\x8c\x87\xe5\xae\x9a\r\n"
		"\r\n"
		"C:\xc2\xa5Users\xc2\xa5suzuki>\r\n");
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 2, 3, "reg query HKCU\\Network\\W", 1);

	/* the prompt bolded in a pasted issue (formats doc S4a), indented prompt */
	r = SEG("**E:\\Users\\airoldia1>cmdkey /list\n"
		"\n"
		"Currently stored credentials:\n"
		"\n"
		"    Target: Domain:target=danbttest1.danieli.it\n"
		"    Type: Domain Password\n"
		"    C:\\Users\\x>whoami\n"
		"    contoso\\x\n");
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 2, 6, "cmdkey /list", 1);
	check_span(&r, 1, 8, 8, "whoami", 7);

	/* PS prompts in a paste without a transcript header */
	r = SEG("PS C:\\WINDOWS\\system32> Get-SmbConnection\r\n"
		"\r\n"
		"ServerName ShareName UserName                   Credential                 Dialect NumOpens\r\n"
		"---------- --------- --------                   ----------                 ------- --------\r\n"
		"NAS-01     home      WIN10\\cwestwater           WIN10\\cwestwater           3.1.1   1\r\n"
		"\r\n"
		"    *Evil-WinRM* PS C:\\AVTest> net use \\\\10.8.2.152\\smb\r\n"
		"    Local name\r\n"
		"    Remote name       \\\\10.8.2.152\\smb\r\n"
		"    The command completed successfully.\r\n");
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 2, 6, "Get-SmbConnection", 1);
	check_span(&r, 1, 8, 10, "net use \\\\10.8.2.152\\smb", 7);
}

static void test_back_to_back(void)
{
	struct result r = seg_fixture("back-to-back-netuse-cmdkey.txt");
	CHECK_INT(r.rc, 1);
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 1, 11, NULL, 0);
	check_span(&r, 1, 12, 23, NULL, 0);

	/* net use listing, system error, whoami, reg query, .reg, PS table */
	r = SEG("New connections will be remembered.\n"
		"\n"
		"Status       Local     Remote                    Network\n"
		"-------------------------------------------------------------------------------\n"
		"OK           Z:        \\\\fs01\\data               Microsoft Windows Network\n"
		"The command completed successfully.\n"
		"\n"
		"System error 85 has occurred.\n"
		"\n"
		"The local device name is already in use.\n"
		"\n"
		"USER INFORMATION\n"
		"----------------\n"
		"\n"
		"User Name    SID\n"
		"============ ========\n"
		"contoso\\jdoe S-1-5-21\n"
		"\n"
		"GROUP INFORMATION\n"
		"-----------------\n"
		"\n"
		"Group Name Type\n"
		"========== ====\n"
		"Everyone   Well-known group\n"
		"\n"
		"HKEY_CURRENT_USER\\Network\\Z\n"
		"    RemotePath    REG_SZ    \\\\fs01\\data\n"
		"\n"
		"HKEY_CURRENT_USER\\Network\\Z\\sub\n"
		"    X    REG_DWORD    0x1\n"
		"\n"
		"Windows Registry Editor Version 5.00\n"
		"\n"
		"[HKEY_CURRENT_USER\\Network\\Z]\n"
		"\"RemotePath\"=\"\\\\\\\\fs01\\\\data\"\n"
		"\n"
		"Status Local Path Remote Path\n"
		"------ ---------- -----------\n"
		"OK     G:         \\\\fs1.contoso.com\\public\n");
	CHECK_INT(r.sp.n, 6);
	check_span(&r, 0, 1, 7, NULL, 0);
	check_span(&r, 1, 8, 11, NULL, 0);
	check_span(&r, 2, 12, 25, NULL, 0); /* whoami sections stay together */
	check_span(&r, 3, 26, 31, NULL, 0); /* reg query /s keys stay together */
	check_span(&r, 4, 32, 36, NULL, 0);
	check_span(&r, 5, 37, 39, NULL, 0);

	/* cmdkey /add then net use error (Azure Batch log) */
	r = SEG("CMDKEY: Credential added successfully.\n"
		"\n"
		"System error 86 has occurred.\n"
		"\n"
		"The specified network password is not correct.\n");
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 1, 3, 5, NULL, 0);

	/* localized: zh-CN cmdkey header after a zh-CN listing */
	r = SEG("会记录新的网络连接。\n"
		"\n"
		"状态       本地        远程                      网络\n"
		"-------------------------------------------------------------------------------\n"
		"命令成功完成。\n"
		"\n"
		"当前保存的凭据:\n"
		"\n"
		"    目标: Domain:target=192.168.136.1\n"
		"    类型: 域密码\n");
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 1, 7, 10, NULL, 0);
}

static void test_no_split(void)
{
	/* password prompts before the error belong to the same command */
	struct result r = SEG("The password is invalid for \\\\sshfs\\eoin@someserver.local.\n"
			      "\n"
			      "Enter the user name for 'sshfs': eoin\n"
			      "Enter the password for sshfs: ****\n"
			      "System error 67 has occurred.\n"
			      "\n"
			      "The network name cannot be found.\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 1, 7, NULL, 0);

	/* Get-ChildItem: a heading line then a table */
	r = SEG("\n    Directory: C:\\Users\\jdoe\n\n"
		"Mode                 LastWriteTime         Length Name\n"
		"----                 -------------         ------ ----\n"
		"d-----        01/01/2024     12:00                Documents\n");
	CHECK_INT(r.sp.n, 1);

	/* net use detail: "# Opens" is not a prompt */
	r = SEG("Local name        Z:\n"
		"Remote name       \\\\fs01\\data\n"
		"Resource type     Disk\n"
		"Status            OK\n"
		"# Opens           0\n"
		"# Connections     1\n"
		"The command completed successfully.\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 1, 7, NULL, 0);

	/* a batch script: redirections and UNC arguments are not prompts */
	r = SEG("@echo off\r\n"
		"C:\\tools\\collect.exe > C:\\temp\\out.txt\r\n"
		"C:\\Windows\\System32\\net.exe use Z: \\\\srv\\share>nul\r\n"
		"C:\\tools\\x.exe>nul 2>&1\r\n"
		"C:\\temp>>log.txt echo done\r\n"
		"net use Z: /delete\r\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 1, 6, NULL, 0);

	/* "PS" followed by text and ">" without a location is no prompt */
	r = SEG("PS version-> 5.1\nPS >\nPS  x>y\n");
	CHECK_INT(r.sp.n, 1);
	CHECK(r.sp.v[0].command == NULL);

	/* a PowerShell script with comments */
	r = SEG("# net use Z: \\\\srv\\share\r\n"
		"$cred = Get-Credential\r\n"
		"New-SmbGlobalMapping -RemotePath \\\\srv\\share -Credential $cred -LocalPath G:\r\n");
	CHECK_INT(r.sp.n, 1);

	/* one output: whoami /all alone, cmdkey alone */
	r = SEG("\nUSER INFORMATION\n----------------\n\nUser Name SID\n========= ===\nx\\y      S-1\n\n"
		"GROUP INFORMATION\n-----------------\n\nGroup Name Type\n========== ====\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.sp.n, 1);

	/* empty and blank text */
	r = SEG("");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.sp.n, 1);
	CHECK_INT(r.sp.v[0].n, 0);
	r = SEG("\r\n\r\n");
	CHECK_INT(r.sp.n, 1);
}

/* Hostile shapes in bulk: must stay linear (a quadratic scan would not
 * finish within the test timeout). */
static void test_linear(void)
{
	const char *pieces[] = {
		"**********************\n", "HKEY_CURRENT_USER\\x\n\n", "PS>\n",
		"Currently stored credentials:\n", "-------------------------------------------------------------------------------\n",
		"A B\n--- ---\n\n", "System error 5 has occurred.\n", "\n",
	};
	for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
		size_t pl = strlen(pieces[p]), reps = 200000 / (pl / 8 + 1);
		char *buf = malloc(pl * reps + 1);
		for (size_t i = 0; i < reps; i++)
			memcpy(buf + i * pl, pieces[p], pl);
		struct arena *a = arena_new(0);
		struct lines t;
		CHECK(lines_split(a, buf, pl * reps, 1, &t) == 0);
		seg_span_vec sp = { 0 };
		struct transcript_header *h;
		CHECK(segment_text(a, &t, &sp, &h) >= 0);
		CHECK(sp.n >= 1 || h);
		arena_free(a);
		free(buf);
	}
}

int main(void)
{
	A = arena_new(0);
	test_transcripts();
	test_localized_headers();
	test_transcript_oddities();
	test_cmd_pastes();
	test_back_to_back();
	test_no_split();
	test_linear();
	arena_free(A);
	return check_exit();
}
