/* Errors printed by net.exe (kind `net-error`), and the scanner every parser
 * of the net use family runs to find them inside its own text:
 *   System error N has occurred.  (+ blank + localized message; any language)
 *   <message> + "More help is available by typing NET HELPMSG N."  (NERR)
 *   A command was used with conflicting switches.  (NET message 3510)
 *   credential prompts (Enter the user name for 'srv': ...)
 * and the same lines wrapped by Windows PowerShell 5.1 as NativeCommandError
 * records ("net : System error 85 has occurred." + position + CategoryInfo). */
#ifndef MDT_NETERROR_H
#define MDT_NETERROR_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "parser.h"
#include "text.h"

struct json_object;

enum neterr_form {
	NETERR_SYSTEM = 0, /* "System error N has occurred." header (localized) */
	NETERR_NERR,       /* message + "NET HELPMSG N" footer, no header */
	NETERR_CONFLICT,   /* "A command was used with conflicting switches." */
	NETERR_OTHER,      /* a PowerShell-wrapped stderr line of net we do not know */
};

#define NETERR_CONFLICTING_SWITCHES 3510

struct neterr {
	int code;               /* Win32 or NERR number; 3510 for conflicting switches; 0 unknown */
	enum neterr_form form;
	const char *header;     /* header line as printed (without a "net : " wrapper); NULL if none */
	const char *message;    /* the (localized) message text; NULL when none was printed */
	const char *command;    /* net command echoed just before the block in this text; NULL */
	uint32_t line;          /* evidence: header line, else the message line */
	uint32_t message_line;  /* 0 when no message */
	uint32_t helpmsg_line;  /* line of the NET HELPMSG footer, 0 when none */
	int ps_wrapped;         /* came through a PowerShell NativeCommandError record */
};

enum netprompt_kind {
	NETPROMPT_USER = 0,     /* Enter the user name for 'srv': */
	NETPROMPT_PASSWORD,     /* Enter the password for srv: */
	NETPROMPT_INVALID,      /* The password (or user name) is invalid for \\srv\share. */
};

struct netprompt {
	enum netprompt_kind kind;
	const char *target;     /* srv, or \\srv\share, as printed (quotes removed) */
	const char *answer;     /* user name typed after a user-name prompt; NULL otherwise
				   (what follows a password prompt is never kept) */
	uint32_t line;
};

typedef VEC(struct neterr) neterr_vec;
typedef VEC(struct netprompt) netprompt_vec;

/* Result of the scanner, and the typed result of the `net-error` kind. */
struct neterr_scan {
	neterr_vec errors;
	netprompt_vec prompts;
	size_t used_lines;      /* non-blank lines that belong to errors, prompts, wrappers */
};

/* Find every error block and prompt in t. used (may be NULL) is an array of
 * t->n flags: lines that belong to a block are set to 1 (and lines already
 * set are skipped). Returns 0, or -1 when the arena is full. */
int neterr_scan(const struct lines *t, struct arena *a, struct neterr_scan *out, uint8_t *used);

/* Is [s,len) a "System error N has occurred." header in a known language or
 * in the generic shape (error word + one number + final full stop)?
 * Returns N (>= 0), or -1. *rest gets the offset of text joined after the
 * header on the same line (len when none). */
int neterr_header_code(const char *s, size_t len, size_t *rest);

/* A line a customer's console echoes a command with ("C:\x>net use ...",
 * "PS C:\> net use", "> net use", "$ net use", "# net use"). Returns the byte
 * offset of the command text in [s,len), or -1. */
long net_prompt_command(const char *s, size_t len);

/* "errors" and "prompts" arrays added to obj (for the to_json of the family). */
void neterr_scan_to_json(struct json_object *obj, const struct neterr_scan *s);

const char *neterr_form_name(enum neterr_form f);

extern const struct parser neterror_parser;

#endif
