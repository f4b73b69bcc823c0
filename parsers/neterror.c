/* net-error: the error blocks net.exe prints, found by structure and number
 * (the words are localized), plus the scanner the net use parsers share. */
#include "neterror.h"

#include <json-c/json.h>
#include <string.h>

#include "rx.h"

/* How far the scanner looks around a header for its message or wrapper. */
#define MSG_LOOKAHEAD 3      /* lines after a header (blank lines included) */
#define NERR_LOOKBACK 3      /* lines above a NET HELPMSG footer */
#define WRAP_LOOKAHEAD 9     /* lines from "net : ..." to FullyQualifiedErrorId */
#define CMD_LOOKBACK 12      /* lines above a block for the command that caused it */
#define MAX_JOIN 6           /* continuation lines of a hard-wrapped message */
#define HARD_WRAP_COLS 79    /* a console line this wide was wrapped by the console */

/* Headers per language; group 1 = number, group 2 = message joined on the line. */
static struct rx re_hdr_en = RX("^System error (\\d{1,6}) has occurred\\.?\\s*(.*)$", RX_CASELESS);
static struct rx re_hdr_zh = RX("^发生系统错误\\s*(\\d{1,6})\\s*[。.]?\\s*(.*)$", 0);
static struct rx re_hdr_de = RX("^Systemfehler (\\d{1,6}) aufgetreten\\.?\\s*(.*)$", RX_CASELESS);
static struct rx re_hdr_ja = RX("^システム\\s*エラー\\s*(\\d{1,6})\\s*が発生しました[。｡.]?\\s*(.*)$", 0);
/* French: ASCII or typographic apostrophe; the è may arrive as U+FFFD or '?'. */
static struct rx re_hdr_fr = RX("^L\\s*['’`]\\s*erreur syst.me (\\d{1,6}) s\\s*['’`]\\s*est produite\\.?\\s*(.*)$",
				RX_CASELESS);
/* Any other language: a short line with one number, an error word and a
 * final full stop ("Systeemfout 53 is opgetreden.", "Системная ошибка 53."). */
static struct rx re_hdr_generic = RX(
	"^(?=.{3,100}$)(?=\\D*\\d+\\D*$)(?!.*[\\\\:/])"
	"(?=.*(?:\\b(?:error|erro|errore|erreur|err)\\b|fehler\\b|fout\\b|fejl\\b|feil\\b|fel\\b"
	"|b[łl][ąę]d|ошибк|错误|錯誤|エラー|hata|chyb|virhe\\b|hiba\\b|σφάλμα|오류))"
	"\\D*(\\d{1,6})\\D*[.。｡]$",
	RX_CASELESS);

static struct rx re_helpmsg = RX("NET\\s+HELPMSG\\s+(\\d{1,6})", RX_CASELESS);
static struct rx re_conflict = RX("^A command was used with conflicting switches\\.?$", RX_CASELESS);

static struct rx re_user_prompt = RX("^Enter the user name for '(.*)':\\s*(.*)$", RX_CASELESS);
static struct rx re_dav_prompt = RX("^Enter the password for '[^']*' to connect to '([^']*)':", RX_CASELESS);
static struct rx re_dav_prompt_de =
	RX("^Geben Sie das Kennwort für \"[^\"]*\" ein, um eine Verbindung mit \"([^\"]*)\" herzustellen:",
	   RX_CASELESS);
static struct rx re_pass_prompt = RX("^Enter the password for (.+?):(?:\\s.*)?$", RX_CASELESS);
static struct rx re_invalid =
	RX("^The (?:password|password or user name|user name or password) is invalid for (.+?)\\.?$",
	   RX_CASELESS);

/* Windows PowerShell 5.1 wrapping of a native command's stderr line. */
static struct rx re_ps_wrap = RX("^([A-Za-z0-9_.\\-]{1,64}) : (.+)$", 0);
static struct rx re_ps_fqeid = RX("^\\+?\\s*FullyQualifiedErrorId\\s*:\\s*NativeCommandError", RX_CASELESS);
static struct rx re_net_name = RX("^net(?:\\.exe|1|1\\.exe)?$", RX_CASELESS);

