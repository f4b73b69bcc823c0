/* The guide's per-user branch (File Explorer / net use), DESIGN.md §4 rules 1-5:
 * path saved? -> credentials saved? -> credentials valid? -> SMB client and
 * session state. The walk stops at the first step that decides; every step
 * that could not be made asks for its evidence, all at once. */
#include "rules.h"

#include <string.h>
#include <strings.h>

/* Everything the branch needs to know about one drive, gathered first. */
struct user_facts {
	const char *rel;              /* "Network\L" */
	const char *key_shown;        /* HKCU\Network\L as the evidence names it */
	struct cq_key path;
	enum tri dflt_off;            /* new connections not remembered */
	const struct evidence *dflt_ev;
	enum tri username_state;
	const struct f_reg_value *username;
	const struct evidence *username_ev;
	int cred_needed;              /* 1 yes, 0 no (logon credentials), -1 unknown */
	struct cq_cred cred;
	int cred_ok;                  /* a persistent credential serves the server */
	struct cq_access acc;
	enum tri svc;
	const struct f_service *svc_fact;
	const struct evidence *svc_inferred; /* access that proves the client runs */
	enum tri status_bad;          /* drive not connected (Unavailable, missing from net use) */
	const char *status_text;
	const struct evidence *status_ev;
};

static int status_is_bad(enum conn_status s)
{
	return s == CONN_UNAVAILABLE || s == CONN_DISCONNECTED || s == CONN_NETWORK_ERROR;
}

static void gather(struct eng *e, const struct drive *d, struct user_facts *u)
{
	struct cq *q = &e->q;
	memset(u, 0, sizeof *u);
	u->rel = arena_printf(e->a, "Network\\%c", d->drive[0]);
	u->path = cq_user_key_state(q, u->rel);
	u->key_shown = u->path.key ? u->path.key : arena_printf(e->a, "HKCU\\%s", u->rel);
	u->dflt_off = cq_persistent_default_off(q, &u->dflt_ev);

	u->username_state = cq_value_state(q, u->rel, "UserName", 1, &u->username, &u->username_ev);
	if (u->username_state == TRI_YES)
		u->cred_needed = u->username->data && *u->username->data ? 1 : 0;
	else if (u->username_state == TRI_NO && u->path.state == TRI_YES)
		u->cred_needed = 0; /* key listed without UserName: no alternate account stored */
	else
		u->cred_needed = -1;

	cq_cred_for(q, d->server, &u->cred);
	u->cred_ok = u->cred.match && !cq_eq(u->cred.match->persistence, "logon-session");
	cq_access_for(q, d->drive, d->server, d->share, &u->acc);
	u->svc = cq_service_running(q, "LanmanWorkstation", &u->svc_fact);
	if (u->svc == TRI_UNKNOWN)
		u->svc_inferred = cq_any_access_ok(q);

	/* connection state: the net use row, Get-SmbMapping, or absence from a listing */
	u->status_bad = TRI_UNKNOWN;
	const struct f_netuse_listing *l = cq_netuse_listing(q);
	if (d->row) {
		u->status_bad = status_is_bad(d->row->status) ? TRI_YES : TRI_NO;
		u->status_text = d->row->status_text ? d->row->status_text : conn_status_name(d->row->status);
		u->status_ev = &d->row->ev;
	} else if (d->smbmap) {
		u->status_bad = status_is_bad(d->smbmap->status) ? TRI_YES : TRI_NO;
		u->status_text = d->smbmap->status_text ? d->smbmap->status_text
							 : conn_status_name(d->smbmap->status);
		u->status_ev = &d->smbmap->ev;
	} else if (l && !(q->me && q->me->elevated == TRI_YES)) {
		/* an elevated listing shows another logon session's drives: proves nothing */
		u->status_bad = TRI_YES;
		u->status_text = "not listed by net use";
		u->status_ev = &l->ev;
	}
}

static const char *fill_user(struct eng *e, const struct drive *d, const struct user_facts *u)
{
	if (u->cred_needed == 1)
		return u->username->data;
	if (d->cmd && d->cmd->user && strcmp(d->cmd->user, "(credential)"))
		return d->cmd->user;
	if (u->cred.match && u->cred.match->user)
		return u->cred.match->user;
	return e->q.me ? e->q.me->user : NULL;
}

