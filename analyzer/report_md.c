/* Markdown report, to paste into a ticket reply. */
#include "report_view.h"

#include <string.h>

/* Inline code that survives backticks in the text. */
static void md_code(FILE *out, const char *s)
{
	const char *fence = strchr(s, '`') ? "`` " : "`";
	const char *close = strchr(s, '`') ? " ``" : "`";
	fprintf(out, "%s%s%s", fence, s, close);
}

static int looks_like_command(const char *s)
{
	/* fix/verify lines are either commands or prose; commands go in code blocks */
	static const char *const starts[] = { "net ", "cmdkey", "reg ", "Get-", "Set-", "New-", "Remove-",
					      "Test-Path", "Start-Service", "$", "cmd ", "whoami", "dir ",
					      "klist", "gpupdate", "gpresult", "Restart-", "ipconfig", "nslookup",
					      "Resolve-", "Test-NetConnection", "sc ", "regedit", NULL };
	for (size_t i = 0; starts[i]; i++)
		if (!strncmp(s, starts[i], strlen(starts[i])))
			return 1;
	return 0;
}

static void md_list(FILE *out, const char *label, const str_vec *v)
{
	if (!v->n)
		return;
	fprintf(out, "**%s**\n\n", label);
	int in_code = 0;
	for (size_t i = 0; i < v->n; i++) {
		int cmd = looks_like_command(v->v[i]);
		if (cmd && !in_code) {
			fputs("```\n", out);
			in_code = 1;
		} else if (!cmd && in_code) {
			fputs("```\n\n", out);
			in_code = 0;
		}
		if (cmd)
			fprintf(out, "%s\n", v->v[i]);
		else
			fprintf(out, "- %s\n", v->v[i]);
	}
	fputs(in_code ? "```\n\n" : "\n", out);
}

static void md_evidence(FILE *out, const struct evidence *e)
{
	fputs("  - ", out);
	char loc[64];
	snprintf(loc, sizeof loc, ":%u", e->line);
	fputs("`", out);
	fputs(e->artefact ? e->artefact : "?", out);
	fputs(loc, out);
	fputs("`", out);
	if (e->text && *e->text) {
		fputs(" — ", out);
		md_code(out, e->text);
	}
	fputc('\n', out);
}

static void md_finding(FILE *out, const struct report_view *rv, const struct finding_view *fv)
{
	enum lang L = rv->o->lang;
	const struct finding *f = fv->f;
	fprintf(out, "### %s", fv->title);
	if (f->fill.drive && !strstr(fv->title, f->fill.drive))
		fprintf(out, " — %s", f->fill.drive);
	fputs("\n\n", out);
	fprintf(out, "- id: `%s`", f->id);
	if (fv->solution)
		fprintf(out, ", %s %s", report_label(L, "solution"), fv->solution);
	if (f->root_causes && *f->root_causes)
		fprintf(out, ", %s %s", report_label(L, "root_causes"), f->root_causes);
	fprintf(out, ", %s %s, %s %s\n", report_label(L, "severity"), severity_name(f->severity),
		report_label(L, "confidence"), confidence_name(f->confidence));
	if (f->fill.remote) {
		fputs("- ", out);
		md_code(out, f->fill.remote);
		fputc('\n', out);
	}
	fputc('\n', out);
	if (fv->explanation)
		fprintf(out, "%s\n\n", fv->explanation);
	if (f->steps.n) {
		fprintf(out, "**%s**\n\n", report_label(L, "steps"));
		for (size_t i = 0; i < f->steps.n; i++) {
			const struct step *st = &f->steps.v[i];
			fprintf(out, "%zu. %s: **%s**", i + 1, st->check, st->outcome ? st->outcome : "?");
			if (st->note)
				fprintf(out, " — %s", st->note);
			fputc('\n', out);
			for (size_t k = 0; k < st->ev.n && k < 4; k++)
				md_evidence(out, &st->ev.v[k]);
			if (st->ev.n > 4)
				fprintf(out, "  - (+%zu more)\n", st->ev.n - 4);
		}
		fputc('\n', out);
	}
	md_list(out, report_label(L, "fix"), &fv->fix);
	md_list(out, report_label(L, "verify"), &fv->verify);
	md_list(out, report_label(L, "risks"), &fv->risks);
	if (f->evidence.n && !f->steps.n) {
		fprintf(out, "**%s**\n\n", report_label(L, "evidence"));
		for (size_t k = 0; k < f->evidence.n; k++)
			md_evidence(out, &f->evidence.v[k]);
		fputc('\n', out);
	}
}

int report_markdown(FILE *out, const struct report_view *rv, struct arena *a)
{
	(void)a;
	enum lang L = rv->o->lang;
	fprintf(out, "## %s\n\n", report_label(L, "report"));
	if (rv->mappings.n) {
		fprintf(out, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", report_label(L, "drive"),
			report_label(L, "remote"), report_label(L, "scope"), report_label(L, "persisted"),
			report_label(L, "status"));
		for (size_t i = 0; i < rv->mappings.n; i++) {
			const struct mapping_view *m = rv->mappings.v[i];
			fprintf(out, "| %s | `%s` | %s | %s | %s |\n", m->drive ? m->drive : "-",
				m->remote ? m->remote : "?", m->scope ? m->scope : "?", tri_name(m->persisted),
				m->status ? m->status : "-");
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < rv->drive_findings.n; i++)
		md_finding(out, rv, &rv->drive_findings.v[i]);
	for (size_t i = 0; i < rv->case_findings.n; i++)
		md_finding(out, rv, &rv->case_findings.v[i]);
	if (!rv->drive_findings.n && !rv->case_findings.n)
		fprintf(out, "%s\n\n", report_label(L, "no_findings"));
	if (rv->next.n) {
		fprintf(out, "### %s\n\n", report_label(L, "next"));
		for (size_t i = 0; i < rv->next.n; i++) {
			fputs("- ", out);
			md_code(out, rv->next.v[i].n->command);
			if (rv->next.v[i].why)
				fprintf(out, " — %s", rv->next.v[i].why);
			fputc('\n', out);
		}
		fputc('\n', out);
	}
	fprintf(out, "<details><summary>%s (%zu)</summary>\n\n", report_label(L, "artefacts"), rv->counts.total);
	fprintf(out, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", report_label(L, "path"),
		report_label(L, "kind"), report_label(L, "encoding"), report_label(L, "status"),
		report_label(L, "reason"));
	for (size_t i = 0; i < rv->set->items.n; i++) {
		const struct artefact *art = &rv->set->items.v[i];
		fprintf(out, "| `%s` | %s | %s | %s | %s |\n", art->path, art->kind ? art->kind : "-",
			art->encoding ? art->encoding : "-", art_status_name(art->status),
			art->status != ART_PARSED && art->reason ? art->reason : "");
	}
	fputs("\n</details>\n", out);
	return ferror(out) ? -1 : 0;
}
