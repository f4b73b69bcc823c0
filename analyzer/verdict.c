/* Building the verdict: steps with evidence, findings, next steps, and the
 * final deterministic order (drives by letter, then case-level findings;
 * next steps in the order the customer runs them, each once). */
#include "rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const engine_finding_ids[] = {
	FID_SOLUTION_A, FID_SOLUTION_B, FID_SOLUTION_C, FID_SOLUTION_D, FID_SOLUTION_E,
	FID_SOLUTION_F, FID_SOLUTION_G, FID_PERSISTENT_DEFAULT_OFF, FID_SAVECRED_USER_CONFLICT,
	FID_SCOPE_MISMATCH, FID_UNC_UNREACHABLE, FID_NTLM_COINCIDENCE, FID_PLAINTEXT_PASSWORD,
	FID_ESCALATE, FID_UAC_SPLIT_TOKEN, FID_POLICY_DISABLE_DOMAIN_CREDS, FID_SESSION_CONFLICT_1219,
	FID_RESTORECONNECTION_DISABLED, FID_CRED_TARGET_MISMATCH, FID_DRIVE_LETTER_CONFLICT,
	FID_GUEST_AUTH_BLOCKED, FID_NETWORK_LOGON_NO_CREDS, NULL,
};

const char *const engine_next_step_ids[] = {
	NS_NET_USE, NS_REG_NETWORK, NS_REG_GLOBAL, NS_CMDKEY, NS_TEST_PATH, NS_SMB_CONNECTION,
	NS_SERVICE, NS_GLOBAL_MAPPING, NS_NETSVC_CREDS, NS_LINKED_CONNECTIONS, NS_WHOAMI,
	NS_SYSTEMINFO, NULL,
};

void run_init(struct run *r, struct eng *e, const struct drive *d)
{
	memset(r, 0, sizeof *r);
	r->e = e;
	r->d = d;
	r->fill.drive = d->drive;
	r->fill.letter = d->drive ? arena_strndup(e->a, d->drive, 1) : NULL;
	r->fill.remote = d->remote;
	r->fill.server = d->server;
	r->fill.share = d->share;
}

static struct step *push_step(struct eng *e, step_vec *v, const char *check, const char *outcome,
			      const char *fmt, va_list ap)
{
	struct step *s = VEC_PUSH(e->a, v);
	if (!s)
		return NULL;
	s->check = check;
	s->outcome = outcome;
	s->note = fmt ? arena_vprintf(e->a, fmt, ap) : NULL;
	return s;
}

struct step *run_step(struct run *r, const char *check, const char *outcome, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct step *s = push_step(r->e, &r->steps, check, outcome, fmt, ap);
	va_end(ap);
	return s;
}

static int same_ev(const struct evidence *a, const struct evidence *b)
{
	if (a->line != b->line)
		return 0;
	if (a->artefact == b->artefact)
		return 1;
	return a->artefact && b->artefact && !strcmp(a->artefact, b->artefact);
}

static void push_ev(struct eng *e, evidence_vec *v, const struct evidence *ev)
{
	if (!ev || (!ev->artefact && !ev->text))
		return;
	for (size_t i = 0; i < v->n; i++)
		if (same_ev(&v->v[i], ev))
			return;
	struct evidence *p = VEC_PUSH(e->a, v);
	if (p)
		*p = *ev;
}

void step_ev(struct eng *e, struct step *s, const struct evidence *ev)
{
	if (s)
		push_ev(e, &s->ev, ev);
}

void finding_ev(struct eng *e, struct finding *f, const struct evidence *ev)
{
	if (f)
		push_ev(e, &f->evidence, ev);
}

static size_t drive_rank(const struct eng *e, const char *drive)
{
	for (size_t i = 0; i < e->ndrives; i++)
		if (cq_eq(e->drives[i].drive, drive))
			return i;
	return e->ndrives;
}

static struct pending *new_pending(struct eng *e, const char *id, char solution, const char *roots,
				   enum severity sev)
{
	/* each finding has its own allocation: callers keep pointers to it */
	struct pending *p = arena_alloc(e->a, sizeof *p);
	struct pending **slot = p ? VEC_PUSH(e->a, &e->pend) : NULL;
	if (!slot)
		return NULL;
	*slot = p;
	p->seq = e->seq++;
	p->f.id = id;
	p->f.solution = solution;
	p->f.root_causes = roots ? roots : "";
	p->f.severity = sev;
	p->f.confidence = CONF_HIGH;
	return p;
}

struct finding *run_finding(struct run *r, const char *id, char solution, const char *roots,
			    enum severity sev)
{
	struct eng *e = r->e;
	struct pending *p = new_pending(e, id, solution, roots, sev);
	if (!p)
		return NULL;
	p->drive_rank = (size_t)(r->d - e->drives);
	p->f.fill = r->fill;
	/* the steps taken so far are this finding's path through the guide (a copy:
	 * the run goes on appending to its own list) */
	for (size_t i = 0; i < r->steps.n; i++) {
		struct step *s = VEC_PUSH(e->a, &p->f.steps);
		if (s)
			*s = r->steps.v[i];
	}
	for (size_t i = 0; i < r->steps.n; i++)
		for (size_t j = 0; j < r->steps.v[i].ev.n; j++)
			push_ev(e, &p->f.evidence, &r->steps.v[i].ev.v[j]);
	p->f.confidence = r->inferred == 0 ? CONF_HIGH : r->inferred == 1 ? CONF_MEDIUM : CONF_LOW;
	if (solution)
		e->any_problem = 1;
	return &p->f;
}

