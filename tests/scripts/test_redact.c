/* Redaction: every password form is replaced by REDACT_MARK and recorded
 * (line + what, never the value); lines without a secret stay byte
 * identical; a second pass changes nothing; the output stays valid UTF-8;
 * and the planted secrets never reach `mdtriage facts` or `analyze`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/artefact.h"
#include "parsers/redact.h"
#include "parsers/text.h"
#include "tests/check.h"

static struct arena *A;

static const char *const planted[] = { "Sup3r$ecret!", "hunter2", "P@ss w0rd", "Winter2026",
				       "gMrKqL3HLUTDLNNANgg3Xd6r6tR", "s3cr3t^pw", "Pa$$w0rd",
				       "zxq-77", "Tr0ub4dor", NULL };

static int has_planted(const char *s, size_t n)
{
	for (size_t k = 0; planted[k]; k++) {
		size_t pl = strlen(planted[k]);
		for (size_t i = 0; i + pl <= n; i++)
			if (memcmp(s + i, planted[k], pl) == 0)
				return 1;
	}
	return 0;
}

static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (!k || i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((p[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

/* One line: the exact expected output and how many secrets. */
static void expect(const char *in, const char *out, int count)
{
	int found = -1;
	const char *r = redact_string(A, in, &found);
	if (strcmp(r, out) != 0 || found != count)
		fprintf(stderr, "  in : %s\n  got: %s (%d)\n  want: %s (%d)\n", in, r, found, out, count);
	CHECK_STR(r, out);
	CHECK_INT(found, count);
	CHECK(!has_planted(r, strlen(r)));
	CHECK(valid_utf8(r, strlen(r)));
	/* idempotent */
	int again = -1;
	const char *r2 = redact_string(A, r, &again);
	if (again != 0)
		fprintf(stderr, "  second pass changed: %s -> %s\n", r, r2);
	CHECK_STR(r2, r);
	CHECK_INT(again, 0);
}

static void same(const char *in)
{
	expect(in, in, 0);
}

