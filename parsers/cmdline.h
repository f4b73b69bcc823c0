/* One command line of cmd or PowerShell: split it into the commands it runs
 * (`&&`, `||`, `|`, `&`, `;`), drop redirections (`2>$null`, `2>nul`,
 * `>file`), unwrap `cmd /c "…"` and `powershell -Command "…"`, and say what
 * each command of interest does: `net use`, `cmdkey`, the SMB mapping
 * cmdlets, `New-PSDrive`, credential building. The same engine finds the
 * byte spans of passwords on a line for the redaction pass (redact.c).
 *
 * Parsers must not include analyzer headers, so the result is this typed
 * struct; analyzer/facts_script.c turns it into f_command facts. */
#ifndef MDT_CMDLINE_H
#define MDT_CMDLINE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum cl_dialect {
	CL_AUTO = 0, /* guess per line (PowerShell markers, else cmd) */
	CL_CMD,      /* cmd.exe: "…" quotes, ^ escapes, & && || | */
	CL_PS,       /* PowerShell: '…' and "…" quotes, ` escapes, ; ( ) { } , */
};

enum cl_kind {
	CL_NONE = 0,
	CL_NET_USE,            /* net use X: \\s\sh … (map) */
	CL_NET_USE_DELETE,     /* net use X: /delete, net use \\s\sh /delete, Remove-SmbMapping */
	CL_NET_USE_QUERY,      /* net use, net use X: (lists only) */
	CL_NET_USE_PERSISTENT, /* net use /persistent:no (sets the default only) */
	CL_CMDKEY_ADD,         /* cmdkey /add: or /generic: */
	CL_CMDKEY_DELETE,
	CL_CMDKEY_LIST,
	CL_NEW_GMAP,           /* New-SmbGlobalMapping, New-SmbMapping -GlobalMapping */
	CL_REMOVE_GMAP,        /* Remove-SmbGlobalMapping */
	CL_NEW_SMBMAPPING,     /* New-SmbMapping, New-PSDrive -Persist */
	CL_GET_CREDENTIAL,     /* Get-Credential (user when given) */
	CL_NEW_PSCREDENTIAL,   /* New-Object PSCredential / [pscredential]::new */
	CL_SECURESTRING,       /* ConvertTo-SecureString */
	CL_ASSIGN,             /* $Name = 'literal' / set NAME=literal */
	CL_OTHER,              /* a known command of no mapping effect (name set) */
};
const char *cl_kind_name(enum cl_kind k);

#define CL_TRI_UNKNOWN (-1)

struct cl_command {
	enum cl_kind kind;
	const char *name;       /* canonical: "net use", "cmdkey", "New-SmbGlobalMapping",
				   "Get-SmbGlobalMapping", "reg query", "whoami", … */
	const char *text;       /* this command as written (trimmed) */
	uint32_t off, len;      /* its byte span in the parsed string */
	const char *assign_to;  /* "Creds" for `$Creds = <command>` (PowerShell), else NULL */

	const char *drive;      /* "L:" upper case; NULL when none (or `*`); a variable
				   reference as written ("$Drive", "%DRIVE%") when not literal */
	int any_drive;          /* net use * … (next free letter) */
	const char *remote;     /* \\server\share (or New-PSDrive -Root) */
	const char *target;     /* cmdkey target; main argument of CL_OTHER commands
				   (Test-Path path, Get-Service name, reg key, …) */
	const char *user;       /* /user:, -UserName, Get-Credential user, PSCredential user */
	const char *credential; /* -Credential as written: "$Creds", "(Get-Credential)" */
	int persistent;         /* 1 / 0 / CL_TRI_UNKNOWN (omitted or not a literal) */
	int savecred;           /* /savecred, -SaveCredentials */
	int password_given;     /* a password (possibly redacted, possibly "") was on the line */
	int password_prompt;    /* `*` in the password place, cmdkey /pass without value */
	int del;                /* /delete */
	int smartcard;
	int require_privacy, require_integrity, write_through;
	int force;              /* -Force */
	int plain_text;         /* ConvertTo-SecureString -AsPlainText */
	int generic;            /* cmdkey /generic: */
	const char *value;      /* CL_ASSIGN: the literal; CL_SECURESTRING: the string */
	const char *user_var;   /* PSCredential built from variables: "User", "PWord" */
	const char *password_var;
	const char *bad;        /* first switch or parameter not understood, NULL if none */
};

typedef VEC(struct cl_command) cl_command_vec;

/* Parse one command line (or script statement) into the commands it runs,
 * in order. Strings are copied into the arena. Returns 0, -1 when out of
 * memory. Commands that are not understood are returned with kind CL_NONE
 * and their program name in `name` (so callers can ignore them). */
int cmdline_parse(struct arena *a, const char *s, size_t len, enum cl_dialect d,
		  cl_command_vec *out);

/* The dialect a line looks like (never CL_AUTO). */
enum cl_dialect cl_guess_dialect(const char *s, size_t len);

/* Length of a console prompt at the start of s ("PS C:\x> ", "C:\x>",
 * "[srv]: PS C:\> ", "*Evil-WinRM* PS C:\> "), 0 when none. Sets *d to
 * CL_PS or CL_CMD when a prompt is found. */
size_t cl_prompt_len(const char *s, size_t len, enum cl_dialect *d);

/* Secrets on one logical line: calls fn(user, off, len, what) for each byte
 * span of s holding a password value (never for a value that is already
 * REDACT_MARK or empty). `what` is a static string. Returns the number of
 * spans found, -1 when out of memory. Linear in len (bounded nesting). */
typedef void (*cl_secret_fn)(void *user, size_t off, size_t len, const char *what);
int cmdline_secrets(const char *s, size_t len, enum cl_dialect d, cl_secret_fn fn, void *user);

/* A PowerShell Verb-Noun command name with a known verb ("New-SmbGlobalMapping"). */
int cl_is_cmdlet_name(const char *s, size_t len);

/* Does a variable name (without `$`) look like it holds a password? */
int cl_name_is_password(const char *s, size_t len);

#endif
