/* Shared between the engine driver and the rule files (not a public API).
 * A drive is what the case says about one letter in one scope; a run is the
 * walk of the guide's tree for it, recording each step with its evidence. */
#ifndef MDT_RULES_H
#define MDT_RULES_H

#include "casequery.h"
#include "engine.h"

enum drive_scope { SCOPE_USER = 0, SCOPE_MACHINE = 1, SCOPE_UNKNOWN = 2 };

struct drive {
	const char *drive;                /* "L:" */
	enum drive_scope scope;
	int hinted;                       /* named by --drive */
	const char *remote, *server, *share;
	const struct f_netuse_row *row;   /* net use listing row (last) */
	const struct f_gmap *gmap;        /* Get-SmbGlobalMapping row (machine) */
	const struct f_gmap *smbmap;      /* Get-SmbMapping row (user) */
	const struct f_command *cmd;      /* last command that maps this letter */
	const char *reg_key;              /* registry key naming the drive */
	evidence_vec sources;             /* where the drive was seen */
};

/* One finding being built, with its sort key. */
struct pending {
	struct finding f;
	int case_level;       /* sorted after drive verdicts unless it names a drive */
	size_t drive_rank;    /* index of its drive in the sorted drive list */
	size_t seq;
};

struct eng {
	struct case_model *cm;
	struct arena *a;
	struct cq q;
	struct verdict *out;
	struct drive *drives;
	size_t ndrives;
	VEC(struct pending *) pend;
	VEC(struct next_step) next;
	size_t seq;
	/* per-drive outcomes the case checks read */
	int any_problem;      /* some drive got a solution verdict */
	int any_incomplete;   /* some drive's checks could not all be made */
	int escalate_drive;   /* some drive passed every check yet is not connected */
};

/* The walk for one drive. */
struct run {
	struct eng *e;
	const struct drive *d;
	step_vec steps;
	int inferred;         /* steps decided by inference, not direct evidence */
	struct fill fill;
};

/* ---- building the verdict (verdict.c) ------------------------------------ */
void run_init(struct run *r, struct eng *e, const struct drive *d);
/* Append a step; note is printf-formatted (NULL for none). */
struct step *run_step(struct run *r, const char *check, const char *outcome, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void step_ev(struct eng *e, struct step *s, const struct evidence *ev);
/* A finding for the run's drive, carrying the steps taken so far. */
struct finding *run_finding(struct run *r, const char *id, char solution, const char *roots,
			    enum severity sev);
/* A case-level finding (drive in fill may still be set when the evidence names one). */
struct finding *case_finding(struct eng *e, const char *id, char solution, const char *roots,
			     enum severity sev, const struct fill *fill);
void finding_ev(struct eng *e, struct finding *f, const struct evidence *ev);
struct step *finding_step(struct eng *e, struct finding *f, const char *check, const char *outcome,
			  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A next step (deduplicated by command when the verdict is finished). */
void next_step(struct eng *e, const char *id, const char *drive, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Order findings and next steps, fill struct verdict. */
void verdict_finish(struct eng *e);

/* ---- the rules ------------------------------------------------------------ */
void rules_user(struct eng *e, const struct drive *d);     /* rules_user.c */
void rules_machine(struct eng *e, const struct drive *d);  /* rules_machine.c */
void rules_case(struct eng *e);                            /* rules_case.c */
/* Service check shared by both branches: solution-D when the SMB client is stopped. */
int rules_service_stopped(struct run *r, const char *prior_solution);

/* Next-step commands with the case's values (verdict.c). */
void ask_reg_network(struct eng *e, const char *drive);
void ask_cmdkey(struct eng *e, const char *drive);
void ask_access(struct eng *e, const char *drive, const char *server, const char *share);
void ask_service(struct eng *e, const char *drive);
void ask_whoami(struct eng *e);
void ask_net_use(struct eng *e, const char *drive);
void ask_global_mappings(struct eng *e, const char *drive);
void ask_netsvc_creds(struct eng *e, const char *drive);

#endif
