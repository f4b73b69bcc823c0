/* The parser interface. A parser is a pure function from decoded lines to a
 * typed struct allocated in the caller's arena. Each parser also offers a
 * bid (0..100): how sure it is that the text is its kind, so that content,
 * not file names, decides the kind (libarchive-style format bidding). */
#ifndef MDT_PARSER_H
#define MDT_PARSER_H

#include "text.h"

struct arena;
struct json_object;

enum parse_status {
	PARSE_OK = 0,      /* fully understood */
	PARSE_PARTIAL = 1, /* some of it understood; reason says what was not */
	PARSE_FAILED = 2,  /* not understood at all */
};

/* Bid levels, for consistency between parsers. */
enum {
	BID_NONE = 0,
	BID_WEAK = 10,     /* file name or one loose keyword only */
	BID_LIKELY = 50,   /* some structure matches */
	BID_STRONG = 80,   /* a distinctive structure matches */
	BID_CERTAIN = 100, /* a unique header/signature matches */
};

struct parse_ctx {
	struct arena *arena;  /* all results go here */
	const char *name;     /* base file name, a tie-breaking hint only; may be NULL */
	const char *command;  /* command line that printed the text, when known; may be NULL */
	const char *reason;   /* out: why the result is partial/failed */
};

struct parser {
	const char *kind; /* stable kind name, DESIGN.md §3 */
	/* Cheap look at the text (callers may pass only a prefix). */
	int (*bid)(const struct lines *t, const struct parse_ctx *ctx);
	/* Returns enum parse_status; *out is the kind's typed struct. */
	int (*parse)(const struct lines *t, struct parse_ctx *ctx, void **out);
	/* JSON for `mdtriage facts`; new object owned by the caller. */
	struct json_object *(*to_json)(const void *result);
};

#endif
