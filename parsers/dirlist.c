/* dir-listing: cmd's dir output -> struct dirlist_result. Anchored on
 * structure: entry lines (date, time, <DIR> or a size, name), indented
 * summary lines that start with a number, the one-space-indented header
 * lines; localized words are only used where structure cannot tell
 * (the "Directory of" prefix/suffix, the "not found" messages).
 * Also PowerShell's Get-ChildItem (dir/ls/gci in PowerShell): the
 * "Mode LastWriteTime Length Name" table (property names, never localized)
 * under a "Directory: <path>" line, and its PathNotFound /
 * UnauthorizedAccess error records (the ids are never localized either). */
#include "dirlist.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "psjson.h"
#include "rx.h"

/* 05/26/2018  04:25 PM    <DIR>          .
 * 13-02-2026  12:15             4,292 app.py
 * 2023/11/07  13:18               794 flag01.txt
 * 16/03/2013  10:00    <REP>          Users          (fr, 2013)
 * The size has locale separators (',', '.', NBSP, U+202F, "'", and 'ÿ' when
 * CP850's NBSP was read as CP1252) but never an ASCII space. */
static struct rx re_entry = RX(
	"^(\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4})\\s+(?:[^\\s\\d<]{1,8}\\s*)?(\\d{1,2}:\\d{2}(?::\\d{2})?)"
	"(?:\\s*[^\\s\\d<]{1,8})?\\s+(<[^>\\s]{1,16}>|[\\d.,'\\x{a0}\\x{202f}\\x{ff}]*\\d)\\s(.*)$", 0);
/*                4 File(s)         11,327 bytes    /    1 个文件            794 字节 */
static struct rx re_summary = RX("^\\s+(\\d[\\d.,'\\x{a0}\\x{202f}\\x{ff}]*)\\s+(\\S.*)$", 0);
static struct rx re_serial = RX("\\b([0-9A-Fa-f]{4}-[0-9A-Fa-f]{4})\\b", 0);
static struct rx re_dircmd = RX("(?:^|[\\s\"&|(])dir(?:\\.exe)?(?=$|[\\s\"/])", RX_CASELESS);
/* Get-ChildItem and its aliases, and whether hidden files are shown (-Force, -Hidden,
 * -Attributes): without them the credential blobs (hidden, system) are not listed */
static struct rx re_gcicmd = RX("(?:^|[\\s;&|(])(?:Get-ChildItem|gci|ls|dir)(?=$|\\s)", RX_CASELESS);
static struct rx re_gci_hidden = RX("\\s-(?:Fo(?:r(?:ce?)?)?|Hidden|Attributes|Attr|at?)\\b", RX_CASELESS);
/* Get-ChildItem's table: "Mode  LastWriteTime  Length Name" and the rows
 * "-a-hs-   11/2/2026   9:14 AM   11872 NAME" ("d-----" rows have no length) */
static struct rx re_gci_header = RX("^\\s*Mode\\s+LastWriteTime\\s+Length\\s+Name\\s*$", 0);
static struct rx re_gci_entry = RX(
	"^([dl-])[a-][r-][h-][s-][l-]?\\s+\\S.*?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[^\\s\\d]{1,8})?\\s+(?:(\\d+)\\s+)?(\\S.*)$", 0);
/* its errors: "+ FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand" */
static struct rx re_gci_fqid = RX(
	"^\\s*\\+?\\s*FullyQualifiedErrorId\\s*:\\s*(\\w+),Microsoft\\.PowerShell\\.Commands\\.GetChildItemCommand", RX_CASELESS);

static const char *const dir_prefixes[] = {
	"Directory of ", "Verzeichnis von ", "Répertoire de ", "R\xC3\xA9pertoire de ",
	"Directorio de ", "Directory di ", "Pasta de ", "Diret\xC3\xB3rio de ", "Map ", NULL,
};
static const char *const dir_suffixes[] = {
	" 的目录", " 的目錄", " のディレクトリ", " 디렉터리", NULL,
};

