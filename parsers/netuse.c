/* net-use: the `net use` listing in any language.
 *
 *   <remember line>            New connections will (not) be remembered.
 *   <header>                   Status       Local     Remote                    Network
 *   ------------------------------------------------------------------------------- (79)
 *   <rows>                     status 0-12, local 13-22, remote 23-48, network 49
 *   <footer>                   The command completed successfully.
 *
 * The dash line is the anchor; everything else is found relative to it.
 * Columns are display columns (a CJK character is two, like its OEM bytes),
 * and a status wider than its field pushes the rest right, so the drive and
 * the \\ remote are found by scanning, and the fixed columns only settle where
 * a remote with spaces ends. */
#include "netuse.h"

#include <json-c/json.h>
#include <string.h>

#define DASHES_MIN 70         /* real output has 79; some pastes 80 */
#define HEADER_LOOKBACK 3     /* header, blank, dashes */
#define REMEMBER_LOOKBACK 5   /* remember line, 1-2 blanks, header */
#define ROW_BLANK_RUN 3       /* blank lines tolerated inside the rows (fr pastes) */
#define WRAP_COL_MIN 40       /* wrapped rows: provider indented ~48 columns */
#define WRAP_COL_MAX 56
#define NET_COL 49            /* where the provider starts on a normal row */
#define REMOTE_COL 23
#define STATUS_MAX_COLS 24    /* a status wider than this is not a status */
#define BID_SCAN_LINES 4000
#define MAX_ROWS 100000

/* ---- phrase tables (verified strings; see fixtures/netuse/NOTES.md) -------- */
static const struct {
	const char *text;
	int yes;
	const char *lang;
} remember_phrases[] = {
	{ "New connections will be remembered", 1, "en" },
	{ "New connections will not be remembered", 0, "en" },
	{ "会记录新的网络连接", 1, "zh-CN" },
	{ "不记录新的网络连接", 0, "zh-CN" },
	{ "Neue Verbindungen werden gespeichert", 1, "de" },
	{ "Neue Verbindungen werden nicht gespeichert", 0, "de" },
	{ "新しい接続は記憶されます", 1, "ja" },
	{ "新しい接続は記憶されません", 0, "ja" },
	{ "Les nouvelles connexions seront mémorisées", 1, "fr" },
	{ "Les nouvelles connexions ne seront pas mémorisées", 0, "fr" },
};

static const char *const empty_phrases[] = {
	"There are no entries in the list",
	"列表是空的",
	"清单是空的",
	"一覧にエントリが存在しません",
	"Es sind keine Einträge in der Liste",
	"Aucune entrée dans la liste",
};

static const char *const footer_phrases[] = {
	"The command completed successfully",
	"命令成功完成",
	"Der Befehl wurde erfolgreich ausgeführt",
	"コマンドは正常に終了しました",
	"La commande s'est terminée correctement",
	"Kommandoen er fullført",
};

static const struct {
	const char *word;
	enum conn_status status;
} status_words[] = {
	{ "OK", CONN_OK },
	{ "Disconnected", CONN_DISCONNECTED },
	{ "Unavailable", CONN_UNAVAILABLE },
	{ "Paused", CONN_PAUSED },
	{ "Connecting", CONN_CONNECTING },
	{ "Reconnecting", CONN_RECONNECTING },
	{ "Network error", CONN_NETWORK_ERROR },
	{ "不可用", CONN_UNAVAILABLE },
	{ "已断开连接", CONN_DISCONNECTED },
	{ "利用不可", CONN_UNAVAILABLE },
	{ "切断", CONN_DISCONNECTED },
	{ "Nicht verfügbar", CONN_UNAVAILABLE },
	{ "Getrennt", CONN_DISCONNECTED },
	{ "Déconnecté", CONN_DISCONNECTED },
	{ "Non disponible", CONN_UNAVAILABLE },
	{ "Ikke tilgjengelig", CONN_UNAVAILABLE },
};

static const char *const providers[] = {
	"Microsoft Windows Network",
	"Microsoft Windows-Netzwerk",
	"Microsoft Terminal Services",
	"Web Client Network",
	"NFS Network",
	"WinFsp.Np",
	"VMware Shared Folders",
	"VirtualBox Shared Folders",
};

/* ---- text helpers ---------------------------------------------------------- */
static uint32_t fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c == 0x2019 || c == 0x2018 || c == '`')
		return '\'';
	if (c == 0xA0 || c == 0x3000)
		return ' ';
	return c;
}

