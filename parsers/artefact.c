/* The per-file pipeline: decode -> redact -> segment -> classify -> parse. */
#include "artefact.h"

#include <string.h>

#include "decode.h"
#include "redact.h"
#include "registry.h"
#include "segment.h"

const char *art_status_name(enum art_status s)
{
	switch (s) {
	case ART_PARSED: return "parsed";
	case ART_PARTIAL: return "partial";
	case ART_UNRECOGNIZED: return "unrecognized";
	case ART_UNREADABLE: return "unreadable";
	case ART_SKIPPED: return "skipped";
	}
	return "unknown";
}

void limits_default(struct limits *l)
{
	memset(l, 0, sizeof *l);
	l->max_member_bytes = 64ull << 20;
	l->max_total_bytes = 512ull << 20;
	l->max_ratio = 1000;
	l->max_depth = 4;
	l->max_members = 10000;
	l->max_line_bytes = 64u << 10;
	l->max_xml_depth = 64;
	l->classify_prefix = 256u << 10;
	l->arena_cap = 2048ull << 20;
	l->codepage = NULL;
}

struct artefact_set *artefact_set_new(const struct limits *l)
{
	struct limits d;
	if (!l) {
		limits_default(&d);
		l = &d;
	}
	struct arena *a = arena_new(l->arena_cap);
	if (!a)
		return NULL;
	struct artefact_set *s = arena_alloc(a, sizeof *s);
	if (!s) {
		arena_free(a);
		return NULL;
	}
	s->arena = a;
	s->limits = *l;
	return s;
}

void artefact_set_free(struct artefact_set *set)
{
	if (set)
		arena_free(set->arena); /* the set itself lives in its arena */
}

struct artefact *artefact_add_status(struct artefact_set *set, const char *path,
				     const char *kind, enum art_status st,
				     uint64_t bytes, const char *reason)
{
	struct artefact *art = VEC_PUSH(set->arena, &set->items);
	if (!art)
		return NULL;
	art->path = arena_strdup(set->arena, path ? path : "(unnamed)");
	art->kind = kind ? kind : "unknown";
	art->encoding = NULL;
	art->language = NULL;
	art->status = st;
	art->reason = reason ? arena_strdup(set->arena, reason) : NULL;
	art->bytes = bytes;
	return art;
}

