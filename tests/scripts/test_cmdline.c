/* cmdline: tokenising and interpreting one cmd or PowerShell command line.
 * Each form the guide and real scripts use, with the fields it must give. */
#include <string.h>

#include "parsers/arena.h"
#include "parsers/cmdline.h"
#include "tests/check.h"

static struct arena *A;

static cl_command_vec parse(const char *s, enum cl_dialect d)
{
	cl_command_vec v = { 0 };
	CHECK(cmdline_parse(A, s, strlen(s), d, &v) == 0);
	return v;
}

/* The first command of kind k (not CL_NONE) on the line. */
static const struct cl_command *first(const char *s, enum cl_kind k)
{
	cl_command_vec v = parse(s, CL_AUTO);
	for (size_t i = 0; i < v.n; i++)
		if (v.v[i].kind == k)
			return &v.v[i];
	fprintf(stderr, "no command of kind %s in: %s\n", cl_kind_name(k), s);
	return NULL;
}

#define NEED(c) if (!(c)) { CHECK(c); return; }

static void test_net_use_forms(void)
{
	const struct cl_command *c;

	c = first("net use", CL_NET_USE_QUERY);
	NEED(c);
	CHECK(c->drive == NULL && c->remote == NULL);

	c = first("net use L:", CL_NET_USE_QUERY);
	NEED(c);
	CHECK_STR(c->drive, "L:");

	c = first("net use l: \\\\fs01\\data", CL_NET_USE);
	NEED(c);
	CHECK_STR(c->drive, "L:");
	CHECK_STR(c->remote, "\\\\fs01\\data");
	CHECK_INT(c->persistent, CL_TRI_UNKNOWN); /* omitted: inherits the last value */
	CHECK_INT(c->password_given, 0);
	CHECK(c->user == NULL);

	c = first("net use L: \\\\fs01\\data ******** /user:CONTOSO\\jdoe /persistent:yes", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->password_given, 1);
	CHECK_STR(c->user, "CONTOSO\\jdoe");
	CHECK_INT(c->persistent, 1);

	c = first("net use L: \\\\fs01\\data /PERSISTENT:NO /SaveCred", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->persistent, 0);
	CHECK_INT(c->savecred, 1);

	c = first("NET USE Z: \\\\srv\\share /persistent:Y", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->persistent, 1);
	c = first("net use Z: \\\\srv\\share /persistent:n", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->persistent, 0);
	c = first("net use Z: \\\\srv\\share /p:no", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->persistent, 0);

	/* `*` in the password place asks for it: not a password */
	c = first("net use * \\\\s\\sh /user:x *", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->any_drive, 1);
	CHECK(c->drive == NULL);
	CHECK_INT(c->password_given, 0);
	CHECK_INT(c->password_prompt, 1);
	CHECK_STR(c->user, "x");

	c = first("net use \\\\fs01\\ipc$ \"\" /u:guest", CL_NET_USE);
	NEED(c);
	CHECK(c->drive == NULL);
	CHECK_STR(c->remote, "\\\\fs01\\ipc$");
	CHECK_STR(c->user, "guest");
	CHECK_INT(c->password_given, 1); /* an empty password is still a password */

	c = first("net use L: \\\\s\\sh /user:\"CONTOSO\\John Smith\"", CL_NET_USE);
	NEED(c);
	CHECK_STR(c->user, "CONTOSO\\John Smith");

	c = first("net use L: \\\\s\\sh \"/user:CONTOSO\\jdoe\"", CL_NET_USE);
	NEED(c);
	CHECK_STR(c->user, "CONTOSO\\jdoe");

	/* -user is not a net.exe switch: no user, noted as not understood */
	c = first("net use L: \\\\s\\sh -user:bob", CL_NET_USE);
	NEED(c);
	CHECK(c->user == NULL);
	CHECK_STR(c->bad, "-user:bob");
	CHECK_INT(c->password_given, 0);

	c = first("net use L: /delete", CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->drive, "L:");
	CHECK_INT(c->del, 1);
	c = first("net use L: /D /Y", CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->drive, "L:");
	c = first("net use \\\\srv\\share /delete", CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->remote, "\\\\srv\\share");
	c = first("net use * /delete /y", CL_NET_USE_DELETE);
	NEED(c);
	CHECK_INT(c->any_drive, 1);

	c = first("net use /persistent:no", CL_NET_USE_PERSISTENT);
	NEED(c);
	CHECK_INT(c->persistent, 0);
	CHECK(c->drive == NULL && c->remote == NULL);

	c = first("net use X: \\\\s\\sh /smartcard /requireintegrity /requireprivacy /writethrough", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->smartcard, 1);
	CHECK_INT(c->require_integrity, 1);
	CHECK_INT(c->require_privacy, 1);
	CHECK_INT(c->write_through, 1);
	CHECK(c->bad == NULL);

	/* program spellings */
	CHECK(first("net.exe use L: \\\\s\\sh", CL_NET_USE) != NULL);
	CHECK(first("NET1 use L: \\\\s\\sh", CL_NET_USE) != NULL);
	c = first("C:\\Windows\\System32\\net.exe use L: \\\\s\\sh", CL_NET_USE);
	NEED(c);
	CHECK_STR(c->name, "net use");
	CHECK(first("& \"C:\\Windows\\System32\\net.exe\" use L: \\\\s\\sh", CL_NET_USE) != NULL);
	CHECK(first("@net use L: \\\\s\\sh", CL_NET_USE) != NULL);

	/* a second UNC in the password place is not a password */
	c = first("net use L: \\\\s\\sh \\\\other\\unc /user:x", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->password_given, 0);
	CHECK(c->bad != NULL);

	/* WebDAV remote */
	c = first("net use y: https://storage/WEBSHARE /user:test_user", CL_NET_USE);
	NEED(c);
	CHECK_STR(c->remote, "https://storage/WEBSHARE");
	CHECK_STR(c->user, "test_user");

	/* the conflict the guide names: both flags are reported */
	c = first("net use s: \\\\bxts199521\\d$ /user:raboneteu\\vreezen.eu /savecred /persistent:yes", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->savecred, 1);
	CHECK_STR(c->user, "raboneteu\\vreezen.eu");
	CHECK_INT(c->persistent, 1);
}