struct msg {
	const char *text;
	int code;
	int not_found;
};
/* Messages cmd prints instead of (or after) a listing. */
static const struct msg messages[] = {
	{ "File Not Found", 2, 1 },
	{ "找不到文件", 2, 1 },
	{ "Datei nicht gefunden", 2, 1 },
	{ "ファイルが見つかりません", 2, 1 },
	{ "Fichier introuvable", 2, 1 },
	{ "The system cannot find the file specified", 2, 1 },
	{ "The system cannot find the path specified", 3, 1 },
	{ "系统找不到指定的文件", 2, 1 },
	{ "系统找不到指定的路径", 3, 1 },
	{ "Das System kann die angegebene Datei nicht finden", 2, 1 },
	{ "Das System kann den angegebenen Pfad nicht finden", 3, 1 },
	{ "指定されたファイルが見つかりません", 2, 1 },
	{ "指定されたパスが見つかりません", 3, 1 },
	{ "Le fichier spécifié est introuvable", 2, 1 },
	{ "Le chemin d’accès spécifié est introuvable", 3, 1 },
	{ "Le chemin d'accès spécifié est introuvable", 3, 1 },
	{ "Access is denied", 5, 0 },
	{ "拒绝访问", 5, 0 },
	{ "Zugriff verweigert", 5, 0 },
	{ "Zugriff wurde verweigert", 5, 0 },
	{ "アクセスが拒否されました", 5, 0 },
	{ "Accès refusé", 5, 0 },
	{ "The network path was not found", 53, 0 },
	{ "The network name cannot be found", 67, 0 },
	{ "The user name or password is incorrect", 1326, 0 },
	{ "Logon failure: unknown user name or bad password", 1326, 0 },
	{ NULL, 0, 0 },
};

static const struct msg *message_of(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (!n)
		return NULL;
	for (size_t i = 0; messages[i].text; i++) {
		size_t k = strlen(messages[i].text);
		if (n >= k && n <= k + 4 && span_starts_ci(s, n, messages[i].text))
			return &messages[i]; /* allow a final "." or "。" */
	}
	return NULL;
}

static int is_entry(const struct line *l, size_t *ov)
{
	return rx_match(&re_entry, l->s, l->len, ov, 5) > 0;
}

static int is_summary(const struct line *l, size_t *ov)
{
	return l->len && (l->s[0] == ' ' || l->s[0] == '\t') && rx_match(&re_summary, l->s, l->len, ov, 3) > 0;
}

static int is_gci_entry(const struct line *l, size_t *ov)
{
	return l->len > 20 && rx_match(&re_gci_entry, l->s, l->len, ov, 4) > 0;
}

/* "Get-ChildItem : ..." (or dir/ls/gci): the first line of its error record; the
 * id a few lines below says what failed. Returns 2 not found, 5 access denied, 0. */
static int gci_error(const struct lines *t, size_t i, size_t *last)
{
	const struct line *l = &t->v[i];
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (!(span_starts_ci(s, n, "Get-ChildItem :") || span_starts_ci(s, n, "Get-ChildItem:") ||
	      span_starts_ci(s, n, "dir :") || span_starts_ci(s, n, "ls :") || span_starts_ci(s, n, "gci :")))
		return 0;
	for (size_t k = i + 1; k < t->n && k <= i + 8; k++) {
		size_t ov[4];
		const struct line *x = &t->v[k];
		if (x->len > 512 || rx_match(&re_gci_fqid, x->s, x->len, ov, 2) <= 0)
			continue;
		*last = k;
		const char *id = x->s + ov[2];
		size_t idn = ov[3] - ov[2];
		if (span_starts_ci(id, idn, "PathNotFound") || span_starts_ci(id, idn, "ItemNotFound"))
			return 2;
		if (span_find_ci(id, idn, "Unauthorized") >= 0)
			return 5;
		return 0;
	}
	/* a record cut to its first line: the English texts */
	*last = i;
	if (span_find_ci(s, n, "because it does not exist") >= 0)
		return 2;
	if (span_find_ci(s, n, "is denied") >= 0)
		return 5;
	return 0;
}

