/* cmdkey /list parser on the verified samples (windows-output-en.md §4,
 * -localized.md §1.3, §2.3, §3.3) and on structural variants. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "parsers/cmdkey.h"

static const struct cmdkey_list *parse_fixture(struct arena *a, const char *name, const char *cmd,
					       int expect_status, int *bid)
{
	void *out = NULL;
	int st = run_parser(a, &cmdkey_parser, name, cmd, &out, bid);
	CHECK_INT(st, expect_status);
	return out;
}

static void test_s4a(struct arena *a)
{
	int bid = 0;
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-s4a-en.txt", NULL, PARSE_OK, &bid);
	CHECK(bid >= BID_STRONG);
	if (!r)
		return;
	CHECK(r->listing);
	CHECK(!r->empty);
	CHECK(r->filter == NULL);
	CHECK_STR(r->header, "Currently stored credentials:");
	CHECK_INT(r->header_line, 3);
	CHECK_INT(r->entries.n, 7);
	if (r->entries.n < 7)
		return;
	const struct cmdkey_entry *e = &r->entries.v[0];
	CHECK_STR(e->target, "Domain:target=danbttest1.danieli.it");
	CHECK_STR(e->target_kind, "Domain:target");
	CHECK_STR(e->host, "danbttest1.danieli.it");
	CHECK_INT(e->type, CMDKEY_TYPE_DOMAIN_PASSWORD);
	CHECK_STR(e->user, "cosmo\\airoldia1");
	CHECK_STR(e->persistence, "logon-session");
	CHECK_INT(e->line, 5);
	e = &r->entries.v[1];
	CHECK_STR(e->target_kind, "LegacyGeneric:target");
	CHECK_STR(e->host, "MicrosoftOffice16_Data:ADAL:3e47136a-2382-43d3-98e7-fa3646a91bfe@@@8.000000");
	CHECK_INT(e->type, CMDKEY_TYPE_GENERIC);
	CHECK(e->user == NULL);
	CHECK_STR(e->persistence, "local-machine");
	e = &r->entries.v[5];
	CHECK_STR(e->host, "OneDrive Cached Credential Business - Business1");
	CHECK_STR(e->user, "3e47136a-2382-43d3-98e7-fa3646a91bfe");
}

static void test_s4b(struct arena *a)
{
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-s4b-en.txt", NULL, PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_INT(r->entries.n, 3);
	if (r->entries.n < 3)
		return;
	CHECK_STR(r->entries.v[0].target_kind, "MicrosoftAccount:target");
	CHECK_STR(r->entries.v[0].host, "SSO_POP_Device");
	CHECK_STR(r->entries.v[0].type_text, "Generic"); /* trailing space trimmed */
	CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_GENERIC);
	CHECK_STR(r->entries.v[0].persistence, "logon-session");
	CHECK_STR(r->entries.v[1].target_kind, "WindowsLive:target");
	CHECK_STR(r->entries.v[1].host, "virtualapp/didlogical");
	/* Domain:interactive names a user, not a server; no persistence line */
	const struct cmdkey_entry *e = &r->entries.v[2];
	CHECK_STR(e->target_kind, "Domain:interactive");
	CHECK(e->host == NULL);
	CHECK_INT(e->type, CMDKEY_TYPE_DOMAIN_PASSWORD);
	CHECK_STR(e->user, "DESKTOP-FHFUEUQ\\admin");
	CHECK(e->persistence == NULL && e->persistence_text == NULL);
}

static void test_s4c_zh(struct arena *a)
{
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-s4c-zh.txt", "cmdkey /list", PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->header, "当前保存的凭据:");
	CHECK_INT(r->entries.n, 3);
	if (r->entries.n < 3)
		return;
	CHECK_STR(r->entries.v[0].host, "TERMSRV/10.0.0.100");
	CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_GENERIC);
	CHECK_STR(r->entries.v[0].user, "LAPTOP-MAGICBOO\\administrator");
	CHECK_STR(r->entries.v[0].persistence, "local-machine");
	CHECK_STR(r->entries.v[1].host,
		  "WindowsLive:(token):name=462247949@qq.com;serviceuri=scope=service::user.auth.xboxlive.com::mbi_ssl");
	CHECK_STR(r->entries.v[2].host, "MicrosoftAccount:user=462247949@qq.com");
}

