/* How customers' per-user evidence arrives, beyond clean transcripts:
 *  - Windows PowerShell 5.1 error records of native commands (`2>&1`) with
 *    no prompt: the record starts an output and its "+ " line names the
 *    command (segment.c), which links the error to the share (case.c);
 *  - remoting prompts "[PC-0815]: PS C:\...> ";
 *  - ticket pastes indented as a block (segment_dedent);
 *  - `chcp` output in any language (chcp.c).
 * Shapes: windows-output-en.md §3.6 and localized 0.3 (NativeCommandError),
 * localized 1.6 / 3.6 (chcp). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/arena.h"
#include "parsers/artefact.h"
#include "parsers/chcp.h"
#include "parsers/decode.h"
#include "parsers/parser.h"
#include "parsers/segment.h"
#include "parsers/text.h"

extern const struct parser chcp_parser;

static struct arena *A;

struct result {
	struct lines t;
	seg_span_vec sp;
	struct transcript_header *hdr;
	int rc;
};

static struct result seg_text(const char *s, int dedent)
{
	struct result r;
	memset(&r, 0, sizeof r);
	CHECK(lines_split(A, s, strlen(s), 1, &r.t) == 0);
	if (dedent)
		CHECK_INT(segment_dedent(A, &r.t), 0);
	r.rc = segment_text(A, &r.t, &r.sp, &r.hdr);
	return r;
}

static void check_span(const struct result *r, size_t i, uint32_t first_no, uint32_t last_no,
		       const char *cmd, uint32_t cmd_line)
{
	CHECK(i < r->sp.n);
	if (i >= r->sp.n || r->sp.v[i].n == 0)
		return;
	const struct seg_span *s = &r->sp.v[i];
	uint32_t f = r->t.v[s->first].no, l = r->t.v[s->first + s->n - 1].no;
	if (f != first_no || l != last_no)
		fprintf(stderr, "span %zu: lines %u-%u, expected %u-%u\n", i, f, l, first_no, last_no);
	CHECK_INT(f, first_no);
	CHECK_INT(l, last_no);
	if (cmd)
		CHECK_STR(s->command, cmd);
	else
		CHECK(s->command == NULL);
	CHECK_INT(s->command_line, cmd_line);
}

static const char NET_LISTING[] =
	"New connections will be remembered.\n"
	"\n"
	"\n"
	"Status       Local     Remote                    Network\n"
	"\n"
	"-------------------------------------------------------------------------------\n"
	"Unavailable  Q:        \\\\fs01\\data               Microsoft Windows Network\n"
	"The command completed successfully.\n"
	"\n";

/* collect.ps1 appending outputs with `>>`: listing, then a record of the
 * next command's stderr, then reg query output, all without prompts. */
