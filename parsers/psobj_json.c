/* ConvertTo-Json output (one object, or an array of objects) -> generic
 * records, through json-c's tokener with a depth cap. json-c keeps no
 * positions, so a separate lexical pass (strings and brackets only, no
 * values) notes on which line each top-level object's keys were printed. */
#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "psobj_int.h"

struct keypos {
	const char *key;   /* points into the joined buffer (not NUL-terminated) */
	size_t len;
	uint32_t line;
	size_t obj;        /* ordinal of the top-level object it belongs to */
};
typedef VEC(struct keypos) keypos_vec;

/* Keys of the objects that are the root, or the root array's elements. */
static int scan_keys(struct arena *a, const char *buf, size_t len, const struct lines *t,
		     size_t first, keypos_vec *keys)
{
	char stack[PS_MAX_DEPTH];
	size_t depth = 0, line = 0, objs = 0;
	int root_array = 0, seen_root = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = buf[i];
		if (ch == '\n') {
			line++;
			continue;
		}
		if (ch == '{' || ch == '[') {
			if (!seen_root) {
				seen_root = 1;
				root_array = ch == '[';
			}
			if (depth >= PS_MAX_DEPTH)
				return 0; /* the tokener refuses this too */
			stack[depth++] = ch;
			if (ch == '{' && depth == (size_t)(root_array ? 2 : 1))
				objs++;
			continue;
		}
		if (ch == '}' || ch == ']') {
			if (depth)
				depth--;
			if (!depth && seen_root)
				return 0;
			continue;
		}
		if (ch != '"')
			continue;
		size_t st = ++i;
		while (i < len && buf[i] != '"') {
			if (buf[i] == '\\' && i + 1 < len)
				i++;
			if (buf[i] == '\n')
				line++; /* not valid JSON, but keep counting */
			i++;
		}
		size_t en = i;
		size_t k = i + 1;
		while (k < len && (buf[k] == ' ' || buf[k] == '\t' || buf[k] == '\r'))
			k++;
		int is_key = k < len && buf[k] == ':';
		if (is_key && depth == (size_t)(root_array ? 2 : 1) && depth && stack[depth - 1] == '{') {
			struct keypos *kp = VEC_PUSH(a, keys);
			if (!kp)
				return -1;
			kp->key = buf + st;
			kp->len = en - st;
			size_t idx = first + line;
			kp->line = idx < t->n ? t->v[idx].no : 0;
			kp->obj = objs ? objs - 1 : 0;
		}
	}
	return 0;
}

/* Keys of one top-level object: keys->v[from..to). */
struct keyrange {
	const keypos_vec *keys;
	size_t from, to;
};

/* Line lookups scan the object's own keys; a hostile object with a huge
 * number of keys gets the object's first line for every value instead. */
#define PS_MAX_KEY_SCAN 4096

static uint32_t key_line(const struct keyrange *r, const char *key, uint32_t dflt)
{
	if (r->to - r->from > PS_MAX_KEY_SCAN)
		return dflt;
	size_t kl = strlen(key);
	for (size_t i = r->from; i < r->to; i++)
		if (r->keys->v[i].len == kl && !memcmp(r->keys->v[i].key, key, kl))
			return r->keys->v[i].line;
	return dflt;
}

static int add_object(struct arena *a, struct ps_objects *out, struct json_object *jo,
		      const struct keyrange *r, uint32_t dflt_line)
{
	uint32_t first = r->from < r->to ? r->keys->v[r->from].line : dflt_line;
	long idx = ps_obj_add(a, out, first);
	if (idx < 0)
		return -1;
	json_object_object_foreach(jo, key, val)
	{
		char *name = arena_strdup(a, key);
		if (!name)
			return -1;
		struct ps_value *v = ps_val_add(a, out, idx, name, NULL, key_line(r, key, first));
		if (!v)
			return -1;
		switch (json_object_get_type(val)) {
		case json_type_null:
			break;
		case json_type_boolean:
			v->value = json_object_get_boolean(val) ? "True" : "False";
			break;
		case json_type_int:
			v->has_num = 1;
			v->num = (long long)json_object_get_int64(val);
			v->value = arena_printf(a, "%lld", v->num);
			break;
		case json_type_double:
			v->value = arena_strdup(a, json_object_to_json_string(val));
			break;
		case json_type_string:
			v->value = span_dup_trim(a, json_object_get_string(val),
						 (size_t)json_object_get_string_len(val));
			break;
		case json_type_object:
		case json_type_array:
			break; /* nested (CimClass, CimInstanceProperties ...): no text form */
		}
		if (json_object_get_type(val) != json_type_null &&
		    json_object_get_type(val) != json_type_object &&
		    json_object_get_type(val) != json_type_array && !v->value)
			return -1;
	}
	return 0;
}

/* The key range of top-level object `ord`, advancing *k (objects come in order). */
static struct keyrange range_of(const keypos_vec *keys, size_t ord, size_t *k)
{
	while (*k < keys->n && keys->v[*k].obj < ord)
		(*k)++;
	struct keyrange r = { keys, *k, *k };
	while (r.to < keys->n && keys->v[r.to].obj == ord)
		r.to++;
	*k = r.to;
	return r;
}

int psobj_read_json(struct arena *a, const struct lines *t, size_t first, struct ps_objects *out)
{
	size_t len;
	char *buf = ps_join_lines(a, t, first, &len);
	if (!buf)
		return -1;
	if (len > INT32_MAX) {
		out->reason = "JSON document too large";
		return -1;
	}
	struct json_tokener *tok = json_tokener_new_ex(PS_MAX_DEPTH / 2);
	if (!tok) {
		out->reason = "out of memory for the JSON reader";
		return -1;
	}
	struct json_object *root = json_tokener_parse_ex(tok, buf, (int)len);
	enum json_tokener_error err = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!root || err != json_tokener_success) {
		if (root)
			json_object_put(root);
		out->reason = "not valid JSON (ConvertTo-Json output expected)";
		return -1;
	}
	keypos_vec keys = { 0 };
	int rc = 0;
	if (scan_keys(a, buf, len, t, first, &keys) != 0) {
		rc = -1;
		goto done;
	}
	out->first_line = t->v[first].no;
	size_t kcur = 0;
	if (json_object_is_type(root, json_type_object)) {
		struct keyrange r = range_of(&keys, 0, &kcur);
		rc = add_object(a, out, root, &r, t->v[first].no);
	} else if (json_object_is_type(root, json_type_array)) {
		size_t n = json_object_array_length(root), ord = 0;
		for (size_t i = 0; i < n && rc == 0; i++) {
			struct json_object *el = json_object_array_get_idx(root, i);
			if (json_object_is_type(el, json_type_object)) {
				struct keyrange r = range_of(&keys, ord++, &kcur);
				rc = add_object(a, out, el, &r, t->v[first].no);
			} else {
				out->partial = 1;
				out->reason = "JSON array holds values that are not objects";
			}
		}
	} else {
		out->reason = "JSON is neither an object nor an array of objects";
		rc = -1;
	}
done:
	json_object_put(root);
	return rc;
}
