/* kind `script`: .bat/.cmd/.ps1 text. The bid looks for text made of
 * commands and nothing else (a console transcript has prompts and output
 * and is split by the segmenter instead); the parse reads each statement
 * (continuation lines joined) through the command-line engine and keeps the
 * commands of interest with their line numbers, and the variables set from
 * literals so that credentials can be traced to their user. */
#include "script.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"
#include "text.h"

#define BID_LINES 400
#define MAX_JOIN 64
#define MAX_EXPAND 4096

const char *script_dialect_name(enum cl_dialect d)
{
	return d == CL_PS ? "powershell" : d == CL_CMD ? "cmd" : "unknown";
}

/* ---- what a line looks like ---------------------------------------------- */

enum lclass { LC_BLANK, LC_COMMENT, LC_CMD, LC_PS, LC_BOTH, LC_PROMPT, LC_OTHER };

struct lflags {
	int strong;     /* @echo off, param(, #Requires, a command of interest */
	int ps, cmd;    /* dialect evidence */
	int block_open; /* <# without #> */
};

/* Commands that are the same word in cmd and PowerShell (external programs). */
static const char *const both_words[] = {
	"net", "net1", "cmdkey", "reg", "whoami", "ipconfig", "systeminfo", "klist", "gpresult",
	"gpupdate", "ping", "nslookup", "sc", "schtasks", "runas", "taskkill", "tasklist",
	"wmic", "netsh", "robocopy", "xcopy", "icacls", "cscript", "wscript", "msiexec", "hostname",
	"powershell", "pwsh", "cmd", "cd", "chdir", "dir", "copy", "move", "del", "mkdir", "md",
	"rd", "rmdir", "cls", "echo", "type", "exit", "start", "timeout", "findstr", "find", "subst",
	"pushd", "popd", "attrib", "chcp", "certutil", "nltest", "route", "tracert", "mountvol",
	"label", "ver", "vol", NULL,
};
static const char *const cmd_words[] = {
	"set", "setlocal", "endlocal", "if", "for", "goto", "call", "pause", "shift", "title",
	"color", "choice", "erase", "ren", "rename", "mode", "prompt", "verify", "(", ")", NULL,
};
static const char *const ps_words[] = {
	"if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "function",
	"filter", "try", "catch", "finally", "return", "throw", "break", "continue", "param",
	"begin", "process", "end", "trap", "exit", "}", "{", ")", "class", "using", NULL,
};

static int in_list(const char *const *l, const char *w)
{
	for (size_t i = 0; l[i]; i++)
		if (strcmp(l[i], w) == 0)
			return 1;
	return 0;
}

static int of_interest(const char *s, size_t n)
{
	static const char *const kw[] = { "net use", "net1 use", "net.exe use", "cmdkey ",
					  "smbglobalmapping", "new-smbmapping", "new-psdrive",
					  "get-credential", "convertto-securestring", NULL };
	for (size_t k = 0; kw[k]; k++)
		if (span_find_ci(s, n, kw[k]) >= 0)
			return 1;
	return 0;
}

