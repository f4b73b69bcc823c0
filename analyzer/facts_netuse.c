/* Facts from the net use family: listing rows, listings (with the
 * persistent default), `net use X:` details, and net error blocks. */
#include "case.h"

#include <string.h>

#include "../parsers/neterror.h"
#include "../parsers/netuse.h"

static struct evidence no_evidence(const struct fact_src *src)
{
	struct evidence ev = { src->art ? src->art->path : NULL, 0, NULL };
	return ev;
}

/* The command that printed the text (prompt in a transcript or paste) wins;
 * else the command echoed just above the error inside the text. */
static void add_errors(struct case_model *cm, const struct fact_src *src, const struct neterr_scan *s)
{
	const char *seg_cmd = src->seg ? src->seg->command : NULL;
	for (size_t i = 0; i < s->errors.n; i++) {
		const struct neterr *e = &s->errors.v[i];
		struct f_error *f = VEC_PUSH(cm->arena, &cm->errors);
		if (!f)
			return;
		f->code = e->code;
		f->message = e->message;
		f->command = seg_cmd ? seg_cmd : e->command;
		f->ev = fact_evidence(cm, src, e->line);
	}
}

/* Local name -> "L:"; NULL for deviceless rows. Printer ports (LPT1:) are
 * not drives: they come back as NULL too, so the caller skips them. */
static const char *row_drive(struct case_model *cm, const char *local)
{
	return local ? drive_normalize(cm->arena, local, strlen(local)) : NULL;
}

static void add_row(struct case_model *cm, const struct fact_src *src, const char *local,
		    const char *remote, const char *provider, enum conn_status status,
		    const char *status_text, uint32_t line)
{
	const char *drive = row_drive(cm, local);
	if (local && !drive)
		return; /* LPT1:, COM1: ... */
	struct f_netuse_row *r = VEC_PUSH(cm->arena, &cm->netuse_rows);
	if (!r)
		return;
	r->drive = drive;
	r->remote = remote;
	r->provider = provider;
	r->status = status;
	r->status_text = status_text;
	r->ev = fact_evidence(cm, src, line);
}

void facts_netuse(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct netuse_result *res = result;
	if (!res)
		return;
	for (size_t i = 0; i < res->listings.n; i++) {
		const struct netuse_listing *L = &res->listings.v[i];
		struct f_netuse_listing *f = VEC_PUSH(cm->arena, &cm->netuse_listings);
		if (!f)
			return;
		f->remembered = L->remembered;
		f->remembered_ev = L->remembered_line ? fact_evidence(cm, src, L->remembered_line)
						      : no_evidence(src);
		f->empty = L->empty;
		f->ev = fact_evidence(cm, src, L->dashes_line ? L->dashes_line : L->empty_line);
		for (size_t k = 0; k < L->rows.n; k++) {
			const struct netuse_row *row = &L->rows.v[k];
			add_row(cm, src, row->local, row->remote, row->provider, row->status,
				row->status_text, row->line);
		}
	}
	add_errors(cm, src, &res->errors);
}

void facts_netuse_detail(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct netuse_detail_result *res = result;
	if (!res)
		return;
	for (size_t i = 0; i < res->blocks.n; i++) {
		const struct netuse_detail *d = &res->blocks.v[i];
		add_row(cm, src, d->local, d->remote, NULL, d->status, d->status_text, d->remote_line);
	}
	add_errors(cm, src, &res->errors);
}

void facts_neterror(struct case_model *cm, const struct fact_src *src, const void *result)
{
	if (result)
		add_errors(cm, src, result);
}
