/* smb-global-mapping: the default table (7.1, 0.3), Get-SmbMapping's,
 * Format-List, Clixml (U32 and enum Status), ConvertTo-Json, empty output. */
#include "parsers/smbgmap.h"
#include "ps_helpers.h"

extern const struct parser smbgmap_parser;

static struct smbgmap_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&smbgmap_parser, a, text, cmd, bid, st, NULL);
}

static void test_tables(struct arena *a)
{
	int bid = 0, st = 0;
	const char *doc = "Status Local Path Remote Path \n"
			  "------ ---------- ----------- \n"
			  "OK     G:         \\\\fs1.contoso.com\\public\n";
	struct smbgmap_result *r = run(a, doc, NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].local, "G:");
		CHECK_STR(r->v[0].remote, "\\\\fs1.contoso.com\\public");
		CHECK_STR(r->v[0].status_text, "OK");
		CHECK_INT(r->v[0].status_value, 0);
		CHECK_INT(r->v[0].status_code, -1);
		CHECK_INT(r->v[0].line, 3);
		CHECK_INT(r->global, 1);
		CHECK_STR(r->global_from, "default");
	}
	int bid2;
	r = run(a, doc, "New-SmbGlobalMapping -RemotePath \\\\fs1.contoso.com\\public -LocalPath G:", &bid2, &st);
	CHECK(bid2 > bid);
	CHECK(r && r->global == 1 && !strcmp(r->global_from, "command"));

	r = run(a,
		"PS> Get-SmbMapping\n\n"
		"Status       Local Path Remote Path\n"
		"------       ---------- -----------\n"
		"Disconnected Z:         \\\\127.0.0.1\\c$\n"
		"OK           Y:         \\\\storage3\\scanning\n",
		"Get-SmbMapping", &bid, &st);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_INT(r->global, 0);
		CHECK_STR(r->v[0].status_text, "Disconnected");
		CHECK_INT(r->v[0].status_value, 2);
		CHECK_STR(r->v[0].remote, "\\\\127.0.0.1\\c$");
		CHECK_STR(r->v[1].local, "Y:");
		CHECK_INT(r->v[1].status_value, 0);
	}

	/* 0.3: status names stay English on a Chinese system */
	r = run(a,
		"Status      Local Path Remote Path\n"
		"------      ---------- -----------\n"
		"Unavailable Y:         \\\\nas.lindexi.com\\Data\n", NULL, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].status_value == 6);
	CHECK(r && r->n == 1 && !strcmp(r->v[0].remote, "\\\\nas.lindexi.com\\Data"));
}

static void test_list(struct arena *a)
{
	int bid = 0, st = 0;
	struct smbgmap_result *r = run(a,
		"\n"
		"LocalPath             : X:\n"
		"RemotePath            : \\\\fs01\\home\n"
		"RequireIntegrity      : False\n"
		"RequirePrivacy        : True\n"
		"Status                : Unavailable\n"
		"UseWriteThrough       : False\n"
		"PSComputerName        :\n"
		"CimClass              : ROOT/Microsoft/Windows/SMB:MSFT_SmbMapping\n"
		"CimInstanceProperties : {LocalPath, RemotePath, RequireIntegrity, RequirePrivacy...}\n"
		"CimSystemProperties   : Microsoft.Management.Infrastructure.CimSystemProperties\n",
		NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_INT(r->global, 0);
		CHECK_STR(r->global_from, "type");
		CHECK_INT(r->v[0].status_value, 6);
		CHECK_INT(r->v[0].require_privacy, 1);
		CHECK_INT(r->v[0].require_integrity, 0);
		CHECK_INT(r->v[0].line, 2);
	}
}

