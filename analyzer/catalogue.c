/* Placeholder catalogue. */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

const struct cat_entry *catalogue_get(const char *id)
{
	(void)id;
	return NULL;
}

const char *catalogue_next_why(const char *id, enum lang lang)
{
	(void)lang;
	return id;
}

const char *catalogue_fill(struct arena *a, const char *tmpl, const struct fill *f)
{
	(void)f;
	return arena_strdup(a, tmpl);
}

enum lang lang_from_env(const char *opt)
{
	const char *v = opt;
	if (!v || !*v) v = getenv("LC_ALL");
	if (!v || !*v) v = getenv("LC_MESSAGES");
	if (!v || !*v) v = getenv("LANG");
	if (v && (strncmp(v, "zh", 2) == 0))
		return LANG_ZH;
	return LANG_EN;
}
