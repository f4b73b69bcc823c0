/* Helpers for the PowerShell-area tests: lines from literal text, running a
 * parser the way the pipeline does, fixtures, UTF-16LE encoding. */
#ifndef PS_HELPERS_H
#define PS_HELPERS_H

#include <iconv.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parsers/arena.h"
#include "parsers/parser.h"
#include "parsers/text.h"

static inline struct lines ps_lines(struct arena *a, const char *text)
{
	struct lines t = { NULL, 0 };
	char *copy = arena_strdup(a, text);
	CHECK(copy && lines_split(a, copy, strlen(copy), 1, &t) == 0);
	return t;
}

/* Bid and parse like the pipeline; *status gets the parse status. */
static inline void *ps_run(const struct parser *p, struct arena *a, const char *text, const char *command,
		    int *bid, int *status, const char **reason)
{
	struct lines t = ps_lines(a, text);
	struct parse_ctx ctx = { a, "x.txt", command, NULL };
	if (bid)
		*bid = p->bid(&t, &ctx);
	void *out = NULL;
	int st = p->parse(&t, &ctx, &out);
	if (status)
		*status = st;
	if (reason)
		*reason = ctx.reason;
	if (out && p->to_json) {
		struct json_object *j = p->to_json(out);
		CHECK(j != NULL);
		json_object_put(j);
	}
	return out;
}

/* fixtures/powershell/NAME, malloc'd (NULL with a failed check). */
static inline char *ps_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/powershell/%s", dir ? dir : "fixtures", name);
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

/* Re-encode UTF-8 text (LF line ends) as a customer's file: `to` is an iconv
 * name ("UTF-16LE", "CP936", "CP850"); CRLF line ends; bom adds FF FE. */
static inline unsigned char *ps_encode(const char *text, const char *to, int bom, size_t *out_len)
{
	size_t n = strlen(text), extra = 0;
	for (size_t i = 0; i < n; i++)
		extra += text[i] == '\n';
	char *crlf = malloc(n + extra + 1), *q = crlf;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			*q++ = '\r';
		*q++ = text[i];
	}
	size_t in_len = (size_t)(q - crlf);
	iconv_t cd = iconv_open(to, "UTF-8");
	CHECK(cd != (iconv_t)-1);
	size_t cap = in_len * 4 + 8, left = cap - 2;
	unsigned char *out = malloc(cap);
	char *o = (char *)out + (bom ? 2 : 0), *i = crlf;
	if (bom) {
		out[0] = 0xFF;
		out[1] = 0xFE;
	}
	size_t il = in_len;
	size_t rc = iconv(cd, &i, &il, &o, &left);
	CHECK(rc != (size_t)-1);
	iconv_close(cd);
	free(crlf);
	*out_len = (size_t)((unsigned char *)o - out);
	return out;
}

#endif
