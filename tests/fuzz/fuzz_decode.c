/* Decoder on arbitrary bytes: detection and every forced code page. The
 * output must be valid UTF-8, NUL-terminated, at most ~3x the input; then
 * line splitting and language detection run on it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/decode.h"
#include "parsers/text.h"

static void check_output(const struct decoded *d, size_t size)
{
	if (!d->text || !d->encoding || d->text[d->len] != 0 || d->len > 3 * size + 16)
		abort();
	const unsigned char *p = (const unsigned char *)d->text;
	for (size_t i = 0; i < d->len;) {
		uint32_t c;
		int k = u8_decode(d->text + i, d->len - i, &c);
		/* U+FFFD only where the decoder wrote it (EF BF BD) */
		if (c == 0xFFFD && !(k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
			abort();
		if (c == 0 || c == 0x1A || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
			abort();
		i += (size_t)k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const pages[] = { NULL, "936", "932", "437", "850", "1252",
					     "utf-8", "utf-16le", "utf-16be" };
	struct arena *a = arena_new(64 << 20);
	if (!a)
		return 0;
	/* detection always; one forced page chosen by the last byte */
	const char *forced = size ? pages[data[size - 1] % (sizeof pages / sizeof pages[0])] : NULL;
	const char *run[2] = { NULL, forced };
	for (int r = 0; r < (forced ? 2 : 1); r++) {
		struct decoded d;
		const char *why = NULL;
		if (decode_bytes(a, data, size, run[r], &d, &why) != 0)
			continue;
		check_output(&d, size);
		struct lines t;
		if (lines_split(a, d.text, d.len, 1, &t) == 0)
			(void)detect_language(&t);
	}
	arena_free(a);
	return 0;
}
