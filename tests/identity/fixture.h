/* Test helpers for the identity area: load a fixture (real-shaped bytes from
 * fixtures/identity/), split it into lines, run one parser on it. */
#ifndef MDT_TEST_IDENTITY_FIXTURE_H
#define MDT_TEST_IDENTITY_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/parser.h"
#include "parsers/text.h"

/* Bytes of fixtures/identity/<name> in the arena; *len set. NULL if missing. */
static inline char *fixture_bytes(struct arena *a, const char *name, size_t *len)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[1024];
	snprintf(path, sizeof path, "%s/identity/%s", dir ? dir : "fixtures", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open fixture %s\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? arena_alloc(a, (size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n)
		buf = NULL;
	fclose(f);
	if (buf)
		*len = (size_t)n;
	return buf;
}

/* Run parser p on UTF-8 text; returns the parse status, *out the result. */
static inline int run_parser_text(struct arena *a, const struct parser *p, const char *text, size_t len,
				  const char *command, void **out, int *bid_out)
{
	struct lines t;
	*out = NULL;
	if (!text || lines_split(a, text, len, 1, &t) != 0)
		return -1;
	struct parse_ctx ctx = { a, NULL, command, NULL };
	if (bid_out)
		*bid_out = p->bid(&t, &ctx);
	return p->parse(&t, &ctx, out);
}

static inline int run_parser(struct arena *a, const struct parser *p, const char *fixture,
			     const char *command, void **out, int *bid_out)
{
	size_t len = 0;
	char *text = fixture_bytes(a, fixture, &len);
	return run_parser_text(a, p, text, len, command, out, bid_out);
}

#endif
