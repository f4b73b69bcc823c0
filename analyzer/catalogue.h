/* One entry per finding id (and per next-step id), English and Simplified
 * Chinese, in our own words. Templates use {drive} {letter} {remote}
 * {server} {share} {user} {sid} {extra}. */
#ifndef MDT_CATALOGUE_H
#define MDT_CATALOGUE_H

#include "finding.h"

enum lang { LANG_EN = 0, LANG_ZH = 1 };

struct cat_text {
	const char *title;
	const char *explanation;
	const char *const *fix;     /* NULL-terminated lines (commands or prose) */
	const char *const *verify;  /* NULL-terminated */
	const char *const *risks;   /* NULL-terminated, may be NULL */
};

struct cat_entry {
	const char *id;
	struct cat_text text[2];    /* [LANG_EN], [LANG_ZH] */
};

const struct cat_entry *catalogue_get(const char *id);
/* Why-text of a next step id. */
const char *catalogue_next_why(const char *id, enum lang lang);
/* Expand a template with the fill values, into the arena. Only the names
 * above are placeholders (PowerShell's { ... } blocks stay as written);
 * an unknown value becomes a visible <server>, <share>, ... */
const char *catalogue_fill(struct arena *a, const char *tmpl, const struct fill *f);
/* Pick the language from --lang or $LANG/$LC_ALL ("zh_CN.UTF-8" -> zh). */
enum lang lang_from_env(const char *opt);

/* Every entry, for listing and tests. */
size_t catalogue_count(void);
const struct cat_entry *catalogue_entry_at(size_t i);

#endif
