/* reg-export: `.reg` files, read line by line the way Windows' `reg import`
 * reads them (behaviour taken from the conformance data in
 * /work/shared/conformance, which records what real Windows does):
 *  - the header must be the first line (leading blanks/tabs allowed):
 *    `Windows Registry Editor Version 5.00`, `REGEDIT4`, `REGEDIT` (3.1);
 *    any other line starting with `REGEDIT` is accepted but imports nothing;
 *  - `[key]` opens a key (text up to the last ']'), `[-key]` deletes one and
 *    closes the open key; a key line Windows cannot use leaves it open or
 *    closes it exactly as Windows does;
 *  - `"name"=` / `@=` values: `"text"` with \\ \" \n \r escapes, `dword:`
 *    1-8 hex digits, `hex:` / `hex(N):` comma-separated bytes continued by
 *    a trailing backslash; `=-` deletes; `;` starts a comment after data;
 *  - a malformed line is skipped (and a broken continuation takes the line
 *    that broke it with it), never fatal. */
#include "regexport.h"

#include <json-c/json.h>
#include <string.h>

#include "regvalue.h"
#include "text.h"

typedef VEC(uint8_t) byte_vec;

struct reader {
	struct arena *a;
	struct regexport_result *r;
	enum regx_strings enc;
	const char *key;   /* open key (as in the file), NULL when none */
	/* a hex value whose data continues on the next lines */
	int pending;
	const char *p_name;
	uint32_t p_type;
	uint32_t p_line, p_last;
	byte_vec buf;
};

const char *regx_header_name(enum regx_header h)
{
	switch (h) {
	case REGX_HDR_NONE: return "none";
	case REGX_HDR_V5: return "Windows Registry Editor Version 5.00";
	case REGX_HDR_V4: return "REGEDIT4";
	case REGX_HDR_WIN31: return "REGEDIT";
	case REGX_HDR_FUZZY: return "REGEDIT (other)";
	}
	return "none";
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }
/* what the C runtime's strtoul skips before a number */
static int is_cspace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && is_blank(s[i]))
		i++;
	return i;
}

/* Windows reads lines as C strings: a NUL (from a mis-decoded file) ends it. */
static size_t line_len(const struct line *l)
{
	const char *z = memchr(l->s, 0, l->len);
	return z ? (size_t)(z - l->s) : l->len;
}

static int span_is(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len == n && memcmp(s, lit, n) == 0;
}

static enum regx_header header_kind(const char *s, size_t len)
{
	size_t i = skip_blanks(s, len, 0);
	s += i;
	len -= i;
	if (span_is(s, len, "REGEDIT"))
		return REGX_HDR_WIN31;
	if (span_is(s, len, "REGEDIT4"))
		return REGX_HDR_V4;
	if (span_is(s, len, "Windows Registry Editor Version 5.00"))
		return REGX_HDR_V5;
	if (len >= 7 && memcmp(s, "REGEDIT", 7) == 0)
		return REGX_HDR_FUZZY;
	return REGX_HDR_NONE;
}

static const char *const hive_names[] = {
	"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_CLASSES_ROOT", "HKEY_USERS",
	"HKEY_CURRENT_CONFIG", "HKEY_DYN_DATA", "HKLM", "HKCU", "HKCR", "HKU", "HKCC",
};

/* The part before the first backslash names a hive (any case). *sub is the
 * length of the path below the hive (0 for the hive itself or "HIVE\"). */
static int valid_hive(const char *s, size_t len, size_t *sub)
{
	const char *bs = memchr(s, '\\', len);
	size_t root = bs ? (size_t)(bs - s) : len;
	*sub = bs ? len - root - 1 : 0;
	for (size_t i = 0; i < sizeof hive_names / sizeof hive_names[0]; i++)
		if (strlen(hive_names[i]) == root && span_starts_ci(s, root, hive_names[i]))
			return 1;
	return 0;
}

