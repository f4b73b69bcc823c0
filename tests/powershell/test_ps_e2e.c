/* End to end: the bytes a customer sends (UTF-16LE with BOM and CRLF from
 * Windows PowerShell 5.1, UTF-8 from PowerShell 7, OEM code pages from cmd)
 * through artefact_add_bytes(), then the case model the engine reads. */
#include "analyzer/case.h"
#include "parsers/artefact.h"
#include "ps_helpers.h"

static const struct artefact *add_fixture(struct artefact_set *set, const char *name)
{
	size_t len;
	char *b = ps_fixture(name, &len);
	if (!b)
		return NULL;
	const struct artefact *art = artefact_add_bytes(set, name, (const uint8_t *)b, len);
	free(b);
	return art;
}

static const struct artefact *add_text(struct artefact_set *set, const char *name, const char *text,
				       const char *enc, int bom)
{
	size_t len;
	unsigned char *b = ps_encode(text, enc, bom, &len);
	const struct artefact *art = artefact_add_bytes(set, name, b, len);
	free(b);
	return art;
}

static const void *result_of(const struct artefact *art, const char *kind)
{
	CHECK(art != NULL);
	if (!art)
		return NULL;
	if (strcmp(art->kind, "transcript") != 0)
		CHECK_STR(art->kind, kind);
	for (size_t i = 0; i < art->segs.n; i++)
		if (art->segs.v[i].result && !strcmp(art->segs.v[i].kind, kind))
			return art->segs.v[i].result;
	fprintf(stderr, "%s: no %s result (status %s, reason %s)\n", art->path, kind,
		art_status_name(art->status), art->reason ? art->reason : "-");
	CHECK(0);
	return NULL;
}

