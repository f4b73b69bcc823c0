/* One statement's arguments and the values they hold: a value reference
 * (vref) gives the text, the raw byte span to redact and whether it is a
 * literal; small classifiers say what a word is (program name, parameter,
 * UNC, drive); a PowerShell assignment `$Name = …` is recognised here. */
#include <string.h>

#include "cmdline_int.h"
#include "redact.h"
#include "text.h"

const char *cl_vref_str(const struct view *v, struct vref r, size_t *n)
{
	if (r.tok < 0) {
		*n = 0;
		return NULL;
	}
	const struct clx_token *t = TK(v, r.tok);
	if (r.group) {
		const struct clx_token *c = TK(v, r.gend < (int)v->sc->nt ? r.gend : (int)v->sc->nt - 1);
		size_t end = c->off + c->len;
		*n = end > t->off ? end - t->off : 0;
		return v->e->s + t->off;
	}
	if (r.vs > t->vlen) {
		*n = 0;
		return clx_val(v->sc, t) + t->vlen;
	}
	*n = t->vlen - r.vs;
	return clx_val(v->sc, t) + r.vs;
}

/* A value opened by quote q at start: it ends at the first q when only
 * the end of an XML tag ("/", ">") follows it in the word. */
static int quoted_value_end(const char *s, size_t start, size_t tend, char q, size_t *end)
{
	const char *cq = memchr(s + start, q, tend - start);
	if (!cq)
		return 0;
	for (const char *p = cq + 1; p < s + tend; p++)
		if (*p != '/' && *p != '>')
			return 0;
	*end = (size_t)(cq - s);
	return 1;
}

/* Raw byte span of a value, for redaction. */
int cl_vref_span(const struct view *v, struct vref r, size_t *start, size_t *end)
{
	if (r.tok < 0 || r.group)
		return 0;
	const struct clx_token *t = TK(v, r.tok);
	if (t->type != CLX_WORD || r.vs >= t->vlen)
		return 0;
	if (r.vs == 0 && !t->wq) {
		*start = t->off;
		*end = (size_t)t->off + t->len;
	} else if (r.vs == 0) {
		*start = (size_t)t->off + t->qlen;
		*end = (size_t)t->off + t->len - t->qlen;
	} else {
		*start = v->sc->map[t->v + r.vs];
		*end = (size_t)v->sc->map[t->v + t->vlen - 1] + 1;
		/* the value's last byte may start a multi-byte character whose
		 * continuation bytes follow it in the raw text */
		while (*end < (size_t)t->off + t->len &&
		       ((unsigned char)v->e->s[*end] & 0xC0) == 0x80)
			(*end)++;
		/* where quotes are involved, keep them balanced so that a second
		 * pass reads the same words: name:"value" keeps its quotes, a
		 * word quoted some other way is replaced whole */
		char q = *start > t->off ? v->e->s[*start - 1] : 0;
		size_t tend = (size_t)t->off + t->len;
		if (t->wq) {
			*end = tend - t->qlen; /* "/pass:value" */
		} else if ((q == '"' || q == '\'') && quoted_value_end(v->e->s, *start, tend, q, end)) {
			/* /pass:"value", and name="value"/> in XML */
		} else if (t->quoted) {
			*start = t->off;
			*end = tend;
		} else {
			*end = tend;           /* the rest of the word */
		}
	}
	return *end > *start;
}

char *cl_dup_vref(const struct view *v, struct vref r)
{
	if (!v->e->a || r.tok < 0)
		return NULL;
	size_t n;
	const char *p = cl_vref_str(v, r, &n);
	char *c = span_dup_trim(v->e->a, p, n);
	if (!c)
		v->e->oom = 1;
	return c;
}

/* ---- small classifiers -------------------------------------------------- */

/* "C:\Windows\System32\NET.EXE" -> "net"; "@echo" -> "echo". */
void cl_prog_name(const char *val, size_t n, char *buf, size_t cap)
{
	while (n && val[0] == '@') {
		val++;
		n--;
	}
	size_t b = 0;
	for (size_t i = 0; i < n; i++)
		if (val[i] == '\\' || val[i] == '/')
			b = i + 1;
	/* PowerShell module-qualified names keep only the command */
	val += b;
	n -= b;
	if (ends_ci(val, n, ".exe") || ends_ci(val, n, ".com"))
		n -= 4;
	size_t k = 0;
	for (; k < n && k + 1 < cap; k++)
		buf[k] = (char)lower_c((unsigned char)val[k]);
	buf[k] = '\0';
}