static struct rx re_prompt_cmd = RX(
	"^\\s*(?:(?:\\*Evil-WinRM\\*\\s+)?PS\\s[^>]{0,260}>\\s*|[A-Za-z]:(?:\\\\|¥)[^>]{0,260}>\\s*|(?:[>$#%»›❯]|‣)\\s*)?"
	"(net(?:\\.exe|1)?\\s+(?:use|view|share|helpmsg|session|user|localgroup|group|start|stop|config"
	"|time|statistics|accounts|computer|file|print|help|continue|pause)\\b.*)$",
	RX_CASELESS);

const char *neterr_form_name(enum neterr_form f)
{
	switch (f) {
	case NETERR_SYSTEM: return "system";
	case NETERR_NERR: return "nerr";
	case NETERR_CONFLICT: return "conflicting-switches";
	case NETERR_OTHER: return "other";
	}
	return "other";
}

static void line_trim(const struct line *l, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->len;
	span_trim(s, n);
}

static int parse_code(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n && i < 7; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return n && n <= 6 ? (int)v : -1;
}

int neterr_header_code(const char *s, size_t len, size_t *rest)
{
	struct rx *langs[] = { &re_hdr_en, &re_hdr_zh, &re_hdr_de, &re_hdr_ja, &re_hdr_fr };
	size_t ov[6];
	span_trim(&s, &len);
	*rest = len;
	if (len == 0 || len > 4096)
		return -1;
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		if (rx_match(langs[i], s, len, ov, 3) > 0) {
			const char *g;
			size_t gl;
			rx_group(s, ov, 1, &g, &gl);
			int code = parse_code(g, gl);
			if (code < 0)
				continue;
			if (rx_group(s, ov, 2, &g, &gl) && gl)
				*rest = (size_t)(g - s);
			return code;
		}
	}
	if (rx_match(&re_hdr_generic, s, len, ov, 2) > 0) {
		const char *g;
		size_t gl;
		rx_group(s, ov, 1, &g, &gl);
		return parse_code(g, gl);
	}
	return -1;
}

static int helpmsg_footer_code(const char *s, size_t n);

long net_prompt_command(const char *s, size_t len)
{
	size_t ov[4];
	if (len > 4096)
		return -1;
	/* "NET HELPMSG 2250 と入力すると…" starts like a command but is a footer */
	if (rx_match(&re_prompt_cmd, s, len, ov, 2) > 0 && helpmsg_footer_code(s, len) < 0)
		return (long)ov[2];
	return -1;
}

/* "More help is available by typing NET HELPMSG N." in any language: the
 * number, and enough words around it that it is not someone typing the command. */
static int helpmsg_footer_code(const char *s, size_t n)
{
	size_t ov[4];
	if (n > 4096 || rx_match(&re_helpmsg, s, n, ov, 2) <= 0)
		return -1;
	size_t pre = ov[0];
	while (pre && (s[pre - 1] == ' ' || s[pre - 1] == '\t'))
		pre--;
	if (pre && s[pre - 1] == '>')
		return -1;
	size_t letters = 0;
	for (size_t i = 0; i < n; i++) {
		if (i >= ov[0] && i < ov[1])
			continue;
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0)
			letters++;
	}
	if (letters < 3)
		return -1;
	return parse_code(s + ov[2], ov[3] - ov[2]);
}

static int is_dashes(const char *s, size_t n)
{
	if (n < 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '-' && s[i] != '=')
			return 0;
	return 1;
}

static int prompt_kind(const char *s, size_t n)
{
	size_t ov[2];
	if (n > 4096)
		return -1;
	if (rx_match(&re_user_prompt, s, n, ov, 1) > 0)
		return NETPROMPT_USER;
	if (rx_match(&re_dav_prompt, s, n, ov, 1) > 0 || rx_match(&re_dav_prompt_de, s, n, ov, 1) > 0 ||
	    rx_match(&re_pass_prompt, s, n, ov, 1) > 0)
		return NETPROMPT_PASSWORD;
	if (rx_match(&re_invalid, s, n, ov, 1) > 0)
		return NETPROMPT_INVALID;
	return -1;
}

