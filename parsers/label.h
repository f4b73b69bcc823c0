/* Helpers for "Label: value" outputs printed in many languages (cmdkey,
 * whoami /fo list, systeminfo, ipconfig /all).
 *
 * Labels are compared by a skeleton that survives the ways customers' files
 * damage them: case, spacing, punctuation, dot leaders, and accented Latin
 * letters lost to a wrong code page ("Nom de l'hôte", "Nom de l'h�te" and
 * "Nom de l'hte" all become "nomdelhte"). CJK characters are kept, so
 * "主机名" and "ホスト名" stay distinct. */
#ifndef MDT_LABEL_H
#define MDT_LABEL_H

#include <stddef.h>

#include "text.h"

#define LABEL_SKEL_MAX 160

/* Comparison key of [s,len): ASCII letters lowercased, digits, CJK and other
 * code points >= U+2E80 except CJK punctuation, full-width punctuation and
 * U+FFFD; full-width letters/digits folded to ASCII. Returns its length,
 * 0 when empty or longer than LABEL_SKEL_MAX (a label never is). */
size_t label_skeleton(const char *s, size_t len, char out[LABEL_SKEL_MAX + 1]);

/* 1 + index of the first name in the NULL-terminated list whose skeleton
 * equals the skeleton of [s,len); 0 when none does. */
int label_is(const char *s, size_t len, const char *const *names);

/* 1 + index of the first word whose skeleton occurs in the skeleton of
 * [s,len); 0 when none does. */
int label_has(const char *s, size_t len, const char *const *words);

/* Display columns of leading white space (tab = 1; U+3000 = 2). */
size_t line_indent(const struct line *l);

/* The first colon in [s,len), ASCII ':' or full-width U+FF1A.
 * Returns its byte offset and sets *clen to its byte length; -1 if none. */
long find_colon(const char *s, size_t len, size_t *clen);

/* Is [s,len) a SID (S-1-<digits>(-<digits>)*), case-insensitive? */
int is_sid(const char *s, size_t len);

/* Byte offset/length of the last white-space delimited token of [s,len)
 * that is a SID; returns 0 when there is none. */
int sid_token_last(const char *s, size_t len, size_t *off, size_t *tlen);

/* A shell prompt pasted with the output: "C:\\Users\\x>cmd", "PS C:\\> cmd",
 * "*Evil-WinRM* PS C:\\x> cmd", ">cmd", "user@HOST C:\\x>cmd",
 * "**E:\\x>cmd" (markdown bold). */
int line_is_prompt(const struct line *l);

#endif
