/* net-use listing parser: the verified samples (windows-output-en.md §1.1),
 * localized listings, wrapped rows, remotes with spaces, other providers. */
#include "nu_helpers.h"

#define MWN "Microsoft Windows Network"

static const struct netuse_result *listing(struct arena *a, const char *name, const char *enc,
					   int want_rc, int min_bid)
{
	struct lines t = nu_lines(a, name, enc);
	int rc, bid;
	const struct netuse_result *r = nu_run(&netuse_parser, a, &t, &rc, &bid);
	if (rc != want_rc || bid < min_bid)
		fprintf(stderr, "%s: rc %d bid %d\n", name, rc, bid);
	CHECK_INT(rc, want_rc);
	CHECK(bid >= min_bid);
	CHECK(r != NULL);
	return r;
}

static void check_row(const struct netuse_row *r, enum conn_status st, const char *st_text,
		      const char *local, const char *remote, const char *provider, uint32_t line)
{
	CHECK_INT(r->status, st);
	CHECK_STR(r->status_text, st_text);
	if (local)
		CHECK_STR(r->local, local);
	else
		CHECK(r->local == NULL);
	CHECK_STR(r->remote, remote);
	if (provider)
		CHECK_STR(r->provider, provider);
	else
		CHECK(r->provider == NULL);
	CHECK_INT(r->line, line);
}

static void test_s1_1a(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1a_unavailable.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_YES);
	CHECK_INT(L->remembered_line, 2);
	CHECK_STR(L->language, "en");
	CHECK_INT(L->header_line, 4);
	CHECK_INT(L->dashes_line, 6);
	CHECK_INT(L->empty, 0);
	CHECK_INT(L->rows.n, 1);
	check_row(&L->rows.v[0], CONN_UNAVAILABLE, "Unavailable", "M:", "\\\\10.0.67.250\\share1", MWN, 7);
	CHECK_STR(L->footer, "The command completed successfully.");
	CHECK_INT(L->footer_line, 8);
	CHECK_INT(r->errors.errors.n, 0);
}

static void test_s1_1b(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1b_wrapped_winfsp.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_NO);
	CHECK_INT(L->header_line, 4);
	CHECK_INT(L->dashes_line, 5);
	CHECK_INT(L->rows.n, 1);
	const struct netuse_row *row = &L->rows.v[0];
	check_row(row, CONN_BLANK, "", "Q:", "\\\\sshfs\\root@192.168.1.240", "WinFsp.Np", 6);
	CHECK_INT(row->wrapped, 1);
	CHECK_INT(row->provider_line, 7);
}

static void test_s1_1c(struct arena *a)
{
	/* header only (no remember line), German header words, wrapped row */
	const struct netuse_result *r = listing(a, "s1_1c_wrapped_german_header.txt", NULL, PARSE_OK, 90);
	if (!r || r->listings.n != 1) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_UNKNOWN);
	CHECK(L->remembered_text == NULL);
	CHECK_STR(L->header, "Status       Lokal     Remote                    Netzwerk");
	CHECK_INT(L->rows.n, 1);
	check_row(&L->rows.v[0], CONN_OK, "OK", "M:", "\\\\s000b153.kasserver.com\\s000b153", MWN, 4);
	CHECK(L->footer == NULL);
}

static void test_s1_1d(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1d_mixed.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 4) {
		CHECK(0);
		return;
	}
	const struct netuse_row *v = r->listings.v[0].rows.v;
	check_row(&v[0], CONN_OK, "OK", "S:", "\\\\tower\\Movies", MWN, 6);
	check_row(&v[1], CONN_OK, "OK", NULL, "\\\\tower\\Buildings", MWN, 7);
	check_row(&v[2], CONN_BLANK, "", "T:", "\\\\tower\\Music", MWN, 8);
	check_row(&v[3], CONN_UNAVAILABLE, "Unavailable", "U:", "\\\\tower\\Pictures", MWN, 9);
	CHECK_INT(r->listings.v[0].footer_line, 10);
}

