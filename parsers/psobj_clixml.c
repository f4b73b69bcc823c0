/* Export-Clixml (PSRP serialization, [MS-PSRP] 2.2.5) -> generic records.
 *
 * Safety: the text is hostile. A DOCTYPE or entity declaration is refused
 * before libxml2 sees the text (Clixml never has one), and libxml2 runs
 * without entity substitution, DTD loading or network access, with errors
 * kept off the terminal. Text is read from text nodes only, so an entity
 * reference could never be expanded by us either. Walks are iterative and
 * stop at PS_MAX_DEPTH levels.
 *
 * Encoding: Windows PowerShell 5.1 writes the file in UTF-16LE, PowerShell 7
 * in UTF-8; the decoder hands us UTF-8 either way, so a declaration that
 * says utf-16 is blanked out and libxml2 is told the bytes are UTF-8. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "psobj_int.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

/* RefIds are small sequential numbers in PSRP output ("0", "1", ...): a table
 * indexed by the number keeps every lookup O(1) whatever the input holds. */
#define PS_MAX_REFS 65536
struct refmap {
	const char *text;  /* TN: most-derived type; Obj: ToString */
	int set;
	int has_num;
	long long num;
};
typedef struct {
	struct refmap *v;
	size_t n, cap;
} refmap_vec;

struct cx {
	struct arena *a;
	const struct lines *t;
	size_t first;        /* index of the document's first line in t */
	struct ps_objects *out;
	refmap_vec tns, objs;
};

static uint32_t orig_line(const struct cx *c, const xmlNode *n)
{
	long l = xmlGetLineNo(n);
	if (l <= 0)
		return 0;
	size_t idx = c->first + (size_t)(l - 1);
	if (idx >= c->t->n)
		return c->t->n ? c->t->v[c->t->n - 1].no : 0;
	return c->t->v[idx].no;
}

static int is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const xmlNode *child_el(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* PSRP escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D__x000A_). */
static char *unescape_psrp(struct arena *a, const char *s, size_t n)
{
	char *o = arena_alloc(a, n + 1);
	if (!o)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		if (i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
			unsigned v = 0;
			int ok = 1;
			for (int k = 2; k < 6; k++) {
				char h = s[i + k];
				v <<= 4;
				if (h >= '0' && h <= '9') v |= (unsigned)(h - '0');
				else if (h >= 'a' && h <= 'f') v |= (unsigned)(h - 'a' + 10);
				else if (h >= 'A' && h <= 'F') v |= (unsigned)(h - 'A' + 10);
				else ok = 0;
			}
			if (ok && v < 0x800 && v >= 0x80) {
				o[j++] = (char)(0xC0 | (v >> 6));
				o[j++] = (char)(0x80 | (v & 0x3F));
				i += 7;
				continue;
			}
			if (ok && v < 0x80) {
				o[j++] = v ? (char)v : ' ';
				i += 7;
				continue;
			}
			if (ok && (v < 0xD800 || v > 0xDFFF)) {
				o[j++] = (char)(0xE0 | (v >> 12));
				o[j++] = (char)(0x80 | ((v >> 6) & 0x3F));
				o[j++] = (char)(0x80 | (v & 0x3F));
				i += 7;
				continue;
			}
		}
		o[j++] = s[i++];
	}
	o[j] = 0;
	return o;
}

/* Text of an element's own text/CDATA children: entity references are never
 * followed (xmlNodeGetContent would expand them). */
static char *own_text(struct arena *a, const xmlNode *n)
{
	size_t total = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			total += strlen((const char *)c->content);
	char *buf = arena_alloc(a, total + 1);
	if (!buf)
		return NULL;
	size_t p = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			size_t k = strlen((const char *)c->content);
			memcpy(buf + p, c->content, k);
			p += k;
		}
	}
	buf[p] = 0;
	char *u = unescape_psrp(a, buf, p);
	return u ? span_dup_trim(a, u, strlen(u)) : NULL;
}

static char *attr(struct arena *a, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *r = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return r;
}

static const char *const num_tags[] = { "I32", "U32", "I64", "U64", "I16", "U16", "By", "SB", NULL };
static const char *const text_tags[] = { "S", "B", "I32", "U32", "I64", "U64", "I16", "U16", "By",
					 "SB", "Db", "Sg", "D", "C", "DT", "TS", "G", "URI",
					 "Version", "XD", "SS", "BA", NULL };

static int in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return 1;
	return 0;
}

