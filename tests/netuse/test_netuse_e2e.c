/* The net use family through the whole pipeline: the bytes a customer sends
 * (UTF-16LE with BOM from Windows PowerShell 5.1, CP936 from cmd on a
 * Chinese Windows, UTF-8) -> artefact_add_bytes -> case model facts. */
#include "analyzer/case.h"
#include "nu_helpers.h"
#include "parsers/artefact.h"

struct e2e {
	struct artefact_set *set;
	struct case_model cm;
	struct arena *ca;
	const struct artefact *art;
};

static int e2e_open(struct e2e *e, const char *name, const char *codepage)
{
	memset(e, 0, sizeof *e);
	size_t len;
	char *raw = nu_fixture(name, &len);
	if (!raw)
		return -1;
	struct limits lim;
	limits_default(&lim);
	lim.codepage = codepage;
	e->set = artefact_set_new(&lim);
	char path[256];
	snprintf(path, sizeof path, "case.zip!/%s", name);
	e->art = artefact_add_bytes(e->set, path, (const uint8_t *)raw, len);
	free(raw);
	CHECK(e->art != NULL);
	e->ca = arena_new(64u << 20);
	CHECK_INT(case_build(&e->cm, e->ca, e->set), 0);
	return e->art ? 0 : -1;
}

static void e2e_close(struct e2e *e)
{
	arena_free(e->ca);
	artefact_set_free(e->set);
}

static const struct f_netuse_row *row_for(const struct case_model *cm, const char *drive)
{
	for (size_t i = 0; i < cm->netuse_rows.n; i++)
		if (cm->netuse_rows.v[i].drive && !strcmp(cm->netuse_rows.v[i].drive, drive))
			return &cm->netuse_rows.v[i];
	return NULL;
}

static void test_ps51_utf16(void)
{
	struct e2e e;
	if (e2e_open(&e, "ps51_netuse_utf16le_bom.txt", NULL) != 0)
		return;
	CHECK_STR(e.art->encoding, "utf-16le-bom");
	CHECK_STR(e.art->kind, "net-use");
	CHECK_STR(art_status_name(e.art->status), "parsed");
	CHECK_INT(e.cm.netuse_listings.n, 1);
	if (e.cm.netuse_listings.n) {
		const struct f_netuse_listing *L = &e.cm.netuse_listings.v[0];
		CHECK_INT(L->remembered, TRI_YES);
		CHECK_INT(L->remembered_ev.line, 1);
		CHECK_STR(L->remembered_ev.text, "New connections will be remembered.");
		CHECK_INT(L->empty, 0);
		CHECK_INT(L->ev.line, 6);
	}
	CHECK_INT(e.cm.netuse_rows.n, 2);
	const struct f_netuse_row *l = row_for(&e.cm, "L:");
	CHECK(l != NULL);
	if (l) {
		CHECK_STR(l->remote, "\\\\fs01.contoso.com\\data");
		CHECK_STR(l->provider, "Microsoft Windows Network");
		CHECK_INT(l->status, CONN_OK);
		CHECK_STR(l->ev.artefact, "case.zip!/ps51_netuse_utf16le_bom.txt");
		CHECK_INT(l->ev.line, 7);
		CHECK(l->ev.text && !strncmp(l->ev.text, "OK           L:", 15));
	}
	const struct f_netuse_row *p = row_for(&e.cm, "P:");
	CHECK(p && p->status == CONN_UNAVAILABLE && !strcmp(p->status_text, "Unavailable"));
	e2e_close(&e);
}

static void test_zh_cp936(const char *codepage)
{
	struct e2e e;
	if (e2e_open(&e, "zh_cn_cp936.txt", codepage) != 0)
		return;
	CHECK_STR(e.art->encoding, "cp936");
	CHECK_STR(e.art->kind, "net-use");
	CHECK_INT(e.cm.netuse_rows.n, 4);
	const struct f_netuse_row *y = row_for(&e.cm, "Y:");
	CHECK(y != NULL);
	if (y) {
		CHECK_INT(y->status, CONN_UNAVAILABLE);
		CHECK_STR(y->status_text, "不可用");
		CHECK_STR(y->remote, "\\\\nas.lindexi.com\\Data");
		CHECK_INT(y->ev.line, 8);
	}
	size_t deviceless = 0;
	for (size_t i = 0; i < e.cm.netuse_rows.n; i++)
		if (!e.cm.netuse_rows.v[i].drive)
			deviceless++;
	CHECK_INT(deviceless, 2);
	CHECK(e.cm.netuse_listings.n == 1 && e.cm.netuse_listings.v[0].remembered == TRI_YES);
	e2e_close(&e);
}

