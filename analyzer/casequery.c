/* Case questions beyond the registry: who is complaining, which credential
 * serves a server, whether a share was reached, service and host facts. */
#include "casequery.h"

#include <ctype.h>
#include <string.h>

#include "../parsers/text.h"

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
	q->hives[q->nhives++] = hive;
}

static void add_hku_of(struct cq *q, const char *key)
{
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
	for (size_t i = 0; i < cm->hosts.n; i++) {
		const struct f_host *h = &cm->hosts.v[i];
		if (!q->host || h->domain || h->computer || !(q->host->domain || q->host->computer))
			q->host = h;
	}
	q->hives[q->nhives++] = "HKCU";
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
	if (h && h->domain_joined != TRI_NO) {
		if (h->domain && !cq_eq(h->domain, "WORKGROUP") && cq_eq(server, h->domain)) {
			*domain = h->domain;
			*ev = &h->ev;
			return 1;
		}
		if (h->netbios_domain && cq_eq(server, h->netbios_domain)) {
			*domain = h->netbios_domain;
			*ev = &h->ev;
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
		const char *suffix = NULL;
		char buf[512];
		if (n - 2 + 2 > sizeof buf)
			return 0;
		buf[0] = '.';
		memcpy(buf + 1, host, n - 2);
		buf[n - 1] = '\0';
		suffix = buf;
		return memchr(host, '.', n - 2) && cq_ends_with_ci(server, suffix) ? 2 : 0;
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
	if (!l->filter)
		return 1;
	const char *f = l->filter;
	if (span_starts_ci(f, strlen(f), "Domain:target="))
		f += strlen("Domain:target=");
	size_t n = strlen(f);
	if (n && f[n - 1] == '*')
		return span_starts_ci(server, strlen(server), arena_strndup_unused(f)) ? 1 : 0;
	return str_eq_ci(f, server);
}
