/* smb-connection: Get-SmbConnection objects in any PowerShell shape ->
 * struct smbconn_result. An empty output of a Get-SmbConnection command
 * (typically filtered with Where-Object) is a listing with no connection. */
#include "smbconn.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "psjson.h"

static int all_blank(const struct lines *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (!line_is_blank(&t->v[i]))
			return 0;
	return 1;
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	struct ps_sniff s;
	psobj_sniff(t, &s);
	int b = BID_NONE;
	if (s.shape == PS_SHAPE_CLIXML && ps_sniff_type_has(&s, "MSFT_SmbConnection"))
		b = BID_CERTAIN;
	else if (ps_sniff_has(&s, "ServerName") && ps_sniff_has(&s, "ShareName"))
		b = (ps_sniff_has(&s, "Dialect") || ps_sniff_has(&s, "NumOpens")) ? BID_STRONG + 10
										  : BID_LIKELY;
	if (ps_command_names(ctx->command, "Get-SmbConnection")) {
		if (b)
			b += 10;
		else if (all_blank(t))
			b = BID_STRONG;
	}
	return b > BID_CERTAIN ? BID_CERTAIN : b;
}

static const char *val(const struct ps_object *o, const char *name, int *cut, int bit)
{
	const struct ps_value *v = ps_get(o, name);
	if (!v)
		return NULL;
	if (v->truncated)
		*cut |= bit;
	return v->value;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct smbconn_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	if (all_blank(t)) {
		if (!ps_command_names(ctx->command, "Get-SmbConnection")) {
			ctx->reason = "empty output";
			return PARSE_FAILED;
		}
		*out = r;
		return PARSE_OK;
	}
	struct ps_objects po;
	if (psobj_read(ctx->arena, t, &po) != 0) {
		ctx->reason = po.reason ? po.reason : "out of memory";
		return PARSE_FAILED;
	}
	r->shape = po.shape;
	r->line = po.first_line;
	r->v = arena_alloc(ctx->arena, (po.n ? po.n : 1) * sizeof *r->v);
	if (!r->v) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	for (size_t i = 0; i < po.n; i++) {
		const struct ps_object *o = &po.v[i];
		const struct ps_value *sv = ps_get(o, "ServerName");
		if (!sv)
			continue;
		struct smbconn_entry *e = &r->v[r->n++];
		int cut = 0;
		e->server = val(o, "ServerName", &cut, SMBCONN_CUT_SERVER);
		e->share = val(o, "ShareName", &cut, SMBCONN_CUT_SHARE);
		e->user = val(o, "UserName", &cut, SMBCONN_CUT_USER);
		e->credential = val(o, "Credential", &cut, SMBCONN_CUT_CREDENTIAL);
		e->dialect = val(o, "Dialect", &cut, SMBCONN_CUT_DIALECT);
		e->truncated = cut;
		e->line = sv->line;
		const struct ps_value *no = ps_get(o, "NumOpens");
		e->num_opens = -1;
		if (no && no->has_num)
			e->num_opens = no->num;
		else if (no && no->value && no->value[0] >= '0' && no->value[0] <= '9')
			e->num_opens = strtoll(no->value, NULL, 10);
		e->encrypted = ps_bool(ps_get(o, "Encrypted"));
		e->signing = ps_bool(ps_get(o, "Signed"));
		e->continuously_available = ps_bool(ps_get(o, "ContinuouslyAvailable"));
		e->redirected = ps_bool(ps_get(o, "Redirected"));
		const struct ps_value *si = ps_get(o, "SmbInstance");
		e->smb_instance = si ? si->value : NULL;
	}
	*out = r;
	if (r->n == 0) {
		ctx->reason = "no object with ServerName";
		return PARSE_PARTIAL;
	}
	if (po.partial) {
		ctx->reason = po.reason;
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static struct json_object *to_json(const void *res)
{
	const struct smbconn_result *r = res;
	struct json_object *o = json_object_new_object();
	psj_str(o, "shape", r->shape == PS_SHAPE_NONE ? "empty" : ps_shape_name(r->shape));
	psj_int(o, "line", r->line);
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct smbconn_entry *e = &r->v[i];
		struct json_object *m = json_object_new_object();
		psj_str(m, "server", e->server);
		psj_str(m, "share", e->share);
		psj_str(m, "user", e->user);
		psj_str(m, "credential", e->credential);
		psj_str(m, "dialect", e->dialect);
		psj_int_or_null(m, "num_opens", e->num_opens);
		psj_tri(m, "encrypted", e->encrypted);
		psj_tri(m, "signed", e->signing);
		psj_tri(m, "continuously_available", e->continuously_available);
		psj_tri(m, "redirected", e->redirected);
		psj_str(m, "smb_instance", e->smb_instance);
		struct json_object *cut = json_object_new_array();
		static const char *const names[] = { "server", "share", "user", "credential", "dialect" };
		for (int b = 0; b < 5; b++)
			if (e->truncated & (1 << b))
				json_object_array_add(cut, json_object_new_string(names[b]));
		json_object_object_add(m, "truncated", cut);
		psj_int(m, "line", e->line);
		json_object_array_add(arr, m);
	}
	json_object_object_add(o, "connections", arr);
	return o;
}

const struct parser smbconn_parser = { "smb-connection", bid, parse, to_json };
