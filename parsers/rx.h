/* PCRE2 patterns: compiled once per process on first use, JIT-compiled when
 * available, matched with match/depth limits so no input can make a match
 * run away. Declare patterns as static objects:
 *     static struct rx re_syserr = RX("^System error (\\d+)", RX_CASELESS);
 */
#ifndef MDT_RX_H
#define MDT_RX_H

#include <stddef.h>
#include <stdint.h>

#define RX_CASELESS 0x1u

struct rx {
	const char *pattern;
	uint32_t flags;
	void *code;  /* pcre2_code_8 *, set on first use */
	int failed;  /* pattern did not compile (a bug; matches then fail) */
};

#define RX(pat, fl) { (pat), (fl), NULL, 0 }

/* Match against [s,len). On a match returns the number of captured pairs
 * (>=1) and fills ovec[0..2*nvec) with byte offsets (unset groups = -1 / SIZE_MAX);
 * 0 for no match; -1 on error (including hitting the match limit). */
int rx_match(struct rx *r, const char *s, size_t len, size_t *ovec, int nvec);

/* Convenience: copy capture group g of the last match into buf. */
int rx_group(const char *s, const size_t *ovec, int g, const char **start, size_t *len);

#endif
