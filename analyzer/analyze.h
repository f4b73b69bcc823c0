/* One case end to end: inputs -> artefacts -> case model -> verdict.
 * Shared by `analyze`, `batch` workers and the pipeline fuzz target. */
#ifndef MDT_ANALYZE_H
#define MDT_ANALYZE_H

#include "case.h"
#include "finding.h"

struct case_run {
	struct artefact_set *set; /* owns every allocation of the case */
	struct case_model cm;
	struct verdict v;
};

struct case_hints {
	const char *drive;   /* --drive */
	const char *symptom; /* --symptom */
};

/* Returns 0, or -1 when out of memory before anything could be read.
 * Unreadable inputs are recorded as artefacts, not errors. */
int case_run_paths(struct case_run *r, const struct limits *l, const char *const *paths,
		   size_t n, const struct case_hints *h);
void case_run_free(struct case_run *r);

/* 1 when no input could be read at all (exit status 3). */
int case_all_unreadable(const struct artefact_set *set);

#endif
