/* ipconfig /all parser on real captures in en, zh, de (Windows 10 and XP),
 * ja and fr, with continuation lines and console-wrapped values. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "parsers/ipconfig.h"

static const struct ipconfig_result *parse_fixture(struct arena *a, const char *name, int expect, int *bid)
{
	void *out = NULL;
	int st = run_parser(a, &ipconfig_parser, name, NULL, &out, bid);
	CHECK_INT(st, expect);
	if (st != expect)
		fprintf(stderr, "  (fixture %s)\n", name);
	return out;
}

static void test_en(struct arena *a)
{
	int bid = 0;
	const struct ipconfig_result *r = parse_fixture(a, "ipconfig-en-forest.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (r) {
		CHECK_STR(r->title, "Windows IP Configuration");
		CHECK(r->all);
		CHECK_STR(r->host_name, "FOREST");
		CHECK_INT(r->host_line, 5);
		CHECK_STR(r->primary_dns_suffix, "htb.local");
		CHECK_INT(r->search_list.n, 1);
		CHECK_INT(r->adapters.n, 2);
		if (r->adapters.n == 2) {
			CHECK_STR(r->adapters.v[0].name, "Ethernet adapter Ethernet0");
			CHECK_STR(r->adapters.v[0].dns_suffix, "");
			CHECK_STR(r->adapters.v[0].description, "Intel(R) 82574L Gigabit Network Connection");
			CHECK_STR(r->adapters.v[0].ipv4, "10.10.10.161");
		}
	}
	r = parse_fixture(a, "ipconfig-en-querier.txt", PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->host_name, "QUERIER");
		CHECK_STR(r->primary_dns_suffix, "HTB.LOCAL");
		CHECK_INT(r->search_list.n, 2);
		if (r->search_list.n == 2) {
			CHECK_STR(r->search_list.v[0], "HTB.LOCAL");
			CHECK_STR(r->search_list.v[1], "htb");
		}
		CHECK_INT(r->adapters.n, 1);
		if (r->adapters.n)
			CHECK_STR(r->adapters.v[0].ipv4, "10.10.10.125");
	}
}

static void test_zh(struct arena *a)
{
	int bid = 0;
	const struct ipconfig_result *r = parse_fixture(a, "ipconfig-zh-all.txt", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (!r)
		return;
	CHECK_STR(r->title, "Windows IP 配置");
	CHECK_STR(r->host_name, "Srv-Web-Kit");
	CHECK_STR(r->primary_dns_suffix, "rootkit.org");
	CHECK_INT(r->search_list.n, 1);
	CHECK_INT(r->adapters.n, 1);
	if (r->adapters.n) {
		CHECK_STR(r->adapters.v[0].name, "以太网适配器 Ethernet0");
		CHECK_STR(r->adapters.v[0].dns_suffix, "");
		CHECK_STR(r->adapters.v[0].description, "Intel(R) 82574L 千兆网络连接");
		CHECK_STR(r->adapters.v[0].ipv4, "192.168.3.73");
	}
}

static void test_de(struct arena *a)
{
	const struct ipconfig_result *r = parse_fixture(a, "ipconfig-de-all.txt", PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->title, "Windows-IP-Konfiguration");
		CHECK_STR(r->host_name, "Matteo-Lenovo");
		CHECK_STR(r->primary_dns_suffix, "");
		CHECK_INT(r->adapters.n, 1);
		if (r->adapters.n) {
			CHECK_STR(r->adapters.v[0].dns_suffix, ""); /* "Verbindungsspezifisches DNS-Suffix:" */
			CHECK_STR(r->adapters.v[0].description, "VirtualBox Host-Only Ethernet Adapter");
		}
	}
	/* XP: 8-space indent, a description wrapped at 80 columns */
	r = parse_fixture(a, "ipconfig-de-xp.txt", PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->host_name, "henry");
		CHECK_INT(r->adapters.n, 1);
		if (r->adapters.n) {
			CHECK_STR(r->adapters.v[0].name, "Ethernetadapter LAN-Verbindung");
			CHECK_STR(r->adapters.v[0].ipv4, "192.168.1.100");
		}
	}
}

static void test_ja_fr(struct arena *a)
{
	const struct ipconfig_result *r = parse_fixture(a, "ipconfig-ja-all.txt", PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->title, "Windows IP 構成");
		CHECK_STR(r->host_name, "MyCowin7");
		CHECK_STR(r->primary_dns_suffix, "");
		CHECK_INT(r->search_list.n, 1);
		CHECK_INT(r->adapters.n, 2);
		if (r->adapters.n == 2) {
			CHECK_STR(r->adapters.v[0].dns_suffix, "workgroup");
			CHECK_STR(r->adapters.v[0].ipv4, "192.168.1.101");
			CHECK_STR(r->adapters.v[1].name, "Tunnel adapter isatap.workgroup");
		}
	}
	r = parse_fixture(a, "ipconfig-fr-xp.txt", PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->title, "Configuration IP de Windows");
		CHECK_STR(r->host_name, "ordinathan");
		CHECK_STR(r->primary_dns_suffix, "");
		CHECK_INT(r->search_list.n, 1);
		if (r->search_list.n)
			CHECK_STR(r->search_list.v[0], "lan");
		CHECK_INT(r->adapters.n, 2);
		if (r->adapters.n == 2) {
			CHECK_STR(r->adapters.v[1].name, "Carte Ethernet Connexion au réseau local 2");
			CHECK_STR(r->adapters.v[1].dns_suffix, "lan");
		}
	}
}

static void test_plain_ipconfig(struct arena *a)
{
	const char *txt = "\r\nWindows IP Configuration\r\n\r\n\r\nEthernet adapter Ethernet:\r\n\r\n"
			  "   Connection-specific DNS Suffix  . : contoso.com\r\n"
			  "   IPv4 Address. . . . . . . . . . . : 10.1.2.3\r\n"
			  "   Subnet Mask . . . . . . . . . . . : 255.255.255.0\r\n"
			  "   Default Gateway . . . . . . . . . : 10.1.2.1\r\n";
	void *out = NULL;
	CHECK_INT(run_parser_text(a, &ipconfig_parser, txt, strlen(txt), NULL, &out, NULL), PARSE_OK);
	const struct ipconfig_result *r = out;
	if (r) {
		CHECK(!r->all);
		CHECK(r->host_name == NULL);
		CHECK_INT(r->adapters.n, 1);
		if (r->adapters.n)
			CHECK_STR(r->adapters.v[0].dns_suffix, "contoso.com");
	}
}

static void test_not_ipconfig(struct arena *a)
{
	int bid = -1;
	void *out = NULL;
	run_parser(a, &ipconfig_parser, "systeminfo-en-dc.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	run_parser(a, &ipconfig_parser, "cmdkey-s4a-en.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	run_parser(a, &ipconfig_parser, "whoami-10-6-en.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_en(a);
	test_zh(a);
	test_de(a);
	test_ja_fr(a);
	test_plain_ipconfig(a);
	test_not_ipconfig(a);
	arena_free(a);
	return check_exit();
}
