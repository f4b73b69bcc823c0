/* service: Get-Service in any PowerShell shape, and sc query output ->
 * struct service_result. sc's labels may be localized (e.g. German
 * "ZUSTAND" in some reports) while the state number is not, so the state is
 * read from structure: the "N  WORD" value of the STATE line, which is the
 * second indented line of a block. */
#include "service.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "psjson.h"
#include "psobj.h"
#include "rx.h"

static const char *const state_names[] = {
	NULL, "Stopped", "StartPending", "StopPending", "Running",
	"ContinuePending", "PausePending", "Paused",
};

int service_state_value(const char *text)
{
	if (!text)
		return -1;
	const char *p = text;
	while (*p == ' ')
		p++;
	if (*p >= '1' && *p <= '7' && (p[1] == 0 || p[1] == ' '))
		return *p - '0';
	char buf[32];
	size_t n = 0;
	for (; *p && n + 1 < sizeof buf; p++)
		if (*p != '_' && *p != ' ')
			buf[n++] = *p;
	buf[n] = 0;
	for (int i = 1; i <= 7; i++)
		if (str_eq_ci(buf, state_names[i]))
			return i;
	return -1;
}

static int running_of(int state)
{
	switch (state) {
	case 4: return 1;
	case 1: case 3: case 7: return 0;
	default: return -1; /* starting, resuming, pausing: transient */
	}
}

static int ends_cut(const char *v)
{
	size_t n = v ? strlen(v) : 0;
	return (n >= 3 && !memcmp(v + n - 3, "...", 3)) || (n >= 3 && !memcmp(v + n - 3, "\xE2\x80\xA6", 3));
}

/* ---- sc query ----------------------------------------------------------- */

/* "SERVICE_NAME: x" (unindented label without spaces, then ':') */
static struct rx re_sc_head = RX("^([^\\s:]{2,40}):\\s*(\\S.*)$", 0);
/* "        STATE              : 4  RUNNING" */
static struct rx re_sc_field = RX("^\\s+([^\\s:][^:]{0,40}?)\\s*:\\s*(.*)$", 0);
static struct rx re_sc_state = RX("^([1-7])\\s+(\\S+)", 0);
static struct rx re_sc_failed = RX("^\\[SC\\].*FAILED\\s+(\\d+)", 0);
static struct rx re_rows = RX("^(Running|Stopped|StartPending|StopPending|ContinuePending|PausePending|Paused)"
			      "\\s+(\\S+)(?:\\s+(.*))?$", 0);

static int is_state_label(const char *s, size_t n)
{
	static const char *const labels[] = { "STATE", "ZUSTAND", "STATUS", "ÉTAT", "ETAT", "STATO",
					      "ESTADO", "状态", "状態", "Состояние", NULL };
	for (size_t i = 0; labels[i]; i++)
		if (strlen(labels[i]) == n && span_starts_ci(s, n, labels[i]))
			return 1;
	return 0;
}

/* Is line i the head of an sc block (an indented field follows within 2 lines)? */
static int sc_head_at(const struct lines *t, size_t i)
{
	size_t ov[6];
	const struct line *l = &t->v[i];
	if (!l->len || l->s[0] == ' ' || rx_match(&re_sc_head, l->s, l->len, ov, 3) <= 0)
		return 0;
	for (size_t k = i + 1; k < t->n && k <= i + 2; k++)
		if (rx_match(&re_sc_field, t->v[k].s, t->v[k].len, ov, 3) > 0)
			return 1;
	return 0;
}

static const char *sc_command_name(struct arena *a, const char *cmd)
{
	static struct rx re = RX("\\bsc(?:\\.exe)?\\s+(?:\\\\\\\\\\S+\\s+)?query(?:ex)?\\s+\"?([^\\s\"]+)", RX_CASELESS);
	size_t ov[6];
	if (!cmd || rx_match(&re, cmd, strlen(cmd), ov, 3) <= 0)
		return NULL;
	return arena_strndup(a, cmd + ov[2], ov[3] - ov[2]);
}

