/* The case model: every fact of one case (all inputs of one analyze call),
 * merged from all artefacts. The engine reads only this, never text.
 * Each fact keeps its evidence: artefact path, original line, line text
 * (already redacted). Strings live in the case arena. */
#ifndef MDT_CASE_H
#define MDT_CASE_H

#include <stdint.h>

#include "../parsers/arena.h"
#include "../parsers/artefact.h"

struct evidence {
	const char *artefact; /* path as in the report */
	uint32_t line;        /* 1-based original line; 0 = whole artefact */
	const char *text;     /* the line, trimmed, redacted; may be NULL */
};
typedef VEC(struct evidence) evidence_vec;

enum tri { TRI_UNKNOWN = -1, TRI_NO = 0, TRI_YES = 1 };

/* Connection state as net use / Get-SmbMapping / Get-SmbGlobalMapping print it. */
enum conn_status {
	CONN_UNKNOWN = 0,
	CONN_BLANK,        /* empty status column (not connected yet, remembered) */
	CONN_OK,
	CONN_PAUSED,
	CONN_DISCONNECTED,
	CONN_NETWORK_ERROR,
	CONN_CONNECTING,
	CONN_RECONNECTING,
	CONN_UNAVAILABLE,
	CONN_OTHER,
};
const char *conn_status_name(enum conn_status s);

/* ---- net use ------------------------------------------------------------ */
struct f_netuse_row {            /* listing row or `net use X:` detail */
	const char *drive;       /* "L:" upper case, NULL for deviceless rows */
	const char *remote;      /* \\server\share as printed */
	const char *provider;    /* "Microsoft Windows Network", ... */
	enum conn_status status;
	const char *status_text; /* as printed (localized) */
	struct evidence ev;
};
struct f_netuse_listing {        /* one `net use` listing seen: absence is meaningful */
	enum tri remembered;     /* "New connections will (not) be remembered." */
	struct evidence remembered_ev;
	int empty;               /* "There are no entries in the list." */
	struct evidence ev;
};

/* ---- registry (reg query and .reg exports feed one model) --------------- */
/* Key paths are normalized: HKCU\..., HKLM\..., HKU\<SID>\..., HKCR, HKCC;
 * compare case-insensitively (reg_path_eq). */
enum reg_type {
	REGT_NONE = 0, REGT_SZ, REGT_EXPAND_SZ, REGT_BINARY, REGT_DWORD,
	REGT_DWORD_BE, REGT_LINK, REGT_MULTI_SZ, REGT_QWORD = 11, REGT_OTHER = 1000,
};
struct f_reg_key {               /* the key exists */
	const char *key;
	struct evidence ev;
};
struct f_reg_value {
	const char *key;
	const char *name;        /* "" = default value (@) */
	enum reg_type type;
	const char *data;        /* strings as text; MULTI_SZ joined with '\n';
				    DWORD/QWORD as "0x..." ; binary as hex */
	uint64_t num;            /* DWORD/QWORD value */
	int deleted;             /* "name"=- in a .reg file */
	struct evidence ev;
};
struct f_reg_scope {             /* listing shows every direct subkey of key */
	const char *key;
	int recursive;           /* ... and every descendant (reg query /s, export) */
	struct evidence ev;
};
struct f_reg_absent {            /* "unable to find the specified registry key or value" */
	const char *key;         /* queried key, NULL when unknown */
	const char *value;       /* queried value (/v), NULL when the key */
	struct evidence ev;
};

/* ---- Credential Manager (cmdkey /list) ---------------------------------- */
enum cred_type {
	CRED_UNKNOWN = 0, CRED_DOMAIN_PASSWORD, CRED_GENERIC, CRED_DOMAIN_CERTIFICATE,
	CRED_GENERIC_CERTIFICATE, CRED_DOMAIN_EXTENDED, CRED_OTHER,
};
struct f_cred {
	const char *target;      /* as printed after "Target:" */
	const char *target_kind; /* "Domain:target", "Domain:interactive", "LegacyGeneric:target",
				    "WindowsLive:target", "MicrosoftAccount:target", "" (bare) */
	const char *host;        /* the name after "target=" (or the bare target) */
	enum cred_type type;
	const char *user;        /* NULL when no User: line */
	const char *persistence; /* "local-machine", "logon-session", "enterprise", NULL */
	struct evidence ev;
};
struct f_cred_listing {          /* one cmdkey /list seen */
	const char *filter;      /* NULL for the full list, else the /list:<target> */
	const char *grep;        /* piped through findstr /i <grep>: lists the targets holding it */
	int empty;               /* "* NONE *" */
	struct evidence ev;
};