static void test_record_after_listing(void)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s", NET_LISTING,
		 "net : System error 1326 has occurred.\n"                               /* 10 */
		 "At C:\\Users\\jdoe\\Desktop\\collect.ps1:2 char:1\n"
		 "+ net use \\\\fs01\\data 2>&1 >> out.txt\n"
		 "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		 "    + CategoryInfo          : NotSpecified: (System error 1326 has occurred.:String) [], RemoteException\n"
		 "    + FullyQualifiedErrorId : NativeCommandError\n"
		 " \n"
		 "The user name or password is incorrect.\n"                             /* 17 */
		 " \n"
		 "\n"
		 "HKEY_CURRENT_USER\\Network\\Q\n"                                         /* 20 */
		 "    RemotePath    REG_SZ    \\\\fs01\\data\n"
		 "\n");
	struct result r = seg_text(buf, 0);
	CHECK_INT(r.rc, 1);
	CHECK_INT(r.sp.n, 3);
	check_span(&r, 0, 1, 9, NULL, 0);
	/* the command comes from the record's "+ " line; it starts where the record does */
	check_span(&r, 1, 10, 19, "net use \\\\fs01\\data 2>&1 >> out.txt", 10);
	check_span(&r, 2, 20, 22, NULL, 0);

	/* a record alone (reg query ... 2>&1 > reg.txt in 5.1): one span, named by the record */
	r = seg_text("reg : ERROR: The system was unable to find the specified registry key or value.\n"
		     "At line:1 char:1\n"
		     "+ reg query HKCU\\Network\\S 2>&1 > reg.txt\n"
		     "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
		     "    + CategoryInfo          : NotSpecified: (ERROR: The syst...y key or value.:String) [], RemoteException\n"
		     "    + FullyQualifiedErrorId : NativeCommandError\n"
		     " \n", 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 1, 7, "reg query HKCU\\Network\\S 2>&1 > reg.txt", 1);

	/* PowerShell shortened the statement ("+ ... tail"): no command is made up;
	 * a localized position line (zh-CN) is one position line like any other */
	r = seg_text("net : 发生系统错误 53。\n"
		     "所在位置 行:3 字符: 5\n"
		     "+ ... ach ($s in $shares) { net use $s 2>&1 }\n"
		     "+                           ~~~~~~~~~~~~~~~~\n"
		     "    + CategoryInfo          : NotSpecified: (发生系统错误 53。:String) [], RemoteException\n"
		     "    + FullyQualifiedErrorId : NativeCommandError\n"
		     " \n"
		     "找不到网络路径。\n", 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 1, 8, NULL, 0);

	/* a prompt's own command wins over the record's statement */
	r = seg_text("PS C:\\Users\\x> net use \\\\fs01\\data 2>&1\n"
		     "net : System error 86 has occurred.\n"
		     "At line:1 char:1\n"
		     "+ net use \\\\fs01\\data 2>&1\n"
		     "+ ~~~~~~~~~~~~~~~~~~~~~~~\n"
		     "    + CategoryInfo          : NotSpecified: (System error 86 has occurred.:String) [], RemoteException\n"
		     "    + FullyQualifiedErrorId : NativeCommandError\n", 0);
	CHECK_INT(r.sp.n, 1);
	check_span(&r, 0, 2, 7, "net use \\\\fs01\\data 2>&1", 1);

	/* an SMB cmdlet's record is no native command output: not split off here */
	r = seg_text("OK\n"
		     "New-SmbGlobalMapping : Generic failure\n"
		     "At line:1 char:1\n"
		     "+ New-SmbGlobalMapping -RemotePath \\\\fs\\s -LocalPath G:\n"
		     "+ ~~~~~~~~~~~~~~~~~~~~\n"
		     "    + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping) [], CimException\n"
		     "    + FullyQualifiedErrorId : HRESULT 0x80041001,New-SmbGlobalMapping\n", 0);
	CHECK_INT(r.sp.n, 1);
}

static void test_remoting_prompt(void)
{
	struct result r = seg_text("[PC-0815]: PS C:\\Users\\kim\\Documents> cmdkey /list\n"
				   "\n"
				   "Currently stored credentials:\n"
				   "\n"
				   "    Target: Domain:target=fs05\n"
				   "    Type: Domain Password\n"
				   "    User: CORP\\kim-adm\n"
				   "\n"
				   "[10.0.0.7]: PS C:\\Users\\kim\\Documents> net use\n"
				   "New connections will be remembered.\n", 0);
	CHECK_INT(r.sp.n, 2);
	check_span(&r, 0, 2, 8, "cmdkey /list", 1);
	check_span(&r, 1, 10, 10, "net use", 9);
	/* not a prompt: a bracketed word with spaces, or no "PS" after it */
	r = seg_text("[see below]: PS C:\\x> net use\n[PC01]: C:\\x> net use\n", 0);
	CHECK_INT(r.sp.n, 1);
	CHECK(r.sp.v[0].command == NULL);
}