/* Printed text equals a known phrase: ASCII case-insensitive; U+FFFD or '?'
 * in the text stands for one non-ASCII letter lost in decoding (CP850 read
 * as UTF-8). With prefix_cols, text at least that wide may be a prefix of
 * the phrase (net cuts the status to its field). */
static int phrase_eq(const char *s, size_t n, const char *phrase, size_t prefix_cols)
{
	size_t pn = strlen(phrase), i = 0, j = 0;
	while (i < n && j < pn) {
		uint32_t a, b;
		int ka = u8_decode(s + i, n - i, &a);
		int kb = u8_decode(phrase + j, pn - j, &b);
		int lost = (a == 0xFFFD || a == '?') && b >= 0x80;
		if (!lost && fold(a) != fold(b))
			return 0;
		i += (size_t)ka;
		j += (size_t)kb;
	}
	if (i < n)
		return 0;
	if (j == pn)
		return 1;
	return prefix_cols && u8_width(s, n) >= prefix_cols;
}

/* Trim spaces and a final full stop (., 。, ｡). */
static void trim_sentence(const char **s, size_t *n)
{
	span_trim(s, n);
	if (*n >= 3 && (memcmp(*s + *n - 3, "。", 3) == 0 || memcmp(*s + *n - 3, "｡", 3) == 0))
		*n -= 3;
	else if (*n >= 1 && (*s)[*n - 1] == '.')
		(*n)--;
	span_trim(s, n);
}

static void line_trim(const struct line *l, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->len;
	span_trim(s, n);
}

static int ends_sentence(const char *s, size_t n)
{
	return (n >= 1 && s[n - 1] == '.') ||
	       (n >= 3 && (memcmp(s + n - 3, "。", 3) == 0 || memcmp(s + n - 3, "｡", 3) == 0));
}

static int has_unc(const char *s, size_t n)
{
	return netuse_unc_start(s, n) >= 0;
}

/* ---- shared helpers (netuse.h) -------------------------------------------- */
enum conn_status netuse_status_from_text(const char *s, size_t len)
{
	span_trim(&s, &len);
	if (len == 0)
		return CONN_BLANK;
	for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++)
		if (phrase_eq(s, len, status_words[i].word, 10))
			return status_words[i].status;
	return CONN_OTHER;
}

int netuse_remembered_from_text(const char *s, size_t len, const char **lang)
{
	trim_sentence(&s, &len);
	if (len == 0 || len > 200)
		return -2;
	for (size_t i = 0; i < sizeof remember_phrases / sizeof remember_phrases[0]; i++) {
		if (phrase_eq(s, len, remember_phrases[i].text, 0)) {
			if (lang)
				*lang = remember_phrases[i].lang;
			return remember_phrases[i].yes ? TRI_YES : TRI_NO;
		}
	}
	return -2;
}

int netuse_is_empty_message(const char *s, size_t len)
{
	trim_sentence(&s, &len);
	for (size_t i = 0; len && len < 200 && i < sizeof empty_phrases / sizeof empty_phrases[0]; i++)
		if (phrase_eq(s, len, empty_phrases[i], 0))
			return 1;
	return 0;
}

int netuse_is_footer(const char *s, size_t len)
{
	trim_sentence(&s, &len);
	for (size_t i = 0; len && len < 200 && i < sizeof footer_phrases / sizeof footer_phrases[0]; i++)
		if (phrase_eq(s, len, footer_phrases[i], 0))
			return 1;
	return 0;
}

long netuse_unc_start(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] == '\\' && s[i + 1] == '\\')
			return (long)i;
		/* U+00A5 U+00A5: Japanese pastes show the backslash as a Yen sign */
		if (i + 3 < len && memcmp(s + i, "\xC2\xA5\xC2\xA5", 4) == 0)
			return (long)i;
	}
	return -1;
}

char *netuse_remote_dup(struct arena *a, const char *s, size_t len)
{
	span_trim(&s, &len);
	char *out = arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA5) {
			out[o++] = '\\';
			i++;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = 0;
	return out;
}

int netuse_is_device(const char *s, size_t len)
{
	if (len == 2)
		return ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') && s[1] == ':';
	if (len >= 5 && len <= 6 && s[len - 1] == ':' &&
	    (span_starts_ci(s, len, "LPT") || span_starts_ci(s, len, "COM"))) {
		for (size_t i = 3; i < len - 1; i++)
			if (s[i] < '0' || s[i] > '9')
				return 0;
		return 1;
	}
	return len == 4 && span_starts_ci(s, len, "PRN:");
}

