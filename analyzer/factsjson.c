#include "factsjson.h"

#include <json-c/json.h>
#include <string.h>

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static struct json_object *segment_json(const struct segment *seg, int with_facts)
{
	struct json_object *o = json_object_new_object();
	uint32_t first = seg->text.n ? seg->text.v[0].no : 0;
	uint32_t last = seg->text.n ? seg->text.v[seg->text.n - 1].no : 0;
	json_object_object_add(o, "first_line", json_object_new_int64(first));
	json_object_object_add(o, "last_line", json_object_new_int64(last));
	put_str(o, "command", seg->command);
	put_str(o, "kind", seg->kind);
	put_str(o, "status", art_status_name(seg->status));
	put_str(o, "reason", seg->reason);
	if (with_facts && seg->result && seg->parser && seg->parser->to_json)
		json_object_object_add(o, "facts", seg->parser->to_json(seg->result));
	return o;
}

struct json_object *artefact_json(const struct artefact *art, int with_facts)
{
	struct json_object *o = json_object_new_object();
	put_str(o, "path", art->path);
	put_str(o, "kind", art->kind);
	put_str(o, "encoding", art->encoding);
	put_str(o, "language", art->language);
	put_str(o, "status", art_status_name(art->status));
	put_str(o, "reason", art->reason);
	json_object_object_add(o, "bytes", json_object_new_int64((int64_t)art->bytes));
	if (art->redactions.n) {
		struct json_object *r = json_object_new_array();
		for (size_t i = 0; i < art->redactions.n; i++) {
			struct json_object *e = json_object_new_object();
			json_object_object_add(e, "line", json_object_new_int64(art->redactions.v[i].line));
			put_str(e, "what", art->redactions.v[i].what);
			json_object_array_add(r, e);
		}
		json_object_object_add(o, "redactions", r);
	}
	if (art->header) {
		const struct transcript_header *h = art->header;
		struct json_object *e = json_object_new_object();
		put_str(e, "username", h->username);
		put_str(e, "runas_user", h->runas_user);
		put_str(e, "machine", h->machine_name ? h->machine_name : h->machine);
		put_str(e, "os", h->os);
		put_str(e, "ps_version", h->ps_version);
		put_str(e, "start_time", h->start_time);
		json_object_object_add(o, "transcript_header", e);
	}
	if (art->segs.n > 1 || (art->kind && !strcmp(art->kind, "transcript"))) {
		struct json_object *s = json_object_new_array();
		for (size_t i = 0; i < art->segs.n; i++)
			json_object_array_add(s, segment_json(&art->segs.v[i], with_facts));
		json_object_object_add(o, "segments", s);
	} else if (art->segs.n == 1 && with_facts) {
		const struct segment *seg = &art->segs.v[0];
		if (seg->result && seg->parser && seg->parser->to_json)
			json_object_object_add(o, "facts", seg->parser->to_json(seg->result));
	}
	return o;
}

struct json_object *facts_json(const struct artefact_set *set)
{
	struct json_object *root = json_object_new_object();
	put_str(root, "schema", "mdtriage.facts/1");
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < set->items.n; i++)
		json_object_array_add(arr, artefact_json(&set->items.v[i], 1));
	json_object_object_add(root, "artefacts", arr);
	return root;
}