static int parse_num(const char *s, long long *out)
{
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	if (*s == '-') {
		long long v = strtoll(s, &end, 10);
		if (*end || errno)
			return 0;
		*out = v;
		return 1;
	}
	unsigned long long u = strtoull(s, &end, 10);
	if (*end || errno)
		return 0;
	*out = (long long)u; /* U64 above LLONG_MAX wraps; only small values matter */
	return 1;
}

/* An enum or other complex object: its ToString and integer value. */
static int obj_summary(struct cx *c, const xmlNode *o, const char **text, int *has_num, long long *num)
{
	*text = NULL;
	*has_num = 0;
	const xmlNode *ts = child_el(o, "ToString");
	if (ts) {
		*text = own_text(c->a, ts);
		if (!*text)
			return -1;
	}
	for (const xmlNode *k = o->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || !in_list((const char *)k->name, num_tags))
			continue;
		if (xmlHasProp(k, (const xmlChar *)"N"))
			continue;
		const char *v = own_text(c->a, k);
		if (!v)
			return -1;
		if (parse_num(v, num)) {
			*has_num = 1;
			if (!*text)
				*text = v;
		}
		break;
	}
	return 0;
}

static long ref_index(const char *id)
{
	if (!id || !*id)
		return -1;
	long v = 0;
	for (const char *p = id; *p; p++) {
		if (*p < '0' || *p > '9' || v >= PS_MAX_REFS)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v < PS_MAX_REFS ? v : -1;
}

static const struct refmap *ref_find(const refmap_vec *m, const char *id)
{
	long i = ref_index(id);
	if (i < 0 || (size_t)i >= m->n || !m->v[i].set)
		return NULL;
	return &m->v[i];
}

/* Slot for RefId `id`; NULL when the id is not a small number (ignored) or
 * the arena is full (*oom set). */
static struct refmap *ref_slot(struct arena *a, refmap_vec *m, const char *id, int *oom)
{
	long i = ref_index(id);
	if (i < 0)
		return NULL;
	if ((size_t)i >= m->n) {
		if (arena_grow(a, (void **)&m->v, &m->cap, sizeof *m->v, (size_t)i + 1) != 0) {
			*oom = 1;
			return NULL;
		}
		m->n = (size_t)i + 1;
	}
	m->v[i].set = 1;
	return &m->v[i];
}

/* First pass: every <TN RefId> and every <Obj RefId> in document order, so
 * that <TNRef>/<Ref> later in the file resolve. Iterative, depth-capped. */
static int collect_refs(struct cx *c, const xmlNode *root)
{
	const xmlNode *n = root;
	int depth = 0, partial = 0;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (is_el(n, "TN")) {
				char *id = attr(c->a, n, "RefId");
				const xmlNode *t0 = child_el(n, "T");
				int oom = 0;
				struct refmap *r = id && t0 ? ref_slot(c->a, &c->tns, id, &oom) : NULL;
				if (oom)
					return -1;
				if (r)
					r->text = own_text(c->a, t0);
			} else if (is_el(n, "Obj") && xmlHasProp(n, (const xmlChar *)"RefId")) {
				int oom = 0;
				struct refmap *r = ref_slot(c->a, &c->objs, attr(c->a, n, "RefId"), &oom);
				if (oom)
					return -1;
				if (r && obj_summary(c, n, &r->text, &r->has_num, &r->num) != 0)
					return -1;
			}
		}
		/* next node: child (within the cap), sibling, or an ancestor's sibling */
		if (n->children && n->type == XML_ELEMENT_NODE && depth < PS_MAX_DEPTH) {
			n = n->children;
			depth++;
			continue;
		}
		if (n->children && n->type == XML_ELEMENT_NODE)
			partial = 1;
		while (n && n != root && !n->next) {
			n = n->parent;
			depth--;
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
	return partial;
}

static int add_prop(struct cx *c, long idx, const xmlNode *e)
{
	const char *ename = (const char *)e->name;
	char *name = attr(c->a, e, "N");
	if (!name)
		return 0;
	if (!strcmp(name, "__ClassMetadata"))
		return 0; /* WMI class description: not a property */
	struct ps_value *v = ps_val_add(c->a, c->out, idx, name, NULL, orig_line(c, e));
	if (!v)
		return -1;
	if (!strcmp(ename, "Nil"))
		return 0;
	if (in_list(ename, text_tags)) {
		v->value = own_text(c->a, e);
		if (!v->value)
			return -1;
		if (in_list(ename, num_tags))
			v->has_num = parse_num(v->value, &v->num);
		return 0;
	}
	if (!strcmp(ename, "Obj")) {
		const char *text;
		if (obj_summary(c, e, &text, &v->has_num, &v->num) != 0)
			return -1;
		v->value = text;
		return 0;
	}
	if (!strcmp(ename, "Ref")) {
		char *id = attr(c->a, e, "RefId");
		const struct refmap *r = ref_find(&c->objs, id);
		if (r) {
			v->value = r->text;
			v->has_num = r->has_num;
			v->num = r->num;
		}
		return 0;
	}
	return 0;
}

static int read_object(struct cx *c, const xmlNode *o)
{
	long idx = ps_obj_add(c->a, c->out, orig_line(c, o));
	if (idx < 0)
		return -1;
	const xmlNode *tn = child_el(o, "TN");
	const char *type = NULL;
	if (tn) {
		const xmlNode *t0 = child_el(tn, "T");
		if (t0 && !(type = own_text(c->a, t0)))
			return -1;
	} else if ((tn = child_el(o, "TNRef"))) {
		const struct refmap *r = ref_find(&c->tns, attr(c->a, tn, "RefId"));
		type = r ? r->text : NULL;
	}
	c->out->v[idx].type_name = type;
	const xmlNode *ts = child_el(o, "ToString");
	if (ts && !(c->out->v[idx].to_string = own_text(c->a, ts)))
		return -1;
	for (const xmlNode *sec = o->children; sec; sec = sec->next) {
		if (!is_el(sec, "Props") && !is_el(sec, "MS"))
			continue;
		for (const xmlNode *e = sec->children; e; e = e->next)
			if (e->type == XML_ELEMENT_NODE && add_prop(c, idx, e) != 0)
				return -1;
	}
	return 0;
}

static int has_decl(const char *s, size_t n, const char *what)
{
	return span_find_ci(s, n, what) >= 0;
}

int psobj_read_clixml(struct arena *a, const struct lines *t, size_t first, struct ps_objects *out)
{
	size_t len;
	char *buf = ps_join_lines(a, t, first, &len);
	if (!buf)
		return -1;
	if (len > INT32_MAX) {
		out->reason = "Clixml document too large";
		return -1;
	}
	if (has_decl(buf, len, "<!DOCTYPE") || has_decl(buf, len, "<!ENTITY")) {
		out->reason = "XML with a DOCTYPE or entity declarations refused (Clixml has none)";
		return -1;
	}
	/* blank the XML declaration (keeps line numbers): the text is UTF-8 now,
	 * whatever encoding the declaration names */
	char *p = buf;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if ((size_t)(p - buf) + 3 <= len && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		memset(p, ' ', 3);
		p += 3;
	}
	if (!strncmp(p, "<?xml", 5)) {
		char *e = strstr(p, "?>");
		if (e) {
			for (char *q = p; q < e + 2; q++)
				if (*q != '\n')
					*q = ' ';
		}
	}

	pthread_once(&xml_once, xml_init);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		out->reason = "out of memory for the XML parser";
		return -1;
	}
	const int opts = XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
			 XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8", opts);
	int recovered = 0;
	if (!doc) {
		/* a cut line or a truncated file: keep what can be read */
		doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8", opts | XML_PARSE_RECOVER);
		recovered = 1;
	}
	if (!doc) {
		xmlFreeParserCtxt(ctxt);
		out->reason = "Clixml is not well-formed XML";
		return -1;
	}
	int rc = 0;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !is_el(root, "Objs")) {
		out->reason = "XML root is not <Objs> (not Export-Clixml output)";
		rc = -1;
		goto done;
	}
	struct cx c = { a, t, first, out, { 0 }, { 0 } };
	out->first_line = orig_line(&c, root);
	int pr = collect_refs(&c, root);
	if (pr < 0) {
		rc = -1;
		goto done;
	}
	for (const xmlNode *o = root->children; o; o = o->next) {
		if (!is_el(o, "Obj"))
			continue;
		if (read_object(&c, o) != 0) {
			rc = -1;
			goto done;
		}
	}
	if (pr > 0) {
		out->partial = 1;
		out->reason = "Clixml nested deeper than the depth cap; inner levels skipped";
	}
	if (recovered) {
		out->partial = 1;
		out->reason = "Clixml is not well-formed; read what could be recovered";
	}
done:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}
