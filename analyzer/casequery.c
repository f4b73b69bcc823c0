/* Case questions beyond the registry: who is complaining, which credential
 * serves a server, whether a share was reached, service and host facts. */
#include "casequery.h"

#include <ctype.h>
#include <string.h>

#include "../parsers/text.h"

static int prefix_ci(const char *s, const char *prefix, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || tolower((unsigned char)s[i]) != tolower((unsigned char)prefix[i]))
			return 0;
	return 1;
}

/* ---- who ------------------------------------------------------------------ */

static int is_service_sid(const char *sid)
{
	return cq_eq(sid, "S-1-5-18") || cq_eq(sid, "S-1-5-19") || cq_eq(sid, "S-1-5-20");
}

/* A user's own hive: S-1-5-21-... (AD/local) or S-1-12-1-... (Entra ID), not the _Classes hive. */
static int is_user_hive_sid(const char *sid)
{
	return sid && (span_starts_ci(sid, strlen(sid), "S-1-5-21-") ||
		       span_starts_ci(sid, strlen(sid), "S-1-12-1-")) &&
	       !cq_ends_with_ci(sid, "_Classes");
}

static void add_hive(struct cq *q, const char *hive)
{
	if (!hive || q->nhives >= CQ_MAX_HIVES)
		return;
	for (size_t i = 0; i < q->nhives; i++)
		if (str_eq_ci(q->hives[i], hive))
			return;
	q->net_parents[q->nhives] = arena_printf(q->a, "%s\\Network", hive);
	q->hives[q->nhives++] = hive;
}

static void add_hku_of(struct cq *q, const char *key)
{
	if (!key || !span_starts_ci(key, strlen(key), "HKU\\S-1-") || q->nhives >= CQ_MAX_HIVES)
		return;
	const char *sid = cq_hku_sid(q->a, key, NULL);
	if (is_user_hive_sid(sid))
		add_hive(q, arena_printf(q->a, "HKU\\%s", sid));
}

void cq_init(struct cq *q, struct case_model *cm)
{
	memset(q, 0, sizeof *q);
	q->cm = cm;
	q->a = cm->arena;
	/* The complaining user: the last identity that is a person, not a service account. */
	for (size_t i = 0; i < cm->identities.n; i++) {
		const struct f_identity *id = &cm->identities.v[i];
		if (id->sid && is_service_sid(id->sid))
			continue;
		if (!id->sid && !id->user)
			continue;
		if (q->me && q->me->sid && !id->sid)
			continue; /* keep the one that names a SID */
		q->me = id;
	}
	/* The host: the last one that names its domain (systeminfo), else the last that
	 * names the computer: an ipconfig or transcript header read later must not hide
	 * the domain systeminfo gave. */
	for (size_t i = 0; i < cm->hosts.n; i++) {
		const struct f_host *h = &cm->hosts.v[i];
		int hd = h->domain != NULL, qd = q->host && q->host->domain;
		if (!q->host || hd > qd || (hd == qd && (h->computer || !q->host->computer)))
			q->host = h;
	}
	add_hive(q, "HKCU");
	if (q->me && q->me->sid) {
		add_hive(q, arena_printf(q->a, "HKU\\%s", q->me->sid));
		return;
	}
	/* No SID known: every user hive seen is taken as the user's, and said so. */
	size_t before = q->nhives;
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		add_hku_of(q, cm->reg_keys.v[i].key);
	for (size_t i = 0; i < cm->reg_values.n; i++)
		add_hku_of(q, cm->reg_values.v[i].key);
	for (size_t i = 0; i < cm->reg_scopes.n; i++)
		add_hku_of(q, cm->reg_scopes.v[i].key);
	for (size_t i = 0; i < cm->reg_absent.n; i++)
		add_hku_of(q, cm->reg_absent.v[i].key);
	q->hive_assumed = q->nhives > before;
}

const char *cq_user_domain(struct arena *a, const char *user)
{
	if (!user)
		return NULL;
	const char *bs = strchr(user, '\\');
	if (bs && bs != user)
		return arena_strndup(a, user, (size_t)(bs - user));
	const char *at = strchr(user, '@');
	if (at && at[1])
		return arena_strdup(a, at + 1);
	return NULL;
}

