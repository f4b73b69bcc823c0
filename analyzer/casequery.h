/* Questions the engine asks of the case model: registry state under the
 * complaining user's hive, credentials for a server, access to a share,
 * service state, identity, DFS namespace test. Every answer is a tri-state
 * plus the evidence that decided it; "unknown" is never turned into a guess.
 * Pure functions over struct case_model; nothing is printed or modified. */
#ifndef MDT_CASEQUERY_H
#define MDT_CASEQUERY_H

#include "case.h"

#define CQ_MAX_HIVES 8

struct cq {
	struct case_model *cm;
	struct arena *a;
	const struct f_identity *me; /* the complaining user; NULL when unknown */
	const struct f_host *host;   /* last host fact; NULL when unknown */
	/* Hives that are the user's: "HKCU" and "HKU\<SID>" */
	const char *hives[CQ_MAX_HIVES];
	const char *net_parents[CQ_MAX_HIVES]; /* "<hive>\Network" of each */
	size_t nhives;
	int hive_assumed;            /* HKU\<SID> taken as the user's without a known SID */
};
void cq_init(struct cq *q, struct case_model *cm);

/* ---- registry ------------------------------------------------------------ */
struct cq_key {
	enum tri state;              /* YES exists, NO shown absent, UNKNOWN not covered */
	const struct evidence *ev;   /* the fact that decided */
	const char *key;             /* the absolute key that decided (user hives) */
	const char *how;             /* NO: what shows the absence, in words with the key */
};
/* Absolute normalized key ("HKLM\SYSTEM\..."). */
struct cq_key cq_key_state(const struct cq *q, const char *key);
/* Key relative to the user's hives ("Network\L" -> HKCU\Network\L or HKU\<SID>\Network\L). */
struct cq_key cq_user_key_state(const struct cq *q, const char *rel);
/* Last value `name` (not deleted) of an absolute key / a user-relative key. */
const struct f_reg_value *cq_value(const struct cq *q, const char *key, const char *name);
const struct f_reg_value *cq_user_value(const struct cq *q, const char *rel, const char *name);
/* Whether value `name` is present, shown absent, or not covered (user-relative when user). */
enum tri cq_value_state(const struct cq *q, const char *key, const char *name, int user,
			const struct f_reg_value **val, const struct evidence **ev);
/* Numeric value of a DWORD/QWORD (or "0x1"/"1" text); 0 on success. */
int cq_value_number(const struct f_reg_value *v, uint64_t *out);
/* Is `key` one of the user's hives followed by "\rel"? */
int cq_is_user_key(const struct cq *q, const char *key, const char *rel);
/* "HKU\S-1-5-21-...\rest": the SID (arena copy) and the rest; NULL when not HKU\<SID>. */
const char *cq_hku_sid(struct arena *a, const char *key, const char **rest);
/* "HKCU\Network\l" (user hive) -> "L:"; NULL when key is not <user hive>\Network\<letter>. */
const char *cq_user_network_drive(const struct cq *q, const char *key);
/* "<parent>\x" -> "X:"; NULL when key is not a drive-letter subkey of parent. */
const char *cq_subkey_drive(struct arena *a, const char *key, const char *parent);

#define CQ_KEY_GLOBALMAPPINGS "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings"
#define CQ_KEY_NETWORKPROVIDER "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider"
#define CQ_KEY_LSA "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa"
#define CQ_KEY_POLICIES_SYSTEM "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System"
#define CQ_REL_PERSISTENT "Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections"
#define CQ_NETSVC_CRED_DIR "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials"

/* ---- persistence default ------------------------------------------------- */
/* YES when new connections are not remembered (net use header or SaveConnections=no). */
enum tri cq_persistent_default_off(const struct cq *q, const struct evidence **ev);

/* ---- credentials --------------------------------------------------------- */
struct cq_cred {
	enum tri listed;                 /* YES: a cmdkey listing covers this server */
	const struct evidence *listing_ev;
	const struct f_cred *match;      /* domain credential usable for the server */
	int wildcard;                    /* match is a wildcard target */
	const struct f_cred *other_form; /* same host under another name form (NetBIOS/FQDN) */
	const struct f_cred *ip_vs_name; /* path is an IP and a name credential exists, or v.v. */
	const struct f_cred *generic;    /* a Generic credential naming the server (SMB ignores it) */
	const struct f_cred *domain_wildcard; /* DOMAIN\* that may or may not cover the server */
};
void cq_cred_for(const struct cq *q, const char *server, struct cq_cred *r);
/* Is `host` (a credential target) usable for `server`? 1 exact, 2 wildcard, 0 no. */
int cq_cred_host_matches(const char *host, const char *server);
int cq_is_ip(const char *s);
/* The first DNS label of a name ("fs01.contoso.com" -> 4 = strlen("fs01")). */
size_t cq_first_label_len(const char *s);

/* ---- access -------------------------------------------------------------- */
enum cq_err_class {
	ERRC_NONE = 0, ERRC_CREDENTIAL, ERRC_NETWORK, ERRC_LETTER, ERRC_SESSION_CONFLICT,
	ERRC_SWITCHES, ERRC_GUEST, ERRC_LOGON_SESSION, ERRC_OTHER,
};
enum cq_err_class cq_error_class(int code);
/* Short English meaning of a Win32/NET error, NULL when not known. */
const char *cq_error_meaning(int code);

struct cq_access {
	enum tri ok;                /* YES works, NO fails, UNKNOWN no usable evidence */
	int unreachable;            /* only network errors seen (ok stays UNKNOWN) */
	int error_code;             /* of the deciding failure, 0 when none */
	const char *how;            /* "Test-Path", "net use", "Get-SmbConnection", ... */
	const struct evidence *ev;  /* deciding evidence */
	const struct evidence *contra; /* evidence that says otherwise, NULL when none */
	const char *other_name;     /* access evidence for the same share under another name form */
	const struct evidence *other_ev;
};
/* Access to \\server\share or to the drive letter itself (drive may be NULL). */
void cq_access_for(const struct cq *q, const char *drive, const char *server, const char *share,
		   struct cq_access *r);
/* Any SMB access that worked in the case (proves the client service runs). */
const struct evidence *cq_any_access_ok(const struct cq *q);

/* ---- services, identity, hosts ------------------------------------------ */
enum tri cq_service_running(const struct cq *q, const char *name, const struct f_service **svc);
/* YES: the user is a local account (S-1-5-113, or domain part == computer name). */
enum tri cq_local_account(const struct cq *q, const struct evidence **ev);
/* Is `server` the AD domain's DNS or NetBIOS name (a domain-based DFS namespace)? */
int cq_domain_namespace(const struct cq *q, const char *server, const char **domain,
			const struct evidence **ev);
/* The dir listing of the NetworkService Credentials folder, NULL when not collected. */
const struct f_dir *cq_netsvc_cred_dir(const struct cq *q);
/* Domain part of "DOMAIN\user" (arena copy), NULL when none. */
const char *cq_user_domain(struct arena *a, const char *user);

/* ---- listings ------------------------------------------------------------ */
const struct f_netuse_listing *cq_netuse_listing(const struct cq *q);
const struct f_listing *cq_gmap_listing(const struct cq *q);
const struct f_netuse_row *cq_netuse_row(const struct cq *q, const char *drive);

/* ---- small string helpers ----------------------------------------------- */
int cq_eq(const char *a, const char *b);           /* case-insensitive, NULL-safe */
int cq_ends_with_ci(const char *s, const char *suffix);
/* Is `anc` the key `key` or one of its ancestors (case-insensitive)? */
int cq_key_is_ancestor(const char *anc, const char *key);

#endif