static void skip_line(struct reader *d, uint32_t line, const char *why)
{
	struct regx_skip *k = VEC_PUSH(d->a, &d->r->skipped);
	if (k) {
		k->line = line;
		k->why = why;
	}
}

static struct regx_value *new_value(struct reader *d, const char *name, uint32_t line)
{
	if (!d->key) {
		skip_line(d, line, "value outside any key (no key is open)");
		return NULL;
	}
	struct regx_value *v = VEC_PUSH(d->a, &d->r->values);
	if (!v)
		return NULL;
	v->key = d->key;
	v->name = name;
	v->line = v->last_line = line;
	return v;
}

/* Quoted text from s[i] (just after the opening quote). Escapes: \\ \" \n \r;
 * \0 is refused; another escaped character stands for itself. Returns 1 and
 * *end = index after the closing quote, 0 when malformed. */
static int unquote(struct arena *a, const char *s, size_t len, size_t i, char **out, size_t *olen,
		   size_t *end)
{
	char *o = arena_alloc(a, len - i + 1);
	if (!o)
		return 0;
	size_t k = 0;
	while (i < len) {
		char c = s[i];
		if (c == '"') {
			o[k] = 0;
			*out = o;
			*olen = k;
			*end = i + 1;
			return 1;
		}
		if (c == '\\') {
			if (i + 1 >= len)
				return 0;
			char e = s[i + 1];
			if (e == '0')
				return 0;
			o[k++] = e == 'n' ? '\n' : e == 'r' ? '\r' : e;
			i += 2;
			continue;
		}
		o[k++] = c;
		i++;
	}
	return 0;
}

/* Comma-separated hex bytes from s[i], appended to d->buf.
 * 0 = malformed, 1 = complete, 2 = continues (*bs = index after the '\'). */
static int hex_csv(struct reader *d, const char *s, size_t len, size_t i, size_t *bs)
{
	while (i < len) {
		size_t j = i;
		while (j < len && is_cspace(s[j]))
			j++;
		if (j + 1 < len && s[j] == '0' && (s[j + 1] == 'x' || s[j + 1] == 'X') && j + 2 < len &&
		    hexdigit(s[j + 2]) >= 0)
			j += 2;
		size_t digits = 0;
		unsigned long v = 0;
		while (j < len && hexdigit(s[j]) >= 0) {
			if (v <= 0xFFFF)
				v = v * 16 + (unsigned long)hexdigit(s[j]);
			j++;
			digits++;
		}
		if (digits == 0) {
			/* no number here: only a continuation mark or a comment may follow */
			size_t e = skip_blanks(s, len, i);
			if (e < len && s[e] == '\\') {
				*bs = e + 1;
				return 2;
			}
			if (e < len && s[e] == ';')
				return 1;
			return 0;
		}
		if (v > 0xFF)
			return 0;
		uint8_t *b = VEC_PUSH(d->a, &d->buf);
		if (!b)
			return 0;
		*b = (uint8_t)v;
		if (j < len && s[j] != ',') {
			j = skip_blanks(s, len, j);
			return (j >= len || s[j] == ';') ? 1 : 0;
		}
		if (j < len)
			j++;
		i = j;
	}
	return 1;
}

/* After a continuation backslash only blanks or a comment may follow. */
static int tail_ok(const char *s, size_t len, size_t i)
{
	i = skip_blanks(s, len, i);
	return i >= len || s[i] == ';';
}

/* Are the string bytes of hex(1)/hex(2)/hex(7) UTF-16LE? Windows decides by
 * the file's encoding, which the parser does not see; the header is the
 * guess (exports: V5 files are UTF-16, REGEDIT4 files ANSI), corrected by
 * the bytes where they cannot be that: an odd count is not UTF-16, ASCII
 * text with a NUL after every byte is not ANSI. */
