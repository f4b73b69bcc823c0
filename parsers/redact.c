/* The redaction pass: runs on every decoded file before anything else
 * reads it. Each line (continued lines joined: `^` in cmd, ` in
 * PowerShell) goes through the command-line engine (cmdline_secrets) and
 * three raw scans for formats that are not command lines: XML password
 * attributes (Group Policy Preferences `cpassword="…"`), WshNetwork
 * `MapNetworkDrive(…, user, password)` and PowerShell `ParameterBinding`
 * log lines. Every span found is replaced by REDACT_MARK (inside its quotes
 * when quoted) and recorded as (line, what) — never the value.
 *
 * Idempotent: a value that already is REDACT_MARK is not a secret. Only
 * whole characters are removed and only ASCII is inserted, so valid UTF-8
 * stays valid. Linear in the text: every scan moves forward. */
#include "redact.h"

#include <stdlib.h>
#include <string.h>

#include "cmdline.h"
#include "text.h"

#define MAX_JOIN_LINES 64
#define MAX_JOIN_BYTES (256u << 10)

struct span {
	size_t a, b;
	const char *what;
	size_t seq; /* order found: among equal spans the first finder names it */
};

struct spans {
	struct span *v;
	size_t n, cap;
	int oom;
};

static void add_span(void *user, size_t off, size_t len, const char *what)
{
	struct spans *sp = user;
	if (len == 0 || sp->oom)
		return;
	if (sp->n == sp->cap) {
		size_t nc = sp->cap ? sp->cap * 2 : 16;
		struct span *p = realloc(sp->v, nc * sizeof *p);
		if (!p) {
			sp->oom = 1;
			return;
		}
		sp->v = p;
		sp->cap = nc;
	}
	sp->v[sp->n].a = off;
	sp->v[sp->n].b = off + len;
	sp->v[sp->n].what = what;
	sp->v[sp->n].seq = sp->n;
	sp->n++;
}

static int lower_c(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static int is_mark(const char *s, size_t n)
{
	return n == sizeof REDACT_MARK - 1 && memcmp(s, REDACT_MARK, n) == 0;
}

static void add_value(struct spans *sp, const char *s, size_t a, size_t b, const char *what)
{
	if (b > a && !is_mark(s + a, b - a))
		add_span(sp, a, b - a, what);
}

/* ---- raw scans ----------------------------------------------------------- */

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-' || c == ':' || c == '.';
}

/* An XML/HTML-ish attribute: name="value" where the name ends in
 * "password" (cpassword, Password, AdminPassword) or is pwd/passwd. */
static void scan_attributes(const char *s, size_t len, struct spans *sp)
{
	size_t i = 0;
	while (i < len) {
		const char *eq = memchr(s + i, '=', len - i);
		if (!eq)
			return;
		size_t e = (size_t)(eq - s);
		i = e + 1;
		size_t ne = e;
		while (ne > 0 && (s[ne - 1] == ' ' || s[ne - 1] == '\t'))
			ne--;
		size_t ns = ne;
		while (ns > 0 && name_char(s[ns - 1]) && ne - ns < 64)
			ns--;
		if (ns == ne)
			continue;
		const char *nm = s + ns;
		size_t nl = ne - ns;
		char lc[64];
		size_t k;
		for (k = 0; k < nl && k < sizeof lc - 1; k++)
			lc[k] = (char)lower_c((unsigned char)nm[k]);
		lc[k] = 0;
		int pw = (k >= 8 && strcmp(lc + k - 8, "password") == 0) || strcmp(lc, "pwd") == 0 ||
			 strcmp(lc, "passwd") == 0;
		if (!pw)
			continue;
		size_t j = i;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= len || (s[j] != '"' && s[j] != '\''))
			continue;
		char q = s[j];
		const char *close = memchr(s + j + 1, q, len - j - 1);
		if (!close)
			continue;
		size_t vb = j + 1, ve = (size_t)(close - s);
		add_value(sp, s, vb, ve, strcmp(lc, "cpassword") == 0 ? "cpassword" : "password attribute");
		i = ve + 1;
	}
}

