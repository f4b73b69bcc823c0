/* Where the passwords of one statement are: net use and cmdkey arguments,
 * ConvertTo-SecureString, PSCredential building, -Password parameters,
 * /pass: switches, password variables and Password= assignments (by what
 * their names say), and command text nested in quoted strings. */
#include <string.h>

#include "cmdline_int.h"
#include "text.h"

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
	/* $pw, $smbpw, $Env:SMBPW, $secret, $ClientSecret */
	return strstr(b, "pass") || strstr(b, "pwd") || strstr(b, "pword") || strcmp(b, "pw") == 0 ||
	       ends_ci(b, n, "_pw") || ends_ci(b, n, "pw") || strstr(b, "secret");
}

int cl_name_is_password(const char *s, size_t len)
{
	return name_is_passwordish(s, len, 0);
}

void cl_scan_secrets(struct view *v, const struct arg *args, int n, int pipe_from_tok, int gdepth)
{
	for (int k = 0; k < n && !v->e->oom; k++) {
		const struct arg *a = &args[k];
		if (a->kind == A_GROUP) {
			if (gdepth < CL_MAX_GROUP_DEPTH)
				cl_run_range(v, a->t0 + 1, a->t1, gdepth + 1);
			continue;
		}
		if (a->kind != A_WORD)
			continue;
		const struct clx_token *t = TK(v, a->t0);
		const char *val = TV(v, a->t0);
		size_t vl = t->vlen;

		/* a quoted string that holds a command line */
		if (t->wq && t->len > 2u * t->qlen && has_keyword(val, vl))
			cl_nested(v, (size_t)t->off + t->qlen, (size_t)t->off + t->len - t->qlen, CL_AUTO);

		char prog[64];
		cl_prog_name(val, vl, prog, sizeof prog);
		if ((!strcmp(prog, "net") || !strcmp(prog, "net1")) && k + 1 < n &&
		    args[k + 1].kind == A_WORD &&
		    eq_ci_n(TV(v, args[k + 1].t0), TK(v, args[k + 1].t0)->vlen, "use")) {
			cl_nu_secrets(v, args, k + 2, n);
			continue;
		}
		if (!strcmp(prog, "cmdkey")) {
			cl_ck_secrets(v, args, k + 1, n);
			continue;
		}
		if (!strcmp(prog, "cmd") && k == 0) {
			size_t x0, x1;
			if (cl_cmd_inner(v, args, n, &x0, &x1)) {
				cl_nested(v, x0, x1, CL_CMD);
				return;
			}
		}
		if ((!strcmp(prog, "powershell") || !strcmp(prog, "pwsh")) && k == 0) {
			size_t x0, x1;
			if (cl_pwsh_inner(v, args + 0, n, &x0, &x1)) {
				cl_nested(v, x0, x1, CL_PS);
				return;
			}
		}
		if (!strcmp(prog, "convertto-securestring")) {
			struct pres r;
			cl_ps_bind(v, args, k + 1, n, cl_secstr_params, &r);
			const struct pbind *b = cl_pget(&r, P_STRING);
			const struct pbind *pl = cl_pget(&r, P_PLAIN);
			const char *what = pl && pl->sw == 1 ? "ConvertTo-SecureString -AsPlainText"
							     : "ConvertTo-SecureString";
			if (b)
				cl_report_vref(v, b->v, what);
			else if (r.npos > 0)
				cl_report_vref(v, vr_arg(&args[r.pos[0]]), what);
			else if (pipe_from_tok >= 0)
				cl_report_vref(v, vr_word(pipe_from_tok, 0), what);
			continue;
		}
		if (!strcmp(prog, "new-object") && k + 1 < n) {
			struct pres r;
			cl_ps_bind(v, args, k + 1, n, cl_newobj_params, &r);
			const struct pbind *b = cl_pget(&r, P_TYPE);
			struct vref tv = b ? b->v : r.npos > 0 ? vr_arg(&args[r.pos[0]]) : VR_NONE;
			size_t tn;
			const char *tp = cl_vref_str(v, tv, &tn);
			if (tv.tok >= 0 && ends_ci(tp, tn, "pscredential")) {
				int ai = -1, nel = 0;
				if ((b = cl_pget(&r, P_ARGS))) {
					ai = b->ai;
					nel = b->nel;
				} else if (r.npos > 1) {
					ai = r.pos[1];
					nel = 1;
					while (ai + 2 * nel < n && args[ai + 2 * nel - 1].kind == A_COMMA)
						nel++;
				}
				struct vref el[2];
				if (cl_list_elements(v, args, ai, nel, n, el, 2) > 1)
					cl_report_vref(v, el[1], "PSCredential password");
			}
			continue;
		}
		if (cl_is_pscred_ctor(val, vl) && k + 1 < n) {
			struct vref el[2];
			if (cl_list_elements(v, args, k + 1, 1, n, el, 2) > 1)
				cl_report_vref(v, el[1], "PSCredential password");
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
					cl_report_vref(v, r, "password variable");
				} else if (cl_vref_is_literal(v, r) || (size_t)(eq + 1 - wv) == w->vlen) {
					/* set takes the rest of the line */
					size_t d0;
					x0 = (size_t)(eq + 1 - wv) < w->vlen ? v->sc->map[w->v + (eq + 1 - wv)]
									 : (size_t)w->off + w->len;
					cl_args_span(v, args, k + 1, n, &d0, &x1);
					cl_report(v, x0, x1, "password variable");
				}
				k++;
				continue;
			}
		}
		/* /pass:x, /password:x, /pwd:x anywhere */
		if (vl > 2 && val[0] == '/') {
			const char *colon = memchr(val, ':', vl);
			if (colon && name_is_passwordish(val + 1, (size_t)(colon - val - 1), 1))
				cl_report_vref(v, vr_word(a->t0, (uint32_t)(colon + 1 - val)), "password switch");
			continue;
		}
		/* -Password x, -Password:x */
		size_t pno = cl_tok_is_param(v, a->t0) ? cl_ps_param_at(val, vl) : 0;
		if (pno) {
			const char *colon = memchr(val + pno, ':', vl - pno);
			size_t nl = colon ? (size_t)(colon - val) - pno : vl - pno;
			if (name_is_passwordish(val + pno, nl, 1) && !eq_ci_n(val + pno, nl, "pass")) {
				if (colon)
					cl_report_vref(v, vr_word(a->t0, (uint32_t)(colon + 1 - val)), "-Password parameter");
				else if (k + 1 < n && args[k + 1].kind == A_WORD)
					cl_report_vref(v, vr_word(args[k + 1].t0, 0), "-Password parameter");
			}
			continue;
		}
		/* $pass = 'x', [string]$pwd="x" */
		const char *an;
		size_t anl;
		uint32_t vs;
		int vi = cl_ps_assignment(v, args + k, n - k, &an, &anl, &vs);
		if (vi >= 0 && name_is_passwordish(an, anl, 0)) {
			/* a literal value: the last argument, or a quoted string
			 * (`$p = ConvertTo-SecureString …` is looked at below) */
			const struct arg *va = &args[k + vi];
			if (va->kind == A_WORD && (k + vi == n - 1 || TK(v, va->t0)->quoted))
				cl_report_vref(v, vr_word(va->t0, vs), "password variable");
			if (vi > 0)
				k += vi - 1;
			continue;
		}
		/* Password=x (connection strings, hash tables, config lines) */
		const char *eq = memchr(val, '=', vl);
		if (eq && eq > val && val[0] != '$' && name_is_passwordish(val, (size_t)(eq - val), 1)) {
			struct vref r = vr_word(a->t0, (uint32_t)(eq + 1 - val));
			size_t x0, x1;
			if ((size_t)(eq + 1 - val) < vl && !t->quoted && cl_vref_is_literal(v, r) &&
			    cl_vref_span(v, r, &x0, &x1)) {
				/* Password=x;Database=y: the value ends at ';' */
				const char *semi = memchr(v->e->s + x0, ';', x1 - x0);
				cl_report(v, x0, semi ? (size_t)(semi - v->e->s) : x1, "password assignment");
			} else if ((size_t)(eq + 1 - val) < vl) {
				cl_report_vref(v, r, "password assignment");
			}
			continue;
		}
		if (!t->quoted && name_is_passwordish(val, vl, 1) && k + 2 < n && args[k + 1].kind == A_WORD &&
		    eq_ci_n(TV(v, args[k + 1].t0), TK(v, args[k + 1].t0)->vlen, "=") &&
		    args[k + 2].kind == A_WORD) {
			cl_report_vref(v, vr_word(args[k + 2].t0, 0), "password assignment");
			k += 2;
		}
	}
}