static void test_dedent(void)
{
	/* a ticket: intro line, then everything indented by 4, blank lines lost */
	const char *ticket =
		"Customer output:\n"
		"    C:\\Users\\kim>cmdkey /list\n"
		"    Currently stored credentials:\n"
		"        Target: Domain:target=fs05\n"
		"        Type: Domain Password\n"
		"        User: CORP\\kim-adm\n"
		"    C:\\Users\\kim>net use\n"
		"    New connections will be remembered.\n"
		"    Status       Local     Remote                    Network\n"
		"    -------------------------------------------------------------------------------\n"
		"    Unavailable  K:        \\\\fs05\\it                 Microsoft Windows Network\n"
		"    The command completed successfully.\n";
	struct result r = seg_text(ticket, 1);
	CHECK_INT(r.t.n, 12);
	CHECK(r.t.v[0].len == strlen("Customer output:"));
	CHECK(!memcmp(r.t.v[2].s, "Currently stored credentials:", 29));
	CHECK(!memcmp(r.t.v[3].s, "    Target: Domain:target=fs05", 30)); /* its own indent stays */
	CHECK(!memcmp(r.t.v[9].s, "-----", 5));
	CHECK_INT(r.t.v[9].no, 10); /* original numbers */
	CHECK_INT(r.sp.n, 3);
	check_span(&r, 1, 3, 6, "cmdkey /list", 2);
	check_span(&r, 2, 8, 12, "net use", 7);

	/* cmdkey entries are indented by themselves: no anchor, nothing changes */
	const char *entries = "Currently stored credentials:\n\n    Target: Domain:target=fs05\n"
			      "    Type: Domain Password\n    User: CORP\\kim-adm\n";
	r = seg_text(entries, 1);
	CHECK(!memcmp(r.t.v[2].s, "    Target:", 11));
	/* a reg query's value lines neither */
	r = seg_text("\nHKEY_CURRENT_USER\\Network\\Z\n    RemotePath    REG_SZ    \\\\s\\x\n", 1);
	CHECK(!memcmp(r.t.v[2].s, "    RemotePath", 14));
}

static void test_mail_quotes(void)
{
	/* a reply quoting the outputs (nested once more by the next reply) */
	const char *mail =
		"Hi, here it is:\n"
		"> > C:\\Users\\jdoe>net use\n"
		"> > New connections will be remembered.\n"
		">\n"
		"> > Status       Local     Remote                    Network\n"
		"> > -------------------------------------------------------------------------------\n"
		"> > Unavailable  Q:        \\\\fs01\\data               Microsoft Windows Network\n"
		"> > The command completed successfully.\n"
		"\n"
		"Regards\n";
	struct result r = seg_text(mail, 1);
	CHECK(!memcmp(r.t.v[1].s, "C:\\Users", 8));
	CHECK_INT(r.t.v[3].len, 0);
	CHECK(!memcmp(r.t.v[5].s, "-----", 5));
	CHECK(r.t.v[9].len == 7); /* "Regards" untouched */
	CHECK(r.sp.n >= 1);
	int listing = 0;
	for (size_t i = 0; i < r.sp.n; i++)
		if (r.sp.v[i].command && !strcmp(r.sp.v[i].command, "net use"))
			listing = r.t.v[r.sp.v[i].first].no == 3;
	CHECK(listing);

	/* PowerShell continuation lines and a note's ">net use" are no quotes */
	r = seg_text("PS C:\\> foreach ($d in 'K','L') {\n>> net use $d\n>> }\nNew connections will be remembered.\n", 1);
	CHECK(!memcmp(r.t.v[1].s, ">> net use", 10));
	r = seg_text(">net use\nNew connections will be remembered.\n", 1);
	CHECK(!memcmp(r.t.v[0].s, ">net use", 8));
}

static int chcp_of(const char *text, const char *cmd)
{
	struct lines t;
	CHECK(lines_split(A, text, strlen(text), 1, &t) == 0);
	struct parse_ctx ctx = { A, "x.txt", cmd, NULL };
	if (chcp_parser.bid(&t, &ctx) < BID_STRONG)
		return -1;
	void *res = NULL;
	if (chcp_parser.parse(&t, &ctx, &res) != PARSE_OK || !res)
		return -2;
	return ((const struct chcp_result *)res)->codepage;
}

