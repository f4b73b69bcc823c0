/* Tokenizer for cmd and PowerShell command lines, the dialect guess and the
 * console prompt recogniser. Linear in the input; every loop advances. */
#include "cmdline_lex.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

void clx_reset(struct clx_scratch *sc)
{
	sc->nt = 0;
	sc->nv = 0;
}

void clx_free(struct clx_scratch *sc)
{
	free(sc->t);
	free(sc->val);
	free(sc->map);
	memset(sc, 0, sizeof *sc);
}

static struct clx_token *push_tok(struct clx_scratch *sc, uint8_t type, size_t off)
{
	if (sc->nt >= CLX_MAX_TOKENS || sc->oom)
		return NULL;
	if (sc->nt == sc->ct) {
		size_t nc = sc->ct ? sc->ct * 2 : 64;
		struct clx_token *p = realloc(sc->t, nc * sizeof *p);
		if (!p) {
			sc->oom = 1;
			return NULL;
		}
		sc->t = p;
		sc->ct = nc;
	}
	struct clx_token *t = &sc->t[sc->nt++];
	memset(t, 0, sizeof *t);
	t->type = type;
	t->off = (uint32_t)off;
	t->v = (uint32_t)sc->nv;
	return t;
}

static int push_byte(struct clx_scratch *sc, char c, size_t raw)
{
	if (sc->oom)
		return -1;
	if (sc->nv + 1 >= sc->cv) {
		size_t nc = sc->cv ? sc->cv * 2 : 1024;
		char *v = realloc(sc->val, nc);
		if (!v) {
			sc->oom = 1;
			return -1;
		}
		sc->val = v;
		uint32_t *m = realloc(sc->map, nc * sizeof *m);
		if (!m) {
			sc->oom = 1;
			return -1;
		}
		sc->map = m;
		sc->cv = nc;
	}
	sc->val[sc->nv] = c;
	sc->map[sc->nv] = (uint32_t)raw;
	sc->nv++;
	return 0;
}

/* Push the whole UTF-8 sequence at s[i] (so values never hold half a
 * character); returns the bytes consumed. */
static size_t push_char(struct clx_scratch *sc, const char *s, size_t i, size_t end)
{
	size_t k = 1;
	unsigned char c = (unsigned char)s[i];
	if (c >= 0xC0) {
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		while (k < want && i + k < end && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
	}
	for (size_t j = 0; j < k; j++)
		push_byte(sc, s[i + j], i + j);
	return k;
}

static void end_value(struct clx_scratch *sc, struct clx_token *t)
{
	t->vlen = (uint32_t)(sc->nv - t->v);
	/* NUL terminator; its map entry points just past the token */
	push_byte(sc, '\0', t->off + t->len);
}

/* Whitespace: ASCII blanks, NBSP (C2 A0), ideographic space (E3 80 80). */
static size_t ws_len(const char *s, size_t i, size_t end)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	if (c == 0xE3 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80)
		return 3;
	return 0;
}

/* A quote character at s[i]: '"' or '\'' with its byte length. PowerShell
 * also takes the typographic quotes that copy-paste from documents brings
 * (U+2018..U+201B single, U+201C..U+201E double). */
static char quote_at(const char *s, size_t i, size_t end, int smart, size_t *ql)
{
	unsigned char c = (unsigned char)s[i];
	*ql = 1;
	if (c == '"' || c == '\'')
		return (char)c;
	if (smart && c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
		unsigned char d = (unsigned char)s[i + 2];
		*ql = 3;
		if (d >= 0x98 && d <= 0x9B)
			return '\'';
		if (d >= 0x9C && d <= 0x9E)
			return '"';
	}
	*ql = 1;
	return 0;
}

struct lexopt {
	int caret;       /* ^ escapes (cmd) */
	int bt;          /* ` escapes (PowerShell) */
	int sq;          /* '…' quotes */
	int sq_start;    /* … only at the start of a word, and only when closed */
	int ps;          /* PowerShell delimiters ; ( ) { } , and # comments */
	int smart;       /* typographic quotes */
	int comment;     /* inside a comment: a further # starts another one */
};

static void opts_for(enum cl_dialect d, int auto_mode, struct lexopt *o)
{
	memset(o, 0, sizeof *o);
	if (d == CL_PS) {
		o->bt = o->sq = o->ps = o->smart = 1;
	} else {
		o->caret = 1;
		if (auto_mode)
			o->sq = o->sq_start = 1;
	}
}

/* Comment text is tokenized loosely so that an apostrophe in prose does
 * not swallow the rest of the line (secrets are looked for in comments too). */
static void opts_comment(struct lexopt *o)
{
	memset(o, 0, sizeof *o);
	o->sq = o->sq_start = 1;
	o->comment = 1;
}

