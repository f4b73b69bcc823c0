/* Facts adapters for the PowerShell-area kinds: SMB global/per-user
 * mappings, SMB connections, services, Test-Path answers, and the error
 * records of the SMB cmdlets. */
#include "case.h"

#include <string.h>

#include "../parsers/psobj.h"
#include "../parsers/pserror.h"
#include "../parsers/service.h"
#include "../parsers/smbconn.h"
#include "../parsers/smbgmap.h"
#include "../parsers/psreg.h"
#include "../parsers/testpath.h"

/* Line to cite for a whole output: its first line, else the prompt. */
static uint32_t output_line(const struct fact_src *src, uint32_t line)
{
	if (line)
		return line;
	if (src->seg && src->seg->command_line)
		return src->seg->command_line;
	if (src->seg && src->seg->text.n)
		return src->seg->text.v[0].no;
	return 0;
}

static enum conn_status conn_of(int value, const char *text)
{
	static const enum conn_status map[] = {
		CONN_OK, CONN_PAUSED, CONN_DISCONNECTED, CONN_NETWORK_ERROR,
		CONN_CONNECTING, CONN_RECONNECTING, CONN_UNAVAILABLE,
	};
	if (value >= 0 && value <= 6)
		return map[value];
	return text && *text ? CONN_OTHER : CONN_UNKNOWN;
}

void facts_smbgmap(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct smbgmap_result *r = result;
	/* What New-SmbGlobalMapping printed was true when it ran; it neither lists the
	 * machine's mappings nor shows the mapping survived a restart (rule 6). The
	 * command itself is a fact of its own (facts_command_line). */
	if (r->created)
		return;
	/* a filtered listing shows its rows, not the absence of the others */
	struct f_listing *l = r->filtered ? NULL : VEC_PUSH(cm->arena, &cm->gmap_listings);
	if (l) {
		l->global = r->global;
		l->ev = fact_evidence(cm, src, output_line(src, r->line));
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct smbgmap_entry *e = &r->v[i];
		struct f_gmap *g = VEC_PUSH(cm->arena, &cm->gmaps);
		if (!g)
			return;
		const char *drive = e->local ? drive_normalize(cm->arena, e->local, strlen(e->local)) : NULL;
		g->local = drive ? drive : e->local;
		g->remote = e->remote;
		g->status = conn_of(e->status_value, e->status_text);
		g->status_text = e->status_text;
		g->status_code = e->status_code;
		g->global = r->global;
		g->ev = fact_evidence(cm, src, e->line);
	}
}

void facts_smbconn(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct smbconn_result *r = result;
	struct f_listing *l = VEC_PUSH(cm->arena, &cm->smbconn_listings);
	if (l) {
		l->global = 0;
		l->ev = fact_evidence(cm, src, output_line(src, r->line));
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct smbconn_entry *e = &r->v[i];
		struct f_smbconn *c = VEC_PUSH(cm->arena, &cm->smbconns);
		if (!c)
			return;
		c->server = e->server;
		c->share = e->share;
		c->user = e->user;
		c->credential = e->credential;
		c->dialect = e->dialect;
		c->truncated = (e->truncated & (SMBCONN_CUT_SERVER | SMBCONN_CUT_SHARE)) != 0;
		c->ev = fact_evidence(cm, src, e->line);
	}
}

void facts_service(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct service_result *r = result;
	struct f_listing *l = VEC_PUSH(cm->arena, &cm->service_listings);
	if (l)
		l->ev = fact_evidence(cm, src, output_line(src, r->line));
	for (size_t i = 0; i < r->n; i++) {
		const struct service_entry *e = &r->v[i];
		if (!e->name)
			continue;
		struct f_service *s = VEC_PUSH(cm->arena, &cm->services);
		if (!s)
			return;
		s->name = e->name;
		s->display = e->display;
		s->status_text = e->status_text;
		s->running = e->running == 1 ? TRI_YES : e->running == 0 ? TRI_NO : TRI_UNKNOWN;
		s->ev = fact_evidence(cm, src, e->line);
	}
}

void facts_testpath(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct testpath_result *r = result;
	for (size_t i = 0; i < r->n; i++) {
		const struct testpath_entry *e = &r->v[i];
		if (e->ok < 0)
			continue; /* an error record answers nothing about access */
		const char *key = e->path ? psreg_path(cm->arena, e->path, strlen(e->path)) : NULL;
		if (key) {
			/* Test-Path HKCU:\Network\Z: whether the key exists, not an access test */
			key = reg_path_normalize(cm->arena, key, strlen(key));
			if (e->ok) {
				struct f_reg_key *k = VEC_PUSH(cm->arena, &cm->reg_keys);
				if (k) {
					k->key = key;
					k->ev = fact_evidence(cm, src, e->line);
				}
			} else {
				struct f_reg_absent *ab = VEC_PUSH(cm->arena, &cm->reg_absent);
				if (ab) {
					ab->key = key;
					ab->value = NULL;
					ab->ev = fact_evidence(cm, src, e->line);
				}
			}
			continue;
		}
		struct f_access *a = VEC_PUSH(cm->arena, &cm->access);
		if (!a)
			return;
		a->target = e->path;
		unc_split(cm->arena, e->path, &a->server, &a->share);
		a->method = ACC_TEST_PATH;
		a->ok = e->ok ? TRI_YES : TRI_NO;
		a->error_code = 0;
		a->ev = fact_evidence(cm, src, e->line);
	}
}

/* An SMB cmdlet's error record with a known Win32 number is an error like
 * net's "System error N": case.c links it to the command it follows
 * (New-SmbGlobalMapping ... -> 1219, 85, 1312), and the case checks read it. */
void facts_pserror(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct pserror_result *r = result;
	for (size_t i = 0; i < r->n; i++) {
		const struct pserr *e = &r->v[i];
		if (e->code <= 0)
			continue; /* "Generic failure" and the like: no cause to name */
		struct f_error *f = VEC_PUSH(cm->arena, &cm->errors);
		if (!f)
			return;
		f->code = e->code;
		f->message = e->message;
		f->command = NULL; /* linked to the command that printed it by case.c */
		f->ev = fact_evidence(cm, src, e->line);
	}
}
