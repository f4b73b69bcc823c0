/* reg-query: output of `reg query KEY [/v NAME | /ve] [/s] [/f ...]`, any
 * language: key lines with the long hive name, value lines
 * "    name    REG_type    data", `/s` blocks, "End of search: N match(es)
 * found." after /f or /v /s, and the "unable to find the specified registry
 * key or value" error. One text may hold several queries when command lines
 * (prompts) are embedded in it. */
#ifndef MDT_REGQUERY_H
#define MDT_REGQUERY_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"

struct regq_query {
	const char *command;  /* "reg query ..." as known (ctx->command, an embedded prompt, or the
				 file name), NULL */
	const char *key;      /* queried key: from the command as written, else inferred from the
				 key lines (long hive names as printed); NULL when unknown */
	const char *value;    /* /v NAME; "" for /ve; NULL when all values were listed */
	int recursive;        /* /s (given, or inferred from the block layout) */
	int search;           /* /f, or an "End of search" line: only matches are listed */
	int filtered;         /* piped through findstr / Select-String: lines may be missing */
	int inferred;         /* key/recursive come from the output's layout, not a command */
	int from_name;        /* the command was read from the file name ("reg query HKCU_Network_M.txt") */
	int listing;          /* a full listing of key: every value and every direct subkey
				  (every descendant when recursive) is in the output */
	long matches;         /* "End of search: N match(es)": N, else -1 */
	uint32_t line;        /* line of the command, else of the first line of its output */
	uint32_t matches_line;
};

struct regq_key {
	const char *path;     /* as printed: HKEY_CURRENT_USER\Network\z */
	uint32_t line;
	uint32_t nvalues;     /* value lines printed under it */
	uint32_t query;       /* index into queries */
};

struct regq_value {
	const char *key;      /* the key line above it (or the queried key); NULL when unknown */
	const char *name;     /* "" for (Default) in any language */
	const char *type_name;/* as printed: "REG_SZ" */
	uint32_t type;        /* REGV_* number, REGV_UNKNOWN for a token we do not know */
	const char *data;     /* text form (regvalue.h): REG_MULTI_SZ items joined by '\n',
				 numbers "0x..", binary as lowercase hex */
	const char *printed;  /* data exactly as printed (trailing blanks removed) */
	uint64_t num;         /* REG_DWORD / REG_QWORD value when has_num */
	int has_num;
	const uint8_t *raw;   /* REG_BINARY / REG_NONE / other hex data decoded, NULL otherwise */
	uint32_t raw_len;
	int not_set;          /* "(value not set)" printed for an empty default (/ve) */
	uint32_t line;
	uint32_t query;
};

enum regq_err_kind {
	REGQ_ERR_NOT_FOUND = 1, /* unable to find the specified registry key or value */
	REGQ_ERR_OTHER,         /* another "ERROR: ..." (access denied, invalid syntax, ...) */
};
struct regq_error {
	enum regq_err_kind kind;
	const char *text;     /* the message line, trimmed */
	uint32_t line;
	uint32_t query;
};

struct regquery_result {
	VEC(struct regq_query) queries; /* at least one */
	VEC(struct regq_key) keys;
	VEC(struct regq_value) values;
	VEC(struct regq_error) errors;
	uint32_t unknown_lines;       /* lines not understood */
	uint32_t first_unknown;
};

/* Is this command line a `reg query`? (reg, reg.exe or a path to it, any case,
 * possibly behind a cmd or PowerShell prompt). */
int regquery_is_command(const char *cmd);

extern const struct parser regquery_parser;

#endif
