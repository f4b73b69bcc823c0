/* The report as every format shows it: findings with their catalogue texts
 * filled with the case's values, in the chosen language, filtered by
 * --drive. Built once per report; the formats only lay it out. */
#ifndef MDT_REPORT_VIEW_H
#define MDT_REPORT_VIEW_H

#include "report.h"

typedef VEC(const char *) str_vec;

struct finding_view {
	const struct finding *f;
	const char *title;
	const char *explanation;
	str_vec fix, verify, risks;
	const char *solution;    /* "A".."G" or NULL */
};

typedef VEC(struct finding_view) finding_view_vec;

struct next_view {
	const struct next_step *n;
	const char *why;
};

struct artefact_counts {
	size_t total, parsed, partial, unrecognized, unreadable, skipped;
};

struct report_view {
	const struct artefact_set *set;
	const struct verdict *v;
	const struct report_opts *o;
	finding_view_vec drive_findings; /* sorted by drive */
	finding_view_vec case_findings;  /* drive == NULL */
	VEC(struct next_view) next;
	VEC(const struct mapping_view *) mappings;
	struct artefact_counts counts;
};

int report_view_build(struct report_view *rv, const struct artefact_set *set,
		      const struct verdict *v, const struct report_opts *o, struct arena *a);

/* Localised fixed labels of the layouts ("Fix", "Verify", ...). */
const char *report_label(enum lang lang, const char *key);

/* One report format each. */
int report_text(FILE *out, const struct report_view *rv, struct arena *a);
int report_markdown(FILE *out, const struct report_view *rv, struct arena *a);
int report_html(FILE *out, const struct report_view *rv, struct arena *a);
/* JUnit: one <testsuite> for a case (batch wraps many in <testsuites>). */
int report_junit_suite(FILE *out, const struct report_view *rv, const char *case_name,
		       double seconds, const char *error);
int report_junit(FILE *out, const struct report_view *rv);

/* XML/HTML escaping into the arena. */
const char *xml_escape(struct arena *a, const char *s);
/* Human readable tri-state. */
const char *tri_name(enum tri t);

#endif
