/* whoami in any language and output format.
 *
 * Table form (windows-output-en.md §10, -localized.md §1.4): sections are a
 * title line underlined by '-' (zh titles keep the English underline
 * length), then a header line and a rule of '=' runs that fixes the column
 * widths in display columns (CJK = 2). Rows are sliced by those runs, never
 * split on whitespace; a row whose SID cell is not a SID (a pasted line that
 * was edited, or text padded by characters rather than columns) falls back
 * to locating the SID token. Tables are told apart by their number of
 * columns: 2 = user (name, SID), 4 = groups (name, type, SID, attributes),
 * 3 = privileges (name, description, state), so unknown languages parse too.
 * /fo list prints "Label: value" blocks and /fo csv quoted rows; both are
 * read by position. Plain `whoami` prints one DOMAIN\user line. */
#include "whoami.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "text.h"

#define MAX_COLS 8

static const char *const title_words[] = {
	"USER INFORMATION", "GROUP INFORMATION", "PRIVILEGES INFORMATION", "USER CLAIMS INFORMATION",
	"用户信息", "组信息", "特权信息", "用户声明信息",
	"BENUTZERINFORMATIONEN", "GRUPPENINFORMATIONEN", "BERECHTIGUNGSINFORMATIONEN",
	"ユーザー情報", "グループ情報", "特権情報",
	"INFORMATIONS UTILISATEUR", "INFORMATIONS DE GROUPE", "INFORMATIONS DE PRIVILÈGES",
	NULL,
};

/* Attribute phrases of a group kept for deny only (the filtered admin token). */
static const char *const deny_only[] = { "deny only", "拒否のみ", "nur zum Ablehnen", "仅用于拒绝", "拒绝",
					 "refus", NULL };

static const char *const service_sid_prefixes[] = { "S-1-5-80-", "S-1-5-82-", "S-1-5-90-", "S-1-5-96-", NULL };

/* ---- small line helpers ------------------------------------------------ */

static int is_eq_rule(const struct line *l)
{
	size_t n = l->len;
	while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	size_t i = 0;
	while (i < n && l->s[i] == ' ')
		i++;
	if (n - i < 3 || l->s[i] != '=')
		return 0;
	for (size_t k = i; k < n; k++)
		if (l->s[k] != '=' && l->s[k] != ' ')
			return 0;
	return 1;
}

static int is_dash_rule(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (n < 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '-')
			return 0;
	return 1;
}

/* A section title: a non-blank, non-rule line directly above a '-' rule. */
static int is_title(const struct lines *t, size_t i)
{
	return i + 1 < t->n && !line_is_blank(&t->v[i]) && !is_dash_rule(&t->v[i]) &&
	       !is_eq_rule(&t->v[i]) && is_dash_rule(&t->v[i + 1]);
}

static int is_csv_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	return n >= 2 && s[0] == '"' && s[n - 1] == '"';
}

/* Split a CSV line (quoted fields, "" escapes) into at most max fields. */
static size_t csv_fields(struct arena *a, const struct line *l, const char **f, size_t max)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		char *buf = arena_alloc(a, n + 1);
		if (!buf)
			return k;
		size_t b = 0;
		if (s[i] == '"') {
			i++;
			while (i < n) {
				if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') {
					buf[b++] = '"';
					i += 2;
				} else if (s[i] == '"') {
					i++;
					break;
				} else {
					buf[b++] = s[i++];
				}
			}
		}
		while (i < n && s[i] != ',')
			buf[b++] = s[i++];
		buf[b] = '\0';
		f[k++] = span_dup_trim(a, buf, b);
		if (i < n && s[i] == ',')
			i++;
		else
			break;
	}
	return k;
}

/* ---- the result being built ------------------------------------------- */

struct build {
	struct arena *a;
	struct whoami_result *r;
	int unknown;
};

static void set_user(struct build *b, const char *name, size_t nn, const char *sid, size_t sn,
		     uint32_t line)
{
	if (b->r->user)
		return;
	span_trim(&name, &nn);
	if (!nn)
		return;
	b->r->user = arena_strndup(b->a, name, nn);
	b->r->sid = sid && sn ? arena_strndup(b->a, sid, sn) : NULL;
	b->r->user_line = line;
}

static void add_group(struct build *b, const char *name, size_t nn, const char *type, size_t tn,
		      const char *sid, size_t sn, const char *attr, size_t an, uint32_t line)
{
	struct whoami_group *g = VEC_PUSH(b->a, &b->r->groups);
	if (!g)
		return;
	g->name = span_dup_trim(b->a, name, nn);
	g->type = span_dup_trim(b->a, type, tn);
	g->sid = span_dup_trim(b->a, sid, sn);
	g->attributes = span_dup_trim(b->a, attr, an);
	g->line = line;
}

