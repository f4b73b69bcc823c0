/* What the PowerShell commands of interest do: the SMB mapping cmdlets,
 * New-PSDrive, Get-Credential, ConvertTo-SecureString, New-Object
 * PSCredential and [PSCredential]::new (which variables hold the user and
 * the password), and the main argument of the other known cmdlets. */
#include <string.h>

#include "cmdline_int.h"

/* Elements of an argument list: "a, b" (args), or the inside of "(a, b)" /
 * "@(a, b)". Fills up to max vrefs, returns the count. */
int cl_list_elements(const struct view *v, const struct arg *args, int ai, int nel, int n,
		     struct vref *el, int max)
{
	int k = 0;
	if (ai < 0 || ai >= n)
		return 0;
	if (args[ai].kind == A_GROUP && nel == 1) {
		int depth = 0, want = 1;
		for (int t = args[ai].t0 + 1; t < args[ai].t1 && t < (int)v->sc->nt && k < max; t++) {
			uint8_t ty = TK(v, t)->type;
			if (ty == CLX_OPEN) {
				if (depth == 0 && want) {
					el[k++] = VR_NONE; /* an expression: not a literal */
					want = 0;
				}
				depth++;
			} else if (ty == CLX_CLOSE) {
				depth--;
			} else if (depth == 0 && ty == CLX_COMMA) {
				want = 1;
			} else if (depth == 0 && ty == CLX_WORD && want) {
				el[k++] = vr_word(t, 0);
				want = 0;
			}
		}
		return k;
	}
	for (int j = 0; j < nel && ai + 2 * j < n && k < max; j++) {
		const struct arg *a = &args[ai + 2 * j];
		el[k++] = a->kind == A_WORD ? vr_word(a->t0, 0) : VR_NONE;
	}
	return k;
}

static const char *var_name(const struct view *v, struct vref r)
{
	size_t n;
	const char *p = cl_vref_str(v, r, &n);
	if (r.group || n < 2 || p[0] != '$' || !v->e->a)
		return NULL;
	p++;
	n--;
	if (n >= 2 && p[0] == '{' && p[n - 1] == '}') {
		p++;
		n -= 2;
	}
	return arena_strndup(v->e->a, p, n);
}

static void cred_user(struct view *v, struct cl_command *c, struct vref el0)
{
	if (el0.tok < 0)
		return;
	size_t n;
	const char *p = cl_vref_str(v, el0, &n);
	if (n && p[0] == '$')
		c->user_var = var_name(v, el0);
	else if (n)
		c->user = cl_dup_vref(v, el0);
}