static enum lclass classify(const char *s, size_t n, struct lflags *f)
{
	span_trim(&s, &n);
	if (n == 0)
		return LC_BLANK;
	if (span_starts_ci(s, n, "@echo off") || span_starts_ci(s, n, "echo off")) {
		f->strong = f->cmd = 1;
		return LC_CMD;
	}
	size_t rk = s[0] == '@' ? 4 : 3;
	if ((span_starts_ci(s + (rk - 3), n - (rk - 3), "rem") &&
	     (n == rk || (n > rk && (s[rk] == ' ' || s[rk] == '\t')))) ||
	    span_starts_ci(s, n, "::")) {
		f->cmd = 1;
		return LC_COMMENT;
	}
	if (span_starts_ci(s, n, "#requires")) {
		f->strong = f->ps = 1;
		return LC_COMMENT;
	}
	if (span_starts_ci(s, n, "<#")) {
		f->ps = 1;
		f->block_open = span_find_ci(s, n, "#>") < 0;
		return LC_COMMENT;
	}
	if (s[0] == '#') {
		f->ps = 1;
		return LC_COMMENT;
	}
	if (span_starts_ci(s, n, "param(") || span_starts_ci(s, n, "param (")) {
		f->strong = f->ps = 1;
		return LC_PS;
	}
	enum cl_dialect pd;
	if (cl_prompt_len(s, n, &pd))
		return LC_PROMPT;
	if (of_interest(s, n))
		f->strong = 1;
	if (s[0] == ':' && n > 1 && ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z'))) {
		f->cmd = 1;
		return LC_CMD; /* :label */
	}
	if (s[0] == '$' || (s[0] == '[' && n > 1 && ((s[1] >= 'a' && s[1] <= 'z') ||
						     (s[1] >= 'A' && s[1] <= 'Z')))) {
		f->ps = 1;
		return LC_PS;
	}
	if (s[0] == '&' || (s[0] == '.' && n > 1 && (s[1] == ' ' || s[1] == '\\'))) {
		f->ps = 1;
		return LC_PS;
	}
	/* first word */
	size_t i = 0;
	while (i < n && s[i] == '@')
		i++;
	size_t j = i;
	while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '(' && s[j] != '{' && j - i < 60)
		j++;
	if (j == i && i < n)
		j = i + 1; /* "(" or "{" alone */
	if (cl_is_cmdlet_name(s + i, j - i)) {
		f->ps = 1;
		return LC_PS;
	}
	char w[64];
	size_t k = 0;
	for (size_t x = i; x < j && k + 1 < sizeof w; x++) {
		char c = s[x];
		w[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	w[k] = 0;
	if (k > 4 && strcmp(w + k - 4, ".exe") == 0)
		w[k - 4] = 0;
	const char *bs = strrchr(w, '\\');
	const char *word = bs ? bs + 1 : w;
	int c1 = in_list(cmd_words, word), p1 = in_list(ps_words, word);
	if (c1 && !p1) {
		f->cmd = 1;
		return LC_CMD;
	}
	if (p1 && !c1) {
		f->ps = 1;
		return LC_PS;
	}
	if (c1 || p1 || in_list(both_words, word))
		return LC_BOTH;
	return LC_OTHER;
}

static int has_script_name(const char *name)
{
	if (!name)
		return 0;
	size_t n = strlen(name);
	static const char *const ext[] = { ".bat", ".cmd", ".ps1", ".psm1", NULL };
	for (size_t k = 0; ext[k]; k++) {
		size_t el = strlen(ext[k]);
		if (n > el && str_eq_ci(name + n - el, ext[k]))
			return 1;
	}
	return 0;
}

static int line_continues(const struct line *l)
{
	return l->len > 0 && (l->s[l->len - 1] == '^' || l->s[l->len - 1] == '`');
}

struct survey {
	int cmdlike, other, prompt, comment;
	struct lflags f;
	int ps_lines, cmd_lines;
};

static void survey_lines(const struct lines *t, size_t max, struct survey *sv)
{
	memset(sv, 0, sizeof *sv);
	int in_block = 0, cont = 0;
	enum lclass prev = LC_BLANK;
	for (size_t i = 0; i < t->n && i < max; i++) {
		const struct line *l = &t->v[i];
		if (in_block) {
			if (span_find_ci(l->s, l->len, "#>") >= 0)
				in_block = 0;
			sv->comment++;
			continue;
		}
		enum lclass c;
		struct lflags f = { 0 };
		if (cont) {
			c = prev; /* a continuation line belongs to the statement above */
		} else {
			c = classify(l->s, l->len, &f);
		}
		cont = line_continues(l) && c != LC_COMMENT;
		sv->f.strong |= f.strong;
		sv->ps_lines += f.ps;
		sv->cmd_lines += f.cmd;
		if (f.block_open)
			in_block = 1;
		switch (c) {
		case LC_BLANK: break;
		case LC_COMMENT: sv->comment++; break;
		case LC_PROMPT: sv->prompt++; break;
		case LC_OTHER: sv->other++; break;
		default: sv->cmdlike++; break;
		}
		if (c != LC_BLANK)
			prev = c;
	}
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	struct survey sv;
	survey_lines(t, BID_LINES, &sv);
	/* prompts mean a console transcript: the segmenter splits those */
	if (sv.prompt > 0 || sv.cmdlike == 0)
		return BID_NONE;
	if (sv.cmdlike * 100 < (sv.cmdlike + sv.other) * 75)
		return BID_NONE;
	/* one bare command that maps nothing is a pasted command line, not a script */
	if (sv.cmdlike == 1 && sv.comment == 0 && !sv.f.strong)
		return BID_NONE;
	int named = has_script_name(ctx ? ctx->name : NULL);
	/* nothing but commands, one of them of interest: no command output
	 * looks like this, while output parsers may see their command's name
	 * in a script line (`reg query …`) and bid on it */
	if (sv.cmdlike >= 3 && sv.other == 0 && sv.f.strong)
		return BID_STRONG + 5 + named;
	int b = sv.cmdlike >= 2 || sv.comment > 0 ? 45 : 30;
	if (sv.f.strong)
		b += 20;
	if (named)
		b += 5;
	return b; /* at most 70: below any output parser's strong bid */
}

/* ---- variables ------------------------------------------------------------ */

static struct script_var *var_find(struct script_result *r, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = r->vars.n; i-- > 0;)
		if (str_eq_ci(r->vars.v[i].name, name))
			return &r->vars.v[i];
	return NULL;
}