/* Two UNC paths name the same share (case and trailing backslashes aside). */
static int same_unc(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	while (n && a[n - 1] == '\\')
		n--;
	while (m && b[m - 1] == '\\')
		m--;
	return n == m && strncasecmp(a, b, n) == 0;
}

static void step_method(struct run *r, const struct drive *d)
{
	struct eng *e = r->e;
	struct step *s;
	if (d->scope == SCOPE_USER) {
		s = run_step(r, "method", "user", "%s is a per-user mapping (%s)", d->drive,
			     d->reg_key ? "registry key under the user's Network key" :
			     d->cmd ? "net use command" : d->smbmap ? "Get-SmbMapping" : "net use listing");
		for (size_t i = 0; s && i < d->sources.n; i++)
			step_ev(e, s, &d->sources.v[i]);
		return;
	}
	/* named only by --drive: is it a global mapping? */
	const struct f_listing *gl = cq_gmap_listing(&e->q);
	struct cq_key gk = cq_key_state(&e->q, arena_printf(e->a, "%s\\%c", CQ_KEY_GLOBALMAPPINGS, d->drive[0]));
	const struct evidence *gev = gl ? &gl->ev : gk.state == TRI_NO ? gk.ev : NULL;
	if (gev) {
		s = run_step(r, "method", "user",
			     "%s is named only by --drive; it is not a global mapping (%s), so the per-user branch applies",
			     d->drive, gl ? "Get-SmbGlobalMapping does not list it" : "no GlobalMappings key");
		step_ev(e, s, gev);
	} else {
		r->inferred++;
		run_step(r, "method", "unknown",
			 "%s is named only by --drive and no listing, registry key or command shows it; "
			 "taken as a per-user mapping (File Explorer / net use), the common case", d->drive);
		ask_global_mappings(e, d->drive);
	}
}

/* Step 1. Returns 1 when solution A ends the walk; sets *undecided when no
 * registry evidence covers the key (later steps still ask for their evidence). */
static int step_path(struct run *r, const struct drive *d, const struct user_facts *u, int *undecided)
{
	struct eng *e = r->e;
	struct step *s;
	if (u->path.state == TRI_YES) {
		const char *hku = e->q.hive_assumed && !span_starts_ci(u->key_shown, 4, "HKCU")
			? " (taken as this user's hive: no whoami /all names the user's SID)" : "";
		if (*hku)
			r->inferred++;
		const struct f_reg_value *rp = cq_user_value(&e->q, u->rel, "RemotePath");
		const struct f_command *c = d->cmd && d->cmd->kind == CMD_NET_USE ? d->cmd : NULL;
		if (rp && rp->data && c && c->remote && !same_unc(rp->data, c->remote) &&
		    cq_error_class(c->error_code) != ERRC_LETTER) {
			/* the guide's "RemotePath shows a wrong path": remap (solution A's steps) */
			s = run_step(r, "path-saved", "wrong path", "%s has RemotePath=%s but the mapping command "
				     "uses %s: the drive reconnects to the old path", u->key_shown, rp->data, c->remote);
			step_ev(e, s, &rp->ev);
			step_ev(e, s, &c->ev);
			r->fill.remote = c->remote;
			unc_split(e->a, c->remote, &r->fill.server, &r->fill.share);
			run_finding(r, FID_SOLUTION_A, 'A', "A", SEV_ERROR);
			return 1;
		}
		s = run_step(r, "path-saved", "yes", "%s exists%s%s%s", u->key_shown,
			     d->remote ? ", RemotePath=" : "", d->remote ? d->remote : "", hku);
		step_ev(e, s, u->path.ev);
		return 0;
	}
	if (u->path.state == TRI_UNKNOWN) {
		run_step(r, "path-saved", "unknown", "no registry evidence covers HKCU\\Network");
		ask_reg_network(e, d->drive);
		*undecided = 1;
		return 0; /* later steps still ask for what they lack */
	}
	/* not persisted: solution A, with root cause C when the default was inherited */
	const struct f_command *c = d->cmd && d->cmd->kind == CMD_NET_USE ? d->cmd : NULL;
	int inherited = c && c->persistent == TRI_UNKNOWN;
	s = run_step(r, "path-saved", "no", "%s does not exist: %s", u->key_shown,
		     u->path.how ? u->path.how : "the registry evidence does not contain it");
	step_ev(e, s, u->path.ev);
	if (u->dflt_off == TRI_YES) {
		s = run_step(r, "persistent-default", "not remembered",
			     "new connections are not remembered on this machine (net use default /persistent:no)");
		step_ev(e, s, u->dflt_ev);
	}
	if (c) {
		s = run_step(r, "map-command", c->persistent == TRI_NO ? "/persistent:no" :
			     c->persistent == TRI_YES ? "/persistent:yes" : "no /persistent",
			     c->persistent == TRI_UNKNOWN ?
			     "the net use command for %s gives no /persistent switch, so it took the machine's last value" :
			     "the net use command for %s sets /persistent explicitly", d->drive);
		step_ev(e, s, &c->ev);
	}
	char roots[4] = "A";
	if (u->dflt_off == TRI_YES || inherited)
		strcat(roots, "C");
	run_finding(r, FID_SOLUTION_A, 'A', arena_strdup(e->a, roots), SEV_ERROR);
	if (u->dflt_off == TRI_YES)
		run_finding(r, FID_PERSISTENT_DEFAULT_OFF, 0, "C", SEV_WARNING);
	return 1;
}

