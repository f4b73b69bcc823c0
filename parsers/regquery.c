/* reg-query: `reg query` output (formats doc §5; layout as Wine's conformance
 * tests expect from real Windows):
 *
 *   (empty line)
 *   HKEY_CURRENT_USER\Network\z                  key line, long hive name
 *       RemotePath    REG_SZ    \\srv\share      4 spaces, name, 4 spaces, type, 4 spaces, data
 *       UserName    REG_SZ                       empty data: nothing (or blanks) after the type
 *   (empty line)
 *   HKEY_CURRENT_USER\Network\z\sub              plain query: bare subkey lines at the end;
 *                                                with /s every key is a block ending in a blank
 *   End of search: 2 match(es) found.            after /f, or /v with /s (any language)
 *   ERROR: The system was unable to find ...     any language: "<WORD>: message"
 *
 * Value lines are split on the type token, since names and data may hold
 * spaces. Which key was queried comes from the command when it is known;
 * otherwise it is inferred from the layout (see infer_root). */
#include "regquery.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "regvalue.h"
#include "text.h"

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t rtrim_len(const char *s, size_t len)
{
	while (len && (is_blank(s[len - 1]) || s[len - 1] == '\r'))
		len--;
	return len;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_blank(s[i]))
		i++;
	return i;
}

/* ---- hive names and paths ----------------------------------------------- */

static const struct {
	const char *longname, *shortname;
} hives[] = {
	{ "HKEY_LOCAL_MACHINE", "HKLM" },  { "HKEY_CURRENT_USER", "HKCU" },
	{ "HKEY_USERS", "HKU" },           { "HKEY_CLASSES_ROOT", "HKCR" },
	{ "HKEY_CURRENT_CONFIG", "HKCC" }, { "HKEY_PERFORMANCE_DATA", "HKPD" },
};
#define NHIVES (sizeof hives / sizeof hives[0])

/* Index of the hive [s,len) starts with (followed by '\' or the end), -1 if
 * none; *skip = length of the hive name. Long names only unless allow_short. */
static int hive_at(const char *s, size_t len, int allow_short, size_t *skip)
{
	for (size_t i = 0; i < NHIVES; i++) {
		for (int k = 0; k < 1 + allow_short; k++) {
			const char *n = k ? hives[i].shortname : hives[i].longname;
			size_t nl = strlen(n);
			if (span_starts_ci(s, len, n) && (len == nl || s[nl] == '\\')) {
				*skip = nl;
				return (int)i;
			}
		}
	}
	return -1;
}

/* "\\MACHINE\" in front of a remote key. */
static size_t machine_prefix(const char *s, size_t len)
{
	if (len < 3 || s[0] != '\\' || s[1] != '\\')
		return 0;
	const char *bs = memchr(s + 2, '\\', len - 2);
	return bs ? (size_t)(bs - s) + 1 : 0;
}

/* Canonical form for comparisons: "HKCU\rest" without trailing backslashes;
 * NULL when the path does not start with a hive. */
static char *canon(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	while (len && (s[0] == '"' || s[0] == '\'' || is_blank(s[0]))) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == '\\' || is_blank(s[len - 1])))
		len--;
	size_t m = machine_prefix(s, len);
	s += m;
	len -= m;
	size_t skip;
	int h = hive_at(s, len, 1, &skip);
	if (h < 0)
		return NULL;
	return arena_printf(a, "%s%.*s", hives[h].shortname, (int)(len - skip), s + skip);
}

/* Is b equal to a or below it (case-insensitive, canonical forms)? */
static int path_under(const char *a, const char *b, int allow_equal)
{
	if (!a || !b)
		return 0;
	size_t la = strlen(a), lb = strlen(b);
	if (lb < la || !span_starts_ci(b, lb, a))
		return 0;
	if (lb == la)
		return allow_equal;
	return b[la] == '\\';
}

static int is_direct_child(const char *parent, const char *child)
{
	if (!path_under(parent, child, 0))
		return 0;
	return strchr(child + strlen(parent) + 1, '\\') == NULL;
}

/* ---- command lines ------------------------------------------------------ */

/* Offset just after "query" when [s,len) runs `reg query` at position i
 * (reg, reg.exe, a path ending in \reg.exe; optionally quoted), else 0. */
static size_t reg_query_at(const char *s, size_t len, size_t i)
{
	size_t j = i;
	if (j < len && (s[j] == '"' || s[j] == '\''))
		j++;
	/* a path to reg.exe: skip to the last backslash of this word (a path is
	 * short: the bound keeps a scan over every position linear) */
	size_t w = j;
	while (w < len && w - j < 300 && !is_blank(s[w]))
		w++;
	size_t name = j;
	for (size_t k = j; k < w; k++)
		if (s[k] == '\\' || s[k] == '/')
			name = k + 1;
	if (name != j && !span_starts_ci(s + name, w - name, "reg.exe"))
		return 0;
	if (!span_starts_ci(s + name, len - name, "reg"))
		return 0;
	size_t e = name + 3;
	if (span_starts_ci(s + e, len - e, ".exe"))
		e += 4;
	if (e < len && (s[e] == '"' || s[e] == '\''))
		e++;
	if (e >= len || !is_blank(s[e]))
		return 0;
	e = skip_blanks(s, len, e);
	if (!span_starts_ci(s + e, len - e, "query"))
		return 0;
	e += 5;
	if (e < len && !is_blank(s[e]))
		return 0;
	return e;
}

