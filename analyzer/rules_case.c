/* Case-level checks: facts that are not one drive's walk through the tree
 * (command-line mistakes, error codes with a known cause, policies, scope,
 * secrets in scripts) and the escalation summary when everything checks out. */
#include "rules.h"

#include <string.h>

#define MAX_GROUPS 32 /* bound on distinct servers/SIDs reported, against hostile input */

/* The case's own spelling of a drive letter, NULL when no drive of the case has it. */
static const char *known_drive(const struct eng *e, const char *drive)
{
	for (size_t i = 0; drive && i < e->ndrives; i++)
		if (e->drives[i].drive[0] && (e->drives[i].drive[0] | 0x20) == (drive[0] | 0x20) &&
		    (drive[1] == ':' || drive[1] == '\0'))
			return e->drives[i].drive;
	return NULL;
}

static struct fill command_fill(struct eng *e, const struct f_command *c)
{
	struct fill f = { 0 };
	f.drive = known_drive(e, c->drive);
	if (f.drive)
		f.letter = arena_strndup(e->a, f.drive, 1);
	f.remote = c->remote;
	if (c->remote)
		unc_split(e->a, c->remote, &f.server, &f.share);
	if (c->user && strcmp(c->user, "(credential)"))
		f.user = c->user;
	else if (e->q.me)
		f.user = e->q.me->user;
	return f;
}

static const char *code_note(struct eng *e, int code)
{
	const char *m = cq_error_meaning(code);
	return m ? arena_printf(e->a, "error %d (%s)", code, m) : arena_printf(e->a, "error %d", code);
}

/* One finding per command whose outcome has error class `cls` (or matches `flag`);
 * errors printed without a known command join one case-level finding. */
struct cmd_rule {
	enum cq_err_class cls;
	const char *id, *roots, *check;
	enum severity sev;
	int (*flag)(const struct f_command *c); /* extra trigger without an error, may be NULL */
};

static int savecred_with_user(const struct f_command *c)
{
	return c->kind == CMD_NET_USE && c->savecred && c->user;
}

static void command_rule(struct eng *e, const struct cmd_rule *rule)
{
	struct case_model *cm = e->cm;
	struct finding *per_cmd[MAX_GROUPS] = { 0 };
	const struct f_command *cmds[MAX_GROUPS] = { 0 };
	size_t n = 0;
	for (size_t i = 0; i < cm->commands.n && n < MAX_GROUPS; i++) {
		const struct f_command *c = &cm->commands.v[i];
		int by_code = c->error_code > 0 && cq_error_class(c->error_code) == rule->cls;
		int by_flag = rule->flag && rule->flag(c);
		if (!by_code && !by_flag)
			continue;
		struct fill f = command_fill(e, c);
		struct finding *fd = case_finding(e, rule->id, 0, rule->roots, rule->sev, &f);
		if (!fd)
			return;
		f.extra = by_code ? arena_printf(e->a, "%d", c->error_code) : NULL;
		fd->fill.extra = f.extra;
		struct step *s;
		if (by_flag)
			s = finding_step(e, fd, rule->check, "yes", "the command combines /savecred with /user:, "
					 "which net use refuses: %s", c->text ? c->text : "");
		else
			s = finding_step(e, fd, rule->check, code_note(e, c->error_code), "the command failed: %s",
					 c->text ? c->text : "");
		step_ev(e, s, &c->ev);
		finding_ev(e, fd, &c->ev);
		per_cmd[n] = fd;
		cmds[n++] = c;
	}
	struct finding *loose = NULL;
	for (size_t i = 0; i < cm->errors.n; i++) {
		const struct f_error *er = &cm->errors.v[i];
		if (cq_error_class(er->code) != rule->cls)
			continue;
		struct finding *owner = NULL;
		for (size_t k = 0; k < n && er->command; k++)
			if (cmds[k]->text && !strcmp(cmds[k]->text, er->command))
				owner = per_cmd[k];
		if (!owner) {
			if (!loose) {
				struct fill f = { 0 };
				f.extra = arena_printf(e->a, "%d", er->code);
				f.user = e->q.me ? e->q.me->user : NULL;
				loose = case_finding(e, rule->id, 0, rule->roots, rule->sev, &f);
				if (!loose)
					return;
				struct step *s = finding_step(e, loose, rule->check, code_note(e, er->code),
							      "the error was printed%s%s", er->command ? " by: " : "",
							      er->command ? er->command : "");
				step_ev(e, s, &er->ev);
			}
			owner = loose;
		}
		finding_ev(e, owner, &er->ev);
	}
}

