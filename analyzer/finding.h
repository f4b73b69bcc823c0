/* What the engine concludes. Reporters read only these (plus the artefact
 * list for the inventory); texts come from the catalogue by id. */
#ifndef MDT_FINDING_H
#define MDT_FINDING_H

#include "case.h"

enum severity { SEV_INFO = 0, SEV_WARNING, SEV_ERROR };
enum confidence { CONF_LOW = 0, CONF_MEDIUM, CONF_HIGH };
const char *severity_name(enum severity s);
const char *confidence_name(enum confidence c);

/* One decision step of the guide, as taken for this drive. */
struct step {
	const char *check;   /* "method", "path-saved", "credential-saved", "credential-valid",
				"service", "global-mapping-present", "dfs", "global-status", ... */
	const char *outcome; /* "yes", "no", "unknown", or a short value ("user", "machine") */
	const char *note;    /* short English detail with values, e.g. "HKCU\\Network\\L has UserName=''" */
	evidence_vec ev;
};
typedef VEC(struct step) step_vec;

/* Values the catalogue fills into texts and commands. */
struct fill {
	const char *drive;   /* "L:" */
	const char *letter;  /* "L" */
	const char *remote;  /* "\\fs01\data" */
	const char *server;
	const char *share;
	const char *user;    /* DOMAIN\user when known */
	const char *sid;
	const char *extra;   /* finding-specific (e.g. the error code, a policy value) */
};

struct finding {
	const char *id;          /* stable id (DESIGN.md §3, docs/findings.md) */
	char solution;           /* 'A'..'G', 0 when none */
	const char *root_causes; /* e.g. "AC", "" */
	enum severity severity;
	enum confidence confidence;
	struct fill fill;        /* values for the texts; fill.drive is the drive concerned, if any */
	int case_level;          /* a case-level finding (DESIGN.md §3): the report's `drive` is null
				    and fill.drive, when set, is shown as the related drive */
	evidence_vec evidence;
	step_vec steps;
};

struct next_step {
	const char *id;          /* catalogue key for the "why" text, e.g. "collect-reg-network" */
	const char *command;     /* exact command, values filled in */
	const char *drive;       /* drive it is for, NULL = case */
};

/* Summary per mapping for the report's "mappings" array. */
struct mapping_view {
	const char *drive, *remote, *server, *share;
	const char *scope;       /* "user" | "machine" */
	enum tri persisted;
	const char *status;      /* conn_status_name or NULL */
	const char *user;        /* UserName from the registry ("" = logon credentials) */
};

struct verdict {
	VEC(struct mapping_view) mappings;
	VEC(struct finding) findings;
	VEC(struct next_step) next_steps;
};

#endif
