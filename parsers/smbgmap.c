/* smb-global-mapping: Get-SmbGlobalMapping / Get-SmbMapping objects in any
 * PowerShell shape -> struct smbgmap_result. */
#include "smbgmap.h"

#include <string.h>

#include "arena.h"
#include "parser.h"
#include "psjson.h"

static const char *const status_names[] = {
	"OK", "Paused", "Disconnected", "NetworkError", "Connecting", "Reconnecting", "Unavailable",
};

const char *smb_status_name(int value)
{
	return value >= 0 && value <= 6 ? status_names[value] : NULL;
}

int smb_status_value(const char *text)
{
	if (!text || !*text)
		return -1;
	if (text[0] >= '0' && text[0] <= '9') {
		int v = 0;
		for (const char *p = text; *p; p++) {
			if (*p < '0' || *p > '9' || v > 100)
				return -1;
			v = v * 10 + (*p - '0');
		}
		return v <= 6 ? v : -1;
	}
	for (int i = 0; i <= 6; i++)
		if (ps_name_eq(text, strlen(text), status_names[i]))
			return i; /* "Network Error" too: spaces are ignored */
	return -1;
}

static int names_cmdlet(const char *cmd, int *global)
{
	if (ps_command_names(cmd, "Get-SmbGlobalMapping") || ps_command_names(cmd, "New-SmbGlobalMapping")) {
		*global = 1;
		return 1;
	}
	if (ps_command_names(cmd, "Get-SmbMapping") || ps_command_names(cmd, "New-SmbMapping")) {
		*global = 0;
		return 1;
	}
	return 0;
}

static int listing_cmdlet(const char *cmd)
{
	return ps_command_names(cmd, "Get-SmbGlobalMapping") || ps_command_names(cmd, "Get-SmbMapping");
}

/* New-SmbGlobalMapping / New-SmbMapping print the one object they made (en §7.1). A
 * pipeline that also lists ("New-... ; Get-SmbGlobalMapping") counts as a listing. */
static int creating_cmdlet(const char *cmd)
{
	return !listing_cmdlet(cmd) &&
	       (ps_command_names(cmd, "New-SmbGlobalMapping") || ps_command_names(cmd, "New-SmbMapping"));
}

/* Does the listing command select some mappings only? "Get-SmbGlobalMapping -LocalPath Z:",
 * "Get-SmbGlobalMapping Z:", "... | Where-Object LocalPath -eq 'Z:'", "... | ? {...}",
 * "... | Select-Object -First 1". Formatting stages (fl, ft, Select-Object *) are not. */
static int filtering_command(const char *cmd)
{
	if (!cmd)
		return 0;
	long at = -1;
	size_t len = strlen(cmd);
	static const char *const names[] = { "Get-SmbGlobalMapping", "Get-SmbMapping" };
	for (size_t i = 0; i < 2 && at < 0; i++) {
		long p = span_find_ci(cmd, len, names[i]);
		if (p >= 0 && ps_command_names(cmd, names[i]))
			at = p + (long)strlen(names[i]);
	}
	if (at < 0)
		return 0;
	const char *p = cmd + at;
	/* the cmdlet's own arguments, up to the first pipe */
	int skip_target = 0;
	while (*p && *p != '|' && *p != ';') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '|' || *p == ';')
			break;
		const char *tok = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '|' && *p != ';')
			p++;
		size_t tn = (size_t)(p - tok);
		while (tn && (tok[tn - 1] == '"' || tok[tn - 1] == '\''))
			tn--; /* the closing quote of powershell -Command "Get-SmbGlobalMapping" */
		if (!tn)
			continue;
		if (skip_target) {
			skip_target = 0; /* the file of "> out.txt" */
			continue;
		}
		/* redirections: >, >>, 2>, 2>&1, *>, 2>$null; a bare operator takes the next token */
		size_t k = 0;
		while (k < tn && ((tok[k] >= '0' && tok[k] <= '9') || tok[k] == '*'))
			k++;
		if (k < tn && tok[k] == '>') {
			while (k < tn && tok[k] == '>')
				k++;
			skip_target = k == tn;
			continue;
		}
		if (tok[0] != '-')
			return 1; /* a positional path */
		if (span_starts_ci(tok, tn, "-LocalPath") || span_starts_ci(tok, tn, "-RemotePath") ||
		    span_starts_ci(tok, tn, "-CimSession"))
			return 1;
	}
	/* later pipeline stages (a ';' ends the statement) */
	while (*p == '|') {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t rest = strlen(p);
		if (span_starts_ci(p, rest, "Where-Object") || span_starts_ci(p, rest, "where ") ||
		    span_starts_ci(p, rest, "where{") || span_starts_ci(p, rest, "?") ||
		    (span_starts_ci(p, rest, "Select-Object") && span_find_ci(p, rest, "-First") >= 0) ||
		    (span_starts_ci(p, rest, "select ") && span_find_ci(p, rest, "-First") >= 0))
			return 1;
		while (*p && *p != '|' && *p != ';')
			p++;
	}
	return 0;
}

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
	int b = BID_NONE, g;
	if (s.shape == PS_SHAPE_CLIXML &&
	    (ps_sniff_type_has(&s, "MSFT_SmbGlobalMapping") || ps_sniff_type_has(&s, "MSFT_SmbMapping")))
		b = BID_CERTAIN;
	else if (ps_sniff_has(&s, "LocalPath") && ps_sniff_has(&s, "RemotePath"))
		b = ps_sniff_has(&s, "Status") ? BID_STRONG + 10 : BID_STRONG;
	if (names_cmdlet(ctx->command, &g)) {
		if (b)
			b += 10;
		else if (listing_cmdlet(ctx->command) && all_blank(t))
			b = BID_STRONG; /* "no mappings" is an answer too */
	}
	return b > BID_CERTAIN ? BID_CERTAIN : b;
}