static const struct cmd_rule cmd_rules[] = {
	{ ERRC_SWITCHES, FID_SAVECRED_USER_CONFLICT, "D", "savecred-user", SEV_ERROR, savecred_with_user },
	{ ERRC_SESSION_CONFLICT, FID_SESSION_CONFLICT_1219, "", "session-conflict", SEV_ERROR, NULL },
	{ ERRC_LETTER, FID_DRIVE_LETTER_CONFLICT, "", "drive-letter", SEV_ERROR, NULL },
	{ ERRC_GUEST, FID_GUEST_AUTH_BLOCKED, "", "guest-logon", SEV_ERROR, NULL },
	{ ERRC_LOGON_SESSION, FID_NETWORK_LOGON_NO_CREDS, "", "logon-session", SEV_ERROR, NULL },
};

/* ---- scope ----------------------------------------------------------------- */

/* Per-user mappings stored in another account's hive than the complaining user's. */
static void scope_other_sids(struct eng *e)
{
	struct cq *q = &e->q;
	if (!q->me || !q->me->sid)
		return; /* without the user's SID every hive counts as theirs */
	struct case_model *cm = e->cm;
	const char *sids[MAX_GROUPS];
	struct finding *fs[MAX_GROUPS];
	size_t n = 0;
	for (size_t pass = 0; pass < 2; pass++) {
		size_t count = pass == 0 ? cm->reg_keys.n : cm->reg_values.n;
		for (size_t i = 0; i < count; i++) {
			const char *key = pass == 0 ? cm->reg_keys.v[i].key : cm->reg_values.v[i].key;
			const struct evidence *ev = pass == 0 ? &cm->reg_keys.v[i].ev : &cm->reg_values.v[i].ev;
			/* cheap shape test first: HKU\<SID>\Network\<letter> */
			if (!key || !span_starts_ci(key, strlen(key), "HKU\\") || !strstr(key, "\\Network\\"))
				continue;
			const char *rest;
			const char *sid = cq_hku_sid(e->a, key, &rest);
			if (!sid || cq_eq(sid, q->me->sid) || cq_ends_with_ci(sid, "_Classes"))
				continue;
			const char *drive = cq_subkey_drive(e->a, key, arena_printf(e->a, "HKU\\%s\\Network", sid));
			if (!drive)
				continue;
			size_t k = 0;
			while (k < n && !cq_eq(sids[k], sid))
				k++;
			if (k == n) {
				if (n == MAX_GROUPS)
					continue;
				struct fill f = { 0 };
				f.sid = sid;
				f.user = q->me->user;
				f.drive = NULL;
				fs[n] = case_finding(e, FID_SCOPE_MISMATCH, 0, "E", SEV_WARNING, &f);
				if (!fs[n])
					return;
				sids[n++] = sid;
				struct step *s = finding_step(e, fs[k], "scope", "other user",
							      "per-user mappings are stored under HKU\\%s, not under "
							      "the complaining user's SID %s", sid, q->me->sid);
				step_ev(e, s, &q->me->ev);
			}
			/* one step per drive: the key line and each of its values only add evidence */
			struct step *s = NULL;
			for (size_t j = 0; j < fs[k]->steps.n && !s; j++)
				if (!strcmp(fs[k]->steps.v[j].check, "other-user-drive") &&
				    cq_eq(fs[k]->steps.v[j].outcome, drive))
					s = &fs[k]->steps.v[j];
			if (!s)
				s = finding_step(e, fs[k], "other-user-drive", drive, "%s maps %s", key, drive);
			step_ev(e, s, ev);
			finding_ev(e, fs[k], ev);
		}
	}
}