/* Authorities that are not AD domains. */
static int is_builtin_authority(const char *d)
{
	static const char *const names[] = {
		"NT AUTHORITY", "BUILTIN", "NT SERVICE", "AzureAD", "MicrosoftAccount",
		"Window Manager", "Font Driver Host", "IIS APPPOOL", "NT VIRTUAL MACHINE", ".",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (cq_eq(d, names[i]))
			return 1;
	return 0;
}

enum tri cq_local_account(const struct cq *q, const struct evidence **ev)
{
	*ev = NULL;
	if (!q->me)
		return TRI_UNKNOWN;
	*ev = &q->me->ev;
	if (q->me->local_account != TRI_UNKNOWN)
		return q->me->local_account;
	const char *dom = cq_user_domain(q->a, q->me->user);
	if (!dom || !q->host || !q->host->computer)
		return TRI_UNKNOWN;
	if (str_eq_ci(dom, q->host->computer))
		return TRI_YES;
	return is_builtin_authority(dom) ? TRI_UNKNOWN : TRI_NO;
}

int cq_domain_namespace(const struct cq *q, const char *server, const char **domain,
			const struct evidence **ev)
{
	*domain = NULL;
	*ev = NULL;
	if (!server)
		return 0;
	const struct f_host *h = q->host;
	/* every host fact: systeminfo's Domain, a NetBIOS domain, ipconfig's primary DNS
	 * suffix (a joined machine's AD DNS name; a server named exactly like it is the
	 * domain, not a host) */
	for (size_t i = 0; i < q->cm->hosts.n; i++) {
		const struct f_host *x = &q->cm->hosts.v[i];
		if (x->domain_joined == TRI_NO)
			continue;
		const char *names[3] = { x->domain && !cq_eq(x->domain, "WORKGROUP") ? x->domain : NULL,
					 x->netbios_domain, x->dns_suffix };
		for (size_t k = 0; k < 3; k++)
			if (names[k] && cq_eq(server, names[k])) {
				*domain = names[k];
				*ev = &x->ev;
				return 1;
			}
	}
	const struct evidence *lev;
	if (q->me && cq_local_account(q, &lev) != TRI_YES) {
		const char *dom = cq_user_domain(q->a, q->me->user);
		if (dom && !is_builtin_authority(dom) && !(h && cq_eq(dom, h->computer)) &&
		    cq_eq(server, dom)) {
			*domain = dom;
			*ev = &q->me->ev;
			return 1;
		}
	}
	return 0;
}

/* ---- credentials ---------------------------------------------------------- */

int cq_is_ip(const char *s)
{
	if (!s || !*s)
		return 0;
	int dots = 0, colons = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.')
			dots++;
		else if (*p == ':')
			colons++;
		else if (colons ? !isxdigit((unsigned char)*p) : !isdigit((unsigned char)*p))
			return 0;
	}
	return dots == 3 || colons >= 2;
}

size_t cq_first_label_len(const char *s)
{
	const char *dot = strchr(s, '.');
	return dot ? (size_t)(dot - s) : strlen(s);
}

int cq_cred_host_matches(const char *host, const char *server)
{
	if (!host || !server || !*host || !*server)
		return 0;
	if (str_eq_ci(host, server))
		return 1;
	if (!strcmp(host, "*"))
		return 2;
	if (host[0] == '*' && host[1] == '.')
		return strlen(server) > strlen(host + 1) && cq_ends_with_ci(server, host + 1) ? 2 : 0;
	size_t n = strlen(host);
	if (n > 2 && host[n - 2] == '\\' && host[n - 1] == '*') {
		/* DOMAIN\*: decidable offline only for a DNS domain and an FQDN server */
		size_t dn = n - 2, sn = strlen(server);
		if (!memchr(host, '.', dn) || sn <= dn + 1)
			return 0;
		return server[sn - dn - 1] == '.' && prefix_ci(server + sn - dn, host, dn) ? 2 : 0;
	}
	return 0;
}