static void add_priv(struct build *b, const char *name, size_t nn, const char *desc, size_t dn,
		     const char *state, size_t stn, uint32_t line)
{
	struct whoami_priv *p = VEC_PUSH(b->a, &b->r->privs);
	if (!p)
		return;
	p->name = span_dup_trim(b->a, name, nn);
	p->description = span_dup_trim(b->a, desc, dn);
	p->state = span_dup_trim(b->a, state, stn);
	p->line = line;
}

/* ---- table form -------------------------------------------------------- */

/* Byte range of display columns [c0, c1) of a line (c1 = SIZE_MAX: to the end). */
static void col_slice(const struct line *l, size_t c0, size_t c1, const char **s, size_t *n)
{
	size_t b0 = u8_col_offset(l->s, l->len, c0);
	size_t b1 = c1 == (size_t)-1 ? l->len : u8_col_offset(l->s, l->len, c1);
	if (b1 < b0)
		b1 = b0;
	*s = l->s + b0;
	*n = b1 - b0;
	span_trim(s, n);
}

/* The SID token of a row whose display column is nearest to `col`. */
static int nearest_sid(const struct line *l, size_t col, size_t *off, size_t *tlen, size_t *tcol)
{
	int found = 0;
	size_t best = (size_t)-1, i = 0, n = l->len, c = 0, done = 0;
	while (i < n) {
		while (i < n && (l->s[i] == ' ' || l->s[i] == '\t'))
			i++;
		size_t st = i;
		while (i < n && l->s[i] != ' ' && l->s[i] != '\t')
			i++;
		if (i > st && is_sid(l->s + st, i - st)) {
			c += u8_width(l->s + done, st - done); /* column of st, kept incrementally */
			done = st;
			size_t d = c > col ? c - col : col - c;
			if (d < best) {
				best = d;
				*off = st;
				*tlen = i - st;
				*tcol = c;
				found = 1;
			}
		}
	}
	return found;
}

static void table_row(struct build *b, const struct line *l, const struct colspan *cols, size_t k)
{
	const char *c[MAX_COLS];
	size_t cn[MAX_COLS];
	for (size_t i = 0; i < k; i++)
		col_slice(l, cols[i].start, i + 1 < k ? cols[i + 1].start : (size_t)-1, &c[i], &cn[i]);
	if (k == 2) {
		if (is_sid(c[1], cn[1])) {
			set_user(b, c[0], cn[0], c[1], cn[1], l->no);
			return;
		}
		size_t off, tl;
		if (sid_token_last(l->s, l->len, &off, &tl)) { /* edited line (§10.2) */
			set_user(b, l->s, off, l->s + off, tl, l->no);
			return;
		}
		b->unknown++;
	} else if (k == 4) {
		if (is_sid(c[2], cn[2])) {
			add_group(b, c[0], cn[0], c[1], cn[1], c[2], cn[2], c[3], cn[3], l->no);
			return;
		}
		size_t off, tl, tcol;
		if (!nearest_sid(l, cols[2].start, &off, &tl, &tcol)) {
			b->unknown++;
			return;
		}
		/* shift the name/type boundary by as much as the SID moved */
		long delta = (long)tcol - (long)cols[2].start;
		long split = (long)cols[1].start + delta;
		size_t sb = split > 0 ? u8_col_offset(l->s, off, (size_t)split) : 0;
		const char *attr = l->s + off + tl;
		add_group(b, l->s, sb, l->s + sb, off - sb, l->s + off, tl, attr, l->len - off - tl, l->no);
	} else if (k == 3) {
		if (!cn[0]) {
			b->unknown++;
			return;
		}
		add_priv(b, c[0], cn[0], c[1], cn[1], c[2], cn[2], l->no);
	} else {
		b->unknown++;
	}
}

/* Table under the '=' rule at index r; returns the index after its rows. */
static size_t read_table(struct build *b, const struct lines *t, size_t r)
{
	struct colspan cols[MAX_COLS];
	size_t k = rule_columns(&t->v[r], '=', cols, MAX_COLS);
	if (k == 4)
		b->r->groups_seen = 1;
	else if (k == 3)
		b->r->privs_seen = 1;
	size_t i = r + 1;
	for (; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l) || is_eq_rule(l) || is_dash_rule(l) || is_title(t, i))
			break;
		/* a header line directly above the next table (blank lines lost) */
		if (i + 1 < t->n && is_eq_rule(&t->v[i + 1]))
			break;
		table_row(b, l, cols, k);
	}
	return i;
}

