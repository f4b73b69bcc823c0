/* PowerShell object output -> generic records: the shape dispatcher, the
 * Format-Table and Format-List readers, and the cheap sniffer bidders use.
 * Clixml and JSON live in psobj_clixml.c and psobj_json.c. */
#include "psobj.h"

#include <string.h>

#include "arena.h"
#include "psobj_int.h"

#define PS_MAX_COLS 64
#define SNIFF_LINES 400
/* A wrapped value longer than this stops growing (hostile input: no quadratic copying). */
#define PS_MAX_VALUE (64u << 10)
/* -Wrap continuation rows joined to one table row, at most (each join copies the row). */
#define PS_MAX_WRAPS 32

const char *ps_shape_name(enum ps_shape s)
{
	switch (s) {
	case PS_SHAPE_NONE: return "none";
	case PS_SHAPE_TABLE: return "table";
	case PS_SHAPE_LIST: return "list";
	case PS_SHAPE_CLIXML: return "clixml";
	case PS_SHAPE_JSON: return "json";
	}
	return "none";
}

/* ---- small helpers ------------------------------------------------------ */

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

int ps_name_eq(const char *a, size_t alen, const char *b)
{
	size_t i = 0;
	const char *q = b;
	for (;;) {
		while (i < alen && a[i] == ' ')
			i++;
		while (*q == ' ')
			q++;
		if (i == alen || !*q)
			return i == alen && !*q;
		if (lower((unsigned char)a[i]) != lower((unsigned char)*q))
			return 0;
		i++;
		q++;
	}
}

const struct ps_value *ps_get(const struct ps_object *o, const char *name)
{
	if (!o)
		return NULL;
	for (size_t i = 0; i < o->nprops; i++)
		if (o->props[i].name && ps_name_eq(o->props[i].name, strlen(o->props[i].name), name))
			return &o->props[i];
	return NULL;
}

int ps_bool(const struct ps_value *v)
{
	if (!v || !v->value)
		return -1;
	if (str_eq_ci(v->value, "true") || str_eq_ci(v->value, "$true") || !strcmp(v->value, "1"))
		return 1;
	if (str_eq_ci(v->value, "false") || str_eq_ci(v->value, "$false") || !strcmp(v->value, "0"))
		return 0;
	return -1;
}

static int is_word_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

int ps_command_names(const char *command, const char *cmdlet)
{
	if (!command || !cmdlet)
		return 0;
	size_t len = strlen(command), cl = strlen(cmdlet);
	for (size_t i = 0; i + cl <= len; i++) {
		if (!span_starts_ci(command + i, len - i, cmdlet))
			continue;
		int before_ok = i == 0 || !is_word_char((unsigned char)command[i - 1]);
		int after_ok = i + cl == len || !is_word_char((unsigned char)command[i + cl]);
		if (before_ok && after_ok)
			return 1;
	}
	return 0;
}

long ps_obj_add(struct arena *a, struct ps_objects *out, uint32_t line)
{
	if (arena_grow(a, (void **)&out->v, &out->cap, sizeof *out->v, out->n + 1) != 0)
		return -1;
	struct ps_object *o = &out->v[out->n];
	memset(o, 0, sizeof *o);
	o->line = line;
	return (long)out->n++;
}

struct ps_value *ps_val_add(struct arena *a, struct ps_objects *out, long idx,
			    const char *name, const char *value, uint32_t line)
{
	if (idx < 0 || (size_t)idx >= out->n)
		return NULL;
	struct ps_object *o = &out->v[idx];
	if (arena_grow(a, (void **)&o->props, &o->props_cap, sizeof *o->props, o->nprops + 1) != 0)
		return NULL;
	struct ps_value *v = &o->props[o->nprops++];
	memset(v, 0, sizeof *v);
	v->name = name;
	v->value = value;
	v->line = line;
	return v;
}

char *ps_join_lines(struct arena *a, const struct lines *t, size_t first, size_t *len)
{
	size_t total = 1;
	for (size_t i = first; i < t->n; i++) {
		if (total > SIZE_MAX - t->v[i].len - 2)
			return NULL;
		total += t->v[i].len + 1;
	}
	char *buf = arena_alloc(a, total);
	if (!buf)
		return NULL;
	size_t p = 0;
	for (size_t i = first; i < t->n; i++) {
		memcpy(buf + p, t->v[i].s, t->v[i].len);
		p += t->v[i].len;
		buf[p++] = '\n';
	}
	buf[p] = 0;
	*len = p;
	return buf;
}