static void test_s1_1e(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1e_unraid_two_listings.txt", NULL, PARSE_OK,
						BID_CERTAIN);
	if (!r || r->listings.n != 2) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered_line, 3);
	CHECK_INT(L->dashes_line, 8);
	if (L->rows.n == 4) {
		check_row(&L->rows.v[0], CONN_OK, "OK", "V:", "\\\\192.168.1.200\\config", MWN, 9);
		check_row(&L->rows.v[1], CONN_DISCONNECTED, "Disconnected", NULL, "\\\\169.254.0.2\\rA", MWN, 10);
		check_row(&L->rows.v[2], CONN_DISCONNECTED, "Disconnected", NULL,
			  "\\\\UNRAID\\Seagate_Expansion_Drive", MWN, 11);
		CHECK_INT(L->rows.v[2].provider_line, 12);
		check_row(&L->rows.v[3], CONN_OK, "OK", NULL, "\\\\UNRAID\\IPC$", MWN, 13);
	} else {
		CHECK_INT(L->rows.n, 4);
	}
	const struct netuse_listing *M = &r->listings.v[1];
	CHECK_INT(M->remembered, TRI_YES);
	CHECK_INT(M->remembered_line, 17);
	if (M->rows.n == 2) {
		check_row(&M->rows.v[0], CONN_BLANK, "", "A:", "\\\\UNRAID\\rA\\", "NFS Network", 23);
		check_row(&M->rows.v[1], CONN_OK, "OK", "V:", "\\\\192.168.1.200\\config", MWN, 24);
	} else {
		CHECK_INT(M->rows.n, 2);
	}
}

static void test_s1_1f(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1f_disconnected.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 2) {
		CHECK(0);
		return;
	}
	const struct netuse_row *v = r->listings.v[0].rows.v;
	/* "Disconnected" fills the 12-column field and touches the drive */
	check_row(&v[0], CONN_DISCONNECTED, "Disconnected", "Y:", "\\\\10.10.10.9\\C$", MWN, 9);
	check_row(&v[1], CONN_OK, "OK", "Z:", "\\\\10.10.10.15\\C$", MWN, 10);
}

static void test_s1_1g(struct arena *a)
{
	/* the author anonymised the server, which moved the provider column */
	const struct netuse_result *r = listing(a, "s1_1g_not_remembered.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 3) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_NO);
	CHECK_INT(L->remembered_line, 1);
	check_row(&L->rows.v[0], CONN_UNAVAILABLE, "Unavailable", "G:", "\\\\company_name.local\\grp", MWN, 7);
	check_row(&L->rows.v[1], CONN_UNAVAILABLE, "Unavailable", "H:",
		  "\\\\company_name.local\\usr\\GMBH\\work_ID", MWN, 8);
	CHECK_INT(L->rows.v[1].wrapped, 1);
	check_row(&L->rows.v[2], CONN_BLANK, "", "O:", "\\\\company_name.local\\free", MWN, 10);
}

static void test_empty(struct arena *a)
{
	const struct netuse_result *r = listing(a, "s1_1h_empty.txt", NULL, PARSE_OK, BID_STRONG);
	if (r && r->listings.n == 1) {
		CHECK_INT(r->listings.v[0].empty, 1);
		CHECK_INT(r->listings.v[0].empty_line, 2);
		CHECK_INT(r->listings.v[0].remembered, TRI_UNKNOWN);
		CHECK_INT(r->listings.v[0].rows.n, 0);
	} else {
		CHECK(0);
	}
	r = listing(a, "empty_with_remember.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (r && r->listings.n == 1) {
		CHECK_INT(r->listings.v[0].empty, 1);
		CHECK_INT(r->listings.v[0].remembered, TRI_YES);
		CHECK_INT(r->listings.v[0].remembered_line, 1);
		CHECK_INT(r->listings.v[0].empty_line, 3);
	} else {
		CHECK(0);
	}
	/* localized no-entries messages */
	const char *msgs[] = {
		"会记录新的网络连接。\r\n\r\n列表是空的。\r\n",
		"新しい接続は記憶されます。\r\n\r\n一覧にエントリが存在しません。\r\n",
		"Neue Verbindungen werden gespeichert.\r\n\r\nEs sind keine Einträge in der Liste.\r\n",
	};
	for (size_t i = 0; i < 3; i++) {
		struct lines t = nu_text(a, msgs[i]);
		int rc, bid;
		const struct netuse_result *x = nu_run(&netuse_parser, a, &t, &rc, &bid);
		CHECK_INT(rc, PARSE_OK);
		CHECK_INT(bid, BID_CERTAIN);
		CHECK(x && x->listings.n == 1 && x->listings.v[0].empty && x->listings.v[0].remembered == TRI_YES);
	}
}

static void test_zh(struct arena *a, const char *name, const char *enc)
{
	const struct netuse_result *r = listing(a, name, enc, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 4) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_YES);
	CHECK_STR(L->language, "zh-CN");
	CHECK_STR(L->remembered_text, "会记录新的网络连接。");
	check_row(&L->rows.v[0], CONN_OK, "OK", "K:", "\\\\192.168.0.102\\file", MWN, 7);
	/* 不可用 is 6 columns (6 OEM bytes): the drive still sits at column 13 */
	check_row(&L->rows.v[1], CONN_UNAVAILABLE, "不可用", "Y:", "\\\\nas.lindexi.com\\Data", MWN, 8);
	check_row(&L->rows.v[2], CONN_DISCONNECTED, "已断开连接", NULL, "\\\\192.168.246.128\\IPC$", MWN, 9);
	check_row(&L->rows.v[3], CONN_BLANK, "", NULL, "\\\\TSCLIENT\\C", "Microsoft Terminal Services", 10);
	CHECK_STR(L->footer, "命令成功完成。");
}

