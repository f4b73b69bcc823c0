/* whoami parser on the verified samples (windows-output-en.md §10.1-10.7,
 * -localized.md §1.4 zh, §3.4 ja /fo list) and variants. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "parsers/whoami.h"

static const struct whoami_result *parse_fixture(struct arena *a, const char *name, const char *cmd,
						 int expect_status, int *bid)
{
	void *out = NULL;
	int st = run_parser(a, &whoami_parser, name, cmd, &out, bid);
	CHECK_INT(st, expect_status);
	if (st != expect_status)
		fprintf(stderr, "  (fixture %s)\n", name);
	return out;
}

static const struct whoami_group *group_by_sid(const struct whoami_result *r, const char *sid)
{
	for (size_t i = 0; i < r->groups.n; i++)
		if (r->groups.v[i].sid && strcmp(r->groups.v[i].sid, sid) == 0)
			return &r->groups.v[i];
	return NULL;
}

static void test_10_1(struct arena *a)
{
	int bid = 0;
	const struct whoami_result *r = parse_fixture(a, "whoami-10-1-en.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_CERTAIN);
	if (!r)
		return;
	CHECK_STR(r->format, "table");
	CHECK_STR(r->user, "mews-windows10\\ashwanth");
	CHECK_STR(r->domain, "mews-windows10");
	CHECK_STR(r->name, "ashwanth");
	CHECK_STR(r->sid, "S-1-5-21-2844616881-3790560454-3287765183-1002");
	CHECK_INT(r->user_line, 6);
	CHECK_INT(r->groups.n, 4);
	const struct whoami_group *g = group_by_sid(r, "S-1-5-114");
	CHECK(g != NULL);
	if (g) {
		CHECK_STR(g->name, "NT AUTHORITY\\Local account and member of Administrators group");
		CHECK_STR(g->type, "Well-known group");
		CHECK_STR(g->attributes, "Group used for deny only");
	}
	g = group_by_sid(r, "S-1-5-21-2844616881-3790560454-3287765183-1005");
	CHECK(g && strcmp(g->name, "MEWS-WINDOWS10\\docker-users") == 0);
	CHECK_INT(r->local_account, 1);
	/* the cut last line still says deny only: the token is filtered */
	CHECK_INT(r->admin_filtered, 1);
	CHECK_INT(r->admin_line, 16);
	CHECK_INT(r->elevated, 0);
	CHECK(r->integrity == NULL); /* the label row was cut from the excerpt */
}

static void test_10_2_edited_user_line(struct arena *a)
{
	const struct whoami_result *r = parse_fixture(a, "whoami-10-2-en.txt", "whoami /all", PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->user, "desktop-vm\\admin");
	CHECK_STR(r->sid, "S-1-5-21-3757089580-1629204324-2742774380-1001");
	CHECK_INT(r->groups.n, 3);
	CHECK_INT(r->local_account, 1);
	CHECK_INT(r->admin_filtered, 0);
	CHECK_INT(r->elevated, 1); /* Administrators enabled: a full token */
	const struct whoami_group *g = group_by_sid(r, "S-1-5-32-544");
	CHECK(g && strcmp(g->attributes, "Mandatory group, Enabled by default, Enabled group, Group owner") == 0);
}

static void test_10_3_system(struct arena *a)
{
	const struct whoami_result *r = parse_fixture(a, "whoami-10-3-en.txt", NULL, PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->user, "nt authority\\system");
	CHECK_STR(r->sid, "S-1-5-18");
	CHECK_INT(r->groups.n, 2);
	CHECK_STR(r->integrity, "system");
	CHECK_INT(r->elevated, 1);
	CHECK_INT(r->local_account, 0);
	CHECK_INT(r->admin_filtered, 0); /* not a member of Administrators */
	const struct whoami_group *g = group_by_sid(r, "S-1-16-16384");
	CHECK(g && strcmp(g->name, "Mandatory Label\\System Mandatory Level") == 0 && strcmp(g->type, "Label") == 0 &&
	      strcmp(g->attributes, "") == 0);
}