static int is_domain_cred(const struct f_cred *c)
{
	const char *k = c->target_kind ? c->target_kind : "";
	if (span_starts_ci(k, strlen(k), "Domain:interactive"))
		return 0;
	if (c->type == CRED_DOMAIN_PASSWORD || c->type == CRED_DOMAIN_CERTIFICATE)
		return 1;
	return (c->type == CRED_UNKNOWN || c->type == CRED_DOMAIN_EXTENDED) &&
	       span_starts_ci(k, strlen(k), "Domain:target");
}

static int is_generic_cred(const struct f_cred *c)
{
	const char *k = c->target_kind ? c->target_kind : "";
	return c->type == CRED_GENERIC || span_starts_ci(k, strlen(k), "LegacyGeneric");
}


static int listing_covers(const struct f_cred_listing *l, const char *server)
{
	if (l->grep) /* findstr /i: every target naming the server holds the pattern */
		return span_find_ci(server, strlen(server), l->grep) >= 0;
	if (!l->filter)
		return 1;
	const char *f = l->filter;
	if (span_starts_ci(f, strlen(f), "Domain:target="))
		f += strlen("Domain:target=");
	size_t n = strlen(f);
	if (n && f[n - 1] == '*')
		return prefix_ci(server, f, n - 1);
	return str_eq_ci(f, server);
}

static const char *cred_host(const struct f_cred *c)
{
	return c->host ? c->host : c->target;
}

void cq_cred_for(const struct cq *q, const char *server, struct cq_cred *r)
{
	memset(r, 0, sizeof *r);
	r->listed = TRI_UNKNOWN;
	if (!server)
		return;
	const struct case_model *cm = q->cm;
	for (size_t i = 0; i < cm->cred_listings.n; i++)
		if (listing_covers(&cm->cred_listings.v[i], server)) {
			r->listed = TRI_YES;
			r->listing_ev = &cm->cred_listings.v[i].ev;
		}
	const struct f_cred *exact = NULL, *wild = NULL;
	for (size_t i = 0; i < cm->creds.n; i++) {
		const struct f_cred *c = &cm->creds.v[i];
		const char *host = cred_host(c);
		if (!host)
			continue;
		if (is_generic_cred(c)) {
			if (!r->generic && str_eq_ci(host, server))
				r->generic = c;
			continue;
		}
		if (!is_domain_cred(c))
			continue;
		int m = cq_cred_host_matches(host, server);
		if (m == 1) {
			/* prefer one that survives sign-out */
			if (!exact || (cq_eq(exact->persistence, "logon-session") &&
				       !cq_eq(c->persistence, "logon-session")))
				exact = c;
			continue;
		}
		if (m == 2) {
			if (!wild)
				wild = c;
			continue;
		}
		size_t hn = strlen(host);
		if (strchr(host, '*')) {
			if (hn > 2 && host[hn - 1] == '*' && host[hn - 2] == '\\' && !r->domain_wildcard)
				r->domain_wildcard = c;
			continue;
		}
		int hip = cq_is_ip(host), sip = cq_is_ip(server);
		if (!hip && !sip) {
			size_t a = cq_first_label_len(host), b = cq_first_label_len(server);
			if (a == b && prefix_ci(host, server, a) && !r->other_form)
				r->other_form = c;
		} else if (hip != sip && !r->ip_vs_name) {
			r->ip_vs_name = c;
		}
	}
	r->match = exact ? exact : wild;
	r->wildcard = !exact && wild;
	if (r->match && r->listed != TRI_YES) {
		r->listed = TRI_YES; /* the entry itself proves the listing */
		r->listing_ev = &r->match->ev;
	}
}

/* ---- access --------------------------------------------------------------- */