static void test_filtered_and_none(struct arena *a)
{
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-filtered-en.txt", NULL, PARSE_OK, NULL);
	if (r) {
		CHECK_STR(r->filter, "burrow-spike006*");
		CHECK_INT(r->entries.n, 1);
		if (r->entries.n) {
			/* a bare target keeps its colon: no "Kind:name=" prefix */
			CHECK_STR(r->entries.v[0].target_kind, "");
			CHECK_STR(r->entries.v[0].host, "burrow-spike006:API_KEY");
			CHECK_STR(r->entries.v[0].user, "API_KEY");
		}
	}
	r = parse_fixture(a, "cmdkey-none-en.txt", NULL, PARSE_OK, NULL);
	if (r) {
		CHECK(r->listing);
		CHECK(r->empty);
		CHECK_INT(r->empty_line, 3);
		CHECK_STR(r->filter, "fs01");
		CHECK_INT(r->entries.n, 0);
	}
	/* the filter also comes from the command line when the header lacks it */
	void *out = NULL;
	const char *txt = "Momentan gespeicherte Anmeldeinformationen:\r\n\r\n    * KEINE *\r\n";
	CHECK_INT(run_parser_text(a, &cmdkey_parser, txt, strlen(txt), "cmdkey /list:\"fs01.contoso.com\"", &out, NULL),
		  PARSE_OK);
	r = out;
	if (r) {
		CHECK(r->empty);
		CHECK_STR(r->filter, "fs01.contoso.com");
	}
}

static void test_de_ja(struct arena *a)
{
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-de.txt", NULL, PARSE_OK, NULL);
	if (r) {
		CHECK_INT(r->entries.n, 2);
		if (r->entries.n == 2) {
			CHECK_STR(r->entries.v[0].host, "SSO_POP_User:user=example@gmx.com");
			CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_GENERIC);
			CHECK_STR(r->entries.v[0].user, "example@gmx.com");
			CHECK_STR(r->entries.v[0].persistence, "logon-session");
			CHECK_STR(r->entries.v[1].host, "sftp://root@81.110.150.18");
			CHECK_STR(r->entries.v[1].user, "root");
			CHECK(r->entries.v[1].persistence == NULL);
		}
	}
	int bid = 0;
	r = parse_fixture(a, "cmdkey-ja.txt", NULL, PARSE_OK, &bid);
	CHECK(bid >= BID_STRONG); /* no header: the indented Target block is enough */
	if (r) {
		CHECK_INT(r->entries.n, 1);
		if (r->entries.n) {
			CHECK_STR(r->entries.v[0].host, "git:https://github.com");
			CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_GENERIC);
			CHECK_STR(r->entries.v[0].user, "stakiran");
			CHECK_STR(r->entries.v[0].persistence, "local-machine");
		}
	}
}

/* An unknown language: labels nobody taught the parser, entries by position. */
static void test_unknown_language(struct arena *a)
{
	const char *txt = "Сохраненные учетные данные:\r\n"
			  "\r\n"
			  "    Цель: Domain:target=fs01.contoso.com\r\n"
			  "    Тип: Пароль домена\r\n"
			  "    Пользователь: CONTOSO\\jdoe\r\n"
			  "    \r\n"
			  "    Цель: TERMSRV/10.0.0.1\r\n"
			  "    Тип: Универсальные\r\n";
	void *out = NULL;
	int bid = 0;
	CHECK_INT(run_parser_text(a, &cmdkey_parser, txt, strlen(txt), NULL, &out, &bid), PARSE_OK);
	CHECK(bid >= BID_STRONG);
	const struct cmdkey_list *r = out;
	if (!r)
		return;
	CHECK(r->listing);
	CHECK_INT(r->entries.n, 2);
	if (r->entries.n == 2) {
		CHECK_STR(r->entries.v[0].host, "fs01.contoso.com");
		CHECK_STR(r->entries.v[0].type_text, "Пароль домена");
		/* unknown type word on a Domain: target is still a domain credential */
		CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_DOMAIN_PASSWORD);
		CHECK_STR(r->entries.v[0].user, "CONTOSO\\jdoe");
		CHECK_STR(r->entries.v[1].host, "TERMSRV/10.0.0.1");
		CHECK_INT(r->entries.v[1].type, CMDKEY_TYPE_OTHER);
	}
}

/* Blank lines lost in a paste; full-width colons; a bare NetBIOS target. */
static void test_lost_blank_lines(struct arena *a)
{
	const char *txt = "当前保存的凭据：\n"
			  "    目标: Domain:target=FS01\n"
			  "    类型: 域密码\n"
			  "    用户: CONTOSO\\jdoe\n"
			  "    本地机器持续时间\n"
			  "    目标: fs01.contoso.com\n"
			  "    类型: 域密码\n"
			  "    用户: CONTOSO\\jdoe\n";
	void *out = NULL;
	CHECK_INT(run_parser_text(a, &cmdkey_parser, txt, strlen(txt), NULL, &out, NULL), PARSE_OK);
	const struct cmdkey_list *r = out;
	if (!r)
		return;
	CHECK_STR(r->header, "当前保存的凭据：");
	CHECK_INT(r->entries.n, 2);
	if (r->entries.n == 2) {
		CHECK_STR(r->entries.v[0].host, "FS01"); /* case kept as printed */
		CHECK_STR(r->entries.v[0].persistence, "local-machine");
		CHECK_STR(r->entries.v[1].target_kind, "");
		CHECK_STR(r->entries.v[1].host, "fs01.contoso.com");
		CHECK_INT(r->entries.v[1].type, CMDKEY_TYPE_DOMAIN_PASSWORD);
	}
}