/* --symptom other-users with a per-user mapping: wrong method for the need. */
static void scope_symptom(struct eng *e)
{
	if (!cq_eq(e->cm->symptom, "other-users"))
		return;
	for (size_t i = 0; i < e->ndrives; i++) {
		const struct drive *d = &e->drives[i];
		if (d->scope != SCOPE_USER)
			continue;
		struct fill f = { 0 };
		f.drive = d->drive;
		f.letter = arena_strndup(e->a, d->drive, 1);
		f.remote = d->remote;
		f.server = d->server;
		f.share = d->share;
		f.user = e->q.me ? e->q.me->user : NULL;
		struct finding *fd = case_finding(e, FID_SCOPE_MISMATCH, 0, "E", SEV_ERROR, &f);
		struct step *s = finding_step(e, fd, "method", "user",
					      "%s is a per-user mapping, which only its own user sees, while the "
					      "customer expects every user of the machine to see it", d->drive);
		for (size_t k = 0; s && k < d->sources.n; k++)
			step_ev(e, s, &d->sources.v[k]);
		for (size_t k = 0; fd && k < d->sources.n; k++)
			finding_ev(e, fd, &d->sources.v[k]);
	}
}

/* ---- unreachable shares ---------------------------------------------------- */

struct share_group {
	const char *server, *share;
};

static void add_group(struct eng *e, struct share_group *g, size_t *n, const char *server, const char *share)
{
	if (!server || !share || *n >= MAX_GROUPS)
		return;
	for (size_t i = 0; i < *n; i++)
		if (cq_eq(g[i].server, server) && cq_eq(g[i].share, share))
			return;
	g[*n].server = server;
	g[*n].share = share;
	(*n)++;
	(void)e;
}

static void unc_unreachable(struct eng *e)
{
	struct case_model *cm = e->cm;
	struct share_group g[MAX_GROUPS];
	size_t n = 0;
	for (size_t i = 0; i < cm->access.n; i++) {
		const struct f_access *a = &cm->access.v[i];
		if (cq_error_class(a->error_code) != ERRC_NETWORK)
			continue;
		const char *srv = a->server, *sh = a->share;
		if (!srv)
			unc_split(e->a, a->target, &srv, &sh);
		add_group(e, g, &n, srv, sh);
	}
	for (size_t i = 0; i < cm->commands.n; i++) {
		const struct f_command *c = &cm->commands.v[i];
		if (c->kind != CMD_NET_USE || cq_error_class(c->error_code) != ERRC_NETWORK)
			continue;
		const char *srv, *sh;
		unc_split(e->a, c->remote, &srv, &sh);
		add_group(e, g, &n, srv, sh);
	}
	for (size_t i = 0; i < n; i++) {
		struct cq_access acc;
		cq_access_for(&e->q, NULL, g[i].server, g[i].share, &acc);
		if (!acc.unreachable)
			continue; /* something reached it: not a network problem */
		struct fill f = { 0 };
		f.server = g[i].server;
		f.share = g[i].share;
		f.remote = arena_printf(e->a, "\\\\%s\\%s", g[i].server, g[i].share);
		f.extra = arena_printf(e->a, "%d", acc.error_code);
		const char *drives = "";
		for (size_t k = 0; k < e->ndrives; k++)
			if (cq_eq(e->drives[k].server, g[i].server) && cq_eq(e->drives[k].share, g[i].share))
				drives = arena_printf(e->a, "%s%s%s", drives, *drives ? ", " : "", e->drives[k].drive);
		struct finding *fd = case_finding(e, FID_UNC_UNREACHABLE, 0, "", SEV_ERROR, &f);
		struct step *s = finding_step(e, fd, "unc-reachable", "no",
					      "%s fails with %s%s%s; the network path, not the mapping, is the problem",
					      f.remote, code_note(e, acc.error_code),
					      *drives ? " (used by " : "", *drives ? arena_printf(e->a, "%s)", drives) : "");
		step_ev(e, s, acc.ev);
		finding_ev(e, fd, acc.ev);
	}
}

/* ---- policies -------------------------------------------------------------- */

