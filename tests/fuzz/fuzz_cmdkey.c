/* Fuzz the cmdkey /list parser: any bytes as lines -> bid, parse, JSON.
 * The input also doubles as the command line (first 64 bytes), so command
 * dependent paths (filters, plain whoami) are reached too. */
#include <json-c/json.h>
#include <stdint.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/cmdkey.h"
#include "parsers/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		char cmd[65];
		size_t n = size < 64 ? size : 64;
		memcpy(cmd, data, n);
		cmd[n] = '\0';
		for (int pass = 0; pass < 2; pass++) {
			struct parse_ctx ctx = { a, "fuzz.txt", pass ? cmd : NULL, NULL };
			(void)cmdkey_parser.bid(&t, &ctx);
			void *out = NULL;
			int st = cmdkey_parser.parse(&t, &ctx, &out);
			(void)st;
			if (out) {
				struct json_object *j = cmdkey_parser.to_json(out);
				json_object_put(j);
			}
		}
	}
	arena_free(a);
	return 0;
}
