#include "analyze.h"

#include <string.h>

#include "../parsers/container.h"
#include "engine.h"

int case_run_paths(struct case_run *r, const struct limits *l, const char *const *paths,
		   size_t n, const struct case_hints *h)
{
	memset(r, 0, sizeof *r);
	r->set = artefact_set_new(l);
	if (!r->set)
		return -1;
	for (size_t i = 0; i < n; i++)
		input_add_path(r->set, paths[i]);
	artefact_set_settle_codepage(r->set);
	struct arena *a = r->set->arena;
	case_build(&r->cm, a, r->set);
	if (h && h->drive)
		r->cm.drive_hint = drive_normalize(a, h->drive, strlen(h->drive));
	if (h && h->symptom)
		r->cm.symptom = arena_strdup(a, h->symptom);
	engine_run(&r->cm, &r->v);
	return 0;
}

void case_run_free(struct case_run *r)
{
	artefact_set_free(r->set);
	memset(r, 0, sizeof *r);
}

int case_all_unreadable(const struct artefact_set *set)
{
	if (!set || set->items.n == 0)
		return 1;
	for (size_t i = 0; i < set->items.n; i++)
		if (set->items.v[i].status != ART_UNREADABLE)
			return 0;
	return 1;
}