static const char *var_literal(struct script_result *r, const char *name)
{
	struct script_var *v = var_find(r, name);
	return v && v->kind == SVAR_LITERAL ? v->value : NULL;
}

static int ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Replace %NAME% and $Name references to literal variables; unknown ones
 * stay as written. */
static const char *expand(struct arena *a, struct script_result *r, const char *s)
{
	if (!s || (!strchr(s, '%') && !strchr(s, '$')))
		return s;
	char out[MAX_EXPAND];
	size_t w = 0, n = strlen(s);
	int changed = 0;
	for (size_t i = 0; i < n && w + 1 < sizeof out;) {
		const char *val = NULL;
		size_t skip = 0;
		if (s[i] == '%') {
			const char *e = strchr(s + i + 1, '%');
			if (e && e > s + i + 1 && e - (s + i) < 64) {
				char name[64];
				size_t nl = (size_t)(e - (s + i + 1));
				memcpy(name, s + i + 1, nl);
				name[nl] = 0;
				val = var_literal(r, name);
				skip = nl + 2;
			}
		} else if (s[i] == '$') {
			size_t j = i + 1;
			int braced = j < n && s[j] == '{';
			if (braced)
				j++;
			size_t ns = j;
			while (j < n && ident_char(s[j]) && j - ns < 62)
				j++;
			if (j > ns) {
				char name[64];
				memcpy(name, s + ns, j - ns);
				name[j - ns] = 0;
				val = var_literal(r, name);
				skip = j - i + (braced && j < n && s[j] == '}' ? 1 : 0);
			}
		}
		if (val) {
			size_t vl = strlen(val);
			if (w + vl + 1 >= sizeof out)
				break;
			memcpy(out + w, val, vl);
			w += vl;
			i += skip;
			changed = 1;
		} else {
			out[w++] = s[i++];
		}
	}
	if (!changed)
		return s;
	out[w] = 0;
	const char *c = arena_strdup(a, out);
	return c ? c : s;
}

/* User name behind a -Credential value: a variable, or (Get-Credential x). */
static void trace_credential(struct arena *a, struct script_result *r, struct script_command *sc)
{
	const char *cv = sc->cmd.credential;
	if (!cv)
		return;
	if (cv[0] == '$') {
		const char *name = cv + 1;
		char buf[64];
		size_t nl = strlen(name);
		if (nl >= 2 && name[0] == '{' && name[nl - 1] == '}' && nl - 2 < sizeof buf) {
			memcpy(buf, name + 1, nl - 2);
			buf[nl - 2] = 0;
			name = buf;
		}
		struct script_var *v = var_find(r, name);
		if (v && v->kind != SVAR_LITERAL) {
			sc->cred_user = v->user;
			sc->cred_password = v->password;
		} else if (v) {
			sc->cred_user = v->value; /* a string: PowerShell prompts for that user */
		}
		return;
	}
	if (cv[0] == '(') {
		cl_command_vec in = { 0 };
		if (cmdline_parse(a, cv, strlen(cv), CL_PS, &in) != 0)
			return;
		for (size_t i = 0; i < in.n; i++) {
			const struct cl_command *c = &in.v[i];
			if (c->kind == CL_GET_CREDENTIAL || c->kind == CL_NEW_PSCREDENTIAL) {
				sc->cred_user = c->user ? c->user : var_literal(r, c->user_var);
				sc->cred_password = c->password_given;
			}
		}
	}
}

static void note_assignment(struct arena *a, struct script_result *r, const struct cl_command *c,
			    uint32_t line)
{
	if (!c->assign_to)
		return;
	struct script_var *v = NULL;
	switch (c->kind) {
	case CL_ASSIGN:
		v = VEC_PUSH(a, &r->vars);
		if (!v)
			return;
		v->kind = SVAR_LITERAL;
		v->value = c->value;
		break;
	case CL_SECURESTRING:
		v = VEC_PUSH(a, &r->vars);
		if (!v)
			return;
		v->kind = SVAR_SECURESTRING;
		v->password = c->password_given && c->plain_text;
		break;
	case CL_GET_CREDENTIAL:
		v = VEC_PUSH(a, &r->vars);
		if (!v)
			return;
		v->kind = SVAR_PROMPT;
		v->user = c->user ? c->user : var_literal(r, c->user_var);
		break;
	case CL_NEW_PSCREDENTIAL: {
		v = VEC_PUSH(a, &r->vars);
		if (!v)
			return;
		v->kind = SVAR_CREDENTIAL;
		v->user = c->user ? c->user : var_literal(r, c->user_var);
		if (c->password_given) {
			v->password = 1;
		} else if (c->password_var) {
			struct script_var *p = var_find(r, c->password_var);
			v->password = p && ((p->kind == SVAR_SECURESTRING && p->password) ||
					    (p->kind == SVAR_LITERAL && p->value && p->value[0]));
		}
		break;
	}
	default:
		return;
	}
	v->name = c->assign_to;
	v->line = line;
}