static void lskip_ws(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
}

/* Truncation marks of the table formatter: "..." (5.1) or U+2026 (7.x). */
static int ends_truncated(const char *v)
{
	size_t n = strlen(v);
	return (n >= 3 && !memcmp(v + n - 3, "...", 3)) ||
	       (n >= 3 && !memcmp(v + n - 3, "\xE2\x80\xA6", 3));
}

/* ---- Format-Table ------------------------------------------------------- */

/* A dashes line: runs of '-' separated by spaces, nothing else. */
static int is_dash_rule(const struct line *l)
{
	size_t n = l->len, dashes = 0;
	while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (l->s[i] == '-')
			dashes++;
		else if (l->s[i] != ' ')
			return 0;
	}
	return dashes >= 2;
}

/* Byte range of display columns [c0, c1) of a line (c1 = SIZE_MAX: to end). */
static void col_slice(const struct line *l, size_t c0, size_t c1, size_t *b0, size_t *b1)
{
	*b0 = u8_col_offset(l->s, l->len, c0);
	*b1 = c1 == SIZE_MAX ? l->len : u8_col_offset(l->s, l->len, c1);
	if (*b1 < *b0)
		*b1 = *b0;
}

/* Header line above a dashes line: every run has a name over it. */
static size_t table_header(const struct line *hdr, const struct line *rule,
			   struct colspan *cols, size_t max)
{
	if (line_is_blank(hdr))
		return 0;
	size_t nc = rule_columns(rule, '-', cols, max);
	for (size_t k = 0; k < nc; k++) {
		size_t b0, b1;
		col_slice(hdr, cols[k].start, k + 1 < nc ? cols[k + 1].start : SIZE_MAX, &b0, &b1);
		const char *s = hdr->s + b0;
		size_t n = b1 - b0;
		span_trim(&s, &n);
		if (!n)
			return 0;
	}
	return nc;
}

/* Split a row into ncols cells; 0 when the layout fits, 1 when a fallback
 * (whitespace tokens) was used, -1 when neither fits (slices kept). */
static int row_cells(const struct line *row, const struct colspan *cols, size_t nc,
		     size_t *b0, size_t *b1)
{
	int dirty = 0;
	for (size_t k = 0; k < nc; k++) {
		col_slice(row, k ? cols[k].start : 0, k + 1 < nc ? cols[k + 1].start : SIZE_MAX,
			  &b0[k], &b1[k]);
		/* a cell boundary that falls inside a word means the row is not
		 * aligned to this header (e.g. a paste that lost its spaces) */
		if (k && b0[k] < row->len && b0[k] > 0 && row->s[b0[k] - 1] != ' ' &&
		    row->s[b0[k]] != ' ')
			dirty = 1;
	}
	if (!dirty)
		return 0;
	size_t tb0[PS_MAX_COLS], tb1[PS_MAX_COLS], nt = 0, i = 0;
	while (i < row->len) {
		while (i < row->len && row->s[i] == ' ')
			i++;
		if (i >= row->len)
			break;
		size_t st = i;
		while (i < row->len && row->s[i] != ' ')
			i++;
		if (nt == nc) {
			nt++;
			break;
		}
		tb0[nt] = st;
		tb1[nt] = i;
		nt++;
	}
	if (nt != nc)
		return -1;
	memcpy(b0, tb0, nc * sizeof *b0);
	memcpy(b1, tb1, nc * sizeof *b1);
	return 1;
}

