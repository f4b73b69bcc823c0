/* Facts adapter for cmd's dir listings. A listing that worked or was "not
 * found" becomes an f_dir (the engine reads "empty or missing" from it);
 * a listing that failed for another reason (access denied, network,
 * logon) says nothing about the folder's content, so it becomes an access
 * failure instead, and a UNC listing that worked is access evidence too. */
#include "case.h"

#include "../parsers/dirlist.h"

static void dir_access(struct case_model *cm, const struct fact_src *src,
		       const struct dirlist_block *b, enum tri ok, int code)
{
	struct f_access *a = VEC_PUSH(cm->arena, &cm->access);
	if (!a)
		return;
	a->target = b->path;
	unc_split(cm->arena, b->path, &a->server, &a->share);
	a->method = ACC_DIR;
	a->ok = ok;
	a->error_code = code;
	a->ev = fact_evidence(cm, src, b->line);
}

void facts_dirlist(struct case_model *cm, const struct fact_src *src, const void *result)
{
	const struct dirlist_result *r = result;
	for (size_t i = 0; i < r->n; i++) {
		const struct dirlist_block *b = &r->v[i];
		if (b->error_code && !b->not_found) {
			dir_access(cm, src, b, TRI_NO, b->error_code);
			continue;
		}
		struct f_dir *d = VEC_PUSH(cm->arena, &cm->dirs);
		if (!d)
			return;
		d->path = b->path;
		d->files = b->files;
		d->dirs = b->dirs;
		/* entry lines in a date format we did not read: trust the summary */
		if (!b->files && !b->dirs && !b->dot_entries) {
			if (b->sum_files > 0)
				d->files = b->sum_files > 1000000000 ? 1000000000 : (int)b->sum_files;
			if (b->sum_dirs > 2)
				d->dirs = b->sum_dirs > 1000000000 ? 1000000000 : (int)b->sum_dirs - 2;
		}
		d->not_found = b->not_found;
		/* an empty answer has no line of its own: its command's prompt */
		d->ev = fact_evidence(cm, src, b->line ? b->line : src->seg ? src->seg->command_line : 0);
		if (!b->not_found && b->path && b->path[0] == '\\' && b->path[1] == '\\')
			dir_access(cm, src, b, TRI_YES, 0);
	}
}