/* A PowerShell parameter: "-Name", "-Name:value"; also the en/em dashes
 * that documents turn "-" into (PowerShell accepts them). Returns the
 * offset of the name (0 when not a parameter). */
size_t cl_ps_param_at(const char *val, size_t n)
{
	size_t k = 0;
	if (n >= 2 && val[0] == '-')
		k = 1;
	else if (n >= 4 && (unsigned char)val[0] == 0xE2 && (unsigned char)val[1] == 0x80 &&
		 ((unsigned char)val[2] >= 0x93 && (unsigned char)val[2] <= 0x95))
		k = 3;
	if (!k)
		return 0;
	char c = val[k];
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
		return k;
	return 0;
}

/* A parameter starts with an unquoted dash ('-x' quoted is a value, but
 * -Name:'value' is a parameter with its value). */
int cl_tok_is_param(const struct view *v, int ti)
{
	const struct clx_token *t = TK(v, ti);
	const char *raw = v->e->s + t->off;
	if (t->len < 2 || (raw[0] != '-' && (unsigned char)raw[0] != 0xE2))
		return 0;
	return cl_ps_param_at(TV(v, ti), t->vlen) != 0;
}

int cl_is_unc(const char *s, size_t n)
{
	return n >= 3 && (s[0] == '\\' || s[0] == '/') && (s[1] == '\\' || s[1] == '/') &&
	       s[2] != '\\';
}

/* "z", "Z:", "Z:\" -> "Z:" in the arena; a variable reference ($Drive,
 * %DRIVE%) as written, for the script reader to expand; NULL otherwise. */
char *cl_drive_of(struct arena *a, const char *s, size_t n)
{
	while (n && (s[n - 1] == '\\' || s[n - 1] == '/'))
		n--;
	if (a && n > 1 && n < 64 && (s[0] == '$' || (s[0] == '%' && s[n - 1] == '%')))
		return arena_strndup(a, s, n);
	if (!a || n < 1 || n > 2)
		return NULL;
	char c = s[0];
	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		return NULL;
	if (n == 2 && s[1] != ':')
		return NULL;
	char buf[3] = { (char)(c >= 'a' ? c - 32 : c), ':', 0 };
	return arena_strdup(a, buf);
}

/* Is this value a literal a person typed (not a variable or expression)? */
int cl_vref_is_literal(const struct view *v, struct vref r)
{
	if (r.tok < 0 || r.group)
		return 0;
	const struct clx_token *t = TK(v, r.tok);
	if (t->type != CLX_WORD)
		return 0;
	size_t n;
	const char *p = cl_vref_str(v, r, &n);
	if (n == 0)
		return 0;
	if (n == strlen(REDACT_MARK) && memcmp(p, REDACT_MARK, n) == 0)
		return 0; /* already redacted: redaction is idempotent */
	if (t->wq == '\'' && r.vs == 0)
		return 1;
	if (p[0] == '$')
		return 0; /* variable (or "$var" interpolation) */
	if (!t->quoted && (p[0] == '@' || p[0] == '(' || p[0] == '[' || p[0] == '{'))
		return 0;
	if (!t->quoted && cl_ps_param_at(p, n))
		return 0;
	/* cmd variables: %NAME%, %1, %~1, !NAME! */
	if ((p[0] == '%' && (n >= 2 && (p[n - 1] == '%' || (p[1] >= '0' && p[1] <= '9') || p[1] == '~'))) ||
	    (n >= 3 && p[0] == '!' && p[n - 1] == '!')) {
		int inner_sep = 0;
		for (size_t i = 1; i + 1 < n; i++)
			if (p[i] == '%' || p[i] == '!')
				inner_sep = 1;
		if (!inner_sep)
			return 0;
	}
	return 1;
}

/* ---- arguments of a statement ------------------------------------------- */

/* Arguments of tokens [b, e): words, groups, commas; redirections dropped;
 * stops at a comment. Returns the count (args has room for e - b). */