/* Where `reg query` starts on a command line: at its start, after a prompt
 * ("C:\x>", "PS C:\x>"), after "&", "cmd /c", "2>&1 |"... Returns the offset
 * after "query" (0 when not a reg query) and in *start where "reg" begins.
 * prompt_only: the line must start with the command or with a prompt (for
 * lines inside output). */
static size_t find_reg_query(const char *s, size_t len, int prompt_only, size_t *start)
{
	size_t i = skip_blanks(s, len, 0);
	size_t e = reg_query_at(s, len, i);
	if (e) {
		*start = i;
		return e;
	}
	if (prompt_only) {
		/* "C:\Users\x>reg query", "PS C:\x> reg query" */
		const char *gt = memchr(s, '>', len);
		if (!gt)
			return 0;
		size_t g = (size_t)(gt - s);
		int prompt = (i + 2 <= g && s[i + 1] == ':') || span_starts_ci(s + i, len - i, "PS ");
		if (!prompt)
			return 0;
		*start = skip_blanks(s, len, g + 1);
		return reg_query_at(s, len, *start);
	}
	for (size_t k = 1; k < len; k++) {
		if (is_blank(s[k - 1]) || s[k - 1] == '>' || s[k - 1] == '&' || s[k - 1] == '(' ||
		    s[k - 1] == '"' || s[k - 1] == ';' || s[k - 1] == '|') {
			e = reg_query_at(s, len, k);
			if (e) {
				*start = k;
				return e;
			}
		}
	}
	return 0;
}

/* A file named after the command that wrote it ("reg query HKCU_Network_M.txt",
 * "reg_query_HKLM_SOFTWARE_x.log"; a file name cannot hold a backslash, so
 * '_' stands for it after the hive; a trailing " -s"/" _s" is /s). Writes
 * "reg query HKCU\Network\M" into buf; 0 when the name is not one. */
static int name_command(const char *name, char *buf, size_t cap)
{
	if (!name)
		return 0;
	size_t n = strlen(name);
	if (n > 300 || cap < n + 16)
		return 0;
	const char *dot = strrchr(name, '.');
	if (dot && name + n - dot <= 5 && name + n - dot >= 2)
		n = (size_t)(dot - name);
	size_t i = 0;
	if (!span_starts_ci(name, n, "reg"))
		return 0;
	i = 3;
	if (i < n && (name[i] == ' ' || name[i] == '_' || name[i] == '-'))
		i++;
	if (!span_starts_ci(name + i, n - i, "query"))
		return 0;
	i += 5;
	size_t sep = i;
	while (i < n && (name[i] == ' ' || name[i] == '_' || name[i] == '-'))
		i++;
	if (i == sep)
		return 0;
	const char *k = name + i;
	size_t kl = n - i;
	int rec = 0;
	if (kl > 3 && name[i + kl - 3] == ' ' && (name[i + kl - 2] == '-' || name[i + kl - 2] == '_') &&
	    (name[i + kl - 1] == 's' || name[i + kl - 1] == 'S')) {
		rec = 1;
		kl -= 3;
	}
	size_t skip = 0;
	int h = -1;
	for (size_t j = 0; j < NHIVES && h < 0; j++) {
		for (int sh = 0; sh < 2 && h < 0; sh++) {
			const char *hn = sh ? hives[j].shortname : hives[j].longname;
			size_t hl = strlen(hn);
			if (span_starts_ci(k, kl, hn) && (kl == hl || k[hl] == '_' || k[hl] == '\\')) {
				h = (int)j;
				skip = hl;
			}
		}
	}
	if (h < 0)
		return 0;
	/* quoted: key names may hold spaces ("Persistent Connections") */
	size_t o = (size_t)snprintf(buf, cap, "reg query \"%s", hives[h].shortname);
	for (size_t j = skip; j < kl && o + 6 < cap; j++) {
		char c = k[j];
		if (c == '"' || (c == ' ' && j + 1 < kl && (k[j + 1] == '-' || k[j + 1] == '_')))
			return 0; /* another switch (/v ...): not a plain key */
		buf[o++] = c == '_' ? '\\' : c;
	}
	buf[o++] = '"';
	buf[o] = 0;
	if (rec && o + 4 < cap)
		memcpy(buf + o, " /s", 4);
	return 1;
}

