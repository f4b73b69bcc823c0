/* Registry questions: does a key exist, is it shown absent, or is it simply
 * not covered by what was collected? A key is "absent" only when a listing
 * that would have shown it (reg query of its parent, a recursive query or
 * export of an ancestor, or reg's "unable to find" error) does not. */
#include "casequery.h"

#include <stdlib.h>
#include <string.h>

#include "../parsers/text.h"

int cq_eq(const char *a, const char *b)
{
	return a && b && str_eq_ci(a, b);
}

int cq_ends_with_ci(const char *s, const char *suffix)
{
	if (!s || !suffix)
		return 0;
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && str_eq_ci(s + n - m, suffix);
}

int cq_key_is_ancestor(const char *anc, const char *key)
{
	if (!anc || !key)
		return 0;
	size_t n = strlen(anc);
	if (!span_starts_ci(key, strlen(key), anc))
		return 0;
	return key[n] == '\0' || key[n] == '\\';
}

const char *cq_hku_sid(struct arena *a, const char *key, const char **rest)
{
	if (!key || !span_starts_ci(key, strlen(key), "HKU\\"))
		return NULL;
	const char *s = key + 4, *e = strchr(s, '\\');
	size_t n = e ? (size_t)(e - s) : strlen(s);
	if (n == 0)
		return NULL;
	if (rest)
		*rest = e ? e + 1 : "";
	return arena_strndup(a, s, n);
}

const char *cq_subkey_drive(struct arena *a, const char *key, const char *parent)
{
	if (!cq_key_is_ancestor(parent, key))
		return NULL;
	const char *rest = key + strlen(parent);
	if (*rest != '\\')
		return NULL;
	rest++;
	size_t n = strlen(rest);
	if (n == 0 || n > 2 || strchr(rest, '\\'))
		return NULL;
	return drive_normalize(a, rest, n);
}

int cq_is_user_key(const struct cq *q, const char *key, const char *rel)
{
	if (!key || !rel)
		return 0;
	for (size_t i = 0; i < q->nhives; i++) {
		size_t hn = strlen(q->hives[i]);
		if (span_starts_ci(key, strlen(key), q->hives[i]) && key[hn] == '\\' &&
		    str_eq_ci(key + hn + 1, rel))
			return 1;
	}
	return 0;
}

const char *cq_user_network_drive(const struct cq *q, const char *key)
{
	for (size_t i = 0; i < q->nhives; i++) {
		const char *d = q->net_parents[i] ? cq_subkey_drive(q->a, key, q->net_parents[i]) : NULL;
		if (d)
			return d;
	}
	return NULL;
}

/* Anything recorded at or below `key`: a key line, a value, a listing. */
static const struct evidence *seen_at_or_below(const struct case_model *cm, const char *key)
{
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		if (cq_key_is_ancestor(key, cm->reg_keys.v[i].key))
			return &cm->reg_keys.v[i].ev;
	for (size_t i = 0; i < cm->reg_values.n; i++)
		if (cq_key_is_ancestor(key, cm->reg_values.v[i].key))
			return &cm->reg_values.v[i].ev;
	for (size_t i = 0; i < cm->reg_scopes.n; i++)
		if (cq_key_is_ancestor(key, cm->reg_scopes.v[i].key))
			return &cm->reg_scopes.v[i].ev;
	return NULL;
}

/* Length of the prefix of `key` one level below its ancestor `anc`
 * ("HKCU", "HKCU\Network\L" -> strlen("HKCU\Network")); 0 when none. */
static size_t child_len(const char *anc, const char *key)
{
	size_t n = strlen(anc);
	if (key[n] != '\\')
		return 0;
	const char *next = strchr(key + n + 1, '\\');
	return next ? (size_t)(next - key) : strlen(key);
}

