/* Internal pieces of the command-line engine, shared by cmdline.c (driver),
 * cmdline_args.c (arguments and values), cmdline_bind.c (command table,
 * PowerShell parameter binding), cmdline_net.c (net use, cmdkey),
 * cmdline_ps.c (PowerShell cmdlets) and cmdline_secrets.c (password spans).
 * Not part of the library's interface: include it only from cmdline*.c. */
#ifndef MDT_CMDLINE_INT_H
#define MDT_CMDLINE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cmdline.h"
#include "cmdline_lex.h"

#define CL_MAX_DEPTH 3
#define CL_MAX_GROUP_DEPTH 16

/* ---- engine state ------------------------------------------------------- */

enum { A_WORD = 1, A_GROUP, A_COMMA };
struct arg {
	uint8_t kind;
	int t0, t1; /* WORD: t0 == t1; GROUP: OPEN index, CLOSE index (or end when unclosed) */
};

struct eng {
	const char *s;
	struct arena *a;        /* facts wanted (NULL: secrets only) */
	cl_command_vec *out;
	cl_secret_fn fn;        /* secrets wanted (NULL: facts only) */
	void *user;
	int nsecrets;
	int oom;
	struct clx_scratch sc[CL_MAX_DEPTH + 1];
};

struct view {
	struct eng *e;
	struct clx_scratch *sc;
	int depth;
	enum cl_dialect d;
};

/* A value: token tok's value from byte vs on (vs > 0 for `-Name:value`). */
struct vref {
	int tok;   /* -1 = none */
	uint32_t vs;
	int group; /* the value is a parenthesised group (tok = OPEN) */
	int gend;  /* CLOSE index of that group */
};

static inline const struct clx_token *TK(const struct view *v, int i) { return &v->sc->t[i]; }
static inline const char *TV(const struct view *v, int i) { return clx_val(v->sc, TK(v, i)); }

static inline int lower_c(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static inline int eq_ci_n(const char *a, size_t n, const char *b)
{
	size_t bl = strlen(b);
	if (n != bl)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower_c((unsigned char)a[i]) != lower_c((unsigned char)b[i]))
			return 0;
	return 1;
}

static inline int ends_ci(const char *a, size_t n, const char *suffix)
{
	size_t sl = strlen(suffix);
	return n >= sl && eq_ci_n(a + n - sl, sl, suffix);
}

static inline struct vref vr_word(int tok, uint32_t vs)
{
	struct vref r = { tok, vs, 0, 0 };
	return r;
}

static inline struct vref vr_arg(const struct arg *a)
{
	struct vref r = { a->t0, 0, a->kind == A_GROUP, a->t1 };
	return r;
}

static const struct vref VR_NONE = { -1, 0, 0, 0 };

/* ---- driver and outputs (cmdline.c) -------------------------------------- */

/* Statements of tokens [b, e) of the view, each interpreted and scanned. */
void cl_run_range(struct view *v, int b, int e, int gdepth);
/* Command text at raw [start, end): tokenized again one level deeper. */
void cl_nested(struct view *v, size_t start, size_t end, enum cl_dialect d);

/* A password at raw [start, end) (skipped when already redacted). */
void cl_report(struct view *v, size_t start, size_t end, const char *what);
/* The same for a value, when it is a literal. */
void cl_report_vref(struct view *v, struct vref r, const char *what);
/* A new command for the statement at raw [st_start, st_end); NULL when
 * facts are not wanted or out of memory. */
struct cl_command *cl_new_cmd(struct view *v, enum cl_kind k, const char *name, size_t st_start,
			      size_t st_end, const char *assign_to);
/* Name args[ai] as the first argument not understood (once). */
void cl_set_bad(struct view *v, struct cl_command *c, const struct arg *args, int ai);

/* The command text of `cmd /c "…"` and `powershell -Command "…"`. */
int cl_cmd_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end);
int cl_pwsh_inner(const struct view *v, const struct arg *args, int n, size_t *start, size_t *end);

/* ---- arguments and values (cmdline_args.c) ------------------------------- */

const char *cl_vref_str(const struct view *v, struct vref r, size_t *n);
/* Raw byte span of a value, for redaction. */
int cl_vref_span(const struct view *v, struct vref r, size_t *start, size_t *end);
/* The value trimmed, in the arena (NULL when facts are not wanted). */
char *cl_dup_vref(const struct view *v, struct vref r);
/* Is this value a literal a person typed (not a variable or expression)? */
int cl_vref_is_literal(const struct view *v, struct vref r);

/* "C:\Windows\System32\NET.EXE" -> "net"; "@echo" -> "echo". */
void cl_prog_name(const char *val, size_t n, char *buf, size_t cap);
/* Offset of a PowerShell parameter's name ("-Name"), 0 when not one. */
size_t cl_ps_param_at(const char *val, size_t n);
/* Token ti is a parameter (an unquoted dash). */
int cl_tok_is_param(const struct view *v, int ti);
int cl_is_unc(const char *s, size_t n);
/* "z", "Z:", "Z:\" -> "Z:"; a variable reference as written; else NULL. */
char *cl_drive_of(struct arena *a, const char *s, size_t n);