enum cq_err_class cq_error_class(int code)
{
	switch (code) {
	case 5: case 86: case 1244: case 1326: case 1327: case 1330: case 1331: case 1385:
	case 1398: case 1311: case 1793: case 1907: case 1909: case 2242: case 1240:
		return ERRC_CREDENTIAL;
	case 51: case 53: case 59: case 64: case 67: case 121: case 1203: case 1222: case 1231:
		return ERRC_NETWORK;
	case 85: case 1202:
		return ERRC_LETTER;
	case 1219:
		return ERRC_SESSION_CONFLICT;
	case 3510:
		return ERRC_SWITCHES;
	case 1272:
		return ERRC_GUEST;
	case 1312:
		return ERRC_LOGON_SESSION;
	case 0:
		return ERRC_NONE;
	default:
		return ERRC_OTHER;
	}
}

const char *cq_error_meaning(int code)
{
	static const struct { int code; const char *text; } t[] = {
		{ 5, "access denied" },
		{ 51, "remote computer not available" },
		{ 53, "network path not found" },
		{ 59, "unexpected network error" },
		{ 64, "network name no longer available" },
		{ 67, "network name cannot be found" },
		{ 85, "local device name already in use" },
		{ 86, "network password not correct" },
		{ 121, "semaphore timeout (network)" },
		{ 1202, "drive letter remembered for another resource" },
		{ 1203, "no network provider accepted the path" },
		{ 1219, "multiple connections to a server with different user names" },
		{ 1222, "network not present or not started" },
		{ 1231, "network location cannot be reached" },
		{ 1240, "account not allowed to log on from this station" },
		{ 1244, "user not authenticated" },
		{ 1272, "insecure guest logon blocked" },
		{ 1311, "no logon servers available" },
		{ 1312, "logon session has no credential set" },
		{ 1326, "user name or password incorrect" },
		{ 1327, "account restriction" },
		{ 1330, "password expired" },
		{ 1331, "account disabled" },
		{ 1385, "logon type not granted" },
		{ 1398, "clock skew between client and server" },
		{ 1793, "account expired" },
		{ 1907, "password must be changed" },
		{ 1909, "account locked out" },
		{ 2242, "password expired (NERR)" },
		{ 3510, "conflicting switches" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].code == code)
			return t[i].text;
	return NULL;
}

/* Server and share of a UNC without copying; 0 when not a UNC. */
static int unc_parts(const char *unc, const char **srv, size_t *sl, const char **sh, size_t *shl)
{
	*srv = *sh = NULL;
	*sl = *shl = 0;
	if (!unc)
		return 0;
	while (*unc == ' ' || *unc == '"')
		unc++;
	if (!((unc[0] == '\\' && unc[1] == '\\') || (unc[0] == '/' && unc[1] == '/')))
		return 0;
	const char *p = unc + 2, *s = p;
	while (*p && *p != '\\' && *p != '/' && *p != '"')
		p++;
	if (p == s)
		return 0;
	*srv = s;
	*sl = (size_t)(p - s);
	if (*p == '\\' || *p == '/') {
		const char *h = ++p;
		while (*p && *p != '\\' && *p != '/' && *p != '"')
			p++;
		size_t n = (size_t)(p - h);
		while (n && h[n - 1] == ' ')
			n--;
		if (n) {
			*sh = h;
			*shl = n;
		}
	}
	return 1;
}

static int span_eq_ci(const char *a, size_t an, const char *b)
{
	return b && strlen(b) == an && prefix_ci(b, a, an);
}

/* 2 same server and share, 1 same share on the same host under another name form, 0 no. */
static int target_match(const char *srv, size_t sl, const char *sh, size_t shl,
			const char *server, const char *share)
{
	if (!srv || !sh || !server || !share || !span_eq_ci(sh, shl, share))
		return 0;
	if (span_eq_ci(srv, sl, server))
		return 2;
	size_t a = cq_first_label_len(server);
	size_t b = 0;
	while (b < sl && srv[b] != '.')
		b++;
	if (!cq_is_ip(server) && a == b && prefix_ci(server, srv, a))
		return 1;
	return 0;
}

/* Length of a table cell without the formatter's ellipsis ("..." or U+2026). */
static size_t untruncated_len(const char *s)
{
	size_t n = strlen(s);
	if (n >= 3 && !strcmp(s + n - 3, "..."))
		return n - 3;
	if (n >= 3 && !strcmp(s + n - 3, "\xE2\x80\xA6"))
		return n - 3;
	return n;
}

