/* net-use-detail: windows-output-en.md §2 samples, localized labels by
 * position, the three-line form of non-SMB providers. */
#include "nu_helpers.h"

static const struct netuse_detail_result *detail(struct arena *a, const struct lines *t, int want_rc,
						 int min_bid)
{
	int rc, bid;
	const struct netuse_detail_result *r = nu_run(&netuse_detail_parser, a, t, &rc, &bid);
	CHECK_INT(rc, want_rc);
	CHECK(bid >= min_bid);
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	CHECK(netuse_parser.bid(t, &ctx) < bid);
	CHECK(neterror_parser.bid(t, &ctx) < bid);
	return r;
}

static void test_s2a(struct arena *a)
{
	struct lines t = nu_lines(a, "s2a_detail_unc.txt", NULL);
	const struct netuse_detail_result *r = detail(a, &t, PARSE_OK, BID_CERTAIN);
	if (!r || r->blocks.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_detail *d = &r->blocks.v[0];
	CHECK(d->local == NULL); /* "Local name" + padding: a UNC connection */
	CHECK_STR(d->remote, "\\\\10.10.14.134\\share");
	CHECK_STR(d->resource_type, "Disk");
	CHECK_STR(d->status_text, "OK");
	CHECK_INT(d->status, CONN_OK);
	CHECK_INT(d->opens, 0);
	CHECK_INT(d->connections, 1);
	CHECK_INT(d->line, 3);
	CHECK_INT(d->remote_line, 4);
	CHECK_INT(d->status_line, 6);
	CHECK_STR(d->footer, "The command completed successfully.");
	CHECK_INT(d->footer_line, 9);
}

static void test_s2b(struct arena *a)
{
	struct lines t = nu_lines(a, "s2b_detail_indented.txt", NULL);
	const struct netuse_detail_result *r = detail(a, &t, PARSE_OK, BID_CERTAIN);
	if (!r || r->blocks.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_detail *d = &r->blocks.v[0];
	CHECK(d->local == NULL); /* label trimmed by the author: no padding at all */
	CHECK_STR(d->remote, "\\\\10.8.2.152\\smb");
	CHECK_INT(d->status, CONN_DISCONNECTED);
	CHECK_STR(d->status_text, "Disconnected");
	CHECK_INT(d->connections, 1);
}

static void test_s2c(struct arena *a)
{
	struct lines t = nu_lines(a, "s2c_detail_letter.txt", NULL);
	const struct netuse_detail_result *r = detail(a, &t, PARSE_OK, BID_CERTAIN);
	if (!r || r->blocks.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_detail *d = &r->blocks.v[0];
	CHECK_STR(d->local, "Y:");
	CHECK_STR(d->remote, "\\\\sshfs\\support@192.168.100.201");
	CHECK_STR(d->resource_type, "Disk");
	CHECK(d->status_text == NULL);
	CHECK_INT(d->status, CONN_UNKNOWN);
	CHECK_INT(d->opens, -1);
	CHECK_INT(d->line, 2);
}

static void test_localized(struct arena *a)
{
	/* Dutch labels are 24 columns wide (unattributed notes); other languages by position */
	struct lines t = nu_text(a,
		"Lokale naam             z:\r\n"
		"Externe naam            \\\\nas\\backup\r\n"
		"Brontype                Schijf\r\n"
		"Status                  Niet beschikbaar\r\n"
		"# Geopend               0\r\n"
		"# Verbindingen          1\r\n"
		"De opdracht is voltooid.\r\n");
	const struct netuse_detail_result *r = detail(a, &t, PARSE_OK, BID_STRONG);
	if (r && r->blocks.n == 1) {
		CHECK_STR(r->blocks.v[0].local, "z:");
		CHECK_STR(r->blocks.v[0].remote, "\\\\nas\\backup");
		CHECK_STR(r->blocks.v[0].status_text, "Niet beschikbaar");
		CHECK_INT(r->blocks.v[0].status, CONN_OTHER);
		CHECK_INT(r->blocks.v[0].connections, 1);
		CHECK_STR(r->blocks.v[0].footer, "De opdracht is voltooid.");
	} else {
		CHECK(0);
	}
	/* CJK labels: the value column is a display column */
	t = nu_text(a,
		"本地名称          Y:\r\n"
		"远程名称          \\\\nas.lindexi.com\\Data\r\n"
		"资源类型          磁盘\r\n"
		"状态              不可用\r\n"
		"# 打开            0\r\n"
		"# 连接            0\r\n"
		"命令成功完成。\r\n");
	r = detail(a, &t, PARSE_OK, BID_STRONG);
	if (r && r->blocks.n == 1) {
		CHECK_STR(r->blocks.v[0].local, "Y:");
		CHECK_STR(r->blocks.v[0].remote, "\\\\nas.lindexi.com\\Data");
		CHECK_INT(r->blocks.v[0].status, CONN_UNAVAILABLE);
		CHECK_STR(r->blocks.v[0].status_text, "不可用");
		CHECK_INT(r->blocks.v[0].remote_line, 2);
	} else {
		CHECK(0);
	}
}

static void test_with_error(struct arena *a)
{
	/* a detail followed by an error in the same capture */
	struct lines t = nu_text(a,
		"Local name        L:\n"
		"Remote name       \\\\fs01\\data\n"
		"Resource type     Disk\n"
		"Status            Unavailable\n"
		"# Opens           0\n"
		"# Connections     0\n"
		"The command completed successfully.\n\n"
		"C:\\>net use M: \\\\fs01\\data\n"
		"System error 1219 has occurred.\n\n"
		"Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.\n");
	int rc, bid;
	const struct netuse_detail_result *r = nu_run(&netuse_detail_parser, a, &t, &rc, &bid);
	CHECK_INT(rc, PARSE_OK);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->blocks.n == 1 && r->blocks.v[0].status == CONN_UNAVAILABLE);
	CHECK(r && r->errors.errors.n == 1 && r->errors.errors.v[0].code == 1219);
	CHECK_STR(r && r->errors.errors.n ? r->errors.errors.v[0].command : NULL, "net use M: \\\\fs01\\data");
}

static void test_not_detail(struct arena *a)
{
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	const char *texts[] = {
		/* cmdkey */
		"Currently stored credentials:\n\n    Target: Domain:target=fs01\n    Type: Domain Password\n    User: CONTOSO\\alice\n",
		/* reg query */
		"HKEY_CURRENT_USER\\Network\\Z\n    RemotePath    REG_SZ    \\\\fs01\\data\n    UserName    REG_SZ    \n    ProviderName    REG_SZ    Microsoft Windows Network\n",
		/* a transcript line */
		"PS C:\\> net use Z: \\\\fs01\\data\nThe command completed successfully.\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct lines t = nu_text(a, texts[i]);
		int b = netuse_detail_parser.bid(&t, &ctx);
		if (b > BID_WEAK)
			fprintf(stderr, "detail bid %d on text %zu\n", b, i);
		CHECK(b <= BID_WEAK);
	}
}

int main(void)
{
	struct arena *a = arena_new(256u << 20);
	test_s2a(a);
	test_s2b(a);
	test_s2c(a);
	test_localized(a);
	test_with_error(a);
	test_not_detail(a);
	arena_free(a);
	return check_exit();
}