static void test_forms(void)
{
	/* net use: positional password after the remote */
	expect("net use L: \\\\fs01\\data Sup3r$ecret! /user:CONTOSO\\jdoe /persistent:yes",
	       "net use L: \\\\fs01\\data ******** /user:CONTOSO\\jdoe /persistent:yes", 1);
	expect("net use L: \\\\fs01\\data /user:CONTOSO\\jdoe hunter2",
	       "net use L: \\\\fs01\\data /user:CONTOSO\\jdoe ********", 1);
	expect("net use \\\\fs01\\ipc$ hunter2", "net use \\\\fs01\\ipc$ ********", 1);
	expect("NET USE \\\\DC01\\ipc$ \"P@ss w0rd\" /u:guest", "NET USE \\\\DC01\\ipc$ \"********\" /u:guest", 1);
	expect("C:\\Windows\\System32\\net.exe use * \\\\s\\sh 'hunter2' /user:x",
	       "C:\\Windows\\System32\\net.exe use * \\\\s\\sh '********' /user:x", 1);
	expect("net1 use Z: \\\\s\\sh Pa$$w0rd", "net1 use Z: \\\\s\\sh ********", 1);
	/* ^-escaped characters in cmd belong to the password */
	expect("net use L: \\\\s\\sh s3cr3t^pw^&x /user:x", "net use L: \\\\s\\sh ******** /user:x", 1);
	/* "/user NAME password": the name is not the password */
	expect("net use M: \\\\share\\folder /user USER Pa$$w0rd", "net use M: \\\\share\\folder /user USER ********", 1);
	/* an unquoted password with a space: both words go */
	expect("net use L: \\\\s\\sh P@ss w0rd /user:x", "net use L: \\\\s\\sh ******** ******** /user:x", 2);
	/* in a transcript or a cmd paste, after the prompt */
	expect("PS C:\\Users\\jdoe> net use L: \\\\fs01\\data hunter2 /user:CONTOSO\\jdoe",
	       "PS C:\\Users\\jdoe> net use L: \\\\fs01\\data ******** /user:CONTOSO\\jdoe", 1);
	expect("C:\\htb> net use \\\\DC01\\ipc$ \"Winter2026\" /u:guest", "C:\\htb> net use \\\\DC01\\ipc$ \"********\" /u:guest", 1);
	expect("C:\\Users\\jdoe>net use T: \\\\nas01\\it Winter2026! /user:CONTOSO\\svc",
	       "C:\\Users\\jdoe>net use T: \\\\nas01\\it ******** /user:CONTOSO\\svc", 1);
	/* PowerShell error records echo the command after "+ " */
	expect("+ net use L: \\\\s\\sh hunter2 /user:x", "+ net use L: \\\\s\\sh ******** /user:x", 1);
	/* two commands on a line, cmd /c unwrapping, comments */
	expect("net use L: /delete 2>$null; net use L: \\\\s\\sh hunter2 /user:x",
	       "net use L: /delete 2>$null; net use L: \\\\s\\sh ******** /user:x", 1);
	expect("cmd /c \"net use L: \\\\srv\\share hunter2 /user:x & dir\"",
	       "cmd /c \"net use L: \\\\srv\\share ******** /user:x & dir\"", 1);
	expect("rem net use X: \\\\old01\\x hunter2 /user:CONTOSO\\old",
	       "rem net use X: \\\\old01\\x ******** /user:CONTOSO\\old", 1);
	expect("# net use X: \\\\old01\\x hunter2 /user:x   # don't keep this",
	       "# net use X: \\\\old01\\x ******** /user:x   # don't keep this", 1);
	expect("Start-Process cmd -ArgumentList '/c net use L: \\\\s\\sh hunter2 /user:x' -Wait",
	       "Start-Process cmd -ArgumentList '/c net use L: \\\\s\\sh ******** /user:x' -Wait", 1);

	/* cmdkey /pass: and /p: */
	expect("cmdkey /add:fs01 /user:CONTOSO\\jdoe /pass:Sup3r$ecret!",
	       "cmdkey /add:fs01 /user:CONTOSO\\jdoe /pass:********", 1);
	expect("cmdkey /add:fs01 /user:x /p:\"P@ss w0rd\"", "cmdkey /add:fs01 /user:x /p:\"********\"", 1);
	expect("CMDKEY /ADD:fs01 /USER:x /PASS:hunter2", "CMDKEY /ADD:fs01 /USER:x /PASS:********", 1);
	expect("\"cmdkey\" /generic:app /user:x \"/pass:P@ss w0rd\"", "\"cmdkey\" /generic:app /user:x \"/pass:********\"", 1);
	expect("sometool.exe /password:hunter2 /v", "sometool.exe /password:******** /v", 1);

	/* PowerShell */
	expect("New-SmbMapping -LocalPath X: -RemotePath \\\\s\\sh -UserName u -Password 'hunter2' -Persistent 1",
	       "New-SmbMapping -LocalPath X: -RemotePath \\\\s\\sh -UserName u -Password '********' -Persistent 1", 1);
	expect("New-SmbMapping X: \\\\s\\sh -Password:\"P@ss w0rd\"", "New-SmbMapping X: \\\\s\\sh -Password:\"********\"", 1);
	expect("$PWord = ConvertTo-SecureString -String 'Sup3r$ecret!' -AsPlainText -Force",
	       "$PWord = ConvertTo-SecureString -String '********' -AsPlainText -Force", 1);
	expect("$sec = ConvertTo-SecureString \"hunter2\" -AsPlainText -Force",
	       "$sec = ConvertTo-SecureString \"********\" -AsPlainText -Force", 1);
	expect("$sec = ConvertTo-SecureString -AsPlainText -Force -String:'zxq-77'",
	       "$sec = ConvertTo-SecureString -AsPlainText -Force -String:'********'", 1);
	expect("$c = New-Object System.Management.Automation.PSCredential('u', (ConvertTo-SecureString 'hunter2' -AsPlainText -Force))",
	       "$c = New-Object System.Management.Automation.PSCredential('u', (ConvertTo-SecureString '********' -AsPlainText -Force))", 1);
	expect("$s = 'Tr0ub4dor' | ConvertTo-SecureString -AsPlainText -Force",
	       "$s = '********' | ConvertTo-SecureString -AsPlainText -Force", 1);
	expect("$password = \"hunter2\"", "$password = \"********\"", 1);
	expect("$pass='Sup3r$ecret!'", "$pass='********'", 1);
	expect("[string]$AdminPwd = 'zxq-77'", "[string]$AdminPwd = '********'", 1);
	expect("$env:SHARE_PASSWORD = 'hunter2'", "$env:SHARE_PASSWORD = '********'", 1);
	/* a PSCredential built straight from a plain string */
	expect("New-Object PSCredential -ArgumentList 'CONTOSO\\u', 'hunter2'",
	       "New-Object PSCredential -ArgumentList 'CONTOSO\\u', '********'", 1);
	expect("$c = [pscredential]::new('CONTOSO\\u', 'hunter2')", "$c = [pscredential]::new('CONTOSO\\u', '********')", 1);
	/* typographic quotes from a document */
	expect("$pass = \xE2\x80\x98hunter2\xE2\x80\x99", "$pass = \xE2\x80\x98********\xE2\x80\x99", 1);

	/* cmd variables */
	expect("set PASSWORD=P@ss w0rd", "set PASSWORD=********", 1);
	expect("set \"DB_PASS=hunter2\"", "set \"DB_PASS=********\"", 1);
	expect("set pwd=hunter2& net use L: \\\\s\\sh %pwd%", "set pwd=********& net use L: \\\\s\\sh %pwd%", 1);

	/* formats that are not command lines */
	expect("<Properties action=\"C\" userName=\"CONTOSO\\gpp\" path=\"\\\\fs01\\home\" cpassword=\"gMrKqL3HLUTDLNNANgg3Xd6r6tR/gKSY4CDl5CEosFM\"/>",
	       "<Properties action=\"C\" userName=\"CONTOSO\\gpp\" path=\"\\\\fs01\\home\" cpassword=\"********\"/>", 1);
	expect("objNetwork.MapNetworkDrive \"Z:\", \"\\\\s\\sh\", False, \"CONTOSO\\u\", \"hunter2\"",
	       "objNetwork.MapNetworkDrive \"Z:\", \"\\\\s\\sh\", False, \"CONTOSO\\u\", \"********\"", 1);
	expect("$net.MapNetworkDrive('Z:', '\\\\s\\sh', $true, 'CONTOSO\\u', 'hunter2')",
	       "$net.MapNetworkDrive('Z:', '\\\\s\\sh', $true, 'CONTOSO\\u', '********')", 1);
	expect("ParameterBinding(New-SmbMapping): name=\"Password\"; value=\"hunter2\"",
	       "ParameterBinding(New-SmbMapping): name=\"Password\"; value=\"********\"", 1);
	expect("Server=db01;Database=x;User Id=sa;Password=hunter2;", "Server=db01;Database=x;User Id=sa;Password=********;", 1);
}