void cl_facts_ps(struct view *v, const struct cmddef *cd, const struct arg *args, int n,
		 const char *assign_to, size_t s0, size_t s1)
{
	struct pres r;
	cl_ps_bind(v, args, 1, n, cd->params, &r);
	const struct pbind *b;
	enum cl_kind k = CL_OTHER;
	switch (cd->h) {
	case H_NEWGMAP: k = CL_NEW_GMAP; break;
	case H_RMGMAP: k = CL_REMOVE_GMAP; break;
	case H_NEWMAP:
		b = cl_pget(&r, P_GLOBAL);
		k = b && b->sw == 1 ? CL_NEW_GMAP : CL_NEW_SMBMAPPING;
		break;
	case H_RMMAP: k = CL_NET_USE_DELETE; break;
	case H_PSDRIVE:
		b = cl_pget(&r, P_PERSISTSW);
		k = b && b->sw == 1 ? CL_NEW_SMBMAPPING : CL_OTHER;
		break;
	case H_GETCRED: k = CL_GET_CREDENTIAL; break;
	case H_SECSTR: k = CL_SECURESTRING; break;
	case H_NEWOBJ: {
		struct vref tv = VR_NONE;
		if ((b = cl_pget(&r, P_TYPE)))
			tv = b->v;
		else if (r.npos > 0)
			tv = vr_arg(&args[r.pos[0]]);
		size_t tn;
		const char *tp = cl_vref_str(v, tv, &tn);
		if (tv.tok < 0 || !ends_ci(tp, tn, "pscredential"))
			return; /* some other object: of no interest */
		k = CL_NEW_PSCREDENTIAL;
		break;
	}
	default: break;
	}
	struct cl_command *c = cl_new_cmd(v, k, cd->name, s0, s1, assign_to);
	if (!c)
		return;
	if (r.bad_ai >= 0)
		cl_set_bad(v, c, args, r.bad_ai);
	if (r.missing && !c->bad)
		c->bad = "(parameter without value)";

	/* positional arguments of the mapping cmdlets: a UNC is the remote, a
	 * drive the local path, else LocalPath then RemotePath in order */
	struct vref local = VR_NONE, remote = VR_NONE;
	if ((b = cl_pget(&r, P_LOCAL)))
		local = b->v;
	if ((b = cl_pget(&r, P_REMOTE)))
		remote = b->v;
	if (cd->h == H_NEWGMAP || cd->h == H_NEWMAP || cd->h == H_RMMAP || cd->h == H_RMGMAP ||
	    (cd->h == H_OTHER_PS && cd->params == cl_getmap_params)) {
		for (int i = 0; i < r.npos; i++) {
			struct vref pv = vr_arg(&args[r.pos[i]]);
			size_t pn;
			const char *pp = cl_vref_str(v, pv, &pn);
			if (!pv.group && cl_is_unc(pp, pn) && remote.tok < 0)
				remote = pv;
			else if (cd->h == H_RMGMAP && remote.tok < 0)
				remote = pv;
			else if (local.tok < 0)
				local = pv;
			else if (remote.tok < 0)
				remote = pv;
		}
	}
	switch (cd->h) {
	case H_NEWGMAP:
	case H_NEWMAP:
	case H_RMGMAP:
	case H_RMMAP: {
		size_t ln;
		const char *lp = cl_vref_str(v, local, &ln);
		if (local.tok >= 0)
			c->drive = cl_drive_of(v->e->a, lp, ln);
		c->remote = cl_dup_vref(v, remote);
		if ((b = cl_pget(&r, P_PERSIST)))
			c->persistent = b->sw;
		if ((b = cl_pget(&r, P_RPRIV)))
			c->require_privacy = b->sw == 1;
		if ((b = cl_pget(&r, P_RINT)))
			c->require_integrity = b->sw == 1;
		if ((b = cl_pget(&r, P_WT)))
			c->write_through = b->sw == 1;
		if ((b = cl_pget(&r, P_SAVE)))
			c->savecred = b->sw == 1;
		if ((b = cl_pget(&r, P_FORCE)))
			c->force = b->sw == 1;
		if ((b = cl_pget(&r, P_USER)))
			c->user = cl_dup_vref(v, b->v);
		if ((b = cl_pget(&r, P_PASS)) && b->v.tok >= 0)
			c->password_given = 1;
		if ((b = cl_pget(&r, P_CRED)) && b->v.tok >= 0) {
			c->credential = cl_dup_vref(v, b->v);
			size_t cn;
			const char *cp = cl_vref_str(v, b->v, &cn);
			/* a plain string is a user name PowerShell will prompt for */
			if (!b->v.group && cn && cp[0] != '$' && !c->user)
				c->user = cl_dup_vref(v, b->v);
		}
		if (cd->h == H_RMMAP || cd->h == H_RMGMAP)
			c->del = 1;
		break;
	}
	case H_PSDRIVE: {
		if ((b = cl_pget(&r, P_NAME)) || r.npos > 0) {
			struct vref nv = b ? b->v : vr_arg(&args[r.pos[0]]);
			size_t nn;
			const char *np = cl_vref_str(v, nv, &nn);
			c->drive = cl_drive_of(v->e->a, np, nn);
			if (!c->drive)
				c->target = cl_dup_vref(v, nv);
		}
		struct vref rootv = VR_NONE;
		if ((b = cl_pget(&r, P_ROOT)))
			rootv = b->v;
		else if (r.npos > 2)
			rootv = vr_arg(&args[r.pos[2]]);
		c->remote = cl_dup_vref(v, rootv);
		if ((b = cl_pget(&r, P_PERSISTSW)))
			c->persistent = b->sw;
		if ((b = cl_pget(&r, P_CRED)) && b->v.tok >= 0)
			c->credential = cl_dup_vref(v, b->v);
		break;
	}
	case H_GETCRED: {
		struct vref uv = VR_NONE;
		if ((b = cl_pget(&r, P_USER)))
			uv = b->v;
		else if ((b = cl_pget(&r, P_CRED)))
			uv = b->v;
		else if (r.npos > 0)
			uv = vr_arg(&args[r.pos[0]]);
		size_t un;
		const char *up = cl_vref_str(v, uv, &un);
		if (uv.tok >= 0 && !uv.group && un && up[0] != '$')
			c->user = cl_dup_vref(v, uv);
		else if (uv.tok >= 0 && !uv.group && un)
			c->user_var = var_name(v, uv);
		break;
	}
	case H_SECSTR: {
		struct vref sv = VR_NONE;
		if ((b = cl_pget(&r, P_STRING)))
			sv = b->v;
		else if (r.npos > 0)
			sv = vr_arg(&args[r.pos[0]]);
		if (sv.tok >= 0) {
			c->value = cl_dup_vref(v, sv);
			c->password_given = 1;
		}
		if ((b = cl_pget(&r, P_PLAIN)))
			c->plain_text = b->sw == 1;
		break;
	}
	case H_NEWOBJ: {
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
		int ne = cl_list_elements(v, args, ai, nel, n, el, 2);
		if (ne > 0)
			cred_user(v, c, el[0]);
		if (ne > 1 && el[1].tok >= 0) {
			size_t pn;
			const char *pp = cl_vref_str(v, el[1], &pn);
			if (pn && pp[0] == '$')
				c->password_var = var_name(v, el[1]);
			else
				c->password_given = 1;
		}
		break;
	}
	case H_OTHER_PS: {
		struct vref tv = VR_NONE;
		if (cd->primary && (b = cl_pget(&r, cd->primary)))
			tv = b->v;
		else if (cd->primary == P_PATH && (b = cl_pget(&r, P_LPATH)))
			tv = b->v;
		else if (cd->params == cl_getmap_params && local.tok >= 0)
			tv = local;
		else if (cd->params == cl_getmap_params && remote.tok >= 0)
			tv = remote;
		else if (r.npos > 0)
			tv = vr_arg(&args[r.pos[0]]);
		c->target = cl_dup_vref(v, tv);
		break;
	}
	default:
		break;
	}
}

/* `[System.Management.Automation.PSCredential]::new($u, $p)` */
int cl_is_pscred_ctor(const char *val, size_t n)
{
	return ends_ci(val, n, "pscredential]::new");
}

void cl_facts_pscred_ctor(struct view *v, const struct arg *args, int n, const char *assign_to,
			  size_t s0, size_t s1)
{
	struct cl_command *c = cl_new_cmd(v, CL_NEW_PSCREDENTIAL, "PSCredential", s0, s1, assign_to);
	if (!c || n < 2)
		return;
	struct vref el[2];
	int ne = cl_list_elements(v, args, 1, 1, n, el, 2);
	if (ne > 0)
		cred_user(v, c, el[0]);
	if (ne > 1 && el[1].tok >= 0) {
		size_t pn;
		const char *pp = cl_vref_str(v, el[1], &pn);
		if (pn && pp[0] == '$')
			c->password_var = var_name(v, el[1]);
		else
			c->password_given = 1;
	}
}