/* ---- parse ----------------------------------------------------------------- */

static int is_interesting(enum cl_kind k)
{
	return k != CL_NONE && k != CL_ASSIGN;
}

static void take_statement(struct arena *a, struct script_result *r, const char *text, size_t len,
			   uint32_t first, uint32_t last)
{
	cl_command_vec cmds = { 0 };
	if (cmdline_parse(a, text, len, r->dialect, &cmds) != 0)
		return;
	r->statements++;
	for (size_t i = 0; i < cmds.n; i++) {
		const struct cl_command *c = &cmds.v[i];
		note_assignment(a, r, c, first);
		if (!is_interesting(c->kind))
			continue;
		struct script_command *sc = VEC_PUSH(a, &r->commands);
		if (!sc)
			return;
		sc->cmd = *c;
		sc->line = first;
		sc->last_line = last;
		sc->cmd.drive = expand(a, r, c->drive);
		sc->cmd.remote = expand(a, r, c->remote);
		sc->cmd.user = expand(a, r, c->user);
		sc->cmd.target = expand(a, r, c->target);
		if (sc->cmd.drive && sc->cmd.drive != c->drive) {
			/* "%DRIVE%" expanded to "L", "l:" or "L:\" */
			const char *d = sc->cmd.drive;
			size_t dn = strlen(d);
			char c0 = d[0];
			int ok = ((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')) &&
				 (dn == 1 || (d[1] == ':' && (dn == 2 || (dn == 3 && d[2] == '\\'))));
			char nd[3] = { (char)(c0 & ~0x20), ':', 0 };
			sc->cmd.drive = ok ? arena_strdup(a, nd) : c->drive;
		}
		trace_credential(a, r, sc);
		if (!sc->cmd.user && sc->cmd.user_var)
			sc->cmd.user = var_literal(r, sc->cmd.user_var);
	}
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct arena *a = ctx->arena;
	struct script_result *r = arena_alloc(a, sizeof *r);
	*out = NULL;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct survey sv;
	survey_lines(t, t->n, &sv);
	r->dialect = sv.ps_lines > sv.cmd_lines ? CL_PS : sv.cmd_lines > sv.ps_lines ? CL_CMD : CL_AUTO;
	char *buf = NULL;
	size_t cap = 0;
	int in_block = 0, in_here = 0;
	for (size_t i = 0; i < t->n;) {
		const struct line *l = &t->v[i];
		for (const char *p = l->s; (p = memmem(p, (size_t)(l->s + l->len - p), REDACT_MARK,
						       sizeof REDACT_MARK - 1)) != NULL;
		     p += sizeof REDACT_MARK - 1)
			r->redacted++;
		const char *s = l->s;
		size_t n = l->len;
		span_trim(&s, &n);
		if (in_block) {
			if (span_find_ci(s, n, "#>") >= 0)
				in_block = 0;
			i++;
			continue;
		}
		if (in_here) {
			if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[1] == '@')
				in_here = 0;
			i++;
			continue;
		}
		struct lflags f = { 0 };
		enum lclass c = classify(s, n, &f);
		if (c == LC_BLANK || c == LC_COMMENT) {
			if (f.block_open)
				in_block = 1;
			i++;
			continue;
		}
		if (r->dialect != CL_CMD && n >= 2 && s[n - 1] != '@' &&
		    (memcmp(s + n - 2, "@\"", 2) == 0 || memcmp(s + n - 2, "@'", 2) == 0))
			in_here = 1; /* here-string: its lines are text, not commands */
		/* join continuation lines */
		size_t j = i, total = 0;
		while (j + 1 < t->n && j - i + 1 < MAX_JOIN && line_continues(&t->v[j]))
			j++;
		for (size_t k = i; k <= j; k++)
			total += t->v[k].len + 1;
		const char *text = l->s;
		size_t tlen = l->len;
		if (j > i) {
			if (total > cap) {
				char *nb = realloc(buf, total);
				if (!nb)
					break;
				buf = nb;
				cap = total;
			}
			size_t w = 0;
			for (size_t k = i; k <= j; k++) {
				memcpy(buf + w, t->v[k].s, t->v[k].len);
				w += t->v[k].len;
				if (k < j)
					buf[w - 1] = ' '; /* the continuation character */
				buf[w++] = ' ';
			}
			text = buf;
			tlen = w - 1;
		}
		take_statement(a, r, text, tlen, t->v[i].no, t->v[j].no);
		i = j + 1;
	}
	free(buf);
	*out = r;
	if (arena_exhausted(a)) {
		ctx->reason = "out of memory while reading the script";
		return PARSE_PARTIAL;
	}
	if (r->statements == 0) {
		ctx->reason = "no commands in this script";
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

/* ---- JSON -------------------------------------------------------------------- */

static void put_str(struct json_object *o, const char *k, const char *v)
{
	if (v)
		json_object_object_add(o, k, json_object_new_string(v));
}

static void put_bool(struct json_object *o, const char *k, int v)
{
	if (v)
		json_object_object_add(o, k, json_object_new_boolean(1));
}

static const char *var_kind_name(enum script_var_kind k)
{
	switch (k) {
	case SVAR_LITERAL: return "literal";
	case SVAR_SECURESTRING: return "securestring";
	case SVAR_CREDENTIAL: return "credential";
	case SVAR_PROMPT: return "credential-prompt";
	}
	return "literal";
}

static struct json_object *to_json(const void *result)
{
	const struct script_result *r = result;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "dialect", json_object_new_string(script_dialect_name(r->dialect)));
	json_object_object_add(o, "statements", json_object_new_int64(r->statements));
	json_object_object_add(o, "redacted_values", json_object_new_int64(r->redacted));
	struct json_object *cs = json_object_new_array();
	for (size_t i = 0; i < r->commands.n; i++) {
		const struct script_command *sc = &r->commands.v[i];
		const struct cl_command *c = &sc->cmd;
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "line", json_object_new_int64(sc->line));
		if (sc->last_line != sc->line)
			json_object_object_add(e, "last_line", json_object_new_int64(sc->last_line));
		put_str(e, "kind", cl_kind_name(c->kind));
		put_str(e, "name", c->name);
		put_str(e, "text", c->text);
		put_str(e, "assign_to", c->assign_to);
		put_str(e, "drive", c->drive);
		put_bool(e, "any_drive", c->any_drive);
		put_str(e, "remote", c->remote);
		put_str(e, "target", c->target);
		put_str(e, "user", c->user);
		put_str(e, "credential", c->credential);
		put_str(e, "credential_user", sc->cred_user);
		put_bool(e, "credential_plaintext_password", sc->cred_password);
		if (c->persistent != CL_TRI_UNKNOWN)
			json_object_object_add(e, "persistent", json_object_new_boolean(c->persistent));
		put_bool(e, "savecred", c->savecred);
		put_bool(e, "password_given", c->password_given);
		put_bool(e, "password_prompt", c->password_prompt);
		put_bool(e, "delete", c->del);
		put_bool(e, "smartcard", c->smartcard);
		put_bool(e, "require_privacy", c->require_privacy);
		put_bool(e, "require_integrity", c->require_integrity);
		put_bool(e, "write_through", c->write_through);
		put_bool(e, "force", c->force);
		put_bool(e, "plain_text", c->plain_text);
		put_bool(e, "generic", c->generic);
		put_str(e, "not_understood", c->bad);
		json_object_array_add(cs, e);
	}
	json_object_object_add(o, "commands", cs);
	struct json_object *vs = json_object_new_array();
	for (size_t i = 0; i < r->vars.n; i++) {
		const struct script_var *v = &r->vars.v[i];
		struct json_object *e = json_object_new_object();
		put_str(e, "name", v->name);
		json_object_object_add(e, "line", json_object_new_int64(v->line));
		put_str(e, "kind", var_kind_name(v->kind));
		/* defence in depth: a password-like variable never shows its value,
		 * even if redaction upstream missed a form */
		put_str(e, "value", v->password || cl_name_is_password(v->name, strlen(v->name))
					    ? REDACT_MARK : v->value);
		put_str(e, "user", v->user);
		put_bool(e, "plaintext_password", v->password);
		json_object_array_add(vs, e);
	}
	json_object_object_add(o, "variables", vs);
	return o;
}

const struct parser script_parser = { "script", bid, parse, to_json };