static void test_not_secrets(void)
{
	/* `*` asks for the password */
	same("net use * \\\\s\\sh /user:x *");
	same("net use L: \\\\s\\sh * /user:CONTOSO\\jdoe /persistent:yes");
	/* switches, a second UNC, deletions, listings */
	same("net use L: \\\\s\\sh /persistent:yes /savecred");
	same("net use L: \\\\s\\sh /p@ss");
	same("net use L: \\\\s\\sh \\\\looks\\like-unc /user:x");
	same("net use L: \\\\s\\sh -user:bob");
	same("net use L: /delete /y");
	same("net use \\\\srv\\share /delete");
	same("net use /persistent:no");
	same("net use");
	same("NET USE");
	same("cmdkey /generic:https://conjur.net/authn /user:hosts/my-host /pass");
	same("cmdkey /list");
	same("cmdkey /delete:Domain:target=fs01");
	/* variables are not secrets (their assignment is redacted where it is) */
	same("net use L: \\\\s\\sh %PASSWORD% /user:%USER%");
	same("New-SmbMapping -LocalPath X: -RemotePath \\\\s\\sh -Password $pw");
	same("$PWord = ConvertTo-SecureString -String $plain -AsPlainText -Force");
	same("$pass = Read-Host -AsSecureString");
	same("$Creds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $User, $PWord");
	same("set /p PASS=Enter the password: ");
	/* command output and prose that mention passwords */
	same("The password is invalid for \\\\sshfs\\eoin@someserver.local.");
	same("Enter the password for sshfs: **********************************************************");
	same("Enter the password for 'hosts/my-host' to connect to 'https://conjur.net/authn': ");
	same("System error 86 has occurred.");
	same("The specified network password is not correct.");
	same("New connections will be remembered.");
	same("OK           L:        \\\\fs01\\data                Microsoft Windows Network");
	same("The command completed successfully.");
	same("    Target: Domain:target=fs01.contoso.com");
	same("PasswordLastSet     : 3/1/2026 9:14:02 AM");
	same("Get-Service LanmanWorkstation | Restart-Service -PassThru");
	same("$bypassProxy = \"true\"");
	same("Set-ExecutionPolicy Bypass -Scope Process");
	same("    New-SmbMapping [-Password <String>] [-Persistent <Boolean>]");
	same("net use L: \\\\s\\sh ******** /user:x");
	same("cmdkey /add:fs01 /user:x /pass:********");
	same("cpassword=\"\"");
	same("<Properties action=\"U\" cpassword=\"\" userName=\"\" path=\"\\\\fs01\\x\"/>");
	same("");
	same("Ünïcödé 漢字 line with no secret: net use 使用");
}