/* ---- /fo csv ----------------------------------------------------------- */

static size_t read_csv(struct build *b, const struct lines *t, size_t h)
{
	const char *f[MAX_COLS];
	size_t k = csv_fields(b->a, &t->v[h], f, MAX_COLS);
	if (k == 4)
		b->r->groups_seen = 1;
	else if (k == 3)
		b->r->privs_seen = 1;
	size_t i = h + 1;
	for (; i < t->n && is_csv_line(&t->v[i]); i++) {
		const struct line *l = &t->v[i];
		size_t m = csv_fields(b->a, l, f, MAX_COLS);
		if (m != k) {
			b->unknown++;
			continue;
		}
		if (k == 2 && is_sid(f[1], strlen(f[1])))
			set_user(b, f[0], strlen(f[0]), f[1], strlen(f[1]), l->no);
		else if (k == 4 && is_sid(f[2], strlen(f[2])))
			add_group(b, f[0], strlen(f[0]), f[1], strlen(f[1]), f[2], strlen(f[2]), f[3],
				  strlen(f[3]), l->no);
		else if (k == 3)
			add_priv(b, f[0], strlen(f[0]), f[1], strlen(f[1]), f[2], strlen(f[2]), l->no);
		else
			b->unknown++;
	}
	return i;
}

/* ---- /fo list ---------------------------------------------------------- */

struct kv {
	const char *v;
	size_t n;
	uint32_t line;
};

static int kv_split(const struct line *l, struct kv *out)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t cl;
	long c = find_colon(s, n, &cl);
	if (c <= 0 || u8_width(s, (size_t)c) > 40)
		return 0;
	out->v = s + c + cl;
	out->n = n - (size_t)c - cl;
	span_trim(&out->v, &out->n);
	out->line = l->no;
	return 1;
}

/* A block of consecutive "Label: value" lines, read by position:
 * 2 fields ending in a SID = user; a SID in 3rd place = group
 * (name, type, SID[, attributes]); 3 fields without SID = privilege. */
static void list_block(struct build *b, const struct kv *f, size_t k)
{
	if (k == 2 && is_sid(f[1].v, f[1].n)) {
		set_user(b, f[0].v, f[0].n, f[1].v, f[1].n, f[0].line);
		return;
	}
	if (k >= 3 && is_sid(f[2].v, f[2].n)) {
		b->r->groups_seen = 1;
		const char *attr = k >= 4 ? f[3].v : "";
		size_t an = k >= 4 ? f[3].n : 0;
		add_group(b, f[0].v, f[0].n, f[1].v, f[1].n, f[2].v, f[2].n, attr, an, f[0].line);
		return;
	}
	if (k == 3) {
		b->r->privs_seen = 1;
		add_priv(b, f[0].v, f[0].n, f[1].v, f[1].n, f[2].v, f[2].n, f[0].line);
		return;
	}
	b->unknown++;
}

static size_t read_list(struct build *b, const struct lines *t, size_t i)
{
	struct kv f[6];
	size_t k = 0;
	for (; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l) || is_title(t, i) || is_dash_rule(l) || is_eq_rule(l))
			break;
		if (k < 6 && kv_split(l, &f[k]))
			k++;
		else
			b->unknown++;
	}
	if (k)
		list_block(b, f, k);
	return i;
}

/* ---- plain `whoami` ---------------------------------------------------- */

/* DOMAIN\user: one backslash, no colon or rule characters. */
static int is_domain_user(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (n < 3 || n > 200)
		return 0;
	const char *bs = memchr(s, '\\', n);
	if (!bs || bs == s || bs == s + n - 1 || memchr(bs + 1, '\\', (size_t)(s + n - bs - 1)))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ':' || s[i] == '"' || s[i] == '=' || s[i] == '>' || s[i] == '<' || s[i] == '|')
			return 0;
	return 1;
}

/* The one meaningful line of a plain whoami, or -1. */
static long plain_line(const struct lines *t)
{
	long found = -1;
	for (size_t i = 0; i < t->n && i < 50; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l) || line_is_prompt(l))
			continue;
		if (found >= 0 || !is_domain_user(l))
			return -1;
		found = (long)i;
	}
	return found;
}

/* ---- derived flags ----------------------------------------------------- */

