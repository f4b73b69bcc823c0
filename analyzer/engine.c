/* The engine driver: find every drive the case speaks of, walk the guide's
 * branch for each (per-user or per-machine), run the case-level checks, and
 * put the verdict in a deterministic order. Reads struct case_model only. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

typedef VEC(struct drive) drive_vec;

static struct drive *find_drive(drive_vec *v, const char *drive, enum drive_scope scope)
{
	for (size_t i = 0; i < v->n; i++)
		if (cq_eq(v->v[i].drive, drive) && v->v[i].scope == scope)
			return &v->v[i];
	return NULL;
}

static struct drive *get_drive(struct eng *e, drive_vec *v, const char *drive, enum drive_scope scope)
{
	/* facts may carry "z:", "Z:\\" or "*": only a real letter makes a drive */
	drive = drive ? drive_normalize(e->a, drive, strlen(drive)) : NULL;
	if (!drive)
		return NULL;
	struct drive *d = find_drive(v, drive, scope);
	if (d)
		return d;
	d = VEC_PUSH(e->a, v);
	if (!d)
		return NULL;
	d->drive = drive;
	d->scope = scope;
	return d;
}

static void add_source(struct eng *e, struct drive *d, const struct evidence *ev)
{
	if (!d || !ev)
		return;
	for (size_t i = 0; i < d->sources.n; i++)
		if (d->sources.v[i].line == ev->line && cq_eq(d->sources.v[i].artefact, ev->artefact))
			return;
	struct evidence *p = VEC_PUSH(e->a, &d->sources);
	if (p)
		*p = *ev;
}

/* The values that say where a drive points; the others (ProviderType, ...) are noise as sources. */
static int names_mapping(const struct f_reg_value *rv)
{
	return cq_eq(rv->name, "RemotePath") || cq_eq(rv->name, "UserName");
}

/* Per-user evidence: HKCU\Network\X (or the user's HKU hive), net use X: commands,
 * New-SmbMapping, Get-SmbMapping rows. */
static void collect_user(struct eng *e, drive_vec *v)
{
	struct case_model *cm = e->cm;
	for (size_t i = 0; i < cm->reg_keys.n; i++) {
		const struct f_reg_key *k = &cm->reg_keys.v[i];
		struct drive *d = get_drive(e, v, cq_user_network_drive(&e->q, k->key), SCOPE_USER);
		if (d) {
			d->reg_key = k->key;
			add_source(e, d, &k->ev);
		}
	}
	for (size_t i = 0; i < cm->reg_values.n; i++) {
		const struct f_reg_value *rv = &cm->reg_values.v[i];
		if (rv->deleted)
			continue;
		struct drive *d = get_drive(e, v, cq_user_network_drive(&e->q, rv->key), SCOPE_USER);
		if (d) {
			d->reg_key = rv->key;
			if (names_mapping(rv))
				add_source(e, d, &rv->ev);
		}
	}
	for (size_t i = 0; i < cm->reg_scopes.n; i++) {
		const struct f_reg_scope *s = &cm->reg_scopes.v[i];
		struct drive *d = get_drive(e, v, cq_user_network_drive(&e->q, s->key), SCOPE_USER);
		if (d) {
			d->reg_key = s->key;
			add_source(e, d, &s->ev);
		}
	}
	for (size_t i = 0; i < cm->commands.n; i++) {
		const struct f_command *c = &cm->commands.v[i];
		if ((c->kind != CMD_NET_USE || !c->remote) && c->kind != CMD_NEW_SMBMAPPING)
			continue;
		struct drive *d = get_drive(e, v, c->drive, SCOPE_USER);
		if (d) {
			d->cmd = c;
			add_source(e, d, &c->ev);
		}
	}
	for (size_t i = 0; i < cm->gmaps.n; i++) {
		const struct f_gmap *g = &cm->gmaps.v[i];
		if (g->global)
			continue;
		struct drive *d = get_drive(e, v, g->local, SCOPE_USER);
		if (d) {
			d->smbmap = g;
			add_source(e, d, &g->ev);
		}
	}
}

