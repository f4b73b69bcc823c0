/* systeminfo parser on real captures in en, zh, ja, fr (accents lost to a
 * wrong code page, as stored), de (assembled from real lines) and /fo csv. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "parsers/sysinfo.h"

static const struct sysinfo_result *parse_fixture(struct arena *a, const char *name, int expect, int *bid)
{
	void *out = NULL;
	int st = run_parser(a, &sysinfo_parser, name, NULL, &out, bid);
	CHECK_INT(st, expect);
	if (st != expect)
		fprintf(stderr, "  (fixture %s)\n", name);
	return out;
}

static void test_en_dc(struct arena *a)
{
	int bid = 0;
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-en-dc.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (!r)
		return;
	CHECK_STR(r->format, "list");
	CHECK_STR(r->host.value, "WIN-9H86M71MBE9");
	CHECK_INT(r->host.line, 2);
	CHECK_STR(r->os_name.value, "Microsoft Windows Server 2019 Standard Evaluation");
	CHECK_STR(r->os_version.value, "10.0.17763 N/A Build 17763");
	CHECK_STR(r->os_config.value, "Primary Domain Controller");
	CHECK_STR(r->domain.value, "clientserver.thm");
	CHECK_INT(r->domain.line, 31);
	CHECK_STR(r->logon_server.value, "\\\\WIN-9H86M71MBE9");
	CHECK_INT(r->domain_joined, 1);
}

static void test_zh(struct arena *a)
{
	int bid = 0;
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-zh.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (!r)
		return;
	CHECK_STR(r->host.value, "WIN-WEB");
	CHECK_STR(r->os_name.value, "Microsoft Windows Server 2016 Datacenter");
	CHECK_STR(r->os_config.value, "独立服务器");
	CHECK_STR(r->domain.value, "WORKGROUP");
	CHECK_STR(r->logon_server.value, "暂缺");
	CHECK_INT(r->domain_joined, 0);
}

static void test_ja(struct arena *a)
{
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-ja.txt", PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->host.value, "MyCowin7");
	CHECK_STR(r->os_name.value, "Microsoft Windows 7 Professional");
	CHECK_STR(r->os_version.value, "6.1.7601 Service Pack 1 ビルド 7601");
	CHECK_STR(r->domain.value, "WORKGROUP");
	CHECK_STR(r->logon_server.value, "\\\\MyCowin7");
	CHECK_INT(r->domain_joined, 0);
}

static void test_fr_lossy(struct arena *a)
{
	int bid = 0;
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-fr.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (!r)
		return;
	CHECK_STR(r->host.value, "DC-ANALYSIS"); /* "Nom de l'hte:" */
	CHECK_STR(r->os_name.value, "Microsoft Windows Server 2019 Standard");
	CHECK_STR(r->domain.value, "analysis.htb");
	CHECK_STR(r->logon_server.value, "N/A");
	CHECK_INT(r->domain_joined, 1); /* "Contrleur principal de domaine" */
}

static void test_de(struct arena *a)
{
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-de.txt", PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->host.value, "WIN11-01");
	CHECK_STR(r->os_name.value, "Microsoft Windows 10 Pro");
	CHECK_STR(r->domain.value, "adlab.local");
	CHECK_STR(r->logon_server.value, "\\\\AD-SRV01");
	CHECK_INT(r->domain_joined, 1);
}

static void test_csv(struct arena *a)
{
	int bid = 0;
	const struct sysinfo_result *r = parse_fixture(a, "systeminfo-en-csv.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (!r)
		return;
	CHECK_STR(r->format, "csv");
	CHECK_STR(r->host.value, "PC01");
	CHECK_STR(r->domain.value, "contoso.com");
	CHECK_STR(r->logon_server.value, "\\\\DC01");
	CHECK_INT(r->domain_joined, 1);
	CHECK_INT(r->host.line, 2);
}

static void test_workgroup_names(struct arena *a)
{
	/* a workgroup not called WORKGROUP and no OS Configuration line: unknown */
	const char *txt = "Host Name:                 PC07\r\n"
			  "OS Name:                   Microsoft Windows 11 Pro\r\n"
			  "OS Version:                10.0.22631 N/A Build 22631\r\n"
			  "Domain:                    HOME\r\n"
			  "Logon Server:              \\\\PC07\r\n";
	void *out = NULL;
	int bid = 0;
	CHECK_INT(run_parser_text(a, &sysinfo_parser, txt, strlen(txt), NULL, &out, &bid), PARSE_OK);
	CHECK_INT(bid, BID_STRONG);
	const struct sysinfo_result *r = out;
	if (r) {
		CHECK_STR(r->domain.value, "HOME");
		CHECK_INT(r->domain_joined, -1);
	}
}

static void test_not_sysinfo(struct arena *a)
{
	int bid = -1;
	void *out = NULL;
	run_parser(a, &sysinfo_parser, "ipconfig-en-forest.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	run_parser(a, &sysinfo_parser, "cmdkey-s4a-en.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	run_parser(a, &sysinfo_parser, "whoami-ja-list.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_en_dc(a);
	test_zh(a);
	test_ja(a);
	test_fr_lossy(a);
	test_de(a);
	test_csv(a);
	test_workgroup_names(a);
	test_not_sysinfo(a);
	arena_free(a);
	return check_exit();
}
