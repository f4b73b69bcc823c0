/* Command lines as facts: the commands of a script (kind `script`), and the
 * command line of every transcript or paste segment (facts_command_line).
 * Each command of interest becomes one f_command with its evidence line;
 * its outcome (error_code) is linked later by case.c from the errors
 * printed after it. */
#include <string.h>

#include "../parsers/cmdline.h"
#include "../parsers/script.h"
#include "case.h"

/* How far back a transcript is searched for `$Creds = …` (segments). */
#define CRED_LOOKBACK 200

static int cmd_kind_of(enum cl_kind k, enum cmd_kind *out)
{
	switch (k) {
	case CL_NET_USE: *out = CMD_NET_USE; return 1;
	case CL_NET_USE_DELETE: *out = CMD_NET_USE_DELETE; return 1;
	case CL_NET_USE_QUERY: *out = CMD_NET_USE_QUERY; return 1;
	case CL_NET_USE_PERSISTENT: *out = CMD_NET_USE_PERSISTENT; return 1;
	case CL_CMDKEY_ADD: *out = CMD_CMDKEY_ADD; return 1;
	case CL_CMDKEY_DELETE: *out = CMD_CMDKEY_DELETE; return 1;
	case CL_CMDKEY_LIST: *out = CMD_CMDKEY_LIST; return 1;
	case CL_NEW_GMAP: *out = CMD_NEW_GMAP; return 1;
	case CL_REMOVE_GMAP: *out = CMD_REMOVE_GMAP; return 1;
	case CL_NEW_SMBMAPPING: *out = CMD_NEW_SMBMAPPING; return 1;
	case CL_OTHER: *out = CMD_OTHER; return 1;
	default: return 0; /* credentials, assignments, unknown commands */
	}
}

static enum tri tri_of(int v)
{
	return v == 1 ? TRI_YES : v == 0 ? TRI_NO : TRI_UNKNOWN;
}

static void add_command(struct case_model *cm, const struct fact_src *src, const struct cl_command *c,
			const char *cred_user, uint32_t line_no)
{
	enum cmd_kind k;
	if (!cmd_kind_of(c->kind, &k))
		return;
	struct f_command *f = VEC_PUSH(cm->arena, &cm->commands);
	if (!f)
		return;
	memset(f, 0, sizeof *f);
	f->kind = k;
	f->text = c->text;
	/* a drive still written as a variable ($Drive) is not known */
	f->drive = c->drive && c->drive[0] != '$' && c->drive[0] != '%' ? c->drive : NULL;
	f->remote = c->remote;
	f->target = c->kind == CL_OTHER || c->kind == CL_CMDKEY_ADD || c->kind == CL_CMDKEY_DELETE ||
				    c->kind == CL_CMDKEY_LIST
			    ? c->target
			    : NULL;
	f->persistent = tri_of(c->persistent);
	f->savecred = c->savecred;
	f->user = c->user;
	if (!f->user && cred_user)
		f->user = cred_user;
	if (!f->user && c->credential)
		f->user = "(credential)";
	f->password_given = c->password_given;
	f->error_code = -1;
	f->ev = fact_evidence(cm, src, line_no);
}

void facts_script(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct script_result *r = result;
	if (!r)
		return;
	for (size_t i = 0; i < r->commands.n; i++) {
		const struct script_command *sc = &r->commands.v[i];
		add_command(cm, src, &sc->cmd, sc->cred_user, sc->line);
	}
}

/* A transcript runs `$Creds = New-Object PSCredential …` at one prompt and
 * `New-SmbGlobalMapping -Credential $Creds` at a later one: look back
 * through the earlier segments of the same artefact for the assignment. */
static const char *user_from_earlier(struct case_model *cm, const struct fact_src *src,
				     const char *var, int depth)
{
	if (!src->art || !src->seg || !var || depth > 2)
		return NULL;
	const struct artefact *art = src->art;
	size_t here = (size_t)(src->seg - art->segs.v);
	if (here > art->segs.n)
		return NULL;
	size_t seen = 0;
	for (size_t i = here; i-- > 0 && seen < CRED_LOOKBACK; seen++) {
		const char *cmd = art->segs.v[i].command;
		if (!cmd || !strchr(cmd, '='))
			continue;
		cl_command_vec v = { 0 };
		if (cmdline_parse(cm->arena, cmd, strlen(cmd), CL_PS, &v) != 0)
			return NULL;
		for (size_t j = v.n; j-- > 0;) {
			const struct cl_command *c = &v.v[j];
			if (!c->assign_to || !str_eq_ci(c->assign_to, var))
				continue;
			struct fact_src at = { art, &art->segs.v[i] };
			switch (c->kind) {
			case CL_ASSIGN:
				return c->value;
			case CL_GET_CREDENTIAL:
			case CL_NEW_PSCREDENTIAL:
				if (c->user)
					return c->user;
				return c->user_var ? user_from_earlier(cm, &at, c->user_var, depth + 1) : NULL;
			default:
				return NULL;
			}
		}
	}
	return NULL;
}

void facts_command_line(struct case_model *cm, const struct fact_src *src, const char *command,
			uint32_t line_no)
{
	if (!command || !*command)
		return;
	cl_command_vec v = { 0 };
	if (cmdline_parse(cm->arena, command, strlen(command), CL_AUTO, &v) != 0)
		return;
	for (size_t i = 0; i < v.n; i++) {
		const struct cl_command *c = &v.v[i];
		const char *cred_user = NULL;
		if (c->credential && c->credential[0] == '$') {
			const char *name = c->credential + 1;
			cred_user = user_from_earlier(cm, src, name, 0);
		} else if (c->credential && c->credential[0] == '(') {
			cl_command_vec in = { 0 };
			if (cmdline_parse(cm->arena, c->credential, strlen(c->credential), CL_PS, &in) == 0)
				for (size_t j = 0; j < in.n; j++)
					if ((in.v[j].kind == CL_GET_CREDENTIAL ||
					     in.v[j].kind == CL_NEW_PSCREDENTIAL) && in.v[j].user)
						cred_user = in.v[j].user;
		}
		add_command(cm, src, c, cred_user, line_no);
	}
}