static void cred_note_extra(struct eng *e, const struct user_facts *u, const struct drive *d, char **note)
{
	const struct cq_cred *c = &u->cred;
	if (c->other_form)
		*note = arena_printf(e->a, "%s; a credential exists for %s, which is another name form of %s "
				     "(NetBIOS, FQDN and IP are different targets)", *note,
				     c->other_form->host ? c->other_form->host : c->other_form->target, d->server);
	if (c->ip_vs_name)
		*note = arena_printf(e->a, "%s; a credential exists for %s while the path uses %s: an IP address "
				     "and a name never match each other", *note,
				     c->ip_vs_name->host ? c->ip_vs_name->host : c->ip_vs_name->target, d->server);
	if (c->generic)
		*note = arena_printf(e->a, "%s; a Generic credential for %s exists, but SMB only uses "
				     "Windows (domain) credentials", *note, d->server);
	if (c->domain_wildcard)
		*note = arena_printf(e->a, "%s; %s is a domain wildcard whose membership cannot be checked offline",
				     *note, c->domain_wildcard->target);
	if (c->match && cq_eq(c->match->persistence, "logon-session"))
		*note = arena_printf(e->a, "%s; the credential for %s is saved for this logon only and is gone "
				     "after sign-out", *note, d->server);
}

/* Step 2. Returns 1 when the walk ends here (B decided, or undecided). */
static int step_credentials(struct run *r, const struct drive *d, struct user_facts *u, int *undecided)
{
	struct eng *e = r->e;
	struct step *s;
	if (!d->server) {
		run_step(r, "credential-saved", "unknown", "the remote path of %s is not known", d->drive);
		ask_reg_network(e, d->drive);
		*undecided = 1;
		return 1;
	}
	if (u->cred_needed == 0) {
		int absent = u->username_state != TRI_YES;
		if (absent)
			r->inferred++;
		s = run_step(r, "credential-saved", "logon credentials",
			     absent ? "%s lists no UserName value: the signed-in user's own credentials are used"
				    : "UserName is empty in %s: the signed-in user's own credentials are used, "
				      "no saved credential is needed", u->key_shown);
		step_ev(e, s, u->username_ev);
		return 0;
	}
	if (u->cred_ok) {
		s = run_step(r, "credential-saved", "yes", "%s (User: %s) %s \\\\%s", u->cred.match->target,
			     u->cred.match->user ? u->cred.match->user : "-",
			     u->cred.wildcard ? "covers" : "matches", d->server);
		step_ev(e, s, &u->cred.match->ev);
		return 0;
	}
	if (u->cred.listed != TRI_YES) {
		run_step(r, "credential-saved", "unknown", "no cmdkey /list output covers %s", d->server);
		ask_cmdkey(e, d->drive);
		if (u->cred_needed < 0)
			ask_reg_network(e, d->drive);
		*undecided = 1;
		return 1;
	}
	char *note = arena_printf(e->a, "no Windows credential for %s in Credential Manager", d->server);
	cred_note_extra(e, u, d, &note);
	if (u->cred_needed < 0) {
		note = arena_printf(e->a, "%s; whether %s needs one depends on its UserName value, not collected",
				    note, d->drive);
		s = run_step(r, "credential-saved", "unknown", "%s", note);
		step_ev(e, s, u->cred.listing_ev);
		ask_reg_network(e, d->drive);
		*undecided = 1;
		return 1;
	}
	if (u->cred.domain_wildcard)
		r->inferred++;
	s = run_step(r, "credential-saved", "no", "UserName=%s in %s; %s", u->username->data, u->key_shown, note);
	step_ev(e, s, u->username_ev);
	step_ev(e, s, u->cred.listing_ev);
	if (u->cred.other_form)
		step_ev(e, s, &u->cred.other_form->ev);
	if (u->cred.match)
		step_ev(e, s, &u->cred.match->ev);
	run_finding(r, FID_SOLUTION_B, 'B', "B", SEV_ERROR);
	if (u->cred.other_form)
		run_finding(r, FID_CRED_TARGET_MISMATCH, 0, "B", SEV_ERROR);
	return 1;
}

