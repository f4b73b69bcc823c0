/* Report dispatch and the JSON report (schema mdtriage.report/1, DESIGN.md §3). */
#include "report.h"

#include <json-c/json.h>
#include <string.h>

#include "factsjson.h"
#include "report_view.h"
#include "version.h"

static struct json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *jtri(enum tri t)
{
	return t == TRI_UNKNOWN ? NULL : json_object_new_boolean(t == TRI_YES);
}

static struct json_object *jstrs(const str_vec *v)
{
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < v->n; i++)
		json_object_array_add(arr, json_object_new_string(v->v[i]));
	return arr;
}

static struct json_object *jevidence(const evidence_vec *ev)
{
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < ev->n; i++) {
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "artefact", jstr(ev->v[i].artefact));
		json_object_object_add(o, "line", json_object_new_int64(ev->v[i].line));
		json_object_object_add(o, "text", jstr(ev->v[i].text));
		json_object_array_add(arr, o);
	}
	return arr;
}

static struct json_object *jfinding(const struct finding_view *fv)
{
	const struct finding *f = fv->f;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "id", jstr(f->id));
	json_object_object_add(o, "solution", jstr(fv->solution));
	struct json_object *rc = json_object_new_array();
	for (const char *p = f->root_causes; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z') {
			char b[2] = { *p, 0 };
			json_object_array_add(rc, json_object_new_string(b));
		}
	json_object_object_add(o, "root_causes", rc);
	/* DESIGN.md §3: null for case-level findings; the drive they concern, if any,
	 * is in related_drive */
	json_object_object_add(o, "drive", f->case_level ? NULL : jstr(f->fill.drive));
	if (f->case_level && f->fill.drive)
		json_object_object_add(o, "related_drive", jstr(f->fill.drive));
	json_object_object_add(o, "remote", jstr(f->fill.remote));
	json_object_object_add(o, "server", jstr(f->fill.server));
	json_object_object_add(o, "share", jstr(f->fill.share));
	json_object_object_add(o, "severity", jstr(severity_name(f->severity)));
	json_object_object_add(o, "confidence", jstr(confidence_name(f->confidence)));
	json_object_object_add(o, "title", jstr(fv->title));
	json_object_object_add(o, "explanation", jstr(fv->explanation));
	json_object_object_add(o, "fix", jstrs(&fv->fix));
	json_object_object_add(o, "verify", jstrs(&fv->verify));
	json_object_object_add(o, "risks", jstrs(&fv->risks));
	json_object_object_add(o, "evidence", jevidence(&f->evidence));
	struct json_object *steps = json_object_new_array();
	for (size_t i = 0; i < f->steps.n; i++) {
		const struct step *st = &f->steps.v[i];
		struct json_object *s = json_object_new_object();
		json_object_object_add(s, "check", jstr(st->check));
		json_object_object_add(s, "outcome", jstr(st->outcome));
		json_object_object_add(s, "note", jstr(st->note));
		json_object_object_add(s, "evidence", jevidence(&st->ev));
		json_object_array_add(steps, s);
	}
	json_object_object_add(o, "steps", steps);
	return o;
}

static struct json_object *view_json(const struct report_view *rv)
{
	struct json_object *root = json_object_new_object();
	json_object_object_add(root, "schema", json_object_new_string("mdtriage.report/1"));
	struct json_object *tool = json_object_new_object();
	json_object_object_add(tool, "name", json_object_new_string("mdtriage"));
	json_object_object_add(tool, "version", json_object_new_string(MDT_VERSION));
	json_object_object_add(root, "tool", tool);
	json_object_object_add(root, "language", json_object_new_string(rv->o->lang == LANG_ZH ? "zh-CN" : "en"));

	struct json_object *arts = json_object_new_array();
	for (size_t i = 0; i < rv->set->items.n; i++)
		json_object_array_add(arts, artefact_json(&rv->set->items.v[i], 0));
	json_object_object_add(root, "artefacts", arts);

	struct json_object *maps = json_object_new_array();
	for (size_t i = 0; i < rv->mappings.n; i++) {
		const struct mapping_view *m = rv->mappings.v[i];
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "drive", jstr(m->drive));
		json_object_object_add(o, "remote", jstr(m->remote));
		json_object_object_add(o, "server", jstr(m->server));
		json_object_object_add(o, "share", jstr(m->share));
		json_object_object_add(o, "scope", jstr(m->scope));
		json_object_object_add(o, "persisted", jtri(m->persisted));
		json_object_object_add(o, "status", jstr(m->status));
		json_object_object_add(o, "user", jstr(m->user));
		json_object_array_add(maps, o);
	}
	json_object_object_add(root, "mappings", maps);

	struct json_object *fs = json_object_new_array();
	for (size_t i = 0; i < rv->drive_findings.n; i++)
		json_object_array_add(fs, jfinding(&rv->drive_findings.v[i]));
	for (size_t i = 0; i < rv->case_findings.n; i++)
		json_object_array_add(fs, jfinding(&rv->case_findings.v[i]));
	json_object_object_add(root, "findings", fs);

	struct json_object *ns = json_object_new_array();
	for (size_t i = 0; i < rv->next.n; i++) {
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "command", jstr(rv->next.v[i].n->command));
		json_object_object_add(o, "why", jstr(rv->next.v[i].why));
		json_object_object_add(o, "id", jstr(rv->next.v[i].n->id));
		json_object_object_add(o, "drive", jstr(rv->next.v[i].n->drive));
		json_object_array_add(ns, o);
	}
	json_object_object_add(root, "next_steps", ns);
	return root;
}

struct json_object *report_json(const struct artefact_set *set, const struct verdict *v,
				const struct report_opts *o, struct arena *a)
{
	struct report_view rv;
	if (report_view_build(&rv, set, v, o, a) != 0)
		return NULL;
	return view_json(&rv);
}

int report_write(FILE *out, const struct artefact_set *set, const struct verdict *v,
		 const struct report_opts *o, struct arena *a)
{
	struct report_view rv;
	if (report_view_build(&rv, set, v, o, a) != 0)
		return -1;
	switch (o->format) {
	case FMT_TEXT: return report_text(out, &rv, a);
	case FMT_MARKDOWN: return report_markdown(out, &rv, a);
	case FMT_HTML: return report_html(out, &rv, a);
	case FMT_JUNIT: return report_junit(out, &rv);
	case FMT_JSON: {
		struct json_object *j = view_json(&rv);
		fputs(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
							JSON_C_TO_STRING_NOSLASHESCAPE), out);
		fputc('\n', out);
		json_object_put(j);
		return ferror(out) ? -1 : 0;
	}
	}
	return -1;
}
