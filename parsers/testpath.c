/* test-path: True/False lines (one per path) and Test-Path error records ->
 * struct testpath_result, paths taken from the command line. */
#include "testpath.h"

#include <string.h>

#include "arena.h"
#include "parser.h"
#include "psjson.h"
#include "psobj.h"
#include "rx.h"

#define TP_MAX_PATHS 64
#define TP_MAX_TOKENS 128

static struct rx re_prompt = RX("^PS [^>]{0,400}>\\s*(.*)$", 0);

struct tok {
	const char *s;
	size_t len;
	int quoted;
	int comma; /* the "," separator itself */
};

/* Split PowerShell arguments: whitespace and commas outside quotes separate;
 * quotes are removed; a |, ; or ) outside quotes ends the command. */
static size_t tokenize(const char *p, struct tok *v, size_t max)
{
	size_t n = 0;
	while (*p && n < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '|' || *p == ';' || *p == ')')
			break;
		if (*p == ',') {
			v[n++] = (struct tok){ p, 1, 0, 1 };
			p++;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			char q = *p++;
			const char *st = p;
			while (*p && *p != q)
				p++;
			v[n++] = (struct tok){ st, (size_t)(p - st), 1, 0 };
			if (*p)
				p++;
			continue;
		}
		const char *st = p;
		while (*p && *p != ' ' && *p != '\t' && *p != ',' && *p != '|' && *p != ';' && *p != ')')
			p++;
		v[n++] = (struct tok){ st, (size_t)(p - st), 0, 0 };
	}
	return n;
}

static int param_is(const struct tok *t, const char *name)
{
	size_t n = t->len;
	const char *colon = memchr(t->s, ':', n);
	if (colon)
		n = (size_t)(colon - t->s);
	return n == strlen(name) && span_starts_ci(t->s, n, name);
}

static int param_takes_value(const struct tok *t)
{
	static const char *const with_value[] = { "-PathType", "-Filter", "-Include", "-Exclude",
						  "-ErrorAction", "-ea", "-Credential", "-OlderThan",
						  "-NewerThan", "-ErrorVariable", "-ev", "-Type", NULL };
	for (size_t i = 0; with_value[i]; i++)
		if (param_is(t, with_value[i]))
			return 1;
	return 0;
}

static int is_path_param(const struct tok *t)
{
	return param_is(t, "-Path") || param_is(t, "-LiteralPath") || param_is(t, "-PSPath") ||
	       param_is(t, "-LP");
}

size_t testpath_command_paths(struct arena *a, const char *cmd, const char **paths, size_t max)
{
	if (!cmd)
		return 0;
	size_t len = strlen(cmd);
	long at = -1;
	for (size_t i = 0; i + 9 <= len; i++) {
		if (span_starts_ci(cmd + i, len - i, "Test-Path") &&
		    (i + 9 == len || cmd[i + 9] == ' ' || cmd[i + 9] == '\t') &&
		    (i == 0 || cmd[i - 1] == ' ' || cmd[i - 1] == '(' || cmd[i - 1] == '|' ||
		     cmd[i - 1] == ';' || cmd[i - 1] == '&')) {
			at = (long)i;
			break;
		}
	}
	if (at < 0)
		return 0;
	struct tok v[TP_MAX_TOKENS];
	size_t nt = tokenize(cmd + at + 9, v, TP_MAX_TOKENS), np = 0;
	int have_paths = 0;
	for (size_t i = 0; i < nt;) {
		const struct tok *t = &v[i];
		int is_param = !t->quoted && !t->comma && t->len > 1 && t->s[0] == '-';
		int take = 0;
		if (is_param) {
			const char *colon = memchr(t->s, ':', t->len);
			if (is_path_param(t) && colon && colon + 1 < t->s + t->len) {
				/* -Path:"x" form: the value is glued on */
				const char *vs = colon + 1;
				size_t vn = (size_t)(t->s + t->len - vs);
				while (vn && (*vs == '"' || *vs == '\'')) {
					vs++;
					vn--;
				}
				while (vn && (vs[vn - 1] == '"' || vs[vn - 1] == '\''))
					vn--;
				if (np < max)
					paths[np++] = arena_strndup(a, vs, vn);
				have_paths = 1;
				i++;
				continue;
			}
			if (is_path_param(t)) {
				take = 1;
				i++;
			} else {
				i++;
				if (param_takes_value(t) && !colon && i < nt)
					i++;
				continue;
			}
		} else if (t->comma) {
			i++;
			continue;
		} else if (!have_paths) {
			take = 1; /* the first positional argument is -Path */
		} else {
			i++;
			continue;
		}
		if (!take || i >= nt)
			continue;
		/* a value list: x , y , z */
		have_paths = 1;
		for (;;) {
			const struct tok *p = &v[i];
			if (p->comma)
				break;
			if (np < max) {
				char *s = arena_strndup(a, p->s, p->len);
				/* a variable names no path we can know */
				paths[np++] = (s && s[0] == '$' && !p->quoted) ? NULL : s;
			}
			i++;
			if (i + 1 < nt && v[i].comma) {
				i++;
				continue;
			}
			break;
		}
	}
	return np;
}