/* Is there a closing single quote for a word starting at i (before the
 * next whitespace-free stretch ends)? */
static int sq_closes(const char *s, size_t i, size_t end)
{
	for (size_t j = i + 1; j < end; j++) {
		if (s[j] == '\'')
			return 1;
		if (s[j] == '\n')
			return 0;
	}
	return 0;
}

static int is_word_delim(const struct lexopt *o, char c, int cmd_depth)
{
	if (c == '&' || c == '|' || c == '<' || c == '>')
		return 1;
	if (o->ps && (c == ';' || c == '(' || c == ')' || c == '{' || c == '}' || c == ','))
		return 1;
	if (!o->ps && c == ')' && cmd_depth > 0)
		return 1;
	return 0;
}

/* "<name>" written in a guide or template: letters, digits and \ . _ -
 * up to a closing '>' (a redirection is never written like that). */
static size_t placeholder_len(const char *s, size_t i, size_t end)
{
	size_t j = i + 1;
	while (j < end && j - i <= 64) {
		char c = s[j];
		if (c == '>')
			return j > i + 1 ? j - i + 1 : 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '\\' || c == '.' || c == '_' || c == '-'))
			return 0;
		j++;
	}
	return 0;
}

/* Read one word starting at *pi; returns the token (NULL when full). */
static struct clx_token *read_word(struct clx_scratch *sc, const char *s, size_t *pi, size_t end,
				   const struct lexopt *o, int cmd_depth)
{
	size_t i = *pi, start = i;
	struct clx_token *t = push_tok(sc, CLX_WORD, i);
	if (!t)
		return NULL;
	size_t tix = sc->nt - 1;
	int segments = 0, bare = 0;
	char first_q = 0;
	size_t first_ql = 1;
	while (i < end) {
		if (ws_len(s, i, end))
			break;
		char c = s[i];
		size_t ql;
		char q = quote_at(s, i, end, o->smart, &ql);
		if (q == '\'' && (!o->sq || (o->sq_start && (i != start || !sq_closes(s, i, end)))))
			q = 0;
		if (q) {
			segments++;
			if (!first_q) {
				first_q = q;
				first_ql = ql;
			}
			i += ql;
			while (i < end) {
				size_t ql2;
				char q2 = quote_at(s, i, end, o->smart, &ql2);
				if (q == '"' && o->bt && s[i] == '`' && i + 1 < end) {
					i++;
					i += push_char(sc, s, i, end);
					continue;
				}
				if (q2 == q) {
					/* doubled quote inside PowerShell strings is a literal quote */
					size_t ql3;
					if (o->ps && i + ql2 < end && quote_at(s, i + ql2, end, o->smart, &ql3) == q) {
						i += push_char(sc, s, i, end);
						i += ql3;
						continue;
					}
					i += ql2;
					break;
				}
				i += push_char(sc, s, i, end);
			}
			continue;
		}
		if ((o->caret && c == '^') || (o->bt && c == '`')) {
			bare++;
			i++;
			if (i < end && !(s[i] == '\r' || s[i] == '\n'))
				i += push_char(sc, s, i, end);
			continue;
		}
		if (o->ps && c == '$' && i + 1 < end && s[i + 1] == '{') {
			/* ${any name} is one variable */
			size_t j = i + 2;
			while (j < end && s[j] != '}' && s[j] != '\n')
				j++;
			if (j < end && s[j] == '}')
				j++;
			while (i < j)
				i += push_char(sc, s, i, j);
			bare++;
			continue;
		}
		if (c == '<' && placeholder_len(s, i, end)) {
			/* a guide's placeholder: \\<server>\<share>, <password> */
			size_t pl = placeholder_len(s, i, end);
			for (size_t k = 0; k < pl; k++)
				push_byte(sc, s[i + k], i + k);
			i += pl;
			bare++;
			continue;
		}
		if (is_word_delim(o, c, cmd_depth))
			break;
		bare++;
		i += push_char(sc, s, i, end);
	}
	t = &sc->t[tix]; /* the array may have moved? no: only values grow; keep it simple */
	t->len = (uint32_t)(i - start);
	t->quoted = segments > 0;
	if (segments == 1 && bare == 0 && i - start >= 2 * first_ql) {
		t->wq = (uint8_t)first_q;
		t->qlen = (uint8_t)first_ql;
	}
	end_value(sc, t);
	*pi = i;
	return t;
}

static void push_simple(struct clx_scratch *sc, uint8_t type, uint8_t sep, size_t off, size_t len)
{
	struct clx_token *t = push_tok(sc, type, off);
	if (!t)
		return;
	t->sep = sep;
	t->len = (uint32_t)len;
	end_value(sc, t);
}

