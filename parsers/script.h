/* kind `script`: a .bat/.cmd or .ps1 file (text of commands, no output):
 * the commands of interest it runs, with their line numbers, and the
 * variables it assigns from literals so that `-Credential $Creds` can be
 * traced back to the user name it was built from. */
#ifndef MDT_SCRIPT_H
#define MDT_SCRIPT_H

#include <stdint.h>

#include "arena.h"
#include "cmdline.h"
#include "parser.h"

struct script_command {
	struct cl_command cmd;   /* drive/remote/user with script variables expanded */
	uint32_t line;           /* original line of the statement's first line */
	uint32_t last_line;      /* last line (continuation lines) */
	const char *cred_user;   /* user behind -Credential, traced through variables */
	int cred_password;       /* that credential was built from a plaintext password */
};

enum script_var_kind {
	SVAR_LITERAL = 0,        /* $X = "text", set X=text */
	SVAR_SECURESTRING,       /* $X = ConvertTo-SecureString … */
	SVAR_CREDENTIAL,         /* $X = New-Object PSCredential … / [pscredential]::new */
	SVAR_PROMPT,             /* $X = Get-Credential … (asks at run time) */
};

struct script_var {
	const char *name;        /* without $ or %, as written */
	enum script_var_kind kind;
	const char *value;       /* literal (passwords are REDACT_MARK already) */
	const char *user;        /* credentials: the user name when known */
	int password;            /* built from a plaintext password (redacted) */
	uint32_t line;
};

struct script_result {
	enum cl_dialect dialect;  /* CL_CMD or CL_PS (CL_AUTO: could not tell) */
	VEC(struct script_command) commands; /* commands of interest only */
	VEC(struct script_var) vars;
	uint32_t statements;      /* statements read (comments and blank lines not counted) */
	uint32_t redacted;        /* values already replaced by REDACT_MARK */
};

extern const struct parser script_parser;

/* Dialect name for JSON: "cmd", "powershell", "unknown". */
const char *script_dialect_name(enum cl_dialect d);

#endif