/* A cut cell matches when what is left is a prefix of the full name. */
static int truncated_match(const char *srv, const char *sh, const char *server, const char *share)
{
	if (!server || !share)
		return 0;
	size_t a = untruncated_len(srv), b = untruncated_len(sh);
	return a && b && prefix_ci(server, srv, a) && prefix_ci(share, sh, b) ? 2 : 0;
}

static int drive_target(const char *target, const char *drive)
{
	if (!target || !drive)
		return 0;
	while (*target == ' ' || *target == '"')
		target++;
	return tolower((unsigned char)target[0]) == tolower((unsigned char)drive[0]) && target[1] == ':';
}

/* What an access attempt says about one share. */
struct acc_obs {
	const struct evidence *ok, *cred_fail, *plain_fail, *net_fail;
	const char *ok_how, *fail_how, *net_how;
	int cred_code, net_code;
};

static void observe(struct acc_obs *o, enum tri ok, int code, const char *how, const struct evidence *ev)
{
	enum cq_err_class cls = cq_error_class(code);
	if (ok == TRI_YES && (code == 0 || cls == ERRC_NONE)) {
		if (!o->ok) { o->ok = ev; o->ok_how = how; }
	} else if (cls == ERRC_NETWORK) {
		if (!o->net_fail) { o->net_fail = ev; o->net_how = how; o->net_code = code; }
	} else if (cls == ERRC_CREDENTIAL) {
		if (!o->cred_fail) { o->cred_fail = ev; o->fail_how = how; o->cred_code = code; }
	} else if (ok == TRI_NO && code == 0) {
		if (!o->plain_fail) { o->plain_fail = ev; if (!o->fail_how) o->fail_how = how; }
	}
	/* letter, session, switch, guest errors say nothing about the credential: case checks */
}

static const char *method_name(enum access_method m)
{
	switch (m) {
	case ACC_TEST_PATH: return "Test-Path";
	case ACC_NET_USE: return "net use";
	case ACC_SMB_CONNECTION: return "Get-SmbConnection";
	case ACC_DIR: return "dir";
	default: return "access check";
	}
}

void cq_access_for(const struct cq *q, const char *drive, const char *server, const char *share,
		   struct cq_access *r)
{
	memset(r, 0, sizeof *r);
	r->ok = TRI_UNKNOWN;
	const struct case_model *cm = q->cm;
	struct acc_obs o = { 0 };
	for (size_t i = 0; i < cm->access.n; i++) {
		const struct f_access *a = &cm->access.v[i];
		int m = 0;
		if (drive_target(a->target, drive)) {
			m = 2;
		} else {
			const char *srv, *sh;
			size_t sl, shl;
			if (a->server) {
				srv = a->server; sl = strlen(a->server);
				sh = a->share; shl = a->share ? strlen(a->share) : 0;
			} else {
				unc_parts(a->target, &srv, &sl, &sh, &shl);
			}
			m = target_match(srv, sl, sh, shl, server, share);
		}
		if (m == 2) {
			observe(&o, a->ok, a->error_code, method_name(a->method), &a->ev);
		} else if (m == 1 && !r->other_name) {
			r->other_name = a->server ? a->server : a->target;
			r->other_ev = &a->ev;
		}
	}
	for (size_t i = 0; i < cm->smbconns.n; i++) {
		const struct f_smbconn *c = &cm->smbconns.v[i];
		if (!c->server || !c->share)
			continue;
		int m = c->truncated ? truncated_match(c->server, c->share, server, share)
				     : target_match(c->server, strlen(c->server), c->share, strlen(c->share), server, share);
		if (m == 2)
			observe(&o, TRI_YES, 0, "Get-SmbConnection", &c->ev);
	}
	for (size_t i = 0; i < cm->commands.n; i++) {
		const struct f_command *c = &cm->commands.v[i];
		if (c->kind != CMD_NET_USE || c->error_code < 0)
			continue;
		const char *srv, *sh;
		size_t sl, shl;
		if (!unc_parts(c->remote, &srv, &sl, &sh, &shl))
			continue;
		if (target_match(srv, sl, sh, shl, server, share) == 2)
			/* cite the error line itself: the command line alone does not show the failure */
			observe(&o, c->error_code == 0 ? TRI_YES : TRI_NO, c->error_code, "net use",
				c->error_code > 0 && c->error_ev.artefact ? &c->error_ev : &c->ev);
	}
	if (o.ok) {
		r->ok = TRI_YES;
		r->ev = o.ok;
		r->how = o.ok_how;
		r->contra = o.cred_fail ? o.cred_fail : o.plain_fail ? o.plain_fail : o.net_fail;
	} else if (o.cred_fail) {
		r->ok = TRI_NO;
		r->ev = o.cred_fail;
		r->how = o.fail_how;
		r->error_code = o.cred_code;
	} else if (o.net_fail) {
		/* a plain False next to a network error is explained by the network */
		r->unreachable = 1;
		r->ev = o.net_fail;
		r->how = o.net_how;
		r->error_code = o.net_code;
	} else if (o.plain_fail) {
		r->ok = TRI_NO;
		r->ev = o.plain_fail;
		r->how = o.fail_how;
	}
}

