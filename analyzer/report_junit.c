/* JUnit XML: one testsuite per case, one testcase per drive (and one for
 * the case as a whole); each finding is a <failure>. CI dashboards show it. */
#include "report_view.h"

#include <string.h>

static void junit_failure(FILE *out, struct arena *a, const struct finding_view *fv)
{
	const struct finding *f = fv->f;
	fprintf(out, "      <failure type=\"%s\" message=\"%s%s%s%s\">", xml_escape(a, f->id),
		fv->solution ? "Solution " : "", fv->solution ? fv->solution : "", fv->solution ? ": " : "",
		xml_escape(a, fv->title));
	if (f->fill.drive)
		fprintf(out, "drive %s %s\n", xml_escape(a, f->fill.drive), xml_escape(a, f->fill.remote));
	for (size_t i = 0; i < fv->fix.n; i++)
		fprintf(out, "fix: %s\n", xml_escape(a, fv->fix.v[i]));
	for (size_t i = 0; i < f->evidence.n; i++)
		fprintf(out, "evidence: %s:%u\n", xml_escape(a, f->evidence.v[i].artefact), f->evidence.v[i].line);
	fputs("</failure>\n", out);
}

int report_junit_suite(FILE *out, const struct report_view *rv, const char *case_name,
		       double seconds, const char *error)
{
	struct arena *a = rv->set ? rv->set->arena : NULL;
	struct arena *own = NULL;
	if (!a)
		a = own = arena_new(16 << 20);
	/* testcases: each drive seen in mappings or findings, then "case" */
	VEC(const char *) drives = { 0 };
	for (size_t i = 0; i < rv->mappings.n; i++)
		if (rv->mappings.v[i]->drive) {
			const char **d = VEC_PUSH(a, &drives);
			if (d)
				*d = rv->mappings.v[i]->drive;
		}
	for (size_t i = 0; i < rv->drive_findings.n; i++) {
		const char *dr = rv->drive_findings.v[i].f->fill.drive;
		int seen = 0;
		for (size_t k = 0; k < drives.n && !seen; k++)
			seen = str_eq_ci(drives.v[k], dr);
		const char **d = seen ? NULL : VEC_PUSH(a, &drives);
		if (d)
			*d = dr;
	}
	size_t failures = rv->drive_findings.n + rv->case_findings.n;
	fprintf(out, "  <testsuite name=\"%s\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\" time=\"%.3f\">\n",
		xml_escape(a, case_name ? case_name : "case"), drives.n + 1, failures, error ? 1 : 0, seconds);
	for (size_t k = 0; k < drives.n; k++) {
		fprintf(out, "    <testcase classname=\"%s\" name=\"drive %s\">\n", xml_escape(a, case_name),
			xml_escape(a, drives.v[k]));
		for (size_t i = 0; i < rv->drive_findings.n; i++)
			if (str_eq_ci(rv->drive_findings.v[i].f->fill.drive, drives.v[k]))
				junit_failure(out, a, &rv->drive_findings.v[i]);
		fputs("    </testcase>\n", out);
	}
	fprintf(out, "    <testcase classname=\"%s\" name=\"case\">\n", xml_escape(a, case_name));
	if (error)
		fprintf(out, "      <error message=\"%s\"/>\n", xml_escape(a, error));
	for (size_t i = 0; i < rv->case_findings.n; i++)
		junit_failure(out, a, &rv->case_findings.v[i]);
	fputs("    </testcase>\n  </testsuite>\n", out);
	arena_free(own);
	return ferror(out) ? -1 : 0;
}

int report_junit(FILE *out, const struct report_view *rv)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mdtriage\">\n", out);
	report_junit_suite(out, rv, rv->o->case_name ? rv->o->case_name : "case", 0.0, NULL);
	fputs("</testsuites>\n", out);
	return ferror(out) ? -1 : 0;
}
