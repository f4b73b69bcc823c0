/* Registry value types and data conversions shared by reg-query and reg-export. */
#include "regvalue.h"

#include <inttypes.h>
#include <string.h>

#include "arena.h"

static const struct {
	uint32_t type;
	const char *name;
} type_names[] = {
	{ REGV_NONE, "REG_NONE" },
	{ REGV_SZ, "REG_SZ" },
	{ REGV_EXPAND_SZ, "REG_EXPAND_SZ" },
	{ REGV_BINARY, "REG_BINARY" },
	{ REGV_DWORD, "REG_DWORD" },
	{ REGV_DWORD_BE, "REG_DWORD_BIG_ENDIAN" },
	{ REGV_LINK, "REG_LINK" },
	{ REGV_MULTI_SZ, "REG_MULTI_SZ" },
	{ REGV_RESOURCE_LIST, "REG_RESOURCE_LIST" },
	{ REGV_FULL_RESOURCE_DESCRIPTOR, "REG_FULL_RESOURCE_DESCRIPTOR" },
	{ REGV_RESOURCE_REQUIREMENTS_LIST, "REG_RESOURCE_REQUIREMENTS_LIST" },
	{ REGV_QWORD, "REG_QWORD" },
};

const char *regv_type_name(uint32_t type)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (type_names[i].type == type)
			return type_names[i].name;
	return NULL;
}

int regv_type_from_name(const char *s, size_t len, uint32_t *type)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
		const char *n = type_names[i].name;
		if (strlen(n) == len && memcmp(n, s, len) == 0) {
			*type = type_names[i].type;
			return 1;
		}
	}
	/* aliases some tools print */
	if (len == 23 && memcmp(s, "REG_DWORD_LITTLE_ENDIAN", 23) == 0) {
		*type = REGV_DWORD;
		return 1;
	}
	if (len == 23 && memcmp(s, "REG_QWORD_LITTLE_ENDIAN", 23) == 0) {
		*type = REGV_QWORD;
		return 1;
	}
	return 0;
}

int regv_is_string_type(uint32_t type)
{
	return type == REGV_SZ || type == REGV_EXPAND_SZ || type == REGV_MULTI_SZ;
}

char *regv_hex(struct arena *a, const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	if (n > (SIZE_MAX - 1) / 2)
		return NULL;
	char *s = arena_alloc(a, 2 * n + 1);
	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		s[2 * i] = digits[p[i] >> 4];
		s[2 * i + 1] = digits[p[i] & 15];
	}
	s[2 * n] = 0;
	return s;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int regv_unhex(struct arena *a, const char *s, size_t len, uint8_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (len % 2)
		return -1;
	for (size_t i = 0; i < len; i++)
		if (hexval(s[i]) < 0)
			return -1;
	uint8_t *b = arena_alloc(a, len / 2 + 1);
	if (!b)
		return -1;
	for (size_t i = 0; i < len / 2; i++)
		b[i] = (uint8_t)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
	*out = b;
	*n = len / 2;
	return 0;
}

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

char *regv_utf16le_to_utf8(struct arena *a, const uint8_t *p, size_t n, size_t *out_len)
{
	size_t units = n / 2;
	/* one unit yields at most 3 bytes; a surrogate pair (2 units) 4 */
	if (units > (SIZE_MAX - 1) / 3)
		return NULL;
	char *o = arena_alloc(a, units * 3 + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < units; i++) {
		uint32_t c = (uint32_t)p[2 * i] | (uint32_t)p[2 * i + 1] << 8;
		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units) {
			uint32_t d = (uint32_t)p[2 * i + 2] | (uint32_t)p[2 * i + 3] << 8;
			if (d >= 0xDC00 && d <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
				i++;
			} else {
				c = 0xFFFD;
			}
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		k += put_utf8(o + k, c);
	}
	o[k] = 0;
	if (out_len)
		*out_len = k;
	return o;
}

/* Windows-1252 0x80..0x9F; the rest of 0xA0..0xFF is Latin-1. 0 = unassigned. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int valid_utf8(const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t c = p[i];
		size_t k;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
			k = 2;
		} else if ((c & 0xF0) == 0xE0) {
			k = 3;
		} else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
			k = 4;
		} else {
			return 0;
		}
		if (i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((p[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

char *regv_ansi_to_utf8(struct arena *a, const uint8_t *p, size_t n, size_t *out_len)
{
	if (valid_utf8(p, n)) {
		char *o = arena_alloc(a, n + 1);
		if (!o)
			return NULL;
		if (n)
			memcpy(o, p, n);
		o[n] = 0;
		if (out_len)
			*out_len = n;
		return o;
	}
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	char *o = arena_alloc(a, n * 3 + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = p[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xFFFD;
		k += put_utf8(o + k, c);
	}
	o[k] = 0;
	if (out_len)
		*out_len = k;
	return o;
}

size_t regv_utf16_units(const char *s, size_t len)
{
	size_t units = 0, i = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (i < len) {
		unsigned char c = p[i];
		size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
		if (i + k > len)
			k = len - i;
		units += k == 4 ? 2 : 1;
		i += k;
	}
	return units;
}

/* Text of the bytes as the string types store them, NULs kept. */
static char *string_bytes(struct arena *a, const uint8_t *p, size_t n, int unicode, size_t *len)
{
	return unicode ? regv_utf16le_to_utf8(a, p, n, len) : regv_ansi_to_utf8(a, p, n, len);
}

int regv_render(struct arena *a, uint32_t type, const uint8_t *p, size_t n, int unicode,
		struct regv_text *out)
{
	memset(out, 0, sizeof *out);
	if (n == 0) {
		out->text = "";
		return 0;
	}
	switch (type) {
	case REGV_SZ:
	case REGV_EXPAND_SZ:
	case REGV_LINK: {
		size_t len;
		char *s = string_bytes(a, p, n, unicode || type == REGV_LINK, &len);
		if (!s)
			return -1;
		out->text = s; /* a C string: ends at the first NUL, as Windows reads it */
		return 0;
	}
	case REGV_MULTI_SZ: {
		size_t len;
		char *s = string_bytes(a, p, n, unicode, &len);
		if (!s)
			return -1;
		/* items end with NUL; an empty item ends the list */
		size_t w = 0, i = 0;
		while (i < len) {
			size_t e = i;
			while (e < len && s[e])
				e++;
			if (e == i)
				break;
			if (w)
				s[w++] = '\n';
			memmove(s + w, s + i, e - i);
			w += e - i;
			i = e + 1;
		}
		s[w] = 0;
		out->text = s;
		return 0;
	}
	case REGV_DWORD:
	case REGV_DWORD_BE:
		if (n == 4) {
			uint32_t v = type == REGV_DWORD
					     ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
					     : (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
			out->num = v;
			out->has_num = 1;
			out->text = arena_printf(a, "0x%" PRIx32, v);
			return out->text ? 0 : -1;
		}
		break;
	case REGV_QWORD:
		if (n == 8) {
			uint64_t v = 0;
			for (int i = 7; i >= 0; i--)
				v = v << 8 | p[i];
			out->num = v;
			out->has_num = 1;
			out->text = arena_printf(a, "0x%" PRIx64, v);
			return out->text ? 0 : -1;
		}
		break;
	default:
		break;
	}
	out->text = regv_hex(a, p, n);
	return out->text ? 0 : -1;
}
