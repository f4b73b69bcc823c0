/* cmdkey /list (and /list:<target>), in any language, plus the
 * "CMDKEY: Credential added/deleted successfully." result lines of
 * cmdkey /add, /generic and /delete. */
#ifndef MDT_CMDKEY_H
#define MDT_CMDKEY_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"

enum cmdkey_type {
	CMDKEY_TYPE_UNKNOWN = 0,     /* no Type line */
	CMDKEY_TYPE_DOMAIN_PASSWORD,
	CMDKEY_TYPE_GENERIC,
	CMDKEY_TYPE_DOMAIN_CERTIFICATE,
	CMDKEY_TYPE_GENERIC_CERTIFICATE,
	CMDKEY_TYPE_DOMAIN_EXTENDED,
	CMDKEY_TYPE_OTHER,           /* a Type line we could not name */
};
const char *cmdkey_type_name(enum cmdkey_type t);

struct cmdkey_entry {
	const char *target;       /* everything after "Target: " as printed */
	const char *target_kind;  /* "Domain:target", "Domain:interactive", "LegacyGeneric:target",
				     "WindowsLive:target", "MicrosoftAccount:target", ... or "" (bare) */
	const char *host;         /* text after "target=" (or the whole bare target); NULL for
				     "Domain:interactive=" entries, which name a user, not a server */
	enum cmdkey_type type;
	const char *type_text;    /* the Type value as printed (trimmed); NULL when absent */
	const char *user;         /* NULL when no User line */
	const char *persistence;  /* "local-machine", "logon-session", "enterprise", NULL */
	const char *persistence_text; /* as printed; NULL when absent */
	uint32_t line;            /* original line of the Target line */
	uint32_t last_line;       /* original line of the entry's last line */
};

enum cmdkey_result_kind { CMDKEY_RESULT_ADDED = 1, CMDKEY_RESULT_DELETED, CMDKEY_RESULT_OTHER };

struct cmdkey_result_line {      /* "CMDKEY: ..." */
	enum cmdkey_result_kind kind;
	const char *text;         /* the line, trimmed */
	uint32_t line;
};

struct cmdkey_list {
	int listing;              /* a /list output was seen (header, entries or "* NONE *") */
	const char *header;       /* header line as printed (trimmed), NULL when none */
	uint32_t header_line;
	const char *filter;       /* /list:<filter> from the header or the command line; NULL = full list */
	const char *grep;         /* case-insensitive findstr / find / Select-String pattern the listing
				     was piped through (`cmdkey /list | findstr /i "fs01"`, the guide's own
				     check): only lines holding it are shown, so only Target lines remain,
				     and no output at all means no target holds it. NULL otherwise */
	int empty;                /* "* NONE *" (any language) */
	uint32_t empty_line;
	VEC(struct cmdkey_entry) entries;
	VEC(struct cmdkey_result_line) results;
};

extern const struct parser cmdkey_parser;

#endif
