/* Tokens of a cmd or PowerShell command line (private to the cmdline*.c files and their
 * tests). Every token remembers its raw byte span, and every byte of its
 * unquoted, unescaped value remembers the raw offset it came from, so a
 * value (a password) can be replaced in the original text exactly. */
#ifndef MDT_CMDLINE_LEX_H
#define MDT_CMDLINE_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "cmdline.h"

/* Bounds: longer input is tokenized up to the cap; more tokens are dropped. */
#define CLX_MAX_INPUT (1u << 20)
#define CLX_MAX_TOKENS 8192u

enum clx_type {
	CLX_WORD = 1,
	CLX_SEP,      /* & && || | ; { } — sep says which */
	CLX_REDIR,    /* > >> 2> 2>&1 *> < */
	CLX_RTARGET,  /* the file a redirection writes to (dropped from commands) */
	CLX_OPEN,     /* ( */
	CLX_CLOSE,    /* ) */
	CLX_COMMA,    /* , (PowerShell array) */
	CLX_COMMENT,  /* # (PowerShell): what follows is a comment */
};

enum clx_sep { CLX_SEQ = 1, CLX_AND, CLX_OR, CLX_PIPE, CLX_BLOCK };

struct clx_token {
	uint8_t type;
	uint8_t sep;
	uint8_t quoted;  /* some part of the word was quoted */
	uint8_t wq;      /* the word is exactly one quoted string: '"' or '\'' */
	uint8_t qlen;    /* byte length of its quote characters (1, or 3 for smart quotes) */
	uint32_t off, len;  /* raw span, absolute in the buffer */
	uint32_t v, vlen;   /* value: sc->val + v, NUL-terminated; sc->map + v */
};

struct clx_scratch {
	struct clx_token *t;
	size_t nt, ct;
	char *val;       /* values, each NUL-terminated */
	uint32_t *map;   /* raw offset of each value byte */
	size_t nv, cv;
	int oom;
};

void clx_reset(struct clx_scratch *sc);
void clx_free(struct clx_scratch *sc);

/* Tokenize [start, end) of s in dialect d (CL_AUTO is guessed from the
 * text). Appends to sc; returns the dialect used. */
enum cl_dialect clx_tokenize(struct clx_scratch *sc, const char *s, size_t start, size_t end,
			     enum cl_dialect d);

static inline const char *clx_val(const struct clx_scratch *sc, const struct clx_token *t)
{
	return sc->val + t->v;
}

#endif