static int strings_utf16(const struct reader *d, const uint8_t *p, size_t n)
{
	if (d->enc != REGX_STRINGS_GUESS)
		return d->enc == REGX_STRINGS_UTF16;
	if (n % 2)
		return 0;
	if (d->r->unicode)
		return 1;
	if (n < 4)
		return 0;
	for (size_t i = 1; i < n; i += 2)
		if (p[i])
			return 0;
	return 1;
}

/* Store the collected hex bytes as the pending value. */
static void finish_hex(struct reader *d)
{
	d->pending = 0;
	struct regx_value *v = new_value(d, d->p_name, d->p_line);
	if (!v)
		return;
	v->last_line = d->p_last;
	v->type = d->p_type;
	size_t n = d->buf.n;
	uint8_t *raw = arena_alloc(d->a, n + 2);
	if (!raw)
		return;
	if (n)
		memcpy(raw, d->buf.v, n);
	v->raw = raw;
	v->raw_len = (uint32_t)n;
	/* Windows adds the terminator string data lacks; for ANSI files it then
	 * converts the bytes to UTF-16 */
	size_t stored = n;
	int uni = regv_is_string_type(v->type) && strings_utf16(d, raw, n);
	if (regv_is_string_type(v->type) && n > 0) {
		if (uni) {
			stored = n & ~(size_t)1;
			if (stored == 0 || raw[stored - 1] || raw[stored - 2]) {
				raw[stored] = raw[stored + 1] = 0;
				stored += 2;
			}
		} else {
			if (raw[n - 1])
				raw[stored++] = 0;
		}
	}
	struct regv_text txt;
	if (regv_render(d->a, v->type, raw, stored, uni, &txt) != 0)
		return;
	v->data = txt.text;
	v->num = txt.num;
	v->has_num = txt.has_num;
	if (regv_is_string_type(v->type) && n > 0 && !uni) {
		size_t ulen;
		char *u = regv_ansi_to_utf8(d->a, raw, stored, &ulen);
		stored = u ? 2 * regv_utf16_units(u, ulen) : 2 * stored;
	}
	v->size = (uint32_t)stored;
}

static void drop_pending(struct reader *d, const char *why)
{
	d->pending = 0;
	skip_line(d, d->p_line, why);
}

static void hex_value(struct reader *d, const char *name, uint32_t type, const char *s, size_t end,
		      size_t i, uint32_t line)
{
	d->buf.n = 0;
	d->p_name = name;
	d->p_type = type;
	d->p_line = d->p_last = line;
	if (i >= end) { /* "hex(2):" with nothing after it: a value without data */
		finish_hex(d);
		return;
	}
	size_t bs = 0;
	int rc = hex_csv(d, s, end, i, &bs);
	if (rc == 0) {
		skip_line(d, line, "malformed hex data");
	} else if (rc == 1) {
		finish_hex(d);
	} else if (!tail_ok(s, end, bs)) {
		skip_line(d, line, "text after the continuation backslash");
	} else {
		d->pending = 1;
	}
}

static void continuation(struct reader *d, const struct line *l)
{
	const char *s = l->s;
	size_t len = line_len(l);
	size_t p = skip_blanks(s, len, 0);
	if (p >= len || s[p] == ';')
		return; /* blank and comment lines do not end a continuation */
	if (hexdigit(s[p]) < 0) {
		/* Windows drops the value and this line with it */
		drop_pending(d, "hex continuation broken by a line that is not hex data");
		return;
	}
	d->p_last = l->no;
	size_t bs = 0;
	int rc = hex_csv(d, s, len, p, &bs);
	if (rc == 0)
		drop_pending(d, "malformed hex data in a continuation line");
	else if (rc == 1)
		finish_hex(d);
	else if (!tail_ok(s, len, bs))
		drop_pending(d, "text after the continuation backslash");
}

