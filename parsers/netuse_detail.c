/* net-use-detail: what `net use X:` or `net use \\srv\share` prints.
 *
 *   Local name        Y:
 *   Remote name       \\srv\share
 *   Resource type     Disk
 *   Status            OK
 *   # Opens           0
 *   # Connections     1
 *   The command completed successfully.
 *
 * Labels are localized and padded to a width that depends on the language,
 * so the block is recognised by structure: a label line whose value starts
 * with \\, the line above it (local name: empty or a device), and label/value
 * lines below whose values start in the same column. Fields are taken by
 * position. Non-SMB providers print only the first three lines. */
#include "netuse.h"

#include <json-c/json.h>
#include <string.h>

#define MAX_FIELDS 4          /* resource type, status, # opens, # connections */
#define LABEL_MAX_COLS 40
#define BID_SCAN_LINES 4000

struct dmatch {
	size_t local;            /* line index of "Local name" */
	size_t remote;           /* line index of "Remote name" */
	size_t vcol;             /* display column where values start */
	size_t nfields;
	size_t field[MAX_FIELDS];
	int en;                  /* English labels: certain */
};

/* Split a line at display column vcol into trimmed label and value. */
static void split_at(const struct line *l, size_t vcol, const char **lab, size_t *ln,
		     const char **val, size_t *vn)
{
	size_t off = u8_col_offset(l->s, l->len, vcol);
	*lab = l->s;
	*ln = off;
	span_trim(lab, ln);
	*val = l->s + off;
	*vn = l->len - off;
	span_trim(val, vn);
}

/* A "label   value" line whose value starts at vcol after at least one space. */
static int field_line(const struct line *l, size_t vcol)
{
	size_t off = u8_col_offset(l->s, l->len, vcol);
	if (off == 0 || off >= l->len || l->s[off - 1] != ' ' || l->s[off] == ' ')
		return 0;
	const char *lab, *val;
	size_t ln, vn;
	split_at(l, vcol, &lab, &ln, &val, &vn);
	return ln > 0 && vn > 0 && !memchr(lab, '>', ln) && u8_width(lab, ln) <= LABEL_MAX_COLS;
}

static int detail_at(const struct lines *t, size_t i, const uint8_t *used, struct dmatch *m)
{
	const struct line *l = &t->v[i];
	if (i == 0 || (used && (used[i] || used[i - 1])) || l->len > 4096)
		return 0;
	long r = netuse_unc_start(l->s, l->len);
	if (r <= 0 || net_prompt_command(l->s, l->len) >= 0)
		return 0;
	/* remote line: label, 1+ spaces, \\remote */
	const char *lab = l->s;
	size_t ln = (size_t)r;
	if (l->s[r - 1] != ' ')
		return 0;
	span_trim(&lab, &ln);
	if (ln == 0 || memchr(lab, '>', ln) || memchr(lab, ':', ln) || u8_width(lab, ln) > LABEL_MAX_COLS)
		return 0;
	size_t vcol = u8_width(l->s, (size_t)r);
	/* local line just above: label alone, or label + device in the value column */
	const struct line *p = &t->v[i - 1];
	if (line_is_blank(p) || netuse_unc_start(p->s, p->len) >= 0 || p->len > 4096)
		return 0;
	const char *plab, *pval;
	size_t pln, pvn;
	split_at(p, vcol, &plab, &pln, &pval, &pvn);
	if (pln == 0 || memchr(plab, '>', pln) || memchr(plab, ':', pln) || memchr(plab, '-', pln) ||
	    u8_width(plab, pln) > LABEL_MAX_COLS)
		return 0;
	if (pvn && !netuse_is_device(pval, pvn))
		return 0;
	memset(m, 0, sizeof *m);
	m->local = i - 1;
	m->remote = i;
	m->vcol = vcol;
	for (size_t k = i + 1; k < t->n && m->nfields < MAX_FIELDS; k++) {
		if ((used && used[k]) || !field_line(&t->v[k], vcol))
			break;
		m->field[m->nfields++] = k;
	}
	if (!m->nfields)
		return 0;
	m->en = ln == 11 && span_starts_ci(lab, ln, "Remote name");
	return 1;
}

