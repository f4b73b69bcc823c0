/* What a cmd or PowerShell command line does, and where its passwords are.
 *
 * One engine serves two callers: cmdline_parse() (facts: the commands of
 * interest and their switches) and cmdline_secrets() (redaction: byte spans
 * of password values). A line is tokenized (cmdline_lex.c), split into
 * statements at separators, each statement into arguments (a parenthesised
 * group is one argument), and each statement is interpreted. Nested command
 * text — `cmd /c "…"`, `powershell -Command "…"`, a quoted string holding a
 * command — is tokenized again, at most CL_MAX_DEPTH levels deep.
 *
 * This file is the driver: the entry points, the engine's two outputs,
 * statement splitting, interpretation and the unwrapping of cmd /c and
 * powershell -Command. What it calls is listed in cmdline_int.h. */
#include "cmdline.h"

#include <stdlib.h>
#include <string.h>

#include "cmdline_int.h"
#include "redact.h"
#include "text.h"

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

/* ---- the engine's outputs: password spans and commands ------------------ */

void cl_report(struct view *v, size_t start, size_t end, const char *what)
{
	if (!v->e->fn || end <= start)
		return;
	if (end - start == sizeof REDACT_MARK - 1 &&
	    memcmp(v->e->s + start, REDACT_MARK, end - start) == 0)
		return; /* already redacted */
	v->e->fn(v->e->user, start, end - start, what);
	v->e->nsecrets++;
}

void cl_report_vref(struct view *v, struct vref r, const char *what)
{
	size_t a, b;
	if (cl_vref_is_literal(v, r) && cl_vref_span(v, r, &a, &b))
		cl_report(v, a, b, what);
}

struct cl_command *cl_new_cmd(struct view *v, enum cl_kind k, const char *name, size_t st_start,
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

void cl_set_bad(struct view *v, struct cl_command *c, const struct arg *args, int ai)
{
	if (c && ai >= 0 && !c->bad)
		c->bad = cl_dup_vref(v, vr_arg(&args[ai]));
}

/* cmd /c "…": the text after /c (or /k), outer quotes removed (cmd's /s rule). */
int cl_cmd_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end)
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
			cl_args_span(v, args, 0, n, &dummy, &b);
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
int cl_pwsh_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end)
{
	struct pres r;
	cl_ps_bind(v, args, 1, n, cl_pwsh_params, &r);
	int ai = -1;
	const struct pbind *b = cl_pget(&r, P_COMMAND);
	if (b && b->ai >= 0)
		ai = b->ai;
	else if (b && b->v.tok >= 0) {
		/* -Command:"…" */
		size_t a, z;
		if (!cl_vref_span(v, b->v, &a, &z))
			return 0;
		cl_args_span(v, args, 0, n, &a, end);
		*start = v->sc->map[TK(v, b->v.tok)->v + b->v.vs];
		return *end > *start;
	} else if (cl_pget(&r, P_FILE) || cl_pget(&r, P_SKIP))
		return 0;
	else if (r.npos > 0)
		ai = r.pos[0];
	if (ai < 0)
		return 0;
	size_t a, z;
	cl_args_span(v, args, ai, n, &a, &z);
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
			cl_run_range(v, args[k].t0 + 1, args[k].t1, gdepth + 1);
}