static void test_ja(struct arena *a)
{
	const struct netuse_result *r = listing(a, "ja_jp_cp932.txt", "CP932", PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 4) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_YES);
	CHECK_STR(L->language, "ja");
	check_row(&L->rows.v[0], CONN_OK, "OK", "Z:", "\\\\127.0.0.1\\share", MWN, 7);
	check_row(&L->rows.v[1], CONN_UNAVAILABLE, "利用不可", "V:", "\\\\192.168.11.1\\Share", MWN, 8);
	check_row(&L->rows.v[2], CONN_DISCONNECTED, "切断", "W:", "\\\\landisk\\disk", MWN, 9);
	check_row(&L->rows.v[3], CONN_OK, "OK", "X:", "\\\\servername-nuc\\Downloads", MWN, 10);
	CHECK_INT(L->rows.v[3].provider_line, 11);
	CHECK_STR(L->footer, "コマンドは正常に終了しました。");

	/* half-width full stop, Yen signs for backslashes, 80 dashes, indent 50 ([J4c], [J4d]) */
	struct lines t = nu_text(a,
		"新しい接続は記憶されます｡\n\n"
		"ステータス  ローカル名 リモート名                ネットワーク名\n\n"
		"--------------------------------------------------------------------------------\n"
		"利用不可     V:        ¥¥192.168.11.1¥Share      Microsoft Windows Network\n"
		"OK           X:        ¥¥servername-nuc¥Downloads\n"
		"                                                  Microsoft Windows Network\n");
	int rc, bid;
	const struct netuse_result *y = nu_run(&netuse_parser, a, &t, &rc, &bid);
	CHECK_INT(rc, PARSE_OK);
	CHECK_INT(bid, BID_CERTAIN);
	if (y && y->listings.n == 1 && y->listings.v[0].rows.n == 2) {
		CHECK_INT(y->listings.v[0].remembered, TRI_YES);
		check_row(&y->listings.v[0].rows.v[0], CONN_UNAVAILABLE, "利用不可", "V:",
			  "\\\\192.168.11.1\\Share", MWN, 6);
		check_row(&y->listings.v[0].rows.v[1], CONN_OK, "OK", "X:", "\\\\servername-nuc\\Downloads",
			  MWN, 7);
	} else {
		CHECK(0);
	}
}

static void test_de(struct arena *a)
{
	const struct netuse_result *r = listing(a, "de_de_cp850.txt", "CP850", PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 4) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_NO);
	CHECK_STR(L->language, "de");
	check_row(&L->rows.v[0], CONN_OK, "OK", "G:", "\\\\ALPHA\\BETA", MWN, 7);
	check_row(&L->rows.v[1], CONN_OK, "OK", NULL, "\\\\psi\\folder", MWN, 8);
	/* a status longer than its field pushes the drive and remote right */
	check_row(&L->rows.v[2], CONN_UNAVAILABLE, "Nicht verfügbar", "Y:", "\\\\fs01\\Abteilung", MWN, 9);
	check_row(&L->rows.v[3], CONN_DISCONNECTED, "Getrennt", "H:", "\\\\fs01\\home", MWN, 10);
	CHECK_STR(L->footer, "Der Befehl wurde erfolgreich ausgeführt.");
}

