/* whoami: /all, /user, /groups, /priv (table, /fo list and /fo csv forms,
 * any language) and plain `whoami` printing DOMAIN\user. */
#ifndef MDT_WHOAMI_H
#define MDT_WHOAMI_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"

/* Three-valued flags: -1 unknown, 0 no, 1 yes (same values as enum tri). */
#define WHOAMI_UNKNOWN (-1)

struct whoami_group {
	const char *name;       /* "BUILTIN\Administrators" as printed */
	const char *type;       /* "Alias", "Well-known group", "Label", "标签" ... as printed */
	const char *sid;
	const char *attributes; /* as printed, possibly cut */
	uint32_t line;
};

struct whoami_priv {
	const char *name;       /* "SeChangeNotifyPrivilege" */
	const char *description;
	const char *state;      /* "Enabled", "已启用" ... as printed */
	uint32_t line;
};

struct whoami_result {
	const char *format;     /* "table", "list", "csv", "plain" */
	const char *user;       /* DOMAIN\name as printed (whoami prints it lower case) */
	const char *domain;     /* part before '\', NULL when none */
	const char *name;       /* part after '\' (or the whole user) */
	const char *sid;        /* user SID, NULL when not printed */
	uint32_t user_line;
	int groups_seen;        /* a group table/list was printed (even empty) */
	VEC(struct whoami_group) groups;
	int privs_seen;
	VEC(struct whoami_priv) privs;
	/* derived */
	int local_account;      /* S-1-5-113/114 present: 1; service SIDs: 0; else -1 */
	int elevated;           /* integrity High/System: 1; Medium/Low: 0; else -1 */
	const char *integrity;  /* "untrusted", "low", "medium", "medium-plus", "high", "system",
				   "protected", NULL */
	uint32_t integrity_line;
	int admin_filtered;     /* BUILTIN\Administrators (S-1-5-32-544) deny-only: 1; enabled or
				   not a member: 0; no group list: -1 */
	uint32_t admin_line;
};

extern const struct parser whoami_parser;

#endif