int cl_build_args(const struct view *v, int b, int e, struct arg *args)
{
	int n = 0;
	for (int i = b; i < e; i++) {
		const struct clx_token *t = TK(v, i);
		switch (t->type) {
		case CLX_WORD:
			args[n].kind = A_WORD;
			args[n].t0 = args[n].t1 = i;
			n++;
			break;
		case CLX_COMMA:
			args[n].kind = A_COMMA;
			args[n].t0 = args[n].t1 = i;
			n++;
			break;
		case CLX_OPEN: {
			int depth = 0, j = i;
			for (; j < e; j++) {
				uint8_t ty = TK(v, j)->type;
				if (ty == CLX_OPEN)
					depth++;
				else if (ty == CLX_CLOSE && --depth == 0)
					break;
			}
			/* $(…) and @(…) are one argument with their sigil */
			if (n && args[n - 1].kind == A_WORD) {
				const struct clx_token *p = TK(v, args[n - 1].t0);
				const char *pv = TV(v, args[n - 1].t0);
				if (p->vlen == 1 && (pv[0] == '$' || pv[0] == '@') && p->off + p->len == t->off)
					n--;
			}
			args[n].kind = A_GROUP;
			args[n].t0 = i;
			args[n].t1 = j; /* == e when unclosed */
			n++;
			i = j;
			break;
		}
		case CLX_COMMENT:
			return n;
		default:
			break; /* redirections, stray ')' */
		}
	}
	return n;
}

/* Raw text span of args [k0, k1). */
void cl_args_span(const struct view *v, const struct arg *args, int k0, int k1, size_t *start,
		  size_t *end)
{
	const struct clx_token *a = TK(v, args[k0].t0);
	int last = args[k1 - 1].t1;
	if (last >= (int)v->sc->nt)
		last = (int)v->sc->nt - 1;
	const struct clx_token *z = TK(v, last);
	*start = a->off;
	*end = (size_t)z->off + z->len;
	if (*end < *start)
		*end = *start;
}

/* A PowerShell assignment `$Name = …` (also `[string]$Name = …`,
 * `$Name=…`): returns the index of the first value argument (or -1) and
 * the value start inside the first token. */
int cl_ps_assignment(const struct view *v, const struct arg *args, int n, const char **name,
		     size_t *nlen, uint32_t *vs_in_tok)
{
	if (n < 1 || args[0].kind != A_WORD)
		return -1;
	const char *val = TV(v, args[0].t0);
	size_t vl = TK(v, args[0].t0)->vlen;
	size_t i = 0;
	while (i < vl && val[i] == '[') { /* type constraints */
		const char *rb = memchr(val + i, ']', vl - i);
		if (!rb)
			return -1;
		i = (size_t)(rb - val) + 1;
		while (i < vl && val[i] == ']')
			i++;
	}
	if (i >= vl || val[i] != '$')
		return -1;
	size_t ns = i + 1, ne = ns;
	if (ne < vl && val[ne] == '{') {
		const char *rb = memchr(val + ne, '}', vl - ne);
		if (!rb)
			return -1;
		ns++;
		ne = (size_t)(rb - val);
	} else {
		while (ne < vl && val[ne] != '=' && val[ne] != '+' && val[ne] != '[')
			ne++;
	}
	*name = val + ns;
	*nlen = ne - ns;
	size_t j = ne;
	if (j < vl && val[j] == '}')
		j++;
	if (j < vl && val[j] == '=' && (j + 1 >= vl || val[j + 1] != '=')) {
		*vs_in_tok = (uint32_t)(j + 1);
		if (j + 1 < vl)
			return 0; /* $x=value in one token */
		return n > 1 ? 1 : -1;
	}
	if (j != vl || n < 2 || args[1].kind != A_WORD)
		return -1;
	const char *eqv = TV(v, args[1].t0);
	size_t el = TK(v, args[1].t0)->vlen;
	if (TK(v, args[1].t0)->quoted || el < 1 || eqv[0] != '=' || (el > 1 && eqv[1] == '='))
		return -1;
	*vs_in_tok = 1;
	if (el > 1)
		return 1; /* "$x =value" */
	*vs_in_tok = 0;
	return n > 2 ? 2 : -1;
}