/* Arguments of tokens [b, e); args has room for e - b. */
int cl_build_args(const struct view *v, int b, int e, struct arg *args);
/* Raw text span of args [k0, k1). */
void cl_args_span(const struct view *v, const struct arg *args, int k0, int k1, size_t *start,
		  size_t *end);
/* `$Name = …`: index of the first value argument (or -1). */
int cl_ps_assignment(const struct view *v, const struct arg *args, int n, const char **name,
		     size_t *nlen, uint32_t *vs_in_tok);

/* ---- command table and PowerShell parameter binding (cmdline_bind.c) ------ */

enum { PV = 1, PB, PSW }; /* value, boolean value, switch */

struct pdef {
	const char *name;
	uint8_t type;
	uint8_t id;
};

#define MAX_BIND 48
#define MAX_POS 16

struct pbind {
	uint8_t id;
	int sw;          /* switch: 1 / 0; boolean: value from the literal */
	struct vref v;   /* value (tok -1 for a switch or a missing value) */
	int ai;          /* arg index of the (first) value, -1 */
	int nel;         /* array elements (1 for a single value) */
};

struct pres {
	struct pbind b[MAX_BIND];
	int nb;
	int pos[MAX_POS];
	int npos;
	int bad_ai;      /* first parameter not known, -1 */
	int missing;     /* a parameter lacked its value */
};

/* Bind args [k, n) to the parameters of tab (and the common ones). */
void cl_ps_bind(const struct view *v, const struct arg *args, int k, int n, const struct pdef *tab,
		struct pres *r);
/* The binding of parameter id (the last one given), NULL when absent. */
const struct pbind *cl_pget(const struct pres *r, uint8_t id);

enum {
	H_NONE = 0, H_NET, H_CMDKEY, H_CMD, H_PWSH, H_NEWGMAP, H_RMGMAP, H_NEWMAP, H_RMMAP,
	H_PSDRIVE, H_GETCRED, H_NEWOBJ, H_SECSTR, H_SET, H_IF, H_FOR, H_ELSE, H_REG, H_OTHER_CMD,
	H_OTHER_PS,
};

/* ids of parameters we read */
enum {
	P_LOCAL = 1, P_REMOTE, P_CRED, P_PERSIST, P_RINT, P_RPRIV, P_WT, P_USER, P_PASS, P_SAVE,
	P_GLOBAL, P_FORCE, P_NAME, P_PROVIDER, P_ROOT, P_PERSISTSW, P_TYPE, P_ARGS, P_STRING,
	P_PLAIN, P_KEY, P_PATH, P_LPATH, P_SERVER, P_COMPUTER, P_CLASS, P_COMMAND, P_FILE,
	P_SKIP,
};

struct cmddef {
	const char *alias;   /* program name as typed, lower case */
	const char *name;    /* canonical */
	uint8_t h;
	const struct pdef *params; /* PowerShell parameters (H_OTHER_PS) */
	uint8_t primary;     /* parameter id of the main argument */
};

/* The command a program name (from cl_prog_name) is, NULL when unknown. */
const struct cmddef *cl_cmd_lookup(const char *prog);

/* Parameter tables read outside the command table. */
extern const struct pdef cl_pwsh_params[];
extern const struct pdef cl_secstr_params[];
extern const struct pdef cl_newobj_params[];
extern const struct pdef cl_getmap_params[];

/* ---- net use and cmdkey (cmdline_net.c) ---------------------------------- */

void cl_facts_net(struct view *v, const struct arg *args, int n, const char *assign_to,
		  size_t s0, size_t s1);
void cl_facts_cmdkey(struct view *v, const struct arg *args, int n, const char *assign_to,
		     size_t s0, size_t s1);
/* Passwords among the arguments [k, n) of `net use` / `cmdkey`. */
void cl_nu_secrets(struct view *v, const struct arg *args, int k, int n);
void cl_ck_secrets(struct view *v, const struct arg *args, int k, int n);

/* ---- PowerShell cmdlets (cmdline_ps.c) ----------------------------------- */

void cl_facts_ps(struct view *v, const struct cmddef *cd, const struct arg *args, int n,
		 const char *assign_to, size_t s0, size_t s1);
/* `[System.Management.Automation.PSCredential]::new($u, $p)` */
int cl_is_pscred_ctor(const char *val, size_t n);
void cl_facts_pscred_ctor(struct view *v, const struct arg *args, int n, const char *assign_to,
			  size_t s0, size_t s1);
/* Elements of an argument list (up to max), returns the count. */
int cl_list_elements(const struct view *v, const struct arg *args, int ai, int nel, int n,
		     struct vref *el, int max);

/* ---- secrets (cmdline_secrets.c) ----------------------------------------- */

/* Report the password spans in the arguments of one statement. */
void cl_scan_secrets(struct view *v, const struct arg *args, int n, int pipe_from_tok, int gdepth);

#endif
