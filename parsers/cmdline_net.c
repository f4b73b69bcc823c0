/* net use and cmdkey: which argument is the device, the remote, the
 * password, the user, and what the switches say. Gives the facts of a
 * statement (cl_facts_net, cl_facts_cmdkey) and the spans of its passwords
 * (cl_nu_secrets, cl_ck_secrets). */
#include <string.h>

#include "cmdline_int.h"
#include "text.h"

/* ---- net use ------------------------------------------------------------- */

/* A device name for net use: "X:", "*", "LPT1:", "COM2:", "PRN". */
static int is_device(const char *s, size_t n)
{
	if (n == 1 && s[0] == '*')
		return 1;
	if (n == 2 && s[1] == ':' && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return 1;
	if ((n == 5 && s[4] == ':' && (span_starts_ci(s, n, "LPT") || span_starts_ci(s, n, "COM")) &&
	     s[3] >= '1' && s[3] <= '9') || eq_ci_n(s, n, "PRN"))
		return 1;
	return 0;
}

struct nu {
	int dev, remote, pass; /* arg indices, -1 */
	int extra[8];
	int nextra;
	struct vref user;
	int has_user;
	int persistent, savecred, del, smartcard, home, rint, rpriv, wthrough;
	int bad;
};

static const char *const nu_switches[] = {
	"delete", "persistent", "user", "savecred", "smartcard", "home", "requireintegrity",
	"requireprivacy", "writethrough", "transport", "tcpport", "quicport", "rdmaport",
	"skipcertcheck", "blockntlm", "global", "yes", "no", NULL,
};

/* Switch name -> index in the table: exact, the documented short forms
 * (/d, /p, /u), else a unique prefix; -1 when unknown or ambiguous. */
static int switch_find(const char *const *tab, const char *name, size_t n, const char *const *shorts)
{
	for (int i = 0; tab[i]; i++)
		if (eq_ci_n(name, n, tab[i]))
			return i;
	for (int i = 0; shorts && shorts[i]; i += 2)
		if (eq_ci_n(name, n, shorts[i]))
			for (int j = 0; tab[j]; j++)
				if (strcmp(tab[j], shorts[i + 1]) == 0)
					return j;
	int found = -1;
	if (n == 0)
		return -1;
	for (int i = 0; tab[i]; i++) {
		if (strlen(tab[i]) > n) {
			int ok = 1;
			for (size_t c = 0; c < n; c++)
				if (lower_c((unsigned char)name[c]) != tab[i][c])
					ok = 0;
			if (ok) {
				if (found >= 0)
					return -1;
				found = i;
			}
		}
	}
	return found;
}

static int yes_no(const char *s, size_t n)
{
	if (eq_ci_n(s, n, "yes") || eq_ci_n(s, n, "y"))
		return 1;
	if (eq_ci_n(s, n, "no") || eq_ci_n(s, n, "n"))
		return 0;
	return CL_TRI_UNKNOWN;
}

static void nu_analyze(const struct view *v, const struct arg *args, int k, int n, struct nu *r)
{
	static const char *const shorts[] = { "d", "delete", "p", "persistent", "u", "user", NULL };
	memset(r, 0, sizeof *r);
	r->dev = r->remote = r->pass = -1;
	r->user = VR_NONE;
	r->persistent = CL_TRI_UNKNOWN;
	r->bad = -1;
	int pos[12], npos = 0;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind != A_WORD) {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const struct clx_token *t = TK(v, a->t0);
		const char *val = TV(v, a->t0);
		size_t vl = t->vlen;
		if (vl >= 2 && val[0] == '/') {
			const char *colon = memchr(val, ':', vl);
			size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
			int sw = switch_find(nu_switches, val + 1, nl, shorts);
			const char *sv = colon ? colon + 1 : NULL;
			size_t sn = colon ? vl - (size_t)(colon + 1 - val) : 0;
			const char *name = sw >= 0 ? nu_switches[sw] : "";
			if (sw < 0) {
				if (r->bad < 0)
					r->bad = k;
			} else if (!strcmp(name, "user")) {
				r->has_user = 1;
				if (colon) {
					r->user = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				} else if (k + 1 < n && args[k + 1].kind == A_WORD &&
					   TV(v, args[k + 1].t0)[0] != '/') {
					/* tolerated: "/user NAME" */
					k++;
					r->user = vr_word(args[k].t0, 0);
				}
			} else if (!strcmp(name, "persistent")) {
				r->persistent = sv ? yes_no(sv, sn) : CL_TRI_UNKNOWN;
				if (!sv || r->persistent == CL_TRI_UNKNOWN)
					if (r->bad < 0)
						r->bad = k;
			} else if (!strcmp(name, "delete")) {
				r->del = 1;
			} else if (!strcmp(name, "savecred")) {
				r->savecred = 1;
			} else if (!strcmp(name, "smartcard")) {
				r->smartcard = 1;
			} else if (!strcmp(name, "home")) {
				r->home = 1;
			} else if (!strcmp(name, "requireintegrity")) {
				r->rint = 1;
			} else if (!strcmp(name, "requireprivacy")) {
				r->rpriv = 1;
			} else if (!strcmp(name, "writethrough")) {
				r->wthrough = 1;
			}
			continue;
		}
		/* "-user:x", "-persistent:yes": net.exe does not take dash switches */
		if (vl >= 2 && val[0] == '-' && !t->quoted) {
			const char *colon = memchr(val, ':', vl);
			size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
			if (colon || switch_find(nu_switches, val + 1, nl, shorts) >= 0) {
				if (r->bad < 0)
					r->bad = k;
				continue;
			}
		}
		if (npos < (int)(sizeof pos / sizeof pos[0]))
			pos[npos++] = k;
	}
	int p = 0;
	if (p < npos) {
		const char *val = TV(v, args[pos[p]].t0);
		size_t vl = TK(v, args[pos[p]].t0)->vlen;
		/* a variable followed by a UNC (%DRIVE% \\s\sh) is the device */
		int var_dev = vl > 1 && (val[0] == '%' || val[0] == '$') && npos > 1 &&
			      cl_is_unc(TV(v, args[pos[1]].t0), TK(v, args[pos[1]].t0)->vlen);
		if (is_device(val, vl) || var_dev)
			r->dev = pos[p++];
	}
	if (p < npos)
		r->remote = pos[p++];
	if (p < npos && r->remote >= 0)
		r->pass = pos[p++];
	for (; p < npos; p++) {
		const char *val = TV(v, args[pos[p]].t0);
		size_t vl = TK(v, args[pos[p]].t0)->vlen;
		if (cl_is_unc(val, vl) || (vl == 1 && val[0] == '*'))
			continue;
		if (r->nextra < 8)
			r->extra[r->nextra++] = pos[p];
		if (r->bad < 0)
			r->bad = pos[p];
	}
	if (r->dev >= 0 && r->remote < 0 && !r->del) {
		/* "net use X: password /home" has no remote: nothing more to say */
	}
}