int regquery_is_command(const char *cmd)
{
	size_t st;
	return cmd && find_reg_query(cmd, strlen(cmd), 0, &st) != 0;
}

struct qargs {
	const char *key, *value;
	int ve, s, f, filtered;
};

/* The next word of a command line: "..." and '...' group, as in cmd and
 * PowerShell. *tok is an arena copy without the quotes. */
static size_t next_word(struct arena *a, const char *s, size_t len, size_t i, char **tok, int *quoted)
{
	i = skip_blanks(s, len, i);
	*tok = NULL;
	*quoted = 0;
	if (i >= len)
		return i;
	/* find the end first, so the copy is the size of the word */
	size_t e = i;
	char q = 0;
	for (; e < len; e++) {
		if (q) {
			if (s[e] == q)
				q = 0;
		} else if (s[e] == '"' || s[e] == '\'') {
			q = s[e];
		} else if (is_blank(s[e])) {
			break;
		}
	}
	char *o = arena_alloc(a, e - i + 1);
	if (!o)
		return len;
	size_t k = 0;
	q = 0;
	for (; i < e; i++) {
		char c = s[i];
		if (q) {
			if (c == q)
				q = 0;
			else
				o[k++] = c;
		} else if (c == '"' || c == '\'') {
			q = c;
			*quoted = 1;
		} else {
			o[k++] = c;
		}
	}
	o[k] = 0;
	*tok = o;
	return e;
}

static int word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (str_eq_ci(w, *list))
			return 1;
	return 0;
}

static void parse_args(struct arena *a, const char *s, size_t len, size_t i, struct qargs *q)
{
	static const char *const filters[] = { "findstr", "find", "select-string", "sls", "where-object",
					       "where", "?", "grep", "select-object", "select", "more", NULL };
	memset(q, 0, sizeof *q);
	for (int guard = 0; i < len && guard < 256; guard++) {
		char *w;
		int quoted;
		i = next_word(a, s, len, i, &w, &quoted);
		if (!w)
			break;
		if (!quoted && (w[0] == '|')) {
			char *next = w[1] ? w + 1 : NULL;
			if (!next)
				i = next_word(a, s, len, i, &next, &quoted);
			if (next && word_in(next, filters))
				q->filtered = 1;
			break;
		}
		if (!quoted && (w[0] == '>' || w[0] == '<' || (w[0] >= '0' && w[0] <= '9' && w[1] == '>') ||
				strcmp(w, "&") == 0 || strcmp(w, "&&") == 0 || strcmp(w, "||") == 0 || w[0] == ';'))
			break;
		if (!quoted && (w[0] == '/' || w[0] == '-') && w[1]) {
			const char *sw = w + 1;
			char *arg = NULL;
			if (str_eq_ci(sw, "v")) {
				i = next_word(a, s, len, i, &arg, &quoted);
				q->value = arg;
			} else if (str_eq_ci(sw, "ve")) {
				q->ve = 1;
			} else if (str_eq_ci(sw, "s")) {
				q->s = 1;
			} else if (str_eq_ci(sw, "f")) {
				q->f = 1;
				i = next_word(a, s, len, i, &arg, &quoted);
			} else if (str_eq_ci(sw, "t") || str_eq_ci(sw, "se")) {
				i = next_word(a, s, len, i, &arg, &quoted);
			}
			/* /k /d /c /e /z /reg:32 /reg:64: nothing to keep */
			continue;
		}
		if (!q->key)
			q->key = w;
	}
}

/* ---- line classification ------------------------------------------------ */

/* A key line: no indentation, (\\MACHINE\)HKEY_xxx[\...]. Japanese pastes
 * may show the backslash as a yen sign. Returns 1 for a key line and, when
 * a is given, its path in *out. */
static int key_line(struct arena *a, const char *s, size_t len, char **out)
{
	len = rtrim_len(s, len);
	if (!len || is_blank(s[0]) || memchr(s, '\t', len))
		return 0;
	size_t m = machine_prefix(s, len), skip;
	if (hive_at(s + m, len - m, 0, &skip) >= 0) {
		if (a)
			*out = arena_strndup(a, s, len);
		return 1;
	}
	/* "HKEY_CURRENT_USER¥Network" (U+00A5 or U+FFE5 for the backslash) */
	int yen = 0;
	for (size_t i = 0; i + 1 < len && !yen; i++)
		yen = ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA5) ||
		      (i + 2 < len && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
		       (unsigned char)s[i + 2] == 0xA5);
	if (!yen || !span_starts_ci(s, len, "HKEY_"))
		return 0;
	if (!a)
		return 1;
	char *o = arena_alloc(a, len + 1);
	if (!o)
		return 0;
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (i + 1 < len && u[0] == 0xC2 && u[1] == 0xA5) {
			o[k++] = '\\';
			i++;
		} else if (i + 2 < len && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xA5) {
			o[k++] = '\\';
			i += 2;
		} else {
			o[k++] = s[i];
		}
	}
	o[k] = 0;
	if (hive_at(o, k, 0, &skip) < 0)
		return 0;
	*out = o;
	return 1;
}