static int read_tables(struct arena *a, const struct lines *t, struct ps_objects *out)
{
	int tables = 0;
	struct colspan cols[PS_MAX_COLS];
	const char *names[PS_MAX_COLS];
	size_t b0[PS_MAX_COLS], b1[PS_MAX_COLS];
	for (size_t i = 1; i < t->n; i++) {
		if (!is_dash_rule(&t->v[i]))
			continue;
		size_t nc = table_header(&t->v[i - 1], &t->v[i], cols, PS_MAX_COLS);
		if (!nc)
			continue;
		if (!tables)
			out->first_line = t->v[i - 1].no;
		tables++;
		const struct line *hdr = &t->v[i - 1];
		for (size_t k = 0; k < nc; k++) {
			size_t h0, h1;
			col_slice(hdr, cols[k].start, k + 1 < nc ? cols[k + 1].start : SIZE_MAX, &h0, &h1);
			names[k] = span_dup_trim(a, hdr->s + h0, h1 - h0);
			if (!names[k])
				return -1;
		}
		size_t r = i + 1;
		long prev = -1;
		unsigned wraps = 0;
		for (; r < t->n; r++) {
			const struct line *row = &t->v[r];
			if (line_is_blank(row))
				break;
			struct colspan next[PS_MAX_COLS];
			if (r + 1 < t->n && is_dash_rule(&t->v[r + 1]) &&
			    table_header(row, &t->v[r + 1], next, PS_MAX_COLS) > 0)
				break; /* the next table's header */
			int fit = row_cells(row, cols, nc, b0, b1);
			if (fit < 0) {
				out->partial = 1;
				out->reason = "a table row does not fit the column layout";
			}
			/* -Wrap continuation: first cell empty, others carry the rest */
			const char *c0s = row->s + b0[0];
			size_t c0n = b1[0] - b0[0];
			span_trim(&c0s, &c0n);
			if (c0n == 0 && prev >= 0 && fit == 0) {
				if (++wraps > PS_MAX_WRAPS)
					continue;
				struct ps_object *po = &out->v[prev];
				for (size_t k = 1; k < nc && k < po->nprops; k++) {
					struct ps_value *pv = &po->props[k];
					if (pv->value && strlen(pv->value) > PS_MAX_VALUE)
						continue;
					char *more = span_dup_trim(a, row->s + b0[k], b1[k] - b0[k]);
					if (!more)
						return -1;
					if (!*more)
						continue;
					pv->value = arena_printf(a, "%s%s", pv->value ? pv->value : "", more);
					if (!pv->value)
						return -1;
					pv->truncated = ends_truncated(pv->value);
				}
				continue;
			}
			long idx = ps_obj_add(a, out, row->no);
			if (idx < 0)
				return -1;
			prev = idx;
			wraps = 0;
			for (size_t k = 0; k < nc; k++) {
				char *v = span_dup_trim(a, row->s + b0[k], b1[k] - b0[k]);
				struct ps_value *pv = v ? ps_val_add(a, out, idx, names[k], v, row->no) : NULL;
				if (!pv)
					return -1;
				pv->truncated = ends_truncated(v);
			}
		}
		i = r;
	}
	return tables;
}

/* ---- Format-List -------------------------------------------------------- */

/* "Name   : value" / "Name :" -> name span, colon offset, value span. */
static int list_line(const struct line *l, size_t *name_len, size_t *colon, size_t *vstart)
{
	const char *s = l->s;
	size_t n = l->len, i = 0;
	if (!n)
		return 0;
	unsigned char c = (unsigned char)s[0];
	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'))
		return 0;
	while (i < n && (is_word_char((unsigned char)s[i]) || s[i] == '.'))
		i++;
	*name_len = i;
	size_t sp = i;
	while (i < n && s[i] == ' ')
		i++;
	if (i == sp || i >= n || s[i] != ':')
		return 0; /* Format-List always pads: at least one space before ':' */
	*colon = i;
	i++;
	if (i < n && s[i] != ' ')
		return 0; /* "C:\..." is not a list line */
	*vstart = i < n ? i + 1 : n;
	return 1;
}

/* Is line l the continuation of a list value whose colon is at `colon`? */
static int list_cont(const struct line *l, size_t colon)
{
	size_t nl, c2, vs, lead = 0;
	if (line_is_blank(l) || list_line(l, &nl, &c2, &vs))
		return 0;
	while (lead < l->len && l->s[lead] == ' ')
		lead++;
	return lead >= colon + 1;
}

/* The value of list line t->v[i] joined with its continuation lines (a long
 * value wrapped onto lines indented to the value column): one pass, at most
 * PS_MAX_VALUE bytes. *last gets the index of the last line used. */