/* "    Directory: C:\x" (any language: "Verzeichnis:", "目录:", "Répertoire :"): the
 * path after the colon of an indented line. */
static long gci_dir_path(const struct line *l, const char **ps, size_t *pn);

/* Start of a path in a header line: "X:\" or "\\". */
static long path_start(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n || (i + 1 < n && s[i] == '\\'); i++) {
		if (((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) && i + 2 < n &&
		    s[i + 1] == ':' && s[i + 2] == '\\' && (i == 0 || s[i - 1] == ' '))
			return (long)i;
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\\' && (i == 0 || s[i - 1] == ' '))
			return (long)i;
	}
	return -1;
}

/* The "Directory of <path>" line (any language): a one-space-indented line
 * holding a path, whose next non-blank line is an entry, a summary, a
 * message, or nothing. The volume line of a UNC listing also holds a path,
 * but the serial line follows it. */
static int dir_line_span(const struct lines *t, size_t i, const char **ps_out, size_t *pn_out)
{
	const struct line *l = &t->v[i];
	if (l->len < 3 || l->s[0] != ' ' || l->s[1] == ' ')
		return 0;
	const char *s = l->s + 1;
	size_t n = l->len - 1;
	span_trim(&s, &n);
	int known = 0;
	for (size_t k = 0; dir_prefixes[k]; k++)
		if (span_starts_ci(s, n, dir_prefixes[k])) {
			size_t pl = strlen(dir_prefixes[k]);
			s += pl;
			n -= pl;
			known = 1;
			break;
		}
	for (size_t k = 0; dir_suffixes[k]; k++) {
		size_t sl = strlen(dir_suffixes[k]);
		if (n > sl && !memcmp(s + n - sl, dir_suffixes[k], sl)) {
			n -= sl;
			known = 1;
			break;
		}
	}
	long ps = path_start(s, n);
	if (ps < 0 || (known && ps != 0))
		return 0;
	if (!known) {
		size_t j = i + 1;
		while (j < t->n && line_is_blank(&t->v[j]))
			j++;
		size_t ov[10];
		if (j < t->n && !is_entry(&t->v[j], ov) && !is_summary(&t->v[j], ov) && !message_of(&t->v[j]))
			return 0;
	}
	s += ps;
	n -= (size_t)ps;
	while (n > 3 && s[n - 1] == '\\')
		n--;
	*ps_out = s;
	*pn_out = n;
	return 1;
}

static long gci_dir_path(const struct line *l, const char **ps, size_t *pn)
{
	if (l->len < 6 || l->s[0] != ' ' || l->s[1] != ' ')
		return -1;
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	const char *colon = memchr(s, ':', n < 40 ? n : 40);
	/* the label's colon, not the drive's: a space or the path follows it */
	if (!colon || colon + 2 > s + n || colon[1] != ' ' || colon == s)
		return -1;
	const char *p = colon + 1;
	size_t pl = n - (size_t)(p - s);
	span_trim(&p, &pl);
	long st = path_start(p, pl);
	if (st != 0)
		return -1;
	while (pl > 3 && p[pl - 1] == '\\')
		pl--;
	*ps = p;
	*pn = pl;
	return 0;
}

static const char *dir_line_path(struct arena *a, const struct lines *t, size_t i)
{
	const char *s;
	size_t n;
	return dir_line_span(t, i, &s, &n) ? span_dup_trim(a, s, n) : NULL;
}