/* After the value name: "= data". */
static void value_data(struct reader *d, const char *name, const char *s, size_t len, size_t p,
		       uint32_t line)
{
	p = skip_blanks(s, len, p);
	if (p >= len || s[p] != '=') {
		skip_line(d, line, "no '=' after the value name");
		return;
	}
	p = skip_blanks(s, len, p + 1);
	size_t e = len;
	while (e > p && is_blank(s[e - 1]))
		e--;
	if (p < e && s[p] == '-') {
		size_t q = skip_blanks(s, e, p + 1);
		if (q < e && s[q] != ';') {
			skip_line(d, line, "text after '=-'");
			return;
		}
		struct regx_value *v = new_value(d, name, line);
		if (v)
			v->deleted = 1;
		return;
	}
	if (p < e && s[p] == '"') {
		char *txt;
		size_t tl, q;
		if (!unquote(d->a, s, e, p + 1, &txt, &tl, &q)) {
			skip_line(d, line, "string data without a closing quote (or with \\0)");
			return;
		}
		q = skip_blanks(s, e, q);
		if (q < e && s[q] != ';') {
			skip_line(d, line, "text after the closing quote");
			return;
		}
		struct regx_value *v = new_value(d, name, line);
		if (v) {
			v->type = REGV_SZ;
			v->data = txt;
			v->size = (uint32_t)(2 * (regv_utf16_units(txt, tl) + 1));
		}
		return;
	}
	if (e - p >= 6 && memcmp(s + p, "dword:", 6) == 0) {
		size_t q = skip_blanks(s, e, p + 6), st = q;
		uint32_t v32 = 0;
		while (q < e && hexdigit(s[q]) >= 0 && q - st < 9)
			v32 = v32 * 16 + (uint32_t)hexdigit(s[q++]);
		size_t r = skip_blanks(s, e, q);
		if (q == st || q - st > 8 || (r < e && s[r] != ';')) {
			skip_line(d, line, "dword data is not 1-8 hex digits");
			return;
		}
		struct regx_value *v = new_value(d, name, line);
		if (!v)
			return;
		uint8_t *raw = arena_alloc(d->a, 4);
		if (!raw)
			return;
		raw[0] = (uint8_t)v32;
		raw[1] = (uint8_t)(v32 >> 8);
		raw[2] = (uint8_t)(v32 >> 16);
		raw[3] = (uint8_t)(v32 >> 24);
		v->type = REGV_DWORD;
		v->raw = raw;
		v->raw_len = 4;
		v->size = 4;
		v->num = v32;
		v->has_num = 1;
		v->data = arena_printf(d->a, "0x%x", v32);
		return;
	}
	if (e - p >= 4 && memcmp(s + p, "hex:", 4) == 0) {
		hex_value(d, name, REGV_BINARY, s, e, p + 4, line);
		return;
	}
	if (e - p >= 4 && memcmp(s + p, "hex(", 4) == 0) {
		size_t q = p + 4;
		if (q >= e || (q + 1 < e && (s[q + 1] == 'x' || s[q + 1] == 'X'))) {
			skip_line(d, line, "malformed hex(type)");
			return;
		}
		size_t st = q;
		while (q < e && is_cspace(s[q]))
			q++;
		uint64_t t = 0;
		size_t nd = 0;
		while (q < e && hexdigit(s[q]) >= 0) {
			if (t <= 0xFFFFFFFFu)
				t = t * 16 + (uint64_t)hexdigit(s[q]);
			q++;
			nd++;
		}
		if (nd == 0)
			q = st; /* no number: the type is 0 if ")" follows right away */
		if (q + 1 >= e || s[q] != ')' || s[q + 1] != ':' || t > 0xFFFFFFFFu) {
			skip_line(d, line, "malformed hex(type)");
			return;
		}
		hex_value(d, name, (uint32_t)t, s, e, q + 2, line);
		return;
	}
	skip_line(d, line, "unknown data type");
}