static void test_fr(struct arena *a)
{
	const struct netuse_result *r = listing(a, "fr_fr_cp850.txt", "CP850", PARSE_OK, BID_CERTAIN);
	if (r && r->listings.n == 1 && r->listings.v[0].rows.n == 3) {
		const struct netuse_listing *L = &r->listings.v[0];
		CHECK_INT(L->remembered, TRI_NO);
		CHECK_STR(L->language, "fr");
		CHECK_INT(L->header_line, 2);
		check_row(&L->rows.v[0], CONN_OK, "OK", "P:", "\\\\ana\\PIPELINE", MWN, 5);
		check_row(&L->rows.v[1], CONN_DISCONNECTED, "Déconnecté", "Q:", "\\\\ana\\RENDER", MWN, 6);
		check_row(&L->rows.v[2], CONN_UNAVAILABLE, "Non disponible", "R:", "\\\\ana\\ARCHIVES", MWN, 7);
		CHECK_STR(L->footer, "La commande s'est terminée correctement.");
		CHECK_INT(L->footer_line, 9);
	} else {
		CHECK(0);
	}
	/* [F1]: the CP850 accents were lost (U+FFFD) before the file reached us */
	r = listing(a, "fr_fr_misdecoded.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (r && r->listings.n == 1 && r->listings.v[0].rows.n == 1) {
		CHECK_INT(r->listings.v[0].remembered, TRI_NO);
		check_row(&r->listings.v[0].rows.v[0], CONN_OK, "OK", "P:", "\\\\ana\\PIPELINE", MWN, 5);
		CHECK_INT(r->listings.v[0].footer_line, 7);
	} else {
		CHECK(0);
	}
}

static void test_unknown_language(struct arena *a)
{
	/* Norwegian: remember line unknown (kept, tri unknown); status cut to 12 */
	const struct netuse_result *r = listing(a, "no_nb_truncated.txt", "CP850", PARSE_OK, 90);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 2) {
		CHECK(0);
		return;
	}
	const struct netuse_listing *L = &r->listings.v[0];
	CHECK_INT(L->remembered, TRI_UNKNOWN);
	CHECK_STR(L->remembered_text, "Nye tilkoblinger vil bli lagret.");
	CHECK_INT(L->remembered_line, 1);
	CHECK(L->language == NULL);
	check_row(&L->rows.v[0], CONN_UNAVAILABLE, "Ikke tilgjen", "K:", "\\\\server\\felles", MWN, 7);
	CHECK_STR(L->footer, "Kommandoen er fullført.");
}

static void test_shapes(struct arena *a)
{
	const struct netuse_result *r = listing(a, "shapes_wrap_spaces.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1 || r->listings.v[0].rows.n != 9) {
		CHECK(0);
		if (r && r->listings.n)
			fprintf(stderr, "rows: %zu\n", r->listings.v[0].rows.n);
		return;
	}
	const struct netuse_row *v = r->listings.v[0].rows.v;
	check_row(&v[0], CONN_OK, "OK", "E:", "\\\\fileserver01\\department", MWN, 7); /* 25: inline */
	CHECK_INT(v[0].wrapped, 0);
	check_row(&v[1], CONN_OK, "OK", "F:", "\\\\fileserver01\\departments", MWN, 8); /* 26 */
	CHECK_INT(v[1].wrapped, 1);
	CHECK_INT(v[1].provider_line, 9);
	check_row(&v[2], CONN_UNAVAILABLE, "Unavailable", "G:", "\\\\fileserver01.contoso.com\\share", MWN, 10);
	check_row(&v[3], CONN_BLANK, "", "H:", "\\\\fileserver01.contoso.com\\shares", MWN, 12);
	check_row(&v[4], CONN_DISCONNECTED, "Disconnected", "I:",
		  "\\\\fileserver01.contoso.com\\Engineering\\Build\\Nightly1", MWN, 14);
	CHECK_INT(strlen(v[4].remote), 53);
	check_row(&v[5], CONN_OK, "OK", "K:", "\\\\nas\\Team Share", MWN, 16);
	check_row(&v[6], CONN_OK, "OK", "L:", "\\\\nas\\Finance Reports 2024 Q4", MWN, 17);
	check_row(&v[7], CONN_BLANK, "", "W:", "\\\\live.sharepoint.com@SSL\\DavWWWRoot", "Web Client Network", 19);
	check_row(&v[8], CONN_OK, "OK", NULL, "\\\\fs01\\IPC$", MWN, 21);
	CHECK_INT(r->listings.v[0].footer_line, 22);

	/* remotes with spaces, inline, and an unknown provider at column 49 */
	struct lines t = nu_text(a,
		"New connections will be remembered.\n\n"
		"Status       Local     Remote                    Network\n\n"
		"-------------------------------------------------------------------------------\n"
		"OK           P:        \\\\srv\\My Docs             Contoso DFS Client\n"
		"OK           Q:        \\\\srv\\a b                 X\n"
		"             R:        \\\\srv\\twenty five chars  Some Provider\n"
		"The command completed successfully.\n");
	int rc, bid;
	const struct netuse_result *y = nu_run(&netuse_parser, a, &t, &rc, &bid);
	CHECK_INT(rc, PARSE_OK);
	if (y && y->listings.n == 1 && y->listings.v[0].rows.n == 3) {
		check_row(&y->listings.v[0].rows.v[0], CONN_OK, "OK", "P:", "\\\\srv\\My Docs", "Contoso DFS Client", 6);
		check_row(&y->listings.v[0].rows.v[1], CONN_OK, "OK", "Q:", "\\\\srv\\a b", "X", 7);
		check_row(&y->listings.v[0].rows.v[2], CONN_BLANK, "", "R:", "\\\\srv\\twenty five chars",
			  "Some Provider", 8);
	} else {
		CHECK(0);
	}
}

