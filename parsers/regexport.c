/* reg-export: placeholder until the parser lands (bids nothing). */
#include "parser.h"

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)t;
	(void)ctx;
	return BID_NONE;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	(void)t;
	*out = NULL;
	ctx->reason = "no parser for this kind yet";
	return PARSE_FAILED;
}

const struct parser regexport_parser = { "reg-export", bid, parse, NULL };