static void key_line(struct reader *d, const char *s, size_t len, size_t p, uint32_t line)
{
	if (p >= len || is_blank(s[p])) {
		skip_line(d, line, "blank after '[' (key line ignored)");
		return;
	}
	size_t rb = len;
	while (rb > p && s[rb - 1] != ']')
		rb--;
	if (rb == p) {
		skip_line(d, line, "key line without ']'");
		return;
	}
	rb--; /* index of the last ']' */
	const char *name = s + p;
	size_t n = rb - p;
	size_t sub;
	if (n && name[0] == '-') {
		d->key = NULL; /* a deletion closes the open key, whatever it deletes */
		if (n > 1 && (name[1] == 'H' || name[1] == 'h') && valid_hive(name + 1, n - 1, &sub) &&
		    sub > 0) {
			struct regx_key *k = VEC_PUSH(d->a, &d->r->keys);
			if (k) {
				k->path = arena_strndup(d->a, name + 1, n - 1);
				k->line = line;
				k->deleted = 1;
			}
		} else {
			skip_line(d, line, "key deletion Windows ignores");
		}
		return;
	}
	if (!valid_hive(name, n, &sub)) {
		d->key = NULL;
		skip_line(d, line, "key path does not start with a hive name");
		return;
	}
	struct regx_key *k = VEC_PUSH(d->a, &d->r->keys);
	if (!k)
		return;
	k->path = arena_strndup(d->a, name, n);
	k->line = line;
	d->key = k->path;
}

static void body_v4v5(struct reader *d, const struct lines *t, size_t first)
{
	for (size_t i = first; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (d->pending) {
			continuation(d, l);
			continue;
		}
		const char *s = l->s;
		size_t len = line_len(l);
		size_t p = skip_blanks(s, len, 0);
		if (p >= len)
			continue;
		switch (s[p]) {
		case '[':
			key_line(d, s, len, p + 1, l->no);
			break;
		case '@':
			value_data(d, "", s, len, p + 1, l->no);
			break;
		case '"': {
			char *name;
			size_t nl, end;
			if (!unquote(d->a, s, len, p + 1, &name, &nl, &end))
				skip_line(d, l->no, "value name without a closing quote (or with \\0)");
			else
				value_data(d, name, s, len, end, l->no);
			break;
		}
		case ';':
		case '#':
			d->r->comments++;
			break;
		default:
			skip_line(d, l->no, "neither a key, a value nor a comment");
			break;
		}
	}
	if (d->pending)
		finish_hex(d); /* the file ends inside a continuation: Windows keeps the data */
}

/* Windows 3.1 files: "HKEY_CLASSES_ROOT\key [=] value" sets the default value. */
static void body_win31(struct reader *d, const struct lines *t, size_t first)
{
	static const char hkcr[] = "HKEY_CLASSES_ROOT";
	for (size_t i = first; i < t->n; i++) {
		const struct line *l = &t->v[i];
		const char *s = l->s;
		size_t len = line_len(l);
		if (len < sizeof hkcr - 1 || memcmp(s, hkcr, sizeof hkcr - 1) != 0) {
			size_t p = skip_blanks(s, len, 0);
			if (p < len && (s[p] == ';' || s[p] == '#'))
				d->r->comments++;
			else if (p < len)
				skip_line(d, l->no, "line does not start with HKEY_CLASSES_ROOT");
			continue;
		}
		size_t ke = 0;
		while (ke < len && !is_cspace(s[ke]))
			ke++;
		size_t v = skip_blanks(s, len, ke);
		if (v < len && s[v] == '=')
			v++;
		if (v < len && s[v] == ' ')
			v++; /* at most one space is skipped */
		size_t sub;
		if (!valid_hive(s, ke, &sub)) {
			skip_line(d, l->no, "key path does not start with a hive name");
			continue;
		}
		struct regx_key *k = VEC_PUSH(d->a, &d->r->keys);
		if (!k)
			return;
		k->path = arena_strndup(d->a, s, ke);
		k->line = l->no;
		d->key = k->path;
		struct regx_value *val = new_value(d, "", l->no);
		if (!val)
			continue;
		char *txt = arena_strndup(d->a, s + v, len - v);
		val->type = REGV_SZ;
		val->data = txt;
		val->size = txt ? (uint32_t)(2 * (regv_utf16_units(txt, len - v) + 1)) : 0;
	}
}

