/* Decoded text as parsers see it: UTF-8 lines that remember the line number
 * they had in the original file, so evidence can cite it. */
#ifndef MDT_TEXT_H
#define MDT_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct line {
	const char *s;  /* UTF-8, not NUL-terminated, no line terminator */
	uint32_t len;   /* bytes */
	uint32_t no;    /* 1-based line number in the original file */
};

struct lines {
	const struct line *v;
	size_t n;
};

/* A sub-range [first, first+n) of a line array (no copy). */
struct lines lines_sub(struct lines t, size_t first, size_t n);

/* Split a UTF-8 buffer into lines (LF, CRLF, or lone CR), in an arena.
 * first_no is the number of the first line (usually 1). */
struct arena;
int lines_split(struct arena *a, const char *buf, size_t len, uint32_t first_no,
		struct lines *out);

/* Whitespace helpers (ASCII space/tab, U+00A0, U+3000). */
int line_is_blank(const struct line *l);
/* Trim leading/trailing whitespace of a byte range in place (pointers). */
void span_trim(const char **s, size_t *len);
/* Copy of a line or byte range into the arena, trimmed. */
char *span_dup_trim(struct arena *a, const char *s, size_t len);

/* Does [s,len) start with prefix (ASCII case-insensitive)? */
int span_starts_ci(const char *s, size_t len, const char *prefix);
/* Find needle (ASCII case-insensitive) in [s,len); returns offset or -1. */
long span_find_ci(const char *s, size_t len, const char *needle);
int str_eq_ci(const char *a, const char *b);

/* Display columns of UTF-8 text: East Asian wide characters count 2, which
 * matches their byte width in the OEM code pages 936/932 that cmd aligns
 * columns in; other characters count 1. */
size_t u8_width(const char *s, size_t len);
/* Byte offset in [s,len) where display column `col` starts (len if past end). */
size_t u8_col_offset(const char *s, size_t len, size_t col);
/* Decode one UTF-8 code point; returns its length (>=1), cp = U+FFFD on error. */
int u8_decode(const char *s, size_t len, uint32_t *cp);

/* A line made only of one repeated character c (e.g. "-----" or "====="),
 * at least min characters long, ignoring trailing spaces. */
int line_is_rule(const struct line *l, char c, size_t min);

/* Column spans from a rule line of runs separated by single spaces
 * ("---- ----- --" or "==== ==="): start/end display columns of each run. */
struct colspan { size_t start, end; };
size_t rule_columns(const struct line *l, char c, struct colspan *cols, size_t max);

#endif