static void interpret(struct view *v, const struct arg *args, int n, const char *assign_to,
		      size_t s0, size_t s1, int gdepth)
{
	if (n <= 0 || v->e->oom || gdepth > 4 * CL_MAX_GROUP_DEPTH)
		return; /* `else else else …`, `$a = $b = …`: bounded */
	if (args[0].kind == A_GROUP) {
		cl_run_range(v, args[0].t0 + 1, args[0].t1, gdepth + 1);
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
	int vi = cl_ps_assignment(v, args, n, &an, &anl, &vs);
	if (vi >= 0 && !assign_to) {
		const char *name = v->e->a ? arena_strndup(v->e->a, an, anl) : NULL;
		int nn = n;
		while (nn > 1 && args[nn - 1].kind == A_COMMA) /* param( [string]$X = 'v', … */
			nn--;
		int single = (vi == 0 && nn == 1) || (vi > 0 && vi == nn - 1 && args[vi].kind == A_WORD);
		struct vref rv = vi == 0 ? vr_word(args[0].t0, vs) : vr_word(args[vi].t0, vs);
		size_t rn;
		const char *rp = cl_vref_str(v, rv, &rn);
		/* in PowerShell a bare word on the right runs a command: only a
		 * quoted string or a number is a literal */
		int lit = rn && (TK(v, rv.tok)->quoted || (rp[0] >= '0' && rp[0] <= '9'));
		if (single && lit) {
			struct cl_command *c = cl_new_cmd(v, CL_ASSIGN, "assign", s0, s1, name);
			if (c)
				c->value = cl_dup_vref(v, rv);
			return;
		}
		if (vi > 0)
			interpret(v, args + vi, n - vi, name, s0, s1, gdepth + 1);
		return;
	}

	char prog[64];
	cl_prog_name(val0, vl0, prog, sizeof prog);
	if (cl_is_pscred_ctor(val0, vl0)) {
		cl_facts_pscred_ctor(v, args, n, assign_to, s0, s1);
		interpret_groups(v, args, n, 1, gdepth);
		return;
	}
	const struct cmddef *cd = cl_cmd_lookup(prog);
	if (!cd) {
		if (v->e->a) {
			struct cl_command *c = cl_new_cmd(v, CL_NONE, NULL, s0, s1, assign_to);
			if (c)
				c->name = arena_strdup(v->e->a, prog);
		}
		interpret_groups(v, args, n, 1, gdepth);
		return;
	}
	size_t a, b;
	switch (cd->h) {
	case H_NET:
		cl_facts_net(v, args, n, assign_to, s0, s1);
		break;
	case H_CMDKEY:
		cl_facts_cmdkey(v, args, n, assign_to, s0, s1);
		break;
	case H_CMD:
		if (cl_cmd_inner(v, args, n, &a, &b))
			cl_nested(v, a, b, CL_CMD);
		return;
	case H_PWSH:
		if (cl_pwsh_inner(v, args, n, &a, &b))
			cl_nested(v, a, b, CL_PS);
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
		struct cl_command *c = cl_new_cmd(v, CL_ASSIGN, "set", s0, s1,
						  v->e->a ? arena_strndup(v->e->a, w, (size_t)(eq - w)) : NULL);
		if (c && v->e->a) {
			if (n == 2) {
				c->value = cl_dup_vref(v, vr_word(args[1].t0, (uint32_t)(eq + 1 - w)));
			} else {
				size_t st = v->sc->map[TK(v, args[1].t0)->v + (eq + 1 - w)], en, d0;
				if ((size_t)(eq + 1 - w) >= wl)
					st = (size_t)TK(v, args[1].t0)->off + TK(v, args[1].t0)->len;
				cl_args_span(v, args, 0, n, &d0, &en);
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
			cl_args_span(v, args, k, n, &x0, &x1);
			interpret(v, args + k, n - k, assign_to, x0, x1, gdepth + 1);
		}
		return;
	}
	case H_FOR:
		for (int k = 1; k < n; k++) {
			if (args[k].kind == A_WORD && eq_ci_n(TV(v, args[k].t0), TK(v, args[k].t0)->vlen, "do")) {
				if (k + 1 < n) {
					size_t x0, x1;
					cl_args_span(v, args, k + 1, n, &x0, &x1);
					interpret(v, args + k + 1, n - k - 1, assign_to, x0, x1, gdepth + 1);
				}
				return;
			}
		}
		break;
	case H_ELSE:
		if (n > 1) {
			size_t x0, x1;
			cl_args_span(v, args, 1, n, &x0, &x1);
			interpret(v, args + 1, n - 1, assign_to, x0, x1, gdepth + 1);
		}
		return;
	case H_REG: {
		if (n < 2 || args[1].kind != A_WORD)
			break;
		char sub[24];
		cl_prog_name(TV(v, args[1].t0), TK(v, args[1].t0)->vlen, sub, sizeof sub);
		const char *name = v->e->a ? arena_printf(v->e->a, "reg %s", sub) : NULL;
		struct cl_command *c = cl_new_cmd(v, CL_OTHER, name, s0, s1, assign_to);
		if (c && n > 2)
			c->target = cl_dup_vref(v, vr_arg(&args[2]));
		break;
	}
	case H_OTHER_CMD: {
		struct cl_command *c = cl_new_cmd(v, CL_OTHER, cd->name, s0, s1, assign_to);
		for (int k = 1; c && k < n; k++) {
			if (args[k].kind != A_WORD)
				continue;
			const char *w = TV(v, args[k].t0);
			if (w[0] == '/' && !cl_is_unc(w, TK(v, args[k].t0)->vlen) && k + 1 < n)
				continue; /* a switch; the last argument may still be a path */
			c->target = cl_dup_vref(v, vr_arg(&args[k]));
			break;
		}
		if (c && !c->target && n > 1)
			c->target = cl_dup_vref(v, vr_arg(&args[1]));
		break;
	}
	default:
		cl_facts_ps(v, cd, args, n, assign_to, s0, s1);
		break;
	}
	interpret_groups(v, args, n, 1, gdepth);
}

/* Statements of tokens [b, e): split at separators outside parentheses. */
void cl_run_range(struct view *v, int b, int e, int gdepth)
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
		int n = cl_build_args(v, st, i, args);
		if (n > 0) {
			size_t s0, s1;
			cl_args_span(v, args, 0, n, &s0, &s1);
			/* cmd comments: rem, :: — the rest of the line is prose */
			if (args[0].kind == A_WORD) {
				char prog[8];
				cl_prog_name(TV(v, args[0].t0), TK(v, args[0].t0)->vlen, prog, sizeof prog);
				if (!strcmp(prog, "rem") || !strncmp(prog, "::", 2))
					comment = 1;
			}
			if (v->e->a && !comment)
				interpret(v, args, n, NULL, s0, s1, gdepth);
			if (v->e->fn)
				cl_scan_secrets(v, args, n, pipe_tok, gdepth);
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
				cl_run_range(v, i + 1, e, gdepth);
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
	cl_run_range(&v, 0, (int)v.sc->nt, 0);
}

void cl_nested(struct view *v, size_t start, size_t end, enum cl_dialect d)
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
