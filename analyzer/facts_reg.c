/* Facts from the registry parsers: `reg query` output and `.reg` files feed
 * one model (docs/registry.md). Key paths are normalized (HKCU\..., HKLM\...,
 * HKU\<SID>\...); binary data is lowercase hex and numbers "0x..", whichever
 * source printed them. */
#include "case.h"

#include <string.h>

#include "../parsers/regexport.h"
#include "../parsers/regquery.h"
#include "../parsers/regvalue.h"
#include "../parsers/text.h"

static const char *norm(struct case_model *cm, const char *path)
{
	return path ? reg_path_normalize(cm->arena, path, strlen(path)) : NULL;
}

static enum reg_type model_type(uint32_t t)
{
	switch (t) {
	case REGV_NONE: return REGT_NONE;
	case REGV_SZ: return REGT_SZ;
	case REGV_EXPAND_SZ: return REGT_EXPAND_SZ;
	case REGV_BINARY: return REGT_BINARY;
	case REGV_DWORD: return REGT_DWORD;
	case REGV_DWORD_BE: return REGT_DWORD_BE;
	case REGV_LINK: return REGT_LINK;
	case REGV_MULTI_SZ: return REGT_MULTI_SZ;
	case REGV_QWORD: return REGT_QWORD;
	default: return REGT_OTHER;
	}
}

static void add_key(struct case_model *cm, const struct fact_src *src, const char *key, uint32_t line)
{
	if (!key)
		return;
	struct f_reg_key *k = VEC_PUSH(cm->arena, &cm->reg_keys);
	if (k) {
		k->key = key;
		k->ev = fact_evidence(cm, src, line);
	}
}

static void add_scope(struct case_model *cm, const struct fact_src *src, const char *key,
		      int recursive, uint32_t line)
{
	if (!key)
		return;
	struct f_reg_scope *s = VEC_PUSH(cm->arena, &cm->reg_scopes);
	if (s) {
		s->key = key;
		s->recursive = recursive;
		s->ev = fact_evidence(cm, src, line);
	}
}

static void add_absent(struct case_model *cm, const struct fact_src *src, const char *key,
		       const char *value, uint32_t line)
{
	struct f_reg_absent *ab = VEC_PUSH(cm->arena, &cm->reg_absent);
	if (ab) {
		ab->key = key;
		ab->value = value;
		ab->ev = fact_evidence(cm, src, line);
	}
}

static struct f_reg_value *add_value(struct case_model *cm, const struct fact_src *src,
				     const char *key, const char *name, uint32_t line)
{
	if (!key || !name)
		return NULL;
	struct f_reg_value *v = VEC_PUSH(cm->arena, &cm->reg_values);
	if (!v)
		return NULL;
	v->key = key;
	v->name = name;
	v->ev = fact_evidence(cm, src, line);
	return v;
}

/* "2>$null", "2> nul", "*>$null": the error stream of the command was thrown away. */
static int stderr_discarded(const char *cmd)
{
	if (!cmd)
		return 0;
	for (const char *p = cmd; (p = strchr(p, '>')) != NULL; p++) {
		if (p == cmd || (p[-1] != '2' && p[-1] != '*'))
			continue;
		const char *q = p + 1;
		while (*q == ' ')
			q++;
		if (span_starts_ci(q, strlen(q), "$null") || span_starts_ci(q, strlen(q), "nul"))
			return 1;
	}
	return 0;
}

/* Did the segment print nothing at all? */
static int printed_nothing(const struct fact_src *src)
{
	if (!src->seg)
		return 0;
	for (size_t i = 0; i < src->seg->text.n; i++)
		if (!line_is_blank(&src->seg->text.v[i]))
			return 0;
	return 1;
}

/* Per query: a "not found" error is an absence (of the queried key, or of
 * its /v value; of something unknown when the command is not known); a full
 * listing (no /v, /f or filter) is a scope. A query that printed nothing
 * proves no key: with its errors thrown away (the guide's
 * `reg query HKCU\Network 2>$null`) the key is not there; otherwise it has
 * no value and no subkey, which no drive key is. */