/* Connection strings: …;Password=value; (also Pwd=), the key at the start
 * of the text or after ';' or '{' (spaces allowed after ';'); the value
 * runs to the next ';' or '}' or to the end of the line, and holds no quote. */
static void scan_keyvalue(const char *s, size_t len, struct spans *sp)
{
	if (!memchr(s, ';', len))
		return;
	static const char *const keys[] = { "password", "pwd", NULL };
	for (size_t k = 0; keys[k]; k++) {
		size_t kl = strlen(keys[k]);
		for (size_t i = 0; i + kl < len;) {
			long f = span_find_ci(s + i, len - i, keys[k]);
			if (f < 0)
				break;
			size_t at = i + (size_t)f;
			i = at + kl;
			size_t b = at;
			while (b > 0 && s[b - 1] == ' ')
				b--;
			if (!(b == 0 || s[b - 1] == ';' || (s[b - 1] == '{' && b == at)))
				continue;
			size_t j = at + kl;
			if (j >= len || s[j] != '=')
				continue;
			j++;
			size_t vb = j;
			while (j < len && s[j] != ';' && s[j] != '}' && s[j] != '"' && s[j] != '\'')
				j++;
			if (j < len && (s[j] == '"' || s[j] == '\''))
				continue; /* quoted: a command line or markup, read elsewhere */
			size_t ve = j;
			while (ve > vb && s[ve - 1] == ' ')
				ve--;
			add_value(sp, s, vb, ve, "password assignment");
			i = j;
		}
	}
}

/* WshNetwork.MapNetworkDrive(local, remote, [update], [user], [password]) in
 * VBScript, JScript or PowerShell through COM: the fifth argument. */
static void scan_mapnetworkdrive(const char *s, size_t len, struct spans *sp)
{
	size_t i = 0;
	for (;;) {
		long f = span_find_ci(s + i, len - i, "mapnetworkdrive");
		if (f < 0)
			return;
		size_t j = i + (size_t)f + 15;
		i = j;
		while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '('))
			j++;
		int argn = 0;
		while (j < len && argn < 5) {
			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (j >= len)
				break;
			size_t vb = j, ve = j;
			int quoted = 0;
			if (s[j] == '"' || s[j] == '\'') {
				char q = s[j++];
				vb = j;
				while (j < len) {
					if (s[j] == q && j + 1 < len && s[j + 1] == q) {
						j += 2; /* "" inside a VBScript string */
						continue;
					}
					if (s[j] == q)
						break;
					j++;
				}
				ve = j;
				if (j < len)
					j++;
				quoted = 1;
			} else {
				while (j < len && s[j] != ',' && s[j] != ')')
					j++;
				ve = j;
			}
			argn++;
			if (argn == 5 && quoted)
				add_value(sp, s, vb, ve, "MapNetworkDrive password");
			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (j < len && s[j] == ',') {
				j++;
				continue;
			}
			break;
		}
		if (j > i)
			i = j;
	}
}

/* PowerShell pipeline logging: ParameterBinding(New-SmbMapping): name="Password"; value="…" */
static void scan_parameterbinding(const char *s, size_t len, struct spans *sp)
{
	long f = span_find_ci(s, len, "parameterbinding");
	if (f < 0)
		return;
	long n = span_find_ci(s + f, len - (size_t)f, "name=\"");
	if (n < 0)
		return;
	size_t nb = (size_t)f + (size_t)n + 6;
	const char *nq = memchr(s + nb, '"', len - nb);
	if (!nq)
		return;
	size_t ne = (size_t)(nq - s);
	if (!cl_name_is_password(s + nb, ne - nb))
		return;
	long v = span_find_ci(s + ne, len - ne, "value=\"");
	if (v < 0)
		return;
	size_t vb = ne + (size_t)v + 7, ve = len;
	while (ve > vb && s[ve - 1] != '"')
		ve--;
	if (ve > vb)
		ve--; /* the closing quote */
	add_value(sp, s, vb, ve, "ParameterBinding password");
}

/* ---- one logical line ----------------------------------------------------- */

static const char *const needles[] = {
	"use", "cmdkey", "pass", "pw", "secret", "securestring", "pscredential",
	"mapnetworkdrive", NULL,
};

