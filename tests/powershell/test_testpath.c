/* test-path: answers with paths from the command line or pasted prompts,
 * error records, bare booleans (weak). */
#include "parsers/testpath.h"
#include "ps_helpers.h"

extern const struct parser testpath_parser;

static struct testpath_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&testpath_parser, a, text, cmd, bid, st, NULL);
}

static void test_command_paths(struct arena *a)
{
	const char *p[8];
	size_t n = testpath_command_paths(a, "Test-Path \"\\\\fs01\\data\"", p, 8);
	CHECK_INT(n, 1);
	CHECK_STR(p[0], "\\\\fs01\\data");
	n = testpath_command_paths(a, "Test-Path L:\\", p, 8);
	CHECK(n == 1 && !strcmp(p[0], "L:\\"));
	n = testpath_command_paths(a, "test-path -LiteralPath '\\\\fs01\\d$' -PathType Container", p, 8);
	CHECK(n == 1 && !strcmp(p[0], "\\\\fs01\\d$"));
	n = testpath_command_paths(a, "Test-Path -PathType Container -Path \"\\\\a\\b\", \"\\\\c\\d\",L:\\", p, 8);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(p[0], "\\\\a\\b");
		CHECK_STR(p[1], "\\\\c\\d");
		CHECK_STR(p[2], "L:\\");
	}
	n = testpath_command_paths(a, "Test-Path -Path:\"Z:\\\" -ErrorAction SilentlyContinue | Out-File x.txt", p, 8);
	CHECK(n == 1 && !strcmp(p[0], "Z:\\"));
	n = testpath_command_paths(a, "Test-Path $share", p, 8);
	CHECK(n == 1 && p[0] == NULL);
	CHECK_INT(testpath_command_paths(a, "Get-ChildItem \\\\fs01\\data", p, 8), 0);
	CHECK_INT(testpath_command_paths(a, NULL, p, 8), 0);
}

static void test_answers(struct arena *a)
{
	int bid = 0, st = 0;
	struct testpath_result *r = run(a, "False\n", "Test-Path \"\\\\fs01\\data\"", &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1 && r->v[0].ok == 0 && r->v[0].line == 1);
	CHECK(r && r->n == 1 && r->v[0].path && !strcmp(r->v[0].path, "\\\\fs01\\data"));
	r = run(a, "True\r\nFalse\r\n", "Test-Path \\\\a\\b, L:\\", &bid, &st);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_STR(r->v[0].path, "\\\\a\\b");
		CHECK_INT(r->v[0].ok, 1);
		CHECK_STR(r->v[1].path, "L:\\");
		CHECK_INT(r->v[1].ok, 0);
	}
	/* a paste with prompts: each answer belongs to the prompt above it */
	r = run(a,
		"PS C:\\Users\\alice> Test-Path \"L:\\\"\n"
		"True\n"
		"PS C:\\Users\\alice> Test-Path \"\\\\fs01.contoso.com\\data\"\n"
		"False\n", NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_STR(r->v[0].path, "L:\\");
		CHECK_INT(r->v[0].ok, 1);
		CHECK_STR(r->v[1].path, "\\\\fs01.contoso.com\\data");
		CHECK_INT(r->v[1].line, 4);
	}
	/* bare boolean, no command: a weak bid, still parsed */
	r = run(a, "True\n", NULL, &bid, &st);
	CHECK(bid > BID_WEAK && bid < BID_LIKELY);
	CHECK(r && r->n == 1 && r->v[0].path == NULL && r->v[0].ok == 1);
	/* the error record of 11.1 */
	r = run(a,
		"Test-Path : Cannot bind argument to parameter 'Path' because it is an empty string.\n"
		"At line:1 char:11\n"
		"+ Test-Path \"\"\n"
		"+           ~~\n"
		"    + CategoryInfo          : InvalidData: (:) [Test-Path], ParameterBindingValidationException\n"
		"    + FullyQualifiedErrorId : ParameterArgumentValidationErrorEmptyStringNotAllowed,Microsoft.PowerShell.Commands.TestPathCommand\n",
		"Test-Path \"\"", &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1 && r->v[0].ok == -1 && r->v[0].error);
	/* other output with a True in it is not Test-Path's */
	run(a, "Name  : x\nValue : True\nOther : 1\nTrue\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_NONE);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_command_paths(a);
	test_answers(a);
	arena_free(a);
	return check_exit();
}