/* A ticket system stripped the leading spaces of every line. */
static void test_flattened(struct arena *a)
{
	const char *txt = "Currently stored credentials:\r\n\r\n"
			  "Target: Domain:target=fs01\r\n"
			  "Type: Domain Password\r\n"
			  "User: CONTOSO\\jdoe\r\n"
			  "Local machine persistence\r\n\r\n"
			  "Target: LegacyGeneric:target=TERMSRV/fs01\r\n"
			  "Type: Generic\r\n";
	void *out = NULL;
	CHECK_INT(run_parser_text(a, &cmdkey_parser, txt, strlen(txt), NULL, &out, NULL), PARSE_OK);
	const struct cmdkey_list *r = out;
	if (!r || r->entries.n != 2) {
		CHECK(0);
		return;
	}
	CHECK_STR(r->entries.v[0].host, "fs01");
	CHECK_STR(r->entries.v[0].user, "CONTOSO\\jdoe");
	CHECK_STR(r->entries.v[0].persistence, "local-machine");
	CHECK_STR(r->entries.v[1].host, "TERMSRV/fs01");
	CHECK_INT(r->entries.v[1].type, CMDKEY_TYPE_GENERIC);
}

static void test_results(struct arena *a)
{
	int bid = 0;
	const struct cmdkey_list *r = parse_fixture(a, "cmdkey-add-en.txt", NULL, PARSE_OK, &bid);
	CHECK(bid >= BID_STRONG);
	if (r) {
		CHECK(!r->listing);
		CHECK_INT(r->results.n, 1);
		if (r->results.n) {
			CHECK_INT(r->results.v[0].kind, CMDKEY_RESULT_ADDED);
			CHECK_STR(r->results.v[0].text, "CMDKEY: Credential added successfully.");
			CHECK_INT(r->results.v[0].line, 4);
		}
	}
	r = parse_fixture(a, "cmdkey-delete-en.txt", NULL, PARSE_OK, NULL);
	if (r) {
		CHECK_INT(r->results.n, 1);
		if (r->results.n)
			CHECK_INT(r->results.v[0].kind, CMDKEY_RESULT_DELETED);
	}
}

static void test_types_and_persistence(struct arena *a)
{
	const char *txt = "Currently stored credentials:\n\n"
			  "    Target: Domain:target=*.contoso.com\n"
			  "    Type: Domain Extended\n"
			  "    Enterprise persistence\n\n"
			  "    Target: Domain:target=sc01\n"
			  "    Type: Domain Certificate\n\n"
			  "    Target: LegacyGeneric:target=cert\n"
			  "    Type: Generic Certificate\n";
	void *out = NULL;
	CHECK_INT(run_parser_text(a, &cmdkey_parser, txt, strlen(txt), NULL, &out, NULL), PARSE_OK);
	const struct cmdkey_list *r = out;
	if (!r || r->entries.n != 3) {
		CHECK(0);
		return;
	}
	CHECK_STR(r->entries.v[0].host, "*.contoso.com");
	CHECK_INT(r->entries.v[0].type, CMDKEY_TYPE_DOMAIN_EXTENDED);
	CHECK_STR(r->entries.v[0].persistence, "enterprise");
	CHECK_INT(r->entries.v[1].type, CMDKEY_TYPE_DOMAIN_CERTIFICATE);
	CHECK_INT(r->entries.v[2].type, CMDKEY_TYPE_GENERIC_CERTIFICATE);
}

static void test_not_cmdkey(struct arena *a)
{
	/* ipconfig's adapter blocks must not look like credentials */
	int bid = -1;
	void *out = NULL;
	run_parser(a, &cmdkey_parser, "ipconfig-de-all.txt", NULL, &out, &bid);
	CHECK(bid < BID_LIKELY);
	run_parser(a, &cmdkey_parser, "whoami-10-6-en.txt", NULL, &out, &bid);
	CHECK(bid < BID_LIKELY);
	run_parser(a, &cmdkey_parser, "systeminfo-en-dc.txt", NULL, &out, &bid);
	CHECK(bid < BID_LIKELY);
	const char *junk = "hello\nworld\n";
	CHECK_INT(run_parser_text(a, &cmdkey_parser, junk, strlen(junk), NULL, &out, &bid), PARSE_FAILED);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_s4a(a);
	test_s4b(a);
	test_s4c_zh(a);
	test_filtered_and_none(a);
	test_de_ja(a);
	test_unknown_language(a);
	test_lost_blank_lines(a);
	test_flattened(a);
	test_results(a);
	test_types_and_persistence(a);
	test_not_cmdkey(a);
	arena_free(a);
	return check_exit();
}
