/* Fuzz the reg-query parser: any bytes as lines -> bid, parse, JSON; once
 * without a command and once with the first line taken as the command that
 * printed the rest. Hostile input must neither crash nor hang, and what
 * parses must render. */
#include <json-c/json.h>
#include <stdint.h>

#include "parsers/arena.h"
#include "parsers/regquery.h"
#include "parsers/text.h"

static void run(struct arena *a, const struct lines *t, const char *cmd)
{
	struct parse_ctx ctx = { a, "fuzz.txt", cmd, NULL };
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
		run(a, &t, NULL);
		if (t.n > 1) {
			const char *cmd = arena_strndup(a, t.v[0].s, t.v[0].len);
			struct lines rest = lines_sub(t, 1, t.n - 1);
			if (cmd)
				run(a, &rest, cmd);
		}
	}
	arena_free(a);
	return 0;
}
