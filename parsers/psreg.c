/* ps-registry: Get-ItemProperty / Get-ChildItem / Get-Item on registry paths
 * and their "path does not exist" errors (see psreg.h). Read by structure:
 * "Name : value" records closed by a PSPath line, the "Hive:" table with its
 * dash runs, and the error record's FullyQualifiedErrorId. */
#include "psreg.h"

#include <json-c/json.h>
#include <string.h>

#include "parser.h"
#include "psobj.h"
#include "text.h"

#define SCAN_MAX 20000      /* lines looked at by bid */
#define RECORD_BACK 8       /* error record: FQEID line back to its first line */

/* ------------------------------------------------------------ paths */

static const struct {
	const char *ps, *reg;
} drives[] = {
	{ "HKCU:", "HKEY_CURRENT_USER" }, { "HKLM:", "HKEY_LOCAL_MACHINE" },
	{ "HKCU", "HKEY_CURRENT_USER" },  { "HKLM", "HKEY_LOCAL_MACHINE" },
	{ "HKU", "HKEY_USERS" },          { "HKCR", "HKEY_CLASSES_ROOT" },
	{ "HKCC", "HKEY_CURRENT_CONFIG" },
};

const char *psreg_path(struct arena *a, const char *s, size_t n)
{
	span_trim(&s, &n);
	while (n && (s[0] == '"' || s[0] == '\'')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == '\\'))
		n--;
	static const char prov[] = "Microsoft.PowerShell.Core\\";
	if (span_starts_ci(s, n, prov)) {
		s += sizeof prov - 1;
		n -= sizeof prov - 1;
	}
	int provider = 0;
	if (span_starts_ci(s, n, "Registry::")) {
		s += 10;
		n -= 10;
		provider = 1;
	}
	if (n == 0 || memchr(s, '*', n) || memchr(s, '?', n))
		return NULL;
	if (span_starts_ci(s, n, "HKEY_"))
		return arena_strndup(a, s, n);
	for (size_t i = 0; i < sizeof drives / sizeof drives[0]; i++) {
		size_t k = strlen(drives[i].ps);
		int colon = drives[i].ps[k - 1] == ':';
		if (!colon && !provider)
			continue; /* "HKCU\x" without Registry:: is no PowerShell path */
		if (!span_starts_ci(s, n, drives[i].ps) || (n > k && s[k] != '\\'))
			continue;
		return arena_printf(a, "%s%.*s", drives[i].reg, (int)(n - k), s + k);
	}
	return NULL;
}

/* ------------------------------------------------------------ command lines */

enum cmdlet { C_NONE, C_GET_ITEMPROPERTY, C_GET_CHILDITEM, C_GET_ITEM };

struct regcmd {
	enum cmdlet cmdlet;
	const char *path;  /* registry path of the first path argument, NULL */
	int filtered;      /* a pipe, -Name, -Include/-Exclude/-Filter: not everything is shown */
	int recurse;
};

static enum cmdlet cmdlet_of(const char *w, size_t n)
{
	static const struct { const char *name; enum cmdlet c; } names[] = {
		{ "Get-ItemProperty", C_GET_ITEMPROPERTY }, { "gp", C_GET_ITEMPROPERTY },
		{ "Get-ChildItem", C_GET_CHILDITEM },       { "gci", C_GET_CHILDITEM },
		{ "dir", C_GET_CHILDITEM },                 { "ls", C_GET_CHILDITEM },
		{ "Get-Item", C_GET_ITEM },                 { "gi", C_GET_ITEM },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n && span_starts_ci(w, n, names[i].name))
			return names[i].c;
	return C_NONE;
}