static const char *access_note(struct eng *e, const struct drive *d, const struct cq_access *a)
{
	const char *what = a->how ? a->how : "access check";
	const char *m = a->error_code ? cq_error_meaning(a->error_code) : NULL;
	char *note;
	if (a->ok == TRI_YES)
		note = arena_printf(e->a, "%s shows \\\\%s\\%s is reachable with the saved/logon credentials",
				    what, d->server, d->share ? d->share : "");
	else if (a->unreachable)
		note = arena_printf(e->a, "%s fails with network error %d (%s): the share itself is unreachable",
				    what, a->error_code, m ? m : "network");
	else if (a->ok == TRI_NO && a->error_code)
		note = arena_printf(e->a, "%s fails with error %d (%s)", what, a->error_code, m ? m : "credential");
	else if (a->ok == TRI_NO)
		note = arena_printf(e->a, "%s returns False for the share", what);
	else
		note = arena_printf(e->a, "no Test-Path, Get-SmbConnection or net use result for \\\\%s\\%s",
				    d->server ? d->server : "<server>", d->share ? d->share : "<share>");
	if (a->contra)
		note = arena_printf(e->a, "%s; another check says otherwise (see evidence)", note);
	if (a->other_name)
		note = arena_printf(e->a, "%s; a check under the other name %s exists, which Windows treats as "
				    "another server for credentials", note, a->other_name);
	return note;
}

static void step_service(struct run *r, const struct user_facts *u)
{
	struct step *s;
	if (u->svc == TRI_YES) {
		s = run_step(r, "service", "running", "LanmanWorkstation (the SMB client) is running");
		step_ev(r->e, s, &u->svc_fact->ev);
	} else if (u->svc_inferred) {
		r->inferred++;
		s = run_step(r, "service", "running", "LanmanWorkstation state not collected; an SMB access that "
			     "worked shows the client service runs");
		step_ev(r->e, s, u->svc_inferred);
	}
}

int rules_service_stopped(struct run *r, const char *prior)
{
	const struct f_service *svc;
	if (cq_service_running(&r->e->q, "LanmanWorkstation", &svc) != TRI_NO)
		return 0;
	struct step *s = run_step(r, "service", "stopped",
				  "LanmanWorkstation (the SMB client) is not running (%s): every SMB access fails%s%s",
				  svc->status_text ? svc->status_text : "stopped",
				  prior ? "; this comes on top of " : "", prior ? prior : "");
	step_ev(r->e, s, &svc->ev);
	run_finding(r, FID_SOLUTION_D, 'D', "", SEV_ERROR);
	return 1;
}