static void derive(struct whoami_result *r)
{
	r->local_account = r->elevated = r->admin_filtered = WHOAMI_UNKNOWN;
	if (r->user) {
		const char *bs = strchr(r->user, '\\');
		r->name = bs ? bs + 1 : r->user;
	}
	int has_admin = 0;
	for (size_t i = 0; i < r->groups.n; i++) {
		const struct whoami_group *g = &r->groups.v[i];
		if (!g->sid)
			continue;
		if (str_eq_ci(g->sid, "S-1-5-113") || str_eq_ci(g->sid, "S-1-5-114"))
			r->local_account = 1;
		if (span_starts_ci(g->sid, strlen(g->sid), "S-1-16-")) {
			long rid = strtol(g->sid + 7, NULL, 10);
			const char *names[][2] = { { "0", "untrusted" }, { "4096", "low" },
						   { "8192", "medium" }, { "8448", "medium-plus" },
						   { "12288", "high" }, { "16384", "system" },
						   { "20480", "protected" } };
			for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
				if (strcmp(g->sid + 7, names[k][0]) == 0)
					r->integrity = names[k][1];
			r->elevated = rid >= 12288 ? 1 : 0;
			r->integrity_line = g->line;
		}
		if (str_eq_ci(g->sid, "S-1-5-32-544")) {
			has_admin = 1;
			r->admin_line = g->line;
			const char *at = g->attributes ? g->attributes : "";
			size_t an = strlen(at);
			if (label_has(at, an, deny_only))
				r->admin_filtered = 1;
			else if (an && (strchr(at, ',') || strstr(at, "、") || strstr(at, "，")))
				r->admin_filtered = 0; /* "Mandatory group, Enabled by default, Enabled group" */
			else if (an)
				r->admin_filtered = 1; /* a single attribute: the deny-only one */
		}
	}
	if (!has_admin && r->groups.n)
		r->admin_filtered = 0;
	if (r->elevated == WHOAMI_UNKNOWN && has_admin && r->admin_filtered != WHOAMI_UNKNOWN)
		r->elevated = r->admin_filtered ? 0 : 1;
	if (r->local_account == WHOAMI_UNKNOWN && r->sid) {
		if (str_eq_ci(r->sid, "S-1-5-18") || str_eq_ci(r->sid, "S-1-5-19") ||
		    str_eq_ci(r->sid, "S-1-5-20"))
			r->local_account = 0;
		for (int k = 0; service_sid_prefixes[k]; k++)
			if (span_starts_ci(r->sid, strlen(r->sid), service_sid_prefixes[k]))
				r->local_account = 0;
	}
}

static void split_domain(struct arena *a, struct whoami_result *r)
{
	if (!r->user)
		return;
	const char *bs = strchr(r->user, '\\');
	if (bs && bs > r->user)
		r->domain = arena_strndup(a, r->user, (size_t)(bs - r->user));
}

/* ---- bid and parse ----------------------------------------------------- */