void cl_nu_secrets(struct view *v, const struct arg *args, int k, int n)
{
	struct nu r;
	nu_analyze(v, args, k, n, &r);
	if (r.pass >= 0) {
		const char *val = TV(v, args[r.pass].t0);
		size_t vl = TK(v, args[r.pass].t0)->vlen;
		/* `*` asks for the password; a second UNC is not a password */
		if (!(vl == 1 && val[0] == '*') && !cl_is_unc(val, vl))
			cl_report_vref(v, vr_word(args[r.pass].t0, 0), "net use password");
	}
	for (int i = 0; i < r.nextra; i++)
		cl_report_vref(v, vr_word(args[r.extra[i]].t0, 0), "net use password");
}

/* ---- cmdkey -------------------------------------------------------------- */

struct ck {
	int add, generic, del, list, smartcard, ras;
	struct vref target, user, pass;
	int has_pass;
	int bad;
};

static const char *const ck_switches[] = {
	"add", "generic", "delete", "list", "user", "pass", "smartcard", "ras", NULL,
};

static void ck_analyze(const struct view *v, const struct arg *args, int k, int n, struct ck *r)
{
	static const char *const shorts[] = { "a", "add", "g", "generic", "d", "delete", "l", "list",
					      "u", "user", "p", "pass", "s", "smartcard", "r", "ras",
					      "password", "pass", NULL };
	memset(r, 0, sizeof *r);
	r->target = r->user = r->pass = VR_NONE;
	r->bad = -1;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind != A_WORD)
			continue;
		const char *val = TV(v, a->t0);
		size_t vl = TK(v, a->t0)->vlen;
		if (vl < 2 || val[0] != '/') {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const char *colon = memchr(val, ':', vl);
		size_t nl = colon ? (size_t)(colon - val - 1) : vl - 1;
		int sw = switch_find(ck_switches, val + 1, nl, shorts);
		struct vref sv = colon ? vr_word(a->t0, (uint32_t)(colon + 1 - val)) : VR_NONE;
		if (sw < 0) {
			if (r->bad < 0)
				r->bad = k;
			continue;
		}
		const char *name = ck_switches[sw];
		if (!strcmp(name, "add")) {
			r->add = 1;
			r->target = sv;
		} else if (!strcmp(name, "generic")) {
			r->generic = 1;
			r->target = sv;
		} else if (!strcmp(name, "delete")) {
			r->del = 1;
			r->target = sv;
		} else if (!strcmp(name, "list")) {
			r->list = 1;
			r->target = sv;
		} else if (!strcmp(name, "user")) {
			r->user = sv;
		} else if (!strcmp(name, "pass")) {
			r->has_pass = 1;
			r->pass = sv;
		} else if (!strcmp(name, "smartcard")) {
			r->smartcard = 1;
		} else if (!strcmp(name, "ras")) {
			r->ras = 1;
		}
	}
}

