/* Building case models by hand for engine scenarios: each helper pushes one
 * fact with its evidence (artefact, line, text) as the facts adapters would.
 * Values are real-shaped (CONTOSO\jdoe, \\fs01.contoso.com\data). */
#ifndef MDT_TEST_CM_BUILD_H
#define MDT_TEST_CM_BUILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/casequery.h"
#include "analyzer/catalogue.h"
#include "analyzer/engine.h"
#include "check.h"
#include "parsers/arena.h"

struct tcase {
	struct arena *a;
	struct case_model cm;
	struct verdict v;
};

static inline void tc_init(struct tcase *t)
{
	memset(t, 0, sizeof *t);
	t->a = arena_new(64u << 20);
	t->cm.arena = t->a;
}

static inline void tc_free(struct tcase *t)
{
	arena_free(t->a);
}

static inline struct evidence tc_ev(struct tcase *t, const char *file, uint32_t line, const char *text)
{
	struct evidence e = { arena_strdup(t->a, file), line, text ? arena_strdup(t->a, text) : NULL };
	return e;
}

#define PUSH(t, vec) VEC_PUSH((t)->a, &(t)->cm.vec)

static inline void add_listing(struct tcase *t, enum tri remembered, int empty, const char *file, uint32_t line)
{
	struct f_netuse_listing *l = PUSH(t, netuse_listings);
	l->remembered = remembered;
	l->remembered_ev = tc_ev(t, file, line, remembered == TRI_NO ? "New connections will not be remembered."
						: "New connections will be remembered.");
	l->empty = empty;
	l->ev = tc_ev(t, file, line, NULL);
}

static inline void add_row(struct tcase *t, const char *drive, const char *remote, enum conn_status st,
			   const char *st_text, const char *file, uint32_t line)
{
	struct f_netuse_row *r = PUSH(t, netuse_rows);
	r->drive = drive;
	r->remote = remote;
	r->provider = "Microsoft Windows Network";
	r->status = st;
	r->status_text = st_text;
	r->ev = tc_ev(t, file, line, arena_printf(t->a, "%-12s %-9s %s  Microsoft Windows Network",
						   st_text ? st_text : "", drive ? drive : "", remote));
}

static inline void add_key(struct tcase *t, const char *key, const char *file, uint32_t line)
{
	struct f_reg_key *k = PUSH(t, reg_keys);
	k->key = key;
	k->ev = tc_ev(t, file, line, key);
}

static inline void add_sz(struct tcase *t, const char *key, const char *name, const char *data,
			  const char *file, uint32_t line)
{
	struct f_reg_value *v = PUSH(t, reg_values);
	v->key = key;
	v->name = name;
	v->type = REGT_SZ;
	v->data = data;
	v->ev = tc_ev(t, file, line, arena_printf(t->a, "%s    REG_SZ    %s", name, data));
}

static inline void add_dword(struct tcase *t, const char *key, const char *name, uint64_t num,
			     const char *file, uint32_t line)
{
	struct f_reg_value *v = PUSH(t, reg_values);
	v->key = key;
	v->name = name;
	v->type = REGT_DWORD;
	v->num = num;
	v->data = arena_printf(t->a, "0x%llx", (unsigned long long)num);
	v->ev = tc_ev(t, file, line, arena_printf(t->a, "%s    REG_DWORD    0x%llx", name, (unsigned long long)num));
}

static inline void add_scope(struct tcase *t, const char *key, int recursive, const char *file, uint32_t line)
{
	struct f_reg_scope *s = PUSH(t, reg_scopes);
	s->key = key;
	s->recursive = recursive;
	s->ev = tc_ev(t, file, line, key);
}

static inline void add_absent(struct tcase *t, const char *key, const char *value, const char *file, uint32_t line)
{
	struct f_reg_absent *ab = PUSH(t, reg_absent);
	ab->key = key;
	ab->value = value;
	ab->ev = tc_ev(t, file, line, "ERROR: The system was unable to find the specified registry key or value.");
}

/* A persisted per-user drive as reg query HKCU\Network\L shows it. */
static inline void add_user_drive_reg(struct tcase *t, const char *hive, char letter, const char *remote,
				      const char *username, const char *file, uint32_t line)
{
	const char *key = arena_printf(t->a, "%s\\Network\\%c", hive, letter);
	add_key(t, key, file, line);
	add_scope(t, key, 0, file, line);
	add_sz(t, key, "RemotePath", remote, file, line + 1);
	add_sz(t, key, "UserName", username, file, line + 2);
	add_sz(t, key, "ProviderName", "Microsoft Windows Network", file, line + 3);
}

static inline void add_cred_listing(struct tcase *t, const char *filter, int empty, const char *file, uint32_t line)
{
	struct f_cred_listing *l = PUSH(t, cred_listings);
	l->filter = filter;
	l->empty = empty;
	l->ev = tc_ev(t, file, line, "Currently stored credentials:");
}