static int worth_scanning(const char *s, size_t n)
{
	for (size_t k = 0; needles[k]; k++)
		if (span_find_ci(s, n, needles[k]) >= 0)
			return 1;
	return 0;
}

static int find_secrets(const char *s, size_t n, struct spans *sp)
{
	if (!worth_scanning(s, n))
		return 0;
	/* the format-specific scans first: they name what they find best */
	scan_attributes(s, n, sp);
	scan_keyvalue(s, n, sp);
	scan_mapnetworkdrive(s, n, sp);
	scan_parameterbinding(s, n, sp);
	if (cmdline_secrets(s, n, CL_AUTO, add_span, sp) < 0)
		sp->oom = 1;
	return sp->oom ? -1 : 0;
}

static int span_cmp(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? 1 : -1;
	return a->seq < b->seq ? -1 : a->seq > b->seq ? 1 : 0;
}

/* Sort and merge overlapping spans (the first one keeps its `what`). */
static void merge_spans(struct spans *sp)
{
	if (sp->n < 2)
		return;
	qsort(sp->v, sp->n, sizeof *sp->v, span_cmp);
	size_t w = 0;
	for (size_t r = 1; r < sp->n; r++) {
		if (sp->v[r].a < sp->v[w].b) {
			if (sp->v[r].b > sp->v[w].b)
				sp->v[w].b = sp->v[r].b;
		} else {
			sp->v[++w] = sp->v[r];
		}
	}
	sp->n = w + 1;
}

/* Copy of s with the spans (sorted, disjoint, within [0, n)) replaced. */
static char *apply(struct arena *a, const char *s, size_t n, const struct span *v, size_t k,
		   size_t *out_len)
{
	size_t mark = sizeof REDACT_MARK - 1, len = n;
	for (size_t i = 0; i < k; i++)
		len = len - (v[i].b - v[i].a) + mark;
	char *o = arena_alloc(a, len + 1);
	if (!o)
		return NULL;
	size_t w = 0, at = 0;
	for (size_t i = 0; i < k; i++) {
		memcpy(o + w, s + at, v[i].a - at);
		w += v[i].a - at;
		memcpy(o + w, REDACT_MARK, mark);
		w += mark;
		at = v[i].b;
	}
	memcpy(o + w, s + at, n - at);
	w += n - at;
	o[w] = '\0';
	*out_len = w;
	return o;
}

/* Does the line continue on the next one (cmd ^, PowerShell `)? */
static int continues(const struct line *l)
{
	return l->len > 0 && (l->s[l->len - 1] == '^' || l->s[l->len - 1] == '`');
}

struct piece {
	size_t boff;  /* offset in the joined buffer */
	size_t line;  /* index in the line array */
	size_t len;
};

struct logical {
	struct piece pc[MAX_JOIN_LINES];
	size_t np;
	char *buf;    /* joined text when np > 1 (malloc'd, reused) */
	size_t cap;
};

/* The text of a logical line (pieces joined by a blank in place of the
 * continuation character). Returns NULL when out of memory. */
static const char *logical_text(struct logical *lg, const struct line *v, size_t *tlen)
{
	if (lg->np == 1) {
		*tlen = v[lg->pc[0].line].len;
		return v[lg->pc[0].line].s;
	}
	size_t blen = 0;
	for (size_t k = 0; k < lg->np; k++) {
		lg->pc[k].boff = blen;
		lg->pc[k].len = v[lg->pc[k].line].len;
		blen += lg->pc[k].len + 1;
	}
	if (blen > lg->cap) {
		char *nb = realloc(lg->buf, blen);
		if (!nb)
			return NULL;
		lg->buf = nb;
		lg->cap = blen;
	}
	for (size_t k = 0; k < lg->np; k++) {
		const struct line *l = &v[lg->pc[k].line];
		memcpy(lg->buf + lg->pc[k].boff, l->s, l->len);
		if (k + 1 < lg->np && l->len)
			lg->buf[lg->pc[k].boff + l->len - 1] = ' ';
		lg->buf[lg->pc[k].boff + l->len] = ' ';
	}
	*tlen = blen - 1;
	return lg->buf;
}

/* One pass over a logical line: find, replace, record. Returns 1 when
 * something was replaced, 0 when not, -1 when out of memory. With
 * `blank`, every physical line that would change becomes REDACT_MARK. */
