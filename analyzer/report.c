/* Minimal reporter: JSON only, until the reporters land. */
#include "report.h"

#include <json-c/json.h>

#include "factsjson.h"
#include "version.h"

struct json_object *report_json(const struct artefact_set *set, const struct verdict *v,
				const struct report_opts *o, struct arena *a)
{
	(void)v;
	(void)o;
	(void)a;
	struct json_object *root = json_object_new_object();
	json_object_object_add(root, "schema", json_object_new_string("mdtriage.report/1"));
	struct json_object *tool = json_object_new_object();
	json_object_object_add(tool, "name", json_object_new_string("mdtriage"));
	json_object_object_add(tool, "version", json_object_new_string(MDT_VERSION));
	json_object_object_add(root, "tool", tool);
	struct json_object *arts = json_object_new_array();
	for (size_t i = 0; i < set->items.n; i++)
		json_object_array_add(arts, artefact_json(&set->items.v[i], 0));
	json_object_object_add(root, "artefacts", arts);
	json_object_object_add(root, "mappings", json_object_new_array());
	json_object_object_add(root, "findings", json_object_new_array());
	json_object_object_add(root, "next_steps", json_object_new_array());
	return root;
}

int report_write(FILE *out, const struct artefact_set *set, const struct verdict *v,
		 const struct report_opts *o, struct arena *a)
{
	struct json_object *j = report_json(set, v, o, a);
	fputs(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), out);
	fputc('\n', out);
	json_object_put(j);
	return ferror(out) ? -1 : 0;
}