/* A line that starts something else, so it cannot be a message. */
static int is_structural(const char *s, size_t n)
{
	size_t rest;
	if (n == 0)
		return 1;
	if (s[0] == '+' || s[0] == '~')
		return 1;
	if (neterr_header_code(s, n, &rest) >= 0 || helpmsg_footer_code(s, n) >= 0)
		return 1;
	if (prompt_kind(s, n) >= 0 || is_dashes(s, n) || net_prompt_command(s, n) >= 0)
		return 1;
	return 0;
}

/* The message of a header: the first non-blank line from `from`, within a
 * few lines, that is not itself structure. Returns its index or -1. */
static long find_message(const struct lines *t, size_t from, const uint8_t *used)
{
	for (size_t k = from; k < t->n && k < from + MSG_LOOKAHEAD; k++) {
		const char *s;
		size_t n;
		line_trim(&t->v[k], &s, &n);
		if (n == 0)
			continue;
		if (used[k] || is_structural(s, n))
			return -1;
		return (long)k;
	}
	return -1;
}

/* Copy the message at line k, joining lines the console hard-wrapped at 80
 * columns (a line that fills the width continues on the next one). */
static const char *take_message(struct arena *a, const struct lines *t, size_t k, uint8_t *used)
{
	const char *s;
	size_t n;
	line_trim(&t->v[k], &s, &n);
	used[k] = 1;
	char *msg = arena_strndup(a, s, n);
	size_t joined = 0;
	while (msg && joined < MAX_JOIN && u8_width(t->v[k].s, t->v[k].len) >= HARD_WRAP_COLS &&
	       k + 1 < t->n && !used[k + 1]) {
		const char *s2;
		size_t n2;
		line_trim(&t->v[k + 1], &s2, &n2);
		if (n2 == 0 || is_structural(s2, n2))
			break;
		k++;
		used[k] = 1;
		msg = arena_printf(a, "%s%.*s", msg, (int)n2, s2);
		joined++;
	}
	return msg;
}

/* The net command echoed above line `first` (same text), if any. */
static const char *find_command(struct arena *a, const struct lines *t, size_t first, const uint8_t *used)
{
	for (size_t back = 1; back <= CMD_LOOKBACK && back <= first; back++) {
		size_t k = first - back;
		const struct line *l = &t->v[k];
		if (used[k] == 2)
			return NULL; /* an earlier error block: its command is not ours */
		long off = net_prompt_command(l->s, l->len);
		if (off >= 0)
			return span_dup_trim(a, l->s + off, l->len - (size_t)off);
	}
	return NULL;
}

static struct neterr *push_error(struct arena *a, struct neterr_scan *out)
{
	struct neterr *e = VEC_PUSH(a, &out->errors);
	if (e)
		memset(e, 0, sizeof *e);
	return e;
}

/* Attach "NET HELPMSG N" at or after line k to error e when it follows the message. */
static void attach_helpmsg(const struct lines *t, size_t k, uint8_t *used, struct neterr *e)
{
	for (size_t j = k; j < t->n && j < k + MSG_LOOKAHEAD; j++) {
		const char *s;
		size_t n;
		line_trim(&t->v[j], &s, &n);
		if (n == 0)
			continue;
		if (used[j])
			return;
		int c = helpmsg_footer_code(s, n);
		if (c >= 0 && (c == e->code || e->code == 0)) {
			if (!e->code)
				e->code = c;
			e->helpmsg_line = t->v[j].no;
			used[j] = 1;
		}
		return;
	}
}

/* "net : <first stderr line>" followed by position and '+' lines up to
 * "+ FullyQualifiedErrorId : NativeCommandError". Returns the index of the
 * FQEID line, or -1 when line i is not such a wrapper. */
static long ps_wrapper_end(const struct lines *t, size_t i, const uint8_t *used)
{
	int nonplus = 0;
	for (size_t k = i + 1; k < t->n && k <= i + WRAP_LOOKAHEAD; k++) {
		const char *s;
		size_t n;
		line_trim(&t->v[k], &s, &n);
		if (used[k])
			return -1;
		if (n == 0)
			continue;
		size_t ov[2];
		if (n < 512 && rx_match(&re_ps_fqeid, s, n, ov, 1) > 0)
			return (long)k;
		if (s[0] == '+' || s[0] == '~')
			continue;
		/* one position line ("At line:1 char:1", "所在位置 行:1 字符: 1") */
		if (++nonplus > 1)
			return -1;
	}
	return -1;
}