struct finding *case_finding(struct eng *e, const char *id, char solution, const char *roots,
			     enum severity sev, const struct fill *fill)
{
	struct pending *p = new_pending(e, id, solution, roots, sev);
	if (!p)
		return NULL;
	if (fill)
		p->f.fill = *fill;
	p->case_level = 1;
	p->f.case_level = 1;
	p->drive_rank = p->f.fill.drive ? drive_rank(e, p->f.fill.drive) : e->ndrives;
	return &p->f;
}

struct step *finding_step(struct eng *e, struct finding *f, const char *check, const char *outcome,
			  const char *fmt, ...)
{
	if (!f)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	struct step *s = push_step(e, &f->steps, check, outcome, fmt, ap);
	va_end(ap);
	return s;
}

void next_step(struct eng *e, const char *id, const char *drive, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *cmd = arena_vprintf(e->a, fmt, ap);
	va_end(ap);
	if (!cmd)
		return;
	for (size_t i = 0; i < e->next.n; i++)
		if (!strcmp(e->next.v[i].command, cmd)) {
			/* asked for two drives: it is a case-wide request */
			if (!cq_eq(e->next.v[i].drive, drive))
				e->next.v[i].drive = NULL;
			return;
		}
	struct next_step *n = VEC_PUSH(e->a, &e->next);
	if (n) {
		n->id = id;
		n->command = cmd;
		n->drive = drive;
	}
}

/* ---- the commands --------------------------------------------------------- */

void ask_reg_network(struct eng *e, const char *drive)
{
	if (drive)
		next_step(e, NS_REG_NETWORK, drive, "reg query HKCU\\Network\\%c", drive[0]);
	else
		next_step(e, NS_REG_NETWORK, NULL, "reg query HKCU\\Network");
}

void ask_cmdkey(struct eng *e, const char *drive)
{
	next_step(e, NS_CMDKEY, drive, "cmdkey /list");
}

void ask_access(struct eng *e, const char *drive, const char *server, const char *share)
{
	if (server && share) {
		next_step(e, NS_TEST_PATH, drive, "Test-Path \"\\\\%s\\%s\"", server, share);
		next_step(e, NS_SMB_CONNECTION, drive,
			  "Get-SmbConnection | Where-Object { $_.ServerName -eq \"%s\" }", server);
	} else if (drive) {
		next_step(e, NS_TEST_PATH, drive, "Test-Path \"%c:\\\"", drive[0]);
		next_step(e, NS_SMB_CONNECTION, drive, "Get-SmbConnection");
	}
}

void ask_service(struct eng *e, const char *drive)
{
	next_step(e, NS_SERVICE, drive, "Get-Service LanmanWorkstation");
}

void ask_whoami(struct eng *e)
{
	next_step(e, NS_WHOAMI, NULL, "whoami /all");
}

void ask_net_use(struct eng *e, const char *drive)
{
	next_step(e, NS_NET_USE, drive, "net use");
}

void ask_global_mappings(struct eng *e, const char *drive)
{
	next_step(e, NS_GLOBAL_MAPPING, drive, "Get-SmbGlobalMapping");
}

void ask_netsvc_creds(struct eng *e, const char *drive)
{
	next_step(e, NS_NETSVC_CREDS, drive, "cmd /c \"dir /a %s\"", CQ_NETSVC_CRED_DIR);
}

/* ---- ordering ------------------------------------------------------------- */

static size_t next_rank(const char *id)
{
	for (size_t i = 0; engine_next_step_ids[i]; i++)
		if (!strcmp(engine_next_step_ids[i], id))
			return i;
	return (size_t)-1;
}

static int cmp_pending(const void *a, const void *b)
{
	const struct pending *x = *(struct pending *const *)a, *y = *(struct pending *const *)b;
	int xc = x->case_level && !x->f.fill.drive, yc = y->case_level && !y->f.fill.drive;
	if (xc != yc)
		return xc - yc;
	if (x->drive_rank != y->drive_rank)
		return x->drive_rank < y->drive_rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct ranked_next {
	struct next_step n;
	size_t rank, seq;
};

static int cmp_next(const void *a, const void *b)
{
	const struct ranked_next *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void verdict_finish(struct eng *e)
{
	if (e->pend.n)
		qsort(e->pend.v, e->pend.n, sizeof e->pend.v[0], cmp_pending);
	for (size_t i = 0; i < e->pend.n; i++) {
		struct finding *f = VEC_PUSH(e->a, &e->out->findings);
		if (f)
			*f = e->pend.v[i]->f;
	}
	if (!e->next.n)
		return;
	struct ranked_next *rn = arena_alloc(e->a, e->next.n * sizeof *rn);
	if (!rn)
		return;
	for (size_t i = 0; i < e->next.n; i++) {
		rn[i].n = e->next.v[i];
		rn[i].rank = next_rank(e->next.v[i].id);
		rn[i].seq = i;
	}
	qsort(rn, e->next.n, sizeof *rn, cmp_next);
	for (size_t i = 0; i < e->next.n; i++) {
		struct next_step *n = VEC_PUSH(e->a, &e->out->next_steps);
		if (n)
			*n = rn[i].n;
	}
}
