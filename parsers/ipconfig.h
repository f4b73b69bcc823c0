/* ipconfig and ipconfig /all, any language: the machine's host name and DNS
 * suffixes, and per adapter its connection-specific suffix and address. */
#ifndef MDT_IPCONFIG_H
#define MDT_IPCONFIG_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"

struct ipconfig_adapter {
	const char *name;        /* header as printed without the colon: "Ethernet adapter Ethernet" */
	const char *dns_suffix;  /* Connection-specific DNS Suffix; "" when printed empty, NULL when absent */
	const char *description;
	const char *ipv4;        /* first IPv4 address, "(Preferred)" suffix removed */
	uint32_t line;           /* the header line */
};

struct ipconfig_result {
	const char *title;       /* "Windows IP Configuration" as printed, NULL when not seen */
	uint32_t title_line;
	const char *host_name;   /* only /all prints it */
	uint32_t host_line;
	const char *primary_dns_suffix; /* "" when printed empty */
	uint32_t suffix_line;
	VEC(const char *) search_list; /* DNS Suffix Search List, continuation lines included */
	VEC(struct ipconfig_adapter) adapters;
	int all;                 /* the /all form (global host name block seen) */
};

extern const struct parser ipconfig_parser;

#endif