static void parse_command(struct arena *a, const char *cmd, struct regcmd *rc)
{
	memset(rc, 0, sizeof *rc);
	if (!cmd)
		return;
	size_t n = strlen(cmd), i = 0;
	while (i < n && (cmd[i] == ' ' || cmd[i] == '\t'))
		i++;
	size_t w = i;
	while (w < n && cmd[w] != ' ' && cmd[w] != '\t')
		w++;
	rc->cmdlet = cmdlet_of(cmd + i, w - i);
	if (rc->cmdlet == C_NONE)
		return;
	for (size_t k = w; k < n; k++)
		if (cmd[k] == '|')
			rc->filtered = 1;
	/* arguments up to a pipe: the first registry path, and switches */
	for (size_t k = w; k < n && cmd[k] != '|';) {
		while (k < n && (cmd[k] == ' ' || cmd[k] == '\t'))
			k++;
		size_t st = k;
		char q = 0;
		if (k < n && (cmd[k] == '"' || cmd[k] == '\''))
			q = cmd[k++];
		while (k < n && (q ? cmd[k] != q : (cmd[k] != ' ' && cmd[k] != '\t' && cmd[k] != '|')))
			k++;
		if (q && k < n)
			k++;
		size_t len = k - st;
		if (!len)
			break;
		const char *tok = cmd + st;
		if (tok[0] == '-') {
			if (span_starts_ci(tok, len, "-Recurse") || span_starts_ci(tok, len, "-Depth"))
				rc->recurse = 1;
			else if (span_starts_ci(tok, len, "-Name") || span_starts_ci(tok, len, "-Include") ||
				 span_starts_ci(tok, len, "-Exclude") || span_starts_ci(tok, len, "-Filter"))
				rc->filtered = 1;
			continue;
		}
		if (!rc->path)
			rc->path = psreg_path(a, tok, len);
	}
}

/* The first registry path in a message ('HKCU:\x', "HKCU:\x", „HKCU:\x“). */
static const char *quoted_path(struct arena *a, const char *s, size_t n)
{
	static const char *const opens[] = { "'", "\"", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xc2\xab",
					     "\xe2\x80\x98", "\xe3\x80\x8c" };
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++) {
			size_t ol = strlen(opens[k]);
			if (i + ol > n || memcmp(s + i, opens[k], ol))
				continue;
			size_t st = i + ol, e = st;
			while (e < n && s[e] != '\'' && s[e] != '"' && (unsigned char)s[e] < 0xC2)
				e++;
			while (e > st && s[e - 1] == ' ')
				e--;
			const char *p = e > st ? psreg_path(a, s + st, e - st) : NULL;
			if (p)
				return p;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------ line shapes */

static size_t indent_of(const struct line *l)
{
	size_t i = 0;
	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	return i;
}

/* "Name   : value" or "Name   :" (PowerShell 7 drops the space after an empty
 * value). Offsets into [s,n). */
static int prop_split(const char *s, size_t n, size_t *name_len, size_t *val_off)
{
	if (n == 0 || s[0] == ' ' || s[0] == '\t' || s[0] == '+')
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] != ':' || s[i - 1] != ' ' || (i + 1 < n && s[i + 1] != ' '))
			continue;
		size_t nl = i - 1;
		while (nl && s[nl - 1] == ' ')
			nl--;
		if (!nl)
			return 0;
		*name_len = nl;
		*val_off = i + 1 < n ? i + 2 : n;
		return 1;
	}
	return 0;
}

static int is_ps_property(const char *s, size_t n)
{
	static const char *const ps[] = { "PSPath", "PSParentPath", "PSChildName", "PSDrive",
					  "PSProvider", "PSIsContainer" };
	for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++)
		if (strlen(ps[i]) == n && span_starts_ci(s, n, ps[i]))
			return 1;
	return 0;
}

static int pspath_line(const struct line *l)
{
	size_t nl, vo;
	if (prop_split(l->s, l->len, &nl, &vo) && nl == 6 && span_starts_ci(l->s, nl, "PSPath") &&
	    span_find_ci(l->s + vo, l->len - vo, "Registry::") >= 0)
		return 1;
	/* ConvertTo-Json: "PSPath":  "Microsoft.PowerShell.Core\\Registry::HKEY_..." */
	return span_find_ci(l->s, l->len, "\"PSPath\"") >= 0 && span_find_ci(l->s, l->len, "Registry::") >= 0;
}

/* "    Hive: HKEY_CURRENT_USER\Network" */
static const char *hive_of(struct arena *a, const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (!span_starts_ci(s, n, "Hive:"))
		return NULL;
	return psreg_path(a, s + 5, n - 5);
}

static int fqeid_pathnotfound(const struct line *l)
{
	return span_find_ci(l->s, l->len, "FullyQualifiedErrorId") >= 0 &&
	       span_find_ci(l->s, l->len, "PathNotFound,Microsoft.PowerShell.Commands.Get") >= 0;
}

/* PowerShell 7: "Get-ItemProperty: Cannot find path 'HKCU:\x' because it does not exist." */
static int ps7_notfound(const struct line *l)
{
	static const char *const c[] = { "Get-ItemProperty:", "Get-ChildItem:", "Get-Item:",
					 "Get-ItemPropertyValue:" };
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (span_starts_ci(l->s, l->len, c[i]))
			return span_find_ci(l->s, l->len, "Cannot find path") >= 0;
	return 0;
}