static void test_lines_and_continuations(void)
{
	const char *text =
		"@echo off\r\n"
		"net use S: \\\\nas01\\scans ^\r\n"
		"  hunter2 /user:CONTOSO\\jdoe ^\r\n"
		"  /persistent:yes\r\n"
		"New-SmbMapping -LocalPath X: `\r\n"
		"   -RemotePath \\\\s\\sh `\r\n"
		"   -Password 'P@ss w0rd'\r\n"
		"echo done\r\n";
	struct lines t;
	CHECK(lines_split(A, text, strlen(text), 1, &t) == 0);
	struct lines orig = t;
	struct line *copy = arena_alloc(A, t.n * sizeof *copy);
	memcpy(copy, t.v, t.n * sizeof *copy);
	redaction_vec found = { 0 };
	CHECK(redact_lines(A, &t, &found) == 0);
	CHECK_INT(found.n, 2);
	if (found.n == 2) {
		CHECK_INT(found.v[0].line, 3);
		CHECK_STR(found.v[0].what, "net use password");
		CHECK_INT(found.v[1].line, 7);
		CHECK_STR(found.v[1].what, "-Password parameter");
	}
	CHECK_INT(t.n, orig.n);
	for (size_t i = 0; i < t.n; i++) {
		CHECK(!has_planted(t.v[i].s, t.v[i].len));
		CHECK(valid_utf8(t.v[i].s, t.v[i].len));
		CHECK_INT(t.v[i].no, i + 1);
		if (i != 2 && i != 6) /* untouched lines are the same bytes */
			CHECK(t.v[i].len == copy[i].len && memcmp(t.v[i].s, copy[i].s, t.v[i].len) == 0);
	}
	CHECK(t.v[2].len == strlen("  ******** /user:CONTOSO\\jdoe ^") &&
	      memcmp(t.v[2].s, "  ******** /user:CONTOSO\\jdoe ^", t.v[2].len) == 0);
	/* a second pass finds nothing */
	redaction_vec again = { 0 };
	CHECK(redact_lines(A, &t, &again) == 0);
	CHECK_INT(again.n, 0);
}

/* The bytes a customer sends: a PowerShell 5.1 `>` capture is UTF-16LE
 * with a BOM and CRLF. */