static void test_separators_and_redirections(void)
{
	cl_command_vec v = parse("net use L: /delete 2>$null && net use L: \\\\srv\\share /persistent:yes /savecred", CL_AUTO);
	CHECK_INT(v.n, 2);
	if (v.n == 2) {
		CHECK_INT(v.v[0].kind, CL_NET_USE_DELETE);
		CHECK_STR(v.v[0].text, "net use L: /delete");
		CHECK_INT(v.v[1].kind, CL_NET_USE);
		CHECK_INT(v.v[1].savecred, 1);
		CHECK_INT(v.v[1].persistent, 1);
	}
	v = parse("net use L: /delete >nul 2>&1 & net use L: \\\\s\\sh || echo failed", CL_CMD);
	CHECK(v.n == 3);
	if (v.n == 3) {
		CHECK_INT(v.v[0].kind, CL_NET_USE_DELETE);
		CHECK(v.v[0].bad == NULL); /* the redirection is not an argument */
		CHECK_INT(v.v[1].kind, CL_NET_USE);
		CHECK_INT(v.v[2].kind, CL_NONE);
	}
	v = parse("net use L: /delete 2>nul; Get-SmbGlobalMapping", CL_PS);
	CHECK(v.n == 2 && v.v[1].kind == CL_OTHER && !strcmp(v.v[1].name, "Get-SmbGlobalMapping"));
	v = parse("cmdkey /list | findstr /i \"fs01\"", CL_AUTO);
	CHECK(v.n == 2 && v.v[0].kind == CL_CMDKEY_LIST);

	/* cmd: ^ escapes a separator, "…" hides it */
	const struct cl_command *c = first("net use L: \\\\s\\sh pa^&ss /user:x", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->password_given, 1);
	CHECK_STR(c->user, "x");
	v = parse("net use L: \\\\s\\sh \"a&b\" /user:x", CL_CMD);
	CHECK_INT(v.n, 1);

	/* cmd /c "…" is unwrapped */
	v = parse("cmd /c \"net use L: \\\\srv\\share /persistent:yes & dir /a C:\\x\"", CL_AUTO);
	CHECK_INT(v.n, 2);
	if (v.n == 2) {
		CHECK_INT(v.v[0].kind, CL_NET_USE);
		CHECK_STR(v.v[0].remote, "\\\\srv\\share");
		CHECK_STR(v.v[1].name, "dir");
		CHECK_STR(v.v[1].target, "C:\\x");
	}
	c = first("cmd.exe /d /c net use L: /delete", CL_NET_USE_DELETE);
	CHECK(c != NULL);
	c = first("powershell -NoProfile -Command \"New-SmbGlobalMapping -RemotePath \\\\fs\\s -LocalPath Z: -Persistent $true -Credential $c\"", CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_INT(c->persistent, 1);

	/* cmd `if`: the command it runs */
	c = first("if exist L:\\ net use L: /delete", CL_NET_USE_DELETE);
	CHECK(c != NULL);
	c = first("if not \"%USERNAME%\"==\"svc\" net use L: \\\\s\\sh", CL_NET_USE);
	CHECK(c != NULL);

	/* a prompt pasted in front of the command */
	c = first("PS C:\\Users\\jdoe> net use L: \\\\s\\sh /savecred /user:x", CL_NET_USE);
	NEED(c);
	CHECK_INT(c->savecred, 1);
	c = first("C:\\Users\\jdoe>net use L: /delete", CL_NET_USE_DELETE);
	CHECK(c != NULL);
}

static void test_cmdkey(void)
{
	const struct cl_command *c;
	c = first("cmdkey /add:fs01 /user:CONTOSO\\jdoe /pass:********", CL_CMDKEY_ADD);
	NEED(c);
	CHECK_STR(c->target, "fs01");
	CHECK_STR(c->user, "CONTOSO\\jdoe");
	CHECK_INT(c->password_given, 1);
	CHECK_INT(c->generic, 0);

	c = first("cmdkey /generic:https://conjur.net/authn /user:hosts/my-host /pass", CL_CMDKEY_ADD);
	NEED(c);
	CHECK_INT(c->generic, 1);
	CHECK_STR(c->target, "https://conjur.net/authn");
	CHECK_INT(c->password_given, 0);
	CHECK_INT(c->password_prompt, 1);

	c = first("CMDKEY /ADD:Domain:target=fs01.contoso.com /USER:x /SMARTCARD", CL_CMDKEY_ADD);
	NEED(c);
	CHECK_STR(c->target, "Domain:target=fs01.contoso.com");
	CHECK_INT(c->smartcard, 1);

	c = first("cmdkey /delete:Domain:target=aaddsrgdiag721.file.core.windows.net", CL_CMDKEY_DELETE);
	NEED(c);
	CHECK_STR(c->target, "Domain:target=aaddsrgdiag721.file.core.windows.net");

	c = first("cmdkey /list", CL_CMDKEY_LIST);
	NEED(c);
	CHECK(c->target == NULL);
	c = first("cmdkey /list:fs01*", CL_CMDKEY_LIST);
	NEED(c);
	CHECK_STR(c->target, "fs01*");
}

static void test_smb_cmdlets(void)
{
	const struct cl_command *c;
	c = first("New-SmbGlobalMapping -RemotePath \"\\\\fs01\\share\" -Credential $creds -LocalPath \"Z:\" -Persistent $true", CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_STR(c->remote, "\\\\fs01\\share");
	CHECK_STR(c->credential, "$creds");
	CHECK_INT(c->persistent, 1);
	CHECK(c->bad == NULL);

	/* any order, abbreviations, -Name:value, 0/1 */
	c = first("new-smbglobalmapping -LocalPath z: -Persist:$false -RemotePath '\\\\fs01\\share' -Cred $c -RequirePrivacy $true -FullAccess 'CONTOSO\\a','CONTOSO\\b'", CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_STR(c->remote, "\\\\fs01\\share");
	CHECK_INT(c->persistent, 0);
	CHECK_INT(c->require_privacy, 1);
	CHECK_STR(c->credential, "$c");
	c = first("New-SmbGlobalMapping -RemotePath \\\\fs01\\share -LocalPath Z: -Persistent 1 -Credential $c", CL_NEW_GMAP);
	NEED(c);
	CHECK_INT(c->persistent, 1);
	c = first("New-SmbGlobalMapping -RemotePath \\\\fs01\\share -LocalPath Z: -Credential $c", CL_NEW_GMAP);
	NEED(c);
	CHECK_INT(c->persistent, CL_TRI_UNKNOWN);
	c = first("New-SmbGlobalMapping -RemotePath \\\\fs01\\share -LocalPath Z: -Persistent $p -Credential $c", CL_NEW_GMAP);
	NEED(c);
	CHECK_INT(c->persistent, CL_TRI_UNKNOWN); /* a variable: not known */
	/* positional: LocalPath then RemotePath, a UNC goes to RemotePath */
	c = first("New-SmbGlobalMapping Z: \\\\fs01\\share -Credential $c", CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_STR(c->remote, "\\\\fs01\\share");
	/* typographic dashes and quotes from a document */
	c = first("New-SmbGlobalMapping \xE2\x80\x93RemotePath \xE2\x80\x9C\\\\fs01\\share\xE2\x80\x9D \xE2\x80\x93LocalPath Z: \xE2\x80\x93Persistent $true -Credential $c", CL_NEW_GMAP);
	NEED(c);
	CHECK_STR(c->remote, "\\\\fs01\\share");
	CHECK_INT(c->persistent, 1);
	/* -Credential (Get-Credential user): the group is parsed too */
	cl_command_vec v = parse("New-SmbGlobalMapping -RemotePath \\\\fs\\s -LocalPath Y: -Credential (Get-Credential CONTOSO\\svc) -Persistent $true", CL_PS);
	CHECK_INT(v.n, 2);
	if (v.n == 2) {
		CHECK_STR(v.v[0].credential, "(Get-Credential CONTOSO\\svc)");
		CHECK_INT(v.v[1].kind, CL_GET_CREDENTIAL);
		CHECK_STR(v.v[1].user, "CONTOSO\\svc");
	}

	c = first("Remove-SmbGlobalMapping -RemotePath \"\\\\fs01\\dfs\" -Force", CL_REMOVE_GMAP);
	NEED(c);
	CHECK_STR(c->remote, "\\\\fs01\\dfs");
	CHECK_INT(c->force, 1);
	c = first("Remove-SmbGlobalMapping \\\\fs01\\dfs", CL_REMOVE_GMAP);
	NEED(c);
	CHECK_STR(c->remote, "\\\\fs01\\dfs");

	c = first("New-SmbMapping -LocalPath X: -RemotePath \\\\s\\sh -UserName CONTOSO\\u -Password '********' -Persistent $true -SaveCredentials", CL_NEW_SMBMAPPING);
	NEED(c);
	CHECK_STR(c->drive, "X:");
	CHECK_STR(c->user, "CONTOSO\\u");
	CHECK_INT(c->password_given, 1);
	CHECK_INT(c->persistent, 1);
	CHECK_INT(c->savecred, 1);
	c = first("New-SmbMapping -LocalPath X: -RemotePath \\\\s\\sh -GlobalMapping -Credential $c", CL_NEW_GMAP);
	CHECK(c != NULL);
	c = first("Remove-SmbMapping -LocalPath X: -Force", CL_NET_USE_DELETE);
	NEED(c);
	CHECK_STR(c->drive, "X:");

	c = first("New-PSDrive -Name Z -PSProvider FileSystem -Root \\\\srv\\share -Persist", CL_NEW_SMBMAPPING);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_STR(c->remote, "\\\\srv\\share");
	CHECK_INT(c->persistent, 1);
	c = first("New-PSDrive Z FileSystem \\\\srv\\share -Persist -Credential $c -Scope Global", CL_NEW_SMBMAPPING);
	NEED(c);
	CHECK_STR(c->drive, "Z:");
	CHECK_STR(c->remote, "\\\\srv\\share");
	/* without -Persist it is a PowerShell drive only */
	c = first("New-PSDrive -Name Z -PSProvider FileSystem -Root \\\\srv\\share", CL_OTHER);
	CHECK(c != NULL);
}

static void test_others(void)
{
	static const struct { const char *line, *name, *target; } t[] = {
		{ "Get-SmbGlobalMapping", "Get-SmbGlobalMapping", NULL },
		{ "Get-SmbGlobalMapping -LocalPath Z:", "Get-SmbGlobalMapping", "Z:" },
		{ "Get-SmbConnection -ServerName fs01", "Get-SmbConnection", "fs01" },
		{ "Test-Path \"\\\\fs01\\data\"", "Test-Path", "\\\\fs01\\data" },
		{ "test-path -LiteralPath 'L:\\'", "Test-Path", "L:\\" },
		{ "reg query HKCU\\Network\\L", "reg query", "HKCU\\Network\\L" },
		{ "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\Z\" 2>$null",
		  "reg query", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\Z" },
		{ "whoami /all", "whoami", "/all" },
		{ "Get-Service LanmanWorkstation", "Get-Service", "LanmanWorkstation" },
		{ "Get-Service -Name LanmanWorkstation", "Get-Service", "LanmanWorkstation" },
		{ "net helpmsg 53", "net helpmsg", "53" },
		{ "Get-WmiObject Win32_MappedLogicalDisk", "Get-WmiObject", "Win32_MappedLogicalDisk" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const struct cl_command *c = first(t[i].line, CL_OTHER);
		CHECK(c != NULL);
		if (!c)
			continue;
		CHECK_STR(c->name, t[i].name);
		if (t[i].target)
			CHECK_STR(c->target, t[i].target);
		else
			CHECK(c->target == NULL);
	}
	/* unknown commands come back as CL_NONE with their name */
	cl_command_vec v = parse("echo hello", CL_AUTO);
	CHECK(v.n == 1 && v.v[0].kind == CL_NONE && !strcmp(v.v[0].name, "echo"));
	/* `echo net use …` does not run net use */
	v = parse("echo net use L: \\\\s\\sh", CL_CMD);
	CHECK(v.n == 1 && v.v[0].kind == CL_NONE);
	/* comments run nothing */
	v = parse("rem net use L: \\\\s\\sh", CL_CMD);
	CHECK_INT(v.n, 0);
	v = parse("# net use L: \\\\s\\sh", CL_PS);
	CHECK_INT(v.n, 0);
	v = parse("Get-Service LanmanWorkstation # net use L: \\\\s\\sh", CL_PS);
	CHECK_INT(v.n, 1);
}

static void test_credentials_and_assignments(void)
{
	const struct cl_command *c;
	c = first("$User = \"CONTOSO\\svc\"", CL_ASSIGN);
	NEED(c);
	CHECK_STR(c->assign_to, "User");
	CHECK_STR(c->value, "CONTOSO\\svc");
	c = first("[string]$Share='\\\\fs01\\data'", CL_ASSIGN);
	NEED(c);
	CHECK_STR(c->assign_to, "Share");
	CHECK_STR(c->value, "\\\\fs01\\data");
	c = first("set USER=CONTOSO\\svc", CL_ASSIGN);
	NEED(c);
	CHECK_STR(c->assign_to, "USER");
	CHECK_STR(c->value, "CONTOSO\\svc");
	c = first("set \"SHARE=\\\\fs01\\my data\"", CL_ASSIGN);
	NEED(c);
	CHECK_STR(c->value, "\\\\fs01\\my data");

	c = first("$PWord = ConvertTo-SecureString -String '********' -AsPlainText -Force", CL_SECURESTRING);
	NEED(c);
	CHECK_STR(c->assign_to, "PWord");
	CHECK_INT(c->plain_text, 1);
	CHECK_INT(c->password_given, 1);
	c = first("$Creds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $User, $PWord", CL_NEW_PSCREDENTIAL);
	NEED(c);
	CHECK_STR(c->assign_to, "Creds");
	CHECK_STR(c->user_var, "User");
	CHECK_STR(c->password_var, "PWord");
	c = first("$c = New-Object System.Management.Automation.PSCredential ('CONTOSO\\u', $sec)", CL_NEW_PSCREDENTIAL);
	NEED(c);
	CHECK_STR(c->user, "CONTOSO\\u");
	CHECK_STR(c->password_var, "sec");
	c = first("$c = [pscredential]::new('CONTOSO\\u', (ConvertTo-SecureString '********' -AsPlainText -Force))", CL_NEW_PSCREDENTIAL);
	NEED(c);
	CHECK_STR(c->user, "CONTOSO\\u");
	c = first("$creds = Get-Credential", CL_GET_CREDENTIAL);
	NEED(c);
	CHECK(c->user == NULL);
	CHECK_STR(c->assign_to, "creds");
	c = first("$creds = Get-Credential -UserName 'CONTOSO\\svc' -Message 'Share account'", CL_GET_CREDENTIAL);
	NEED(c);
	CHECK_STR(c->user, "CONTOSO\\svc");
	/* other objects are of no interest */
	cl_command_vec v = parse("$net = New-Object -ComObject WScript.Network", CL_PS);
	CHECK_INT(v.n, 0);
}

static void test_dialect_and_prompt(void)
{
	CHECK_INT(cl_guess_dialect("net use L: /delete 2>$null", 26), CL_PS);
	CHECK_INT(cl_guess_dialect("net use L: /delete 2>nul", 24), CL_CMD);
	CHECK_INT(cl_guess_dialect("New-SmbGlobalMapping -RemotePath x", 34), CL_PS);
	CHECK_INT(cl_guess_dialect("$x = 1", 6), CL_PS);
	enum cl_dialect d = CL_AUTO;
	const char *p1 = "PS C:\\Users\\jdoe> net use";
	CHECK_INT(cl_prompt_len(p1, strlen(p1), &d), 18);
	CHECK_INT(d, CL_PS);
	const char *p2 = "C:\\Users\\jdoe>net use";
	CHECK_INT(cl_prompt_len(p2, strlen(p2), &d), 14);
	CHECK_INT(d, CL_CMD);
	const char *p3 = "[fs01]: PS C:\\> whoami";
	CHECK_INT(cl_prompt_len(p3, strlen(p3), &d), 16);
	const char *p4 = "*Evil-WinRM* PS C:\\AVTest> net use \\\\10.8.2.152\\smb";
	CHECK_INT(cl_prompt_len(p4, strlen(p4), &d), 27);
	const char *p5 = "C:\\tools\\x.exe > out.txt";
	CHECK_INT(cl_prompt_len(p5, strlen(p5), &d), 0);
	const char *p6 = "PS> Get-SmbGlobalMapping";
	CHECK_INT(cl_prompt_len(p6, strlen(p6), &d), 4);
}

static void test_hostile(void)
{
	/* unbalanced quotes and parentheses, deep nesting, huge lines */
	static const char *const bad[] = {
		"net use \"L: \\\\s\\sh", "New-SmbGlobalMapping -RemotePath (((((", ")))))) net use",
		"cmd /c \"cmd /c \\\"cmd /c \\\"cmd /c net use L: x\"\"\"", "net use L: \\\\s\\sh /user:",
		"cmdkey /pass:", "$", "$x=", "[", "-", "/", "^", "`", "'", "\"", "&&&&||||;;;",
		"2>", "New-Object -ArgumentList", "New-Object PSCredential(", "${", "@(",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cl_command_vec v = { 0 };
		CHECK(cmdline_parse(A, bad[i], strlen(bad[i]), CL_AUTO, &v) == 0);
		cl_command_vec w = { 0 };
		CHECK(cmdline_parse(A, bad[i], strlen(bad[i]), CL_PS, &w) == 0);
	}
	size_t n = 200000;
	char *big = arena_alloc(A, n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "((\"net use ^& $x,'"[i % 17];
	cl_command_vec v = { 0 };
	CHECK(cmdline_parse(A, big, n, CL_PS, &v) == 0);
	CHECK(cmdline_parse(A, big, n, CL_CMD, &v) == 0);
}

int main(void)
{
	A = arena_new(256u << 20);
	test_net_use_forms();
	test_separators_and_redirections();
	test_cmdkey();
	test_smb_cmdlets();
	test_others();
	test_credentials_and_assignments();
	test_dialect_and_prompt();
	test_hostile();
	arena_free(A);
	return check_exit();
}
