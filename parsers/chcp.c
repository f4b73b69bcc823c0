/* chcp: "Active code page: N" (see chcp.h). The label is localized, so the
 * line is read by its shape: a short label, a colon (ASCII or full-width,
 * perhaps after a space), a code page number Windows has, an optional
 * period. Alone (no chcp command known) the label must be one we know. */
#include "chcp.h"

#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "text.h"

#define LABEL_MAX 64

static int known_codepage(long cp)
{
	static const int pages[] = { 437, 708, 720, 737, 775, 850, 852, 855, 857, 858, 860, 861,
				     862, 863, 864, 865, 866, 869, 874, 932, 936, 949, 950, 1200,
				     1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 20127,
				     28591, 65000, 65001 };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (pages[i] == cp)
			return 1;
	return 0;
}

int chcp_line_codepage(const char *s, size_t n, const char **label, size_t *label_len)
{
	span_trim(&s, &n);
	if (n && s[n - 1] == '.')
		n--; /* "Aktive Codepage: 850." */
	size_t d = n;
	while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	if (d == n || n - d > 5 || d == 0)
		return -1;
	long cp = 0;
	for (size_t i = d; i < n; i++)
		cp = cp * 10 + (s[i] - '0');
	size_t c = d;
	while (c > 0 && s[c - 1] == ' ')
		c--;
	size_t colon = 0;
	if (c >= 1 && s[c - 1] == ':')
		colon = 1;
	else if (c >= 3 && !memcmp(s + c - 3, "\xef\xbc\x9a", 3))
		colon = 3;
	if (!colon || !known_codepage(cp))
		return -1;
	size_t ln = c - colon;
	for (;;) { /* French puts a (no-break) space before the colon */
		if (ln > 0 && s[ln - 1] == ' ')
			ln--;
		else if (ln > 1 && !memcmp(s + ln - 2, "\xc2\xa0", 2))
			ln -= 2;
		else
			break;
	}
	if (ln == 0 || ln > LABEL_MAX)
		return -1;
	for (size_t i = 0; i < ln; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == '\\' || s[i] == '=')
			return -1;
	*label = s;
	*label_len = ln;
	return (int)cp;
}

/* Labels of the languages we have seen (formats docs, localized §1.6, §3.6). */
static int known_label(const char *s, size_t n)
{
	static const char *const labels[] = { "Active code page", "活动代码页", "現在のコード ページ",
					      "Aktive Codepage", "Page de codes active" };
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (n == strlen(labels[i]) && span_starts_ci(s, n, labels[i]))
			return 1;
	return 0;
}

static int chcp_command(const char *cmd)
{
	if (!cmd)
		return 0;
	size_t n = strlen(cmd);
	span_trim(&cmd, &n);
	size_t w = 0;
	while (w < n && cmd[w] != ' ' && cmd[w] != '\t')
		w++;
	return (w == 4 && span_starts_ci(cmd, w, "chcp")) || (w == 8 && span_starts_ci(cmd, w, "chcp.com"));
}

/* The one non-blank line, or -1 when there are none or several. */
static long only_line(const struct lines *t)
{
	long at = -1;
	for (size_t i = 0; i < t->n; i++) {
		if (line_is_blank(&t->v[i]))
			continue;
		if (at >= 0)
			return -1;
		at = (long)i;
	}
	return at;
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	long i = only_line(t);
	if (i < 0)
		return BID_NONE;
	const char *lab;
	size_t ln;
	if (chcp_line_codepage(t->v[i].s, t->v[i].len, &lab, &ln) < 0)
		return BID_NONE;
	if (chcp_command(ctx->command))
		return BID_CERTAIN;
	return known_label(lab, ln) ? BID_STRONG : BID_NONE;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	long i = only_line(t);
	const char *lab;
	size_t ln;
	int cp = i >= 0 ? chcp_line_codepage(t->v[i].s, t->v[i].len, &lab, &ln) : -1;
	if (cp < 0) {
		ctx->reason = "no \"Active code page: N\" line";
		return PARSE_FAILED;
	}
	struct chcp_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r || !(r->label = arena_strndup(ctx->arena, lab, ln))) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	r->codepage = cp;
	r->line = t->v[i].no;
	*out = r;
	return PARSE_OK;
}

static struct json_object *to_json(const void *res)
{
	const struct chcp_result *r = res;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "codepage", json_object_new_int(r->codepage));
	json_object_object_add(o, "label", json_object_new_string(r->label));
	json_object_object_add(o, "line", json_object_new_int64(r->line));
	return o;
}

const struct parser chcp_parser = { "chcp", bid, parse, to_json };