/* Per-machine evidence: Get-SmbGlobalMapping rows, GlobalMappings\X, New-SmbGlobalMapping. */
static void collect_machine(struct eng *e, drive_vec *v)
{
	struct case_model *cm = e->cm;
	for (size_t i = 0; i < cm->gmaps.n; i++) {
		const struct f_gmap *g = &cm->gmaps.v[i];
		if (!g->global)
			continue;
		struct drive *d = get_drive(e, v, g->local, SCOPE_MACHINE);
		if (d) {
			d->gmap = g;
			add_source(e, d, &g->ev);
		}
	}
	for (size_t i = 0; i < cm->reg_keys.n; i++) {
		const struct f_reg_key *k = &cm->reg_keys.v[i];
		struct drive *d = get_drive(e, v, cq_subkey_drive(e->a, k->key, CQ_KEY_GLOBALMAPPINGS),
					    SCOPE_MACHINE);
		if (d) {
			d->reg_key = k->key;
			add_source(e, d, &k->ev);
		}
	}
	for (size_t i = 0; i < cm->reg_values.n; i++) {
		const struct f_reg_value *rv = &cm->reg_values.v[i];
		struct drive *d = rv->deleted ? NULL :
			get_drive(e, v, cq_subkey_drive(e->a, rv->key, CQ_KEY_GLOBALMAPPINGS), SCOPE_MACHINE);
		if (d) {
			d->reg_key = rv->key;
			if (names_mapping(rv))
				add_source(e, d, &rv->ev);
		}
	}
	for (size_t i = 0; i < cm->commands.n; i++) {
		const struct f_command *c = &cm->commands.v[i];
		if (c->kind != CMD_NEW_GMAP)
			continue;
		struct drive *d = get_drive(e, v, c->drive, SCOPE_MACHINE);
		if (d) {
			d->cmd = c;
			add_source(e, d, &c->ev);
		}
	}
}

/* net use lists both kinds: a row joins the per-user drive of its letter, else
 * the per-machine one, else it makes a per-user drive. */
static void collect_rows(struct eng *e, drive_vec *v)
{
	struct case_model *cm = e->cm;
	for (size_t i = 0; i < cm->netuse_rows.n; i++) {
		const struct f_netuse_row *r = &cm->netuse_rows.v[i];
		const char *letter = r->drive ? drive_normalize(e->a, r->drive, strlen(r->drive)) : NULL;
		if (!letter)
			continue; /* deviceless (\\srv\IPC$) is a session, not a drive */
		struct drive *d = find_drive(v, letter, SCOPE_USER);
		if (!d)
			d = find_drive(v, letter, SCOPE_MACHINE);
		if (!d)
			d = get_drive(e, v, letter, SCOPE_USER);
		if (d) {
			d->row = r;
			add_source(e, d, &r->ev);
		}
	}
}

static void collect_hint(struct eng *e, drive_vec *v)
{
	const char *h = e->cm->drive_hint;
	h = h ? drive_normalize(e->a, h, strlen(h)) : NULL;
	if (!h)
		return;
	int found = 0;
	for (size_t i = 0; i < v->n; i++)
		if (cq_eq(v->v[i].drive, h)) {
			v->v[i].hinted = 1;
			found = 1;
		}
	if (!found) {
		struct drive *d = get_drive(e, v, h, SCOPE_UNKNOWN);
		if (d)
			d->hinted = 1;
	}
}

static int cut_cell(const char *s)
{
	size_t n = strlen(s);
	return n >= 3 && (!strcmp(s + n - 3, "...") || !strcmp(s + n - 3, "\xE2\x80\xA6"));
}

static void set_remote(struct eng *e, struct drive *d)
{
	const char *cands[5] = { 0 };
	size_t n = 0;
	if (d->scope == SCOPE_MACHINE) {
		if (d->gmap) cands[n++] = d->gmap->remote;
		const struct f_reg_value *rv = cq_value(&e->q, arena_printf(e->a, "%s\\%c",
					CQ_KEY_GLOBALMAPPINGS, d->drive[0]), "RemotePath");
		if (rv) cands[n++] = rv->data;
	} else {
		const struct f_reg_value *rv = cq_user_value(&e->q, arena_printf(e->a, "Network\\%c",
					d->drive[0]), "RemotePath");
		if (rv) cands[n++] = rv->data;
		if (d->smbmap) cands[n++] = d->smbmap->remote;
	}
	if (d->row) cands[n++] = d->row->remote;
	if (d->cmd) cands[n++] = d->cmd->remote;
	/* a table cell cut by the formatter ("\\srv\long..." or "…") is a last resort:
	 * the fix and the next steps need the whole path */
	for (int pass = 0; pass < 2 && !d->remote; pass++)
		for (size_t i = 0; i < n; i++)
			if (cands[i] && *cands[i] && (pass || !cut_cell(cands[i]))) {
				d->remote = cands[i];
				break;
			}
	if (d->remote)
		unc_split(e->a, d->remote, &d->server, &d->share);
}

