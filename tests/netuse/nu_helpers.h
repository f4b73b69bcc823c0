/* Helpers for the net use family tests: fixtures, decoding for unit tests,
 * running a parser the way the pipeline does. */
#ifndef NU_HELPERS_H
#define NU_HELPERS_H

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/arena.h"
#include "parsers/neterror.h"
#include "parsers/netuse.h"
#include "parsers/parser.h"
#include "parsers/text.h"

/* Bytes of fixtures/netuse/NAME (malloc'd), or NULL with a failed check. */
static inline char *nu_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/netuse/%s", dir ? dir : "fixtures", name);
	FILE *f = fopen(path, "rb");
	CHECK(f != NULL);
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	size_t got = buf ? fread(buf, 1, (size_t)n, f) : 0;
	fclose(f);
	if (!buf)
		return NULL;
	buf[got] = 0;
	*len = got;
	return buf;
}

/* Unit tests decode with iconv themselves (the pipeline's decoder is tested
 * elsewhere): CP936/CP932/CP850/UTF-16LE -> UTF-8 in the arena. */
static inline char *nu_to_utf8(struct arena *a, const char *from, const char *in, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	CHECK(cd != (iconv_t)-1);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 4 + 16, left = cap;
	char *out = arena_alloc(a, cap), *o = out;
	char *i = (char *)in;
	size_t il = len;
	size_t rc = iconv(cd, &i, &il, &o, &left);
	iconv_close(cd);
	CHECK(rc != (size_t)-1);
	*out_len = cap - left;
	return out;
}

/* Lines of a fixture, decoded from `enc` (NULL = already UTF-8); a UTF-8 or
 * UTF-16 BOM is skipped. */
static inline struct lines nu_lines(struct arena *a, const char *name, const char *enc)
{
	struct lines t = { NULL, 0 };
	size_t len;
	char *raw = nu_fixture(name, &len);
	if (!raw)
		return t;
	const char *txt = raw;
	size_t tl = len;
	if (tl >= 2 && (unsigned char)txt[0] == 0xFF && (unsigned char)txt[1] == 0xFE) {
		txt += 2;
		tl -= 2;
	}
	if (tl >= 3 && !memcmp(txt, "\xEF\xBB\xBF", 3)) {
		txt += 3;
		tl -= 3;
	}
	char *copy;
	size_t cl;
	if (enc) {
		copy = nu_to_utf8(a, enc, txt, tl, &cl);
	} else {
		copy = arena_strndup(a, txt, tl);
		cl = tl;
	}
	free(raw);
	if (copy)
		lines_split(a, copy, cl, 1, &t);
	return t;
}

static inline struct lines nu_text(struct arena *a, const char *txt)
{
	struct lines t = { NULL, 0 };
	lines_split(a, txt, strlen(txt), 1, &t);
	return t;
}

/* bid + parse as the pipeline does. */
static inline void *nu_run(const struct parser *p, struct arena *a, const struct lines *t, int *rc, int *bid)
{
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	*bid = p->bid(t, &ctx);
	void *res = NULL;
	*rc = p->parse(t, &ctx, &res);
	if (*rc != PARSE_OK && ctx.reason)
		fprintf(stderr, "  (%s: %s)\n", p->kind, ctx.reason);
	return res;
}

#endif