static void policy_value(struct eng *e, const char *key, const char *name, uint64_t bad,
			 const char *id, const char *roots, enum severity sev, const char *what)
{
	const struct f_reg_value *v = cq_value(&e->q, key, name);
	uint64_t num;
	if (!v || cq_value_number(v, &num) != 0 || num != bad)
		return;
	struct fill f = { 0 };
	f.extra = arena_printf(e->a, "%llu", (unsigned long long)num);
	f.user = e->q.me ? e->q.me->user : NULL;
	struct finding *fd = case_finding(e, id, 0, roots, sev, &f);
	struct step *s = finding_step(e, fd, "policy", "set", "%s\\%s = %llu: %s", key, name,
				      (unsigned long long)num, what);
	step_ev(e, s, &v->ev);
	finding_ev(e, fd, &v->ev);
}

/* Elevated collection while drives look missing: linked connections off. */
static void uac_split_token(struct eng *e)
{
	struct cq *q = &e->q;
	if (!q->me || q->me->elevated != TRI_YES)
		return;
	const struct f_netuse_listing *l = cq_netuse_listing(q);
	if (!l)
		return;
	const struct drive *missing = NULL;
	for (size_t i = 0; i < e->ndrives && !missing; i++) {
		const struct drive *d = &e->drives[i];
		if (d->scope == SCOPE_MACHINE || d->row)
			continue;
		if (d->hinted || cq_user_key_state(q, arena_printf(e->a, "Network\\%c", d->drive[0])).state == TRI_YES)
			missing = d;
	}
	if (!l->empty && !missing)
		return;
	const struct f_reg_value *v;
	const struct evidence *vev;
	enum tri st = cq_value_state(q, CQ_KEY_POLICIES_SYSTEM, "EnableLinkedConnections", 0, &v, &vev);
	uint64_t num = 0;
	if (st == TRI_YES && cq_value_number(v, &num) == 0 && num == 1)
		return;
	struct fill f = { 0 };
	f.user = q->me->user;
	if (missing) {
		f.drive = missing->drive;
		f.letter = arena_strndup(e->a, missing->drive, 1);
		f.remote = missing->remote;
		f.server = missing->server;
		f.share = missing->share;
	}
	struct finding *fd = case_finding(e, FID_UAC_SPLIT_TOKEN, 0, "", SEV_WARNING, &f);
	if (!fd)
		return;
	fd->fill.drive = NULL; /* about the session, not one drive; remote/server stay for the texts */
	struct step *s = finding_step(e, fd, "elevated", "yes", "the data was collected by %s in an elevated "
				      "(%s integrity) session", q->me->user ? q->me->user : "the user",
				      q->me->integrity ? q->me->integrity : "high");
	step_ev(e, s, &q->me->ev);
	finding_ev(e, fd, &q->me->ev);
	s = finding_step(e, fd, "drives-visible", "no", l->empty ? "net use lists no connection in that session" :
			 "net use in that session does not list %s, which the user has", missing ? missing->drive : "");
	step_ev(e, s, &l->ev);
	finding_ev(e, fd, &l->ev);
	if (st == TRI_UNKNOWN) {
		fd->confidence = CONF_MEDIUM;
		finding_step(e, fd, "linked-connections", "unknown", "EnableLinkedConnections was not collected");
		next_step(e, NS_LINKED_CONNECTIONS, NULL, "reg query %s /v EnableLinkedConnections",
			  CQ_KEY_POLICIES_SYSTEM);
	} else {
		s = finding_step(e, fd, "linked-connections", st == TRI_YES ? "0" : "absent",
				 "EnableLinkedConnections is %s: drive letters are not shared between the "
				 "elevated and the filtered session", st == TRI_YES ? "0" : "not set");
		step_ev(e, s, vev);
		finding_ev(e, fd, vev);
	}
}