const char *dirlist_command_path(struct arena *a, const char *cmd)
{
	size_t ov[2];
	if (!cmd)
		return NULL;
	if (rx_match(&re_dircmd, cmd, strlen(cmd), ov, 1) <= 0 &&
	    rx_match(&re_gcicmd, cmd, strlen(cmd), ov, 1) <= 0)
		return NULL;
	const char *p = cmd + ov[1];
	int skip_value = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '>' || *p == '<' || *p == '|' || *p == '&' || *p == ';')
			return NULL;
		if (*p == '"' || *p == '\'') {
			/* "..." (cmd, PowerShell) or '...' (PowerShell) */
			const char *e = strchr(p + 1, *p);
			if (!e)
				return NULL; /* the closing quote of `cmd /c "dir ..."` */
			if (e > p + 1 && p[1] != '/' && !skip_value) {
				size_t n = (size_t)(e - p - 1);
				while (n > 3 && p[n] == '\\')
					n--;
				return arena_strndup(a, p + 1, n);
			}
			skip_value = 0;
			p = e + 1;
			continue;
		}
		const char *st = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '"' && *p != '>' && *p != '<' &&
		       *p != '|' && *p != '&' && *p != ';')
			p++;
		if (skip_value) {
			skip_value = 0;
			continue; /* the value of -Attributes, -Filter, ... */
		}
		if (*st == '-') {
			/* a PowerShell parameter; those that take a value other than the path */
			size_t pn = (size_t)(p - st);
			skip_value = (span_starts_ci(st, pn, "-Attr") || span_starts_ci(st, pn, "-Filter") ||
				      span_starts_ci(st, pn, "-Include") || span_starts_ci(st, pn, "-Exclude") ||
				      span_starts_ci(st, pn, "-Depth")) && !memchr(st, ':', pn);
			continue;
		}
		if (*st == '/' || (p - st >= 1 && st[0] >= '0' && st[0] <= '9' && *p == '>'))
			continue; /* a switch (/a, /a:h), or the 2 of 2> */
		size_t n = (size_t)(p - st);
		while (n > 3 && st[n - 1] == '\\')
			n--;
		return arena_strndup(a, st, n);
	}
}

/* ---- bid ------------------------------------------------------------------ */

/* An empty output of `Get-ChildItem -Force <folder>` (in a transcript or a paste with its
 * prompt: an error would have been printed): the folder exists and holds nothing. */
static int gci_empty_answer(const struct lines *t, const char *cmd)
{
	size_t ov[2];
	if (!cmd || rx_match(&re_gcicmd, cmd, strlen(cmd), ov, 1) <= 0 ||
	    rx_match(&re_gci_hidden, cmd, strlen(cmd), ov, 1) <= 0)
		return 0;
	if (rx_match(&re_dircmd, cmd, strlen(cmd), ov, 1) > 0 && strchr(cmd, '/'))
		return 0; /* cmd's dir /a */
	for (size_t i = 0; i < t->n; i++)
		if (!line_is_blank(&t->v[i]))
			return 0;
	return 1;
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	size_t entries = 0, summaries = 0, headers = 0, msgs = 0, other = 0, gci = 0;
	size_t end = t->n < 300 ? t->n : 300;
	if (gci_empty_answer(t, ctx->command))
		return BID_STRONG;
	for (size_t i = 0; i < end; i++) {
		const struct line *l = &t->v[i];
		size_t ov[10], dn, last;
		const char *ds;
		if (line_is_blank(l))
			continue;
		if (rx_match(&re_gci_header, l->s, l->len, ov, 1) > 0 && i + 1 < t->n) {
			gci += 2;
			continue;
		}
		if (gci && is_gci_entry(l, ov)) {
			entries++;
			continue;
		}
		if (gci_dir_path(l, &ds, &dn) == 0) {
			headers++;
			continue;
		}
		if (gci_error(t, i, &last)) {
			msgs++;
			i = last;
			continue;
		}
		if (is_entry(l, ov))
			entries++;
		else if (is_summary(l, ov))
			summaries++;
		else if (message_of(l))
			msgs++;
		else if (l->s[0] == ' ' && (rx_match(&re_serial, l->s, l->len, ov, 2) > 0 ||
					    dir_line_span(t, i, &ds, &dn) ||
					    span_find_ci(l->s, l->len, "Volume") >= 0))
			headers++;
		else
			other++;
	}
	size_t cov[2];
	int cmd = ctx->command && (rx_match(&re_dircmd, ctx->command, strlen(ctx->command), cov, 1) > 0 ||
				   rx_match(&re_gcicmd, ctx->command, strlen(ctx->command), cov, 1) > 0);
	int b = BID_NONE;
	if (gci && (entries || headers))
		b = BID_STRONG + 10;
	else if (entries && (headers || summaries))
		b = BID_STRONG + 10;
	else if (headers >= 2 && (msgs || summaries))
		b = BID_STRONG + 10;
	else if (entries >= 2 && entries > other)
		b = BID_LIKELY;
	else if (msgs && !entries && other == 0)
		b = cmd ? BID_STRONG : BID_WEAK + 20;
	if (b && cmd)
		b += 10;
	return b > BID_CERTAIN ? BID_CERTAIN : b;
}

