/* cmdkey /list -> saved credentials and the listing itself (an empty or
 * filtered listing is evidence too: "no credential for this server"). */
#include "case.h"

#include "../parsers/cmdkey.h"

static enum cred_type cred_type_of(enum cmdkey_type t)
{
	switch (t) {
	case CMDKEY_TYPE_UNKNOWN: return CRED_UNKNOWN;
	case CMDKEY_TYPE_DOMAIN_PASSWORD: return CRED_DOMAIN_PASSWORD;
	case CMDKEY_TYPE_GENERIC: return CRED_GENERIC;
	case CMDKEY_TYPE_DOMAIN_CERTIFICATE: return CRED_DOMAIN_CERTIFICATE;
	case CMDKEY_TYPE_GENERIC_CERTIFICATE: return CRED_GENERIC_CERTIFICATE;
	case CMDKEY_TYPE_DOMAIN_EXTENDED: return CRED_DOMAIN_EXTENDED;
	case CMDKEY_TYPE_OTHER: return CRED_OTHER;
	}
	return CRED_UNKNOWN;
}

void facts_cmdkey(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct cmdkey_list *r = result;
	if (!r)
		return;
	for (size_t i = 0; i < r->entries.n; i++) {
		const struct cmdkey_entry *e = &r->entries.v[i];
		struct f_cred *c = VEC_PUSH(cm->arena, &cm->creds);
		if (!c)
			return;
		c->target = e->target;
		c->target_kind = e->target_kind;
		c->host = e->host;
		c->type = cred_type_of(e->type);
		c->user = e->user;
		c->persistence = e->persistence;
		c->ev = fact_evidence(cm, src, e->line);
	}
	if (!r->listing)
		return; /* only "CMDKEY: Credential added" lines: no listing seen */
	struct f_cred_listing *l = VEC_PUSH(cm->arena, &cm->cred_listings);
	if (!l)
		return;
	l->filter = r->filter;
	l->grep = r->grep;
	l->empty = r->empty || r->entries.n == 0;
	uint32_t line = r->header_line ? r->header_line
			: r->empty_line ? r->empty_line
			: r->entries.n	 ? r->entries.v[0].line
					 : 0;
	if (!line && src->seg && src->seg->command_line)
		line = src->seg->command_line; /* `cmdkey /list | findstr /i x` printed nothing */
	l->ev = fact_evidence(cm, src, line);
}
