/* All parsers, in one table (see registry.c). */
#ifndef MDT_REGISTRY_H
#define MDT_REGISTRY_H

#include "parser.h"

/* NULL-terminated. */
extern const struct parser *const parser_table[];

const struct parser *parser_by_kind(const char *kind);

/* Highest bid wins; the file name only breaks ties (ctx->name is passed to
 * bidders). Returns NULL when nobody bids at least `min_bid`. */
const struct parser *parser_classify(const struct lines *t, const struct parse_ctx *ctx,
				     int min_bid, int *bid_out);

#endif
