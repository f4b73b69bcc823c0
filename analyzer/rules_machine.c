/* The guide's per-machine branch (SmbGlobalMapping), DESIGN.md §4 rules 6-8:
 * listed by Get-SmbGlobalMapping? -> DFS namespace? -> status and the
 * NetworkService credential files. */
#include "rules.h"

#include <string.h>

static void step_method(struct run *r, const struct drive *d)
{
	struct step *s;
	if (d->scope == SCOPE_MACHINE) {
		s = run_step(r, "method", "machine", "%s is a global (per-machine) mapping (%s)", d->drive,
			     d->gmap ? "Get-SmbGlobalMapping" : d->reg_key ? "GlobalMappings registry key" :
			     d->cmd ? "New-SmbGlobalMapping command" : "net use listing");
		for (size_t i = 0; s && i < d->sources.n; i++)
			step_ev(r->e, s, &d->sources.v[i]);
	} else {
		r->inferred++;
		run_step(r, "method", "machine", "%s is named only by --drive; the case shows SmbGlobalMapping "
			 "in use and no per-user mapping, so the per-machine branch is taken", d->drive);
	}
}

static int finish_absent(struct run *r, const struct drive *d);

/* Where a fact sits in the case's time: the transcript's start time when its file has
 * one, else the file's place among the inputs; then its line. */
struct when {
	const char *start;
	size_t art;
	uint32_t line;
};

static struct when when_of(const struct eng *e, const struct evidence *ev)
{
	struct when w = { NULL, 0, ev->line };
	const struct artefact_set *set = e->cm->artefacts;
	for (size_t i = 0; set && i < set->items.n; i++)
		if (set->items.v[i].path == ev->artefact || cq_eq(set->items.v[i].path, ev->artefact)) {
			w.art = i;
			w.start = set->items.v[i].header ? set->items.v[i].header->start_time : NULL;
			break;
		}
	return w;
}

static int is_later(const struct when *a, const struct when *b)
{
	if (a->start && b->start && strcmp(a->start, b->start))
		return strcmp(a->start, b->start) > 0; /* yyyyMMddHHmmss */
	if (a->art != b->art)
		return a->art > b->art;
	return a->line > b->line;
}

/* A Get-SmbGlobalMapping listing taken after the one that showed the drive, that does
 * not show it (before and after a restart): NULL when none. */
static const struct f_listing *later_listing_without(const struct eng *e, const struct drive *d)
{
	const struct case_model *cm = e->cm;
	struct when row = when_of(e, &d->gmap->ev), own = { NULL, 0, 0 };
	int have_own = 0;
	/* the row's own listing: same file, the last listing that starts at or above it */
	for (size_t i = 0; i < cm->gmap_listings.n; i++) {
		const struct f_listing *l = &cm->gmap_listings.v[i];
		if (!l->global || !cq_eq(l->ev.artefact, d->gmap->ev.artefact) || l->ev.line > row.line)
			continue;
		own = when_of(e, &l->ev);
		have_own = 1;
	}
	if (!have_own)
		own = row;
	const struct f_listing *found = NULL;
	for (size_t i = 0; i < cm->gmap_listings.n; i++) {
		const struct f_listing *l = &cm->gmap_listings.v[i];
		struct when w = when_of(e, &l->ev);
		if (!l->global || !is_later(&w, &own))
			continue;
		int lists = 0;
		for (size_t k = 0; k < cm->gmaps.n && !lists; k++) {
			const struct f_gmap *g = &cm->gmaps.v[k];
			if (!g->global || !cq_eq(g->local, d->drive) || !cq_eq(g->ev.artefact, l->ev.artefact))
				continue;
			/* a row of this listing: after its first line, before the file's next listing */
			struct when gw = when_of(e, &g->ev);
			int next_between = 0;
			for (size_t j = 0; j < cm->gmap_listings.n; j++) {
				const struct f_listing *m = &cm->gmap_listings.v[j];
				if (m != l && cq_eq(m->ev.artefact, l->ev.artefact) && m->ev.line > l->ev.line &&
				    m->ev.line <= g->ev.line)
					next_between = 1;
			}
			lists = gw.line >= w.line && !next_between;
		}
		if (!lists)
			found = l;
	}
	return found;
}