struct vsplit {
	const char *name, *type, *data;
	size_t nlen, tlen, dlen;
};

static int is_type_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* "    name    REG_xxx    data": split on the first type token that has
 * blanks before it and blanks or the end after it. */
static int split_value(const char *s, size_t len, struct vsplit *v)
{
	len = rtrim_len(s, len);
	if (!len || !is_blank(s[0]))
		return 0;
	size_t start = (len >= 4 && memcmp(s, "    ", 4) == 0 && !is_blank(s[4])) ? 4 : skip_blanks(s, len, 0);
	for (size_t i = start + 1; i + 4 < len + 1; i++) {
		if (!is_blank(s[i - 1]) || s[i] != 'R' || len - i < 5 || memcmp(s + i, "REG_", 4) != 0)
			continue;
		size_t j = i + 4;
		while (j < len && is_type_char(s[j]))
			j++;
		if (j == i + 4 || (j < len && !is_blank(s[j])))
			continue;
		size_t ne = i;
		while (ne > start && is_blank(s[ne - 1]))
			ne--;
		if (ne == start)
			continue;
		v->name = s + start;
		v->nlen = ne - start;
		v->type = s + i;
		v->tlen = j - i;
		if (j >= len) {
			v->data = s + len;
			v->dlen = 0;
		} else {
			size_t d = (len - j >= 4 && memcmp(s + j, "    ", 4) == 0) ? j + 4 : skip_blanks(s, len, j);
			v->data = s + d;
			v->dlen = len - d;
		}
		return 1;
	}
	return 0;
}

/* The default value's name as reg.exe prints it, in the languages we know;
 * a parenthesized name with non-ASCII letters is taken as another language's. */
static int default_name(const char *s, size_t len)
{
	static const char *const names[] = { "(Default)", "(默认)", "(預設)", "(Standard)", "(既定)",
					     "(par défaut)", "(Predeterminado)", "(Predefinito)",
					     "(Padrão)", "(По умолчанию)", "(기본값)", NULL };
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == len && span_starts_ci(s, len, names[i]))
			return 1;
	if (len > 2 && s[0] == '(' && s[len - 1] == ')') {
		for (size_t i = 1; i + 1 < len; i++)
			if ((unsigned char)s[i] >= 0x80)
				return 1;
	}
	return 0;
}

static int value_not_set(const char *s, size_t len)
{
	static const char *const texts[] = { "(value not set)", "(数值未设置)", "(數值未設定)",
					     "(Wert nicht festgelegt)", "(値の設定なし)",
					     "(valeur non définie)", NULL };
	for (size_t i = 0; texts[i]; i++)
		if (strlen(texts[i]) == len && span_starts_ci(s, len, texts[i]))
			return 1;
	return 0;
}

/* Words before ':' that mean "error" in the languages of reg.exe we expect. */
static int error_word(const char *s, size_t len)
{
	static const char *const words[] = { "ERROR", "错误", "錯誤", "FEHLER", "エラー", "ERREUR",
					     "ERRORE", "ERRO", "ОШИБКА", "FOUT", "FEJL", "FEIL", "VIRHE",
					     "HATA", "BŁĄD", "CHYBA", "HIBA", "오류", "FOUTMELDING", NULL };
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == len && span_starts_ci(s, len, words[i]))
			return 1;
	return 0;
}

/* The "unable to find the specified registry key or value" message. */
static int not_found_text(const char *s, size_t len)
{
	static const char *const frags[] = {
		"unable to find", "cannot find", "找不到", "nicht gefunden", "見つかりません",
		"pas trouv", "impossible de trouver", "introuvable", "no pudo encontrar",
		"no se encontr", "impossibile trovare", "não foi possível localizar",
		"не удалось найти", "не удается найти", "찾을 수 없", NULL };
	for (size_t i = 0; frags[i]; i++)
		if (span_find_ci(s, len, frags[i]) >= 0)
			return 1;
	return 0;
}

/* Offset of the first ':' or fullwidth '：' in [s,len), -1 if none. */
static long colon_at(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ':')
			return (long)i;
		if (i + 2 < len && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] == 0x9A)
			return (long)i;
	}
	return -1;
}

enum lkind { L_BLANK, L_KEY, L_VALUE, L_ERROR, L_END, L_NOISE, L_CMD, L_UNKNOWN };

struct lclass {
	enum lkind kind;
	char *key;
	struct vsplit v;
	enum regq_err_kind err;
	const char *msg;
	size_t msglen;
	long matches;
	size_t cmd_start, cmd_off; /* L_CMD: where "reg" starts, after "query" */
};