/* ---- who, where --------------------------------------------------------- */
struct f_identity {              /* whoami, transcript header */
	const char *user;        /* domain\name as printed */
	const char *sid;
	enum tri local_account;  /* S-1-5-113 present, or domain part == computer name */
	enum tri elevated;       /* High/System integrity label */
	const char *integrity;   /* "medium", "high", "system", "low", NULL */
	enum tri admin_filtered; /* BUILTIN\Administrators "deny only" */
	struct evidence ev;
};
struct f_host {                  /* systeminfo, ipconfig /all, transcript header, env */
	const char *computer;    /* NetBIOS computer name */
	const char *domain;      /* AD domain DNS name ("contoso.com"), or WORKGROUP */
	const char *netbios_domain;
	const char *dns_suffix;
	const char *os;
	enum tri domain_joined;
	struct evidence ev;
};

/* ---- access checks ------------------------------------------------------ */
enum access_method { ACC_TEST_PATH, ACC_NET_USE, ACC_SMB_CONNECTION, ACC_DIR, ACC_OTHER };
struct f_access {
	const char *target;      /* "\\server\share", "L:\" ... as tested; NULL if unknown */
	const char *server, *share; /* parsed from target when UNC */
	enum access_method method;
	enum tri ok;             /* TRI_YES works, TRI_NO fails, TRI_UNKNOWN */
	int error_code;          /* Win32/NET error when known (5, 53, 67, 86, 1326...), 0 */
	struct evidence ev;
};

/* ---- services, SMB ------------------------------------------------------ */
struct f_service {
	const char *name;        /* "LanmanWorkstation" */
	const char *display;
	const char *status_text;
	enum tri running;
	struct evidence ev;
};
struct f_gmap {                  /* Get-SmbGlobalMapping / Get-SmbMapping row */
	const char *local;       /* "Z:" */
	const char *remote;
	enum conn_status status;
	const char *status_text;
	int status_code;         /* numeric 0..6 when given, else -1 */
	int global;              /* 1 = Get-SmbGlobalMapping, 0 = Get-SmbMapping */
	struct evidence ev;
};
struct f_listing {               /* a listing was seen (even empty): coverage */
	int global;              /* for SMB mapping listings: global or per-user */
	struct evidence ev;
};
struct f_smbconn {
	const char *server, *share, *user, *credential, *dialect;
	int truncated;           /* server or share cut by the table formatter ("..."/U+2026):
				    compare as a prefix, never exactly */
	struct evidence ev;
};
struct f_dir {                   /* dir listing */
	const char *path;        /* "C:\Windows\ServiceProfiles\...", NULL if unknown */
	int files;               /* entries that are not directories */
	int dirs;                /* directories other than . and .. */
	int not_found;           /* "File Not Found" */
	struct evidence ev;
};