/* ------------------------------------------------------------ results */

struct st {
	struct arena *a;
	struct psreg_result *r;
	struct regcmd cmd;
};

static void add_key(struct st *st, const char *path, uint32_t line)
{
	for (size_t i = 0; i < st->r->keys.n; i++)
		if (!strcmp(st->r->keys.v[i].path, path))
			return;
	struct psreg_key *k = VEC_PUSH(st->a, &st->r->keys);
	if (k) {
		k->path = path;
		k->line = line;
	}
}

static void add_value(struct st *st, const char *key, const char *name, size_t nl, const char *data,
		      uint32_t line)
{
	struct psreg_value *v = VEC_PUSH(st->a, &st->r->values);
	if (!v)
		return;
	v->key = key;
	v->name = arena_strndup(st->a, name, nl);
	v->data = data;
	v->line = line;
	v->kind = PSREG_TEXT;
	size_t n = strlen(data);
	if (n && data[0] == '{' && data[n - 1] == '}') {
		v->kind = PSREG_LIST;
	} else if (n && n <= 20) {
		uint64_t x = 0;
		size_t i = 0;
		for (; i < n && data[i] >= '0' && data[i] <= '9'; i++)
			x = x * 10 + (uint64_t)(data[i] - '0');
		if (i == n) {
			v->kind = PSREG_NUMBER;
			v->num = x;
		}
	}
}

/* A value cut by the formatter ("..." / "…" at the end, not a {list}) is no data. */
static int cut_value(const char *d)
{
	size_t n = strlen(d);
	if (n && d[0] == '{')
		return 0;
	return (n >= 3 && !strcmp(d + n - 3, "...")) || (n >= 3 && !strcmp(d + n - 3, "\xe2\x80\xa6"));
}

/* One Format-List record [i, end): properties (with wrapped continuation
 * lines), closed by its PSPath. Returns the index after it. */
struct prop {
	const char *name;
	size_t nl;
	char *data;
	uint32_t line;
};
#define RECORD_MAX 256

static size_t take_record(struct st *st, const struct lines *t, size_t i)
{
	struct prop props[RECORD_MAX];
	size_t np = 0, valcol = 0;
	const char *key = NULL;
	uint32_t key_line = 0;
	size_t j = i;
	for (; j < t->n; j++) {
		const struct line *l = &t->v[j];
		if (line_is_blank(l))
			break;
		size_t nl, vo;
		if (prop_split(l->s, l->len, &nl, &vo)) {
			const char *v = l->s + vo;
			size_t vn = l->len - vo;
			span_trim(&v, &vn);
			if (np < RECORD_MAX) {
				props[np].name = l->s;
				props[np].nl = nl;
				props[np].data = arena_strndup(st->a, v, vn);
				props[np].line = l->no;
				np++;
			}
			valcol = vo;
			continue;
		}
		if (np && valcol && indent_of(l) >= valcol && indent_of(l) < l->len) {
			/* Format-List wrapped a long value at the console width */
			struct prop *p = &props[np - 1];
			const char *c = l->s + indent_of(l);
			size_t cn = l->len - indent_of(l);
			span_trim(&c, &cn);
			if (p->data)
				p->data = arena_printf(st->a, "%s%.*s", p->data, (int)cn, c);
			continue;
		}
		break;
	}
	for (size_t k = 0; k < np; k++)
		if (props[k].nl == 6 && span_starts_ci(props[k].name, 6, "PSPath") && props[k].data &&
		    span_find_ci(props[k].data, strlen(props[k].data), "Registry::") >= 0) {
			key = psreg_path(st->a, props[k].data, strlen(props[k].data));
			key_line = props[k].line;
		}
	if (!key && st->cmd.cmdlet == C_GET_ITEMPROPERTY && st->cmd.path) {
		key = st->cmd.path; /* "| Select-Object RemotePath, UserName" drops PSPath */
		key_line = np ? props[0].line : 0;
	}
	if (!key) {
		st->r->unknown_lines += (uint32_t)(j - i);
		return j > i ? j : i + 1;
	}
	add_key(st, key, key_line);
	for (size_t k = 0; k < np; k++)
		if (props[k].data && !is_ps_property(props[k].name, props[k].nl) && !cut_value(props[k].data))
			add_value(st, key, props[k].name, props[k].nl, props[k].data, props[k].line);
	return j > i ? j : i + 1;
}