/* ---- output ------------------------------------------------------------- */

static int bool_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (n == 4 && span_starts_ci(s, n, "True"))
		return 1;
	if (n == 5 && span_starts_ci(s, n, "False"))
		return 0;
	return -1;
}

static int error_line(const struct line *l)
{
	return span_starts_ci(l->s, l->len, "Test-Path :") || span_starts_ci(l->s, l->len, "Test-Path:");
}

/* Lines that may sit around the answers: error record tails, prompts. */
static int noise_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t ov[4];
	return n == 0 || s[0] == '+' || rx_match(&re_prompt, l->s, l->len, ov, 2) > 0 ||
	       span_starts_ci(s, n, "At line:") || span_starts_ci(s, n, "At char:");
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	size_t answers = 0, errors = 0, other = 0, prompts = 0;
	size_t end = t->n < 400 ? t->n : 400;
	for (size_t i = 0; i < end; i++) {
		const struct line *l = &t->v[i];
		size_t ov[4];
		if (bool_line(l) >= 0)
			answers++;
		else if (error_line(l))
			errors++;
		else if (rx_match(&re_prompt, l->s, l->len, ov, 2) > 0) {
			if (span_find_ci(l->s, l->len, "Test-Path") >= 0)
				prompts++;
		} else if (!noise_line(l))
			other++;
	}
	int cmd = ps_command_names(ctx->command, "Test-Path");
	if (!answers && !errors)
		return BID_NONE;
	if (errors && !answers && !cmd && !prompts)
		return other ? BID_LIKELY : BID_STRONG;
	if (other > answers + errors)
		return BID_NONE; /* a True/False inside some other output */
	if (cmd || prompts)
		return BID_STRONG + 10;
	return errors ? BID_STRONG : other ? BID_WEAK + 5 : BID_WEAK + 20; /* bare booleans */
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct testpath_result *r = arena_alloc(ctx->arena, sizeof *r);
	const char **paths = arena_alloc(ctx->arena, TP_MAX_PATHS * sizeof *paths);
	if (!r || !paths) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	VEC(struct testpath_entry) v = { 0 };
	size_t np = testpath_command_paths(ctx->arena, ctx->command, paths, TP_MAX_PATHS), used = 0;
	r->has_command = np > 0;
	int skipped = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		size_t ov[4];
		if (rx_match(&re_prompt, l->s, l->len, ov, 2) > 0) {
			/* a pasted prompt: its command names the next answers' paths */
			char *cmd = arena_strndup(ctx->arena, l->s + ov[2], ov[3] - ov[2]);
			np = testpath_command_paths(ctx->arena, cmd, paths, TP_MAX_PATHS);
			used = 0;
			if (np)
				r->has_command = 1;
			continue;
		}
		int b = bool_line(l);
		if (b >= 0) {
			struct testpath_entry *e = VEC_PUSH(ctx->arena, &v);
			if (!e)
				break;
			e->ok = b;
			e->path = used < np ? paths[used] : NULL;
			used++;
			e->line = l->no;
			continue;
		}
		if (error_line(l)) {
			struct testpath_entry *e = VEC_PUSH(ctx->arena, &v);
			if (!e)
				break;
			e->ok = -1;
			e->error = span_dup_trim(ctx->arena, l->s, l->len);
			e->path = np == 1 ? paths[0] : NULL;
			e->line = l->no;
			continue;
		}
		if (!noise_line(l))
			skipped = 1;
	}
	r->v = v.v;
	r->n = v.n;
	*out = r;
	if (arena_exhausted(ctx->arena)) {
		ctx->reason = "out of memory";
		return PARSE_PARTIAL;
	}
	if (!r->n) {
		ctx->reason = "no True/False answer found";
		return PARSE_PARTIAL;
	}
	if (skipped) {
		ctx->reason = "some lines are not Test-Path output";
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static struct json_object *to_json(const void *res)
{
	const struct testpath_result *r = res;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "has_command", json_object_new_boolean(r->has_command));
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct testpath_entry *e = &r->v[i];
		struct json_object *m = json_object_new_object();
		psj_str(m, "path", e->path);
		psj_tri(m, "ok", e->ok);
		psj_str(m, "error", e->error);
		psj_int(m, "line", e->line);
		json_object_array_add(arr, m);
	}
	json_object_object_add(o, "results", arr);
	return o;
}

const struct parser testpath_parser = { "test-path", bid, parse, to_json };