/* Rule 6. Returns 1 when the walk ends (E, or no listing to decide). */
static int step_present(struct run *r, const struct drive *d)
{
	struct eng *e = r->e;
	struct step *s;
	const struct f_listing *later = d->gmap ? later_listing_without(e, d) : NULL;
	if (later) {
		/* shown before, gone from the listing taken after it: lost (at a restart) */
		s = run_step(r, "global-mapping-present", "no", "Get-SmbGlobalMapping listed %s -> %s, but a later "
			     "Get-SmbGlobalMapping does not list it", d->drive, d->gmap->remote ? d->gmap->remote : "?");
		step_ev(e, s, &d->gmap->ev);
		step_ev(e, s, &later->ev);
		return finish_absent(r, d);
	}
	if (d->gmap) {
		s = run_step(r, "global-mapping-present", "yes", "Get-SmbGlobalMapping lists %s -> %s",
			     d->drive, d->gmap->remote ? d->gmap->remote : "?");
		step_ev(e, s, &d->gmap->ev);
		return 0;
	}
	const struct f_listing *gl = cq_gmap_listing(&e->q);
	if (!gl) {
		run_step(r, "global-mapping-present", "unknown", "no Get-SmbGlobalMapping output was collected");
		ask_global_mappings(e, d->drive);
		if (!cq_netsvc_cred_dir(&e->q))
			ask_netsvc_creds(e, d->drive);
		e->any_incomplete = 1;
		return 1;
	}
	s = run_step(r, "global-mapping-present", "no", "Get-SmbGlobalMapping does not list %s", d->drive);
	step_ev(e, s, &gl->ev);
	return finish_absent(r, d);
}

/* Solution E for a drive the listing does not (or no longer) show: the command's
 * -Persistent, its failure, the registry key left behind. */
static int finish_absent(struct run *r, const struct drive *d)
{
	struct eng *e = r->e;
	struct step *s;
	const char *roots = "A";
	const struct f_command *c = d->cmd && d->cmd->kind == CMD_NEW_GMAP ? d->cmd : NULL;
	if (c) {
		s = run_step(r, "map-command", c->persistent == TRI_YES ? "-Persistent $true" :
			     c->persistent == TRI_NO ? "-Persistent $false" : "no -Persistent",
			     c->persistent == TRI_YES ? "New-SmbGlobalMapping for %s asked for persistence" :
			     c->persistent == TRI_NO ? "New-SmbGlobalMapping for %s was created non-persistent" :
			     "New-SmbGlobalMapping for %s has no -Persistent $true, so it did not survive a reboot",
			     d->drive);
		step_ev(e, s, &c->ev);
		if (c->error_code > 0) {
			/* it never existed: say so next to "not persisted" (the error's own
			 * finding, 85/1219/1312..., names the cause) */
			const char *m = cq_error_meaning(c->error_code);
			s = run_step(r, "map-command", "failed", "New-SmbGlobalMapping for %s failed with error %d%s%s%s: "
				     "the mapping was never created", d->drive, c->error_code, m ? " (" : "",
				     m ? m : "", m ? ")" : "");
			step_ev(e, s, c->error_ev.artefact ? &c->error_ev : &c->ev);
		} else if (c->persistent == TRI_UNKNOWN) {
			roots = "AC";
		}
	}
	struct cq_key k = cq_key_state(&e->q, arena_printf(e->a, "%s\\%c", CQ_KEY_GLOBALMAPPINGS, d->drive[0]));
	if (k.state == TRI_YES) {
		s = run_step(r, "global-mapping-registry", "yes",
			     "%s\\%c is still in the registry but the mapping is not restored",
			     CQ_KEY_GLOBALMAPPINGS, d->drive[0]);
		step_ev(e, s, k.ev);
	}
	run_finding(r, FID_SOLUTION_E, 'E', roots, SEV_ERROR);
	return 1;
}

/* The remote is known only as a table cell the formatter cut ("\\srv\Cont..." or "…"):
 * the fix would quote a path that does not exist, so the whole one is asked for. */
static void ask_whole_remote(struct eng *e, const struct drive *d)
{
	size_t n = d->remote ? strlen(d->remote) : 0;
	if (n >= 3 && (!strcmp(d->remote + n - 3, "...") || !strcmp(d->remote + n - 3, "\xE2\x80\xA6")))
		next_step(e, NS_GLOBAL_MAPPING, d->drive, "Get-SmbGlobalMapping -LocalPath %s | Format-List", d->drive);
}

