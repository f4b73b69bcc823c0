/* Fuzz the script parser: any bytes as lines -> bid, parse, JSON.
 * Hostile input must neither crash nor hang, and what parses must render. */
#include <json-c/json.h>
#include <stdint.h>

#include "parsers/arena.h"
#include "parsers/script.h"
#include "parsers/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		struct parse_ctx ctx = { a, "fuzz.ps1", NULL, NULL };
		(void)script_parser.bid(&t, &ctx);
		void *out = NULL;
		(void)script_parser.parse(&t, &ctx, &out);
		if (out) {
			struct json_object *j = script_parser.to_json(out);
			json_object_put(j);
		}
	}
	arena_free(a);
	return 0;
}