static void test_10_4_no_blank_lines(struct arena *a)
{
	const struct whoami_result *r = parse_fixture(a, "whoami-10-4-en.txt", NULL, PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_STR(r->user, "company\\sadmin");
	CHECK_STR(r->sid, "S-1-5-21-504569365-2122958605-3922303804-1609");
	CHECK_INT(r->local_account, -1);
	CHECK_INT(r->elevated, -1);
	CHECK_INT(r->admin_filtered, -1); /* no group list printed */
}

static void test_10_5_tail(struct arena *a)
{
	const struct whoami_result *r = parse_fixture(a, "whoami-10-5-en.txt", NULL, PARSE_OK, NULL);
	if (!r)
		return;
	CHECK(r->user == NULL);
	CHECK_INT(r->privs.n, 3);
	if (r->privs.n == 3) {
		CHECK_STR(r->privs.v[0].name, "SeMachineAccountPrivilege");
		CHECK_STR(r->privs.v[0].description, "Add workstations to domain");
		CHECK_STR(r->privs.v[0].state, "Disabled");
		CHECK_STR(r->privs.v[1].state, "Enabled");
	}
}

static void test_10_6_domain(struct arena *a)
{
	int bid = 0;
	const struct whoami_result *r = parse_fixture(a, "whoami-10-6-en.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_CERTAIN);
	if (!r)
		return;
	CHECK_STR(r->user, "htb\\svc-alfresco");
	CHECK_STR(r->domain, "htb");
	CHECK_INT(r->groups.n, 12);
	CHECK_INT(r->privs.n, 3);
	CHECK_STR(r->integrity, "medium");
	CHECK_INT(r->elevated, 0);
	CHECK_INT(r->local_account, -1); /* neither S-1-5-113 nor -114: left to the engine */
	CHECK_INT(r->admin_filtered, 0);
	const struct whoami_group *g = group_by_sid(r, "S-1-5-32-554");
	CHECK(g && strcmp(g->name, "BUILTIN\\Pre-Windows 2000 Compatible Access") == 0);
	g = group_by_sid(r, "S-1-5-21-3072663084-364016917-1341370565-1149");
	CHECK(g && strcmp(g->name, "HTB\\Privileged IT Accounts") == 0 && strcmp(g->type, "Group") == 0);
}

static void test_10_7_high_first(struct arena *a)
{
	int bid = 0;
	const struct whoami_result *r = parse_fixture(a, "whoami-10-7-en.txt", NULL, PARSE_OK, &bid);
	CHECK(bid >= BID_STRONG);
	if (!r)
		return;
	CHECK_INT(r->groups.n, 2);
	CHECK_STR(r->integrity, "high");
	CHECK_INT(r->elevated, 1);
	CHECK_INT(r->integrity_line, 3);
}

static void test_zh(struct arena *a)
{
	int bid = 0;
	const struct whoami_result *r = parse_fixture(a, "whoami-zh-all.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_CERTAIN);
	if (!r)
		return;
	CHECK_STR(r->user, "nt service\\mssqlserver");
	CHECK_STR(r->sid, "S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003");
	CHECK_INT(r->groups.n, 3);
	const struct whoami_group *g = group_by_sid(r, "S-1-16-12288");
	CHECK(g && strcmp(g->type, "标签") == 0 && strcmp(g->name, "Mandatory Label\\High Mandatory Level") == 0);
	g = group_by_sid(r, "S-1-5-32-545");
	CHECK(g && strcmp(g->type, "别名") == 0 && strcmp(g->attributes, "必需的组, 启用于默认, 启用的组") == 0);
	CHECK_STR(r->integrity, "high");
	CHECK_INT(r->elevated, 1);
	CHECK_INT(r->local_account, 0); /* a service SID */
	CHECK_INT(r->privs.n, 2);
	if (r->privs.n == 2) {
		CHECK_STR(r->privs.v[0].description, "绕过遍历检查");
		CHECK_STR(r->privs.v[0].state, "已启用");
	}

	r = parse_fixture(a, "whoami-zh-priv.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_CERTAIN);
	if (r) {
		CHECK_INT(r->privs.n, 6);
		if (r->privs.n == 6) {
			CHECK_STR(r->privs.v[3].name, "SeImpersonatePrivilege");
			CHECK_STR(r->privs.v[3].description, "身份验证后模拟客户端");
			CHECK_STR(r->privs.v[3].state, "已启用");
		}
	}
}

static void test_ja_list(struct arena *a)
{
	int bid = 0;
	const struct whoami_result *r = parse_fixture(a, "whoami-ja-list.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_CERTAIN);
	if (!r)
		return;
	CHECK_STR(r->format, "list");
	CHECK_STR(r->user, "matsuolab7910pc\\matsuolab7910");
	CHECK_STR(r->sid, "S-1-5-21-400220949-3334754570-1221178460-1000");
	CHECK_INT(r->groups.n, 2);
	const struct whoami_group *g = group_by_sid(r, "S-1-1-0");
	CHECK(g && strcmp(g->type, "よく知られたグループ") == 0 &&
	      strcmp(g->attributes, "固定グループ, 既定で有効, 有効なグループ") == 0);
	CHECK_STR(r->integrity, "medium");
	CHECK_INT(r->elevated, 0);
}

static void test_de_labels_by_sid(struct arena *a)
{
	const struct whoami_result *r = parse_fixture(a, "whoami-de-groups.txt", NULL, PARSE_OK, NULL);
	if (!r)
		return;
	CHECK_INT(r->groups.n, 6);
	CHECK_STR(r->integrity, "medium"); /* the label name is German; the SID decides */
	CHECK_INT(r->elevated, 0);
	CHECK_INT(r->local_account, 1);
	CHECK_INT(r->admin_filtered, 1);
	const struct whoami_group *g = group_by_sid(r, "S-1-5-32-544");
	CHECK(g && strcmp(g->name, "VORDEFINIERT\\Administratoren") == 0);
}

static void test_plain_and_csv(struct arena *a)
{
	int bid = 0;
	void *out = NULL;
	/* one DOMAIN\user line is weak evidence on its own ... */
	const char *one = "contoso\\jdoe\r\n";
	CHECK_INT(run_parser_text(a, &whoami_parser, one, strlen(one), NULL, &out, &bid), PARSE_OK);
	CHECK_INT(bid, BID_WEAK);
	/* ... and strong when the command is known */
	const struct whoami_result *r = parse_fixture(a, "whoami-plain-en.txt", "whoami", PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (r) {
		CHECK_STR(r->format, "plain");
		CHECK_STR(r->user, "arctic\\tolis");
		CHECK_STR(r->domain, "arctic");
		CHECK_STR(r->name, "tolis");
		CHECK_INT(r->user_line, 2);
		CHECK(r->sid == NULL);
	}
	r = parse_fixture(a, "whoami-csv-en.txt", NULL, PARSE_OK, &bid);
	CHECK_INT(bid, BID_STRONG);
	if (r) {
		CHECK_STR(r->format, "csv");
		CHECK_STR(r->user, "contoso\\jdoe");
		CHECK_INT(r->groups.n, 4);
		CHECK_STR(r->integrity, "medium");
		CHECK_INT(r->admin_filtered, 0);
	}
}

/* Characters counted as 1 column where the rule counts 2 (text re-padded by
 * code points): the SID is found by its token, the columns shift with it. */
static void test_shifted_columns(struct arena *a)
{
	const char *txt = "组名                                 类型   SID          属性\n"
			  "==================================== ====== ============ ==============================\n"
			  "BUILTIN\\Administrators               别名 S-1-5-32-544 必需的组, 启用于默认, 启用的组\n";
	void *out = NULL;
	CHECK_INT(run_parser_text(a, &whoami_parser, txt, strlen(txt), NULL, &out, NULL), PARSE_OK);
	const struct whoami_result *r = out;
	if (r && r->groups.n == 1) {
		CHECK_STR(r->groups.v[0].name, "BUILTIN\\Administrators");
		CHECK_STR(r->groups.v[0].type, "别名");
		CHECK_STR(r->groups.v[0].sid, "S-1-5-32-544");
		CHECK_STR(r->groups.v[0].attributes, "必需的组, 启用于默认, 启用的组");
	} else {
		CHECK(0);
	}
}

static void test_not_whoami(struct arena *a)
{
	int bid = -1;
	void *out = NULL;
	run_parser(a, &whoami_parser, "cmdkey-s4a-en.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	run_parser(a, &whoami_parser, "systeminfo-en-dc.txt", NULL, &out, &bid);
	CHECK_INT(bid, BID_NONE);
	const char *netuse = "Status       Local     Remote                    Network\r\n"
			     "-------------------------------------------------------------------------------\r\n"
			     "OK           Z:        \\\\fs01\\data                Microsoft Windows Network\r\n";
	CHECK_INT(run_parser_text(a, &whoami_parser, netuse, strlen(netuse), NULL, &out, &bid), PARSE_FAILED);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_10_1(a);
	test_10_2_edited_user_line(a);
	test_10_3_system(a);
	test_10_4_no_blank_lines(a);
	test_10_5_tail(a);
	test_10_6_domain(a);
	test_10_7_high_first(a);
	test_zh(a);
	test_ja_list(a);
	test_de_labels_by_sid(a);
	test_plain_and_csv(a);
	test_shifted_columns(a);
	test_not_whoami(a);
	arena_free(a);
	return check_exit();
}