/* ---- lines of a listing ------------------------------------------------- */
/* A line of 70+ dashes and nothing else; *indent gets its leading spaces. */
static int dashes_line(const struct line *l, size_t *indent)
{
	size_t i = 0, n = l->len;
	while (i < n && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	while (n > i && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	if (n - i < DASHES_MIN)
		return 0;
	for (size_t k = i; k < n; k++)
		if (l->s[k] != '-')
			return 0;
	if (indent)
		*indent = i;
	return 1;
}

/* The line without the listing's indentation (when it has that much). */
static void strip_indent(const struct line *l, size_t indent, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->len;
	size_t k = 0;
	while (k < indent && k < *n && (*s)[k] == ' ')
		k++;
	if (k == indent) {
		*s += k;
		*n -= k;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int looks_like_header(const char *s, size_t n)
{
	if (n == 0 || n > 400 || has_unc(s, n) || net_prompt_command(s, n) >= 0 || ends_sentence(s, n))
		return 0;
	size_t w = u8_width(s, n);
	if (w < 20 || w > 100)
		return 0;
	size_t tokens = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			tokens++;
	return tokens >= 3;
}

/* A remember line in a language we do not know: the sentence above the header. */
static int looks_like_unknown_remember(const char *s, size_t n)
{
	return n > 0 && n < 300 && ends_sentence(s, n) && !has_unc(s, n) && !memchr(s, '>', n) &&
	       net_prompt_command(s, n) < 0 && u8_width(s, n) >= 10;
}

struct row_parse {
	const char *status;
	size_t status_len;
	const char *local;
	size_t local_len;
	const char *remote;
	size_t remote_len;
	const char *provider;
	size_t provider_len;
};

static long last_space_run(const char *s, size_t from, size_t n, size_t *run_end)
{
	long best = -1;
	for (size_t i = from; i + 1 < n; i++) {
		if (s[i] == ' ' && s[i + 1] == ' ') {
			size_t j = i;
			while (j < n && s[j] == ' ')
				j++;
			if (j < n) {
				best = (long)i;
				*run_end = j;
			}
			i = j;
		}
	}
	return best;
}

/* One row of the table, after indentation. Returns 1 when it is a row. */
static int split_row(const char *s, size_t n, struct row_parse *rp)
{
	memset(rp, 0, sizeof *rp);
	long r = netuse_unc_start(s, n);
	if (r < 0)
		return 0;
	size_t rcol = u8_width(s, (size_t)r);
	if (rcol > 45)
		return 0;
	/* prefix: [status] [device] */
	const char *p = s;
	size_t pn = (size_t)r;
	span_trim(&p, &pn);
	if (pn) {
		size_t t = pn;
		while (t && p[t - 1] != ' ' && p[t - 1] != '\t')
			t--;
		if (netuse_is_device(p + t, pn - t)) {
			rp->local = p + t;
			rp->local_len = pn - t;
			pn = t;
			span_trim(&p, &pn);
		}
	}
	if (u8_width(p, pn) > STATUS_MAX_COLS || memchr(p, '>', pn) || memchr(p, ':', pn))
		return 0;
	rp->status = p;
	rp->status_len = pn;

	/* remote, then provider */
	size_t rs = (size_t)r, end = n;
	/* (a) a known provider at the end of the line */
	for (size_t i = 0; i < sizeof providers / sizeof providers[0]; i++) {
		size_t pl = strlen(providers[i]);
		if (end >= rs + pl + 3 && span_starts_ci(s + end - pl, pl, providers[i]) &&
		    s[end - pl - 1] == ' ') {
			rp->provider = s + end - pl;
			rp->provider_len = pl;
			rp->remote = s + rs;
			rp->remote_len = end - pl - rs;
			return 1;
		}
	}
	/* (b) the provider column, shifted as far as a long status pushed the remote */
	size_t ncol = NET_COL + (rcol > REMOTE_COL ? rcol - REMOTE_COL : 0);
	size_t off = u8_col_offset(s, n, ncol);
	if (off < n && off >= rs + 3 && s[off] != ' ' && s[off - 1] == ' ' &&
	    netuse_unc_start(s + off, n - off) < 0 && !memchr(s + off, '\\', n - off)) {
		int gap2 = s[off - 2] == ' ';
		int remote_has_space = memchr(s + rs, ' ', off - 1 - rs) != NULL;
		if (gap2 || !remote_has_space) {
			rp->remote = s + rs;
			rp->remote_len = off - rs;
			rp->provider = s + off;
			rp->provider_len = n - off;
			return 1;
		}
	}
	/* (c) the last gap of 2+ spaces when what follows stands where a provider would */
	size_t run_end = 0;
	long gap = last_space_run(s, rs, n, &run_end);
	if (gap >= 0 && u8_width(s, run_end) >= WRAP_COL_MIN && !memchr(s + run_end, '\\', n - run_end)) {
		rp->remote = s + rs;
		rp->remote_len = (size_t)gap - rs;
		rp->provider = s + run_end;
		rp->provider_len = n - run_end;
		return 1;
	}
	/* (d) wrapped: the remote fills the line, the provider comes next */
	rp->remote = s + rs;
	rp->remote_len = n - rs;
	return 1;
}

/* The provider of a wrapped row: alone, indented about 48 columns. */
static int continuation(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i == n || has_unc(s, n) || memchr(s, '\\', n))
		return 0;
	size_t col = u8_width(s, i);
	return col >= WRAP_COL_MIN && col <= WRAP_COL_MAX && u8_width(s + i, n - i) <= 60;
}

/* ---- parse ---------------------------------------------------------------- */
enum { MARK_LISTING = 3 };

struct lctx {
	struct arena *a;
	const struct lines *t;
	uint8_t *used;
};

static void take_remember(struct lctx *c, struct netuse_listing *L, size_t k, int unknown_ok)
{
	const char *s;
	size_t n;
	line_trim(&c->t->v[k], &s, &n);
	const char *lang = NULL;
	int tri = netuse_remembered_from_text(s, n, &lang);
	if (tri == -2 && !(unknown_ok && looks_like_unknown_remember(s, n)))
		return;
	L->remembered = tri == -2 ? TRI_UNKNOWN : (enum tri)tri;
	L->language = tri == -2 ? NULL : lang;
	L->remembered_text = arena_strndup(c->a, s, n);
	L->remembered_line = c->t->v[k].no;
	c->used[k] = MARK_LISTING;
}

/* Nearest non-blank, unused line above `from`, within `limit` lines; -1. */
static long nonblank_above(struct lctx *c, size_t from, size_t limit)
{
	for (size_t back = 1; back <= limit && back <= from; back++) {
		size_t k = from - back;
		if (line_is_blank(&c->t->v[k]))
			continue;
		if (c->used[k] || dashes_line(&c->t->v[k], NULL))
			return -1;
		return (long)k;
	}
	return -1;
}

static int read_rows(struct lctx *c, struct netuse_listing *L, size_t d, size_t indent)
{
	long pending = -1; /* index of a wrapped row awaiting its provider */
	size_t blanks = 0;
	for (size_t i = d + 1; i < c->t->n && L->rows.n < MAX_ROWS; i++) {
		if (c->used[i])
			break; /* an error block ends the listing */
		const struct line *l = &c->t->v[i];
		const char *s;
		size_t n;
		strip_indent(l, indent, &s, &n);
		if (line_is_blank(l)) {
			if (++blanks > ROW_BLANK_RUN)
				break;
			continue;
		}
		blanks = 0;
		if (pending >= 0 && continuation(s, n)) {
			struct netuse_row *row = &L->rows.v[pending];
			row->provider = span_dup_trim(c->a, s, n);
			row->provider_line = l->no;
			c->used[i] = MARK_LISTING;
			pending = -1;
			continue;
		}
		pending = -1;
		if (dashes_line(l, NULL))
			break;
		struct row_parse rp;
		if (split_row(s, n, &rp)) {
			struct netuse_row *row = VEC_PUSH(c->a, &L->rows);
			if (!row)
				return -1;
			row->status_text = span_dup_trim(c->a, rp.status, rp.status_len);
			row->status = netuse_status_from_text(rp.status, rp.status_len);
			row->local = rp.local ? arena_strndup(c->a, rp.local, rp.local_len) : NULL;
			row->remote = netuse_remote_dup(c->a, rp.remote, rp.remote_len);
			row->line = l->no;
			if (rp.provider) {
				row->provider = span_dup_trim(c->a, rp.provider, rp.provider_len);
				row->provider_line = l->no;
			} else {
				row->wrapped = 1;
				pending = (long)(L->rows.n - 1);
			}
			c->used[i] = MARK_LISTING;
			continue;
		}
		/* not a row: the footer, or the end of the listing */
		const char *t;
		size_t tn;
		line_trim(l, &t, &tn);
		if (netuse_remembered_from_text(t, tn, NULL) != -2 || netuse_is_empty_message(t, tn))
			break;
		if (netuse_is_footer(t, tn) ||
		    (ends_sentence(t, tn) && tn < 300 && !has_unc(t, tn) && !memchr(t, '>', tn) &&
		     net_prompt_command(t, tn) < 0)) {
			L->footer = arena_strndup(c->a, t, tn);
			L->footer_line = l->no;
			c->used[i] = MARK_LISTING;
		}
		break;
	}
	return 0;
}

static int listing_at_dashes(struct lctx *c, struct netuse_result *r, size_t d, size_t indent)
{
	struct netuse_listing *L = VEC_PUSH(c->a, &r->listings);
	if (!L)
		return -1;
	memset(L, 0, sizeof *L);
	L->remembered = TRI_UNKNOWN;
	L->dashes_line = c->t->v[d].no;
	c->used[d] = MARK_LISTING;

	long h = nonblank_above(c, d, HEADER_LOOKBACK);
	if (h >= 0) {
		const char *s;
		size_t n;
		line_trim(&c->t->v[h], &s, &n);
		if (netuse_remembered_from_text(s, n, NULL) != -2) {
			take_remember(c, L, (size_t)h, 0); /* header missing */
		} else if (looks_like_header(s, n)) {
			L->header = arena_strndup(c->a, s, n);
			L->header_line = c->t->v[h].no;
			c->used[h] = MARK_LISTING;
			long m = nonblank_above(c, (size_t)h, REMEMBER_LOOKBACK);
			if (m >= 0)
				take_remember(c, L, (size_t)m, 1);
		}
	}
	return read_rows(c, L, d, indent);
}

static int listing_at_empty(struct lctx *c, struct netuse_result *r, size_t e)
{
	struct netuse_listing *L = VEC_PUSH(c->a, &r->listings);
	if (!L)
		return -1;
	memset(L, 0, sizeof *L);
	L->remembered = TRI_UNKNOWN;
	L->empty = 1;
	const char *s;
	size_t n;
	line_trim(&c->t->v[e], &s, &n);
	L->empty_text = arena_strndup(c->a, s, n);
	L->empty_line = c->t->v[e].no;
	c->used[e] = MARK_LISTING;
	long m = nonblank_above(c, e, REMEMBER_LOOKBACK);
	if (m >= 0)
		take_remember(c, L, (size_t)m, 0);
	return 0;
}

static void sort_listings(struct netuse_result *r)
{
	for (size_t i = 1; i < r->listings.n; i++) {
		struct netuse_listing x = r->listings.v[i];
		uint32_t key = x.dashes_line ? x.dashes_line : x.empty_line;
		size_t j = i;
		while (j > 0) {
			const struct netuse_listing *p = &r->listings.v[j - 1];
			uint32_t pk = p->dashes_line ? p->dashes_line : p->empty_line;
			if (pk <= key)
				break;
			r->listings.v[j] = r->listings.v[j - 1];
			j--;
		}
		r->listings.v[j] = x;
	}
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct netuse_result *r = arena_alloc(ctx->arena, sizeof *r);
	uint8_t *used = arena_alloc(ctx->arena, t->n ? t->n : 1);
	if (!r || !used) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	if (neterr_scan(t, ctx->arena, &r->errors, used) != 0) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct lctx c = { ctx->arena, t, used };
	for (size_t i = 0; i < t->n; i++) {
		size_t indent;
		if (!used[i] && dashes_line(&t->v[i], &indent) && listing_at_dashes(&c, r, i, indent) != 0) {
			ctx->reason = "out of memory";
			return PARSE_FAILED;
		}
	}
	for (size_t i = 0; i < t->n; i++) {
		const char *s;
		size_t n;
		line_trim(&t->v[i], &s, &n);
		if (!used[i] && netuse_is_empty_message(s, n) && listing_at_empty(&c, r, i) != 0) {
			ctx->reason = "out of memory";
			return PARSE_FAILED;
		}
	}
	sort_listings(r);
	if (!r->listings.n) {
		ctx->reason = "no net use listing (dash line or no-entries message) found";
		return PARSE_FAILED;
	}
	*out = r;
	/* Whatever is left and is not a command echo was not understood. */
	size_t left = 0;
	uint32_t first = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (used[i] || line_is_blank(&t->v[i]) || net_prompt_command(t->v[i].s, t->v[i].len) >= 0)
			continue;
		const char *s;
		size_t n;
		line_trim(&t->v[i], &s, &n);
		if (netuse_remembered_from_text(s, n, NULL) != -2 || netuse_is_footer(s, n))
			continue; /* a remember line or footer of its own is still net use text */
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

/* ---- bid ------------------------------------------------------------------ */
static int row_shaped(const struct line *l, size_t indent)
{
	const char *s;
	size_t n;
	struct row_parse rp;
	strip_indent(l, indent, &s, &n);
	if (!split_row(s, n, &rp))
		return 0;
	/* a real row has its remote at column 13 or later (status, local) */
	return u8_width(s, (size_t)(rp.remote - s)) >= 12 || rp.local || rp.status_len;
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	int remember = 0, empty = 0, table = 0, header = 0;
	size_t limit = t->n < BID_SCAN_LINES ? t->n : BID_SCAN_LINES;
	for (size_t i = 0; i < limit; i++) {
		const struct line *l = &t->v[i];
		const char *s;
		size_t n, indent;
		line_trim(l, &s, &n);
		if (n == 0)
			continue;
		if (netuse_remembered_from_text(s, n, NULL) != -2) {
			remember = 1;
		} else if (netuse_is_empty_message(s, n)) {
			empty = 1;
		} else if (dashes_line(l, &indent)) {
			int hdr = 0, rows = 0;
			for (size_t back = 1; back <= HEADER_LOOKBACK && back <= i; back++) {
				const char *hs;
				size_t hn;
				line_trim(&t->v[i - back], &hs, &hn);
				if (hn) {
					hdr = looks_like_header(hs, hn);
					break;
				}
			}
			for (size_t k = i + 1, seen = 0; k < t->n && seen < 4; k++) {
				if (line_is_blank(&t->v[k]))
					continue;
				seen++;
				if (row_shaped(&t->v[k], indent)) {
					rows = 1;
					break;
				}
			}
			if (rows)
				table = 1;
			if (hdr)
				header = 1;
			if (rows && hdr)
				table = 2;
		}
	}
	if ((table || header) && remember)
		return BID_CERTAIN;
	if (empty && remember)
		return BID_CERTAIN;
	if (table == 2)
		return 90;
	if (empty || table)
		return BID_STRONG;
	if (remember)
		return 30; /* a remember line alone: some net use text, no listing */
	return BID_NONE;
}

/* ---- JSON ----------------------------------------------------------------- */
static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static void put_line(struct json_object *o, const char *k, uint32_t line)
{
	json_object_object_add(o, k, line ? json_object_new_int64(line) : NULL);
}

static const char *tri_name(enum tri t)
{
	return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "unknown";
}

static struct json_object *to_json(const void *result)
{
	const struct netuse_result *r = result;
	struct json_object *o = json_object_new_object();
	if (!r)
		return o;
	struct json_object *ls = json_object_new_array();
	for (size_t i = 0; i < r->listings.n; i++) {
		const struct netuse_listing *L = &r->listings.v[i];
		struct json_object *j = json_object_new_object();
		put_str(j, "remembered", tri_name(L->remembered));
		put_str(j, "remembered_text", L->remembered_text);
		put_line(j, "remembered_line", L->remembered_line);
		put_str(j, "language", L->language);
		put_line(j, "header_line", L->header_line);
		put_line(j, "dashes_line", L->dashes_line);
		json_object_object_add(j, "empty", json_object_new_boolean(L->empty));
		if (L->empty) {
			put_str(j, "empty_text", L->empty_text);
			put_line(j, "empty_line", L->empty_line);
		}
		put_str(j, "footer", L->footer);
		put_line(j, "footer_line", L->footer_line);
		struct json_object *rows = json_object_new_array();
		for (size_t k = 0; k < L->rows.n; k++) {
			const struct netuse_row *row = &L->rows.v[k];
			struct json_object *x = json_object_new_object();
			put_line(x, "line", row->line);
			put_str(x, "status", conn_status_name(row->status));
			put_str(x, "status_text", row->status_text);
			put_str(x, "local", row->local);
			put_str(x, "remote", row->remote);
			put_str(x, "provider", row->provider);
			if (row->wrapped) {
				json_object_object_add(x, "wrapped", json_object_new_boolean(1));
				put_line(x, "provider_line", row->provider_line);
			}
			json_object_array_add(rows, x);
		}
		json_object_object_add(j, "rows", rows);
		json_object_array_add(ls, j);
	}
	json_object_object_add(o, "listings", ls);
	neterr_scan_to_json(o, &r->errors);
	return o;
}

const struct parser netuse_parser = { "net-use", bid, parse, to_json };