static int redact_pass(struct arena *a, struct line *v, struct logical *lg, struct spans *sp,
		       redaction_vec *found, int blank)
{
	size_t tlen;
	const char *text = logical_text(lg, v, &tlen);
	if (!text)
		return -1;
	sp->n = 0;
	if (find_secrets(text, tlen, sp) != 0)
		return -1;
	if (!sp->n)
		return 0;
	merge_spans(sp);
	for (size_t k = 0; k < lg->np; k++) {
		size_t lo = lg->pc[k].boff, hi = lo + v[lg->pc[k].line].len;
		if (k + 1 < lg->np && hi > lo)
			hi--; /* keep the continuation character: lines stay joined */
		struct span loc[64];
		size_t nl = 0;
		for (size_t s = 0; s < sp->n && nl < 64; s++) {
			size_t x = sp->v[s].a > lo ? sp->v[s].a : lo;
			size_t y = sp->v[s].b < hi ? sp->v[s].b : hi;
			if (x >= y)
				continue;
			loc[nl].a = x - lo;
			loc[nl].b = y - lo;
			loc[nl].what = sp->v[s].what;
			nl++;
		}
		if (!nl)
			continue;
		struct line *l = &v[lg->pc[k].line];
		size_t olen;
		char *o;
		if (blank) {
			struct span all = { 0, l->len, loc[0].what, 0 };
			o = apply(a, l->s, l->len, &all, 1, &olen);
		} else {
			o = apply(a, l->s, l->len, loc, nl, &olen);
		}
		if (!o)
			return -1;
		l->s = o;
		l->len = olen > UINT32_MAX ? UINT32_MAX : (uint32_t)olen;
		for (size_t s = 0; s < nl; s++) {
			struct redaction *r = VEC_PUSH(a, found);
			if (!r)
				return -1;
			r->line = l->no;
			r->what = loc[s].what;
			if (blank)
				break;
		}
	}
	return 1;
}

/* Replacing a value can change how the rest of a line reads (a quote left
 * without its partner). Passes repeat until nothing more is found, so that
 * redaction is idempotent; a line still changing after that is replaced
 * whole. */
#define MAX_PASSES 4

int redact_lines(struct arena *a, struct lines *t, redaction_vec *found)
{
	struct line *v = (struct line *)t->v;
	struct spans sp = { 0 };
	struct logical lg = { .np = 0 };
	int rc = 0;
	for (size_t i = 0; i < t->n && rc == 0;) {
		/* a logical line: lines joined by a trailing ^ or ` */
		size_t j = i, bytes = 0;
		lg.np = 0;
		for (;;) {
			lg.pc[lg.np].line = j;
			lg.np++;
			bytes += v[j].len + 1;
			if (!(continues(&v[j]) && j + 1 < t->n && lg.np < MAX_JOIN_LINES &&
			      bytes + v[j + 1].len < MAX_JOIN_BYTES))
				break;
			j++;
		}
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			int r = redact_pass(a, v, &lg, &sp, found, pass == MAX_PASSES - 1);
			if (r < 0)
				rc = -1;
			if (r <= 0)
				break;
		}
		i = j + 1;
	}
	free(sp.v);
	free(lg.buf);
	return rc;
}

const char *redact_string(struct arena *a, const char *s, int *found)
{
	*found = 0;
	if (!s)
		return s;
	struct spans sp = { 0 };
	const char *cur = s;
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		size_t n = strlen(cur);
		sp.n = 0;
		if (find_secrets(cur, n, &sp) != 0) {
			/* out of memory: hide the whole string rather than risk a leak */
			cur = REDACT_MARK;
			(*found)++;
			break;
		}
		if (!sp.n)
			break;
		if (pass == MAX_PASSES - 1) {
			cur = REDACT_MARK;
			(*found)++;
			break;
		}
		merge_spans(&sp);
		size_t olen;
		char *o = apply(a, cur, n, sp.v, sp.n, &olen);
		if (pass == 0)
			*found += (int)sp.n;
		if (!o) {
			cur = REDACT_MARK;
			break;
		}
		cur = o;
	}
	free(sp.v);
	return cur;
}