/* Lines of a PowerShell error record around a native command's stderr. */
static int ps_noise(const char *s, size_t len)
{
	if (len > 512)
		len = 512; /* the lines looked for are short */
	static const char *const starts[] = { "At line:", "At char:", "所在位置", "Bei Zeile",
					      "In Zeile", "発生場所", "Au caractère", "+ ", "+~", NULL };
	size_t i = skip_blanks(s, len, 0);
	for (size_t k = 0; starts[k]; k++)
		if (span_starts_ci(s + i, len - i, starts[k]))
			return 1;
	/* "At C:\x\y.ps1:12 char:5" */
	if (span_starts_ci(s + i, len - i, "At ") && span_find_ci(s + i, len - i, " char:") >= 0)
		return 1;
	/* the usage hint after "ERROR: Invalid syntax." */
	if (span_find_ci(s, len, "REG QUERY /?") >= 0)
		return 1;
	return i + 1 == len && s[i] == '+';
}

static void classify(struct arena *a, const char *s, size_t len, struct lclass *c)
{
	memset(c, 0, sizeof *c);
	len = rtrim_len(s, len);
	if (!len || line_is_blank(&(struct line){ s, (uint32_t)len, 0 })) {
		c->kind = L_BLANK;
		return;
	}
	if (key_line(a, s, len, &c->key)) {
		c->kind = L_KEY;
		return;
	}
	if (split_value(s, len, &c->v)) {
		c->kind = L_VALUE;
		return;
	}
	size_t st, e = find_reg_query(s, len, 1, &st);
	if (e) {
		c->kind = L_CMD;
		c->cmd_start = st;
		c->cmd_off = e;
		return;
	}
	if (ps_noise(s, len)) {
		c->kind = L_NOISE;
		return;
	}
	/* "<WORD>: message", "WORD : message" (French), "reg : ERROR: ..." (PowerShell) */
	const char *p = s;
	size_t n = len;
	span_trim(&p, &n);
	if (span_starts_ci(p, n, "reg : ") || span_starts_ci(p, n, "reg.exe : ")) {
		size_t k = (size_t)colon_at(p, n) + 1;
		p += k;
		n -= k;
		span_trim(&p, &n);
	}
	long ci = colon_at(p, n);
	if (ci <= 0 || ci > 64)
		goto unknown;
	size_t wl = (size_t)ci;
	while (wl && is_blank(p[wl - 1]))
		wl--;
	size_t ms = (size_t)ci + ((unsigned char)p[ci] == 0xEF ? 3 : 1);
	const char *msg = p + ms;
	size_t ml = n - ms;
	span_trim(&msg, &ml);
	if (!wl || !ml)
		goto unknown;
	int single = memchr(p, ' ', wl) == NULL && memchr(p, '\\', wl) == NULL;
	/* reg's messages are short: a bound keeps hostile long lines cheap */
	if (ml > 512)
		ml = 512;
	if (not_found_text(msg, ml) && (single || error_word(p, wl))) {
		c->kind = L_ERROR;
		c->err = REGQ_ERR_NOT_FOUND;
		c->msg = p;
		c->msglen = n;
		return;
	}
	if (!error_word(p, wl) && !memchr(p, '\\', n)) {
		/* "End of search: 2 match(es) found." in any language: a count after the colon */
		for (size_t i = 0; i < ml; i++) {
			if (msg[i] >= '0' && msg[i] <= '9') {
				long m = 0;
				for (size_t j = i; j < ml && msg[j] >= '0' && msg[j] <= '9'; j++)
					m = m < 100000000 ? m * 10 + (msg[j] - '0') : m;
				c->kind = L_END;
				c->matches = m;
				return;
			}
		}
	}
	if (single || error_word(p, wl)) {
		c->kind = L_ERROR;
		c->err = REGQ_ERR_OTHER;
		c->msg = p;
		c->msglen = n;
		return;
	}
unknown:
	c->kind = L_UNKNOWN;
}

/* ---- the parse ---------------------------------------------------------- */

static struct regq_query *new_query(struct arena *a, struct regquery_result *r, const char *cmd,
				    size_t cmdlen, size_t after_query, uint32_t line, struct qargs *args)
{
	struct regq_query *q = VEC_PUSH(a, &r->queries);
	if (!q)
		return NULL;
	q->matches = -1;
	q->line = line;
	memset(args, 0, sizeof *args);
	if (cmd) {
		q->command = span_dup_trim(a, cmd, cmdlen);
		parse_args(a, cmd, cmdlen, after_query, args);
		q->key = args->key;
		q->value = args->ve ? "" : args->value;
		q->recursive = args->s;
		q->search = args->f;
		q->filtered = args->filtered;
	}
	return q;
}

/* The parent path of a key line ("HKEY_CURRENT_USER\Network\z" ->
 * "HKEY_CURRENT_USER\Network"); NULL for a hive root. */
static char *parent_of(struct arena *a, const char *p)
{
	const char *bs = strrchr(p, '\\');
	return bs ? arena_strndup(a, p, (size_t)(bs - p)) : NULL;
}

