/* What a cmd or PowerShell command line does, and where its passwords are.
 *
 * One engine serves two callers: cmdline_parse() (facts: the commands of
 * interest and their switches) and cmdline_secrets() (redaction: byte spans
 * of password values). A line is tokenized (cmdline_lex.c), split into
 * statements at separators, each statement into arguments (a parenthesised
 * group is one argument), and each statement is interpreted. Nested command
 * text — `cmd /c "…"`, `powershell -Command "…"`, a quoted string holding a
 * command — is tokenized again, at most CL_MAX_DEPTH levels deep. */
#include "cmdline.h"

#include <stdlib.h>
#include <string.h>

#include "cmdline_lex.h"
#include "redact.h"
#include "text.h"

#define CL_MAX_DEPTH 3
#define CL_MAX_GROUP_DEPTH 16


const char *cl_kind_name(enum cl_kind k)
{
	switch (k) {
	case CL_NONE: return "none";
	case CL_NET_USE: return "net-use";
	case CL_NET_USE_DELETE: return "net-use-delete";
	case CL_NET_USE_QUERY: return "net-use-query";
	case CL_NET_USE_PERSISTENT: return "net-use-persistent";
	case CL_CMDKEY_ADD: return "cmdkey-add";
	case CL_CMDKEY_DELETE: return "cmdkey-delete";
	case CL_CMDKEY_LIST: return "cmdkey-list";
	case CL_NEW_GMAP: return "new-smbglobalmapping";
	case CL_REMOVE_GMAP: return "remove-smbglobalmapping";
	case CL_NEW_SMBMAPPING: return "new-smbmapping";
	case CL_GET_CREDENTIAL: return "get-credential";
	case CL_NEW_PSCREDENTIAL: return "new-pscredential";
	case CL_SECURESTRING: return "convertto-securestring";
	case CL_ASSIGN: return "assign";
	case CL_OTHER: return "other";
	}
	return "none";
}

/* ---- engine state ------------------------------------------------------- */

enum { A_WORD = 1, A_GROUP, A_COMMA };
struct arg {
	uint8_t kind;
	int t0, t1; /* WORD: t0 == t1; GROUP: OPEN index, CLOSE index (or end when unclosed) */
};

struct eng {
	const char *s;
	struct arena *a;        /* facts wanted (NULL: secrets only) */
	cl_command_vec *out;
	cl_secret_fn fn;        /* secrets wanted (NULL: facts only) */
	void *user;
	int nsecrets;
	int oom;
	struct clx_scratch sc[CL_MAX_DEPTH + 1];
};

struct view {
	struct eng *e;
	struct clx_scratch *sc;
	int depth;
	enum cl_dialect d;
};

/* A value: token tok's value from byte vs on (vs > 0 for `-Name:value`). */
struct vref {
	int tok;   /* -1 = none */
	uint32_t vs;
	int group; /* the value is a parenthesised group (tok = OPEN) */
	int gend;  /* CLOSE index of that group */
};

static const struct clx_token *TK(const struct view *v, int i) { return &v->sc->t[i]; }
static const char *TV(const struct view *v, int i) { return clx_val(v->sc, TK(v, i)); }

static int lower_c(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static int eq_ci_n(const char *a, size_t n, const char *b)
{
	size_t bl = strlen(b);
	if (n != bl)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower_c((unsigned char)a[i]) != lower_c((unsigned char)b[i]))
			return 0;
	return 1;
}

static int ends_ci(const char *a, size_t n, const char *suffix)
{
	size_t sl = strlen(suffix);
	return n >= sl && eq_ci_n(a + n - sl, sl, suffix);
}

static const char *vref_str(const struct view *v, struct vref r, size_t *n)
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
static int vref_span(const struct view *v, struct vref r, size_t *start, size_t *end)
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

static struct vref vr_word(int tok, uint32_t vs)
{
	struct vref r = { tok, vs, 0, 0 };
	return r;
}

static struct vref vr_arg(const struct arg *a)
{
	struct vref r = { a->t0, 0, a->kind == A_GROUP, a->t1 };
	return r;
}

static const struct vref VR_NONE = { -1, 0, 0, 0 };

static char *dup_vref(const struct view *v, struct vref r)
{
	if (!v->e->a || r.tok < 0)
		return NULL;
	size_t n;
	const char *p = vref_str(v, r, &n);
	char *c = span_dup_trim(v->e->a, p, n);
	if (!c)
		v->e->oom = 1;
	return c;
}

/* ---- small classifiers -------------------------------------------------- */

/* "C:\Windows\System32\NET.EXE" -> "net"; "@echo" -> "echo". */
static void prog_name(const char *val, size_t n, char *buf, size_t cap)
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
static size_t ps_param_at(const char *val, size_t n)
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
static int tok_is_param(const struct view *v, int ti)
{
	const struct clx_token *t = TK(v, ti);
	const char *raw = v->e->s + t->off;
	if (t->len < 2 || (raw[0] != '-' && (unsigned char)raw[0] != 0xE2))
		return 0;
	return ps_param_at(TV(v, ti), t->vlen) != 0;
}

static int is_ps_param_arg(const struct view *v, const struct arg *a)
{
	return a->kind == A_WORD && tok_is_param(v, a->t0);
}

static int is_unc(const char *s, size_t n)
{
	return n >= 3 && (s[0] == '\\' || s[0] == '/') && (s[1] == '\\' || s[1] == '/') &&
	       s[2] != '\\';
}