static void test_indented(struct arena *a)
{
	/* pasted with an indentation of 4 (write-ups), and a printer port */
	struct lines t = nu_text(a,
		"    New connections will be remembered.\n\n\n"
		"    Status       Local     Remote                    Network\n\n"
		"    -------------------------------------------------------------------------------\n"
		"    OK           Z:        \\\\fs01\\data              Microsoft Windows Network\n"
		"    Reconnecting Y:        \\\\fs01.contoso.com\\projects\n"
		"                                                    Microsoft Windows Network\n"
		"    OK           LPT1:     \\\\prn01\\laser            Microsoft Windows Network\n"
		"    The command completed successfully.\n");
	int rc, bid;
	const struct netuse_result *r = nu_run(&netuse_parser, a, &t, &rc, &bid);
	CHECK_INT(rc, PARSE_OK);
	CHECK_INT(bid, BID_CERTAIN);
	if (r && r->listings.n == 1 && r->listings.v[0].rows.n == 3) {
		check_row(&r->listings.v[0].rows.v[0], CONN_OK, "OK", "Z:", "\\\\fs01\\data", MWN, 7);
		check_row(&r->listings.v[0].rows.v[1], CONN_RECONNECTING, "Reconnecting", "Y:",
			  "\\\\fs01.contoso.com\\projects", MWN, 8);
		check_row(&r->listings.v[0].rows.v[2], CONN_OK, "OK", "LPT1:", "\\\\prn01\\laser", MWN, 10);
	} else {
		CHECK(0);
	}
}

static void test_listing_with_error(struct arena *a)
{
	const struct netuse_result *r = listing(a, "listing_with_error.txt", NULL, PARSE_OK, BID_CERTAIN);
	if (!r || r->listings.n != 1) {
		CHECK(0);
		return;
	}
	CHECK_INT(r->listings.v[0].rows.n, 1);
	if (r->listings.v[0].rows.n)
		check_row(&r->listings.v[0].rows.v[0], CONN_OK, "OK", "Z:", "\\\\fs02\\data", MWN, 13);
	CHECK_INT(r->listings.v[0].remembered_line, 7);
	CHECK_INT(r->errors.errors.n, 1);
	if (r->errors.errors.n) {
		const struct neterr *e = &r->errors.errors.v[0];
		CHECK_INT(e->code, 85);
		CHECK_INT(e->line, 2);
		CHECK_STR(e->message, "The local device name is already in use.");
		CHECK_STR(e->command, "net use Z: \\\\fs01\\data 1>>out.txt 2>&1");
	}
}