int regexport_parse_ex(const struct lines *t, struct parse_ctx *ctx, enum regx_strings enc,
		       struct regexport_result **out)
{
	*out = NULL;
	struct regexport_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct reader d = { 0 };
	d.a = ctx->arena;
	d.r = r;
	d.enc = enc;

	size_t hi = 0;
	while (hi < t->n && line_is_blank(&t->v[hi]))
		hi++;
	enum regx_header h = hi < t->n ? header_kind(t->v[hi].s, line_len(&t->v[hi])) : REGX_HDR_NONE;
	r->header = h;
	r->header_line = h != REGX_HDR_NONE ? t->v[hi].no : 0;
	r->accepted = h != REGX_HDR_NONE && hi == 0;
	r->imports = r->accepted && (h == REGX_HDR_V5 || h == REGX_HDR_V4 || h == REGX_HDR_WIN31);
	r->unicode = enc == REGX_STRINGS_UTF16 ? 1 : enc == REGX_STRINGS_ANSI ? 0 : h != REGX_HDR_V4;

	size_t first = h != REGX_HDR_NONE ? hi + 1 : 0;
	if (h == REGX_HDR_WIN31)
		body_win31(&d, t, first);
	else
		body_v4v5(&d, t, first);

	int deletions = 0;
	for (size_t i = 0; i < r->keys.n; i++)
		deletions |= r->keys.v[i].deleted;
	for (size_t i = 0; i < r->values.n; i++)
		deletions |= r->values.v[i].deleted;
	r->export_like = r->accepted && (h == REGX_HDR_V5 || h == REGX_HDR_V4) && !deletions &&
			 r->skipped.n == 0 && r->comments == 0;
	*out = r;

	if (arena_exhausted(ctx->arena)) {
		ctx->reason = "out of memory while reading the .reg file";
		return PARSE_PARTIAL;
	}
	if (h == REGX_HDR_NONE && r->keys.n == 0 && r->values.n == 0) {
		ctx->reason = "no .reg header and no [key] lines";
		return PARSE_FAILED;
	}
	if (h == REGX_HDR_NONE || hi != 0) {
		ctx->reason = "no valid .reg header on the first line: Windows would refuse to import this file";
		return PARSE_PARTIAL;
	}
	if (h == REGX_HDR_FUZZY) {
		ctx->reason = "the header starts with REGEDIT but is none Windows knows: Windows would import nothing";
		return PARSE_PARTIAL;
	}
	if (r->skipped.n) {
		ctx->reason = arena_printf(ctx->arena, "%zu line(s) Windows would skip (first: line %u, %s)",
					   r->skipped.n, r->skipped.v[0].line, r->skipped.v[0].why);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct regexport_result *r = NULL;
	int rc = regexport_parse_ex(t, ctx, REGX_STRINGS_GUESS, &r);
	*out = r;
	return rc;
}

/* ---- bid ---------------------------------------------------------------- */

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	size_t n = t->n < 400 ? t->n : 400;
	size_t hi = 0;
	while (hi < n && line_is_blank(&t->v[hi]))
		hi++;
	if (hi >= n)
		return BID_NONE;
	const struct line *hl = &t->v[hi];
	enum regx_header h = header_kind(hl->s, line_len(hl));
	if (h == REGX_HDR_V5 || h == REGX_HDR_V4)
		return hi == 0 ? BID_CERTAIN : BID_STRONG;
	const char *hs = hl->s;
	size_t hlen = line_len(hl);
	span_trim(&hs, &hlen);
	if (span_starts_ci(hs, hlen, "Windows Registry Editor"))
		return BID_STRONG; /* a near miss Windows refuses, still a .reg file */
	if (h == REGX_HDR_WIN31) {
		for (size_t i = hi + 1; i < n; i++) {
			if (line_is_blank(&t->v[i]))
				continue;
			return span_starts_ci(t->v[i].s, t->v[i].len, "HKEY_CLASSES_ROOT") ? BID_STRONG
											  : BID_LIKELY;
		}
		return BID_LIKELY;
	}
	if (h == REGX_HDR_FUZZY)
		return BID_LIKELY;
	/* no header: [HKEY_...] blocks with "name"= lines (a paste that lost it) */
	size_t keys = 0, values = 0;
	for (size_t i = hi; i < n; i++) {
		const char *s = t->v[i].s;
		size_t len = line_len(&t->v[i]);
		span_trim(&s, &len);
		if (len > 7 && s[0] == '[' && s[len - 1] == ']' &&
		    (span_starts_ci(s + 1, len - 1, "HKEY_") || span_starts_ci(s + 1, len - 1, "-HKEY_")))
			keys++;
		else if (keys && len > 2 && (s[0] == '"' || s[0] == '@') && memchr(s, '=', len))
			values++;
	}
	if (keys && values)
		return BID_LIKELY;
	if (keys)
		return BID_LIKELY - 10;
	return BID_NONE;
}