enum cl_dialect clx_tokenize(struct clx_scratch *sc, const char *s, size_t start, size_t end,
			     enum cl_dialect d)
{
	if (end > start && end - start > CLX_MAX_INPUT)
		end = start + CLX_MAX_INPUT;
	int auto_mode = d == CL_AUTO;
	if (auto_mode)
		d = cl_guess_dialect(s + start, end - start);
	struct lexopt o;
	opts_for(d, auto_mode, &o);
	size_t i = start;
	int cmd_depth = 0;
	int want_target = 0;
	uint8_t prev = 0; /* type of the previous token, 0 at a command start */
	while (i < end && !sc->oom && sc->nt < CLX_MAX_TOKENS) {
		size_t w = ws_len(s, i, end);
		if (w) {
			i += w;
			continue;
		}
		char c = s[i];
		char n1 = i + 1 < end ? s[i + 1] : 0;
		if (o.ps && c == '<' && n1 == '#') {
			/* block comment <# … #>: its text is still looked at, loosely */
			push_simple(sc, CLX_COMMENT, 0, i, 2);
			i += 2;
			opts_comment(&o);
			prev = CLX_COMMENT;
			continue;
		}
		if ((o.ps || o.comment) && c == '#') {
			push_simple(sc, CLX_COMMENT, 0, i, 1);
			i++;
			opts_comment(&o);
			prev = CLX_COMMENT;
			continue;
		}
		if (c == '&' && n1 == '&') {
			push_simple(sc, CLX_SEP, CLX_AND, i, 2);
			i += 2;
			prev = 0;
			continue;
		}
		if (c == '|' && n1 == '|') {
			push_simple(sc, CLX_SEP, CLX_OR, i, 2);
			i += 2;
			prev = 0;
			continue;
		}
		if (c == '|') {
			push_simple(sc, CLX_SEP, CLX_PIPE, i, 1);
			i++;
			prev = 0;
			continue;
		}
		if (c == '&') {
			if (o.ps) {
				i++; /* call operator: `& "C:\…\net.exe" use …` */
				continue;
			}
			push_simple(sc, CLX_SEP, CLX_SEQ, i, 1);
			i++;
			prev = 0;
			continue;
		}
		if (o.ps && c == ';') {
			push_simple(sc, CLX_SEP, CLX_SEQ, i, 1);
			i++;
			prev = 0;
			continue;
		}
		if (o.ps && (c == '{' || c == '}')) {
			push_simple(sc, CLX_SEP, CLX_BLOCK, i, 1);
			i++;
			prev = 0;
			continue;
		}
		if (c == '(' && (o.ps || prev == 0 || prev == CLX_OPEN ||
				 (i + 1 >= end || ws_len(s, i + 1, end)))) {
			push_simple(sc, CLX_OPEN, 0, i, 1);
			i++;
			cmd_depth++;
			prev = CLX_OPEN;
			continue;
		}
		if (c == ')' && (o.ps || cmd_depth > 0)) {
			push_simple(sc, CLX_CLOSE, 0, i, 1);
			i++;
			if (cmd_depth > 0)
				cmd_depth--;
			prev = CLX_CLOSE;
			continue;
		}
		if (o.ps && c == ',') {
			push_simple(sc, CLX_COMMA, 0, i, 1);
			i++;
			prev = CLX_COMMA;
			continue;
		}
		/* redirections: [n|*]>[>][&m], < */
		size_t r = i;
		if ((c >= '0' && c <= '9') || (c == '*' && o.ps))
			if (n1 == '>')
				r = i + 1;
		if (s[r] == '>' || (r == i && c == '<' && !placeholder_len(s, i, end))) {
			size_t j = r + 1;
			if (s[r] == '>' && j < end && s[j] == '>')
				j++;
			if (j + 1 < end && s[j] == '&' && s[j + 1] >= '0' && s[j + 1] <= '9') {
				j += 2;
				want_target = 0;
			} else {
				want_target = 1;
			}
			push_simple(sc, CLX_REDIR, 0, i, j - i);
			i = j;
			prev = CLX_REDIR;
			continue;
		}
		struct clx_token *t = read_word(sc, s, &i, end, &o, cmd_depth);
		if (!t)
			break;
		if (want_target) {
			t->type = CLX_RTARGET;
			want_target = 0;
		}
		prev = CLX_WORD;
	}
	return d;
}

/* ---- dialect guess ------------------------------------------------------ */

