/* Terminal report: verdict per drive first, then the checks with their
 * evidence, fix, verify; then case-level findings, next steps, artefacts. */
#include "report_view.h"

#include <string.h>

/* evidence lines shown per check; JSON carries all of them */
#define EV_SHOWN 4

struct style {
	const char *bold, *red, *yellow, *green, *dim, *off;
};

static const struct style plain = { "", "", "", "", "", "" };
static const struct style ansi = { "\033[1m", "\033[31m", "\033[33m", "\033[32m", "\033[2m", "\033[0m" };

static const char *sev_color(const struct style *s, enum severity v)
{
	return v == SEV_ERROR ? s->red : v == SEV_WARNING ? s->yellow : s->green;
}

static void print_evidence(FILE *out, const struct style *s, const struct evidence *e, const char *indent)
{
	fprintf(out, "%s%s%s:%u%s", indent, s->dim, e->artefact ? e->artefact : "?", e->line, s->off);
	if (e->text && *e->text)
		fprintf(out, "  %s", e->text);
	fputc('\n', out);
}

static void print_list(FILE *out, const char *label, const str_vec *v, const struct style *s)
{
	if (!v->n)
		return;
	fprintf(out, "  %s%s%s\n", s->bold, label, s->off);
	for (size_t i = 0; i < v->n; i++)
		fprintf(out, "    %s\n", v->v[i]);
}

static void print_finding(FILE *out, const struct report_view *rv, const struct finding_view *fv,
			  const struct style *s)
{
	enum lang L = rv->o->lang;
	const struct finding *f = fv->f;
	fprintf(out, "  %s%s%s: %s%s%s", s->bold, report_label(L, "verdict"), s->off,
		sev_color(s, f->severity), fv->title, s->off);
	if (fv->solution)
		fprintf(out, "  [%s %s]", report_label(L, "solution"), fv->solution);
	fprintf(out, "  (%s, %s %s)\n", f->id, confidence_name(f->confidence), report_label(L, "confidence"));
	if (f->case_level && f->fill.drive)
		fprintf(out, "  %s: %s\n", report_label(L, "related_drive"), f->fill.drive);
	if (f->root_causes && *f->root_causes)
		fprintf(out, "  %s: %s\n", report_label(L, "root_causes"), f->root_causes);
	if (fv->explanation)
		fprintf(out, "  %s%s%s: %s\n", s->bold, report_label(L, "why"), s->off, fv->explanation);
	if (f->steps.n) {
		fprintf(out, "  %s%s%s\n", s->bold, report_label(L, "steps"), s->off);
		for (size_t i = 0; i < f->steps.n; i++) {
			const struct step *st = &f->steps.v[i];
			fprintf(out, "    %zu. %s: %s", i + 1, st->check, st->outcome ? st->outcome : "?");
			if (st->note)
				fprintf(out, " — %s", st->note);
			fputc('\n', out);
			for (size_t k = 0; k < st->ev.n && k < EV_SHOWN; k++)
				print_evidence(out, s, &st->ev.v[k], "       ");
			if (st->ev.n > EV_SHOWN)
				fprintf(out, "       %s(+%zu more in --format json)%s\n", s->dim, st->ev.n - EV_SHOWN, s->off);
		}
	}
	print_list(out, report_label(L, "fix"), &fv->fix, s);
	print_list(out, report_label(L, "verify"), &fv->verify, s);
	print_list(out, report_label(L, "risks"), &fv->risks, s);
	/* the checks already cite their evidence; list it only when there are none */
	if (f->evidence.n && !f->steps.n) {
		fprintf(out, "  %s%s%s\n", s->bold, report_label(L, "evidence"), s->off);
		for (size_t k = 0; k < f->evidence.n; k++)
			print_evidence(out, s, &f->evidence.v[k], "    ");
	}
	fputc('\n', out);
}

