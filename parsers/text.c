#include "text.h"

#include <string.h>

#include "arena.h"

struct lines lines_sub(struct lines t, size_t first, size_t n)
{
	struct lines r = { NULL, 0 };
	if (first > t.n)
		return r;
	if (n > t.n - first)
		n = t.n - first;
	r.v = t.v + first;
	r.n = n;
	return r;
}

int lines_split(struct arena *a, const char *buf, size_t len, uint32_t first_no,
		struct lines *out)
{
	size_t count = 1;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
			count++;
	}
	struct line *v = arena_alloc(a, count * sizeof *v);
	if (!v)
		return -1;
	size_t n = 0, start = 0;
	uint32_t no = first_no;
	for (size_t i = 0; i <= len; i++) {
		int end = (i == len) || buf[i] == '\n' || buf[i] == '\r';
		if (!end)
			continue;
		size_t l = i - start;
		if (i < len || l > 0) {
			v[n].s = buf + start;
			v[n].len = l > UINT32_MAX ? UINT32_MAX : (uint32_t)l;
			v[n].no = no++;
			n++;
		}
		if (i < len && buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	out->v = v;
	out->n = n;
	return 0;
}

int u8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	int n;
	uint32_t c;
	if ((p[0] & 0xE0) == 0xC0) { n = 2; c = p[0] & 0x1F; }
	else if ((p[0] & 0xF0) == 0xE0) { n = 3; c = p[0] & 0x0F; }
	else if ((p[0] & 0xF8) == 0xF0) { n = 4; c = p[0] & 0x07; }
	else { *cp = 0xFFFD; return 1; }
	if ((size_t)n > len) { *cp = 0xFFFD; return 1; }
	for (int i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
		c = (c << 6) | (p[i] & 0x3F);
	}
	*cp = c;
	return n;
}

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || c == 0x202F || c == '\f' || c == '\v';
}

int line_is_blank(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	return n == 0;
}

void span_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;
	while (n) {
		uint32_t c;
		int k = u8_decode(p, n, &c);
		if (!is_space_cp(c))
			break;
		p += k;
		n -= (size_t)k;
	}
	while (n) {
		/* step back one code point */
		size_t k = 1;
		while (k < n && k < 4 && ((unsigned char)p[n - k] & 0xC0) == 0x80)
			k++;
		uint32_t c;
		u8_decode(p + n - k, k, &c);
		if (!is_space_cp(c))
			break;
		n -= k;
	}
	*s = p;
	*len = n;
}

char *span_dup_trim(struct arena *a, const char *s, size_t len)
{
	span_trim(&s, &len);
	return arena_strndup(a, s, len);
}

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

int span_starts_ci(const char *s, size_t len, const char *prefix)
{
	size_t pl = strlen(prefix);
	if (pl > len)
		return 0;
	for (size_t i = 0; i < pl; i++)
		if (lower((unsigned char)s[i]) != lower((unsigned char)prefix[i]))
			return 0;
	return 1;
}

long span_find_ci(const char *s, size_t len, const char *needle)
{
	size_t nl = strlen(needle);
	if (nl == 0)
		return 0;
	if (nl > len)
		return -1;
	for (size_t i = 0; i + nl <= len; i++)
		if (span_starts_ci(s + i, len - i, needle))
			return (long)i;
	return -1;
}

int str_eq_ci(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *b) {
		if (lower((unsigned char)*a) != lower((unsigned char)*b))
			return 0;
		a++, b++;
	}
	return *a == *b;
}

static int is_wide(uint32_t c)
{
	/* East Asian Wide/Fullwidth ranges that occur in localized output. */
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
	       (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t u8_width(const char *s, size_t len)
{
	size_t w = 0;
	while (len) {
		uint32_t c;
		int k = u8_decode(s, len, &c);
		w += is_wide(c) ? 2 : 1;
		s += k;
		len -= (size_t)k;
	}
	return w;
}

size_t u8_col_offset(const char *s, size_t len, size_t col)
{
	size_t w = 0, off = 0;
	while (off < len && w < col) {
		uint32_t c;
		int k = u8_decode(s + off, len - off, &c);
		w += is_wide(c) ? 2 : 1;
		off += (size_t)k;
	}
	return off;
}

int line_is_rule(const struct line *l, char c, size_t min)
{
	size_t n = l->len;
	while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	if (n < min)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (l->s[i] != c)
			return 0;
	return 1;
}

size_t rule_columns(const struct line *l, char c, struct colspan *cols, size_t max)
{
	size_t k = 0, i = 0, n = l->len;
	while (i < n && k < max) {
		while (i < n && l->s[i] == ' ')
			i++;
		if (i >= n || l->s[i] != c)
			break;
		size_t st = i;
		while (i < n && l->s[i] == c)
			i++;
		cols[k].start = st;
		cols[k].end = i;
		k++;
	}
	return k;
}
