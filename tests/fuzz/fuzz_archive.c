/* The input layer on hostile bytes: input_add_buffer (archive detection,
 * libarchive, nested archives, member names, caps) with small caps so each
 * run stays bounded. Beyond not crashing, the caps must hold whatever the
 * bytes are. */
#include <stdint.h>
#include <stdlib.h>

#include "parsers/container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct limits l;
	limits_default(&l);
	l.max_member_bytes = 2u << 20;
	l.max_total_bytes = 8u << 20;
	l.max_members = 64;
	l.max_depth = 3;
	l.max_ratio = 200;
	l.classify_prefix = 16u << 10;
	l.arena_cap = 256u << 20;
	struct artefact_set *set = artefact_set_new(&l);
	if (!set)
		return 0;
	input_add_buffer(set, "fuzz.zip", data, size, 0);
	/* every artefact was admitted under --max-members, plus one notice */
	if (set->items.n > (size_t)l.max_members + 1)
		abort();
	/* the plain buffer itself may be counted once on top of the cap */
	if (set->total_bytes > l.max_total_bytes + l.classify_prefix)
		abort();
	for (size_t i = 0; i < set->items.n; i++)
		if (!set->items.v[i].path || !set->items.v[i].kind)
			abort();
	artefact_set_free(set);
	return 0;
}