static int tri_of(const struct ps_object *o, const char *name)
{
	return ps_bool(ps_get(o, name));
}

/* Which cmdlet printed it: the command line decides, then the object type. */
static void decide_global(struct smbgmap_result *r, const struct parse_ctx *ctx,
			  const struct ps_objects *po)
{
	int g;
	r->global = 1;
	r->global_from = "default";
	if (names_cmdlet(ctx->command, &g)) {
		r->global = g;
		r->global_from = "command";
		return;
	}
	for (size_t i = 0; po && i < po->n; i++) {
		const struct ps_object *o = &po->v[i];
		const struct ps_value *cc = ps_get(o, "CimClass");
		const char *ty = o->type_name ? o->type_name : cc ? cc->value : NULL;
		if (!ty)
			continue;
		if (span_find_ci(ty, strlen(ty), "MSFT_SmbGlobalMapping") >= 0) {
			r->global = 1;
			r->global_from = "type";
			return;
		}
		if (span_find_ci(ty, strlen(ty), "MSFT_SmbMapping") >= 0) {
			r->global = 0;
			r->global_from = "type";
			return;
		}
	}
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct smbgmap_result *r = arena_alloc(ctx->arena, sizeof *r);
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	if (all_blank(t)) {
		if (!listing_cmdlet(ctx->command)) {
			ctx->reason = "empty output";
			return PARSE_FAILED;
		}
		decide_global(r, ctx, NULL);
		r->filtered = filtering_command(ctx->command);
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
	r->created = creating_cmdlet(ctx->command);
	r->filtered = filtering_command(ctx->command);
	decide_global(r, ctx, &po);
	r->v = arena_alloc(ctx->arena, (po.n ? po.n : 1) * sizeof *r->v);
	if (!r->v) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	for (size_t i = 0; i < po.n; i++) {
		const struct ps_object *o = &po.v[i];
		const struct ps_value *lp = ps_get(o, "LocalPath"), *rp = ps_get(o, "RemotePath");
		const struct ps_value *st = ps_get(o, "Status");
		if (!lp && !rp)
			continue; /* some other object in the same output */
		struct smbgmap_entry *e = &r->v[r->n++];
		e->local = lp ? lp->value : NULL;
		e->remote = rp ? rp->value : NULL;
		e->truncated = (lp && lp->truncated) || (rp && rp->truncated);
		e->line = lp ? lp->line : rp->line;
		e->status_code = -1;
		e->status_value = -1;
		if (st) {
			e->status_text = st->value;
			if (st->has_num && st->num >= 0 && st->num < 1000)
				e->status_code = (int)st->num;
			else if (st->value && st->value[0] >= '0' && st->value[0] <= '9')
				e->status_code = smb_status_value(st->value);
			/* the number decides; else the name (enum ToString, table text) */
			e->status_value = e->status_code >= 0 && e->status_code <= 6
						  ? e->status_code
						  : smb_status_value(st->value);
		}
		e->require_integrity = tri_of(o, "RequireIntegrity");
		e->require_privacy = tri_of(o, "RequirePrivacy");
		e->use_write_through = tri_of(o, "UseWriteThrough");
	}
	*out = r;
	if (r->n == 0) {
		ctx->reason = "no object with LocalPath/RemotePath";
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
	const struct smbgmap_result *r = res;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "global", json_object_new_boolean(r->global));
	psj_str(o, "global_from", r->global_from);
	json_object_object_add(o, "created", json_object_new_boolean(r->created));
	json_object_object_add(o, "filtered", json_object_new_boolean(r->filtered));
	psj_str(o, "shape", r->shape == PS_SHAPE_NONE ? "empty" : ps_shape_name(r->shape));
	psj_int(o, "line", r->line);
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct smbgmap_entry *e = &r->v[i];
		struct json_object *m = json_object_new_object();
		psj_str(m, "local", e->local);
		psj_str(m, "remote", e->remote);
		psj_str(m, "status_text", e->status_text);
		psj_str(m, "status", smb_status_name(e->status_value));
		psj_int_or_null(m, "status_code", e->status_code);
		psj_tri(m, "require_integrity", e->require_integrity);
		psj_tri(m, "require_privacy", e->require_privacy);
		psj_tri(m, "use_write_through", e->use_write_through);
		json_object_object_add(m, "truncated", json_object_new_boolean(e->truncated));
		psj_int(m, "line", e->line);
		json_object_array_add(arr, m);
	}
	json_object_object_add(o, "mappings", arr);
	return o;
}

const struct parser smbgmap_parser = { "smb-global-mapping", bid, parse, to_json };
