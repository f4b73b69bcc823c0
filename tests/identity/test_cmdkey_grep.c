/* `cmdkey /list | findstr /i "<server>"`, the guide's own credential check
 * (TSG Direction C): findstr keeps only the lines holding the pattern, so a
 * credential shows as a lone Target line, and no output at all means no
 * target holds the server name. Read as a listing restricted to that
 * pattern; a case-sensitive or regular-expression filter proves nothing. */
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/arena.h"
#include "parsers/artefact.h"
#include "parsers/cmdkey.h"
#include "parsers/parser.h"
#include "parsers/text.h"

static struct arena *A;

static const struct cmdkey_list *parse_text(const char *text, const char *cmd, int *bid, int *rc)
{
	struct lines t;
	CHECK(lines_split(A, text, strlen(text), 1, &t) == 0);
	struct parse_ctx ctx = { A, "out.txt", cmd, NULL };
	*bid = cmdkey_parser.bid(&t, &ctx);
	void *out = NULL;
	*rc = cmdkey_parser.parse(&t, &ctx, &out);
	return out;
}

static void test_parse(void)
{
	int bid, rc;
	const struct cmdkey_list *r = parse_text("    Target: Domain:target=fs01.corp.example.com\r\n",
						 "cmdkey /list | findstr /i \"fs01\"", &bid, &rc);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(rc, PARSE_OK); /* Type lines are filtered away, not missing */
	CHECK(r->listing);
	CHECK_STR(r->grep, "fs01");
	CHECK_INT(r->entries.n, 1);
	if (r->entries.n)
		CHECK_STR(r->entries.v[0].host, "fs01.corp.example.com");

	/* zh-CN labels, the user line matched too; /c:"..." and Select-String forms */
	r = parse_text("    目标: Domain:target=fs-bj02\r\n    用户: fs-bj02\\admin\r\n",
		       "cmdkey /list | findstr /i /c:\"fs-bj02\"", &bid, &rc);
	CHECK_STR(r->grep, "fs-bj02");
	CHECK_INT(r->entries.n, 1);
	if (r->entries.n)
		CHECK_STR(r->entries.v[0].user, "fs-bj02\\admin");
	r = parse_text("    Target: Domain:target=nas\r\n", "cmdkey /list | Select-String nas", &bid, &rc);
	CHECK_STR(r->grep, "nas");
	/* a User line whose Target line was dropped starts no credential */
	r = parse_text("    User: fs01\\admin\r\n", "cmdkey /list | findstr /i fs01", &bid, &rc);
	CHECK_INT(r->entries.n, 0);
	CHECK(r->listing);

	/* nothing printed: still a listing (no target holds the pattern) */
	r = parse_text("", "cmdkey /list | findstr /i \"fs02\"", &bid, &rc);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->listing && r->entries.n == 0);

	/* case-sensitive findstr, regular expression, two words: entries, but no listing */
	r = parse_text("    Target: Domain:target=fs01\r\n", "cmdkey /list | findstr fs01", &bid, &rc);
	CHECK(r->grep == NULL);
	CHECK(!r->listing);
	CHECK_INT(r->entries.n, 1);
	r = parse_text("", "cmdkey /list | findstr /i /r \"fs0.\"", &bid, &rc);
	CHECK(r->grep == NULL);
	r = parse_text("", "cmdkey /list | findstr /i \"fs01 fs02\"", &bid, &rc);
	CHECK(r->grep == NULL);
	r = parse_text("", "cmdkey /list | sls fs01 -CaseSensitive", &bid, &rc);
	CHECK(r->grep == NULL);
	/* no pipe: an empty text is nothing */
	r = parse_text("", "cmdkey /list", &bid, &rc);
	CHECK(bid < BID_LIKELY);
}

/* Through the pipeline: the listing covers the servers whose name holds the
 * pattern, so a drive on fs01 finds no credential (the one shown is for the
 * FQDN), while nothing is claimed for a server the filter did not name. */
static void test_case_model(void)
{
	static const char text[] =
		"C:\\Users\\jdoe>cmdkey /list | findstr /i \"fs01\"\r\n"
		"    Target: Domain:target=fs01.corp.example.com\r\n"
		"\r\n"
		"C:\\Users\\jdoe>cmdkey /list | findstr /i \"fs02\"\r\n"
		"\r\n"
		"C:\\Users\\jdoe>\r\n";
	struct artefact_set *set = artefact_set_new(NULL);
	artefact_add_bytes(set, "paste.txt", (const uint8_t *)text, sizeof text - 1);
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	CHECK_INT(cm.cred_listings.n, 2);
	if (cm.cred_listings.n == 2) {
		CHECK_STR(cm.cred_listings.v[0].grep, "fs01");
		CHECK_INT(cm.cred_listings.v[0].ev.line, 2);
		CHECK_STR(cm.cred_listings.v[1].grep, "fs02");
		CHECK_INT(cm.cred_listings.v[1].ev.line, 4); /* nothing printed: the command line */
		CHECK(cm.cred_listings.v[1].empty);
	}
	CHECK_INT(cm.creds.n, 1);
	artefact_set_free(set);
}

int main(void)
{
	A = arena_new(0);
	test_parse();
	test_case_model();
	arena_free(A);
	return check_exit();
}