static void mark(uint8_t *used, size_t from, size_t to)
{
	for (size_t k = from; k <= to; k++)
		used[k] = 1;
}

/* Header at line i (text [s,n), possibly unwrapped from a PS record);
 * the message is searched from line `next`. */
static int take_system_error(struct arena *a, const struct lines *t, size_t i, size_t next,
			     const char *s, size_t n, int code, size_t rest, uint8_t *used,
			     struct neterr_scan *out, int wrapped)
{
	struct neterr *e = push_error(a, out);
	if (!e)
		return -1;
	e->code = code;
	e->form = NETERR_SYSTEM;
	e->line = t->v[i].no;
	e->ps_wrapped = wrapped;
	e->command = find_command(a, t, i, used);
	if (rest < n) {
		e->header = span_dup_trim(a, s, rest);
		e->message = span_dup_trim(a, s + rest, n - rest);
		e->message_line = t->v[i].no;
	} else {
		e->header = span_dup_trim(a, s, n);
		long m = find_message(t, next, used);
		if (m >= 0) {
			e->message = take_message(a, t, (size_t)m, used);
			e->message_line = t->v[m].no;
			next = (size_t)m + 1;
		}
	}
	attach_helpmsg(t, next, used, e);
	return 0;
}

/* A message line that is not a header: NERR (footer below it) or 3510. */
static int take_plain_error(struct arena *a, const struct lines *t, size_t i, size_t next,
			    const char *s, size_t n, uint8_t *used, struct neterr_scan *out,
			    int wrapped)
{
	size_t ov[2];
	int conflict = rx_match(&re_conflict, s, n, ov, 1) > 0;
	struct neterr *e = push_error(a, out);
	if (!e)
		return -1;
	e->code = conflict ? NETERR_CONFLICTING_SWITCHES : 0;
	e->form = conflict ? NETERR_CONFLICT : NETERR_OTHER;
	e->line = e->message_line = t->v[i].no;
	e->message = span_dup_trim(a, s, n);
	e->ps_wrapped = wrapped;
	e->command = find_command(a, t, i, used);
	attach_helpmsg(t, next, used, e);
	if (!conflict && e->helpmsg_line)
		e->form = NETERR_NERR;
	return 0;
}

static int take_prompt(struct arena *a, const struct lines *t, size_t i, const char *s, size_t n,
		       int kind, struct neterr_scan *out)
{
	size_t ov[6];
	struct netprompt *p = VEC_PUSH(a, &out->prompts);
	if (!p)
		return -1;
	memset(p, 0, sizeof *p);
	p->kind = (enum netprompt_kind)kind;
	p->line = t->v[i].no;
	const char *g;
	size_t gl;
	if (kind == NETPROMPT_USER && rx_match(&re_user_prompt, s, n, ov, 3) > 0) {
		if (rx_group(s, ov, 1, &g, &gl))
			p->target = arena_strndup(a, g, gl);
		if (rx_group(s, ov, 2, &g, &gl) && gl)
			p->answer = span_dup_trim(a, g, gl);
	} else if (kind == NETPROMPT_PASSWORD) {
		if (rx_match(&re_dav_prompt, s, n, ov, 2) > 0 || rx_match(&re_dav_prompt_de, s, n, ov, 2) > 0 ||
		    rx_match(&re_pass_prompt, s, n, ov, 2) > 0) {
			if (rx_group(s, ov, 1, &g, &gl))
				p->target = span_dup_trim(a, g, gl);
		}
	} else if (kind == NETPROMPT_INVALID && rx_match(&re_invalid, s, n, ov, 2) > 0) {
		if (rx_group(s, ov, 1, &g, &gl))
			p->target = span_dup_trim(a, g, gl);
	}
	return 0;
}