int main(void)
{
	struct artefact_set *set = artefact_set_new(NULL);

	/* Export-Clixml from Windows PowerShell 5.1: UTF-16LE + BOM */
	const struct artefact *x = add_fixture(set, "gmap-clixml-u32-ps51.xml");
	CHECK(x && x->encoding && !strcmp(x->encoding, "utf-16le-bom"));
	result_of(x, "smb-global-mapping");
	CHECK(x && x->status == ART_PARSED);

	/* the same with an XML declaration that says utf-16 */
	size_t xl;
	char *xml = ps_fixture("gmap-clixml-u32.xml", &xl);
	if (xml) {
		char *decl = malloc(xl + 64);
		sprintf(decl, "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n%s", xml);
		for (char *p = decl; *p; p++)
			if (*p == '\r')
				*p = ' ';
		add_text(set, "decl.xml", decl, "UTF-16LE", 1);
		free(decl);
		free(xml);
	}
	const struct artefact *decl_art = &set->items.v[set->items.n - 1];
	result_of(decl_art, "smb-global-mapping");

	/* Get-Service from Windows PowerShell 5.1 redirected with > */
	const struct artefact *svc = add_fixture(set, "service-ps51.txt");
	result_of(svc, "service");
	const struct artefact *sc = add_fixture(set, "sc-query-stopped.txt");
	result_of(sc, "service");

	/* ConvertTo-Json from PowerShell 7 (UTF-8, no BOM) */
	const struct artefact *js = add_fixture(set, "gmap-ps7.json");
	result_of(js, "smb-global-mapping");

	/* Get-SmbConnection default table, PS 5.1 bytes */
	const struct artefact *sconn = add_text(set, "smbconn.txt",
		"\n"
		"ServerName          ShareName           UserName             Credential           Dialect             NumOpens\n"
		"----------          ---------           --------             ----------           -------             --------\n"
		"fs01.contoso.com    data                CONTOSO\\alice        CONTOSO\\alice        3.1.1               2\n"
		"Contoso-FS1-long... VMS5                NT VIRTUAL MACHI...  Contoso\\Contoso-HV1$ 3.00                3\n"
		"\n", "UTF-16LE", 1);
	result_of(sconn, "smb-connection");

	/* dir from cmd: zh in CP936, fr in CP850 (<REP>, NBSP grouping), en not found */
	const struct artefact *dzh = add_fixture(set, "dir-zh-empty.txt");
	result_of(dzh, "dir-listing");
	const struct artefact *dfr = add_fixture(set, "dir-fr-rep.txt");
	result_of(dfr, "dir-listing");
	const struct artefact *den = add_fixture(set, "dir-en-notfound.txt");
	result_of(den, "dir-listing");

	/* Test-Path answers pasted with their prompts, PS 5.1 bytes */
	const struct artefact *tp = add_text(set, "testpath.txt",
		"PS C:\\Users\\alice> Test-Path \"\\\\fs01.contoso.com\\data\"\n"
		"False\n"
		"PS C:\\Users\\alice> Test-Path L:\\\n"
		"True\n", "UTF-16LE", 1);
	result_of(tp, "test-path");
	/* the segmenter splits at the prompts; each segment is Test-Path output */
	for (size_t i = 0; tp && i < tp->segs.n; i++)
		if (tp->segs.v[i].text.n && !line_is_blank(&tp->segs.v[i].text.v[0]))
			CHECK_STR(tp->segs.v[i].kind, "test-path");

	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);

	/* global mappings: 2 (Clixml ps51) + 2 (declared utf-16) + 1 (JSON) */
	CHECK_INT(cm.gmaps.n, 5);
	CHECK(cm.gmap_listings.n == 3);
	if (cm.gmaps.n >= 2) {
		CHECK_STR(cm.gmaps.v[0].local, "Z:");
		CHECK_STR(cm.gmaps.v[0].remote, "\\\\fs01.contoso.com\\data");
		CHECK_INT(cm.gmaps.v[0].status, CONN_UNAVAILABLE);
		CHECK_INT(cm.gmaps.v[0].status_code, 6);
		CHECK_INT(cm.gmaps.v[0].global, 1);
		CHECK_INT(cm.gmaps.v[0].ev.line, 11);
		CHECK(cm.gmaps.v[0].ev.text && strstr(cm.gmaps.v[0].ev.text, "LocalPath"));
		CHECK_INT(cm.gmaps.v[1].status, CONN_OK);
	}
	if (cm.gmaps.n == 5) {
		CHECK_INT(cm.gmaps.v[2].ev.line, 12); /* the blanked declaration kept the line count */
		CHECK_INT(cm.gmaps.v[4].status, CONN_OK);
		CHECK_INT(cm.gmaps.v[4].ev.line, 2);
	}
	/* services: Running from the table, Stopped from sc */
	CHECK_INT(cm.services.n, 2);
	if (cm.services.n == 2) {
		CHECK_STR(cm.services.v[0].name, "LanmanWorkstation");
		CHECK_INT(cm.services.v[0].running, TRI_YES);
		CHECK_INT(cm.services.v[0].ev.line, 4);
		CHECK_STR(cm.services.v[0].ev.text, "Running  LanmanWorkstation  Workstation");
		CHECK_INT(cm.services.v[1].running, TRI_NO);
	}
	CHECK_INT(cm.smbconns.n, 2);
	if (cm.smbconns.n == 2) {
		CHECK_STR(cm.smbconns.v[0].server, "fs01.contoso.com");
		CHECK_STR(cm.smbconns.v[0].share, "data");
		CHECK_STR(cm.smbconns.v[0].dialect, "3.1.1");
		CHECK_INT(cm.smbconns.v[0].truncated, 0);
		CHECK_INT(cm.smbconns.v[1].truncated, 1);
	}
	CHECK_INT(cm.smbconn_listings.n, 1);
	/* dirs: zh empty, fr one file, en not found */
	CHECK_INT(cm.dirs.n, 3);
	if (cm.dirs.n == 3) {
		CHECK_STR(cm.dirs.v[0].path, "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials");
		CHECK_INT(cm.dirs.v[0].files, 0);
		CHECK_INT(cm.dirs.v[0].dirs, 0);
		CHECK_INT(cm.dirs.v[0].not_found, 0);
		CHECK_INT(cm.dirs.v[1].files, 1);
		CHECK_INT(cm.dirs.v[1].dirs, 0);
		CHECK_INT(cm.dirs.v[2].not_found, 1);
	}
	/* Test-Path -> access facts with server/share split */
	size_t tpn = 0;
	for (size_t i = 0; i < cm.access.n; i++) {
		const struct f_access *ac = &cm.access.v[i];
		if (ac->method != ACC_TEST_PATH)
			continue;
		tpn++;
		if (ac->ok == TRI_NO) {
			CHECK_STR(ac->server, "fs01.contoso.com");
			CHECK_STR(ac->share, "data");
			CHECK_INT(ac->ev.line, 2);
		} else {
			CHECK_STR(ac->target, "L:\\");
			CHECK(ac->server == NULL);
		}
	}
	CHECK_INT(tpn, 2);
	artefact_set_free(set);
	return check_exit();
}