/* The registry table under "Hive: X" at line h. Returns the index after it. */
static size_t take_table(struct st *st, const struct lines *t, size_t h, const char *hive)
{
	size_t i = h + 1;
	while (i < t->n && line_is_blank(&t->v[i]) && i < h + 4)
		i++;
	if (i + 1 >= t->n)
		return i;
	struct colspan cols[4];
	if (rule_columns(&t->v[i + 1], '-', cols, 4) != 2)
		return i; /* not "Name   Property" / "----   --------" */
	size_t pcol = cols[1].start;
	uint32_t hive_line = t->v[h].no;
	/* Get-ChildItem of that key (or -Recurse: a block per key) lists all its
	 * subkeys; Get-Item prints the same table for one key: no listing */
	int listing = st->cmd.cmdlet == C_GET_CHILDITEM && !st->cmd.filtered &&
		      ((st->cmd.path && str_eq_ci(st->cmd.path, hive)) || st->cmd.recurse);
	if (listing) {
		struct psreg_listing *L = VEC_PUSH(st->a, &st->r->listings);
		if (L) {
			L->path = hive;
			L->line = hive_line;
		}
	}
	const char *key = NULL;
	size_t j = i + 2;
	for (; j < t->n; j++) {
		const struct line *l = &t->v[j];
		if (line_is_blank(l)) {
			/* a blank line inside the table is allowed; two end it */
			if (j + 1 < t->n && line_is_blank(&t->v[j + 1]))
				break;
			continue;
		}
		if (hive_of(st->a, l))
			break;
		size_t off = u8_col_offset(l->s, l->len, pcol);
		const char *name = l->s;
		size_t nn = off;
		span_trim(&name, &nn);
		if (nn) {
			if (memchr(name, ':', nn) && !key)
				break; /* not a row of this table */
			key = arena_printf(st->a, "%s\\%.*s", hive, (int)nn, name);
			add_key(st, key, l->no);
		} else if (!key) {
			break;
		}
		const char *p = l->s + off;
		size_t pn = l->len - off;
		span_trim(&p, &pn);
		size_t nl, vo;
		if (pn && prop_split(p, pn, &nl, &vo)) {
			const char *v = p + vo;
			size_t vn = pn - vo;
			span_trim(&v, &vn);
			char *data = arena_strndup(st->a, v, vn);
			if (data && !cut_value(data))
				add_value(st, key, p, nl, data, l->no);
		} else if (pn) {
			st->r->unknown_lines++;
		}
	}
	return j;
}

/* The error record whose FQEID line is f: the path that does not exist. */
static void take_error(struct st *st, const struct lines *t, size_t f)
{
	size_t first = f;
	const char *stmt = NULL, *target = NULL;
	size_t stmt_n = 0, target_n = 0;
	for (size_t b = 1; b <= RECORD_BACK && b <= f; b++) {
		const struct line *l = &t->v[f - b];
		const char *s = l->s;
		size_t n = l->len;
		span_trim(&s, &n);
		if (n >= 2 && s[0] == '+' && s[1] == ' ' && span_find_ci(s, n, "CategoryInfo") >= 0) {
			long o = span_find_ci(s, n, ": (");
			if (o >= 0) {
				const char *c = s + o + 3;
				size_t cn = n - (size_t)o - 3;
				long e = span_find_ci(c, cn, ":String)");
				if (e > 0) {
					target = c;
					target_n = (size_t)e;
				}
			}
		} else if (n > 2 && s[0] == '+' && s[1] == ' ' && s[2] != '~' && !stmt) {
			stmt = s + 2;
			stmt_n = n - 2;
		}
		if (indent_of(l) == 0 && n && s[0] != '+' && span_find_ci(s, n, " : ") > 0) {
			size_t w = 0;
			while (w < n && s[w] != ' ')
				w++;
			if (cmdlet_of(s, w) != C_NONE) {
				first = f - b;
				break;
			}
		}
	}
	const char *path = NULL;
	if (st->cmd.path)
		path = st->cmd.path;
	if (!path && stmt) {
		struct regcmd rc;
		char *c = arena_strndup(st->a, stmt, stmt_n);
		parse_command(st->a, c, &rc);
		path = rc.path;
	}
	if (!path && target && span_find_ci(target, target_n, "...") < 0)
		path = psreg_path(st->a, target, target_n);
	if (!path)
		path = quoted_path(st->a, t->v[first].s, t->v[first].len);
	if (!path)
		return;
	struct psreg_missing *m = VEC_PUSH(st->a, &st->r->missing);
	if (m) {
		m->path = path;
		m->line = t->v[first].no;
	}
}