static void test_chcp(void)
{
	CHECK_INT(chcp_of("Active code page: 65001\r\n", "chcp 65001"), 65001);
	CHECK_INT(chcp_of("活动代码页: 936\r\n", NULL), 936);
	CHECK_INT(chcp_of("現在のコード ページ: 932\r\n", NULL), 932);
	CHECK_INT(chcp_of("Aktive Codepage: 850.\r\n", "chcp"), 850);
	CHECK_INT(chcp_of("Page de codes active\xc2\xa0: 850\r\n", "chcp.com"), 850);
	CHECK_INT(chcp_of("活动代码页：936\r\n", NULL), 936); /* full-width colon */
	/* an unknown language only after a chcp command */
	CHECK_INT(chcp_of("Aktiv kodetabell: 865\r\n", "chcp"), 865);
	CHECK_INT(chcp_of("Aktiv kodetabell: 865\r\n", NULL), -1);
	/* not chcp: a version, a number that is no code page, two lines */
	CHECK_INT(chcp_of("PSVersion: 5.1\r\n", "chcp"), -1);
	CHECK_INT(chcp_of("Active code page: 12345\r\n", "chcp"), -1);
	CHECK_INT(chcp_of("Active code page: 437\r\nActive code page: 850\r\n", "chcp"), -1);
}

/* End to end: the UTF-16LE file collect.ps1 writes, through the pipeline and
 * the case model: the 1326 error is the outcome of `net use \\fs01\data`. */
static void test_e2e_record_links_command(void)
{
	char text[4096];
	snprintf(text, sizeof text, "%s%s", NET_LISTING,
		 "net : System error 1326 has occurred.\r\n"
		 "At C:\\Users\\jdoe\\Desktop\\collect.ps1:2 char:1\r\n"
		 "+ net use \\\\fs01\\data 2>&1 >> out.txt\r\n"
		 "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\r\n"
		 "    + CategoryInfo          : NotSpecified: (System error 1326 has occurred.:String) [], RemoteException\r\n"
		 "    + FullyQualifiedErrorId : NativeCommandError\r\n"
		 " \r\n"
		 "The user name or password is incorrect.\r\n"
		 " \r\n");
	size_t n = strlen(text);
	uint8_t *u16 = malloc(2 * n + 2);
	u16[0] = 0xFF;
	u16[1] = 0xFE;
	for (size_t i = 0; i < n; i++) { /* ASCII only */
		u16[2 + 2 * i] = (uint8_t)text[i];
		u16[3 + 2 * i] = 0;
	}
	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *art = artefact_add_bytes(set, "out.txt", u16, 2 * n + 2);
	free(u16);
	CHECK(art != NULL);
	if (!art) {
		artefact_set_free(set);
		return;
	}
	CHECK_STR(art->encoding, "utf-16le-bom");
	CHECK_INT(art->segs.n, 2);
	if (art->segs.n == 2) {
		CHECK_STR(art->segs.v[0].kind, "net-use");
		CHECK_STR(art->segs.v[1].kind, "net-error");
		CHECK_STR(art->segs.v[1].command, "net use \\\\fs01\\data 2>&1 >> out.txt");
	}
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	int linked = 0;
	for (size_t i = 0; i < cm.commands.n; i++)
		if (cm.commands.v[i].kind == CMD_NET_USE && cm.commands.v[i].error_code == 1326)
			linked = 1;
	CHECK(linked);
	artefact_set_free(set);
}

/* One machine, one OEM code page: a reg query whose only non-ASCII text is a
 * short Japanese share name reads as CP850 alone; next to a Japanese `net use`
 * it is decoded again as CP932. A German file next to it stays CP850. */