/* cmdkey /pass:value (and its short forms) */
void cl_ck_secrets(struct view *v, const struct arg *args, int k, int n)
{
	struct ck r;
	ck_analyze(v, args, k, n, &r);
	cl_report_vref(v, r.pass, "cmdkey /pass");
}

/* ---- facts --------------------------------------------------------------- */

void cl_facts_net(struct view *v, const struct arg *args, int n, const char *assign_to,
		  size_t s0, size_t s1)
{
	if (n < 2 || args[1].kind != A_WORD) {
		cl_new_cmd(v, CL_OTHER, "net", s0, s1, assign_to);
		return;
	}
	const char *sub = TV(v, args[1].t0);
	size_t sl = TK(v, args[1].t0)->vlen;
	if (!eq_ci_n(sub, sl, "use")) {
		char buf[40];
		cl_prog_name(sub, sl, buf, sizeof buf);
		const char *name = v->e->a ? arena_printf(v->e->a, "net %s", buf) : NULL;
		struct cl_command *c = cl_new_cmd(v, CL_OTHER, name, s0, s1, assign_to);
		if (c && n > 2)
			c->target = cl_dup_vref(v, vr_arg(&args[2]));
		return;
	}
	struct nu r;
	nu_analyze(v, args, 2, n, &r);
	enum cl_kind k;
	if (r.del)
		k = CL_NET_USE_DELETE;
	else if (r.remote >= 0 || r.home)
		k = CL_NET_USE;
	else if (r.dev >= 0)
		k = CL_NET_USE_QUERY;
	else if (r.persistent != CL_TRI_UNKNOWN)
		k = CL_NET_USE_PERSISTENT;
	else
		k = CL_NET_USE_QUERY;
	struct cl_command *c = cl_new_cmd(v, k, "net use", s0, s1, assign_to);
	if (!c)
		return;
	if (r.dev >= 0) {
		size_t dn;
		const char *dv = cl_vref_str(v, vr_arg(&args[r.dev]), &dn);
		if (dn == 1 && dv[0] == '*')
			c->any_drive = 1;
		else
			c->drive = cl_drive_of(v->e->a, dv, dn);
	}
	if (r.remote >= 0)
		c->remote = cl_dup_vref(v, vr_arg(&args[r.remote]));
	if (r.has_user)
		c->user = r.user.tok >= 0 ? cl_dup_vref(v, r.user) : arena_strdup(v->e->a, "");
	c->persistent = r.persistent;
	c->savecred = r.savecred;
	c->del = r.del;
	c->smartcard = r.smartcard;
	c->require_integrity = r.rint;
	c->require_privacy = r.rpriv;
	c->write_through = r.wthrough;
	if (r.pass >= 0) {
		size_t pn;
		const char *pv = cl_vref_str(v, vr_arg(&args[r.pass]), &pn);
		if (pn == 1 && pv[0] == '*')
			c->password_prompt = 1;
		else if (cl_is_unc(pv, pn))
			cl_set_bad(v, c, args, r.pass); /* a second UNC is not a password */
		else
			c->password_given = 1;
	}
	if (r.nextra)
		c->password_given = 1;
	cl_set_bad(v, c, args, r.bad);
}

void cl_facts_cmdkey(struct view *v, const struct arg *args, int n, const char *assign_to,
		     size_t s0, size_t s1)
{
	struct ck r;
	ck_analyze(v, args, 1, n, &r);
	enum cl_kind k = (r.add || r.generic) ? CL_CMDKEY_ADD : r.del ? CL_CMDKEY_DELETE
					: r.list ? CL_CMDKEY_LIST : CL_OTHER;
	struct cl_command *c = cl_new_cmd(v, k, "cmdkey", s0, s1, assign_to);
	if (!c)
		return;
	c->target = cl_dup_vref(v, r.target);
	c->user = cl_dup_vref(v, r.user);
	c->generic = r.generic;
	c->smartcard = r.smartcard;
	c->del = r.del;
	if (r.has_pass) {
		if (r.pass.tok >= 0)
			c->password_given = 1;
		else
			c->password_prompt = 1;
	}
	cl_set_bad(v, c, args, r.bad);
}
