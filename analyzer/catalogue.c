/* Catalogue lookup, template filling and language choice. The texts
 * themselves are in catalogue_texts.c. */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

extern const struct cat_entry catalogue_entries[];
extern const size_t catalogue_entries_n;

size_t catalogue_count(void)
{
	return catalogue_entries_n;
}

const struct cat_entry *catalogue_entry_at(size_t i)
{
	return i < catalogue_entries_n ? &catalogue_entries[i] : NULL;
}

const struct cat_entry *catalogue_get(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < catalogue_entries_n; i++)
		if (!strcmp(catalogue_entries[i].id, id))
			return &catalogue_entries[i];
	return NULL;
}

const char *catalogue_next_why(const char *id, enum lang lang)
{
	const struct cat_entry *e = catalogue_get(id);
	if (!e)
		return id;
	const char *t = e->text[lang == LANG_ZH ? LANG_ZH : LANG_EN].title;
	return t ? t : e->text[LANG_EN].title;
}

/* The value of placeholder `name` (len bytes), or NULL when `name` is not one. */
static const char *value_of(struct arena *a, const char *name, size_t len, const struct fill *f,
			    const char **placeholder)
{
	static const struct { const char *name, *ph; } names[] = {
		{ "drive", "<drive>" }, { "letter", "<letter>" }, { "remote", "<remote>" },
		{ "server", "<server>" }, { "share", "<share>" }, { "user", "<user>" },
		{ "sid", "<sid>" }, { "extra", "<value>" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) != len || memcmp(names[i].name, name, len))
			continue;
		*placeholder = names[i].ph;
		const char *v = NULL;
		switch (i) {
		case 0: v = f ? f->drive : NULL; break;
		case 1: v = f ? f->letter : NULL;
			if (!v && f && f->drive && f->drive[0])
				v = arena_strndup(a, f->drive, 1);
			break;
		case 2: v = f ? f->remote : NULL;
			if (!v && f && f->server)
				v = arena_printf(a, "\\\\%s\\%s", f->server, f->share ? f->share : "<share>");
			break;
		case 3: v = f ? f->server : NULL; break;
		case 4: v = f ? f->share : NULL; break;
		case 5: v = f ? f->user : NULL; break;
		case 6: v = f ? f->sid : NULL; break;
		case 7: v = f ? f->extra : NULL; break;
		}
		return v && *v ? v : *placeholder;
	}
	return NULL;
}

const char *catalogue_fill(struct arena *a, const char *tmpl, const struct fill *f)
{
	if (!tmpl)
		return NULL;
	size_t cap = strlen(tmpl) + 64, n = 0;
	char *out = arena_alloc(a, cap);
	if (!out)
		return NULL;
	for (const char *p = tmpl; *p;) {
		const char *piece = p;
		size_t plen = 1;
		if (*p == '{') {
			const char *end = strchr(p + 1, '}');
			const char *ph;
			const char *v = end ? value_of(a, p + 1, (size_t)(end - p - 1), f, &ph) : NULL;
			if (v) {
				piece = v;
				plen = strlen(v);
				p = end + 1;
			} else {
				p++;
			}
		} else {
			p++;
		}
		if (n + plen + 1 > cap) {
			size_t ncap = (n + plen + 1) * 2;
			char *bigger = arena_alloc(a, ncap);
			if (!bigger)
				return NULL;
			memcpy(bigger, out, n);
			out = bigger;
			cap = ncap;
		}
		memcpy(out + n, piece, plen);
		n += plen;
	}
	out[n] = '\0';
	return out;
}

static int is_zh(const char *v)
{
	return v && (v[0] == 'z' || v[0] == 'Z') && (v[1] == 'h' || v[1] == 'H');
}

enum lang lang_from_env(const char *opt)
{
	if (opt && *opt)
		return is_zh(opt) ? LANG_ZH : LANG_EN;
	/* POSIX order: the first of these that is set decides */
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return is_zh(v) ? LANG_ZH : LANG_EN;
	}
	return LANG_EN;
}