static inline void add_cred(struct tcase *t, const char *kind, const char *host, enum cred_type type,
			    const char *user, const char *persistence, const char *file, uint32_t line)
{
	struct f_cred *c = PUSH(t, creds);
	c->target = kind && *kind ? arena_printf(t->a, "%s=%s", kind, host) : host;
	c->target_kind = kind ? kind : "";
	c->host = host;
	c->type = type;
	c->user = user;
	c->persistence = persistence;
	c->ev = tc_ev(t, file, line, arena_printf(t->a, "Target: %s", c->target));
}

static inline void add_identity(struct tcase *t, const char *user, const char *sid, enum tri local,
				enum tri elevated, const char *file, uint32_t line)
{
	struct f_identity *id = PUSH(t, identities);
	id->user = user;
	id->sid = sid;
	id->local_account = local;
	id->elevated = elevated;
	id->integrity = elevated == TRI_YES ? "high" : "medium";
	id->admin_filtered = TRI_UNKNOWN;
	id->ev = tc_ev(t, file, line, arena_printf(t->a, "%s %s", user, sid ? sid : ""));
}

static inline void add_host(struct tcase *t, const char *computer, const char *domain, const char *netbios,
			    enum tri joined, const char *file, uint32_t line)
{
	struct f_host *h = PUSH(t, hosts);
	h->computer = computer;
	h->domain = domain;
	h->netbios_domain = netbios;
	h->domain_joined = joined;
	h->ev = tc_ev(t, file, line, domain);
}

static inline void add_access(struct tcase *t, const char *target, enum access_method m, enum tri ok, int code,
			      const char *file, uint32_t line)
{
	struct f_access *a = PUSH(t, access);
	a->target = target;
	unc_split(t->a, target, &a->server, &a->share);
	a->method = m;
	a->ok = ok;
	a->error_code = code;
	a->ev = tc_ev(t, file, line, ok == TRI_YES ? "True" : ok == TRI_NO ? "False" : NULL);
}

static inline void add_service(struct tcase *t, enum tri running, const char *file, uint32_t line)
{
	struct f_service *s = PUSH(t, services);
	s->name = "LanmanWorkstation";
	s->display = "Workstation";
	s->status_text = running == TRI_YES ? "Running" : "Stopped";
	s->running = running;
	s->ev = tc_ev(t, file, line, running == TRI_YES ? "Running  LanmanWorkstation  Workstation"
						      : "Stopped  LanmanWorkstation  Workstation");
}

static inline void add_gmap_listing(struct tcase *t, const char *file, uint32_t line)
{
	struct f_listing *l = PUSH(t, gmap_listings);
	l->global = 1;
	l->ev = tc_ev(t, file, line, "Status Local Path Remote Path");
}

static inline void add_gmap(struct tcase *t, const char *local, const char *remote, enum conn_status st,
			    const char *st_text, int code, const char *file, uint32_t line)
{
	struct f_gmap *g = PUSH(t, gmaps);
	g->local = local;
	g->remote = remote;
	g->status = st;
	g->status_text = st_text;
	g->status_code = code;
	g->global = 1;
	g->ev = tc_ev(t, file, line, arena_printf(t->a, "%-6s %-10s %s", st_text, local, remote));
}

static inline void add_smbconn(struct tcase *t, const char *server, const char *share, const char *user,
			       const char *file, uint32_t line)
{
	struct f_smbconn *c = PUSH(t, smbconns);
	c->server = server;
	c->share = share;
	c->user = user;
	c->credential = user;
	c->dialect = "3.1.1";
	c->ev = tc_ev(t, file, line, arena_printf(t->a, "%s %s %s", server, share, user));
}

static inline void add_dir(struct tcase *t, const char *path, int files, int not_found, const char *file,
			   uint32_t line)
{
	struct f_dir *d = PUSH(t, dirs);
	d->path = path;
	d->files = files;
	d->not_found = not_found;
	d->ev = tc_ev(t, file, line, not_found ? "File Not Found" : arena_printf(t->a, "%d File(s)", files));
}

static inline struct f_command *add_cmd(struct tcase *t, enum cmd_kind kind, const char *text, const char *drive,
					const char *remote, enum tri persistent, int savecred, const char *user,
					int error_code, const char *file, uint32_t line)
{
	struct f_command *c = PUSH(t, commands);
	c->kind = kind;
	c->text = text;
	c->drive = drive;
	c->remote = remote;
	c->persistent = persistent;
	c->savecred = savecred;
	c->user = user;
	c->error_code = error_code;
	c->ev = tc_ev(t, file, line, text);
	return c;
}