int neterr_scan(const struct lines *t, struct arena *a, struct neterr_scan *out, uint8_t *used)
{
	memset(out, 0, sizeof *out);
	if (!t || t->n == 0)
		return 0;
	if (!used) {
		used = arena_alloc(a, t->n);
		if (!used)
			return -1;
	}
	/* Pass 1: headers, PS wrappers, prompts, conflicting switches.
	 * Pass 2: NERR messages, found from their HELPMSG footer upwards. */
	for (size_t i = 0; i < t->n; i++) {
		if (used[i])
			continue;
		const char *s;
		size_t n;
		line_trim(&t->v[i], &s, &n);
		if (n == 0 || n > 4096)
			continue;
		size_t rest, ov[6];
		size_t before = out->errors.n;
		int rc = 0;
		int code = neterr_header_code(s, n, &rest);
		if (code >= 0) {
			used[i] = 1;
			rc = take_system_error(a, t, i, i + 1, s, n, code, rest, used, out, 0);
		} else if (rx_match(&re_ps_wrap, s, n, ov, 3) > 0) {
			long end = ps_wrapper_end(t, i, used);
			const char *name = s + ov[2], *inner = s + ov[4];
			size_t name_len = ov[3] - ov[2], inner_len = ov[5] - ov[4];
			int is_net = rx_match(&re_net_name, name, name_len, NULL, 0) > 0;
			code = neterr_header_code(inner, inner_len, &rest);
			if (end < 0) {
				/* record cut off (a paste): "net : System error N ..." still counts */
				if (!is_net || code < 0)
					continue;
				end = (long)i;
			}
			if (code < 0 && !is_net)
				continue; /* another program's error: not ours */
			mark(used, i, (size_t)end);
			if (code >= 0)
				rc = take_system_error(a, t, i, (size_t)end + 1, inner, inner_len, code, rest,
						       used, out, 1);
			else
				rc = take_plain_error(a, t, i, (size_t)end + 1, inner, inner_len, used, out, 1);
		} else if (rx_match(&re_conflict, s, n, ov, 1) > 0) {
			used[i] = 1;
			rc = take_plain_error(a, t, i, i + 1, s, n, used, out, 0);
		} else {
			int kind = prompt_kind(s, n);
			if (kind >= 0) {
				used[i] = 1;
				rc = take_prompt(a, t, i, s, n, kind, out);
			}
		}
		if (rc < 0)
			return -1;
		/* 2 marks the first line of an error block: the command of a later
		 * error is not looked up across it (prompts do not stop the search) */
		if (out->errors.n > before)
			used[i] = 2;
	}
	for (size_t i = 0; i < t->n; i++) {
		if (used[i])
			continue;
		const char *s;
		size_t n;
		line_trim(&t->v[i], &s, &n);
		if (n == 0 || n > 4096)
			continue;
		int code = helpmsg_footer_code(s, n);
		if (code < 0)
			continue;
		used[i] = 1;
		struct neterr *e = push_error(a, out);
		if (!e)
			return -1;
		e->code = code;
		e->form = NETERR_NERR;
		e->line = t->v[i].no;
		e->helpmsg_line = t->v[i].no;
		for (size_t back = 1; back <= NERR_LOOKBACK && back <= i; back++) {
			size_t k = i - back;
			const char *ms;
			size_t mn;
			line_trim(&t->v[k], &ms, &mn);
			if (mn == 0)
				continue;
			if (!used[k] && !is_structural(ms, mn)) {
				used[k] = 1;
				e->message = arena_strndup(a, ms, mn);
				e->line = e->message_line = t->v[k].no;
				e->command = find_command(a, t, k, used);
				used[k] = 2;
			}
			break;
		}
	}
	/* Errors in the order they appear. */
	for (size_t i = 1; i < out->errors.n; i++) {
		struct neterr x = out->errors.v[i];
		size_t j = i;
		while (j > 0 && out->errors.v[j - 1].line > x.line) {
			out->errors.v[j] = out->errors.v[j - 1];
			j--;
		}
		out->errors.v[j] = x;
	}
	for (size_t i = 0; i < t->n; i++)
		if (used[i] && !line_is_blank(&t->v[i]))
			out->used_lines++;
	return arena_exhausted(a) ? -1 : 0;
}

/* ---- the net-error kind ------------------------------------------------- */