const struct evidence *cq_any_access_ok(const struct cq *q)
{
	const struct case_model *cm = q->cm;
	for (size_t i = 0; i < cm->access.n; i++)
		if (cm->access.v[i].ok == TRI_YES && cm->access.v[i].error_code == 0 &&
		    cm->access.v[i].server)
			return &cm->access.v[i].ev;
	for (size_t i = 0; i < cm->smbconns.n; i++)
		if (cm->smbconns.v[i].server)
			return &cm->smbconns.v[i].ev;
	for (size_t i = 0; i < cm->commands.n; i++)
		if (cm->commands.v[i].kind == CMD_NET_USE && cm->commands.v[i].error_code == 0 &&
		    cm->commands.v[i].remote)
			return &cm->commands.v[i].ev;
	return NULL;
}

/* ---- services, dirs, listings -------------------------------------------- */

enum tri cq_service_running(const struct cq *q, const char *name, const struct f_service **svc)
{
	*svc = NULL;
	for (size_t i = 0; i < q->cm->services.n; i++)
		if (cq_eq(q->cm->services.v[i].name, name))
			*svc = &q->cm->services.v[i];
	return *svc ? (*svc)->running : TRI_UNKNOWN;
}

const struct f_dir *cq_netsvc_cred_dir(const struct cq *q)
{
	static const char suffix[] = "\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials";
	const size_t m = sizeof suffix - 1;
	const struct f_dir *found = NULL;
	for (size_t i = 0; i < q->cm->dirs.n; i++) {
		const struct f_dir *d = &q->cm->dirs.v[i];
		if (!d->path)
			continue;
		const char *p = d->path;
		size_t n = strlen(p);
		while (n && (p[n - 1] == '\\' || p[n - 1] == '"' || p[n - 1] == ' '))
			n--;
		/* any drive, %windir% or %SystemRoot%: only the tail names the folder */
		if (n >= m && prefix_ci(p + n - m, suffix, m))
			found = d;
	}
	return found;
}

const struct f_netuse_listing *cq_netuse_listing(const struct cq *q)
{
	size_t n = q->cm->netuse_listings.n;
	return n ? &q->cm->netuse_listings.v[n - 1] : NULL;
}

const struct f_listing *cq_gmap_listing(const struct cq *q)
{
	const struct f_listing *l = NULL;
	for (size_t i = 0; i < q->cm->gmap_listings.n; i++)
		if (q->cm->gmap_listings.v[i].global)
			l = &q->cm->gmap_listings.v[i];
	return l;
}

const struct f_netuse_row *cq_netuse_row(const struct cq *q, const char *drive)
{
	const struct f_netuse_row *r = NULL;
	for (size_t i = 0; i < q->cm->netuse_rows.n; i++)
		if (cq_eq(q->cm->netuse_rows.v[i].drive, drive))
			r = &q->cm->netuse_rows.v[i];
	return r;
}