static void test_partial(struct arena *a)
{
	/* junk after the listing is reported, the rows are kept */
	struct lines t = nu_text(a,
		"New connections will be remembered.\n\n"
		"Status       Local     Remote                    Network\n\n"
		"-------------------------------------------------------------------------------\n"
		"OK           Z:        \\\\fs\\d                    Microsoft Windows Network\n"
		"The command completed successfully.\n"
		"[Z:Share]\n$ pwd\n");
	int rc, bid;
	const struct netuse_result *r = nu_run(&netuse_parser, a, &t, &rc, &bid);
	CHECK_INT(rc, PARSE_PARTIAL);
	CHECK(r && r->listings.n == 1 && r->listings.v[0].rows.n == 1);
}

/* The listing must win against the other net parsers, and not bid on others' texts. */
static void test_bids(struct arena *a)
{
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	struct lines t = nu_lines(a, "s1_1d_mixed.txt", NULL);
	CHECK(netuse_parser.bid(&t, &ctx) > neterror_parser.bid(&t, &ctx));
	CHECK_INT(netuse_detail_parser.bid(&t, &ctx), 0);
	CHECK_INT(neterror_parser.bid(&t, &ctx), 0);
	t = nu_lines(a, "listing_with_error.txt", NULL);
	CHECK(netuse_parser.bid(&t, &ctx) > neterror_parser.bid(&t, &ctx));
	t = nu_lines(a, "shapes_wrap_spaces.txt", NULL);
	CHECK_INT(netuse_detail_parser.bid(&t, &ctx), 0);

	const char *others[] = {
		/* Get-SmbMapping: dashes in runs separated by spaces */
		"\r\nStatus       Local Path Remote Path\r\n------       ---------- -----------\r\n"
		"Unavailable  Y:         \\\\nas.lindexi.com\\Data\r\n",
		/* net share: 79 dashes but no \\ remotes */
		"\nShare name   Resource                        Remark\n\n"
		"-------------------------------------------------------------------------------\n"
		"C$           C:\\                             Default share\n"
		"IPC$                                         Remote IPC\n"
		"The command completed successfully.\n",
		/* net view: \\ names at column 0 */
		"Server Name            Remark\n\n"
		"-------------------------------------------------------------------------------\n"
		"\\\\FS01\n\\\\FS02                  Files\nThe command completed successfully.\n",
		/* whoami */
		"USER INFORMATION\n----------------\n\nUser Name SID\n========= ========\nx\\y S-1-5-21-1\n",
		/* net use detail */
		"Local name        Y:\nRemote name       \\\\srv\\s\nResource type     Disk\nStatus            OK\n",
		/* errors only */
		"System error 53 has occurred.\n\nThe network path was not found.\n",
	};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		t = nu_text(a, others[i]);
		int b = netuse_parser.bid(&t, &ctx);
		if (b > BID_WEAK)
			fprintf(stderr, "net-use bid %d on other text %zu\n", b, i);
		CHECK(b <= BID_WEAK);
	}
}

static void test_status_words(void)
{
	CHECK_INT(netuse_status_from_text("OK", 2), CONN_OK);
	CHECK_INT(netuse_status_from_text("", 0), CONN_BLANK);
	CHECK_INT(netuse_status_from_text("   ", 3), CONN_BLANK);
	CHECK_INT(netuse_status_from_text("Reconnecting", 12), CONN_RECONNECTING);
	CHECK_INT(netuse_status_from_text("Nicht verfüg", strlen("Nicht verfüg")), CONN_UNAVAILABLE);
	CHECK_INT(netuse_status_from_text("D\xEF\xBF\xBD" "connect\xEF\xBF\xBD", 14), CONN_DISCONNECTED);
	CHECK_INT(netuse_status_from_text("Weird", 5), CONN_OTHER);
	CHECK_INT(netuse_status_from_text("O", 1), CONN_OTHER);
}

int main(void)
{
	struct arena *a = arena_new(256u << 20);
	test_s1_1a(a);
	test_s1_1b(a);
	test_s1_1c(a);
	test_s1_1d(a);
	test_s1_1e(a);
	test_s1_1f(a);
	test_s1_1g(a);
	test_empty(a);
	test_zh(a, "zh_cn_cp936.txt", "CP936");
	test_zh(a, "zh_cn_utf16le_bom.txt", "UTF-16LE");
	test_ja(a);
	test_de(a);
	test_fr(a);
	test_unknown_language(a);
	test_shapes(a);
	test_indented(a);
	test_listing_with_error(a);
	test_partial(a);
	test_bids(a);
	test_status_words();
	arena_free(a);
	return check_exit();
}
