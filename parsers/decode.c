/* Minimal decoder: UTF-8 (with/without BOM) only. Replaced by the full
 * detector (UTF-16, code pages) in the decoding work. */
#include "decode.h"

#include <string.h>

#include "arena.h"

int decode_bytes(struct arena *a, const uint8_t *data, size_t len, const char *codepage,
		 struct decoded *out, const char **reason)
{
	(void)codepage;
	memset(out, 0, sizeof *out);
	out->encoding = "utf-8";
	if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
		data += 3;
		len -= 3;
		out->encoding = "utf-8-bom";
	}
	char *p = arena_strndup(a, (const char *)data, len);
	if (!p) {
		*reason = "out of memory";
		return -1;
	}
	out->text = p;
	out->len = len;
	return 0;
}

const char *detect_language(const struct lines *t)
{
	(void)t;
	return "unknown";
}