/* ---- JSON --------------------------------------------------------------- */

static struct json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *type_json(uint32_t type)
{
	const char *n = regv_type_name(type);
	return n ? json_object_new_string(n) : json_object_new_int64(type);
}

static struct json_object *to_json(const void *res)
{
	const struct regexport_result *r = res;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "header", json_object_new_string(regx_header_name(r->header)));
	json_object_object_add(o, "header_line", json_object_new_int64(r->header_line));
	json_object_object_add(o, "accepted", json_object_new_boolean(r->accepted));
	json_object_object_add(o, "imports", json_object_new_boolean(r->imports));
	json_object_object_add(o, "export_like", json_object_new_boolean(r->export_like));
	json_object_object_add(o, "string_bytes",
			       json_object_new_string(r->unicode ? "utf-16le" : "ansi"));
	struct json_object *keys = json_object_new_array();
	for (size_t i = 0; i < r->keys.n; i++) {
		const struct regx_key *k = &r->keys.v[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "path", jstr(k->path));
		json_object_object_add(e, "line", json_object_new_int64(k->line));
		if (k->deleted)
			json_object_object_add(e, "deleted", json_object_new_boolean(1));
		json_object_array_add(keys, e);
	}
	json_object_object_add(o, "keys", keys);
	struct json_object *vals = json_object_new_array();
	for (size_t i = 0; i < r->values.n; i++) {
		const struct regx_value *v = &r->values.v[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "key", jstr(v->key));
		json_object_object_add(e, "name", jstr(v->name));
		if (v->deleted) {
			json_object_object_add(e, "deleted", json_object_new_boolean(1));
		} else {
			json_object_object_add(e, "type", type_json(v->type));
			json_object_object_add(e, "data", jstr(v->data));
			if (v->has_num)
				json_object_object_add(e, "num", json_object_new_int64((int64_t)v->num));
			json_object_object_add(e, "size", json_object_new_int64(v->size));
		}
		json_object_object_add(e, "line", json_object_new_int64(v->line));
		if (v->last_line != v->line)
			json_object_object_add(e, "last_line", json_object_new_int64(v->last_line));
		json_object_array_add(vals, e);
	}
	json_object_object_add(o, "values", vals);
	if (r->skipped.n) {
		struct json_object *sk = json_object_new_array();
		for (size_t i = 0; i < r->skipped.n; i++) {
			struct json_object *e = json_object_new_object();
			json_object_object_add(e, "line", json_object_new_int64(r->skipped.v[i].line));
			json_object_object_add(e, "why", jstr(r->skipped.v[i].why));
			json_object_array_add(sk, e);
		}
		json_object_object_add(o, "skipped", sk);
	}
	return o;
}

const struct parser regexport_parser = { "reg-export", bid, parse, to_json };
