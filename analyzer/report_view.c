#include "report_view.h"

#include <stdlib.h>
#include <string.h>

static void fill_lines(struct arena *a, str_vec *out, const char *const *tmpl, const struct fill *f)
{
	for (size_t i = 0; tmpl && tmpl[i]; i++) {
		const char **slot = VEC_PUSH(a, out);
		if (slot)
			*slot = catalogue_fill(a, tmpl[i], f);
	}
}

static int in_filter(const struct report_opts *o, const char *drive)
{
	return !o->drive || !drive || str_eq_ci(o->drive, drive);
}

static int cmp_finding_view(const void *x, const void *y)
{
	const struct finding_view *a = x, *b = y;
	int c = strcmp(a->f->fill.drive ? a->f->fill.drive : "", b->f->fill.drive ? b->f->fill.drive : "");
	if (c)
		return c;
	return (int)b->f->severity - (int)a->f->severity;
}

int report_view_build(struct report_view *rv, const struct artefact_set *set,
		      const struct verdict *v, const struct report_opts *o, struct arena *a)
{
	memset(rv, 0, sizeof *rv);
	rv->set = set;
	rv->v = v;
	rv->o = o;
	for (size_t i = 0; i < set->items.n; i++) {
		rv->counts.total++;
		switch (set->items.v[i].status) {
		case ART_PARSED: rv->counts.parsed++; break;
		case ART_PARTIAL: rv->counts.partial++; break;
		case ART_UNRECOGNIZED: rv->counts.unrecognized++; break;
		case ART_UNREADABLE: rv->counts.unreadable++; break;
		case ART_SKIPPED: rv->counts.skipped++; break;
		}
	}
	for (size_t i = 0; i < v->findings.n; i++) {
		const struct finding *f = &v->findings.v[i];
		if (!f->case_level && !in_filter(o, f->fill.drive))
			continue;
		int per_drive = f->fill.drive && !f->case_level;
		struct finding_view *fv = VEC_PUSH(a, per_drive ? &rv->drive_findings : &rv->case_findings);
		if (!fv)
			return -1;
		fv->f = f;
		if (f->solution)
			fv->solution = arena_printf(a, "%c", f->solution);
		const struct cat_entry *e = catalogue_get(f->id);
		if (!e) {
			fv->title = f->id;
			continue;
		}
		const struct cat_text *t = &e->text[o->lang];
		if (!t->title)
			t = &e->text[LANG_EN];
		fv->title = catalogue_fill(a, t->title, &f->fill);
		fv->explanation = t->explanation ? catalogue_fill(a, t->explanation, &f->fill) : NULL;
		fill_lines(a, &fv->fix, t->fix, &f->fill);
		fill_lines(a, &fv->verify, t->verify, &f->fill);
		fill_lines(a, &fv->risks, t->risks, &f->fill);
	}
	if (rv->drive_findings.n > 1)
		qsort(rv->drive_findings.v, rv->drive_findings.n, sizeof *rv->drive_findings.v,
		      cmp_finding_view);
	for (size_t i = 0; i < v->next_steps.n; i++) {
		const struct next_step *n = &v->next_steps.v[i];
		if (!in_filter(o, n->drive))
			continue;
		struct next_view *nv = VEC_PUSH(a, &rv->next);
		if (!nv)
			return -1;
		nv->n = n;
		nv->why = catalogue_next_why(n->id, o->lang);
	}
	for (size_t i = 0; i < v->mappings.n; i++) {
		if (!in_filter(o, v->mappings.v[i].drive))
			continue;
		const struct mapping_view **m = VEC_PUSH(a, &rv->mappings);
		if (m)
			*m = &v->mappings.v[i];
	}
	return 0;
}

static const struct {
	const char *key, *en, *zh;
} labels[] = {
	{ "report", "Mapped drive triage", "映射驱动器诊断" },
	{ "artefacts", "Artefacts", "收集的文件" },
	{ "files", "files", "个文件" },
	{ "read", "read", "已读取" },
	{ "drive", "Drive", "驱动器" },
	{ "case", "Whole case", "整体" },
	{ "verdict", "Verdict", "结论" },
	{ "solution", "Solution", "解决方案" },
	{ "root_causes", "Root causes", "根本原因" },
	{ "why", "Why", "原因" },
	{ "steps", "Checks made", "检查步骤" },
	{ "fix", "Fix", "修复" },
	{ "verify", "Verify", "验证" },
	{ "risks", "Risks", "风险" },
	{ "evidence", "Evidence", "证据" },
	{ "next", "Ask the customer to run", "请客户运行" },
	{ "no_findings", "No problem found in the evidence provided.", "在提供的证据中未发现问题。" },
	{ "mappings", "Mappings", "映射" },
	{ "remote", "Remote", "远程路径" },
	{ "scope", "Scope", "范围" },
	{ "related_drive", "Related drive", "相关驱动器" },
	{ "confidence", "confidence", "置信度" },
	{ "severity", "severity", "严重性" },
	{ "scope_user", "per-user", "按用户" },
	{ "scope_machine", "per-machine", "按计算机" },
	{ "persisted", "persisted", "已持久化" },
	{ "status", "status", "状态" },
	{ "kind", "kind", "类型" },
	{ "encoding", "encoding", "编码" },
	{ "reason", "reason", "原因" },
	{ "healthy", "no problem found", "未发现问题" },
	{ "path", "path", "路径" },
	{ "line", "line", "行" },
};

const char *report_label(enum lang lang, const char *key)
{
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(labels[i].key, key))
			return lang == LANG_ZH ? labels[i].zh : labels[i].en;
	return key;
}

const char *xml_escape(struct arena *a, const char *s)
{
	if (!s)
		return "";
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += (*p == '&') ? 5 : (*p == '<' || *p == '>') ? 4 : (*p == '"' || *p == '\'') ? 6 : 1;
	char *out = arena_alloc(a, n + 1), *w = out;
	if (!out)
		return "";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': memcpy(w, "&amp;", 5); w += 5; break;
		case '<': memcpy(w, "&lt;", 4); w += 4; break;
		case '>': memcpy(w, "&gt;", 4); w += 4; break;
		case '"': memcpy(w, "&quot;", 6); w += 6; break;
		case '\'': memcpy(w, "&#39;", 5); w += 5; break;
		default:
			/* control characters are not allowed in XML 1.0 */
			*w++ = (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ? ' ' : (char)*p;
		}
	}
	*w = '\0';
	return out;
}

const char *tri_name(enum tri t)
{
	return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "unknown";
}