static void plaintext_passwords(struct eng *e)
{
	struct case_model *cm = e->cm;
	if (!cm->secrets.n)
		return;
	struct fill f = { 0 };
	f.extra = arena_printf(e->a, "%zu", cm->secrets.n);
	struct finding *fd = case_finding(e, FID_PLAINTEXT_PASSWORD, 0, "", SEV_WARNING, &f);
	for (size_t i = 0; fd && i < cm->secrets.n && i < 64; i++) {
		const struct f_secret *sc = &cm->secrets.v[i];
		struct step *s = finding_step(e, fd, "secret", "found", "a plaintext password (%s) at %s line %u; "
					      "the value is not shown", sc->what ? sc->what : "password",
					      sc->ev.artefact ? sc->ev.artefact : "?", (unsigned)sc->ev.line);
		step_ev(e, s, &sc->ev);
		finding_ev(e, fd, &sc->ev);
	}
}

/* ---- escalation ------------------------------------------------------------ */

static int has_problem(const struct eng *e)
{
	for (size_t i = 0; i < e->pend.n; i++) {
		const char *id = e->pend.v[i]->f.id;
		if (strcmp(id, FID_PLAINTEXT_PASSWORD) && strcmp(id, FID_ESCALATE))
			return 1;
	}
	return 0;
}

static void escalate(struct eng *e)
{
	struct case_model *cm = e->cm;
	int symptom_only = cm->symptom && *cm->symptom && !has_problem(e) && !e->any_incomplete && !e->next.n;
	if (!e->escalate_drive && !symptom_only)
		return;
	struct fill f = { 0 };
	f.extra = cm->symptom;
	f.user = e->q.me ? e->q.me->user : NULL;
	struct finding *fd = case_finding(e, FID_ESCALATE, 0, "", SEV_WARNING, &f);
	if (!fd)
		return;
	for (size_t i = 0; i < e->ndrives; i++) {
		const struct drive *d = &e->drives[i];
		const char *verdict = "all checks passed";
		for (size_t k = 0; k < e->pend.n; k++) {
			const struct finding *g = &e->pend.v[k]->f;
			if (g->solution && cq_eq(g->fill.drive, d->drive))
				verdict = g->id;
		}
		struct step *s = finding_step(e, fd, "summary", verdict, "%s -> %s (%s)", d->drive,
					      d->remote ? d->remote : "?", d->scope == SCOPE_MACHINE ? "machine" : "user");
		for (size_t k = 0; s && k < d->sources.n && k < 4; k++)
			step_ev(e, s, &d->sources.v[k]);
	}
	if (cm->symptom && *cm->symptom)
		finding_step(e, fd, "symptom", cm->symptom, "the customer still reports: %s", cm->symptom);
	/* what the guide asks to attach when escalating, where not yet collected */
	int machine = 0;
	for (size_t i = 0; i < e->ndrives; i++)
		machine |= e->drives[i].scope == SCOPE_MACHINE;
	if (!cm->netuse_listings.n)
		ask_net_use(e, NULL);
	if (cq_user_key_state(&e->q, "Network").state == TRI_UNKNOWN)
		ask_reg_network(e, NULL);
	if (!cm->cred_listings.n)
		ask_cmdkey(e, NULL);
	if (machine && !cq_gmap_listing(&e->q))
		ask_global_mappings(e, NULL);
	if (!e->q.me)
		ask_whoami(e);
	if (!e->q.host)
		next_step(e, NS_SYSTEMINFO, NULL, "systeminfo");
}

void rules_case(struct eng *e)
{
	for (size_t i = 0; i < sizeof cmd_rules / sizeof cmd_rules[0]; i++)
		command_rule(e, &cmd_rules[i]);
	scope_other_sids(e);
	scope_symptom(e);
	unc_unreachable(e);
	policy_value(e, CQ_KEY_LSA, "DisableDomainCreds", 1, FID_POLICY_DISABLE_DOMAIN_CREDS, "B", SEV_ERROR,
		     "Windows may not store domain credentials for network authentication");
	policy_value(e, CQ_KEY_NETWORKPROVIDER, "RestoreConnection", 0, FID_RESTORECONNECTION_DISABLED, "",
		     SEV_WARNING, "persistent connections are not restored at sign-in");
	uac_split_token(e);
	plaintext_passwords(e);
	escalate(e);
}