static int small_number(const char *s, size_t n)
{
	long v = 0;
	if (n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return (int)v;
}

static int take_block(struct arena *a, const struct lines *t, const struct dmatch *m, uint8_t *used,
		      struct netuse_detail_result *r)
{
	struct netuse_detail *d = VEC_PUSH(a, &r->blocks);
	if (!d)
		return -1;
	memset(d, 0, sizeof *d);
	d->opens = d->connections = -1;
	d->status = CONN_UNKNOWN;
	const char *lab, *val;
	size_t ln, vn;
	split_at(&t->v[m->local], m->vcol, &lab, &ln, &val, &vn);
	d->local = vn ? arena_strndup(a, val, vn) : NULL;
	d->line = t->v[m->local].no;
	split_at(&t->v[m->remote], m->vcol, &lab, &ln, &val, &vn);
	d->remote = netuse_remote_dup(a, val, vn);
	d->remote_line = t->v[m->remote].no;
	used[m->local] = used[m->remote] = 1;
	for (size_t f = 0; f < m->nfields; f++) {
		size_t k = m->field[f];
		split_at(&t->v[k], m->vcol, &lab, &ln, &val, &vn);
		used[k] = 1;
		switch (f) {
		case 0:
			d->resource_type = arena_strndup(a, val, vn);
			break;
		case 1:
			d->status_text = arena_strndup(a, val, vn);
			d->status = netuse_status_from_text(val, vn);
			d->status_line = t->v[k].no;
			break;
		case 2:
			d->opens = small_number(val, vn);
			break;
		case 3:
			d->connections = small_number(val, vn);
			break;
		}
	}
	/* footer: next non-blank line, when it reads like one */
	size_t last = m->nfields ? m->field[m->nfields - 1] : m->remote;
	for (size_t k = last + 1; k < t->n && k <= last + 2; k++) {
		const char *s = t->v[k].s;
		size_t n = t->v[k].len;
		span_trim(&s, &n);
		if (!n)
			continue;
		if (!used[k] && (netuse_is_footer(s, n) ||
				 (n < 300 && (s[n - 1] == '.' || (n >= 3 && !memcmp(s + n - 3, "。", 3))) &&
				  netuse_unc_start(s, n) < 0 && net_prompt_command(s, n) < 0))) {
			d->footer = arena_strndup(a, s, n);
			d->footer_line = t->v[k].no;
			used[k] = 1;
		}
		break;
	}
	return 0;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct netuse_detail_result *r = arena_alloc(ctx->arena, sizeof *r);
	uint8_t *used = arena_alloc(ctx->arena, t->n ? t->n : 1);
	if (!r || !used || neterr_scan(t, ctx->arena, &r->errors, used) != 0) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	for (size_t i = 1; i < t->n; i++) {
		struct dmatch m;
		if (detail_at(t, i, used, &m) && take_block(ctx->arena, t, &m, used, r) != 0) {
			ctx->reason = "out of memory";
			return PARSE_FAILED;
		}
	}
	if (!r->blocks.n) {
		ctx->reason = "no net use detail block found";
		return PARSE_FAILED;
	}
	*out = r;
	size_t left = 0;
	uint32_t first = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (used[i] || line_is_blank(&t->v[i]) || net_prompt_command(t->v[i].s, t->v[i].len) >= 0)
			continue;
		if (!left)
			first = t->v[i].no;
		left++;
	}
	if (left) {
		ctx->reason = arena_printf(ctx->arena, "%zu line(s) not understood, first at line %u",
					   left, first);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	int best = BID_NONE;
	size_t limit = t->n < BID_SCAN_LINES ? t->n : BID_SCAN_LINES;
	for (size_t i = 1; i < limit; i++) {
		struct dmatch m;
		if (!detail_at(t, i, NULL, &m))
			continue;
		int b = m.en ? BID_CERTAIN : m.nfields >= 2 ? BID_STRONG : 60;
		if (b > best)
			best = b;
	}
	return best;
}

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static void put_int_or_null(struct json_object *o, const char *k, long v)
{
	json_object_object_add(o, k, v >= 0 ? json_object_new_int64(v) : NULL);
}

static struct json_object *to_json(const void *result)
{
	const struct netuse_detail_result *r = result;
	struct json_object *o = json_object_new_object();
	if (!r)
		return o;
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->blocks.n; i++) {
		const struct netuse_detail *d = &r->blocks.v[i];
		struct json_object *j = json_object_new_object();
		put_int_or_null(j, "line", d->line);
		put_str(j, "local", d->local);
		put_str(j, "remote", d->remote);
		put_int_or_null(j, "remote_line", d->remote_line);
		put_str(j, "resource_type", d->resource_type);
		put_str(j, "status", d->status_text ? conn_status_name(d->status) : NULL);
		put_str(j, "status_text", d->status_text);
		put_int_or_null(j, "status_line", d->status_line ? (long)d->status_line : -1);
		put_int_or_null(j, "opens", d->opens);
		put_int_or_null(j, "connections", d->connections);
		put_str(j, "footer", d->footer);
		json_object_array_add(arr, j);
	}
	json_object_object_add(o, "connections", arr);
	neterr_scan_to_json(o, &r->errors);
	return o;
}

const struct parser netuse_detail_parser = { "net-use-detail", bid, parse, to_json };
