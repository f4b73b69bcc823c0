#include "label.h"

#include <string.h>

/* Keep a code point in the skeleton? Fold it first (full-width ASCII). */
static int skel_cp(uint32_t c, uint32_t *out)
{
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z') {
			*out = c + 32;
			return 1;
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			*out = c;
			return 1;
		}
		return 0;
	}
	if (c >= 0xFF10 && c <= 0xFF19) { /* full-width digits */
		*out = '0' + (c - 0xFF10);
		return 1;
	}
	if (c >= 0xFF21 && c <= 0xFF3A) {
		*out = 'a' + (c - 0xFF21);
		return 1;
	}
	if (c >= 0xFF41 && c <= 0xFF5A) {
		*out = 'a' + (c - 0xFF41);
		return 1;
	}
	if (c < 0x2E80 || c == 0xFFFD || c == 0x30FB /* ・ */)
		return 0;
	if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) ||
	    (c >= 0xFE30 && c <= 0xFE6F))
		return 0;
	*out = c;
	return 1;
}

static size_t put_utf8(uint32_t c, char *p)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xC0 | (c >> 6));
		p[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xE0 | (c >> 12));
		p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		p[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | (c >> 18));
	p[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	p[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	p[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t label_skeleton(const char *s, size_t len, char out[LABEL_SKEL_MAX + 1])
{
	size_t n = 0;
	while (len) {
		uint32_t c, k;
		int step = u8_decode(s, len, &c);
		s += step;
		len -= (size_t)step;
		if (!skel_cp(c, &k))
			continue;
		if (n + 4 > LABEL_SKEL_MAX) {
			out[0] = '\0';
			return 0;
		}
		n += put_utf8(k, out + n);
	}
	out[n] = '\0';
	return n;
}

int label_is(const char *s, size_t len, const char *const *names)
{
	char a[LABEL_SKEL_MAX + 1], b[LABEL_SKEL_MAX + 1];
	size_t an = label_skeleton(s, len, a);
	if (!an)
		return 0;
	for (int i = 0; names[i]; i++) {
		size_t bn = label_skeleton(names[i], strlen(names[i]), b);
		if (bn == an && memcmp(a, b, an) == 0)
			return i + 1;
	}
	return 0;
}

int label_has(const char *s, size_t len, const char *const *words)
{
	char a[LABEL_SKEL_MAX + 1], b[LABEL_SKEL_MAX + 1];
	/* values can be longer than labels: look at a bounded prefix */
	if (len > 4 * LABEL_SKEL_MAX)
		len = 4 * LABEL_SKEL_MAX;
	size_t an = label_skeleton(s, len, a);
	while (!an && len > 16) { /* too long for the buffer: shorten */
		len /= 2;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		an = label_skeleton(s, len, a);
	}
	if (!an)
		return 0;
	for (int i = 0; words[i]; i++) {
		size_t bn = label_skeleton(words[i], strlen(words[i]), b);
		if (bn && bn <= an && strstr(a, b))
			return i + 1;
	}
	return 0;
}

size_t line_indent(const struct line *l)
{
	size_t off = 0, w = 0;
	while (off < l->len) {
		uint32_t c;
		int k = u8_decode(l->s + off, l->len - off, &c);
		if (c == ' ' || c == '\t' || c == 0xA0)
			w += 1;
		else if (c == 0x3000)
			w += 2;
		else
			break;
		off += (size_t)k;
	}
	return w;
}

long find_colon(const char *s, size_t len, size_t *clen)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ':') {
			*clen = 1;
			return (long)i;
		}
		/* U+FF1A FULLWIDTH COLON = EF BC 9A */
		if ((unsigned char)s[i] == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] == 0x9A) {
			*clen = 3;
			return (long)i;
		}
	}
	return -1;
}

int is_sid(const char *s, size_t len)
{
	if (len < 5 || !(s[0] == 'S' || s[0] == 's') || s[1] != '-' || s[2] != '1' || s[3] != '-')
		return 0;
	size_t digits = 0;
	for (size_t i = 4; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			digits++;
		} else if (s[i] == '-' && digits) {
			digits = 0;
		} else {
			return 0;
		}
	}
	return digits > 0;
}

int sid_token_last(const char *s, size_t len, size_t *off, size_t *tlen)
{
	int found = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (i > st && is_sid(s + st, i - st)) {
			*off = st;
			*tlen = i - st;
			found = 1;
		}
	}
	return found;
}

int line_is_prompt(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (span_starts_ci(s, n, "*Evil-WinRM*")) {
		s += 12;
		n -= 12;
		span_trim(&s, &n);
	}
	while (n && s[0] == '*') {
		s++;
		n--;
	}
	if (!n)
		return 0;
	if (s[0] == '>')
		return 1;
	const char *gt = memchr(s, '>', n);
	if (!gt)
		return 0;
	if (span_starts_ci(s, n, "PS ") && gt - s < 400)
		return 1;
	/* a drive path ("X:\" or "X:>") before the first '>' */
	for (const char *p = s; p + 2 <= gt; p++) {
		if (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && p[1] == ':' && (p[2] == '\\' || p + 2 == gt) &&
		    (p == s || p[-1] == ' '))
			return 1;
	}
	return 0;
}