/* ---- command lines (scripts, transcripts, prompts in pastes) ------------ */
enum cmd_kind {
	CMD_NET_USE = 1,         /* net use X: \\s\sh ... (map) */
	CMD_NET_USE_DELETE,
	CMD_NET_USE_QUERY,       /* net use, net use X: (no remote): only lists */
	CMD_NET_USE_PERSISTENT,  /* net use /persistent:no (sets the default only) */
	CMD_CMDKEY_ADD,
	CMD_CMDKEY_DELETE,
	CMD_CMDKEY_LIST,
	CMD_NEW_GMAP,            /* New-SmbGlobalMapping */
	CMD_REMOVE_GMAP,
	CMD_NEW_SMBMAPPING,      /* New-SmbMapping / New-PSDrive -Persist */
	CMD_OTHER,
};
struct f_command {
	enum cmd_kind kind;
	const char *text;        /* redacted command line */
	const char *drive;       /* "L:" */
	const char *remote;      /* \\server\share */
	const char *target;      /* cmdkey target */
	enum tri persistent;     /* /persistent:yes|no, -Persistent $true|$false; UNKNOWN = omitted */
	int savecred;            /* /savecred */
	const char *user;        /* /user:, -UserName, -Credential given -> "(credential)" */
	int password_given;      /* a password was on the line (redacted) */
	int error_code;          /* outcome seen right after it: 0 success, >0 error, -1 unknown */
	struct evidence ev;
	struct evidence error_ev; /* the error line of that outcome, when error_code > 0 */
};
struct f_error {                 /* "System error N has occurred.", NERR, conflicting switches */
	int code;                /* 3510 for "A command was used with conflicting switches." */
	const char *message;
	const char *command;     /* command that produced it, when known */
	struct evidence ev;
};
struct f_secret {                /* a plaintext password seen (and redacted) */
	const char *what;
	struct evidence ev;
};

struct case_model {
	struct arena *arena;
	const struct artefact_set *artefacts;
	VEC(struct f_netuse_row) netuse_rows;
	VEC(struct f_netuse_listing) netuse_listings;
	VEC(struct f_reg_key) reg_keys;
	VEC(struct f_reg_value) reg_values;
	VEC(struct f_reg_scope) reg_scopes;
	VEC(struct f_reg_absent) reg_absent;
	VEC(struct f_cred) creds;
	VEC(struct f_cred_listing) cred_listings;
	VEC(struct f_identity) identities;
	VEC(struct f_host) hosts;
	VEC(struct f_access) access;
	VEC(struct f_service) services;
	VEC(struct f_listing) service_listings;
	VEC(struct f_gmap) gmaps;
	VEC(struct f_listing) gmap_listings;
	VEC(struct f_smbconn) smbconns;
	VEC(struct f_listing) smbconn_listings;
	VEC(struct f_dir) dirs;
	VEC(struct f_command) commands;
	VEC(struct f_error) errors;
	VEC(struct f_secret) secrets;
	/* hints from the command line */
	const char *drive_hint;  /* --drive */
	const char *symptom;     /* --symptom */
};

/* Where a fact comes from; adapters use it to build evidence. */
struct fact_src {
	const struct artefact *art;
	const struct segment *seg;
};
/* Evidence for original line `line_no` of the segment (text looked up). */
struct evidence fact_evidence(struct case_model *cm, const struct fact_src *src, uint32_t line_no);

/* Build the model from every parsed segment of every artefact. */
int case_build(struct case_model *cm, struct arena *a, const struct artefact_set *set);

/* One adapter per parser kind: typed parser result -> facts.
 * Registered in facts.c's table by kind name. */
typedef void (*facts_adapter_fn)(struct case_model *cm, const struct fact_src *src,
				 const void *result);
facts_adapter_fn facts_adapter_for(const char *kind);

/* The command line of a segment (transcript or paste prompt), whatever the
 * segment's kind: adds an f_command when it is a command of interest
 * (net use, cmdkey, New-SmbGlobalMapping, ...). In facts_script.c. */
void facts_command_line(struct case_model *cm, const struct fact_src *src,
			const char *command, uint32_t line_no);

/* A PowerShell transcript's header: who ran the commands and on which machine
 * (an identity without SID, a host without domain). In facts_whoami.c. */
void facts_transcript_header(struct case_model *cm, const struct fact_src *src,
			     const struct transcript_header *h);

/* Registry path helpers: normalize "HKEY_CURRENT_USER\Network\L" -> "HKCU\Network\L". */
const char *reg_path_normalize(struct arena *a, const char *path, size_t len);
int reg_path_eq(const char *a, const char *b);
/* Server and share of a UNC path ("\\srv\share\dir" -> "srv", "share"). */
int unc_split(struct arena *a, const char *unc, const char **server, const char **share);
/* "l", "L", "L:" -> "L:"; NULL when not a drive letter. */
const char *drive_normalize(struct arena *a, const char *s, size_t len);

#endif
