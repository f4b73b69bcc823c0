/* reg-export: `.reg` files (`reg export`, regedit export, hand-written
 * import files): `Windows Registry Editor Version 5.00`, `REGEDIT4` and the
 * Windows 3.1 `REGEDIT` form. Lines are read the way Windows' `reg import`
 * reads them: what Windows would skip is listed in `skipped`, not fatal. */
#ifndef MDT_REGEXPORT_H
#define MDT_REGEXPORT_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"

enum regx_header {
	REGX_HDR_NONE = 0,   /* no header line found */
	REGX_HDR_V5,         /* Windows Registry Editor Version 5.00 */
	REGX_HDR_V4,         /* REGEDIT4 */
	REGX_HDR_WIN31,      /* REGEDIT (Windows 3.1 lines "HKEY_CLASSES_ROOT\k = v") */
	REGX_HDR_FUZZY,      /* another line starting with REGEDIT: accepted, nothing imported */
};
const char *regx_header_name(enum regx_header h);

struct regx_key {
	const char *path;    /* exactly as between the brackets (deletions: without the '-') */
	uint32_t line;
	int deleted;         /* [-HKEY_...] */
};

struct regx_value {
	const char *key;     /* path of the open key, as in the file */
	const char *name;    /* "" = default value (@ or "") */
	uint32_t type;       /* REGV_* number; hex(N) keeps N */
	int deleted;         /* "name"=- */
	const char *data;    /* text form (regvalue.h regv_render); NULL when deleted */
	uint64_t num;        /* DWORD / QWORD value when has_num */
	int has_num;
	const uint8_t *raw;  /* bytes as written for hex:/hex(N):/dword:, NULL for "..." strings */
	uint32_t raw_len;
	uint32_t size;       /* bytes Windows stores (string types as UTF-16 with terminators) */
	uint32_t line;       /* first line of the value */
	uint32_t last_line;  /* last continuation line */
};

struct regx_skip {
	uint32_t line;
	const char *why;
};

struct regexport_result {
	enum regx_header header;
	uint32_t header_line;  /* 0 when no header */
	int accepted;          /* `reg import` would succeed (a header on the first line) */
	int imports;           /* ... and would import the lines (V5, V4, WIN31) */
	int unicode;           /* hex(1)/hex(2)/hex(7) bytes taken as UTF-16LE rather than ANSI:
				  forced by the caller, else guessed from the header (V5) and
				  corrected per value by the bytes (regexport.c strings_utf16) */
	int export_like;       /* looks like a `reg export`/regedit export: header first, no
				  deletions, comments or skipped lines -> lists every descendant */
	VEC(struct regx_key) keys;
	VEC(struct regx_value) values;
	VEC(struct regx_skip) skipped;
	uint32_t comments;
};

/* How string bytes of hex(1)/hex(2)/hex(7) are read. Windows decides by the
 * file's encoding (UTF-16 with BOM -> UTF-16LE, else ANSI); the parser does
 * not see the encoding and guesses from the header and the bytes. */
enum regx_strings { REGX_STRINGS_GUESS = 0, REGX_STRINGS_UTF16, REGX_STRINGS_ANSI };

/* The parser entry with an explicit string encoding (tests, callers that
 * know the file's encoding). Same statuses as the parser's parse(). */
int regexport_parse_ex(const struct lines *t, struct parse_ctx *ctx, enum regx_strings enc,
		       struct regexport_result **out);

extern const struct parser regexport_parser;

#endif