static const char *const ps_verbs[] = {
	"Add", "Approve", "Assert", "Backup", "Block", "Checkpoint", "Clear", "Close", "Compare",
	"Complete", "Compress", "Confirm", "Connect", "ConvertFrom", "ConvertTo", "Convert", "Copy",
	"Debug", "Deny", "Disable", "Disconnect", "Dismount", "Edit", "Enable", "Enter", "Exit",
	"Expand", "Export", "Find", "ForEach", "Format", "Get", "Grant", "Group", "Hide", "Import",
	"Initialize", "Install", "Invoke", "Join", "Limit", "Lock", "Measure", "Merge", "Mount",
	"Move", "New", "Open", "Optimize", "Out", "Pop", "Protect", "Publish", "Push", "Read",
	"Receive", "Register", "Remove", "Rename", "Repair", "Request", "Reset", "Resize",
	"Resolve", "Restart", "Restore", "Resume", "Revoke", "Save", "Search", "Select", "Send",
	"Set", "Show", "Skip", "Sort", "Split", "Start", "Stop", "Submit", "Suspend", "Switch",
	"Sync", "Tee", "Test", "Trace", "Unblock", "Undo", "Uninstall", "Unlock", "Unprotect",
	"Unregister", "Update", "Use", "Wait", "Watch", "Where", "Write", NULL,
};

int cl_is_cmdlet_name(const char *s, size_t len)
{
	/* Verb-Noun: a known verb, a dash, then letters/digits */
	for (size_t k = 0; ps_verbs[k]; k++) {
		size_t vl = strlen(ps_verbs[k]);
		if (len > vl + 1 && span_starts_ci(s, len, ps_verbs[k]) && s[vl] == '-') {
			size_t j = vl + 1;
			if (!((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')))
				continue;
			for (; j < len; j++) {
				char c = s[j];
				if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
					return 0;
			}
			return 1;
		}
	}
	return 0;
}

enum cl_dialect cl_guess_dialect(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len)
		return CL_CMD;
	char c = s[i];
	if (c == '$' || c == '[' || c == '&' || c == '#')
		return CL_PS;
	size_t j = i;
	while (j < len && s[j] != ' ' && s[j] != '\t' && s[j] != '(' && s[j] != ';')
		j++;
	if (cl_is_cmdlet_name(s + i, j - i))
		return CL_PS;
	static const char *const ps_marks[] = {
		"$null", "$true", "$false", "$env:", "$_", "-asplaintext", "| out-null",
		"-erroraction", "$lastexitcode", NULL,
	};
	for (size_t k = 0; ps_marks[k]; k++)
		if (span_find_ci(s, len, ps_marks[k]) >= 0)
			return CL_PS;
	size_t e = len;
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e > i && s[e - 1] == '`')
		return CL_PS;
	return CL_CMD;
}

/* ---- prompts ------------------------------------------------------------ */

size_t cl_prompt_len(const char *s, size_t len, enum cl_dialect *d)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t lim = len - i > 300 ? i + 300 : len;
	/* "[server01]: " remoting prefix */
	if (i < lim && s[i] == '[') {
		size_t j = i + 1;
		while (j < lim && s[j] != ']' && s[j] != '\n')
			j++;
		if (j + 1 < lim && s[j] == ']' && s[j + 1] == ':') {
			j += 2;
			while (j < lim && s[j] == ' ')
				j++;
			if (span_starts_ci(s + j, lim - j, "PS"))
				i = j;
		}
	}
	if (span_starts_ci(s + i, lim - i, "*Evil-WinRM*")) {
		i += 12;
		while (i < lim && s[i] == ' ')
			i++;
	}
	if (lim - i >= 3 && s[i] == 'P' && s[i + 1] == 'S' && (s[i + 2] == '>' || s[i + 2] == ' ')) {
		size_t j = i + 2;
		while (j < lim && s[j] != '>' && s[j] != '\n')
			j++;
		if (j < lim && s[j] == '>' && (j == i + 2 || s[j - 1] != ' ' || j == i + 3)) {
			j++;
			if (j < len && s[j] == '>')
				j++; /* nested prompt ">>" */
			if (j < len && s[j] == ' ')
				j++;
			if (d)
				*d = CL_PS;
			return j;
		}
		return 0;
	}
	/* cmd: "C:\path>" (a Japanese console shows the backslash as ¥) */
	if (lim - i >= 3 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) &&
	    s[i + 1] == ':' &&
	    (s[i + 2] == '\\' || ((unsigned char)s[i + 2] == 0xC2 && i + 3 < lim &&
				  (unsigned char)s[i + 3] == 0xA5))) {
		size_t j = i + 2;
		while (j < lim && s[j] != '>' && s[j] != '<' && s[j] != '|' && s[j] != '"' && s[j] != '\n')
			j++;
		if (j < lim && s[j] == '>' && s[j - 1] != ' ') {
			j++;
			if (d)
				*d = CL_CMD;
			return j;
		}
	}
	return 0;
}