static int parse_sc(const struct lines *t, struct parse_ctx *ctx, struct service_result *r)
{
	VEC(struct service_entry) v = { 0 };
	struct service_entry *cur = NULL;
	int fields = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		size_t ov[6];
		if (rx_match(&re_sc_failed, l->s, l->len, ov, 2) > 0) {
			struct service_entry *e = VEC_PUSH(ctx->arena, &v);
			if (!e)
				return -1;
			e->name = sc_command_name(ctx->arena, ctx->command);
			int code = 0;
			for (size_t k = ov[2]; k < ov[3] && code < 100000000; k++)
				code = code * 10 + (l->s[k] - '0'); /* \d+ matched: digits only */
			e->error_code = code;
			e->status_text = span_dup_trim(ctx->arena, l->s, l->len);
			e->state = -1;
			e->running = e->error_code == 1060 ? 0 : -1; /* 1060: no such service */
			e->line = l->no;
			cur = NULL;
			continue;
		}
		if (sc_head_at(t, i) || (cur && fields == 0 && l->len && l->s[0] != ' ' &&
					 rx_match(&re_sc_head, l->s, l->len, ov, 3) > 0)) {
			rx_match(&re_sc_head, l->s, l->len, ov, 3);
			if (cur && fields == 0) {
				/* DISPLAY_NAME: the second head line of a `sc query` listing */
				cur->display = span_dup_trim(ctx->arena, l->s + ov[4], ov[5] - ov[4]);
				continue;
			}
			cur = VEC_PUSH(ctx->arena, &v);
			if (!cur)
				return -1;
			cur->name = span_dup_trim(ctx->arena, l->s + ov[4], ov[5] - ov[4]);
			cur->state = -1;
			cur->running = -1;
			cur->line = l->no;
			fields = 0;
			continue;
		}
		if (!cur || rx_match(&re_sc_field, l->s, l->len, ov, 3) <= 0)
			continue;
		fields++;
		const char *lab = l->s + ov[2], *val = l->s + ov[4];
		size_t labn = ov[3] - ov[2], valn = ov[5] - ov[4];
		size_t sv[6];
		int known = is_state_label(lab, labn);
		if ((known || (fields == 2 && cur->state < 0)) &&
		    rx_match(&re_sc_state, val, valn, sv, 3) > 0) {
			cur->state = val[sv[2]] - '0';
			cur->running = running_of(cur->state);
			cur->status_text = span_dup_trim(ctx->arena, val, valn);
			cur->line = l->no;
		}
	}
	r->v = v.v;
	r->n = v.n;
	r->shape = "sc";
	r->line = v.n ? v.v[0].line : 0;
	return 0;
}

static int has_sc(const struct lines *t, int *strong)
{
	*strong = 0;
	size_t end = t->n < 200 ? t->n : 200;
	for (size_t i = 0; i < end; i++) {
		const struct line *l = &t->v[i];
		if (span_starts_ci(l->s, l->len, "SERVICE_NAME:")) {
			*strong = 1;
			return 1;
		}
		size_t ov[4];
		if (rx_match(&re_sc_failed, l->s, l->len, ov, 2) > 0)
			return 1;
		if (sc_head_at(t, i))
			return 1;
	}
	return 0;
}

/* ---- Get-Service rows without a header (pasted rows) --------------------- */

static int rows_only(const struct lines *t, size_t *nrows)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (line_is_blank(&t->v[i]))
			continue;
		size_t ov[8];
		if (rx_match(&re_rows, t->v[i].s, t->v[i].len, ov, 4) <= 0)
			return 0;
		n++;
	}
	*nrows = n;
	return n > 0;
}

static int parse_rows(const struct lines *t, struct parse_ctx *ctx, struct service_result *r)
{
	r->v = arena_alloc(ctx->arena, (t->n ? t->n : 1) * sizeof *r->v);
	if (!r->v)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		size_t ov[8];
		if (rx_match(&re_rows, l->s, l->len, ov, 4) <= 0)
			continue;
		struct service_entry *e = &r->v[r->n++];
		e->status_text = arena_strndup(ctx->arena, l->s + ov[2], ov[3] - ov[2]);
		e->name = arena_strndup(ctx->arena, l->s + ov[4], ov[5] - ov[4]);
		if (ov[6] != (size_t)-1)
			e->display = span_dup_trim(ctx->arena, l->s + ov[6], ov[7] - ov[6]);
		e->state = service_state_value(e->status_text);
		e->running = running_of(e->state);
		e->truncated = ends_cut(e->name);
		e->line = l->no;
	}
	r->shape = "rows";
	r->line = r->n ? r->v[0].line : 0;
	return 0;
}

/* ---- PowerShell objects --------------------------------------------------- */

