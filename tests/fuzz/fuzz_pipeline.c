/* The whole pipeline on one buffer: containers, decoding, redaction,
 * segmentation, every parser, the case model, the engine and the JSON
 * report. Small caps keep each run bounded. */
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>

#include "analyzer/case.h"
#include "analyzer/engine.h"
#include "analyzer/report.h"
#include "parsers/container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct limits l;
	limits_default(&l);
	l.max_member_bytes = 1 << 20;
	l.max_total_bytes = 4 << 20;
	l.max_members = 64;
	l.max_depth = 3;
	l.arena_cap = 256u << 20;
	struct artefact_set *set = artefact_set_new(&l);
	if (!set)
		return 0;
	input_add_buffer(set, "fuzz.bin", data, size, 0);
	struct case_model cm;
	case_build(&cm, set->arena, set);
	struct verdict v = { 0 };
	engine_run(&cm, &v);
	struct report_opts o = { 0 };
	struct json_object *j = report_json(set, &v, &o, set->arena);
	json_object_put(j);
	artefact_set_free(set);
	return 0;
}
