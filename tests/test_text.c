/* Core helpers: arena caps, line splitting with original numbers, widths. */
#include <string.h>

#include "check.h"
#include "parsers/arena.h"
#include "parsers/text.h"
#include "parsers/rx.h"
#include "analyzer/case.h"

static void test_arena(void)
{
	struct arena *a = arena_new(4096);
	CHECK(arena_alloc(a, 1000) != NULL);
	CHECK(arena_alloc(a, 10000) == NULL); /* over the cap */
	CHECK(arena_exhausted(a));
	arena_free(a);

	a = arena_new(0);
	VEC(int) v = { 0 };
	for (int i = 0; i < 1000; i++) {
		int *p = VEC_PUSH(a, &v);
		CHECK(p != NULL);
		if (p)
			*p = i;
	}
	CHECK_INT(v.n, 1000);
	CHECK_INT(v.v[999], 999);
	CHECK_STR(arena_printf(a, "%s-%d", "x", 5), "x-5");
	arena_free(a);
}

static void test_lines(void)
{
	struct arena *a = arena_new(0);
	const char *txt = "one\r\ntwo\rthree\n\nfive";
	struct lines t;
	CHECK(lines_split(a, txt, strlen(txt), 1, &t) == 0);
	CHECK_INT(t.n, 5);
	CHECK_INT(t.v[2].len, 5);
	CHECK(memcmp(t.v[2].s, "three", 5) == 0);
	CHECK_INT(t.v[4].no, 5);
	CHECK(line_is_blank(&t.v[3]));

	const char *s = "  \xe3\x80\x80 hi \xc2\xa0";
	size_t n = strlen(s);
	span_trim(&s, &n);
	CHECK_INT(n, 2);

	/* CJK counts two columns, as in the OEM code page */
	const char *zh = "\xe4\xb8\x8d\xe5\x8f\xaf\xe7\x94\xa8       Y:"; /* 不可用 + 7 spaces */
	CHECK_INT(u8_width(zh, strlen(zh)), 15);
	CHECK_INT(u8_col_offset(zh, strlen(zh), 13), 9 + 7);

	struct line rule = { "---------- ---- --", 18, 1 };
	struct colspan cols[8];
	CHECK_INT(rule_columns(&rule, '-', cols, 8), 3);
	CHECK_INT(cols[1].start, 11);
	CHECK_INT(cols[2].end, 18);
	arena_free(a);
}

static void test_paths(void)
{
	struct arena *a = arena_new(0);
	const char *k = "HKEY_CURRENT_USER\\Network\\l";
	CHECK_STR(reg_path_normalize(a, k, strlen(k)), "HKCU\\Network\\l");
	k = "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\Network\\Z]";
	CHECK_STR(reg_path_normalize(a, k, strlen(k)), "HKU\\S-1-5-21-1-2-3-1001\\Network\\Z");
	CHECK(reg_path_eq("HKCU\\Network\\L", "hkcu\\network\\l"));
	const char *srv, *sh;
	CHECK(unc_split(a, "\\\\fs01.contoso.com\\Data Share\\sub", &srv, &sh) == 0);
	CHECK_STR(srv, "fs01.contoso.com");
	CHECK_STR(sh, "Data Share");
	CHECK_STR(drive_normalize(a, "l", 1), "L:");
	CHECK(drive_normalize(a, "LL", 2) == NULL);
	arena_free(a);
}

static void test_rx(void)
{
	static struct rx re = RX("^System error (\\d+) has occurred", RX_CASELESS);
	size_t ov[4];
	const char *s = "system error 53 has occurred.";
	CHECK_INT(rx_match(&re, s, strlen(s), ov, 2), 2);
	const char *g;
	size_t gl;
	CHECK(rx_group(s, ov, 1, &g, &gl));
	CHECK_INT(gl, 2);
	CHECK_INT(rx_match(&re, "nothing", 7, ov, 2), 0);
	/* catastrophic backtracking stops at the match limit instead of hanging */
	static struct rx evil = RX("^(a+)+$", 0);
	char buf[64];
	memset(buf, 'a', 40);
	buf[40] = 'b';
	CHECK(rx_match(&evil, buf, 41, ov, 2) <= 0);
}

int main(void)
{
	test_arena();
	test_lines();
	test_paths();
	test_rx();
	return check_exit();
}
