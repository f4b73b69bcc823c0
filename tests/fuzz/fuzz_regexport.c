/* Fuzz the reg-export parser: any bytes as lines -> bid, parse (with the
 * string encoding guessed, and forced to UTF-16LE and to ANSI), JSON.
 * Hostile input must neither crash nor hang, and what parses must render. */
#include <json-c/json.h>
#include <stdint.h>

#include "parsers/arena.h"
#include "parsers/regexport.h"
#include "parsers/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		struct parse_ctx ctx = { a, "fuzz.reg", NULL, NULL };
		(void)regexport_parser.bid(&t, &ctx);
		void *out = NULL;
		(void)regexport_parser.parse(&t, &ctx, &out);
		if (out) {
			struct json_object *j = regexport_parser.to_json(out);
			json_object_put(j);
		}
		struct regexport_result *r = NULL;
		(void)regexport_parse_ex(&t, &ctx, REGX_STRINGS_UTF16, &r);
		(void)regexport_parse_ex(&t, &ctx, REGX_STRINGS_ANSI, &r);
		if (r) {
			struct json_object *j = regexport_parser.to_json(r);
			json_object_put(j);
		}
	}
	arena_free(a);
	return 0;
}
