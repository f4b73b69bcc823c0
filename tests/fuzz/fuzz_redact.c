/* Fuzz the redaction pass: any bytes as lines. It must not crash or hang,
 * must keep the line count and numbers, must keep valid UTF-8 valid, and a
 * second pass over its output must change nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/redact.h"
#include "parsers/text.h"

static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (!k || i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((p[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		size_t n = t.n;
		int was_valid = valid_utf8((const char *)data, size);
		redaction_vec found = { 0 };
		if (redact_lines(a, &t, &found) == 0) {
			if (t.n != n)
				abort();
			for (size_t i = 0; i < t.n; i++) {
				if (t.v[i].no != i + 1)
					abort();
				if (was_valid && !valid_utf8(t.v[i].s, t.v[i].len))
					abort();
			}
			for (size_t i = 0; i < found.n; i++)
				if (found.v[i].line < 1 || found.v[i].line > n || !found.v[i].what)
					abort();
			/* idempotent: the text does not change on a second pass */
			struct line *copy = malloc((t.n ? t.n : 1) * sizeof *copy);
			if (copy) {
				memcpy(copy, t.v, t.n * sizeof *copy);
				redaction_vec again = { 0 };
				if (redact_lines(a, &t, &again) == 0) {
					for (size_t i = 0; i < t.n; i++)
						if (t.v[i].len != copy[i].len ||
						    memcmp(t.v[i].s, copy[i].s, t.v[i].len) != 0)
							abort();
				}
				free(copy);
			}
		}
		int f;
		char *z = malloc(size + 1);
		if (z) {
			memcpy(z, data, size);
			z[size] = 0;
			(void)redact_string(a, z, &f);
			free(z);
		}
	}
	arena_free(a);
	return 0;
}