static int row_has_sid(const struct line *l)
{
	size_t off, tl;
	return sid_token_last(l->s, l->len, &off, &tl);
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	size_t n = t->n < 400 ? t->n : 400;
	int best = BID_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &t->v[i];
		if (is_title(t, i)) {
			/* a '=' table or a "Label: SID" list shortly after */
			int table = 0, list = 0;
			for (size_t j = i + 2; j < t->n && j < i + 8; j++) {
				if (is_eq_rule(&t->v[j]))
					table = 1;
				struct kv f;
				if (kv_split(&t->v[j], &f) && is_sid(f.v, f.n))
					list = 1;
				if (j + 1 < t->n && is_eq_rule(&t->v[j]) &&
				    (row_has_sid(&t->v[j + 1]) ||
				     span_starts_ci(t->v[j + 1].s, t->v[j + 1].len, "Se")))
					table = 2;
			}
			if ((table || list) && label_is(l->s, l->len, title_words))
				return BID_CERTAIN;
			if (table == 2 || list)
				best = BID_STRONG;
		}
		if (i > 0 && is_eq_rule(l) && !line_is_blank(&t->v[i - 1]) && i + 1 < t->n) {
			const struct line *row = &t->v[i + 1];
			struct colspan cols[MAX_COLS];
			size_t k = rule_columns(l, '=', cols, MAX_COLS);
			if ((k == 2 || k == 4) && row_has_sid(row))
				best = best > BID_STRONG ? best : BID_STRONG;
			else if (k == 3 && span_starts_ci(row->s, row->len, "Se") &&
				 span_find_ci(row->s, row->len, "Privilege") > 0)
				best = best > BID_STRONG ? best : BID_STRONG;
		}
		/* /fo csv: a quoted header row, then rows with a quoted SID */
		if (is_csv_line(l) && i + 1 < t->n && is_csv_line(&t->v[i + 1]) &&
		    span_find_ci(t->v[i + 1].s, t->v[i + 1].len, "\"S-1-") >= 0)
			best = best > BID_STRONG ? best : BID_STRONG;
	}
	if (best)
		return best;
	if (plain_line(t) >= 0) {
		if (ctx && ctx->command && span_find_ci(ctx->command, strlen(ctx->command), "whoami") >= 0)
			return BID_STRONG;
		return BID_WEAK;
	}
	return BID_NONE;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct whoami_result *r = arena_alloc(ctx->arena, sizeof *r);
	*out = r;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct build b = { ctx->arena, r, 0 };
	int tables = 0, lists = 0, csvs = 0;

	for (size_t i = 0; i < t->n;) {
		const struct line *l = &t->v[i];
		if (is_eq_rule(l) && i > 0) {
			i = read_table(&b, t, i);
			tables++;
			continue;
		}
		if (is_csv_line(l) && i + 1 < t->n && is_csv_line(&t->v[i + 1])) {
			i = read_csv(&b, t, i);
			csvs++;
			continue;
		}
		if (is_title(t, i)) {
			/* skip title and underline; what follows is a table (its header
			 * line comes first), CSV, or a /fo list of blocks */
			i += 2;
			while (i < t->n) {
				while (i < t->n && line_is_blank(&t->v[i]))
					i++;
				if (i >= t->n || is_title(t, i) || is_csv_line(&t->v[i]))
					break;
				if (i + 1 < t->n && is_eq_rule(&t->v[i + 1]))
					break; /* table header */
				struct kv f;
				if (!kv_split(&t->v[i], &f))
					break; /* claims text, errors */
				i = read_list(&b, t, i);
				lists++;
			}
			continue;
		}
		i++;
	}

	if (!tables && !lists && !csvs) {
		long p = plain_line(t);
		if (p >= 0) {
			const struct line *l = &t->v[p];
			set_user(&b, l->s, l->len, NULL, 0, l->no);
			r->format = "plain";
		}
	} else {
		r->format = tables ? "table" : lists ? "list" : "csv";
	}
	split_domain(ctx->arena, r);
	derive(r);

	if (arena_exhausted(ctx->arena)) {
		ctx->reason = "out of memory";
		return PARSE_PARTIAL;
	}
	if (!r->user && !r->groups.n && !r->privs.n && !r->groups_seen && !r->privs_seen) {
		ctx->reason = "no whoami user, group or privilege table found";
		return PARSE_FAILED;
	}
	if (b.unknown) {
		ctx->reason = arena_printf(ctx->arena, "%d row(s) not understood", b.unknown);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static struct json_object *tri_json(int v)
{
	return v < 0 ? NULL : json_object_new_boolean(v);
}

static struct json_object *to_json(const void *result)
{
	const struct whoami_result *r = result;
	struct json_object *o = json_object_new_object();
	put_str(o, "format", r->format);
	put_str(o, "user", r->user);
	put_str(o, "domain", r->domain);
	put_str(o, "name", r->name);
	put_str(o, "sid", r->sid);
	json_object_object_add(o, "local_account", tri_json(r->local_account));
	json_object_object_add(o, "elevated", tri_json(r->elevated));
	put_str(o, "integrity", r->integrity);
	json_object_object_add(o, "admin_filtered", tri_json(r->admin_filtered));
	struct json_object *g = json_object_new_array();
	for (size_t i = 0; i < r->groups.n; i++) {
		struct json_object *j = json_object_new_object();
		put_str(j, "name", r->groups.v[i].name);
		put_str(j, "type", r->groups.v[i].type);
		put_str(j, "sid", r->groups.v[i].sid);
		put_str(j, "attributes", r->groups.v[i].attributes);
		json_object_object_add(j, "line", json_object_new_int64(r->groups.v[i].line));
		json_object_array_add(g, j);
	}
	json_object_object_add(o, "groups", g);
	struct json_object *p = json_object_new_array();
	for (size_t i = 0; i < r->privs.n; i++) {
		struct json_object *j = json_object_new_object();
		put_str(j, "name", r->privs.v[i].name);
		put_str(j, "description", r->privs.v[i].description);
		put_str(j, "state", r->privs.v[i].state);
		json_object_object_add(j, "line", json_object_new_int64(r->privs.v[i].line));
		json_object_array_add(p, j);
	}
	json_object_object_add(o, "privileges", p);
	return o;
}

const struct parser whoami_parser = { "whoami", bid, parse, to_json };