/* Which key a query without a command listed, and whether with /s:
 *  - plain `reg query K`: K's block (when K has values), then bare key lines
 *    of K's direct subkeys with no blank line between them; a K without
 *    values is not printed, only its subkeys;
 *  - `reg query K /s`: every key line is a block ending in a blank line;
 *    K's own line only when K has values.
 * Where both layouts fit, the plain reading is taken: it claims less.
 * When neither layout fits (outputs pasted together, trimmed pastes) the
 * query gets no root and so claims nothing about what is absent. */
static void infer_root(struct arena *a, struct regquery_result *r, struct regq_query *q, size_t k0,
		       size_t nk, const int *blank_after)
{
	q->inferred = 1;
	if (nk == 0)
		return;
	const struct regq_key *keys = r->keys.v + k0;
	/* plain layout: after the first key (with values) or from the first key
	 * (without), consecutive bare key lines */
	int first_has_values = keys[0].nvalues > 0;
	size_t sub0 = first_has_values ? 1 : 0;
	int plain = 1;
	for (size_t i = sub0; i < nk; i++) {
		if (keys[i].nvalues)
			plain = 0;
		if (i + 1 < nk && blank_after[k0 + i])
			plain = 0;
	}
	/* A blank line after the last bare key alone is weak evidence of /s (a
	 * paste may add one); reading it as plain claims less and is true for
	 * both layouts. */
	/* the root: the first key when it has values (the weaker claim when its
	 * parent could be the root too), else its parent */
	char *cands[2] = { first_has_values ? arena_strdup(a, keys[0].path) : NULL,
			   plain && first_has_values ? NULL : parent_of(a, keys[0].path) };
	char *root = NULL;
	for (int ci = 0; ci < 2 && !root; ci++) {
		char *croot = canon(a, cands[ci]);
		if (!croot)
			continue;
		int ok = 1;
		for (size_t i = 0; i < nk && ok; i++) {
			char *ck = canon(a, keys[i].path);
			if (plain)
				ok = path_under(croot, ck, 1) && (i < sub0 || is_direct_child(croot, ck));
			else
				ok = path_under(croot, ck, 1);
		}
		if (ok)
			root = cands[ci];
	}
	if (!root)
		return; /* not one listing: no root */
	q->key = root;
	q->recursive = !plain;
	q->listing = !q->search && !q->filtered;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct arena *a = ctx->arena;
	*out = NULL;
	struct regquery_result *r = arena_alloc(a, sizeof *r);
	int *blank_after = arena_alloc(a, (t->n + 1) * sizeof *blank_after);
	if (!r || !blank_after) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct qargs args;
	struct regq_query *q;
	size_t cmd_start = 0;
	const char *cmd = ctx->command;
	size_t cmd_after = cmd ? find_reg_query(cmd, strlen(cmd), 0, &cmd_start) : 0;
	char name_cmd[400];
	int from_name = 0;
	if (!cmd_after && name_command(ctx->name, name_cmd, sizeof name_cmd)) {
		cmd = name_cmd;
		cmd_after = find_reg_query(cmd, strlen(cmd), 0, &cmd_start);
		from_name = cmd_after != 0;
	}
	q = new_query(a, r, cmd_after ? cmd : NULL, cmd_after ? strlen(cmd) : 0, cmd_after,
		      t->n ? t->v[0].no : 0, &args);
	if (!q) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	q->from_name = from_name;
	size_t qi = 0, k0 = 0;
	const char *cur_key = NULL;
	int recognised = cmd_after != 0;
	/* per query: where its keys start, for inference at the end */
	typedef VEC(size_t) idx_vec;
	idx_vec qk0 = { 0 };
	size_t *p0 = VEC_PUSH(a, &qk0);
	if (p0)
		*p0 = 0;

	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		struct lclass c;
		classify(a, l->s, l->len, &c);
		switch (c.kind) {
		case L_BLANK:
			/* a blank line closes the block of the last key line */
			if (r->keys.n > k0)
				blank_after[r->keys.n - 1] = 1;
			break;
		case L_KEY: {
			struct regq_key *k = VEC_PUSH(a, &r->keys);
			if (!k)
				break;
			k->path = c.key;
			k->line = l->no;
			k->query = (uint32_t)qi;
			cur_key = c.key;
			recognised = 1;
			break;
		}
		case L_VALUE: {
			struct regq_value *v = VEC_PUSH(a, &r->values);
			if (!v)
				break;
			recognised = 1;
			v->line = l->no;
			v->query = (uint32_t)qi;
			/* a value with no key line above belongs to the queried key, unless
			 * the listing spans subkeys (/s, /f) or was filtered */
			const struct regq_query *cq = &r->queries.v[qi];
			v->key = cur_key ? cur_key
					 : (!cq->recursive && !cq->search && !cq->filtered ? cq->key : NULL);
			if (cur_key && r->keys.n > k0)
				r->keys.v[r->keys.n - 1].nvalues++;
			v->name = default_name(c.v.name, c.v.nlen) ? "" : arena_strndup(a, c.v.name, c.v.nlen);
			v->type_name = arena_strndup(a, c.v.type, c.v.tlen);
			if (!regv_type_from_name(c.v.type, c.v.tlen, &v->type))
				v->type = REGV_UNKNOWN;
			v->printed = arena_strndup(a, c.v.data, c.v.dlen);
			v->data = v->printed;
			if (v->type == REGV_DWORD || v->type == REGV_QWORD || v->type == REGV_DWORD_BE) {
				/* "0x1f": at most 16 hex digits, nothing else */
				const char *d = c.v.data;
				size_t dl = c.v.dlen, j = 2;
				uint64_t n = 0;
				if (dl > 2 && dl <= 18 && d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
					for (; j < dl && hexval(d[j]) >= 0; j++)
						n = n << 4 | (uint64_t)hexval(d[j]);
					if (j == dl) {
						v->num = n;
						v->has_num = 1;
						v->data = arena_printf(a, "0x%llx", (unsigned long long)n);
					}
				}
			} else if (v->type == REGV_MULTI_SZ) {
				/* items are printed with a literal \0 between them */
				char *o = arena_alloc(a, c.v.dlen + 1);
				if (o) {
					size_t k = 0;
					for (size_t j = 0; j < c.v.dlen; j++) {
						if (c.v.data[j] == '\\' && j + 1 < c.v.dlen && c.v.data[j + 1] == '0') {
							o[k++] = '\n';
							j++;
						} else {
							o[k++] = c.v.data[j];
						}
					}
					o[k] = 0;
					v->data = o;
				}
			} else if (v->type == REGV_SZ || v->type == REGV_EXPAND_SZ) {
				if (!v->name[0] && value_not_set(c.v.data, c.v.dlen))
					v->not_set = 1;
			} else {
				uint8_t *raw;
				size_t n;
				if (regv_unhex(a, c.v.data, c.v.dlen, &raw, &n) == 0) {
					v->raw = raw;
					v->raw_len = (uint32_t)n;
					v->data = regv_hex(a, raw, n);
				}
			}
			break;
		}
		case L_ERROR: {
			struct regq_error *e = VEC_PUSH(a, &r->errors);
			if (e) {
				e->kind = c.err;
				e->text = arena_strndup(a, c.msg, c.msglen);
				e->line = l->no;
				e->query = (uint32_t)qi;
			}
			recognised = 1;
			break;
		}
		case L_END:
			r->queries.v[qi].matches = c.matches;
			r->queries.v[qi].matches_line = l->no;
			r->queries.v[qi].search = 1;
			recognised = 1;
			break;
		case L_NOISE:
			break;
		case L_CMD: {
			/* an embedded prompt: a new query starts (the implicit first one
			 * is reused while nothing belongs to it) */
			int empty = !r->queries.v[qi].command && r->keys.n == k0 && !r->errors.n &&
				    !r->values.n && r->queries.v[qi].matches < 0;
			if (empty) {
				r->queries.n--;
				qk0.n--;
			}
			/* the command without its prompt */
			struct regq_query *nq = new_query(a, r, l->s + c.cmd_start, rtrim_len(l->s, l->len) - c.cmd_start,
							  c.cmd_off - c.cmd_start, l->no, &args);
			if (!nq)
				break;
			qi = r->queries.n - 1;
			k0 = r->keys.n;
			cur_key = NULL;
			size_t *p = VEC_PUSH(a, &qk0);
			if (p)
				*p = k0;
			recognised = 1;
			break;
		}
		case L_UNKNOWN:
			if (!r->unknown_lines)
				r->first_unknown = l->no;
			r->unknown_lines++;
			break;
		}
	}

	/* settle each query: the root it listed and what its listing covers
	 * (errors are in query order: one pass) */
	size_t ei = 0;
	for (size_t j = 0; j < r->queries.n; j++) {
		struct regq_query *qq = &r->queries.v[j];
		size_t from = j < qk0.n ? qk0.v[j] : r->keys.n;
		size_t to = j + 1 < qk0.n ? qk0.v[j + 1] : r->keys.n;
		int has_error = 0;
		while (ei < r->errors.n && r->errors.v[ei].query < j)
			ei++;
		if (ei < r->errors.n && r->errors.v[ei].query == j)
			has_error = 1;
		if (qq->command) {
			int fits = 1;
			char *cq = canon(a, qq->key);
			for (size_t k = from; k < to && cq; k++)
				if (!path_under(cq, canon(a, r->keys.v[k].path), 1))
					fits = 0;
			if (cq && fits) {
				qq->listing = !qq->value && !qq->search && !qq->filtered && !has_error;
				continue;
			}
			/* the output does not belong to this command line: read the layout */
			qq->key = NULL;
		}
		if (!has_error)
			infer_root(a, r, qq, from, to - from, blank_after);
		if (qq->search || qq->value)
			qq->listing = 0;
	}
	*out = r;
	if (!recognised) {
		ctx->reason = "no reg query key, value, error or command line found";
		return PARSE_FAILED;
	}
	if (arena_exhausted(a)) {
		ctx->reason = "out of memory while reading reg query output";
		return PARSE_PARTIAL;
	}
	if (r->unknown_lines) {
		ctx->reason = arena_printf(a, "%u line(s) not understood (first at line %u)",
					   r->unknown_lines, r->first_unknown);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

/* ---- bid ---------------------------------------------------------------- */

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	char name_cmd[400];
	int is_cmd = regquery_is_command(ctx->command) || name_command(ctx->name, name_cmd, sizeof name_cmd);
	size_t n = t->n < 300 ? t->n : 300;
	int keys = 0, values_after_key = 0, notfound = 0, errors = 0, ends = 0, cmds = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		struct lclass c;
		classify(NULL, t->v[i].s, t->v[i].len, &c);
		switch (c.kind) {
		case L_KEY: keys++; break;
		case L_VALUE:
			if (keys)
				values_after_key++;
			else
				other++;
			break;
		case L_ERROR:
			if (c.err == REGQ_ERR_NOT_FOUND)
				notfound++;
			else
				errors++;
			break;
		case L_END: ends++; break;
		case L_CMD: cmds++; break;
		case L_UNKNOWN: other++; break;
		default: break;
		}
	}
	if (keys && values_after_key)
		return BID_STRONG;
	if (is_cmd || cmds)
		return (keys || notfound || ends) ? BID_STRONG : BID_LIKELY;
	if (notfound && !other)
		return BID_LIKELY;
	if (keys && !other && !errors)
		return BID_LIKELY; /* bare key lines: `reg query K` of a key without values */
	if (notfound)
		return BID_WEAK + 20;
	return BID_NONE;
}