/* Absence of one candidate key: the evidence showing it absent, or NULL. */
static const struct evidence *shown_absent(const struct cq *q, const char *key, const char **how)
{
	const struct case_model *cm = q->cm;
	for (size_t i = 0; i < cm->reg_absent.n; i++) {
		const struct f_reg_absent *ab = &cm->reg_absent.v[i];
		if (!ab->value && cq_key_is_ancestor(ab->key, key)) {
			*how = arena_printf(q->a, "reg reports that %s does not exist", ab->key);
			return &ab->ev;
		}
	}
	/* The children on the way to `key` are prefixes of it: a memo of their
	 * lengths keeps this linear and allocation-free whatever the number of scopes. */
	size_t checked[32];
	size_t nchecked = 0, klen = strlen(key);
	for (size_t i = 0; i < cm->reg_scopes.n; i++) {
		const struct f_reg_scope *s = &cm->reg_scopes.v[i];
		if (!s->key || !cq_key_is_ancestor(s->key, key) || str_eq_ci(s->key, key))
			continue;
		if (s->recursive) {
			*how = arena_printf(q->a, "a recursive listing of %s does not contain it", s->key);
			return &s->ev;
		}
		size_t clen = child_len(s->key, key);
		if (!clen)
			continue;
		if (clen == klen) {
			/* listing of the parent: every subkey shown */
			*how = arena_printf(q->a, "the listing of %s does not contain it", s->key);
			return &s->ev;
		}
		int done = 0;
		for (size_t k = 0; k < nchecked; k++)
			done |= checked[k] == clen;
		if (done || nchecked == sizeof checked / sizeof checked[0])
			continue;
		checked[nchecked++] = clen;
		const char *child = arena_strndup(q->a, key, clen);
		if (child && !seen_at_or_below(cm, child)) {
			/* the intermediate key itself is not there */
			*how = arena_printf(q->a, "the listing of %s has no %s", s->key, child);
			return &s->ev;
		}
	}
	return NULL;
}

static struct cq_key key_state_any(const struct cq *q, const char *const *keys, size_t nk)
{
	struct cq_key r = { TRI_UNKNOWN, NULL, NULL, NULL };
	for (size_t k = 0; k < nk; k++) {
		const struct evidence *ev = seen_at_or_below(q->cm, keys[k]);
		if (ev) {
			r.state = TRI_YES;
			r.ev = ev;
			r.key = keys[k];
			return r;
		}
	}
	for (size_t k = 0; k < nk; k++) {
		const char *how = NULL;
		const struct evidence *ev = shown_absent(q, keys[k], &how);
		if (ev) {
			r.how = how;
			r.state = TRI_NO;
			r.ev = ev;
			r.key = keys[k];
			return r;
		}
	}
	return r;
}

static size_t user_keys(const struct cq *q, const char *rel, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < q->nhives && n < max; i++) {
		const char *k = arena_printf(q->a, "%s\\%s", q->hives[i], rel);
		if (k)
			out[n++] = k;
	}
	return n;
}

struct cq_key cq_key_state(const struct cq *q, const char *key)
{
	return key_state_any(q, &key, 1);
}

struct cq_key cq_user_key_state(const struct cq *q, const char *rel)
{
	const char *keys[CQ_MAX_HIVES];
	size_t n = user_keys(q, rel, keys, CQ_MAX_HIVES);
	return key_state_any(q, keys, n);
}

static const struct f_reg_value *value_any(const struct cq *q, const char *const *keys, size_t nk,
					   const char *name, int *deleted)
{
	const struct f_reg_value *found = NULL;
	for (size_t i = 0; i < q->cm->reg_values.n; i++) {
		const struct f_reg_value *v = &q->cm->reg_values.v[i];
		if (!v->name || !str_eq_ci(v->name, name))
			continue;
		for (size_t k = 0; k < nk; k++)
			if (cq_eq(v->key, keys[k]))
				found = v; /* the last one wins: later files describe later state */
	}
	if (deleted)
		*deleted = found && found->deleted;
	return found;
}

const struct f_reg_value *cq_value(const struct cq *q, const char *key, const char *name)
{
	int del = 0;
	const struct f_reg_value *v = value_any(q, &key, 1, name, &del);
	return del ? NULL : v;
}

const struct f_reg_value *cq_user_value(const struct cq *q, const char *rel, const char *name)
{
	const char *keys[CQ_MAX_HIVES];
	size_t n = user_keys(q, rel, keys, CQ_MAX_HIVES);
	int del = 0;
	const struct f_reg_value *v = value_any(q, keys, n, name, &del);
	return del ? NULL : v;
}