static void test_end_to_end_utf16(void)
{
	const char *u8 =
		"PS C:\\Users\\jdoe> net use L: \\\\fs01\\data hunter2 /user:CONTOSO\\jdoe\r\n"
		"The command completed successfully.\r\n"
		"\r\n"
		"PS C:\\Users\\jdoe> cmdkey /add:fs01 /user:CONTOSO\\jdoe /pass:Sup3r$ecret!\r\n"
		"\r\n"
		"CMDKEY: Credential added successfully.\r\n";
	size_t n = strlen(u8);
	uint8_t *b = malloc(2 * n + 2);
	b[0] = 0xFF;
	b[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		b[2 + 2 * i] = (uint8_t)u8[i];
		b[3 + 2 * i] = 0;
	}
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "capture.txt", b, 2 * n + 2);
	CHECK(art != NULL);
	if (art) {
		CHECK_STR(art->encoding, "utf-16le-bom");
		CHECK_INT(art->redactions.n, 2);
		if (art->redactions.n == 2) {
			CHECK_INT(art->redactions.v[0].line, 1);
			CHECK_INT(art->redactions.v[1].line, 4);
			CHECK_STR(art->redactions.v[1].what, "cmdkey /pass");
		}
		for (size_t i = 0; i < art->text.n; i++)
			CHECK(!has_planted(art->text.v[i].s, art->text.v[i].len));
		for (size_t i = 0; i < art->segs.n; i++)
			if (art->segs.v[i].command)
				CHECK(!has_planted(art->segs.v[i].command, strlen(art->segs.v[i].command)));
		CHECK(art->text.n >= 1 && span_find_ci(art->text.v[0].s, art->text.v[0].len, "CONTOSO\\jdoe") > 0);
	}
	artefact_set_free(set);
	free(b);
}

/* Run the binary and read all it prints. */
static char *run(const char *args, size_t *len)
{
	const char *bin = getenv("MDTRIAGE");
	if (!bin)
		return NULL;
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "\"%s\" %s 2>/dev/null", bin, args);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += k;
		if (cap - n < 4096) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	pclose(p);
	buf[n] = 0;
	*len = n;
	return buf;
}

static void test_binary_output(void)
{
	const char *fx = getenv("MDT_FIXTURES");
	if (!fx || !getenv("MDTRIAGE")) {
		fprintf(stderr, "MDTRIAGE or MDT_FIXTURES not set\n");
		CHECK(0);
		return;
	}
	static const struct { const char *file, *keep1, *keep2; } t[] = {
		{ "logon-finance.bat", "CONTOSO\\\\svc_fin", "\\\\\\\\nas01\\\\it" },
		{ "tsg-solution-e-option2.ps1", "CONTOSO\\\\svc_map", "fs01.contoso.com\\\\share" },
		{ "tsg-workaround-logon.ps1", "CONTOSO\\\\jdoe", "fs01.contoso.com\\\\data" },
		{ "map-projects.ps1", "CONTOSO\\\\proj", "nas02\\\\projects" },
		{ "Drives.xml", NULL, NULL },
		{ "transcript-savecred-conflict.txt", "raboneteu\\\\vreezen.eu", "bxts199521" },
	};
	static const char *const modes[] = { "facts", "analyze --format json", "analyze --format markdown",
					     "analyze --format text --no-color" };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
			char args[2048];
			snprintf(args, sizeof args, "%s \"%s/scripts/%s\"", modes[m], fx, t[i].file);
			size_t n = 0;
			char *out = run(args, &n);
			CHECK(out != NULL && n > 0);
			if (!out)
				continue;
			if (has_planted(out, n))
				fprintf(stderr, "secret leaked by `mdtriage %s` on %s\n", modes[m], t[i].file);
			CHECK(!has_planted(out, n));
			if (m == 0) {
				CHECK(strstr(out, "\"redactions\"") != NULL);
				if (t[i].keep1 && !strstr(out, t[i].keep1))
					fprintf(stderr, "%s: %s missing\n", t[i].file, t[i].keep1);
				if (t[i].keep1)
					CHECK(strstr(out, t[i].keep1) != NULL);
				if (t[i].keep2 && !strstr(out, t[i].keep2))
					fprintf(stderr, "%s: %s missing\n", t[i].file, t[i].keep2);
				if (t[i].keep2)
					CHECK(strstr(out, t[i].keep2) != NULL);
			}
			free(out);
		}
	}
	/* the whole folder as one case */
	char args[2048];
	snprintf(args, sizeof args, "analyze --format json \"%s/scripts\"", fx);
	size_t n = 0;
	char *out = run(args, &n);
	CHECK(out && n > 0 && !has_planted(out, n));
	free(out);
}

int main(void)
{
	A = arena_new(256u << 20);
	test_forms();
	test_not_secrets();
	test_lines_and_continuations();
	test_end_to_end_utf16();
	test_binary_output();
	arena_free(A);
	return check_exit();
}