static char *list_value(struct arena *a, const struct lines *t, size_t i, size_t colon, size_t vs,
			size_t *last)
{
	size_t j = i + 1, total = 0;
	while (j < t->n && list_cont(&t->v[j], colon))
		j++;
	*last = j - 1;
	for (size_t k = i; k < j && total <= PS_MAX_VALUE; k++)
		total += t->v[k].len + 1;
	if (total > PS_MAX_VALUE)
		total = PS_MAX_VALUE;
	char *buf = arena_alloc(a, total + 1);
	if (!buf)
		return NULL;
	size_t p = 0;
	for (size_t k = i; k < j; k++) {
		const char *s = k == i ? t->v[k].s + vs : t->v[k].s;
		size_t n = k == i ? t->v[k].len - vs : t->v[k].len;
		int space = k > i && t->v[k - 1].len && t->v[k - 1].s[t->v[k - 1].len - 1] == ' ';
		span_trim(&s, &n);
		/* joined directly (PowerShell cuts long words anywhere), or with one
		 * space when the line above ended in one (it broke between words) */
		if (space && p && p < total)
			buf[p++] = ' ';
		if (n > total - p)
			n = total - p;
		memcpy(buf + p, s, n);
		p += n;
	}
	buf[p] = 0;
	return buf;
}

static int read_list(struct arena *a, const struct lines *t, struct ps_objects *out)
{
	long cur = -1;
	int blocks = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l)) {
			cur = -1;
			continue;
		}
		size_t nl, colon, vs;
		if (!list_line(l, &nl, &colon, &vs))
			continue; /* a prompt, an error record: belongs to no object */
		if (cur < 0) {
			cur = ps_obj_add(a, out, l->no);
			if (cur < 0)
				return -1;
			if (!blocks)
				out->first_line = l->no;
			blocks++;
		}
		size_t last;
		char *name = arena_strndup(a, l->s, nl);
		char *val = list_value(a, t, i, colon, vs, &last);
		if (!name || !val || !ps_val_add(a, out, cur, name, val, l->no))
			return -1;
		i = last;
	}
	return blocks;
}

/* ---- dispatch ----------------------------------------------------------- */

/* Index of the first of the first few non-blank lines starting with one of
 * the given prefixes (after leading spaces), or -1. */
static long find_start(const struct lines *t, const char *const *prefixes, size_t max_nonblank)
{
	size_t seen = 0;
	for (size_t i = 0; i < t->n && seen < max_nonblank; i++) {
		const char *s = t->v[i].s;
		size_t n = t->v[i].len;
		/* UTF-8 BOM left at the start of a joined file */
		if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
			s += 3;
			n -= 3;
		}
		lskip_ws(&s, &n);
		if (!n)
			continue;
		seen++;
		for (size_t k = 0; prefixes[k]; k++)
			if (span_starts_ci(s, n, prefixes[k]))
				return (long)i;
	}
	return -1;
}

static const char *const xml_starts[] = { "<?xml", "<Objs", NULL };
static const char *const json_starts[] = { "{", "[", NULL };

int psobj_read(struct arena *a, const struct lines *t, struct ps_objects *out)
{
	memset(out, 0, sizeof *out);
	long x = find_start(t, xml_starts, 3);
	if (x >= 0) {
		out->shape = PS_SHAPE_CLIXML;
		return psobj_read_clixml(a, t, (size_t)x, out);
	}
	long j = find_start(t, json_starts, 3);
	if (j >= 0) {
		struct ps_objects js;
		memset(&js, 0, sizeof js);
		js.shape = PS_SHAPE_JSON;
		if (psobj_read_json(a, t, (size_t)j, &js) == 0) {
			*out = js;
			return 0;
		}
		if (arena_exhausted(a))
			return -1;
		out->reason = js.reason; /* maybe a table/list after all */
	}
	int nt = read_tables(a, t, out);
	if (nt < 0)
		return -1;
	if (nt > 0) {
		out->shape = PS_SHAPE_TABLE;
		return 0;
	}
	out->n = 0;
	int nl = read_list(a, t, out);
	if (nl < 0)
		return -1;
	if (nl > 0) {
		out->shape = PS_SHAPE_LIST;
		return 0;
	}
	out->shape = PS_SHAPE_NONE;
	if (!out->reason)
		out->reason = "no PowerShell table, list, Clixml or JSON found";
	return -1;
}

/* ---- sniffing for bids -------------------------------------------------- */

static void sniff_name(struct ps_sniff *s, const char *p, size_t n)
{
	span_trim(&p, &n);
	if (!n || s->nnames >= PS_SNIFF_MAX)
		return;
	for (size_t i = 0; i < s->nnames; i++)
		if (s->names[i].len == n && !memcmp(s->names[i].s, p, n))
			return;
	s->names[s->nnames].s = p;
	s->names[s->nnames].len = n;
	s->nnames++;
}

static long span_find(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	if (k > n)
		return -1;
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, needle, k))
			return (long)i;
	return -1;
}

