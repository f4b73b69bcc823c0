/* Building the case model: walk every parsed segment, hand its typed result
 * to the adapter for its kind. Also the small path helpers facts share. */
#include "case.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../parsers/text.h"

const char *conn_status_name(enum conn_status s)
{
	switch (s) {
	case CONN_UNKNOWN: return "unknown";
	case CONN_BLANK: return "blank";
	case CONN_OK: return "ok";
	case CONN_PAUSED: return "paused";
	case CONN_DISCONNECTED: return "disconnected";
	case CONN_NETWORK_ERROR: return "network-error";
	case CONN_CONNECTING: return "connecting";
	case CONN_RECONNECTING: return "reconnecting";
	case CONN_UNAVAILABLE: return "unavailable";
	case CONN_OTHER: return "other";
	}
	return "unknown";
}

struct evidence fact_evidence(struct case_model *cm, const struct fact_src *src, uint32_t line_no)
{
	struct evidence ev = { src->art ? src->art->path : NULL, line_no, NULL };
	if (!src->art || line_no == 0)
		return ev;
	const struct lines *t = &src->art->text;
	/* lines are in order of their numbers; binary search */
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->v[mid].no < line_no)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n && t->v[lo].no == line_no) {
		size_t n = t->v[lo].len;
		if (n > 400)
			n = 400; /* evidence quotes a line, not a blob */
		ev.text = span_dup_trim(cm->arena, t->v[lo].s, n);
	}
	return ev;
}

/* A command's outcome is the error printed in its own output: an f_error
 * from the same artefact whose line falls between the command's line and
 * the next command of that artefact. Both lists are put in (artefact, line)
 * order once, so a paste with many prompts stays O(n log n). */