void rules_machine(struct eng *e, const struct drive *d)
{
	struct run r;
	struct step *s;
	run_init(&r, e, d);
	if (d->cmd && d->cmd->user && strcmp(d->cmd->user, "(credential)"))
		r.fill.user = d->cmd->user;
	ask_whole_remote(e, d);
	step_method(&r, d);
	if (step_present(&r, d)) {
		rules_service_stopped(&r, "the global mapping's state");
		return;
	}
	/* Rule 7: a domain-based namespace cannot be a global mapping target */
	const char *dom;
	const struct evidence *dev;
	if (cq_domain_namespace(&e->q, d->server, &dom, &dev)) {
		s = run_step(&r, "dfs", "yes", "\\\\%s is the Active Directory domain name (%s): a domain-based "
			     "DFS namespace, which SmbGlobalMapping does not support", d->server, dom);
		step_ev(e, s, dev);
		run_finding(&r, FID_SOLUTION_F, 'F', "E", SEV_ERROR);
		return;
	}
	if (d->server)
		run_step(&r, "dfs", "no", "\\\\%s is not the domain's name; no namespace evidence", d->server);
	else
		run_step(&r, "dfs", "no", "the remote server is not known; no namespace evidence");
	/* Listed now but not persisted (guide §4 Direction A, §5 E): the GlobalMappings key is
	 * shown absent, so the mapping is gone after the next restart. */
	struct cq_key k = cq_key_state(&e->q, arena_printf(e->a, "%s\\%c", CQ_KEY_GLOBALMAPPINGS, d->drive[0]));
	if (k.state == TRI_NO) {
		s = run_step(&r, "global-mapping-registry", "no", "%s is listed now, but %s\\%c is not in the "
			     "registry (%s): the mapping is not persistent and is gone after the next restart",
			     d->drive, CQ_KEY_GLOBALMAPPINGS, d->drive[0], k.how ? k.how : "shown absent");
		step_ev(e, s, k.ev);
		const char *roots = "A";
		const struct f_command *c = d->cmd && d->cmd->kind == CMD_NEW_GMAP ? d->cmd : NULL;
		if (c) {
			s = run_step(&r, "map-command", c->persistent == TRI_YES ? "-Persistent $true" :
				     c->persistent == TRI_NO ? "-Persistent $false" : "no -Persistent",
				     "New-SmbGlobalMapping for %s %s", d->drive,
				     c->persistent == TRI_YES ? "asked for persistence" :
				     c->persistent == TRI_NO ? "was created non-persistent" : "has no -Persistent $true");
			step_ev(e, s, &c->ev);
			if (c->persistent == TRI_UNKNOWN)
				roots = "AC";
		}
		run_finding(&r, FID_SOLUTION_E, 'E', roots, SEV_ERROR);
		return;
	}
	if (rules_service_stopped(&r, NULL))
		return;
	/* Rule 8: status, then the credential files lsass keeps for global mappings */
	const struct f_gmap *g = d->gmap;
	int ok_status = g->status == CONN_OK || g->status_code == 0;
	int unknown_status = g->status == CONN_UNKNOWN && g->status_code < 0;
	if (!ok_status && !unknown_status) {
		s = run_step(&r, "global-status", "not ok", "Get-SmbGlobalMapping shows Status %s for %s",
			     g->status_text ? g->status_text : conn_status_name(g->status), d->drive);
		step_ev(e, s, &g->ev);
		run_finding(&r, FID_SOLUTION_G, 'G', "F", SEV_ERROR);
		return;
	}
	if (ok_status)
		s = run_step(&r, "global-status", "ok", "Status is OK");
	else
		s = run_step(&r, "global-status", "unknown", "the Status column could not be read");
	step_ev(e, s, &g->ev);
	const struct f_dir *dir = cq_netsvc_cred_dir(&e->q);
	if (!dir) {
		ask_netsvc_creds(e, d->drive);
		e->any_incomplete = 1;
		return;
	}
	if (dir->not_found || dir->files == 0) {
		s = run_step(&r, "credential-file", "missing", "%s is %s", CQ_NETSVC_CRED_DIR,
			     dir->not_found ? "not found" : "empty: no credential file for the global mapping");
		step_ev(e, s, &dir->ev);
		run_finding(&r, FID_SOLUTION_G, 'G', "F", SEV_ERROR);
		return;
	}
	/* healthy: listed, not DFS, OK, credential files present */
}
