/* smb-connection: the verified tables of 8.1 and 0.3 (auto-sized, with a
 * space in a share name, truncated), the list of 8.2, Clixml, JSON, empty. */
#include "parsers/smbconn.h"
#include "ps_helpers.h"

extern const struct parser smbconn_parser;

static struct smbconn_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&smbconn_parser, a, text, cmd, bid, st, NULL);
}

static void test_tables(struct arena *a)
{
	int bid = 0, st = 0;
	struct smbconn_result *r = run(a,
		"PS C:\\WINDOWS\\system32> Get-SmbConnection\n"
		"\n"
		"ServerName ShareName UserName                   Credential                 Dialect NumOpens\n"
		"---------- --------- --------                   ----------                 ------- --------\n"
		"NAS-01     home      WIN10\\cwestwater           WIN10\\cwestwater           3.1.1   1\n",
		NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].server, "NAS-01");
		CHECK_STR(r->v[0].share, "home");
		CHECK_STR(r->v[0].user, "WIN10\\cwestwater");
		CHECK_STR(r->v[0].credential, "WIN10\\cwestwater");
		CHECK_STR(r->v[0].dialect, "3.1.1");
		CHECK_INT(r->v[0].num_opens, 1);
		CHECK_INT(r->v[0].truncated, 0);
		CHECK_INT(r->v[0].line, 5);
	}
	r = run(a,
		"ServerName ShareName UserName         Credential                               Dialect NumOpens\n"
		"---------- --------- --------         ----------                               ------- --------\n"
		"Synology   NAS Drive RIPTIDE\\terrence MicrosoftAccount\\terrence.miao@mail.net  3.1.1   2\n",
		"Get-SmbConnection", &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->n == 1 && !strcmp(r->v[0].share, "NAS Drive") && r->v[0].num_opens == 2);
	r = run(a,
		"PS C:\\>Get-SmbConnection\n"
		"ServerName          ShareName           UserName             Credential           Dialect             NumOpens \n"
		"----------          ---------           --------             ----------           -------             -------- \n"
		"Contoso-FS1         VMS5                Contoso\\Contoso-HV1$ Contoso\\Contoso-HV1$ 3.00                1 \n"
		"Contoso-FS1         VMS5                NT VIRTUAL MACHI...  Contoso\\Contoso-HV1$ 3.00                3 \n",
		NULL, &bid, &st);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_INT(r->v[0].truncated, 0);
		CHECK_INT(r->v[1].truncated, SMBCONN_CUT_USER);
		CHECK_STR(r->v[1].user, "NT VIRTUAL MACHI...");
		CHECK_STR(r->v[1].dialect, "3.00");
		CHECK_INT(r->v[1].num_opens, 3);
	}
	/* PowerShell 7: a long server name cut with U+2026 */
	r = run(a,
		"ServerName           ShareName UserName     Credential   Dialect NumOpens\n"
		"----------           --------- --------     ----------   ------- --------\n"
		"entraazfiles1.file.… share     AzureAD\\x    AzureAD\\x    3.1.1   1\n",
		NULL, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].truncated == SMBCONN_CUT_SERVER);
	/* 0.3, a Chinese user's machine */
	r = run(a,
		"ServerName ShareName UserName               Credential Dialect NumOpens\n"
		"---------- --------- --------               ---------- ------- --------\n"
		"localhost  firewall  LAPTOP-HS0L4TOD\\Lenovo \\Lenovo    3.1.1   1\n",
		NULL, &bid, &st);
	CHECK(r && r->n == 1 && !strcmp(r->v[0].credential, "\\Lenovo"));
}