static int cmp_ev(const struct evidence *a, const struct evidence *b)
{
	if (a->artefact != b->artefact)
		return (uintptr_t)a->artefact < (uintptr_t)b->artefact ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static int cmp_cmd_ptr(const void *x, const void *y)
{
	return cmp_ev(&(*(struct f_command *const *)x)->ev, &(*(struct f_command *const *)y)->ev);
}

static int cmp_err_ptr(const void *x, const void *y)
{
	return cmp_ev(&(*(struct f_error *const *)x)->ev, &(*(struct f_error *const *)y)->ev);
}

static void link_command_outcomes(struct case_model *cm)
{
	size_t nc = cm->commands.n, ne = cm->errors.n;
	if (!nc || !ne)
		return;
	struct f_command **cmds = arena_alloc(cm->arena, nc * sizeof *cmds);
	struct f_error **errs = arena_alloc(cm->arena, ne * sizeof *errs);
	if (!cmds || !errs)
		return;
	for (size_t i = 0; i < nc; i++)
		cmds[i] = &cm->commands.v[i];
	for (size_t i = 0; i < ne; i++)
		errs[i] = &cm->errors.v[i];
	qsort(cmds, nc, sizeof *cmds, cmp_cmd_ptr);
	qsort(errs, ne, sizeof *errs, cmp_err_ptr);
	size_t k = 0;
	for (size_t i = 0; i < nc; i++) {
		struct f_command *c = cmds[i];
		if (!c->ev.artefact || !c->ev.line)
			continue;
		/* the next command of the same artefact on a later line ends this one's output */
		uint32_t end = UINT32_MAX;
		for (size_t j = i + 1; j < nc && cmds[j]->ev.artefact == c->ev.artefact; j++)
			if (cmds[j]->ev.line > c->ev.line) {
				end = cmds[j]->ev.line;
				break;
			}
		/* errors from the command's own line on: a command known only from a
		 * PowerShell error record has the record's first line, the error's */
		struct evidence probe = { c->ev.artefact, c->ev.line, NULL };
		while (k < ne && cmp_ev(&errs[k]->ev, &probe) < 0)
			k++;
		if (c->error_code > 0)
			continue;
		if (k < ne && errs[k]->ev.artefact == c->ev.artefact && errs[k]->ev.line < end) {
			c->error_code = errs[k]->code;
			c->error_ev = errs[k]->ev;
			if (!errs[k]->command)
				errs[k]->command = c->text;
		}
	}
}

int case_build(struct case_model *cm, struct arena *a, const struct artefact_set *set)
{
	memset(cm, 0, sizeof *cm);
	cm->arena = a;
	cm->artefacts = set;
	for (size_t i = 0; i < set->items.n; i++) {
		const struct artefact *art = &set->items.v[i];
		struct fact_src src0 = { art, NULL };
		for (size_t r = 0; r < art->redactions.n; r++) {
			struct f_secret *s = VEC_PUSH(a, &cm->secrets);
			if (s) {
				s->what = art->redactions.v[r].what;
				s->ev = fact_evidence(cm, &src0, art->redactions.v[r].line);
			}
		}
		if (art->header)
			facts_transcript_header(cm, &src0, art->header);
		for (size_t j = 0; j < art->segs.n; j++) {
			const struct segment *seg = &art->segs.v[j];
			if (seg->command) {
				struct fact_src csrc = { art, seg };
				facts_command_line(cm, &csrc, seg->command, seg->command_line);
			}
			if (!seg->result || !seg->parser)
				continue;
			facts_adapter_fn fn = facts_adapter_for(seg->kind);
			if (!fn)
				continue;
			struct fact_src src = { art, seg };
			fn(cm, &src, seg->result);
		}
	}
	link_command_outcomes(cm);
	return arena_exhausted(a) ? -1 : 0;
}

static const struct {
	const char *longname, *shortname;
} hives[] = {
	{ "HKEY_CURRENT_USER", "HKCU" },   { "HKEY_LOCAL_MACHINE", "HKLM" },
	{ "HKEY_USERS", "HKU" },           { "HKEY_CLASSES_ROOT", "HKCR" },
	{ "HKEY_CURRENT_CONFIG", "HKCC" },
};

const char *reg_path_normalize(struct arena *a, const char *path, size_t len)
{
	const char *s = path;
	span_trim(&s, &len);
	/* strip surrounding brackets and quotes, and trailing backslashes */
	while (len && (s[0] == '[' || s[0] == '"')) { s++; len--; }
	while (len && (s[len - 1] == ']' || s[len - 1] == '"' || s[len - 1] == '\\')) len--;
	/* "Computer\HKEY_..." as regedit's address bar shows it */
	if (span_starts_ci(s, len, "Computer\\")) { s += 9; len -= 9; }
	for (size_t i = 0; i < sizeof hives / sizeof hives[0]; i++) {
		size_t ln = strlen(hives[i].longname), sn = strlen(hives[i].shortname);
		size_t skip = 0;
		if (span_starts_ci(s, len, hives[i].longname) && (len == ln || s[ln] == '\\'))
			skip = ln;
		else if (span_starts_ci(s, len, hives[i].shortname) && (len == sn || s[sn] == '\\'))
			skip = sn;
		if (skip)
			return arena_printf(a, "%s%.*s", hives[i].shortname, (int)(len - skip), s + skip);
	}
	return arena_strndup(a, s, len);
}

int reg_path_eq(const char *a, const char *b)
{
	return str_eq_ci(a, b);
}

int unc_split(struct arena *a, const char *unc, const char **server, const char **share)
{
	*server = *share = NULL;
	if (!unc)
		return -1;
	const char *p = unc;
	while (*p == ' ' || *p == '"')
		p++;
	if (!((p[0] == '\\' && p[1] == '\\') || (p[0] == '/' && p[1] == '/')))
		return -1;
	p += 2;
	const char *s = p;
	while (*p && *p != '\\' && *p != '/')
		p++;
	if (p == s)
		return -1;
	*server = arena_strndup(a, s, (size_t)(p - s));
	if (*p) {
		p++;
		const char *h = p;
		while (*p && *p != '\\' && *p != '/' && *p != '"')
			p++;
		size_t n = (size_t)(p - h);
		while (n && h[n - 1] == ' ')
			n--;
		if (n)
			*share = arena_strndup(a, h, n);
	}
	return 0;
}

const char *drive_normalize(struct arena *a, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '"')) { s++; len--; }
	while (len && (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == '\\')) len--;
	if (len == 0 || len > 2 || !isalpha((unsigned char)s[0]))
		return NULL;
	if (len == 2 && s[1] != ':')
		return NULL;
	char buf[3] = { (char)toupper((unsigned char)s[0]), ':', 0 };
	return arena_strdup(a, buf);
}