static void test_settle_codepage(void)
{
	/* net use on ja-JP, CP932: 利用不可 W: \\nas-kyt\経理 */
	static const char netuse_932[] =
		"\x90\x56\x82\xb5\x82\xa2\x90\xda\x91\xb1\x82\xcd\x8b\x4c\x89\xaf\x82\xb3\x82\xea\x82\xdc\x82\xb7\x81\x42\r\n\r\n"
		"\x83\x58\x83\x65\x81\x5b\x83\x5e\x83\x58  \x83\x8d\x81\x5b\x83\x4a\x83\x8b\x96\xbc "
		"\x83\x8a\x83\x82\x81\x5b\x83\x67\x96\xbc                \x83\x6c\x83\x62\x83\x67\x83\x8f\x81\x5b\x83\x4e\x96\xbc\r\n\r\n"
		"-------------------------------------------------------------------------------\r\n"
		"\x97\x98\x97\x70\x95\x73\x89\xc2     W:        \\\\nas-kyt\\\x8c\x6f\x97\x9d          Microsoft Windows Network\r\n"
		"\x83\x52\x83\x7d\x83\x93\x83\x68\x82\xcd\x90\xb3\x8f\xed\x82\xc9\x8f\x49\x97\xb9\x82\xb5\x82\xdc\x82\xb5\x82\xbd\x81\x42\r\n";
	static const char reg_932[] = "\r\nHKEY_CURRENT_USER\\Network\\W\r\n"
				      "    RemotePath    REG_SZ    \\\\nas-kyt\\\x8c\x6f\x97\x9d\r\n"
				      "    UserName    REG_SZ    \r\n\r\n";
	static const char de_850[] = "Der Befehl wurde erfolgreich ausgef\x81hrt.\r\n";

	struct artefact_set *set = artefact_set_new(NULL);
	struct artefact *reg = artefact_add_bytes(set, "reg.txt", (const uint8_t *)reg_932, sizeof reg_932 - 1);
	CHECK(reg && reg->encoding && strcmp(reg->encoding, "cp932") != 0); /* alone: a guess */
	artefact_add_bytes(set, "netuse.txt", (const uint8_t *)netuse_932, sizeof netuse_932 - 1);
	artefact_add_bytes(set, "de.txt", (const uint8_t *)de_850, sizeof de_850 - 1);
	artefact_set_settle_codepage(set);
	reg = &set->items.v[0];
	CHECK_STR(reg->path, "reg.txt");
	CHECK_STR(reg->encoding, "cp932");
	CHECK_STR(reg->kind, "reg-query");
	int found = 0;
	for (size_t i = 0; i < reg->text.n; i++)
		found |= memmem(reg->text.v[i].s, reg->text.v[i].len, "\\\\nas-kyt\\\xe7\xb5\x8c\xe7\x90\x86", 13) != NULL;
	CHECK(found); /* \\nas-kyt\経理 */
	CHECK_STR(set->items.v[1].encoding, "cp932");
	CHECK_STR(set->items.v[2].encoding, "cp850"); /* German words: not touched */

	/* --codepage wins over any guess: nothing is decoded again */
	struct limits l;
	limits_default(&l);
	l.codepage = "850";
	struct artefact_set *forced = artefact_set_new(&l);
	artefact_add_bytes(forced, "reg.txt", (const uint8_t *)reg_932, sizeof reg_932 - 1);
	artefact_add_bytes(forced, "netuse.txt", (const uint8_t *)netuse_932, sizeof netuse_932 - 1);
	artefact_set_settle_codepage(forced);
	CHECK_STR(forced->items.v[0].encoding, "cp850");
	artefact_set_free(forced);
	artefact_set_free(set);
}

int main(void)
{
	A = arena_new(0);
	test_record_after_listing();
	test_remoting_prompt();
	test_dedent();
	test_mail_quotes();
	test_chcp();
	test_e2e_record_links_command();
	test_settle_codepage();
	arena_free(A);
	return check_exit();
}