static void test_list_clixml_json(struct arena *a)
{
	int bid = 0, st = 0;
	struct smbconn_result *r = run(a,
		"\n"
		"SmbInstance           : Default\n"
		"ContinuouslyAvailable : True\n"
		"Credential            : KERBEROS.MICROSOFTONLINE.COM\\ayan@<>\n"
		"Dialect               : 3.1.1\n"
		"Encrypted             : True\n"
		"NumOpens              : 1\n"
		"Redirected            : False\n"
		"ServerName            : entraazfiles1.file.core.windows.net\n"
		"ShareName             : entraazfilesshare\n"
		"Signed                : False\n"
		"UserName              : AzureAD\\<>\n"
		"PSComputerName        :\n"
		"CimClass              : ROOT/Microsoft/Windows/SMB:MSFT_SmbConnection\n"
		"CimInstanceProperties : {ContinuouslyAvailable, Credential, Dialect, Encrypted…}\n"
		"CimSystemProperties   : Microsoft.Management.Infrastructure.CimSystemProperties\n",
		"Get-SmbConnection|fl *", &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].server, "entraazfiles1.file.core.windows.net");
		CHECK_STR(r->v[0].share, "entraazfilesshare");
		CHECK_STR(r->v[0].user, "AzureAD\\<>");
		CHECK_INT(r->v[0].encrypted, 1);
		CHECK_INT(r->v[0].signing, 0);
		CHECK_INT(r->v[0].continuously_available, 1);
		CHECK_INT(r->v[0].redirected, 0);
		CHECK_STR(r->v[0].smb_instance, "Default");
		CHECK_INT(r->v[0].line, 9);
	}
	r = run(a,
		"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
		"  <Obj RefId=\"0\">\n"
		"    <TN RefId=\"0\">\n"
		"      <T>Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbConnection</T>\n"
		"      <T>Microsoft.Management.Infrastructure.CimInstance#MSFT_SmbConnection</T>\n"
		"      <T>Microsoft.Management.Infrastructure.CimInstance</T>\n"
		"      <T>System.Object</T>\n"
		"    </TN>\n"
		"    <Props>\n"
		"      <B N=\"ContinuouslyAvailable\">false</B>\n"
		"      <S N=\"Credential\">CONTOSO\\alice</S>\n"
		"      <S N=\"Dialect\">3.1.1</S>\n"
		"      <B N=\"Encrypted\">false</B>\n"
		"      <U64 N=\"NumOpens\">4</U64>\n"
		"      <B N=\"Redirected\">false</B>\n"
		"      <S N=\"ServerName\">fs01.contoso.com</S>\n"
		"      <S N=\"ShareName\">data</S>\n"
		"      <B N=\"Signed\">true</B>\n"
		"      <U32 N=\"SmbInstance\">0</U32>\n"
		"      <S N=\"UserName\">CONTOSO\\alice</S>\n"
		"      <Nil N=\"PSComputerName\" />\n"
		"    </Props>\n"
		"  </Obj>\n"
		"</Objs>\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].server, "fs01.contoso.com");
		CHECK_INT(r->v[0].num_opens, 4);
		CHECK_INT(r->v[0].signing, 1);
		CHECK_INT(r->v[0].line, 16);
	}
	r = run(a,
		"[\n"
		"    {\n"
		"        \"ServerName\":  \"fs01\",\n"
		"        \"ShareName\":  \"data\",\n"
		"        \"UserName\":  \"CONTOSO\\\\alice\",\n"
		"        \"Dialect\":  \"3.0.2\",\n"
		"        \"NumOpens\":  2\n"
		"    },\n"
		"    {\n"
		"        \"ServerName\":  \"fs02\",\n"
		"        \"ShareName\":  \"IPC$\"\n"
		"    }\n"
		"]\n", NULL, &bid, &st);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_STR(r->v[0].user, "CONTOSO\\alice");
		CHECK_INT(r->v[0].num_opens, 2);
		CHECK_STR(r->v[1].share, "IPC$");
		CHECK_INT(r->v[1].line, 10);
		CHECK_INT(r->v[1].num_opens, -1);
	}
	/* a filtered listing that found nothing */
	r = run(a, "", "Get-SmbConnection | Where-Object { $_.ServerName -eq \"fs01\" }", &bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK(r && r->n == 0 && st == PARSE_OK);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_tables(a);
	test_list_clixml_json(a);
	arena_free(a);
	return check_exit();
}