static const char *base_name(const char *path)
{
	const char *b = path;
	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

/* Cut over-long lines: a hostile 1 GiB line must not reach the parsers. */
static int cap_lines(struct lines *t, uint32_t max)
{
	int cut = 0;
	struct line *v = (struct line *)t->v;
	for (size_t i = 0; i < t->n; i++) {
		if (v[i].len > max) {
			/* cut before a whole character: a half one would make every
			 * report that quotes the line invalid UTF-8 */
			uint32_t n = max;
			for (int k = 0; k < 3 && n > 0 && ((unsigned char)v[i].s[n] & 0xC0) == 0x80; k++)
				n--;
			v[i].len = n;
			cut = 1;
		}
	}
	return cut;
}

static int all_blank(const struct lines *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (!line_is_blank(&t->v[i]))
			return 0;
	return 1;
}

static enum art_status worst(enum art_status a, enum art_status b)
{
	return a > b ? a : b;
}

static int european_page(const char *enc)
{
	return enc && (!strcmp(enc, "cp437") || !strcmp(enc, "cp850") || !strcmp(enc, "cp1252"));
}

/* decode -> redact -> segment -> classify -> parse, into art (whose path,
 * bytes and status are set). codepage forces the legacy page (NULL: detect). */
static void fill(struct artefact_set *set, struct artefact *art, const uint8_t *data, size_t len,
		 const char *codepage)
{
	struct arena *a = set->arena;
	struct decoded dec;
	const char *why = NULL;
	if (decode_bytes(a, data, len, codepage, &dec, &why) != 0) {
		art->status = ART_UNREADABLE;
		art->reason = why ? why : "could not decode the text";
		return;
	}
	art->encoding = dec.encoding;
	if (dec.binary) {
		art->status = ART_UNRECOGNIZED;
		art->reason = "binary content (not text output of a command)";
		return;
	}
	if (!codepage && european_page(dec.encoding)) {
		/* kept in case the rest of the case shows a Chinese or Japanese machine */
		uint8_t *raw = arena_alloc(a, len ? len : 1);
		if (raw) {
			memcpy(raw, data, len);
			art->raw = raw;
			art->raw_len = len;
		}
	}
	struct lines t;
	if (lines_split(a, dec.text, dec.len, 1, &t) != 0) {
		art->status = ART_SKIPPED;
		art->reason = "out of memory for this case (arena cap)";
		return;
	}
	int cut = cap_lines(&t, set->limits.max_line_bytes);
	if (redact_lines(a, &t, &art->redactions) != 0) {
		art->status = ART_SKIPPED;
		art->reason = "out of memory while redacting";
		return;
	}
	if (segment_dedent(a, &t) != 0) {
		art->status = ART_SKIPPED;
		art->reason = "out of memory while reading the text";
		return;
	}
	art->text = t;
	art->language = detect_language(&t);

	seg_span_vec spans = { 0 };
	struct transcript_header *hdr = NULL;
	int multi = segment_text(a, &t, &spans, &hdr);
	if (multi < 0) {
		art->status = ART_SKIPPED;
		art->reason = "out of memory while segmenting";
		return;
	}
	art->header = hdr;

	enum art_status overall = ART_UNRECOGNIZED;
	int any_parsed = 0, any_failed = 0;
	for (size_t i = 0; i < spans.n; i++) {
		struct segment *seg = VEC_PUSH(a, &art->segs);
		if (!seg)
			break;
		seg->text = lines_sub(t, spans.v[i].first, spans.v[i].n);
		seg->command = spans.v[i].command;
		seg->command_line = spans.v[i].command_line;
		struct parse_ctx ctx = { a, base_name(art->path), seg->command, NULL };
		int bid = 0;
		const struct parser *p = parser_classify(&seg->text, &ctx, BID_WEAK + 1, &bid);
		seg->bid = bid;
		seg->parser = p;
		if (!p) {
			if (seg->command && all_blank(&seg->text)) {
				/* "$cred = Get-Credential", "cd \": nothing printed, nothing to read */
				seg->kind = "none";
				seg->status = ART_SKIPPED;
				seg->reason = "the command printed nothing";
				continue;
			}
			seg->kind = "unknown";
			seg->status = ART_UNRECOGNIZED;
			seg->reason = "no parser recognised this text";
			continue;
		}
		seg->kind = p->kind;
		void *res = NULL;
		int rc = p->parse(&seg->text, &ctx, &res);
		seg->result = res;
		seg->reason = ctx.reason;
		if (rc == PARSE_OK && res) {
			seg->status = ART_PARSED;
			any_parsed = 1;
		} else if (rc == PARSE_PARTIAL && res) {
			seg->status = ART_PARTIAL;
			any_parsed = 1;
			any_failed = 1;
		} else {
			seg->status = ART_UNRECOGNIZED;
			seg->reason = ctx.reason ? ctx.reason : "parser did not understand this text";
			seg->result = NULL;
			any_failed = 1;
		}
	}

	if (multi > 0 || hdr) {
		art->kind = "transcript";
	} else if (art->segs.n == 1) {
		art->kind = art->segs.v[0].kind;
		art->reason = art->segs.v[0].reason;
	}
	if (any_parsed)
		overall = any_failed && multi <= 0 ? ART_PARTIAL : ART_PARSED;
	if (multi > 0 && any_parsed) {
		/* a transcript is parsed when its recognised segments parsed; segments
		 * that are not command outputs of interest are listed per segment */
		overall = ART_PARSED;
		for (size_t i = 0; i < art->segs.n; i++)
			if (art->segs.v[i].status == ART_PARTIAL)
				overall = ART_PARTIAL;
	}
	if (cut) {
		overall = worst(overall == ART_UNRECOGNIZED ? ART_UNRECOGNIZED : ART_PARTIAL, overall);
		if (!art->reason)
			art->reason = arena_printf(a, "lines longer than %u bytes were cut",
						   set->limits.max_line_bytes);
	}
	if (arena_exhausted(a)) {
		overall = ART_SKIPPED;
		art->reason = "memory cap for this case reached";
	}
	art->status = overall;
	if (overall == ART_UNRECOGNIZED && !art->reason)
		art->reason = "no parser recognised this text";
	return;
}

struct artefact *artefact_add_bytes(struct artefact_set *set, const char *path,
				    const uint8_t *data, size_t len)
{
	struct artefact *art = artefact_add_status(set, path, "unknown", ART_UNRECOGNIZED, len, NULL);
	if (art)
		fill(set, art, data, len, set->limits.codepage);
	return art;
}

/* The CJK code page the case's own texts show: files decoded as GBK or
 * Shift-JIS (the decoder weighed their words: two votes) and files whose
 * language is Chinese or Japanese (one vote: Han characters without kana or
 * phrases read as Chinese). NULL when there is none, or no majority. */
static const char *case_cjk_page(const struct artefact_set *set)
{
	long zh = 0, ja = 0;
	for (size_t i = 0; i < set->items.n; i++) {
		const struct artefact *art = &set->items.v[i];
		const char *l = art->language, *e = art->encoding;
		zh += (e && !strcmp(e, "cp936")) ? 2 : 0;
		ja += (e && !strcmp(e, "cp932")) ? 2 : 0;
		zh += l && !strcmp(l, "zh-CN");
		ja += l && !strcmp(l, "ja");
	}
	return zh == ja ? NULL : zh > ja ? "cp936" : "cp932";
}

void artefact_set_settle_codepage(struct artefact_set *set)
{
	if (!set || set->limits.codepage)
		return;
	const char *cp = case_cjk_page(set);
	if (!cp)
		return;
	for (size_t i = 0; i < set->items.n; i++) {
		struct artefact *art = &set->items.v[i];
		if (!art->raw || !european_page(art->encoding))
			continue;
		const char *l = art->language;
		if (l && (!strcmp(l, "de") || !strcmp(l, "fr")))
			continue; /* European words read fine: a file from another machine */
		struct decoded dec;
		const char *why = NULL;
		if (decode_bytes(set->arena, art->raw, art->raw_len, cp, &dec, &why) != 0 || dec.lossy ||
		    dec.binary)
			continue; /* not valid text in that page either */
		const uint8_t *raw = art->raw;
		size_t len = art->raw_len;
		const char *path = art->path;
		uint64_t bytes = art->bytes;
		memset(art, 0, sizeof *art);
		art->path = path;
		art->bytes = bytes;
		art->kind = "unknown";
		art->status = ART_UNRECOGNIZED;
		fill(set, art, raw, len, cp);
	}
}
