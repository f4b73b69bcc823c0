/* Small helpers for the PowerShell-area to_json functions (json-c). */
#ifndef MDT_PSJSON_H
#define MDT_PSJSON_H

#include <json-c/json.h>

static inline void psj_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

/* -1 -> null, else a boolean */
static inline void psj_tri(struct json_object *o, const char *k, int v)
{
	json_object_object_add(o, k, v < 0 ? NULL : json_object_new_boolean(v != 0));
}

static inline void psj_int(struct json_object *o, const char *k, long long v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

/* negative -> null */
static inline void psj_int_or_null(struct json_object *o, const char *k, long long v)
{
	json_object_object_add(o, k, v < 0 ? NULL : json_object_new_int64(v));
}

#endif
