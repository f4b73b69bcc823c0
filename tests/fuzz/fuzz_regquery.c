/* Fuzz the reg-query parser: any bytes as lines -> bid, parse, JSON; once
 * without a command, then with the first line taken as the command that
 * printed the rest, and as the file's name. Hostile input must neither crash
 * nor hang, and what parses must render. */
#include <json-c/json.h>
#include <stdint.h>

#include "parsers/arena.h"
#include "parsers/regquery.h"
#include "parsers/text.h"

static void run(struct arena *a, const struct lines *t, const char *name, const char *cmd)
{
	struct parse_ctx ctx = { a, name, cmd, NULL };
	(void)regquery_parser.bid(t, &ctx);
	void *out = NULL;
	(void)regquery_parser.parse(t, &ctx, &out);
	if (out) {
		struct json_object *j = regquery_parser.to_json(out);
		json_object_put(j);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		run(a, &t, "fuzz.txt", NULL);
		if (t.n > 1) {
			const char *first = arena_strndup(a, t.v[0].s, t.v[0].len);
			struct lines rest = lines_sub(t, 1, t.n - 1);
			if (first) {
				run(a, &rest, "fuzz.txt", first);
				run(a, &rest, first, NULL); /* a file named after the command */
			}
		}
	}
	arena_free(a);
	return 0;
}
