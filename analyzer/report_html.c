/* Self-contained HTML page (no external resources) to attach to a ticket. */
#include "report_view.h"

#include <string.h>

#define E(s) xml_escape(a, (s))

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60em;margin:2em auto;"
	"padding:0 1em;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ddd}"
	".f{border-left:4px solid #888;padding:.2em 1em;margin:1em 0;background:#fafafa}"
	".error{border-color:#c0392b}.warning{border-color:#d68910}.info{border-color:#2874a6}"
	"code,pre{font-family:ui-monospace,Consolas,monospace;background:#f0f0f0}"
	"pre{padding:.5em;overflow-x:auto}table{border-collapse:collapse}"
	"td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;font-size:.9em}"
	".ev{color:#555;font-size:.9em}.ok{color:#1e8449}";

static void html_list(FILE *out, struct arena *a, const char *label, const str_vec *v, int pre)
{
	if (!v->n)
		return;
	fprintf(out, "<h4>%s</h4>\n", E(label));
	if (pre) {
		fputs("<pre>", out);
		for (size_t i = 0; i < v->n; i++)
			fprintf(out, "%s\n", E(v->v[i]));
		fputs("</pre>\n", out);
	} else {
		fputs("<ul>", out);
		for (size_t i = 0; i < v->n; i++)
			fprintf(out, "<li>%s</li>", E(v->v[i]));
		fputs("</ul>\n", out);
	}
}

static void html_ev(FILE *out, struct arena *a, const struct evidence *e)
{
	fprintf(out, "<li class=\"ev\"><code>%s:%u</code> %s</li>", E(e->artefact), e->line, E(e->text));
}

static void html_finding(FILE *out, struct arena *a, const struct report_view *rv,
			 const struct finding_view *fv)
{
	enum lang L = rv->o->lang;
	const struct finding *f = fv->f;
	fprintf(out, "<div class=\"f %s\">\n<h3>%s%s%s</h3>\n<p><code>%s</code>", severity_name(f->severity),
		E(fv->title), f->fill.drive && !strstr(fv->title, f->fill.drive) ? " — " : "",
		f->fill.drive && !strstr(fv->title, f->fill.drive) ? E(f->fill.drive) : "", E(f->id));
	if (fv->solution)
		fprintf(out, " · %s %s", E(report_label(L, "solution")), fv->solution);
	if (f->root_causes && *f->root_causes)
		fprintf(out, " · %s %s", E(report_label(L, "root_causes")), E(f->root_causes));
	fprintf(out, " · %s %s</p>\n", E(report_label(L, "confidence")), confidence_name(f->confidence));
	if (fv->explanation)
		fprintf(out, "<p>%s</p>\n", E(fv->explanation));
	if (f->steps.n) {
		fprintf(out, "<h4>%s</h4><ol>", E(report_label(L, "steps")));
		for (size_t i = 0; i < f->steps.n; i++) {
			const struct step *st = &f->steps.v[i];
			fprintf(out, "<li>%s: <b>%s</b>%s%s<ul>", E(st->check), E(st->outcome),
				st->note ? " — " : "", st->note ? E(st->note) : "");
			for (size_t k = 0; k < st->ev.n; k++)
				html_ev(out, a, &st->ev.v[k]);
			fputs("</ul></li>", out);
		}
		fputs("</ol>\n", out);
	}
	html_list(out, a, report_label(L, "fix"), &fv->fix, 1);
	html_list(out, a, report_label(L, "verify"), &fv->verify, 1);
	html_list(out, a, report_label(L, "risks"), &fv->risks, 0);
	if (f->evidence.n) {
		fprintf(out, "<h4>%s</h4><ul>", E(report_label(L, "evidence")));
		for (size_t k = 0; k < f->evidence.n; k++)
			html_ev(out, a, &f->evidence.v[k]);
		fputs("</ul>\n", out);
	}
	fputs("</div>\n", out);
}

int report_html(FILE *out, const struct report_view *rv, struct arena *a)
{
	enum lang L = rv->o->lang;
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		     "<title>%s</title><style>%s</style></head><body>\n<h1>%s</h1>\n",
		L == LANG_ZH ? "zh-CN" : "en", E(report_label(L, "report")), css, E(report_label(L, "report")));
	if (rv->mappings.n) {
		fprintf(out, "<h2>%s</h2><table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
			E(report_label(L, "mappings")), E(report_label(L, "drive")), E(report_label(L, "remote")),
			E(report_label(L, "scope")), E(report_label(L, "persisted")), E(report_label(L, "status")));
		for (size_t i = 0; i < rv->mappings.n; i++) {
			const struct mapping_view *m = rv->mappings.v[i];
			fprintf(out, "<tr><td>%s</td><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
				E(m->drive), E(m->remote), E(m->scope), tri_name(m->persisted), E(m->status));
		}
		fputs("</table>\n", out);
	}
	fprintf(out, "<h2>%s</h2>\n", E(report_label(L, "verdict")));
	for (size_t i = 0; i < rv->drive_findings.n; i++)
		html_finding(out, a, rv, &rv->drive_findings.v[i]);
	for (size_t i = 0; i < rv->case_findings.n; i++)
		html_finding(out, a, rv, &rv->case_findings.v[i]);
	if (!rv->drive_findings.n && !rv->case_findings.n)
		fprintf(out, "<p class=\"ok\">%s</p>\n", E(report_label(L, "no_findings")));
	if (rv->next.n) {
		fprintf(out, "<h2>%s</h2><ul>\n", E(report_label(L, "next")));
		for (size_t i = 0; i < rv->next.n; i++)
			fprintf(out, "<li><code>%s</code><br><span class=\"ev\">%s</span></li>\n",
				E(rv->next.v[i].n->command), E(rv->next.v[i].why));
		fputs("</ul>\n", out);
	}
	fprintf(out, "<h2>%s</h2><table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		E(report_label(L, "artefacts")), E(report_label(L, "path")), E(report_label(L, "kind")),
		E(report_label(L, "encoding")), E(report_label(L, "status")), E(report_label(L, "reason")));
	for (size_t i = 0; i < rv->set->items.n; i++) {
		const struct artefact *art = &rv->set->items.v[i];
		fprintf(out, "<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
			E(art->path), E(art->kind), E(art->encoding), art_status_name(art->status),
			art->status != ART_PARSED ? E(art->reason) : "");
	}
	fputs("</table>\n</body></html>\n", out);
	return ferror(out) ? -1 : 0;
}