void facts_regquery(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct regquery_result *r = result;
	if (!r)
		return;
	for (size_t i = 0; i < r->keys.n; i++)
		add_key(cm, src, norm(cm, r->keys.v[i].path), r->keys.v[i].line);
	for (size_t i = 0; i < r->values.n; i++) {
		const struct regq_value *rv = &r->values.v[i];
		if (rv->not_set)
			continue; /* "(value not set)": the default value does not exist */
		struct f_reg_value *v = add_value(cm, src, norm(cm, rv->key), rv->name, rv->line);
		if (!v)
			continue;
		v->type = rv->type == REGV_UNKNOWN ? REGT_OTHER : model_type(rv->type);
		v->data = rv->data;
		v->num = rv->num;
	}
	/* errors and keys are in query order: walk them alongside */
	size_t ei = 0, ki = 0;
	for (size_t qi = 0; qi < r->queries.n; qi++) {
		const struct regq_query *q = &r->queries.v[qi];
		const char *key = norm(cm, q->key);
		int not_found = 0;
		for (; ei < r->errors.n && r->errors.v[ei].query <= qi; ei++) {
			const struct regq_error *err = &r->errors.v[ei];
			if (err->query != qi || err->kind != REGQ_ERR_NOT_FOUND)
				continue;
			not_found = 1;
			/* key is NULL when the command is not known */
			add_absent(cm, src, key, key ? q->value : NULL, err->line);
		}
		uint32_t first = 0;
		for (; ki < r->keys.n && r->keys.v[ki].query <= qi; ki++)
			if (r->keys.v[ki].query == qi && !first)
				first = r->keys.v[ki].line;
		if (not_found || !key)
			continue;
		if (r->queries.n == 1 && !r->keys.n && !r->values.n && !r->errors.n && printed_nothing(src)) {
			uint32_t cl = src->seg->command_line;
			if (stderr_discarded(q->command ? q->command : src->seg->command))
				add_absent(cm, src, key, q->value, cl);
			else if (!q->value)
				add_scope(cm, src, key, q->recursive, cl);
			continue;
		}
		if (q->value && q->recursive && q->matches == 0) {
			/* reg query K /v X /s: "End of search: 0 match(es)": X is nowhere below K */
			add_absent(cm, src, key, q->value, q->matches_line);
			continue;
		}
		if (!q->listing)
			continue;
		/* a full listing: the key exists (a key without values is not printed
		 * itself), and every subkey (or descendant) it has is shown. Cite the
		 * command when it is known: the prompt line of the segment for the
		 * first query, the embedded prompt for later ones. */
		uint32_t line = q->inferred ? (first ? first : q->line) : (q->line ? q->line : first);
		if (!q->inferred && qi == 0 && src->seg && src->seg->command_line &&
		    regquery_is_command(src->seg->command))
			line = src->seg->command_line;
		add_key(cm, src, key, line);
		add_scope(cm, src, key, q->recursive, line);
	}
}

/* key is anc or below it */
static int under(const char *anc, const char *key)
{
	size_t n = strlen(anc), m = strlen(key);
	if (m < n || !span_starts_ci(key, m, anc))
		return 0;
	return m == n || key[n] == '\\';
}

/* Exports are written parent first: each key is below the root before it,
 * or starts a new root (an "export all" has one per hive). A file with more
 * roots than that is not one export and gets no scope. */
#define MAX_EXPORT_ROOTS 8

void facts_regexport(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct regexport_result *r = result;
	if (!r)
		return;
	const char *roots[MAX_EXPORT_ROOTS];
	uint32_t root_lines[MAX_EXPORT_ROOTS];
	size_t nroots = 0;
	int too_many = 0;
	/* what the file shows exists; a deletion line is not evidence of existence */
	for (size_t i = 0; i < r->keys.n; i++) {
		const struct regx_key *k = &r->keys.v[i];
		if (k->deleted)
			continue;
		const char *key = norm(cm, k->path);
		if (!key)
			continue;
		add_key(cm, src, key, k->line);
		if (nroots && under(roots[nroots - 1], key))
			continue;
		if (nroots == MAX_EXPORT_ROOTS) {
			too_many = 1;
			continue;
		}
		roots[nroots] = key;
		root_lines[nroots++] = k->line;
	}
	for (size_t i = 0; i < r->values.n; i++) {
		const struct regx_value *rv = &r->values.v[i];
		struct f_reg_value *v = add_value(cm, src, norm(cm, rv->key), rv->name, rv->line);
		if (!v)
			continue;
		v->deleted = rv->deleted;
		if (rv->deleted)
			continue;
		v->type = model_type(rv->type);
		v->data = rv->data;
		v->num = rv->num;
	}
	/* an export lists every descendant of the key it was taken from */
	if (r->export_like && !too_many)
		for (size_t j = 0; j < nroots; j++)
			add_scope(cm, src, roots[j], 1, root_lines[j]);
}
