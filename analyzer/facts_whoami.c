/* Who and where: whoami -> f_identity; systeminfo and ipconfig -> f_host;
 * a transcript header -> both (DESIGN §4 rule 7 names it as a domain source).
 * Comparing a user's domain part with the computer name (local account) and
 * a UNC server with the AD domain (DFS namespace) is the engine's job: the
 * facts only carry what each output printed. */
#include "case.h"

#include <string.h>

#include "../parsers/text.h"


#include "../parsers/ipconfig.h"
#include "../parsers/sysinfo.h"
#include "../parsers/whoami.h"

static enum tri tri_of(int v)
{
	return v < 0 ? TRI_UNKNOWN : v ? TRI_YES : TRI_NO;
}

void facts_whoami(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct whoami_result *r = result;
	if (!r || (!r->user && !r->sid && !r->groups.n))
		return;
	struct f_identity *id = VEC_PUSH(cm->arena, &cm->identities);
	if (!id)
		return;
	id->user = r->user;
	id->sid = r->sid;
	id->local_account = tri_of(r->local_account);
	id->elevated = tri_of(r->elevated);
	id->integrity = r->integrity;
	id->admin_filtered = tri_of(r->admin_filtered);
	uint32_t line = r->user_line ? r->user_line
			: r->integrity_line ? r->integrity_line
			: r->groups.n	    ? r->groups.v[0].line
					    : 0;
	id->ev = fact_evidence(cm, src, line);
}

void facts_sysinfo(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct sysinfo_result *r = result;
	if (!r || (!r->host.value && !r->domain.value))
		return;
	struct f_host *h = VEC_PUSH(cm->arena, &cm->hosts);
	if (!h)
		return;
	h->computer = r->host.value;
	h->domain = r->domain.value;
	h->os = r->os_name.value;
	h->domain_joined = tri_of(r->domain_joined);
	/* a joined machine's Domain line is its AD DNS domain, which is also its
	 * primary DNS suffix unless someone set a disjoint one */
	h->netbios_domain = NULL;
	h->dns_suffix = NULL;
	h->ev = fact_evidence(cm, src, r->host.line ? r->host.line : r->domain.line);
}

void facts_ipconfig(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct ipconfig_result *r = result;
	if (!r || (!r->host_name && !r->primary_dns_suffix))
		return; /* plain `ipconfig` says nothing about the machine's name */
	struct f_host *h = VEC_PUSH(cm->arena, &cm->hosts);
	if (!h)
		return;
	h->computer = r->host_name;
	/* The primary DNS suffix is usually the AD domain of a joined machine,
	 * but it can be set on a workgroup machine too: it stays a suffix, and
	 * membership stays unknown. */
	h->dns_suffix = r->primary_dns_suffix && *r->primary_dns_suffix ? r->primary_dns_suffix : NULL;
	h->domain = NULL;
	h->domain_joined = TRI_UNKNOWN;
	h->ev = fact_evidence(cm, src, r->host_line ? r->host_line : r->suffix_line);
}

/* The header line (from the header's first line on) that shows `value`, 0 when none. */
static uint32_t header_line_of(const struct artefact *art, uint32_t first, const char *value)
{
	size_t vn = value ? strlen(value) : 0;
	if (!vn)
		return 0;
	for (size_t i = 0; i < art->text.n; i++) {
		const struct line *l = &art->text.v[i];
		if (l->no < first)
			continue;
		if (l->no > first + 40)
			break;
		if (span_find_ci(l->s, l->len, value) >= 0)
			return l->no;
	}
	return 0;
}

void facts_transcript_header(struct case_model *cm, const struct fact_src *src,
			     const struct transcript_header *h)
{
	/* RunAs User is the token that ran the commands (what whoami would print) */
	const char *user = h->runas_user && *h->runas_user ? h->runas_user : h->username;
	if (user && *user && strchr(user, '\\')) {
		struct f_identity *id = VEC_PUSH(cm->arena, &cm->identities);
		if (id) {
			memset(id, 0, sizeof *id);
			id->user = user;
			id->local_account = TRI_UNKNOWN;
			id->elevated = TRI_UNKNOWN;
			id->admin_filtered = TRI_UNKNOWN;
			id->ev = fact_evidence(cm, src, header_line_of(src->art, h->line, user));
		}
	}
	if (h->machine_name && *h->machine_name) {
		struct f_host *ho = VEC_PUSH(cm->arena, &cm->hosts);
		if (ho) {
			memset(ho, 0, sizeof *ho);
			ho->computer = h->machine_name;
			ho->domain_joined = TRI_UNKNOWN;
			ho->ev = fact_evidence(cm, src, header_line_of(src->art, h->line, h->machine_name));
		}
	}
}