/* Rule 5: a local account reaching the share without any saved credential. */
static void check_ntlm(struct run *r, const struct drive *d, const struct user_facts *u)
{
	struct eng *e = r->e;
	if (u->acc.ok != TRI_YES || u->cred.listed != TRI_YES || u->cred_ok)
		return;
	const struct evidence *lev;
	enum tri local = cq_local_account(&e->q, &lev);
	if (local == TRI_UNKNOWN) {
		if (!e->q.me)
			ask_whoami(e);
		return;
	}
	if (local != TRI_YES)
		return;
	struct step *s = run_step(r, "local-account", "yes",
				  "%s is a local account; \\\\%s accepts it with no saved credential, which works "
				  "only while both passwords happen to match", e->q.me->user ? e->q.me->user : "the user",
				  d->server);
	step_ev(e, s, lev);
	run_finding(r, FID_NTLM_COINCIDENCE, 0, "", SEV_WARNING);
}

/* Steps 3 and 4 once path and credentials are fine. */
static void step_access(struct run *r, const struct drive *d, struct user_facts *u)
{
	struct eng *e = r->e;
	struct cq_access *a = &u->acc;
	struct step *s;
	if (a->contra)
		r->inferred++;
	const char *outcome = a->ok == TRI_YES ? "yes" : a->ok == TRI_NO ? "no" :
			      a->unreachable ? "unreachable" : "unknown";
	s = run_step(r, "credential-valid", outcome, "%s", access_note(e, d, a));
	step_ev(e, s, a->ev);
	step_ev(e, s, a->contra);
	step_ev(e, s, a->other_ev);

	if (rules_service_stopped(r, NULL))
		return;
	if (a->ok == TRI_NO) {
		step_service(r, u);
		if (u->svc == TRI_UNKNOWN && !u->svc_inferred) {
			r->inferred++;
			ask_service(e, d->drive);
		}
		run_finding(r, FID_SOLUTION_C, 'C', "B", SEV_ERROR);
		return;
	}
	if (a->unreachable)
		return; /* unc-unreachable is a case-level finding, not a mapping verdict */
	if (a->ok == TRI_UNKNOWN) {
		ask_access(e, d->drive, d->server, d->share);
		if (u->svc == TRI_UNKNOWN && !u->svc_inferred)
			ask_service(e, d->drive);
		e->any_incomplete = 1;
		return;
	}
	/* access works */
	step_service(r, u);
	if (u->status_bad == TRI_YES) {
		s = run_step(r, "drive-status", "not connected",
			     "everything is saved and the share answers, yet %s is %s", d->drive, u->status_text);
		step_ev(e, s, u->status_ev);
		run_finding(r, FID_SOLUTION_D, 'D', "", SEV_ERROR);
		e->escalate_drive = 1;
		return;
	}
	if (u->status_bad == TRI_UNKNOWN) {
		ask_net_use(e, d->drive);
		e->any_incomplete = 1;
	}
}

void rules_user(struct eng *e, const struct drive *d)
{
	struct run r;
	struct user_facts u;
	int undecided = 0;
	gather(e, d, &u);
	run_init(&r, e, d);
	r.fill.user = fill_user(e, d, &u);
	step_method(&r, d);

	if (step_path(&r, d, &u, &undecided)) {
		rules_service_stopped(&r, "solution A");
		return;
	}
	if (step_credentials(&r, d, &u, &undecided)) {
		if (!undecided) {
			rules_service_stopped(&r, "solution B");
			check_ntlm(&r, d, &u);
			return;
		}
	}
	if (undecided) {
		/* ask for everything the remaining steps need, in one round */
		e->any_incomplete = 1;
		if (u.cred_needed != 0 && u.cred.listed != TRI_YES)
			ask_cmdkey(e, d->drive);
		if (u.acc.ok == TRI_UNKNOWN && !u.acc.unreachable)
			ask_access(e, d->drive, d->server, d->share);
		if (u.svc == TRI_UNKNOWN && !u.svc_inferred)
			ask_service(e, d->drive);
		if (!e->q.me)
			ask_whoami(e);
		return;
	}
	step_access(&r, d, &u);
	check_ntlm(&r, d, &u);
}