/* ---- parse ---------------------------------------------------------------- */

static long long parse_count(const char *s, size_t n)
{
	long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (v > 1000000000000000LL)
				return -1;
			v = v * 10 + (s[i] - '0');
		}
	}
	return v;
}

static int dot_name(const char *s, size_t n)
{
	span_trim(&s, &n);
	if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
		return 1;
	/* dir /q puts the owner before the name: "BUILTIN\Administrators .." */
	return (n >= 2 && s[n - 1] == '.' && s[n - 2] == ' ') ||
	       (n >= 3 && s[n - 1] == '.' && s[n - 2] == '.' && s[n - 3] == ' ');
}

static int dirs_word(const char *s, size_t n)
{
	static const char *const w[] = { "Dir(s)", "目录", "ディレクトリ", "Rép(s)", "R\xC3\xA9p(s)",
					 "Verzeichnis", "Dir.", NULL };
	for (size_t i = 0; w[i]; i++)
		if (span_find_ci(s, n, w[i]) >= 0)
			return 1;
	return 0;
}

static struct dirlist_block *new_block(struct arena *a, void *vec, uint32_t line)
{
	VEC(struct dirlist_block) *v = vec;
	struct dirlist_block *b = VEC_PUSH(a, v);
	if (!b)
		return NULL;
	b->sum_files = b->sum_dirs = -1;
	b->line = line;
	return b;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct arena *a = ctx->arena;
	struct dirlist_result *r = arena_alloc(a, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	const char *cmd_path = dirlist_command_path(a, ctx->command);
	VEC(struct dirlist_block) v = { 0 };
	struct dirlist_block *cur = NULL;
	int totals = 0, skipped = 0, gci = 0;
	size_t cur_idx = 0;
	if (gci_empty_answer(t, ctx->command)) {
		cur = new_block(a, &v, 0); /* line 0: the facts cite the command's prompt */
		if (cur)
			cur->path = cmd_path;
	}
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		size_t ov[10], last;
		const char *gp;
		size_t gpn;
		int gerr;
		if (line_is_blank(l))
			continue;
		cur = v.n ? &v.v[cur_idx] : NULL;
		if (rx_match(&re_gci_header, l->s, l->len, ov, 1) > 0) {
			gci = 1;
			if (i + 1 < t->n && t->v[i + 1].len && t->v[i + 1].s[0] == '-')
				i++; /* its dashes */
			continue;
		}
		if (gci_dir_path(l, &gp, &gpn) == 0) {
			if (!(cur = new_block(a, &v, l->no)))
				break;
			cur_idx = v.n - 1;
			cur->path = span_dup_trim(a, gp, gpn);
			continue;
		}
		if (gci && is_gci_entry(l, ov)) {
			if (!cur) {
				if (!(cur = new_block(a, &v, l->no)))
					break;
				cur_idx = v.n - 1;
			}
			if (l->s[ov[2]] == 'd')
				cur->dirs++;
			else
				cur->files++;
			continue;
		}
		if ((gerr = gci_error(t, i, &last)) != 0) {
			if (!cur || cur->files || cur->dirs || cur->error_code) {
				if (!(cur = new_block(a, &v, l->no)))
					break;
				cur_idx = v.n - 1;
			}
			cur->not_found = gerr == 2;
			cur->error_code = gerr;
			cur->error_text = span_dup_trim(a, l->s, l->len);
			cur->line = l->no;
			i = last;
			continue;
		}
		if (is_entry(l, ov)) {
			if (!cur || totals) {
				if (!(cur = new_block(a, &v, l->no)))
					break;
				cur_idx = v.n - 1;
				totals = 0;
			}
			const char *sz = l->s + ov[6];
			size_t szn = ov[7] - ov[6];
			const char *name = l->s + ov[8];
			size_t namen = ov[9] - ov[8];
			if (sz[0] == '<') {
				int file_link = szn == 9 && span_starts_ci(sz, szn, "<SYMLINK>");
				if (file_link)
					cur->files++;
				else if (dot_name(name, namen))
					cur->dot_entries++;
				else
					cur->dirs++;
			} else {
				cur->files++;
			}
			continue;
		}
		if (is_summary(l, ov)) {
			if (!cur) {
				if (!(cur = new_block(a, &v, l->no)))
					break;
				cur_idx = v.n - 1;
			}
			if (totals)
				continue; /* dir /s grand totals */
			long long c = parse_count(l->s + ov[2], ov[3] - ov[2]);
			if (dirs_word(l->s + ov[4], ov[5] - ov[4]) || cur->sum_files >= 0)
				cur->sum_dirs = c;
			else
				cur->sum_files = c;
			continue;
		}
		const struct msg *m = message_of(l);
		if (m) {
			if (!cur || cur->files || cur->dirs || cur->dot_entries || cur->error_code) {
				if (!(cur = new_block(a, &v, l->no)))
					break;
				cur_idx = v.n - 1;
			}
			cur->not_found = m->not_found;
			cur->error_code = m->code;
			cur->error_text = span_dup_trim(a, l->s, l->len);
			if (!cur->path || m->not_found)
				cur->line = l->no;
			continue;
		}
		const char *p = dir_line_path(a, t, i);
		if (p) {
			if (!(cur = new_block(a, &v, l->no)))
				break;
			cur_idx = v.n - 1;
			cur->path = p;
			totals = 0;
			continue;
		}
		if (l->s[0] == ' ' && rx_match(&re_serial, l->s, l->len, ov, 2) > 0) {
			r->volume_serial = arena_strndup(a, l->s + ov[2], ov[3] - ov[2]);
			continue;
		}
		if (l->s[0] == ' ' && l->len > 1 && l->s[1] != ' ')
			continue; /* volume label line, any language */
		if (span_find_ci(l->s, l->len, "Total Files Listed") >= 0) {
			totals = 1;
			continue;
		}
		skipped = 1;
	}
	/* "File Not Found" under the parent's "Directory of": the folder asked
	 * for is the command's, the header names the parent it was looked up in */
	for (size_t i = 0; i < v.n; i++) {
		struct dirlist_block *b = &v.v[i];
		if (cmd_path && (!b->path || (b->not_found && !b->files && !b->dirs && !b->dot_entries)))
			b->path = cmd_path;
	}
	r->v = v.v;
	r->n = v.n;
	*out = r;
	if (arena_exhausted(a)) {
		ctx->reason = "out of memory";
		return PARSE_PARTIAL;
	}
	if (!r->n) {
		ctx->reason = "no directory listing found";
		return PARSE_PARTIAL;
	}
	if (skipped) {
		ctx->reason = "some lines are not dir output";
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static struct json_object *to_json(const void *res)
{
	const struct dirlist_result *r = res;
	struct json_object *o = json_object_new_object();
	psj_str(o, "volume_serial", r->volume_serial);
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct dirlist_block *b = &r->v[i];
		struct json_object *m = json_object_new_object();
		psj_str(m, "path", b->path);
		psj_int(m, "files", b->files);
		psj_int(m, "dirs", b->dirs);
		psj_int(m, "dot_entries", b->dot_entries);
		psj_int_or_null(m, "summary_files", b->sum_files);
		psj_int_or_null(m, "summary_dirs", b->sum_dirs);
		json_object_object_add(m, "not_found", json_object_new_boolean(b->not_found));
		if (b->error_code)
			psj_int(m, "error_code", b->error_code);
		psj_str(m, "error_text", b->error_text);
		psj_int(m, "line", b->line);
		json_object_array_add(arr, m);
	}
	json_object_object_add(o, "listings", arr);
	return o;
}

const struct parser dirlist_parser = { "dir-listing", bid, parse, to_json };