/* Bid: cheap counts, no allocation. A text that is mainly error blocks. */
static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	size_t nonblank = 0, err_lines = 0, blocks = 0;
	size_t limit = t->n < 4000 ? t->n : 4000;
	for (size_t i = 0; i < limit; i++) {
		const char *s;
		size_t n, rest, ov[2], wov[6];
		line_trim(&t->v[i], &s, &n);
		if (n == 0)
			continue;
		nonblank++;
		if (n > 4096)
			continue;
		if (neterr_header_code(s, n, &rest) >= 0) {
			blocks++;
			err_lines += rest < n ? 1 : 2; /* header + message */
		} else if (helpmsg_footer_code(s, n) >= 0) {
			blocks++;
			err_lines += 2;
		} else if (rx_match(&re_conflict, s, n, ov, 1) > 0) {
			blocks++;
			err_lines++;
		} else if (prompt_kind(s, n) >= 0 || net_prompt_command(s, n) >= 0 ||
			   s[0] == '+' || s[0] == '~') {
			err_lines++; /* prompts, command echoes, PS record lines */
		} else if (rx_match(&re_ps_fqeid, s, n, ov, 1) > 0) {
			err_lines++;
		} else if (rx_match(&re_ps_wrap, s, n, wov, 3) > 0) {
			/* "net : System error 85 has occurred." and other lines of net */
			int hdr = neterr_header_code(s + wov[4], wov[5] - wov[4], &rest) >= 0;
			if (hdr || rx_match(&re_net_name, s + wov[2], wov[3] - wov[2], NULL, 0) > 0) {
				blocks++;
				err_lines += 2;
			}
		}
	}
	if (!blocks)
		return BID_NONE;
	if (err_lines * 2 >= nonblank)
		return BID_STRONG;
	return 40; /* errors inside other text: less than any structural match */
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct neterr_scan *r = arena_alloc(ctx->arena, sizeof *r);
	*out = NULL;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	if (neterr_scan(t, ctx->arena, r, NULL) != 0) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	if (!r->errors.n && !r->prompts.n) {
		ctx->reason = "no net error block found";
		return PARSE_FAILED;
	}
	*out = r;
	/* Left over: lines that are neither in a block nor a command echo, nor
	 * the text `net helpmsg N` printed (a message, but nothing failed). */
	size_t nonblank = 0;
	int helpmsg_output = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l))
			continue;
		long off = net_prompt_command(l->s, l->len);
		if (off >= 0) {
			helpmsg_output = span_find_ci(l->s + off, l->len - (size_t)off, "helpmsg") >= 0;
			continue;
		}
		if (helpmsg_output) {
			helpmsg_output = 0;
			continue;
		}
		nonblank++;
	}
	if (r->used_lines < nonblank) {
		ctx->reason = arena_printf(ctx->arena, "%zu line(s) are not part of an error block",
					   nonblank - r->used_lines);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

void neterr_scan_to_json(struct json_object *obj, const struct neterr_scan *s)
{
	static const char *const kinds[] = { "user", "password", "invalid" };
	struct json_object *errs = json_object_new_array();
	for (size_t i = 0; i < s->errors.n; i++) {
		const struct neterr *e = &s->errors.v[i];
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "code", json_object_new_int(e->code));
		put_str(o, "form", neterr_form_name(e->form));
		put_str(o, "header", e->header);
		put_str(o, "message", e->message);
		put_str(o, "command", e->command);
		json_object_object_add(o, "line", json_object_new_int64(e->line));
		if (e->message_line)
			json_object_object_add(o, "message_line", json_object_new_int64(e->message_line));
		if (e->helpmsg_line)
			json_object_object_add(o, "helpmsg_line", json_object_new_int64(e->helpmsg_line));
		json_object_object_add(o, "ps_wrapped", json_object_new_boolean(e->ps_wrapped));
		json_object_array_add(errs, o);
	}
	json_object_object_add(obj, "errors", errs);
	struct json_object *prs = json_object_new_array();
	for (size_t i = 0; i < s->prompts.n; i++) {
		const struct netprompt *p = &s->prompts.v[i];
		struct json_object *o = json_object_new_object();
		put_str(o, "kind", (unsigned)p->kind < 3 ? kinds[p->kind] : "other");
		put_str(o, "target", p->target);
		put_str(o, "answer", p->answer);
		json_object_object_add(o, "line", json_object_new_int64(p->line));
		json_object_array_add(prs, o);
	}
	json_object_object_add(obj, "prompts", prs);
}

static struct json_object *to_json(const void *result)
{
	struct json_object *o = json_object_new_object();
	if (result)
		neterr_scan_to_json(o, result);
	return o;
}

const struct parser neterror_parser = { "net-error", bid, parse, to_json };