static void test_errors(void)
{
	struct e2e e;
	if (e2e_open(&e, "err_ps_native_85.txt", NULL) != 0)
		return;
	CHECK_INT(e.cm.errors.n, 1);
	if (e.cm.errors.n) {
		CHECK_INT(e.cm.errors.v[0].code, 85);
		CHECK_STR(e.cm.errors.v[0].message, "The local device name is already in use.");
		CHECK(e.cm.errors.v[0].command && strstr(e.cm.errors.v[0].command, "net use Z: \\\\fs01\\data"));
		CHECK_INT(e.cm.errors.v[0].ev.line, 2);
	}
	e2e_close(&e);

	if (e2e_open(&e, "listing_with_error.txt", NULL) != 0)
		return;
	CHECK_INT(e.cm.errors.n, 1);
	if (e.cm.errors.n) {
		CHECK_INT(e.cm.errors.v[0].code, 85);
		CHECK_INT(e.cm.errors.v[0].ev.line, 2);
		CHECK(e.cm.errors.v[0].command && strstr(e.cm.errors.v[0].command, "net use Z: \\\\fs01\\data"));
	}
	const struct f_netuse_row *z = row_for(&e.cm, "Z:");
	CHECK(z && !strcmp(z->remote, "\\\\fs02\\data") && z->ev.line == 13);
	e2e_close(&e);

	if (e2e_open(&e, "err_3510_conflict.txt", NULL) != 0)
		return;
	CHECK(e.cm.errors.n == 1 && e.cm.errors.v[0].code == 3510);
	e2e_close(&e);
}

static void test_detail(void)
{
	struct e2e e;
	if (e2e_open(&e, "s2c_detail_letter.txt", NULL) != 0)
		return;
	const struct f_netuse_row *y = row_for(&e.cm, "Y:");
	CHECK(y != NULL);
	if (y) {
		CHECK_STR(y->remote, "\\\\sshfs\\support@192.168.100.201");
		CHECK_INT(y->status, CONN_UNKNOWN);
		CHECK_INT(y->ev.line, 3);
	}
	e2e_close(&e);

	if (e2e_open(&e, "s2a_detail_unc.txt", NULL) != 0)
		return;
	CHECK_INT(e.cm.netuse_rows.n, 1);
	if (e.cm.netuse_rows.n) {
		CHECK(e.cm.netuse_rows.v[0].drive == NULL);
		CHECK_STR(e.cm.netuse_rows.v[0].remote, "\\\\10.10.14.134\\share");
		CHECK_INT(e.cm.netuse_rows.v[0].status, CONN_OK);
	}
	e2e_close(&e);
}

static void test_bytes(void)
{
	/* a Dutch detail with a lower-case drive, and a listing with a printer port */
	static const char nl[] = "Lokale naam             z:\r\n"
				 "Externe naam            \\\\nas\\backup\r\n"
				 "Brontype                Schijf\r\n"
				 "Status                  OK\r\n"
				 "# Geopend               0\r\n"
				 "# Verbindingen          1\r\n";
	static const char lpt[] = "New connections will be remembered.\r\n\r\n"
				  "Status       Local     Remote                    Network\r\n\r\n"
				  "-------------------------------------------------------------------------------\r\n"
				  "OK           LPT1:     \\\\prn01\\laser            Microsoft Windows Network\r\n"
				  "OK           z:        \\\\fs01\\data              Microsoft Windows Network\r\n";
	struct artefact_set *set = artefact_set_new(NULL);
	artefact_add_bytes(set, "nl.txt", (const uint8_t *)nl, sizeof nl - 1);
	artefact_add_bytes(set, "lpt.txt", (const uint8_t *)lpt, sizeof lpt - 1);
	struct arena *ca = arena_new(16u << 20);
	struct case_model cm;
	CHECK_INT(case_build(&cm, ca, set), 0);
	CHECK_INT(cm.netuse_rows.n, 2); /* the printer port is not a drive */
	if (cm.netuse_rows.n == 2) {
		CHECK_STR(cm.netuse_rows.v[0].drive, "Z:");
		CHECK_STR(cm.netuse_rows.v[0].remote, "\\\\nas\\backup");
		CHECK_STR(cm.netuse_rows.v[0].ev.artefact, "nl.txt");
		CHECK_INT(cm.netuse_rows.v[0].ev.line, 2);
		CHECK_STR(cm.netuse_rows.v[1].drive, "Z:");
		CHECK_INT(cm.netuse_rows.v[1].ev.line, 7);
	}
	arena_free(ca);
	artefact_set_free(set);
}

int main(void)
{
	test_ps51_utf16();
	test_zh_cp936(NULL);   /* detected */
	test_zh_cp936("936");  /* --codepage 936 */
	test_errors();
	test_detail();
	test_bytes();
	return check_exit();
}