/* Were all values of one of `keys` listed? (reg query of the key, an export or
 * recursive query of an ancestor, or several of its values seen together). */
static const struct evidence *values_listed(const struct cq *q, const char *const *keys, size_t nk)
{
	const struct case_model *cm = q->cm;
	for (size_t i = 0; i < cm->reg_scopes.n; i++) {
		const struct f_reg_scope *s = &cm->reg_scopes.v[i];
		for (size_t k = 0; k < nk; k++)
			if (cq_eq(s->key, keys[k]) || (s->recursive && cq_key_is_ancestor(s->key, keys[k])))
				return &s->ev;
	}
	for (size_t k = 0; k < nk; k++) {
		const struct f_reg_value *first = NULL;
		for (size_t i = 0; i < cm->reg_values.n; i++) {
			const struct f_reg_value *v = &cm->reg_values.v[i];
			if (!cq_eq(v->key, keys[k]) || !v->name)
				continue;
			if (!first)
				first = v;
			else if (!str_eq_ci(first->name, v->name))
				return &first->ev;
		}
	}
	return NULL;
}

enum tri cq_value_state(const struct cq *q, const char *key, const char *name, int user,
			const struct f_reg_value **val, const struct evidence **ev)
{
	const char *keys[CQ_MAX_HIVES];
	size_t nk = user ? user_keys(q, key, keys, CQ_MAX_HIVES) : (keys[0] = key, 1);
	int del = 0;
	const struct f_reg_value *v = value_any(q, keys, nk, name, &del);
	*val = NULL;
	*ev = NULL;
	if (v && !del) {
		*val = v;
		*ev = &v->ev;
		return TRI_YES;
	}
	if (v && del) {
		*ev = &v->ev;
		return TRI_NO;
	}
	struct cq_key ks = key_state_any(q, keys, nk);
	if (ks.state == TRI_NO) {
		*ev = ks.ev;
		return TRI_NO;
	}
	for (size_t i = 0; i < q->cm->reg_absent.n; i++) {
		const struct f_reg_absent *ab = &q->cm->reg_absent.v[i];
		if (!ab->value || !str_eq_ci(ab->value, name))
			continue;
		for (size_t k = 0; k < nk; k++)
			if (cq_eq(ab->key, keys[k])) {
				*ev = &ab->ev;
				return TRI_NO;
			}
	}
	const struct evidence *listed = values_listed(q, keys, nk);
	if (listed) {
		*ev = listed;
		return TRI_NO;
	}
	return TRI_UNKNOWN;
}

int cq_value_number(const struct f_reg_value *v, uint64_t *out)
{
	if (!v || v->deleted)
		return -1;
	if (v->type == REGT_DWORD || v->type == REGT_QWORD || v->type == REGT_DWORD_BE) {
		*out = v->num;
		return 0;
	}
	if (!v->data || !*v->data)
		return -1;
	char *end;
	unsigned long long n = strtoull(v->data, &end, 0);
	while (*end == ' ')
		end++;
	if (end == v->data || *end)
		return -1;
	*out = n;
	return 0;
}

enum tri cq_persistent_default_off(const struct cq *q, const struct evidence **ev)
{
	enum tri r = TRI_UNKNOWN;
	*ev = NULL;
	for (size_t i = 0; i < q->cm->netuse_listings.n; i++) {
		const struct f_netuse_listing *l = &q->cm->netuse_listings.v[i];
		if (l->remembered == TRI_NO) {
			*ev = &l->remembered_ev;
			return TRI_YES;
		}
		if (l->remembered == TRI_YES && r == TRI_UNKNOWN) {
			r = TRI_NO;
			*ev = &l->remembered_ev;
		}
	}
	const struct f_reg_value *v = cq_user_value(q, CQ_REL_PERSISTENT, "SaveConnections");
	if (v && v->data) {
		const char *d = v->data;
		size_t n = strlen(d);
		span_trim(&d, &n);
		if (n == 2 && span_starts_ci(d, n, "no")) {
			*ev = &v->ev;
			return TRI_YES;
		}
		if (n == 3 && span_starts_ci(d, n, "yes") && r == TRI_UNKNOWN) {
			*ev = &v->ev;
			r = TRI_NO;
		}
	}
	return r;
}