static void sniff_clixml(const struct lines *t, size_t first, struct ps_sniff *s)
{
	size_t end = t->n < first + SNIFF_LINES ? t->n : first + SNIFF_LINES;
	for (size_t i = first; i < end; i++) {
		const char *p = t->v[i].s;
		size_t n = t->v[i].len;
		long at = span_find(p, n, "<T>");
		if (at >= 0 && s->ntypes < 8) {
			const char *q = p + at + 3;
			size_t rest = n - (size_t)at - 3;
			long e = span_find(q, rest, "</T>");
			if (e > 0) {
				s->types[s->ntypes].s = q;
				s->types[s->ntypes].len = (size_t)e;
				s->ntypes++;
			}
		}
		if (span_find(p, n, "<Obj ") >= 0 || span_find(p, n, "<Obj>") >= 0)
			s->rows++;
		long nat = span_find(p, n, " N=\"");
		if (nat >= 0) {
			const char *q = p + nat + 4;
			size_t rest = n - (size_t)nat - 4;
			long e = span_find(q, rest, "\"");
			if (e > 0)
				sniff_name(s, q, (size_t)e);
		}
	}
}

static void sniff_json(const struct lines *t, size_t first, struct ps_sniff *s)
{
	size_t end = t->n < first + SNIFF_LINES ? t->n : first + SNIFF_LINES;
	for (size_t i = first; i < end; i++) {
		const char *p = t->v[i].s;
		size_t n = t->v[i].len;
		lskip_ws(&p, &n);
		if (n && (*p == '{' || *p == '['))
			s->rows++;
		if (n < 3 || *p != '"')
			continue;
		long e = span_find(p + 1, n - 1, "\"");
		if (e <= 0)
			continue;
		const char *after = p + 1 + e + 1;
		size_t an = n - 1 - (size_t)e - 1;
		lskip_ws(&after, &an);
		if (an && *after == ':')
			sniff_name(s, p + 1, (size_t)e);
	}
}

void psobj_sniff(const struct lines *t, struct ps_sniff *s)
{
	memset(s, 0, sizeof *s);
	long x = find_start(t, xml_starts, 3);
	if (x >= 0) {
		s->shape = PS_SHAPE_CLIXML;
		sniff_clixml(t, (size_t)x, s);
		return;
	}
	long j = find_start(t, json_starts, 3);
	if (j >= 0) {
		s->shape = PS_SHAPE_JSON;
		sniff_json(t, (size_t)j, s);
		if (s->nnames)
			return;
		memset(s, 0, sizeof *s);
	}
	size_t end = t->n < SNIFF_LINES ? t->n : SNIFF_LINES;
	struct colspan cols[PS_MAX_COLS];
	for (size_t i = 1; i < end; i++) {
		if (!is_dash_rule(&t->v[i]))
			continue;
		size_t nc = table_header(&t->v[i - 1], &t->v[i], cols, PS_MAX_COLS);
		if (!nc)
			continue;
		s->shape = PS_SHAPE_TABLE;
		const struct line *hdr = &t->v[i - 1];
		for (size_t k = 0; k < nc; k++) {
			size_t b0, b1;
			col_slice(hdr, cols[k].start, k + 1 < nc ? cols[k + 1].start : SIZE_MAX, &b0, &b1);
			sniff_name(s, hdr->s + b0, b1 - b0);
		}
		for (size_t r = i + 1; r < end && !line_is_blank(&t->v[r]); r++)
			s->rows++;
		return;
	}
	int in_block = 0;
	for (size_t i = 0; i < end; i++) {
		size_t nl, colon, vs;
		if (line_is_blank(&t->v[i])) {
			in_block = 0;
			continue;
		}
		if (!list_line(&t->v[i], &nl, &colon, &vs))
			continue;
		s->shape = PS_SHAPE_LIST;
		if (!in_block)
			s->rows++;
		in_block = 1;
		sniff_name(s, t->v[i].s, nl);
	}
}

int ps_sniff_has(const struct ps_sniff *s, const char *name)
{
	for (size_t i = 0; i < s->nnames; i++)
		if (ps_name_eq(s->names[i].s, s->names[i].len, name))
			return 1;
	return 0;
}

int ps_sniff_type_has(const struct ps_sniff *s, const char *needle)
{
	for (size_t i = 0; i < s->ntypes; i++)
		if (span_find_ci(s->types[i].s, s->types[i].len, needle) >= 0)
			return 1;
	return 0;
}
