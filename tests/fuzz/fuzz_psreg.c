/* Fuzz the ps-registry parser: bid, parse and to_json, without and with a Get-ChildItem command line. */
#include <json-c/json.h>
#include <stdint.h>

#include "parsers/arena.h"
#include "parsers/parser.h"
#include "parsers/text.h"

extern const struct parser psreg_parser;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const commands[] = { NULL, "Get-ChildItem HKCU:\\Network" };
	for (int c = 0; c < 2; c++) {
		struct arena *a = arena_new(64 << 20);
		if (!a)
			return 0;
		struct lines t;
		if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
			struct parse_ctx ctx = { a, "fuzz.txt", commands[c], NULL };
			(void)psreg_parser.bid(&t, &ctx);
			void *out = NULL;
			psreg_parser.parse(&t, &ctx, &out);
			if (out && psreg_parser.to_json) {
				struct json_object *j = psreg_parser.to_json(out);
				json_object_put(j);
			}
		}
		arena_free(a);
	}
	return 0;
}