/* Other shapes of Get-ItemProperty objects, through the generic reader:
 * ConvertTo-Json (with PSPath), Export-Clixml, and `| Select-Object a, b`
 * shown as a table (no PSPath: the command's path names the key). */
static void take_objects(struct st *st, const struct lines *t)
{
	struct ps_objects objs;
	if (psobj_read(st->a, t, &objs) != 0)
		return;
	for (size_t i = 0; i < objs.n; i++) {
		const struct ps_object *o = &objs.v[i];
		const struct ps_value *pp = ps_get(o, "PSPath");
		const char *key = pp && pp->value ? psreg_path(st->a, pp->value, strlen(pp->value)) : NULL;
		if (!key && st->cmd.cmdlet == C_GET_ITEMPROPERTY && objs.n == 1)
			key = st->cmd.path;
		if (!key)
			continue;
		add_key(st, key, pp ? pp->line : o->line);
		for (size_t k = 0; k < o->nprops; k++) {
			const struct ps_value *v = &o->props[k];
			if (!v->name || !v->value || v->truncated || is_ps_property(v->name, strlen(v->name)))
				continue;
			size_t before = st->r->values.n;
			add_value(st, key, v->name, strlen(v->name), v->value, v->line);
			if (v->has_num && v->num >= 0 && st->r->values.n > before) {
				struct psreg_value *nv = &st->r->values.v[st->r->values.n - 1];
				nv->kind = PSREG_NUMBER;
				nv->num = (uint64_t)v->num;
			}
		}
	}
}

/* Line i opens an error record ("<cmdlet> : <message>") whose FQEID says the
 * path was not found: the index of that FQEID line, else -1. */
static long record_fqeid(const struct lines *t, size_t i)
{
	const struct line *l = &t->v[i];
	size_t w = 0;
	while (w < l->len && l->s[w] != ' ')
		w++;
	if (cmdlet_of(l->s, w) == C_NONE)
		return -1;
	for (size_t k = i + 1; k < t->n && k <= i + RECORD_BACK; k++)
		if (fqeid_pathnotfound(&t->v[k]))
			return (long)k;
	return -1;
}

/* Does line i, or one of the `back` lines above it, name a registry path? */
static int names_registry(const struct lines *t, size_t i, size_t back)
{
	static const char *const marks[] = { "HKCU:", "HKLM:", "Registry::", "HKEY_" };
	for (size_t b = 0; b <= back && b <= i; b++) {
		const struct line *l = &t->v[i - b];
		for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
			if (span_find_ci(l->s, l->len, marks[k]) >= 0)
				return 1;
	}
	return 0;
}