static const struct mapping_view *mapping_for(const struct report_view *rv, const char *drive)
{
	for (size_t i = 0; i < rv->mappings.n; i++)
		if (rv->mappings.v[i]->drive && drive && str_eq_ci(rv->mappings.v[i]->drive, drive))
			return rv->mappings.v[i];
	return NULL;
}

static void print_drive_header(FILE *out, const struct report_view *rv, const char *drive,
			       const struct style *s)
{
	enum lang L = rv->o->lang;
	const struct mapping_view *m = mapping_for(rv, drive);
	fprintf(out, "%s%s %s%s", s->bold, report_label(L, "drive"), drive, s->off);
	if (m) {
		if (m->remote)
			fprintf(out, "  %s", m->remote);
		if (m->scope)
			fprintf(out, "  (%s)", report_label(L, !strcmp(m->scope, "machine") ? "scope_machine" : "scope_user"));
		if (m->status)
			fprintf(out, "  %s: %s", report_label(L, "status"), m->status);
	}
	fputc('\n', out);
}

int report_text(FILE *out, const struct report_view *rv, struct arena *a)
{
	(void)a;
	const struct style *s = rv->o->color ? &ansi : &plain;
	enum lang L = rv->o->lang;
	const struct artefact_counts *c = &rv->counts;
	fprintf(out, "%s%s%s — %zu %s: %zu parsed, %zu partial, %zu unrecognized, %zu unreadable, %zu skipped\n\n",
		s->bold, report_label(L, "report"), s->off, c->total, report_label(L, "files"),
		c->parsed, c->partial, c->unrecognized, c->unreadable, c->skipped);

	const char *cur = NULL;
	for (size_t i = 0; i < rv->drive_findings.n; i++) {
		const struct finding_view *fv = &rv->drive_findings.v[i];
		if (!cur || !str_eq_ci(cur, fv->f->fill.drive)) {
			cur = fv->f->fill.drive;
			print_drive_header(out, rv, cur, s);
		}
		print_finding(out, rv, fv, s);
	}
	/* drives with no finding: say they look healthy */
	for (size_t i = 0; i < rv->mappings.n; i++) {
		const struct mapping_view *m = rv->mappings.v[i];
		int has = 0;
		for (size_t k = 0; k < rv->drive_findings.n && !has; k++)
			has = m->drive && str_eq_ci(rv->drive_findings.v[k].f->fill.drive, m->drive);
		if (has || !m->drive)
			continue;
		print_drive_header(out, rv, m->drive, s);
		fprintf(out, "  %s%s%s\n\n", s->green, report_label(L, "healthy"), s->off);
	}
	if (rv->case_findings.n) {
		fprintf(out, "%s%s%s\n", s->bold, report_label(L, "case"), s->off);
		for (size_t i = 0; i < rv->case_findings.n; i++)
			print_finding(out, rv, &rv->case_findings.v[i], s);
	}
	if (!rv->drive_findings.n && !rv->case_findings.n)
		fprintf(out, "%s%s%s\n\n", s->green, report_label(L, "no_findings"), s->off);
	if (rv->next.n) {
		fprintf(out, "%s%s%s\n", s->bold, report_label(L, "next"), s->off);
		for (size_t i = 0; i < rv->next.n; i++) {
			fprintf(out, "  %s\n", rv->next.v[i].n->command);
			if (rv->next.v[i].why)
				fprintf(out, "      %s%s%s\n", s->dim, rv->next.v[i].why, s->off);
		}
		fputc('\n', out);
	}
	fprintf(out, "%s%s%s\n", s->bold, report_label(L, "artefacts"), s->off);
	for (size_t i = 0; i < rv->set->items.n; i++) {
		const struct artefact *art = &rv->set->items.v[i];
		fprintf(out, "  %-12s %-20s %-13s %s", art_status_name(art->status), art->kind ? art->kind : "-",
			art->encoding ? art->encoding : "-", art->path);
		if (art->reason && art->status != ART_PARSED)
			fprintf(out, "  (%s)", art->reason);
		if (art->redactions.n)
			fprintf(out, "  [%zu password(s) redacted]", art->redactions.n);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}