static void test_clixml_and_json(struct arena *a)
{
	size_t len;
	int bid = 0, st = 0;
	char *x = ps_fixture("gmap-clixml-u32.xml", &len);
	struct smbgmap_result *r = x ? run(a, x, NULL, &bid, &st) : NULL;
	free(x);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_INT(st, PARSE_OK);
		CHECK_INT(r->global, 1);
		CHECK_STR(r->global_from, "type");
		CHECK_STR(r->v[0].local, "Z:");
		CHECK_STR(r->v[0].remote, "\\\\fs01.contoso.com\\data");
		CHECK_INT(r->v[0].status_code, 6);
		CHECK_INT(r->v[0].status_value, 6);
		CHECK_INT(r->v[0].line, 11);
		CHECK_STR(r->v[1].local, "Y:");
		CHECK_INT(r->v[1].status_code, 0);
		CHECK_INT(r->v[1].require_privacy, 1);
	}
	x = ps_fixture("gmap-clixml-enum.xml", &len);
	r = x ? run(a, x, NULL, &bid, &st) : NULL;
	free(x);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_STR(r->v[0].status_text, "Disconnected");
		CHECK_INT(r->v[0].status_code, 2);
		CHECK_INT(r->v[0].status_value, 2);
		CHECK_INT(r->v[0].use_write_through, 1);
		CHECK_STR(r->v[1].status_text, "OK");
		CHECK_INT(r->v[1].status_code, 0);
		CHECK_STR(r->v[1].remote, "\\\\fs03\\web");
	}
	x = ps_fixture("gmap-ps7.json", &len);
	r = x ? run(a, x, "Get-SmbGlobalMapping | ConvertTo-Json", &bid, &st) : NULL;
	free(x);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_INT(st, PARSE_OK);
		CHECK_STR(r->v[0].local, "Z:");
		CHECK_STR(r->v[0].remote, "\\\\fs01.contoso.com\\data");
		CHECK_INT(r->v[0].status_code, 0);
		CHECK_INT(r->v[0].status_value, 0);
		CHECK_INT(r->v[0].line, 2);
		CHECK_INT(r->global, 1);
	}
	x = ps_fixture("gmap-array.json", &len);
	r = x ? run(a, x, NULL, &bid, &st) : NULL;
	free(x);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_INT(r->v[0].status_code, -1);
		CHECK_INT(r->v[0].status_value, 6);
		CHECK_INT(r->v[1].status_code, 2);
		CHECK_INT(r->v[1].line, 8);
	}
}

static void test_empty_and_errors(struct arena *a)
{
	int bid = 0, st = 0;
	struct smbgmap_result *r = run(a, "\n\n", "Get-SmbGlobalMapping 2>$null", &bid, &st);
	CHECK_INT(bid, BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 0 && r->global == 1);
	r = run(a, "\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_NONE);
	CHECK_INT(st, PARSE_FAILED);
	r = run(a,
		"New-SmbGlobalMapping : Generic failure \n"
		"At line:1 char:190\n"
		"+ ... ser, $PWord;New-SmbGlobalMapping -RemotePath $Env:smbremotepath -Cred ...\n"
		"+                 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:ROOT/Microsoft/...mbGlobalMapping) [New-SmbGlobalMa \n"
		"   pping], CimException\n"
		"    + FullyQualifiedErrorId : HRESULT 0x80041001,New-SmbGlobalMapping\n",
		"New-SmbGlobalMapping -RemotePath \\\\fs01\\data -LocalPath Z:", &bid, &st);
	CHECK_INT(bid, BID_NONE);
	CHECK(st != PARSE_OK);
	CHECK_INT(smb_status_value("Network Error"), 3);
	CHECK_INT(smb_status_value("Reconnecting"), 5);
	CHECK_INT(smb_status_value("7"), -1);
	CHECK_STR(smb_status_name(4), "Connecting");
	/* net use's own listing is not this kind */
	run(a, "New connections will be remembered.\n\n\n"
	       "Status       Local     Remote                    Network\n\n"
	       "-------------------------------------------------------------------------------\n"
	       "OK           Z:        \\\\fs01\\data                Microsoft Windows Network\n"
	       "The command completed successfully.\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_tables(a);
	test_list(a);
	test_clixml_and_json(a);
	test_empty_and_errors(a);
	arena_free(a);
	return check_exit();
}
