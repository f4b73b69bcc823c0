/* Reporters: verdict (+ artefact inventory) -> text, json, markdown, html, junit. */
#ifndef MDT_REPORT_H
#define MDT_REPORT_H

#include <stdio.h>

#include "catalogue.h"
#include "finding.h"

enum report_format { FMT_TEXT = 0, FMT_JSON, FMT_MARKDOWN, FMT_HTML, FMT_JUNIT };

struct report_opts {
	enum report_format format;
	enum lang lang;
	int color;           /* text only */
	const char *drive;   /* --drive filter, NULL = all */
	const char *case_name;
};

struct json_object;
/* The JSON report object (schema mdtriage.report/1); caller owns it. */
struct json_object *report_json(const struct artefact_set *set, const struct verdict *v,
				const struct report_opts *o, struct arena *a);
int report_write(FILE *out, const struct artefact_set *set, const struct verdict *v,
		 const struct report_opts *o, struct arena *a);

#endif