static int cmp_drive(const void *a, const void *b)
{
	const struct drive *x = a, *y = b;
	int c = strcmp(x->drive, y->drive);
	return c ? c : (int)x->scope - (int)y->scope;
}

static void collect_drives(struct eng *e)
{
	drive_vec v = { 0 };
	collect_user(e, &v);
	collect_machine(e, &v);
	collect_rows(e, &v);
	collect_hint(e, &v);
	for (size_t i = 0; i < v.n; i++)
		set_remote(e, &v.v[i]);
	if (v.n)
		qsort(v.v, v.n, sizeof v.v[0], cmp_drive);
	e->drives = v.v;
	e->ndrives = v.n;
}

/* A drive of unknown method goes down the per-machine branch only when the
 * case shows SmbGlobalMapping in use and nothing per-user. */
static enum drive_scope branch_for(const struct eng *e, const struct drive *d)
{
	if (d->scope != SCOPE_UNKNOWN)
		return d->scope;
	int user = 0, machine = 0;
	for (size_t i = 0; i < e->ndrives; i++) {
		if (e->drives[i].scope == SCOPE_USER)
			user = 1;
		if (e->drives[i].scope == SCOPE_MACHINE)
			machine = 1;
	}
	return machine && !user ? SCOPE_MACHINE : SCOPE_USER;
}

static void add_mapping(struct eng *e, const struct drive *d, enum drive_scope branch)
{
	struct mapping_view *m = VEC_PUSH(e->a, &e->out->mappings);
	if (!m)
		return;
	m->drive = d->drive;
	m->remote = d->remote;
	m->server = d->server;
	m->share = d->share;
	m->scope = branch == SCOPE_MACHINE ? "machine" : "user";
	if (branch == SCOPE_MACHINE) {
		m->persisted = cq_key_state(&e->q, arena_printf(e->a, "%s\\%c", CQ_KEY_GLOBALMAPPINGS,
								  d->drive[0])).state;
		m->status = d->gmap ? conn_status_name(d->gmap->status) :
			    d->row ? conn_status_name(d->row->status) : NULL;
	} else {
		const char *rel = arena_printf(e->a, "Network\\%c", d->drive[0]);
		m->persisted = cq_user_key_state(&e->q, rel).state;
		m->status = d->row ? conn_status_name(d->row->status) :
			    d->smbmap ? conn_status_name(d->smbmap->status) : NULL;
		const struct f_reg_value *u = cq_user_value(&e->q, rel, "UserName");
		m->user = u ? (u->data ? u->data : "") : NULL;
	}
}

/* Nothing names a drive: ask for the guide's first round of data (Direction A). */
static void ask_first_round(struct eng *e)
{
	struct case_model *cm = e->cm;
	if (!cm->netuse_listings.n && !cm->netuse_rows.n)
		ask_net_use(e, NULL);
	if (cq_key_state(&e->q, "HKCU\\Network").state == TRI_UNKNOWN &&
	    cq_user_key_state(&e->q, "Network").state == TRI_UNKNOWN)
		ask_reg_network(e, NULL);
	if (cq_key_state(&e->q, CQ_KEY_GLOBALMAPPINGS).state == TRI_UNKNOWN)
		next_step(e, NS_REG_GLOBAL, NULL, "reg query \"%s\"", CQ_KEY_GLOBALMAPPINGS);
	if (!cq_gmap_listing(&e->q))
		ask_global_mappings(e, NULL);
	if (!e->q.me)
		ask_whoami(e);
}

int engine_run(struct case_model *cm, struct verdict *out)
{
	if (!cm || !out || !cm->arena)
		return -1;
	struct eng e;
	memset(&e, 0, sizeof e);
	e.cm = cm;
	e.a = cm->arena;
	e.out = out;
	cq_init(&e.q, cm);
	collect_drives(&e);
	for (size_t i = 0; i < e.ndrives; i++) {
		const struct drive *d = &e.drives[i];
		enum drive_scope branch = branch_for(&e, d);
		add_mapping(&e, d, branch);
		if (branch == SCOPE_MACHINE)
			rules_machine(&e, d);
		else
			rules_user(&e, d);
	}
	if (!e.ndrives)
		ask_first_round(&e);
	rules_case(&e);
	verdict_finish(&e);
	return arena_exhausted(cm->arena) ? -1 : 0;
}
