#include "registry.h"

#include <string.h>

extern const struct parser netuse_parser;
extern const struct parser netuse_detail_parser;
extern const struct parser neterror_parser;
extern const struct parser cmdkey_parser;
extern const struct parser regquery_parser;
extern const struct parser regexport_parser;
extern const struct parser smbgmap_parser;
extern const struct parser pserror_parser;
extern const struct parser smbconn_parser;
extern const struct parser service_parser;
extern const struct parser testpath_parser;
extern const struct parser whoami_parser;
extern const struct parser dirlist_parser;
extern const struct parser sysinfo_parser;
extern const struct parser ipconfig_parser;
extern const struct parser script_parser;
extern const struct parser chcp_parser;
extern const struct parser psreg_parser;

const struct parser *const parser_table[] = {
	&netuse_parser,
	&netuse_detail_parser,
	&neterror_parser,
	&cmdkey_parser,
	&regquery_parser,
	&regexport_parser,
	&smbgmap_parser,
	&pserror_parser,
	&smbconn_parser,
	&service_parser,
	&testpath_parser,
	&whoami_parser,
	&dirlist_parser,
	&sysinfo_parser,
	&ipconfig_parser,
	&script_parser,
	&chcp_parser,
	&psreg_parser,
	NULL,
};

const struct parser *parser_by_kind(const char *kind)
{
	for (size_t i = 0; parser_table[i]; i++)
		if (strcmp(parser_table[i]->kind, kind) == 0)
			return parser_table[i];
	return NULL;
}

const struct parser *parser_classify(const struct lines *t, const struct parse_ctx *ctx,
				     int min_bid, int *bid_out)
{
	const struct parser *best = NULL;
	int best_bid = 0;
	for (size_t i = 0; parser_table[i]; i++) {
		int b = parser_table[i]->bid(t, ctx);
		if (b > BID_CERTAIN)
			b = BID_CERTAIN;
		/* first registered wins ties: the table is ordered specific-first */
		if (b > best_bid) {
			best_bid = b;
			best = parser_table[i];
		}
	}
	if (bid_out)
		*bid_out = best_bid;
	return best_bid >= min_bid ? best : NULL;
}