static inline void add_error(struct tcase *t, int code, const char *command, const char *file, uint32_t line)
{
	struct f_error *e = PUSH(t, errors);
	e->code = code;
	e->command = command;
	e->message = arena_printf(t->a, "System error %d has occurred.", code);
	e->ev = tc_ev(t, file, line, e->message);
}

static inline void add_secret(struct tcase *t, const char *what, const char *file, uint32_t line,
			      const char *redacted_text)
{
	struct f_secret *s = PUSH(t, secrets);
	s->what = what;
	s->ev = tc_ev(t, file, line, redacted_text);
}

/* ---- running and asserting ---------------------------------------------- */

static inline int in_list(const char *const *list, const char *id)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(list[i], id))
			return 1;
	return 0;
}

static inline void tc_dump(const struct tcase *t)
{
	for (size_t i = 0; i < t->v.findings.n; i++) {
		const struct finding *f = &t->v.findings.v[i];
		fprintf(stderr, "finding %s drive=%s sol=%c roots=%s conf=%d\n", f->id,
			f->fill.drive ? f->fill.drive : "-", f->solution ? f->solution : '0', f->root_causes,
			(int)f->confidence);
		for (size_t k = 0; k < f->steps.n; k++)
			fprintf(stderr, "   step %s=%s: %s\n", f->steps.v[k].check, f->steps.v[k].outcome,
				f->steps.v[k].note ? f->steps.v[k].note : "");
	}
	for (size_t i = 0; i < t->v.next_steps.n; i++)
		fprintf(stderr, "next [%s] %s (%s)\n", t->v.next_steps.v[i].id, t->v.next_steps.v[i].command,
			t->v.next_steps.v[i].drive ? t->v.next_steps.v[i].drive : "-");
}

/* Run the engine; every emitted id must be a known id with a catalogue entry. */
static inline void tc_run(struct tcase *t)
{
	memset(&t->v, 0, sizeof t->v);
	CHECK_INT(engine_run(&t->cm, &t->v), 0);
	if (getenv("MDT_ENGINE_DUMP"))
		tc_dump(t); /* MDT_ENGINE_DUMP=1 shows every verdict while writing scenarios */
	for (size_t i = 0; i < t->v.findings.n; i++) {
		const char *id = t->v.findings.v[i].id;
		CHECK(in_list(engine_finding_ids, id));
		CHECK(catalogue_get(id) != NULL);
	}
	for (size_t i = 0; i < t->v.next_steps.n; i++) {
		CHECK(in_list(engine_next_step_ids, t->v.next_steps.v[i].id));
		CHECK(catalogue_get(t->v.next_steps.v[i].id) != NULL);
	}
}

static inline const struct finding *tc_find(const struct tcase *t, const char *id, const char *drive)
{
	for (size_t i = 0; i < t->v.findings.n; i++) {
		const struct finding *f = &t->v.findings.v[i];
		if (strcmp(f->id, id))
			continue;
		if (!drive ? !f->fill.drive : (f->fill.drive && !strcmp(f->fill.drive, drive)))
			return f;
	}
	return NULL;
}

static inline size_t tc_count(const struct tcase *t, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < t->v.findings.n; i++)
		n += !strcmp(t->v.findings.v[i].id, id);
	return n;
}

static inline const struct step *tc_step(const struct finding *f, const char *check)
{
	for (size_t i = 0; f && i < f->steps.n; i++)
		if (!strcmp(f->steps.v[i].check, check))
			return &f->steps.v[i];
	return NULL;
}

static inline int tc_has_ev(const struct finding *f, const char *file, uint32_t line)
{
	for (size_t i = 0; f && i < f->evidence.n; i++)
		if (f->evidence.v[i].line == line && f->evidence.v[i].artefact &&
		    !strcmp(f->evidence.v[i].artefact, file))
			return 1;
	return 0;
}

static inline int step_has_ev(const struct step *s, const char *file, uint32_t line)
{
	for (size_t i = 0; s && i < s->ev.n; i++)
		if (s->ev.v[i].line == line && s->ev.v[i].artefact && !strcmp(s->ev.v[i].artefact, file))
			return 1;
	return 0;
}

/* Index of a next step by exact command, -1 when absent. */
static inline long tc_next(const struct tcase *t, const char *command)
{
	for (size_t i = 0; i < t->v.next_steps.n; i++)
		if (!strcmp(t->v.next_steps.v[i].command, command))
			return (long)i;
	return -1;
}

static inline const struct mapping_view *tc_mapping(const struct tcase *t, const char *drive, const char *scope)
{
	for (size_t i = 0; i < t->v.mappings.n; i++)
		if (!strcmp(t->v.mappings.v[i].drive, drive) && !strcmp(t->v.mappings.v[i].scope, scope))
			return &t->v.mappings.v[i];
	return NULL;
}

static inline int contains(const char *hay, const char *needle)
{
	return hay && needle && strstr(hay, needle) != NULL;
}

#endif
