/* Names of members and files as printable UTF-8 labels.
 *
 * Zip names made by Explorer on a Chinese or Japanese Windows are stored in
 * the OEM code page (936 GBK, 932 Shift-JIS) without the zip UTF-8 flag, and
 * files unpacked from such zips on Linux keep those bytes. A label is only
 * ever shown: it is never used as a file system path, so "..", absolute
 * names and backslashes are harmless and kept as they are. */
#include "container_int.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. */
static int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if (n - i <= k)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Whole-string conversion to UTF-8; NULL when any byte does not convert. */
static char *to_utf8(struct arena *a, const char *charset, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = n * 4 + 4;
	char *buf = malloc(cap);
	char *res = NULL;
	if (buf) {
		char *in = (char *)s, *out = buf;
		size_t inleft = n, outleft = cap;
		if (iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1 && inleft == 0 &&
		    iconv(cd, NULL, NULL, &out, &outleft) != (size_t)-1)
			res = arena_strndup(a, buf, (size_t)(out - buf));
		free(buf);
	}
	iconv_close(cd);
	return res;
}

/* Every double-byte pair inside GB2312's common range (the simplified
 * Chinese a zh-CN Explorer writes), and at least one pair. */
static int looks_gb2312(const unsigned char *s, size_t n)
{
	int pairs = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (i + 1 >= n || s[i] < 0xA1 || s[i] > 0xF7 || s[i + 1] < 0xA1 || s[i + 1] > 0xFE)
			return 0;
		pairs++;
		i += 2;
	}
	return pairs > 0;
}

/* --codepage as an iconv charset for names: "936", "cp936", "CP932" ->
 * "CP936"...; other names (GBK, SHIFT_JIS) as given; UTF-16 forms (meant for
 * file contents) are no use for names. */
static const char *codepage_charset(const char *cp, char *buf, size_t size)
{
	if (!cp || !*cp)
		return NULL;
	const char *d = cp;
	if (!strncasecmp(d, "windows-", 8))
		d += 8;
	else if (!strncasecmp(d, "cp", 2))
		d += 2;
	size_t n = strspn(d, "0123456789");
	if (n > 0 && n <= 5 && d[n] == '\0') {
		snprintf(buf, size, "CP%s", d);
		return buf;
	}
	if (!strncasecmp(cp, "utf", 3))
		return NULL;
	return cp;
}

static char *decode_name(struct arena *a, const char *raw, size_t len, const char *codepage)
{
	const unsigned char *u = (const unsigned char *)raw;
	if (utf8_valid(u, len))
		return arena_strndup(a, raw, len);
	char buf[32];
	const char *forced = codepage_charset(codepage, buf, sizeof buf);
	char *s = NULL;
	if (forced && (s = to_utf8(a, forced, raw, len)))
		return s;
	/* GBK accepts nearly every Shift-JIS byte pair, so "decodes as 936" says
	 * little: names wholly in GB2312 are Chinese; otherwise a valid 932
	 * reading (kana, JIS kanji) is the better guess; 850 takes the rest. */
	if (looks_gb2312(u, len) && (s = to_utf8(a, "CP936", raw, len)))
		return s;
	if ((s = to_utf8(a, "CP932", raw, len)) || (s = to_utf8(a, "CP936", raw, len)) ||
	    (s = to_utf8(a, "CP850", raw, len)))
		return s;
	/* no iconv tables at all: keep ASCII, mark the rest */
	s = arena_strndup(a, raw, len);
	for (size_t i = 0; s && i < len; i++)
		if (u[i] >= 0x80)
			s[i] = '?';
	return s;
}

/* Characters that would let a name rewrite the terminal or reorder text. */
static int unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xFEFF;
}

static char *sanitize(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = u8_decode(s + i, n - i, &cp);
		if (k < 1)
			k = 1;
		if (unsafe_cp(cp)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

char *label_from_bytes(struct arena *a, const char *raw, size_t len, const char *codepage)
{
	char *s = decode_name(a, raw ? raw : "", raw ? len : 0, codepage);
	return s ? sanitize(a, s) : NULL;
}

char *label_member(struct arena *a, const char *outer, const char *raw, size_t len,
		   const char *codepage)
{
	char *name = label_from_bytes(a, raw, len, codepage);
	if (!name)
		return NULL;
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else
			break;
	}
	size_t n = strlen(name);
	while (n && name[n - 1] == '/')
		name[--n] = '\0';
	return arena_printf(a, "%s!/%s", outer, n ? name : "(unnamed)");
}