/* ------------------------------------------------------------ parser */

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	size_t end = t->n < SCAN_MAX ? t->n : SCAN_MAX;
	int best = BID_NONE;
	for (size_t i = 0; i < end; i++) {
		const struct line *l = &t->v[i];
		if (pspath_line(l))
			return BID_CERTAIN - 10;
		const char *s = l->s;
		size_t n = l->len;
		span_trim(&s, &n);
		if (span_starts_ci(s, n, "Hive:") && span_find_ci(s, n, "HKEY_") >= 0)
			return BID_CERTAIN - 10;
		/* a file-system path that does not exist is dir-listing's */
		if (fqeid_pathnotfound(l) && best < BID_STRONG + 5 && names_registry(t, i, RECORD_BACK))
			best = BID_STRONG + 5;
		if (ps7_notfound(l) && best < BID_STRONG && names_registry(t, i, 0))
			best = BID_STRONG;
	}
	if (best == BID_NONE && ctx && ctx->command) {
		/* "Get-ItemProperty HKCU:\Network\Z | Select-Object ..." as a list or a table */
		struct regcmd rc;
		parse_command(ctx->arena, ctx->command, &rc);
		if (rc.cmdlet == C_GET_ITEMPROPERTY && rc.path) {
			for (size_t i = 0; i < end; i++) {
				size_t nl, vo;
				if (prop_split(t->v[i].s, t->v[i].len, &nl, &vo) ||
				    (i + 1 < end && line_is_rule(&t->v[i + 1], '-', 3)) ||
				    (i + 1 < end && rule_columns(&t->v[i + 1], '-', (struct colspan[2]){ { 0, 0 } }, 2) > 1))
					return BID_LIKELY + 10;
			}
		}
	}
	return best;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct psreg_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct st st = { ctx->arena, r, { 0 } };
	parse_command(ctx->arena, ctx->command, &st.cmd);
	for (size_t i = 0; i < t->n;) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l)) {
			i++;
			continue;
		}
		const char *hive = hive_of(ctx->arena, l);
		if (hive) {
			size_t next = take_table(&st, t, i, hive);
			i = next > i ? next : i + 1;
			continue;
		}
		if (fqeid_pathnotfound(l)) {
			take_error(&st, t, i);
			i++;
			continue;
		}
		if (ps7_notfound(l)) {
			const char *p = st.cmd.path ? st.cmd.path : quoted_path(ctx->arena, l->s, l->len);
			struct psreg_missing *m = p ? VEC_PUSH(ctx->arena, &r->missing) : NULL;
			if (m) {
				m->path = p;
				m->line = l->no;
			}
			i++;
			continue;
		}
		size_t nl, vo;
		if (prop_split(l->s, l->len, &nl, &vo)) {
			long f = record_fqeid(t, i);
			if (f >= 0) {
				i = (size_t)f; /* "Get-ItemProperty : <message>": the error record */
				continue;
			}
			i = take_record(&st, t, i);
			continue;
		}
		i++;
	}
	if (!r->keys.n && !r->missing.n) {
		r->unknown_lines = 0;
		take_objects(&st, t);
	}
	*out = r;
	if (arena_exhausted(ctx->arena)) {
		ctx->reason = "out of memory";
		return PARSE_PARTIAL;
	}
	if (!r->keys.n && !r->missing.n) {
		ctx->reason = "no registry key shown";
		return PARSE_PARTIAL;
	}
	if (r->unknown_lines) {
		ctx->reason = arena_printf(ctx->arena, "%u line(s) not understood", r->unknown_lines);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static const char *kind_name(enum psreg_kind k)
{
	switch (k) {
	case PSREG_NUMBER: return "number";
	case PSREG_LIST: return "list";
	default: return "text";
	}
}

static struct json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *to_json(const void *res)
{
	const struct psreg_result *r = res;
	struct json_object *o = json_object_new_object();
	struct json_object *keys = json_object_new_array();
	for (size_t i = 0; i < r->keys.n; i++) {
		struct json_object *k = json_object_new_object();
		json_object_object_add(k, "path", jstr(r->keys.v[i].path));
		json_object_object_add(k, "line", json_object_new_int64(r->keys.v[i].line));
		json_object_array_add(keys, k);
	}
	json_object_object_add(o, "keys", keys);
	struct json_object *vals = json_object_new_array();
	for (size_t i = 0; i < r->values.n; i++) {
		const struct psreg_value *v = &r->values.v[i];
		struct json_object *k = json_object_new_object();
		json_object_object_add(k, "key", jstr(v->key));
		json_object_object_add(k, "name", jstr(v->name));
		json_object_object_add(k, "data", jstr(v->data));
		json_object_object_add(k, "kind", json_object_new_string(kind_name(v->kind)));
		json_object_object_add(k, "line", json_object_new_int64(v->line));
		json_object_array_add(vals, k);
	}
	json_object_object_add(o, "values", vals);
	struct json_object *miss = json_object_new_array();
	for (size_t i = 0; i < r->missing.n; i++) {
		struct json_object *k = json_object_new_object();
		json_object_object_add(k, "path", jstr(r->missing.v[i].path));
		json_object_object_add(k, "line", json_object_new_int64(r->missing.v[i].line));
		json_object_array_add(miss, k);
	}
	json_object_object_add(o, "missing", miss);
	struct json_object *lst = json_object_new_array();
	for (size_t i = 0; i < r->listings.n; i++) {
		struct json_object *k = json_object_new_object();
		json_object_object_add(k, "path", jstr(r->listings.v[i].path));
		json_object_object_add(k, "line", json_object_new_int64(r->listings.v[i].line));
		json_object_array_add(lst, k);
	}
	json_object_object_add(o, "listings", lst);
	return o;
}

const struct parser psreg_parser = { "ps-registry", bid, parse, to_json };
