/* Facts from PowerShell's registry views (ps-registry): the same registry
 * model as `reg query` (docs/registry.md). PowerShell prints REG_DWORD in
 * decimal: numbers become "0x..." like reg query's; "{...}" lists (binary or
 * multi-string, possibly cut) keep their printed text with an unknown type. */
#include <inttypes.h>
#include <string.h>

#include "../parsers/psreg.h"
#include "case.h"

static const char *norm(struct case_model *cm, const char *path)
{
	return path ? reg_path_normalize(cm->arena, path, strlen(path)) : NULL;
}

void facts_psreg(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct psreg_result *r = result;
	if (!r)
		return;
	for (size_t i = 0; i < r->keys.n; i++) {
		struct f_reg_key *k = VEC_PUSH(cm->arena, &cm->reg_keys);
		if (!k)
			return;
		k->key = norm(cm, r->keys.v[i].path);
		k->ev = fact_evidence(cm, src, r->keys.v[i].line);
	}
	for (size_t i = 0; i < r->values.n; i++) {
		const struct psreg_value *pv = &r->values.v[i];
		struct f_reg_value *v = VEC_PUSH(cm->arena, &cm->reg_values);
		if (!v)
			return;
		v->key = norm(cm, pv->key);
		v->name = pv->name;
		v->ev = fact_evidence(cm, src, pv->line);
		switch (pv->kind) {
		case PSREG_NUMBER:
			v->type = pv->num > 0xffffffffu ? REGT_QWORD : REGT_DWORD;
			v->num = pv->num;
			v->data = arena_printf(cm->arena, "0x%" PRIx64, pv->num);
			break;
		case PSREG_LIST:
			v->type = REGT_OTHER;
			v->data = pv->data;
			break;
		default:
			v->type = REGT_SZ;
			v->data = pv->data;
		}
	}
	for (size_t i = 0; i < r->missing.n; i++) {
		struct f_reg_absent *ab = VEC_PUSH(cm->arena, &cm->reg_absent);
		if (!ab)
			return;
		ab->key = norm(cm, r->missing.v[i].path);
		ab->value = NULL;
		ab->ev = fact_evidence(cm, src, r->missing.v[i].line);
	}
	for (size_t i = 0; i < r->listings.n; i++) {
		struct f_reg_scope *s = VEC_PUSH(cm->arena, &cm->reg_scopes);
		if (!s)
			return;
		s->key = norm(cm, r->listings.v[i].path);
		s->recursive = 0;
		s->ev = fact_evidence(cm, src, r->listings.v[i].line);
	}
}