/* A device name for net use: "X:", "*", "LPT1:", "COM2:", "PRN". */
static int is_device(const char *s, size_t n)
{
	if (n == 1 && s[0] == '*')
		return 1;
	if (n == 2 && s[1] == ':' && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return 1;
	if ((n == 5 && s[4] == ':' && (span_starts_ci(s, n, "LPT") || span_starts_ci(s, n, "COM")) &&
	     s[3] >= '1' && s[3] <= '9') || eq_ci_n(s, n, "PRN"))
		return 1;
	return 0;
}

/* "z", "Z:", "Z:\" -> "Z:" in the arena; a variable reference ($Drive,
 * %DRIVE%) as written, for the script reader to expand; NULL otherwise. */
static char *drive_of(struct arena *a, const char *s, size_t n)
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

static int bool_value(const char *s, size_t n)
{
	if (eq_ci_n(s, n, "$true") || eq_ci_n(s, n, "true") || eq_ci_n(s, n, "1"))
		return 1;
	if (eq_ci_n(s, n, "$false") || eq_ci_n(s, n, "false") || eq_ci_n(s, n, "0"))
		return 0;
	return CL_TRI_UNKNOWN;
}

/* Words inside a name that contain "pass" but are not about passwords. */
static int name_is_passwordish(const char *s, size_t len, int strict)
{
	char b[80];
	size_t n = 0;
	for (size_t i = 0; i < len && n + 1 < sizeof b; i++) {
		char c = (char)lower_c((unsigned char)s[i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			b[n++] = c;
		else
			b[n++] = '_';
	}
	b[n] = '\0';
	if (strict) {
		static const char *const exact[] = { "password", "passwd", "pwd", "pass", "pw", NULL };
		for (size_t k = 0; exact[k]; k++)
			if (strcmp(b, exact[k]) == 0)
				return 1;
		return ends_ci(b, n, "password") || ends_ci(b, n, "passwd") || ends_ci(b, n, "_pwd");
	}
	static const char *const notpw[] = { "bypass", "passthru", "passthrough", "passive",
					     "compass", "passage", "surpass", "passenger", NULL };
	for (size_t k = 0; notpw[k]; k++) {
		char *p;
		while ((p = strstr(b, notpw[k])) != NULL)
			memset(p, '_', strlen(notpw[k]));
	}
	return strstr(b, "pass") || strstr(b, "pwd") || strstr(b, "pword") || strcmp(b, "pw") == 0 ||
	       ends_ci(b, n, "_pw");
}

int cl_name_is_password(const char *s, size_t len)
{
	return name_is_passwordish(s, len, 0);
}

/* Is this value a literal a person typed (not a variable or expression)? */
static int vref_is_literal(const struct view *v, struct vref r)
{
	if (r.tok < 0 || r.group)
		return 0;
	const struct clx_token *t = TK(v, r.tok);
	if (t->type != CLX_WORD)
		return 0;
	size_t n;
	const char *p = vref_str(v, r, &n);
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
	if (!t->quoted && ps_param_at(p, n))
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
static int build_args(const struct view *v, int b, int e, struct arg *args)
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
static void args_span(const struct view *v, const struct arg *args, int k0, int k1, size_t *start,
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

/* ---- forward declarations ------------------------------------------------ */
static void run_range(struct view *v, int b, int e, int gdepth);
static void nested(struct view *v, size_t start, size_t end, enum cl_dialect d);
static void interpret(struct view *v, const struct arg *args, int n, const char *assign_to,
		      size_t st_start, size_t st_end, int gdepth);

static void report(struct view *v, size_t start, size_t end, const char *what)
{
	if (!v->e->fn || end <= start)
		return;
	if (end - start == sizeof REDACT_MARK - 1 &&
	    memcmp(v->e->s + start, REDACT_MARK, end - start) == 0)
		return; /* already redacted */
	v->e->fn(v->e->user, start, end - start, what);
	v->e->nsecrets++;
}

static void report_vref(struct view *v, struct vref r, const char *what)
{
	size_t a, b;
	if (vref_is_literal(v, r) && vref_span(v, r, &a, &b))
		report(v, a, b, what);
}

/* ---- PowerShell parameter binding ---------------------------------------- */

enum { PV = 1, PB, PSW }; /* value, boolean value, switch */

struct pdef {
	const char *name;
	uint8_t type;
	uint8_t id;
};

/* Common parameters every cmdlet takes (with their aliases). */
static const struct pdef common_params[] = {
	{ "Verbose", PSW, 0 }, { "vb", PSW, 0 }, { "Debug", PSW, 0 }, { "db", PSW, 0 },
	{ "ErrorAction", PV, 0 }, { "ea", PV, 0 }, { "WarningAction", PV, 0 }, { "wa", PV, 0 },
	{ "InformationAction", PV, 0 }, { "infa", PV, 0 }, { "ErrorVariable", PV, 0 }, { "ev", PV, 0 },
	{ "WarningVariable", PV, 0 }, { "wv", PV, 0 }, { "InformationVariable", PV, 0 }, { "iv", PV, 0 },
	{ "OutVariable", PV, 0 }, { "ov", PV, 0 }, { "OutBuffer", PV, 0 }, { "ob", PV, 0 },
	{ "PipelineVariable", PV, 0 }, { "pv", PV, 0 }, { "ProgressAction", PV, 0 },
	{ "WhatIf", PSW, 0 }, { "wi", PSW, 0 }, { "Confirm", PSW, 0 }, { "cf", PSW, 0 },
	{ "CimSession", PV, 0 }, { "ThrottleLimit", PV, 0 }, { "AsJob", PSW, 0 },
	{ NULL, 0, 0 },
};

/* Exact name, then the first parameter the abbreviation starts (table order
 * puts the likely ones first; PowerShell would reject an ambiguous one). */
static const struct pdef *pdef_find(const struct pdef *tab, const char *name, size_t n)
{
	for (const struct pdef *d = tab; d && d->name; d++)
		if (eq_ci_n(name, n, d->name))
			return d;
	for (const struct pdef *d = common_params; d->name; d++)
		if (eq_ci_n(name, n, d->name))
			return d;
	if (n == 0)
		return NULL;
	for (const struct pdef *d = tab; d && d->name; d++)
		if (strlen(d->name) > n) {
			int ok = 1;
			for (size_t i = 0; i < n; i++)
				if (lower_c((unsigned char)d->name[i]) != lower_c((unsigned char)name[i]))
					ok = 0;
			if (ok)
				return d;
		}
	return NULL;
}

#define MAX_BIND 48
#define MAX_POS 16

struct pbind {
	uint8_t id;
	int sw;          /* switch: 1 / 0; boolean: value from the literal */
	struct vref v;   /* value (tok -1 for a switch or a missing value) */
	int ai;          /* arg index of the (first) value, -1 */
	int nel;         /* array elements (1 for a single value) */
};

struct pres {
	struct pbind b[MAX_BIND];
	int nb;
	int pos[MAX_POS];
	int npos;
	int bad_ai;      /* first parameter not known, -1 */
	int missing;     /* a parameter lacked its value */
};

static void ps_bind(const struct view *v, const struct arg *args, int k, int n, const struct pdef *tab,
		    struct pres *r)
{
	memset(r, 0, sizeof *r);
	r->bad_ai = -1;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind == A_COMMA)
			continue;
		if (!is_ps_param_arg(v, a)) {
			if (r->npos < MAX_POS)
				r->pos[r->npos++] = k;
			while (k + 2 < n && args[k + 1].kind == A_COMMA)
				k += 2; /* array: a, b, c */
			continue;
		}
		const char *val = TV(v, a->t0);
		size_t vl = TK(v, a->t0)->vlen;
		size_t no = ps_param_at(val, vl);
		const char *colon = memchr(val + no, ':', vl - no);
		size_t nl = colon ? (size_t)(colon - (val + no)) : vl - no;
		const struct pdef *d = pdef_find(tab, val + no, nl);
		struct pbind *b = r->nb < MAX_BIND ? &r->b[r->nb] : NULL;
		if (b) {
			memset(b, 0, sizeof *b);
			b->v = VR_NONE;
			b->ai = -1;
		}
		if (!d && r->bad_ai < 0)
			r->bad_ai = k;
		uint8_t type = d ? d->type : PV;
		if (b)
			b->id = d ? d->id : 0;
		if (type == PSW) {
			if (b)
				b->sw = 1;
			if (colon && b) {
				b->v = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				size_t sn;
				const char *sv = vref_str(v, b->v, &sn);
				b->sw = bool_value(sv, sn);
			}
			if (b)
				r->nb++;
			continue;
		}
		if (colon && (size_t)(colon + 1 - val) < vl) {
			if (b) {
				b->v = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				b->nel = 1;
			}
		} else if (k + 1 < n && args[k + 1].kind != A_COMMA && !is_ps_param_arg(v, &args[k + 1])) {
			k++;
			if (b) {
				b->v = vr_arg(&args[k]);
				b->ai = k;
				b->nel = 1;
			}
			while (k + 2 < n && args[k + 1].kind == A_COMMA) {
				k += 2;
				if (b)
					b->nel++;
			}
		} else {
			r->missing = 1;
		}
		if (b && type == PB) {
			size_t sn;
			const char *sv = vref_str(v, b->v, &sn);
			b->sw = b->v.tok >= 0 ? bool_value(sv, sn) : CL_TRI_UNKNOWN;
		}
		if (b)
			r->nb++;
	}
}

static const struct pbind *pget(const struct pres *r, uint8_t id)
{
	for (int i = r->nb - 1; i >= 0; i--) /* the last one given wins */
		if (r->b[i].id == id && id)
			return &r->b[i];
	return NULL;
}

/* ---- net use ------------------------------------------------------------- */

struct nu {
	int dev, remote, pass; /* arg indices, -1 */
	int extra[8];
	int nextra;
	struct vref user;
	int has_user;
	int persistent, savecred, del, smartcard, home, rint, rpriv, wthrough;
	int bad;
};

static const char *const nu_switches[] = {
	"delete", "persistent", "user", "savecred", "smartcard", "home", "requireintegrity",
	"requireprivacy", "writethrough", "transport", "tcpport", "quicport", "rdmaport",
	"skipcertcheck", "blockntlm", "global", "yes", "no", NULL,
};

/* Switch name -> index in the table: exact, the documented short forms
 * (/d, /p, /u), else a unique prefix; -1 when unknown or ambiguous. */
static int switch_find(const char *const *tab, const char *name, size_t n, const char *const *shorts)
{
	for (int i = 0; tab[i]; i++)
		if (eq_ci_n(name, n, tab[i]))
			return i;
	for (int i = 0; shorts && shorts[i]; i += 2)
		if (eq_ci_n(name, n, shorts[i]))
			for (int j = 0; tab[j]; j++)
				if (strcmp(tab[j], shorts[i + 1]) == 0)
					return j;
	int found = -1;
	if (n == 0)
		return -1;
	for (int i = 0; tab[i]; i++) {
		if (strlen(tab[i]) > n) {
			int ok = 1;
			for (size_t c = 0; c < n; c++)
				if (lower_c((unsigned char)name[c]) != tab[i][c])
					ok = 0;
			if (ok) {
				if (found >= 0)
					return -1;
				found = i;
			}
		}
	}
	return found;
}

static int yes_no(const char *s, size_t n)
{
	if (eq_ci_n(s, n, "yes") || eq_ci_n(s, n, "y"))
		return 1;
	if (eq_ci_n(s, n, "no") || eq_ci_n(s, n, "n"))
		return 0;
	return CL_TRI_UNKNOWN;
}

static void nu_analyze(const struct view *v, const struct arg *args, int k, int n, struct nu *r)
{
	static const char *const shorts[] = { "d", "delete", "p", "persistent", "u", "user", NULL };
	memset(r, 0, sizeof *r);
	r->dev = r->remote = r->pass = -1;
	r->user = VR_NONE;
	r->persistent = CL_TRI_UNKNOWN;
	r->bad = -1;
	int pos[12], npos = 0;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind != A_WORD) {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const struct clx_token *t = TK(v, a->t0);
		const char *val = TV(v, a->t0);
		size_t vl = t->vlen;
		if (vl >= 2 && val[0] == '/') {
			const char *colon = memchr(val, ':', vl);
			size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
			int sw = switch_find(nu_switches, val + 1, nl, shorts);
			const char *sv = colon ? colon + 1 : NULL;
			size_t sn = colon ? vl - (size_t)(colon + 1 - val) : 0;
			const char *name = sw >= 0 ? nu_switches[sw] : "";
			if (sw < 0) {
				if (r->bad < 0)
					r->bad = k;
			} else if (!strcmp(name, "user")) {
				r->has_user = 1;
				if (colon) {
					r->user = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				} else if (k + 1 < n && args[k + 1].kind == A_WORD &&
					   TV(v, args[k + 1].t0)[0] != '/') {
					/* tolerated: "/user NAME" */
					k++;
					r->user = vr_word(args[k].t0, 0);
				}
			} else if (!strcmp(name, "persistent")) {
				r->persistent = sv ? yes_no(sv, sn) : CL_TRI_UNKNOWN;
				if (!sv || r->persistent == CL_TRI_UNKNOWN)
					if (r->bad < 0)
						r->bad = k;
			} else if (!strcmp(name, "delete")) {
				r->del = 1;
			} else if (!strcmp(name, "savecred")) {
				r->savecred = 1;
			} else if (!strcmp(name, "smartcard")) {
				r->smartcard = 1;
			} else if (!strcmp(name, "home")) {
				r->home = 1;
			} else if (!strcmp(name, "requireintegrity")) {
				r->rint = 1;
			} else if (!strcmp(name, "requireprivacy")) {
				r->rpriv = 1;
			} else if (!strcmp(name, "writethrough")) {
				r->wthrough = 1;
			}
			continue;
		}
		/* "-user:x", "-persistent:yes": net.exe does not take dash switches */
		if (vl >= 2 && val[0] == '-' && !t->quoted) {
			const char *colon = memchr(val, ':', vl);
			size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
			if (colon || switch_find(nu_switches, val + 1, nl, shorts) >= 0) {
				if (r->bad < 0)
					r->bad = k;
				continue;
			}
		}
		if (npos < (int)(sizeof pos / sizeof pos[0]))
			pos[npos++] = k;
	}
	int p = 0;
	if (p < npos) {
		const char *val = TV(v, args[pos[p]].t0);
		size_t vl = TK(v, args[pos[p]].t0)->vlen;
		/* a variable followed by a UNC (%DRIVE% \\s\sh) is the device */
		int var_dev = vl > 1 && (val[0] == '%' || val[0] == '$') && npos > 1 &&
			      is_unc(TV(v, args[pos[1]].t0), TK(v, args[pos[1]].t0)->vlen);
		if (is_device(val, vl) || var_dev)
			r->dev = pos[p++];
	}
	if (p < npos)
		r->remote = pos[p++];
	if (p < npos && r->remote >= 0)
		r->pass = pos[p++];
	for (; p < npos; p++) {
		const char *val = TV(v, args[pos[p]].t0);
		size_t vl = TK(v, args[pos[p]].t0)->vlen;
		if (is_unc(val, vl) || (vl == 1 && val[0] == '*'))
			continue;
		if (r->nextra < 8)
			r->extra[r->nextra++] = pos[p];
		if (r->bad < 0)
			r->bad = pos[p];
	}
	if (r->dev >= 0 && r->remote < 0 && !r->del) {
		/* "net use X: password /home" has no remote: nothing more to say */
	}
}

static void nu_secrets(struct view *v, const struct arg *args, int k, int n)
{
	struct nu r;
	nu_analyze(v, args, k, n, &r);
	if (r.pass >= 0) {
		const char *val = TV(v, args[r.pass].t0);
		size_t vl = TK(v, args[r.pass].t0)->vlen;
		/* `*` asks for the password; a second UNC is not a password */
		if (!(vl == 1 && val[0] == '*') && !is_unc(val, vl))
			report_vref(v, vr_word(args[r.pass].t0, 0), "net use password");
	}
	for (int i = 0; i < r.nextra; i++)
		report_vref(v, vr_word(args[r.extra[i]].t0, 0), "net use password");
}

/* ---- cmdkey -------------------------------------------------------------- */

struct ck {
	int add, generic, del, list, smartcard, ras;
	struct vref target, user, pass;
	int has_pass;
	int bad;
};

static const char *const ck_switches[] = {
	"add", "generic", "delete", "list", "user", "pass", "smartcard", "ras", NULL,
};

static void ck_analyze(const struct view *v, const struct arg *args, int k, int n, struct ck *r)
{
	static const char *const shorts[] = { "a", "add", "g", "generic", "d", "delete", "l", "list",
					      "u", "user", "p", "pass", "s", "smartcard", "r", "ras",
					      "password", "pass", NULL };
	memset(r, 0, sizeof *r);
	r->target = r->user = r->pass = VR_NONE;
	r->bad = -1;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind != A_WORD)
			continue;
		const char *val = TV(v, a->t0);
		size_t vl = TK(v, a->t0)->vlen;
		if (vl < 2 || val[0] != '/') {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const char *colon = memchr(val, ':', vl);
		size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
		int sw = switch_find(ck_switches, val + 1, nl, shorts);
		struct vref sv = colon ? vr_word(a->t0, (uint32_t)(colon + 1 - val)) : VR_NONE;
		if (sw < 0) {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const char *name = ck_switches[sw];
		if (!strcmp(name, "add")) {
			r->add = 1;
			r->target = sv;
		} else if (!strcmp(name, "generic")) {
			r->generic = 1;
			r->target = sv;
		} else if (!strcmp(name, "delete")) {
			r->del = 1;
			r->target = sv;
		} else if (!strcmp(name, "list")) {
			r->list = 1;
			r->target = sv;
		} else if (!strcmp(name, "user")) {
			r->user = sv;
		} else if (!strcmp(name, "pass")) {
			r->has_pass = 1;
			r->pass = sv;
		} else if (!strcmp(name, "smartcard")) {
			r->smartcard = 1;
		} else if (!strcmp(name, "ras")) {
			r->ras = 1;
		}
	}
}

/* ---- command tables ------------------------------------------------------ */

enum {
	H_NONE = 0, H_NET, H_CMDKEY, H_CMD, H_PWSH, H_NEWGMAP, H_RMGMAP, H_NEWMAP, H_RMMAP,
	H_PSDRIVE, H_GETCRED, H_NEWOBJ, H_SECSTR, H_SET, H_IF, H_FOR, H_ELSE, H_REG, H_OTHER_CMD,
	H_OTHER_PS,
};

/* ids of parameters we read */
enum {
	P_LOCAL = 1, P_REMOTE, P_CRED, P_PERSIST, P_RINT, P_RPRIV, P_WT, P_USER, P_PASS, P_SAVE,
	P_GLOBAL, P_FORCE, P_NAME, P_PROVIDER, P_ROOT, P_PERSISTSW, P_TYPE, P_ARGS, P_STRING,
	P_PLAIN, P_KEY, P_PATH, P_LPATH, P_SERVER, P_COMPUTER, P_CLASS, P_COMMAND, P_FILE,
	P_SKIP,
};

static const struct pdef gmap_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "Credential", PV, P_CRED },
	{ "Persistent", PB, P_PERSIST }, { "RequirePrivacy", PB, P_RPRIV },
	{ "RequireIntegrity", PB, P_RINT }, { "UseWriteThrough", PB, P_WT },
	{ "FullAccess", PV, 0 }, { "DenyAccess", PV, 0 }, { "TransportType", PV, 0 },
	{ "SkipCertificateCheck", PSW, 0 }, { "CompressNetworkTraffic", PB, 0 },
	{ "BlockNTLM", PB, 0 }, { "TcpPort", PV, 0 }, { "QuicPort", PV, 0 }, { "RdmaPort", PV, 0 },
	{ NULL, 0, 0 },
};
static const struct pdef map_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "UserName", PV, P_USER },
	{ "Password", PV, P_PASS }, { "Persistent", PB, P_PERSIST }, { "Credential", PV, P_CRED },
	{ "SaveCredentials", PSW, P_SAVE }, { "GlobalMapping", PSW, P_GLOBAL },
	{ "HomeFolder", PSW, 0 }, { "RequirePrivacy", PB, P_RPRIV }, { "RequireIntegrity", PB, P_RINT },
	{ "UseWriteThrough", PB, P_WT }, { "TransportType", PV, 0 }, { "SkipCertificateCheck", PSW, 0 },
	{ "CompressNetworkTraffic", PB, 0 }, { "BlockNTLM", PB, 0 }, { "TcpPort", PV, 0 },
	{ "QuicPort", PV, 0 }, { "RdmaPort", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef rmgmap_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "Force", PSW, P_FORCE },
	{ "InputObject", PV, 0 }, { "UpdateProfile", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef psdrive_params[] = {
	{ "Name", PV, P_NAME }, { "PSProvider", PV, P_PROVIDER }, { "Root", PV, P_ROOT },
	{ "Persist", PSW, P_PERSISTSW }, { "Credential", PV, P_CRED }, { "Description", PV, 0 },
	{ "Scope", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef getcred_params[] = {
	{ "Credential", PV, P_CRED }, { "UserName", PV, P_USER }, { "Message", PV, 0 },
	{ "Title", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef newobj_params[] = {
	{ "TypeName", PV, P_TYPE }, { "ArgumentList", PV, P_ARGS }, { "Args", PV, P_ARGS },
	{ "ComObject", PV, 0 }, { "Property", PV, 0 }, { "Strict", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef secstr_params[] = {
	{ "String", PV, P_STRING }, { "AsPlainText", PSW, P_PLAIN }, { "Force", PSW, P_FORCE },
	{ "SecureKey", PV, P_KEY }, { "Key", PV, P_KEY }, { NULL, 0, 0 },
};
static const struct pdef testpath_params[] = {
	{ "Path", PV, P_PATH }, { "LiteralPath", PV, P_LPATH }, { "PSPath", PV, P_LPATH },
	{ "LP", PV, P_LPATH }, { "PathType", PV, 0 }, { "IsValid", PSW, 0 }, { "Filter", PV, 0 },
	{ "Include", PV, 0 }, { "Exclude", PV, 0 }, { "Credential", PV, 0 }, { "OlderThan", PV, 0 },
	{ "NewerThan", PV, 0 }, { "Recurse", PSW, 0 }, { "Force", PSW, 0 }, { "Name", PSW, 0 },
	{ "Hidden", PSW, 0 }, { "Directory", PSW, 0 }, { "File", PSW, 0 }, { "Depth", PV, 0 },
	{ NULL, 0, 0 },
};
static const struct pdef service_params[] = {
	{ "Name", PV, P_NAME }, { "ServiceName", PV, P_NAME }, { "DisplayName", PV, 0 },
	{ "ComputerName", PV, 0 }, { "DependentServices", PSW, 0 }, { "RequiredServices", PSW, 0 },
	{ "Include", PV, 0 }, { "Exclude", PV, 0 }, { "InputObject", PV, 0 }, { "Force", PSW, 0 },
	{ "PassThru", PSW, 0 }, { "NoWait", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef smbconn_params[] = {
	{ "ServerName", PV, P_SERVER }, { "UserName", PV, 0 }, { "SmbInstance", PV, 0 },
	{ NULL, 0, 0 },
};
static const struct pdef getmap_params[] = {
	{ "LocalPath", PV, P_LOCAL }, { "RemotePath", PV, P_REMOTE }, { NULL, 0, 0 },
};
static const struct pdef tnc_params[] = {
	{ "ComputerName", PV, P_COMPUTER }, { "Port", PV, 0 }, { "CommonTCPPort", PV, 0 },
	{ "InformationLevel", PV, 0 }, { "TraceRoute", PSW, 0 }, { "Hops", PV, 0 },
	{ "DiagnoseRouting", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef cim_params[] = {
	{ "ClassName", PV, P_CLASS }, { "Class", PV, P_CLASS }, { "Query", PV, 0 },
	{ "Namespace", PV, 0 }, { "Filter", PV, 0 }, { "ComputerName", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef pwsh_params[] = {
	{ "Command", PV, P_COMMAND }, { "File", PV, P_FILE }, { "EncodedCommand", PV, P_SKIP },
	{ "ExecutionPolicy", PV, 0 }, { "WindowStyle", PV, 0 }, { "Version", PV, 0 },
	{ "InputFormat", PV, 0 }, { "OutputFormat", PV, 0 }, { "ConfigurationName", PV, 0 },
	{ "WorkingDirectory", PV, 0 }, { "NoProfile", PSW, 0 }, { "NonInteractive", PSW, 0 },
	{ "NoLogo", PSW, 0 }, { "NoExit", PSW, 0 }, { "Sta", PSW, 0 }, { "Mta", PSW, 0 },
	{ NULL, 0, 0 },
};

struct cmddef {
	const char *alias;   /* program name as typed, lower case */
	const char *name;    /* canonical */
	uint8_t h;
	const struct pdef *params; /* PowerShell parameters (H_OTHER_PS) */
	uint8_t primary;     /* parameter id of the main argument */
};

static const struct cmddef cmdtab[] = {
	{ "net", "net", H_NET, NULL, 0 },
	{ "net1", "net", H_NET, NULL, 0 },
	{ "cmdkey", "cmdkey", H_CMDKEY, NULL, 0 },
	{ "cmd", "cmd", H_CMD, NULL, 0 },
	{ "powershell", "powershell", H_PWSH, pwsh_params, 0 },
	{ "pwsh", "powershell", H_PWSH, pwsh_params, 0 },
	{ "new-smbglobalmapping", "New-SmbGlobalMapping", H_NEWGMAP, gmap_params, 0 },
	{ "nsmbgm", "New-SmbGlobalMapping", H_NEWGMAP, gmap_params, 0 },
	{ "remove-smbglobalmapping", "Remove-SmbGlobalMapping", H_RMGMAP, rmgmap_params, 0 },
	{ "rsmbgm", "Remove-SmbGlobalMapping", H_RMGMAP, rmgmap_params, 0 },
	{ "new-smbmapping", "New-SmbMapping", H_NEWMAP, map_params, 0 },
	{ "nsmbm", "New-SmbMapping", H_NEWMAP, map_params, 0 },
	{ "remove-smbmapping", "Remove-SmbMapping", H_RMMAP, rmgmap_params, 0 },
	{ "rsmbm", "Remove-SmbMapping", H_RMMAP, rmgmap_params, 0 },
	{ "new-psdrive", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "ndr", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "mount", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "get-credential", "Get-Credential", H_GETCRED, getcred_params, 0 },
	{ "new-object", "New-Object", H_NEWOBJ, newobj_params, 0 },
	{ "convertto-securestring", "ConvertTo-SecureString", H_SECSTR, secstr_params, 0 },
	{ "set", "set", H_SET, NULL, 0 },
	{ "if", "if", H_IF, NULL, 0 },
	{ "for", "for", H_FOR, NULL, 0 },
	{ "else", "else", H_ELSE, NULL, 0 },
	{ "reg", "reg", H_REG, NULL, 0 },
	{ "whoami", "whoami", H_OTHER_CMD, NULL, 0 },
	{ "dir", "dir", H_OTHER_CMD, NULL, 0 },
	{ "systeminfo", "systeminfo", H_OTHER_CMD, NULL, 0 },
	{ "ipconfig", "ipconfig", H_OTHER_CMD, NULL, 0 },
	{ "klist", "klist", H_OTHER_CMD, NULL, 0 },
	{ "gpresult", "gpresult", H_OTHER_CMD, NULL, 0 },
	{ "sc", "sc", H_OTHER_CMD, NULL, 0 },
	{ "get-smbglobalmapping", "Get-SmbGlobalMapping", H_OTHER_PS, getmap_params, P_LOCAL },
	{ "gsmbgm", "Get-SmbGlobalMapping", H_OTHER_PS, getmap_params, P_LOCAL },
	{ "get-smbmapping", "Get-SmbMapping", H_OTHER_PS, getmap_params, P_LOCAL },
	{ "gsmbm", "Get-SmbMapping", H_OTHER_PS, getmap_params, P_LOCAL },
	{ "get-smbconnection", "Get-SmbConnection", H_OTHER_PS, smbconn_params, P_SERVER },
	{ "gsmbc", "Get-SmbConnection", H_OTHER_PS, smbconn_params, P_SERVER },
	{ "test-path", "Test-Path", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-service", "Get-Service", H_OTHER_PS, service_params, P_NAME },
	{ "gsv", "Get-Service", H_OTHER_PS, service_params, P_NAME },
	{ "start-service", "Start-Service", H_OTHER_PS, service_params, P_NAME },
	{ "sasv", "Start-Service", H_OTHER_PS, service_params, P_NAME },
	{ "restart-service", "Restart-Service", H_OTHER_PS, service_params, P_NAME },
	{ "stop-service", "Stop-Service", H_OTHER_PS, service_params, P_NAME },
	{ "test-netconnection", "Test-NetConnection", H_OTHER_PS, tnc_params, P_COMPUTER },
	{ "tnc", "Test-NetConnection", H_OTHER_PS, tnc_params, P_COMPUTER },
	{ "get-childitem", "Get-ChildItem", H_OTHER_PS, testpath_params, P_PATH },
	{ "gci", "Get-ChildItem", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-itemproperty", "Get-ItemProperty", H_OTHER_PS, testpath_params, P_PATH },
	{ "gp", "Get-ItemProperty", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-psdrive", "Get-PSDrive", H_OTHER_PS, psdrive_params, P_NAME },
	{ "gdr", "Get-PSDrive", H_OTHER_PS, psdrive_params, P_NAME },
	{ "get-ciminstance", "Get-CimInstance", H_OTHER_PS, cim_params, P_CLASS },
	{ "get-wmiobject", "Get-WmiObject", H_OTHER_PS, cim_params, P_CLASS },
	{ "gwmi", "Get-WmiObject", H_OTHER_PS, cim_params, P_CLASS },
	{ NULL, NULL, 0, NULL, 0 },
};

static const struct cmddef *cmd_lookup(const char *prog)
{
	for (const struct cmddef *c = cmdtab; c->alias; c++)
		if (strcmp(c->alias, prog) == 0)
			return c;
	return NULL;
}

/* ---- facts --------------------------------------------------------------- */

static struct cl_command *new_cmd(struct view *v, enum cl_kind k, const char *name, size_t st_start,
				  size_t st_end, const char *assign_to)
{
	struct eng *e = v->e;
	if (!e->a || !e->out)
		return NULL;
	struct cl_command *c = VEC_PUSH(e->a, e->out);
	if (!c) {
		e->oom = 1;
		return NULL;
	}
	memset(c, 0, sizeof *c);
	c->kind = k;
	c->name = name;
	c->off = (uint32_t)st_start;
	c->len = (uint32_t)(st_end - st_start);
	c->text = span_dup_trim(e->a, e->s + st_start, st_end - st_start);
	c->assign_to = assign_to;
	c->persistent = CL_TRI_UNKNOWN;
	return c;
}

static void set_bad(struct view *v, struct cl_command *c, const struct arg *args, int ai)
{
	if (c && ai >= 0 && !c->bad)
		c->bad = dup_vref(v, vr_arg(&args[ai]));
}

static void facts_net(struct view *v, const struct arg *args, int n, const char *assign_to,
		      size_t s0, size_t s1)
{
	if (n < 2 || args[1].kind != A_WORD) {
		new_cmd(v, CL_OTHER, "net", s0, s1, assign_to);
		return;
	}
	const char *sub = TV(v, args[1].t0);
	size_t sl = TK(v, args[1].t0)->vlen;
	if (!eq_ci_n(sub, sl, "use")) {
		char buf[40];
		prog_name(sub, sl, buf, sizeof buf);
		const char *name = v->e->a ? arena_printf(v->e->a, "net %s", buf) : NULL;
		struct cl_command *c = new_cmd(v, CL_OTHER, name, s0, s1, assign_to);
		if (c && n > 2)
			c->target = dup_vref(v, vr_arg(&args[2]));
		return;
	}
	struct nu r;
	nu_analyze(v, args, 2, n, &r);
	enum cl_kind k;
	if (r.del)
		k = CL_NET_USE_DELETE;
	else if (r.remote >= 0 || r.home)
		k = CL_NET_USE;
	else if (r.dev >= 0)
		k = CL_NET_USE_QUERY;
	else if (r.persistent != CL_TRI_UNKNOWN)
		k = CL_NET_USE_PERSISTENT;
	else
		k = CL_NET_USE_QUERY;
	struct cl_command *c = new_cmd(v, k, "net use", s0, s1, assign_to);
	if (!c)
		return;
	if (r.dev >= 0) {
		size_t dn;
		const char *dv = vref_str(v, vr_arg(&args[r.dev]), &dn);
		if (dn == 1 && dv[0] == '*')
			c->any_drive = 1;
		else
			c->drive = drive_of(v->e->a, dv, dn);
	}
	if (r.remote >= 0)
		c->remote = dup_vref(v, vr_arg(&args[r.remote]));
	if (r.has_user)
		c->user = r.user.tok >= 0 ? dup_vref(v, r.user) : arena_strdup(v->e->a, "");
	c->persistent = r.persistent;
	c->savecred = r.savecred;
	c->del = r.del;
	c->smartcard = r.smartcard;
	c->require_integrity = r.rint;
	c->require_privacy = r.rpriv;
	c->write_through = r.wthrough;
	if (r.pass >= 0) {
		size_t pn;
		const char *pv = vref_str(v, vr_arg(&args[r.pass]), &pn);
		if (pn == 1 && pv[0] == '*')
			c->password_prompt = 1;
		else if (is_unc(pv, pn))
			set_bad(v, c, args, r.pass); /* a second UNC is not a password */
		else
			c->password_given = 1;
	}
	if (r.nextra)
		c->password_given = 1;
	set_bad(v, c, args, r.bad);
}

static void facts_cmdkey(struct view *v, const struct arg *args, int n, const char *assign_to,
			 size_t s0, size_t s1)
{
	struct ck r;
	ck_analyze(v, args, 1, n, &r);
	enum cl_kind k = (r.add || r.generic) ? CL_CMDKEY_ADD : r.del ? CL_CMDKEY_DELETE
					: r.list ? CL_CMDKEY_LIST : CL_OTHER;
	struct cl_command *c = new_cmd(v, k, "cmdkey", s0, s1, assign_to);
	if (!c)
		return;
	c->target = dup_vref(v, r.target);
	c->user = dup_vref(v, r.user);
	c->generic = r.generic;
	c->smartcard = r.smartcard;
	c->del = r.del;
	if (r.has_pass) {
		if (r.pass.tok >= 0)
			c->password_given = 1;
		else
			c->password_prompt = 1;
	}
	set_bad(v, c, args, r.bad);
}

/* Elements of an argument list: "a, b" (args), or the inside of "(a, b)" /
 * "@(a, b)". Fills up to max vrefs, returns the count. */
static int list_elements(const struct view *v, const struct arg *args, int ai, int nel, int n,
			 struct vref *el, int max)
{
	int k = 0;
	if (ai < 0 || ai >= n)
		return 0;
	if (args[ai].kind == A_GROUP && nel == 1) {
		int depth = 0, want = 1;
		for (int t = args[ai].t0 + 1; t < args[ai].t1 && t < (int)v->sc->nt && k < max; t++) {
			uint8_t ty = TK(v, t)->type;
			if (ty == CLX_OPEN) {
				if (depth == 0 && want) {
					el[k++] = VR_NONE; /* an expression: not a literal */
					want = 0;
				}
				depth++;
			} else if (ty == CLX_CLOSE) {
				depth--;
			} else if (depth == 0 && ty == CLX_COMMA) {
				want = 1;
			} else if (depth == 0 && ty == CLX_WORD && want) {
				el[k++] = vr_word(t, 0);
				want = 0;
			}
		}
		return k;
	}
	for (int j = 0; j < nel && ai + 2 * j < n && k < max; j++) {
		const struct arg *a = &args[ai + 2 * j];
		el[k++] = a->kind == A_WORD ? vr_word(a->t0, 0) : VR_NONE;
	}
	return k;
}

static const char *var_name(const struct view *v, struct vref r)
{
	size_t n;
	const char *p = vref_str(v, r, &n);
	if (r.group || n < 2 || p[0] != '$' || !v->e->a)
		return NULL;
	p++;
	n--;
	if (n >= 2 && p[0] == '{' && p[n - 1] == '}') {
		p++;
		n -= 2;
	}
	return arena_strndup(v->e->a, p, n);
}

static void cred_user(struct view *v, struct cl_command *c, struct vref el0)
{
	if (el0.tok < 0)
		return;
	size_t n;
	const char *p = vref_str(v, el0, &n);
	if (n && p[0] == '$')
		c->user_var = var_name(v, el0);
	else if (n)
		c->user = dup_vref(v, el0);
}

static void facts_ps(struct view *v, const struct cmddef *cd, const struct arg *args, int n,
		     const char *assign_to, size_t s0, size_t s1)
{
	struct pres r;
	ps_bind(v, args, 1, n, cd->params, &r);
	const struct pbind *b;
	enum cl_kind k = CL_OTHER;
	switch (cd->h) {
	case H_NEWGMAP: k = CL_NEW_GMAP; break;
	case H_RMGMAP: k = CL_REMOVE_GMAP; break;
	case H_NEWMAP:
		b = pget(&r, P_GLOBAL);
		k = b && b->sw == 1 ? CL_NEW_GMAP : CL_NEW_SMBMAPPING;
		break;
	case H_RMMAP: k = CL_NET_USE_DELETE; break;
	case H_PSDRIVE:
		b = pget(&r, P_PERSISTSW);
		k = b && b->sw == 1 ? CL_NEW_SMBMAPPING : CL_OTHER;
		break;
	case H_GETCRED: k = CL_GET_CREDENTIAL; break;
	case H_SECSTR: k = CL_SECURESTRING; break;
	case H_NEWOBJ: {
		struct vref tv = VR_NONE;
		if ((b = pget(&r, P_TYPE)))
			tv = b->v;
		else if (r.npos > 0)
			tv = vr_arg(&args[r.pos[0]]);
		size_t tn;
		const char *tp = vref_str(v, tv, &tn);
		if (tv.tok < 0 || !ends_ci(tp, tn, "pscredential"))
			return; /* some other object: of no interest */
		k = CL_NEW_PSCREDENTIAL;
		break;
	}
	default: break;
	}
	struct cl_command *c = new_cmd(v, k, cd->name, s0, s1, assign_to);
	if (!c)
		return;
	if (r.bad_ai >= 0)
		set_bad(v, c, args, r.bad_ai);
	if (r.missing && !c->bad)
		c->bad = "(parameter without value)";

	/* positional arguments of the mapping cmdlets: a UNC is the remote, a
	 * drive the local path, else LocalPath then RemotePath in order */
	struct vref local = VR_NONE, remote = VR_NONE;
	if ((b = pget(&r, P_LOCAL)))
		local = b->v;
	if ((b = pget(&r, P_REMOTE)))
		remote = b->v;
	if (cd->h == H_NEWGMAP || cd->h == H_NEWMAP || cd->h == H_RMMAP || cd->h == H_RMGMAP ||
	    (cd->h == H_OTHER_PS && cd->params == getmap_params)) {
		for (int i = 0; i < r.npos; i++) {
			struct vref pv = vr_arg(&args[r.pos[i]]);
			size_t pn;
			const char *pp = vref_str(v, pv, &pn);
			if (!pv.group && is_unc(pp, pn) && remote.tok < 0)
				remote = pv;
			else if (cd->h == H_RMGMAP && remote.tok < 0)
				remote = pv;
			else if (local.tok < 0)
				local = pv;
			else if (remote.tok < 0)
				remote = pv;
		}
	}
	switch (cd->h) {
	case H_NEWGMAP:
	case H_NEWMAP:
	case H_RMGMAP:
	case H_RMMAP: {
		size_t ln;
		const char *lp = vref_str(v, local, &ln);
		if (local.tok >= 0)
			c->drive = drive_of(v->e->a, lp, ln);
		c->remote = dup_vref(v, remote);
		if ((b = pget(&r, P_PERSIST)))
			c->persistent = b->sw;
		if ((b = pget(&r, P_RPRIV)))
			c->require_privacy = b->sw == 1;
		if ((b = pget(&r, P_RINT)))
			c->require_integrity = b->sw == 1;
		if ((b = pget(&r, P_WT)))
			c->write_through = b->sw == 1;
		if ((b = pget(&r, P_SAVE)))
			c->savecred = b->sw == 1;
		if ((b = pget(&r, P_FORCE)))
			c->force = b->sw == 1;
		if ((b = pget(&r, P_USER)))
			c->user = dup_vref(v, b->v);
		if ((b = pget(&r, P_PASS)) && b->v.tok >= 0)
			c->password_given = 1;
		if ((b = pget(&r, P_CRED)) && b->v.tok >= 0) {
			c->credential = dup_vref(v, b->v);
			size_t cn;
			const char *cp = vref_str(v, b->v, &cn);
			/* a plain string is a user name PowerShell will prompt for */
			if (!b->v.group && cn && cp[0] != '$' && !c->user)
				c->user = dup_vref(v, b->v);
		}
		if (cd->h == H_RMMAP || cd->h == H_RMGMAP)
			c->del = 1;
		break;
	}
	case H_PSDRIVE: {
		if ((b = pget(&r, P_NAME)) || r.npos > 0) {
			struct vref nv = b ? b->v : vr_arg(&args[r.pos[0]]);
			size_t nn;
			const char *np = vref_str(v, nv, &nn);
			c->drive = drive_of(v->e->a, np, nn);
			if (!c->drive)
				c->target = dup_vref(v, nv);
		}
		struct vref rootv = VR_NONE;
		if ((b = pget(&r, P_ROOT)))
			rootv = b->v;
		else if (r.npos > 2)
			rootv = vr_arg(&args[r.pos[2]]);
		c->remote = dup_vref(v, rootv);
		if ((b = pget(&r, P_PERSISTSW)))
			c->persistent = b->sw;
		if ((b = pget(&r, P_CRED)) && b->v.tok >= 0)
			c->credential = dup_vref(v, b->v);
		break;
	}
	case H_GETCRED: {
		struct vref uv = VR_NONE;
		if ((b = pget(&r, P_USER)))
			uv = b->v;
		else if ((b = pget(&r, P_CRED)))
			uv = b->v;
		else if (r.npos > 0)
			uv = vr_arg(&args[r.pos[0]]);
		size_t un;
		const char *up = vref_str(v, uv, &un);
		if (uv.tok >= 0 && !uv.group && un && up[0] != '$')
			c->user = dup_vref(v, uv);
		else if (uv.tok >= 0 && !uv.group && un)
			c->user_var = var_name(v, uv);
		break;
	}
	case H_SECSTR: {
		struct vref sv = VR_NONE;
		if ((b = pget(&r, P_STRING)))
			sv = b->v;
		else if (r.npos > 0)
			sv = vr_arg(&args[r.pos[0]]);
		if (sv.tok >= 0) {
			c->value = dup_vref(v, sv);
			c->password_given = 1;
		}
		if ((b = pget(&r, P_PLAIN)))
			c->plain_text = b->sw == 1;
		break;
	}
	case H_NEWOBJ: {
		int ai = -1, nel = 0;
		if ((b = pget(&r, P_ARGS))) {
			ai = b->ai;
			nel = b->nel;
		} else if (r.npos > 1) {
			ai = r.pos[1];
			nel = 1;
			while (ai + 2 * nel < n && args[ai + 2 * nel - 1].kind == A_COMMA)
				nel++;
		}
		struct vref el[2];
		int ne = list_elements(v, args, ai, nel, n, el, 2);
		if (ne > 0)
			cred_user(v, c, el[0]);
		if (ne > 1 && el[1].tok >= 0) {
			size_t pn;
			const char *pp = vref_str(v, el[1], &pn);
			if (pn && pp[0] == '$')
				c->password_var = var_name(v, el[1]);
			else
				c->password_given = 1;
		}
		break;
	}
	case H_OTHER_PS: {
		struct vref tv = VR_NONE;
		if (cd->primary && (b = pget(&r, cd->primary)))
			tv = b->v;
		else if (cd->primary == P_PATH && (b = pget(&r, P_LPATH)))
			tv = b->v;
		else if (cd->params == getmap_params && local.tok >= 0)
			tv = local;
		else if (cd->params == getmap_params && remote.tok >= 0)
			tv = remote;
		else if (r.npos > 0)
			tv = vr_arg(&args[r.pos[0]]);
		c->target = dup_vref(v, tv);
		break;
	}
	default:
		break;
	}
}

/* `[System.Management.Automation.PSCredential]::new($u, $p)` */
static int is_pscred_ctor(const char *val, size_t n)
{
	return ends_ci(val, n, "pscredential]::new");
}

static void facts_pscred_ctor(struct view *v, const struct arg *args, int n, const char *assign_to,
			      size_t s0, size_t s1)
{
	struct cl_command *c = new_cmd(v, CL_NEW_PSCREDENTIAL, "PSCredential", s0, s1, assign_to);
	if (!c || n < 2)
		return;
	struct vref el[2];
	int ne = list_elements(v, args, 1, 1, n, el, 2);
	if (ne > 0)
		cred_user(v, c, el[0]);
	if (ne > 1 && el[1].tok >= 0) {
		size_t pn;
		const char *pp = vref_str(v, el[1], &pn);
		if (pn && pp[0] == '$')
			c->password_var = var_name(v, el[1]);
		else
			c->password_given = 1;
	}
}

/* cmd /c "…": the text after /c (or /k), outer quotes removed (cmd's /s rule). */
static int cmd_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end)
{
	for (int k = 1; k < n; k++) {
		if (args[k].kind != A_WORD)
			return 0;
		const char *val = TV(v, args[k].t0);
		size_t vl = TK(v, args[k].t0)->vlen;
		if (vl < 2 || val[0] != '/')
			return 0;
		if (eq_ci_n(val, 2, "/c") || eq_ci_n(val, 2, "/k") || eq_ci_n(val, 2, "/r")) {
			const struct clx_token *t = TK(v, args[k].t0);
			size_t a = (size_t)t->off + (vl > 2 ? 2 : t->len), b;
			size_t dummy;
			args_span(v, args, 0, n, &dummy, &b);
			if (vl > 2 && !t->quoted) /* "/cnet use" */
				a = t->off + 2;
			while (a < b && (v->e->s[a] == ' ' || v->e->s[a] == '\t'))
				a++;
			if (b > a + 1 && v->e->s[a] == '"' && v->e->s[b - 1] == '"') {
				a++;
				b--;
			}
			*start = a;
			*end = b;
			return b > a;
		}
	}
	return 0;
}

/* powershell -Command "…" (or the first positional argument). */
static int pwsh_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end)
{
	struct pres r;
	ps_bind(v, args, 1, n, pwsh_params, &r);
	int ai = -1;
	const struct pbind *b = pget(&r, P_COMMAND);
	if (b && b->ai >= 0)
		ai = b->ai;
	else if (b && b->v.tok >= 0) {
		/* -Command:"…" */
		size_t a, z;
		if (!vref_span(v, b->v, &a, &z))
			return 0;
		args_span(v, args, 0, n, &a, end);
		*start = v->sc->map[TK(v, b->v.tok)->v + b->v.vs];
		return *end > *start;
	} else if (pget(&r, P_FILE) || pget(&r, P_SKIP))
		return 0;
	else if (r.npos > 0)
		ai = r.pos[0];
	if (ai < 0)
		return 0;
	size_t a, z;
	args_span(v, args, ai, n, &a, &z);
	if (ai == n - 1 && args[ai].kind == A_WORD && TK(v, args[ai].t0)->wq) {
		const struct clx_token *t = TK(v, args[ai].t0);
		a += t->qlen;
		z -= t->qlen;
	}
	*start = a;
	*end = z;
	return z > a;
}

/* cmd's `if [/i] [not] exist X cmd`, `if errorlevel N cmd`, `if a==b cmd`:
 * index of the first argument of the command it runs. */
static int cmd_if_body(const struct view *v, const struct arg *args, int n)
{
	int k = 1;
	while (k < n && args[k].kind == A_WORD &&
	       (eq_ci_n(TV(v, args[k].t0), TK(v, args[k].t0)->vlen, "/i") ||
		eq_ci_n(TV(v, args[k].t0), TK(v, args[k].t0)->vlen, "not")))
		k++;
	if (k >= n || args[k].kind != A_WORD)
		return n;
	const char *w = TV(v, args[k].t0);
	size_t wl = TK(v, args[k].t0)->vlen;
	if (eq_ci_n(w, wl, "exist") || eq_ci_n(w, wl, "defined") || eq_ci_n(w, wl, "errorlevel") ||
	    eq_ci_n(w, wl, "cmdextversion"))
		return k + 2;
	if (strstr(w, "=="))
		return k + 1;
	if (k + 1 < n && args[k + 1].kind == A_WORD) {
		const char *op = TV(v, args[k + 1].t0);
		size_t ol = TK(v, args[k + 1].t0)->vlen;
		if (eq_ci_n(op, ol, "==") || eq_ci_n(op, ol, "equ") || eq_ci_n(op, ol, "neq") ||
		    eq_ci_n(op, ol, "lss") || eq_ci_n(op, ol, "leq") || eq_ci_n(op, ol, "gtr") ||
		    eq_ci_n(op, ol, "geq"))
			return k + 3;
	}
	return n;
}

static void interpret_groups(struct view *v, const struct arg *args, int n, int from, int gdepth)
{
	if (gdepth >= CL_MAX_GROUP_DEPTH)
		return;
	for (int k = from; k < n; k++)
		if (args[k].kind == A_GROUP)
			run_range(v, args[k].t0 + 1, args[k].t1, gdepth + 1);
}

/* A PowerShell assignment `$Name = …` (also `[string]$Name = …`,
 * `$Name=…`): returns the index of the first value argument (or -1) and
 * the value start inside the first token. */
static int ps_assignment(const struct view *v, const struct arg *args, int n, const char **name,
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

static void interpret(struct view *v, const struct arg *args, int n, const char *assign_to,
		      size_t s0, size_t s1, int gdepth)
{
	if (n <= 0 || v->e->oom || gdepth > 4 * CL_MAX_GROUP_DEPTH)
		return; /* `else else else …`, `$a = $b = …`: bounded */
	if (args[0].kind == A_GROUP) {
		run_range(v, args[0].t0 + 1, args[0].t1, gdepth + 1);
		interpret_groups(v, args, n, 1, gdepth);
		return;
	}
	if (args[0].kind != A_WORD)
		return;
	const char *val0 = TV(v, args[0].t0);
	size_t vl0 = TK(v, args[0].t0)->vlen;

	/* $Name = … */
	const char *an;
	size_t anl;
	uint32_t vs;
	int vi = ps_assignment(v, args, n, &an, &anl, &vs);
	if (vi >= 0 && !assign_to) {
		const char *name = v->e->a ? arena_strndup(v->e->a, an, anl) : NULL;
		int nn = n;
		while (nn > 1 && args[nn - 1].kind == A_COMMA) /* param( [string]$X = 'v', … */
			nn--;
		int single = (vi == 0 && nn == 1) || (vi > 0 && vi == nn - 1 && args[vi].kind == A_WORD);
		struct vref rv = vi == 0 ? vr_word(args[0].t0, vs) : vr_word(args[vi].t0, vs);
		size_t rn;
		const char *rp = vref_str(v, rv, &rn);
		/* in PowerShell a bare word on the right runs a command: only a
		 * quoted string or a number is a literal */
		int lit = rn && (TK(v, rv.tok)->quoted || (rp[0] >= '0' && rp[0] <= '9'));
		if (single && lit) {
			struct cl_command *c = new_cmd(v, CL_ASSIGN, "assign", s0, s1, name);
			if (c)
				c->value = dup_vref(v, rv);
			return;
		}
		if (vi > 0)
			interpret(v, args + vi, n - vi, name, s0, s1, gdepth + 1);
		return;
	}

	char prog[64];
	prog_name(val0, vl0, prog, sizeof prog);
	if (is_pscred_ctor(val0, vl0)) {
		facts_pscred_ctor(v, args, n, assign_to, s0, s1);
		interpret_groups(v, args, n, 1, gdepth);
		return;
	}
	const struct cmddef *cd = cmd_lookup(prog);
	if (!cd) {
		if (v->e->a) {
			struct cl_command *c = new_cmd(v, CL_NONE, NULL, s0, s1, assign_to);
			if (c)
				c->name = arena_strdup(v->e->a, prog);
		}
		interpret_groups(v, args, n, 1, gdepth);
		return;
	}
	size_t a, b;
	switch (cd->h) {
	case H_NET:
		facts_net(v, args, n, assign_to, s0, s1);
		break;
	case H_CMDKEY:
		facts_cmdkey(v, args, n, assign_to, s0, s1);
		break;
	case H_CMD:
		if (cmd_inner(v, args, n, &a, &b))
			nested(v, a, b, CL_CMD);
		return;
	case H_PWSH:
		if (pwsh_inner(v, args, n, &a, &b))
			nested(v, a, b, CL_PS);
		return;
	case H_SET: {
		/* set NAME=value, set "NAME=value" */
		if (n < 2 || args[1].kind != A_WORD)
			break;
		const char *w = TV(v, args[1].t0);
		size_t wl = TK(v, args[1].t0)->vlen;
		if (w[0] == '/')
			break;
		const char *eq = memchr(w, '=', wl);
		if (!eq || eq == w)
			break;
		struct cl_command *c = new_cmd(v, CL_ASSIGN, "set", s0, s1,
					       v->e->a ? arena_strndup(v->e->a, w, (size_t)(eq - w)) : NULL);
		if (c && v->e->a) {
			if (n == 2) {
				c->value = dup_vref(v, vr_word(args[1].t0, (uint32_t)(eq + 1 - w)));
			} else {
				size_t st = v->sc->map[TK(v, args[1].t0)->v + (eq + 1 - w)], en, d0;
				if ((size_t)(eq + 1 - w) >= wl)
					st = (size_t)TK(v, args[1].t0)->off + TK(v, args[1].t0)->len;
				args_span(v, args, 0, n, &d0, &en);
				c->value = span_dup_trim(v->e->a, v->e->s + st, en > st ? en - st : 0);
			}
		}
		return;
	}
	case H_IF: {
		if (v->d == CL_PS)
			break;
		int k = cmd_if_body(v, args, n);
		if (k < n) {
			size_t x0, x1;
			args_span(v, args, k, n, &x0, &x1);
			interpret(v, args + k, n - k, assign_to, x0, x1, gdepth + 1);
		}
		return;
	}
	case H_FOR:
		for (int k = 1; k < n; k++) {
			if (args[k].kind == A_WORD && eq_ci_n(TV(v, args[k].t0), TK(v, args[k].t0)->vlen, "do")) {
				if (k + 1 < n) {
					size_t x0, x1;
					args_span(v, args, k + 1, n, &x0, &x1);
					interpret(v, args + k + 1, n - k - 1, assign_to, x0, x1, gdepth + 1);
				}
				return;
			}
		}
		break;
	case H_ELSE:
		if (n > 1) {
			size_t x0, x1;
			args_span(v, args, 1, n, &x0, &x1);
			interpret(v, args + 1, n - 1, assign_to, x0, x1, gdepth + 1);
		}
		return;
	case H_REG: {
		if (n < 2 || args[1].kind != A_WORD)
			break;
		char sub[24];
		prog_name(TV(v, args[1].t0), TK(v, args[1].t0)->vlen, sub, sizeof sub);
		const char *name = v->e->a ? arena_printf(v->e->a, "reg %s", sub) : NULL;
		struct cl_command *c = new_cmd(v, CL_OTHER, name, s0, s1, assign_to);
		if (c && n > 2)
			c->target = dup_vref(v, vr_arg(&args[2]));
		break;
	}
	case H_OTHER_CMD: {
		struct cl_command *c = new_cmd(v, CL_OTHER, cd->name, s0, s1, assign_to);
		for (int k = 1; c && k < n; k++) {
			if (args[k].kind != A_WORD)
				continue;
			const char *w = TV(v, args[k].t0);
			if (w[0] == '/' && !is_unc(w, TK(v, args[k].t0)->vlen) && k + 1 < n)
				continue; /* a switch; the last argument may still be a path */
			c->target = dup_vref(v, vr_arg(&args[k]));
			break;
		}
		if (c && !c->target && n > 1)
			c->target = dup_vref(v, vr_arg(&args[1]));
		break;
	}
	default:
		facts_ps(v, cd, args, n, assign_to, s0, s1);
		break;
	}
	interpret_groups(v, args, n, 1, gdepth);
}

/* ---- secrets ------------------------------------------------------------- */

static int has_keyword(const char *s, size_t n)
{
	static const char *const kw[] = { "use", "cmdkey", "pass", "pwd", "securestring",
					  "pscredential", "cpassword", NULL };
	for (size_t k = 0; kw[k]; k++)
		if (span_find_ci(s, n, kw[k]) >= 0)
			return 1;
	return 0;
}

static void scan_secrets(struct view *v, const struct arg *args, int n, int pipe_from_tok, int gdepth)
{
	for (int k = 0; k < n && !v->e->oom; k++) {
		const struct arg *a = &args[k];
		if (a->kind == A_GROUP) {
			if (gdepth < CL_MAX_GROUP_DEPTH)
				run_range(v, a->t0 + 1, a->t1, gdepth + 1);
			continue;
		}
		if (a->kind != A_WORD)
			continue;
		const struct clx_token *t = TK(v, a->t0);
		const char *val = TV(v, a->t0);
		size_t vl = t->vlen;

		/* a quoted string that holds a command line */
		if (t->wq && t->len > 2u * t->qlen && has_keyword(val, vl))
			nested(v, (size_t)t->off + t->qlen, (size_t)t->off + t->len - t->qlen, CL_AUTO);

		char prog[64];
		prog_name(val, vl, prog, sizeof prog);
		if ((!strcmp(prog, "net") || !strcmp(prog, "net1")) && k + 1 < n &&
		    args[k + 1].kind == A_WORD &&
		    eq_ci_n(TV(v, args[k + 1].t0), TK(v, args[k + 1].t0)->vlen, "use")) {
			nu_secrets(v, args, k + 2, n);
			continue;
		}
		if (!strcmp(prog, "cmdkey")) {
			struct ck r;
			ck_analyze(v, args, k + 1, n, &r);
			report_vref(v, r.pass, "cmdkey /pass");
			continue;
		}
		if (!strcmp(prog, "cmd") && k == 0) {
			size_t x0, x1;
			if (cmd_inner(v, args, n, &x0, &x1)) {
				nested(v, x0, x1, CL_CMD);
				return;
			}
		}
		if ((!strcmp(prog, "powershell") || !strcmp(prog, "pwsh")) && k == 0) {
			size_t x0, x1;
			if (pwsh_inner(v, args + 0, n, &x0, &x1)) {
				nested(v, x0, x1, CL_PS);
				return;
			}
		}
		if (!strcmp(prog, "convertto-securestring")) {
			struct pres r;
			ps_bind(v, args, k + 1, n, secstr_params, &r);
			const struct pbind *b = pget(&r, P_STRING);
			const struct pbind *pl = pget(&r, P_PLAIN);
			const char *what = pl && pl->sw == 1 ? "ConvertTo-SecureString -AsPlainText"
							     : "ConvertTo-SecureString";
			if (b)
				report_vref(v, b->v, what);
			else if (r.npos > 0)
				report_vref(v, vr_arg(&args[r.pos[0]]), what);
			else if (pipe_from_tok >= 0)
				report_vref(v, vr_word(pipe_from_tok, 0), what);
			continue;
		}
		if (!strcmp(prog, "new-object") && k + 1 < n) {
			struct pres r;
			ps_bind(v, args, k + 1, n, newobj_params, &r);
			const struct pbind *b = pget(&r, P_TYPE);
			struct vref tv = b ? b->v : r.npos > 0 ? vr_arg(&args[r.pos[0]]) : VR_NONE;
			size_t tn;
			const char *tp = vref_str(v, tv, &tn);
			if (tv.tok >= 0 && ends_ci(tp, tn, "pscredential")) {
				int ai = -1, nel = 0;
				if ((b = pget(&r, P_ARGS))) {
					ai = b->ai;
					nel = b->nel;
				} else if (r.npos > 1) {
					ai = r.pos[1];
					nel = 1;
					while (ai + 2 * nel < n && args[ai + 2 * nel - 1].kind == A_COMMA)
						nel++;
				}
				struct vref el[2];
				if (list_elements(v, args, ai, nel, n, el, 2) > 1)
					report_vref(v, el[1], "PSCredential password");
			}
			continue;
		}
		if (is_pscred_ctor(val, vl) && k + 1 < n) {
			struct vref el[2];
			if (list_elements(v, args, k + 1, 1, n, el, 2) > 1)
				report_vref(v, el[1], "PSCredential password");
			continue;
		}
		if (!strcmp(prog, "set") && k + 2 < n && args[k + 1].kind == A_WORD &&
		    TV(v, args[k + 1].t0)[0] == '/') {
			k += 2; /* set /p NAME=prompt text, set /a NAME=expression */
			continue;
		}
		if (!strcmp(prog, "set") && k + 1 < n && args[k + 1].kind == A_WORD) {
			const struct clx_token *w = TK(v, args[k + 1].t0);
			const char *wv = TV(v, args[k + 1].t0);
			const char *eq = memchr(wv, '=', w->vlen);
			if (wv[0] != '/' && eq && eq > wv && name_is_passwordish(wv, (size_t)(eq - wv), 0)) {
				struct vref r = vr_word(args[k + 1].t0, (uint32_t)(eq + 1 - wv));
				size_t x0, x1;
				if (k + 2 >= n || w->wq) {
					report_vref(v, r, "password variable");
				} else if (vref_is_literal(v, r) || (size_t)(eq + 1 - wv) == w->vlen) {
					/* set takes the rest of the line */
					size_t d0;
					x0 = (size_t)(eq + 1 - wv) < w->vlen ? v->sc->map[w->v + (eq + 1 - wv)]
									 : (size_t)w->off + w->len;
					args_span(v, args, k + 1, n, &d0, &x1);
					report(v, x0, x1, "password variable");
				}
				k++;
				continue;
			}
		}
		/* /pass:x, /password:x, /pwd:x anywhere */
		if (vl > 2 && val[0] == '/') {
			const char *colon = memchr(val, ':', vl);
			if (colon && name_is_passwordish(val + 1, (size_t)(colon - val - 1), 1))
				report_vref(v, vr_word(a->t0, (uint32_t)(colon + 1 - val)), "password switch");
			continue;
		}
		/* -Password x, -Password:x */
		size_t pno = tok_is_param(v, a->t0) ? ps_param_at(val, vl) : 0;
		if (pno) {
			const char *colon = memchr(val + pno, ':', vl - pno);
			size_t nl = colon ? (size_t)(colon - val) - pno : vl - pno;
			if (name_is_passwordish(val + pno, nl, 1) && !eq_ci_n(val + pno, nl, "pass")) {
				if (colon)
					report_vref(v, vr_word(a->t0, (uint32_t)(colon + 1 - val)), "-Password parameter");
				else if (k + 1 < n && args[k + 1].kind == A_WORD)
					report_vref(v, vr_word(args[k + 1].t0, 0), "-Password parameter");
			}
			continue;
		}
		/* $pass = 'x', [string]$pwd="x" */
		const char *an;
		size_t anl;
		uint32_t vs;
		int vi = ps_assignment(v, args + k, n - k, &an, &anl, &vs);
		if (vi >= 0 && name_is_passwordish(an, anl, 0)) {
			/* a literal value: the last argument, or a quoted string
			 * (`$p = ConvertTo-SecureString …` is looked at below) */
			const struct arg *va = &args[k + vi];
			if (va->kind == A_WORD && (k + vi == n - 1 || TK(v, va->t0)->quoted))
				report_vref(v, vr_word(va->t0, vs), "password variable");
			if (vi > 0)
				k += vi - 1;
			continue;
		}
		/* Password=x (connection strings, hash tables, config lines) */
		const char *eq = memchr(val, '=', vl);
		if (eq && eq > val && val[0] != '$' && name_is_passwordish(val, (size_t)(eq - val), 1)) {
			struct vref r = vr_word(a->t0, (uint32_t)(eq + 1 - val));
			size_t x0, x1;
			if ((size_t)(eq + 1 - val) < vl && !t->quoted && vref_is_literal(v, r) &&
			    vref_span(v, r, &x0, &x1)) {
				/* Password=x;Database=y: the value ends at ';' */
				const char *semi = memchr(v->e->s + x0, ';', x1 - x0);
				report(v, x0, semi ? (size_t)(semi - v->e->s) : x1, "password assignment");
			} else if ((size_t)(eq + 1 - val) < vl) {
				report_vref(v, r, "password assignment");
			}
			continue;
		}
		if (!t->quoted && name_is_passwordish(val, vl, 1) && k + 2 < n && args[k + 1].kind == A_WORD &&
		    eq_ci_n(TV(v, args[k + 1].t0), TK(v, args[k + 1].t0)->vlen, "=") &&
		    args[k + 2].kind == A_WORD) {
			report_vref(v, vr_word(args[k + 2].t0, 0), "password assignment");
			k += 2;
		}
	}
}

/* Statements of tokens [b, e): split at separators outside parentheses. */
static void run_range(struct view *v, int b, int e, int gdepth)
{
	if (e > (int)v->sc->nt)
		e = (int)v->sc->nt;
	if (b >= e || v->e->oom || gdepth > CL_MAX_GROUP_DEPTH)
		return; /* nesting is bounded: (((((… cannot run away */
	struct arg *args = malloc((size_t)(e - b) * sizeof *args);
	if (!args) {
		v->e->oom = 1;
		return;
	}
	int st = b, depth = 0, comment = 0, pipe_tok = -1;
	for (int i = b; i <= e; i++) {
		int brk = i == e;
		if (!brk) {
			const struct clx_token *t = TK(v, i);
			if (t->type == CLX_OPEN)
				depth++;
			else if (t->type == CLX_CLOSE && depth > 0)
				depth--;
			else if (t->type == CLX_SEP && depth == 0)
				brk = 1;
			else if (t->type == CLX_COMMENT && depth == 0)
				brk = 1;
		}
		if (!brk)
			continue;
		int n = build_args(v, st, i, args);
		if (n > 0) {
			size_t s0, s1;
			args_span(v, args, 0, n, &s0, &s1);
			/* cmd comments: rem, :: — the rest of the line is prose */
			if (args[0].kind == A_WORD) {
				char prog[8];
				prog_name(TV(v, args[0].t0), TK(v, args[0].t0)->vlen, prog, sizeof prog);
				if (!strcmp(prog, "rem") || !strncmp(prog, "::", 2))
					comment = 1;
			}
			if (v->e->a && !comment)
				interpret(v, args, n, NULL, s0, s1, gdepth);
			if (v->e->fn)
				scan_secrets(v, args, n, pipe_tok, gdepth);
			/* `'x' | ConvertTo-SecureString`: the literal piped in */
			pipe_tok = -1;
			if (i < e && TK(v, i)->type == CLX_SEP && TK(v, i)->sep == CLX_PIPE &&
			    args[n - 1].kind == A_WORD)
				pipe_tok = args[n - 1].t0;
		}
		if (i < e && TK(v, i)->type == CLX_COMMENT) {
			comment = 1;
			/* comment text: look for secrets in it, as statements */
			if (v->e->fn)
				run_range(v, i + 1, e, gdepth);
			break;
		}
		st = i + 1;
	}
	free(args);
}

static void run_text(struct eng *e, int depth, size_t start, size_t end, enum cl_dialect d)
{
	struct view v = { e, &e->sc[depth], depth, d };
	clx_reset(v.sc);
	v.d = clx_tokenize(v.sc, e->s, start, end, d);
	if (v.sc->oom) {
		e->oom = 1;
		return;
	}
	run_range(&v, 0, (int)v.sc->nt, 0);
}

static void nested(struct view *v, size_t start, size_t end, enum cl_dialect d)
{
	if (v->depth >= CL_MAX_DEPTH || end <= start)
		return;
	run_text(v->e, v->depth + 1, start, end, d);
}

static void eng_free(struct eng *e)
{
	for (int i = 0; i <= CL_MAX_DEPTH; i++)
		clx_free(&e->sc[i]);
}

int cmdline_parse(struct arena *a, const char *s, size_t len, enum cl_dialect d, cl_command_vec *out)
{
	if (!s || !a)
		return 0;
	struct eng e;
	memset(&e, 0, sizeof e);
	e.s = s;
	e.a = a;
	e.out = out;
	size_t p = 0;
	if (d == CL_AUTO) /* a prompt pasted with the command */
		p = cl_prompt_len(s, len, &d);
	run_text(&e, 0, p, len, d);
	eng_free(&e);
	return e.oom || arena_exhausted(a) ? -1 : 0;
}

int cmdline_secrets(const char *s, size_t len, enum cl_dialect d, cl_secret_fn fn, void *user)
{
	if (!s || !fn)
		return 0;
	struct eng e;
	memset(&e, 0, sizeof e);
	e.s = s;
	e.fn = fn;
	e.user = user;
	enum cl_dialect pd = d;
	size_t p = cl_prompt_len(s, len, &pd);
	if (p && d == CL_AUTO)
		d = pd;
	run_text(&e, 0, p, len, d);
	eng_free(&e);
	return e.oom ? -1 : e.nsecrets;
}