static int parse_objects(const struct lines *t, struct parse_ctx *ctx, struct service_result *r,
			 int *partial)
{
	struct ps_objects po;
	if (psobj_read(ctx->arena, t, &po) != 0) {
		ctx->reason = po.reason;
		return -1;
	}
	*partial = po.partial;
	if (po.partial)
		ctx->reason = po.reason;
	r->shape = ps_shape_name(po.shape);
	r->line = po.first_line;
	r->v = arena_alloc(ctx->arena, (po.n ? po.n : 1) * sizeof *r->v);
	if (!r->v)
		return -1;
	for (size_t i = 0; i < po.n; i++) {
		const struct ps_object *o = &po.v[i];
		const struct ps_value *nm = ps_get(o, "Name");
		if (!nm || !nm->value)
			nm = ps_get(o, "ServiceName");
		const struct ps_value *st = ps_get(o, "Status");
		if (!nm || !st)
			continue;
		struct service_entry *e = &r->v[r->n++];
		e->name = nm->value;
		e->truncated = nm->truncated;
		const struct ps_value *dn = ps_get(o, "DisplayName");
		e->display = dn ? dn->value : NULL;
		e->status_text = st->value;
		e->state = st->has_num && st->num >= 1 && st->num <= 7 ? (int)st->num
								       : service_state_value(st->value);
		e->running = running_of(e->state);
		e->line = st->line ? st->line : nm->line;
		if (po.shape == PS_SHAPE_TABLE)
			e->line = nm->line;
	}
	return 0;
}

static int names_cmd(const char *cmd)
{
	static struct rx re_sc = RX("\\bsc(?:\\.exe)?\\s+(?:\\\\\\\\\\S+\\s+)?query", RX_CASELESS);
	size_t ov[2];
	return ps_command_names(cmd, "Get-Service") || ps_command_names(cmd, "gsv") ||
	       (cmd && rx_match(&re_sc, cmd, strlen(cmd), ov, 1) > 0);
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	int b = BID_NONE, strong;
	struct ps_sniff s;
	psobj_sniff(t, &s);
	size_t nrows;
	if (s.shape == PS_SHAPE_CLIXML && ps_sniff_type_has(&s, "ServiceController"))
		b = BID_CERTAIN;
	else if (ps_sniff_has(&s, "Status") && ps_sniff_has(&s, "Name") && ps_sniff_has(&s, "DisplayName"))
		b = BID_STRONG + 10;
	else if (ps_sniff_has(&s, "Status") && ps_sniff_has(&s, "ServiceName"))
		b = BID_STRONG;
	else if (has_sc(t, &strong))
		b = strong ? BID_STRONG + 10 : BID_LIKELY + 20;
	else if (rows_only(t, &nrows))
		b = BID_LIKELY;
	if (b && names_cmd(ctx->command))
		b += 10;
	return b > BID_CERTAIN ? BID_CERTAIN : b;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct service_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	int strong, partial = 0;
	size_t nrows;
	int rc;
	if (has_sc(t, &strong))
		rc = parse_sc(t, ctx, r);
	else if (rows_only(t, &nrows))
		rc = parse_rows(t, ctx, r);
	else
		rc = parse_objects(t, ctx, r, &partial);
	if (rc != 0) {
		if (!ctx->reason)
			ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	*out = r;
	if (r->n == 0) {
		ctx->reason = "no service (Name and Status) found";
		return PARSE_PARTIAL;
	}
	return partial ? PARSE_PARTIAL : PARSE_OK;
}

static struct json_object *to_json(const void *res)
{
	const struct service_result *r = res;
	struct json_object *o = json_object_new_object();
	psj_str(o, "shape", r->shape);
	psj_int(o, "line", r->line);
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct service_entry *e = &r->v[i];
		struct json_object *m = json_object_new_object();
		psj_str(m, "name", e->name);
		psj_str(m, "display", e->display);
		psj_str(m, "status_text", e->status_text);
		psj_str(m, "state", e->state > 0 ? state_names[e->state] : NULL);
		psj_tri(m, "running", e->running);
		if (e->error_code)
			psj_int(m, "error_code", e->error_code);
		json_object_object_add(m, "truncated", json_object_new_boolean(e->truncated));
		psj_int(m, "line", e->line);
		json_object_array_add(arr, m);
	}
	json_object_object_add(o, "services", arr);
	return o;
}

const struct parser service_parser = { "service", bid, parse, to_json };