/* ---- JSON --------------------------------------------------------------- */

static struct json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *to_json(const void *res)
{
	const struct regquery_result *r = res;
	struct json_object *o = json_object_new_object();
	struct json_object *qs = json_object_new_array();
	for (size_t i = 0; i < r->queries.n; i++) {
		const struct regq_query *q = &r->queries.v[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "command", jstr(q->command));
		json_object_object_add(e, "key", jstr(q->key));
		json_object_object_add(e, "value", jstr(q->value));
		json_object_object_add(e, "recursive", json_object_new_boolean(q->recursive));
		json_object_object_add(e, "listing", json_object_new_boolean(q->listing));
		json_object_object_add(e, "inferred", json_object_new_boolean(q->inferred));
		if (q->search)
			json_object_object_add(e, "search", json_object_new_boolean(1));
		if (q->filtered)
			json_object_object_add(e, "filtered", json_object_new_boolean(1));
		if (q->from_name)
			json_object_object_add(e, "from_file_name", json_object_new_boolean(1));
		if (q->matches >= 0)
			json_object_object_add(e, "matches", json_object_new_int64(q->matches));
		json_object_object_add(e, "line", json_object_new_int64(q->line));
		json_object_array_add(qs, e);
	}
	json_object_object_add(o, "queries", qs);
	struct json_object *keys = json_object_new_array();
	for (size_t i = 0; i < r->keys.n; i++) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "path", jstr(r->keys.v[i].path));
		json_object_object_add(e, "line", json_object_new_int64(r->keys.v[i].line));
		json_object_array_add(keys, e);
	}
	json_object_object_add(o, "keys", keys);
	struct json_object *vals = json_object_new_array();
	for (size_t i = 0; i < r->values.n; i++) {
		const struct regq_value *v = &r->values.v[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "key", jstr(v->key));
		json_object_object_add(e, "name", jstr(v->name));
		json_object_object_add(e, "type", jstr(v->type_name));
		json_object_object_add(e, "data", jstr(v->data));
		if (v->has_num)
			json_object_object_add(e, "num", json_object_new_int64((int64_t)v->num));
		if (v->not_set)
			json_object_object_add(e, "not_set", json_object_new_boolean(1));
		json_object_object_add(e, "line", json_object_new_int64(v->line));
		json_object_array_add(vals, e);
	}
	json_object_object_add(o, "values", vals);
	struct json_object *errs = json_object_new_array();
	for (size_t i = 0; i < r->errors.n; i++) {
		const struct regq_error *e = &r->errors.v[i];
		struct json_object *j = json_object_new_object();
		json_object_object_add(j, "kind", json_object_new_string(e->kind == REGQ_ERR_NOT_FOUND ? "not-found" : "other"));
		json_object_object_add(j, "text", jstr(e->text));
		json_object_object_add(j, "line", json_object_new_int64(e->line));
		json_object_array_add(errs, j);
	}
	json_object_object_add(o, "errors", errs);
	return o;
}

const struct parser regquery_parser = { "reg-query", bid, parse, to_json };
