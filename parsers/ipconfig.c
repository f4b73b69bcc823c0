/* ipconfig [/all] in any language.
 *
 * Layout: a title line ("Windows IP Configuration", "Windows IP 配置",
 * "Windows-IP-Konfiguration", "Windows IP 構成", "Configuration IP de
 * Windows"), the global block of indented "Label . . . . : value" lines
 * (/all only), then per adapter a header at the margin ending in ':' and its
 * indented lines. Values continue on much deeper indented lines (DNS
 * servers, search list, gateways). The dot leaders vary by language and some
 * labels fill the column ("Verbindungsspezifisches DNS-Suffix: x", "Adresse
 * IPv4. . . .: x"), so a label is the text before the first colon with
 * trailing dots removed, matched by skeleton (label.h). */
#include "ipconfig.h"

#include <json-c/json.h>
#include <string.h>

#include "label.h"
#include "text.h"

static const char *const titles[] = {
	"Windows IP Configuration", "Windows 2000 IP Configuration", "Windows IP 配置", "Windows IP 設定",
	"Windows-IP-Konfiguration", "Windows NT IP-Konfiguration", "Windows IP 構成",
	"Configuration IP de Windows", "Configuración IP de Windows", "Configuration IP", NULL,
};
static const char *const l_host[] = { "Host Name", "主机名", "主機名稱", "Hostname", "ホスト名", "Nom de l'hôte",
				      "Nombre de host", NULL };
static const char *const l_primary[] = { "Primary Dns Suffix", "主 DNS 后缀", "主要 DNS 尾碼", "Primäres DNS-Suffix",
					 "プライマリ DNS サフィックス", "Suffixe DNS principal",
					 "Sufijo DNS principal", NULL };
static const char *const l_search[] = { "DNS Suffix Search List", "DNS 后缀搜索列表", "DNS 尾碼搜尋清單",
					"DNS-Suffixsuchliste", "DNS サフィックス検索一覧",
					"Liste de recherche du suffixe DNS", "Lista de búsqueda de sufijos DNS", NULL };
static const char *const l_conn_suffix[] = { "Connection-specific DNS Suffix", "连接特定的 DNS 后缀",
					     "連線特定 DNS 尾碼", "Verbindungsspezifisches DNS-Suffix",
					     "接続固有の DNS サフィックス", "Suffixe DNS propre à la connexion",
					     "Sufijo DNS específico para la conexión", NULL };
static const char *const l_desc[] = { "Description", "描述", "Beschreibung", "説明", "Descripción", NULL };
static const char *const l_ipv4[] = { "IPv4 Address", "IPv4 地址", "IPv4 位址", "IPv4-Adresse", "IPv4 アドレス",
				      "Adresse IPv4", "Dirección IPv4", "IP Address", "IP-Adresse", "IP 地址",
				      "Adresse IP", NULL };

static int ends_with_colon(const char *s, size_t n, size_t *name_len)
{
	span_trim(&s, &n);
	size_t k = 0;
	if (n >= 1 && s[n - 1] == ':')
		k = 1;
	else if (n >= 3 && (unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] == 0xBC &&
		 (unsigned char)s[n - 1] == 0x9A)
		k = 3;
	if (!k)
		return 0;
	n -= k;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*name_len = n;
	return 1;
}

/* "   Label . . . . : value": label without dot leaders, value trimmed.
 * dotted is set when the label had a dot leader. */
static int kv_split(const struct line *l, const char **lab, size_t *labn, const char **val, size_t *valn,
		    int *dotted)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t cl;
	long c = find_colon(s, n, &cl);
	if (c <= 0)
		return 0;
	size_t ln = (size_t)c;
	size_t raw = ln;
	while (ln && (s[ln - 1] == ' ' || s[ln - 1] == '.' || s[ln - 1] == '\t'))
		ln--;
	if (!ln || u8_width(s, ln) > 60)
		return 0;
	*dotted = 0;
	for (size_t i = ln; i < raw; i++)
		if (s[i] == '.')
			*dotted = 1;
	*lab = s;
	*labn = ln;
	*val = s + c + cl;
	*valn = n - (size_t)c - cl;
	span_trim(val, valn);
	return 1;
}

static int is_title(const struct line *l)
{
	return line_indent(l) == 0 && label_is(l->s, l->len, titles);
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	size_t n = t->n < 400 ? t->n : 400;
	int dotted_lines = 0;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &t->v[i];
		if (is_title(l))
			return BID_STRONG;
		if (line_indent(l) == 0 || line_indent(l) > 12)
			continue;
		const char *a, *b;
		size_t an, bn;
		int dotted;
		if (kv_split(l, &a, &an, &b, &bn, &dotted) && dotted)
			dotted_lines++;
	}
	return dotted_lines >= 3 ? BID_STRONG : BID_NONE;
}

/* "192.168.1.5(Preferred)" -> "192.168.1.5" */
static const char *addr_dup(struct arena *a, const char *v, size_t n)
{
	size_t k = 0;
	while (k < n && v[k] != '(' && v[k] != ' ')
		k++;
	return k ? arena_strndup(a, v, k) : NULL;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct arena *a = ctx->arena;
	struct ipconfig_result *r = arena_alloc(a, sizeof *r);
	*out = r;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	struct ipconfig_adapter *cur = NULL;
	size_t label_indent = 0;
	int in_search = 0, labels = 0, unknown = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l)) {
			in_search = 0;
			continue;
		}
		if (line_is_prompt(l))
			continue;
		size_t ind = line_indent(l);
		if (ind == 0) {
			in_search = 0;
			size_t nl;
			/* the title; in an unknown language, the first margin line naming IP */
			if (!r->title && !cur &&
			    (is_title(l) || (span_find_ci(l->s, l->len, "IP") >= 0 &&
					     !ends_with_colon(l->s, l->len, &nl)))) {
				r->title = span_dup_trim(a, l->s, l->len);
				r->title_line = l->no;
				continue;
			}
			int header = ends_with_colon(l->s, l->len, &nl);
			/* a header wrapped before its colon: "Adapter Hotspot" / ":" */
			int wrapped = !header && i + 1 < t->n && ends_with_colon(t->v[i + 1].s, t->v[i + 1].len, &nl) &&
				      nl == 0 && line_indent(&t->v[i + 1]) == 0;
			if (header || wrapped) {
				if (header && nl == 0)
					continue; /* the lone colon of a wrapped header */
				cur = VEC_PUSH(a, &r->adapters);
				if (!cur)
					break;
				const char *s = l->s;
				size_t n = l->len;
				span_trim(&s, &n);
				if (header)
					ends_with_colon(s, n, &n);
				cur->name = span_dup_trim(a, s, n);
				cur->line = l->no;
				continue;
			}
			/* a value hard-wrapped at the console width continues here */
			if (i > 0 && u8_width(t->v[i - 1].s, t->v[i - 1].len) >= 75)
				continue;
			if (r->title || r->adapters.n)
				unknown++;
			continue;
		}
		const char *lab, *val;
		size_t labn, valn;
		int dotted;
		int is_kv = kv_split(l, &lab, &labn, &val, &valn, &dotted);
		if (!label_indent && is_kv)
			label_indent = ind;
		if (!is_kv || (label_indent && ind >= label_indent + 10)) {
			/* continuation of the value above */
			if (in_search) {
				const char **p = VEC_PUSH(a, &r->search_list);
				if (p)
					*p = span_dup_trim(a, l->s, l->len);
			}
			continue;
		}
		labels++;
		in_search = 0;
		if (!cur) {
			if (label_is(lab, labn, l_host)) {
				r->host_name = arena_strndup(a, val, valn);
				r->host_line = l->no;
				r->all = 1;
			} else if (label_is(lab, labn, l_primary)) {
				r->primary_dns_suffix = arena_strndup(a, val, valn);
				r->suffix_line = l->no;
			} else if (label_is(lab, labn, l_search)) {
				in_search = 1;
				if (valn) {
					const char **p = VEC_PUSH(a, &r->search_list);
					if (p)
						*p = arena_strndup(a, val, valn);
				}
			}
			continue;
		}
		if (!cur->dns_suffix && label_is(lab, labn, l_conn_suffix))
			cur->dns_suffix = arena_strndup(a, val, valn);
		else if (!cur->description && label_is(lab, labn, l_desc))
			cur->description = arena_strndup(a, val, valn);
		else if (!cur->ipv4 && label_is(lab, labn, l_ipv4))
			cur->ipv4 = addr_dup(a, val, valn);
	}
	if (arena_exhausted(a)) {
		ctx->reason = "out of memory";
		return PARSE_PARTIAL;
	}
	if (!r->title && !labels) {
		ctx->reason = "no ipconfig title or \"Label . . . : value\" lines found";
		return PARSE_FAILED;
	}
	if (unknown) {
		ctx->reason = arena_printf(a, "%d line(s) not understood", unknown);
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static void put_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static struct json_object *to_json(const void *result)
{
	const struct ipconfig_result *r = result;
	struct json_object *o = json_object_new_object();
	put_str(o, "title", r->title);
	json_object_object_add(o, "all", json_object_new_boolean(r->all));
	put_str(o, "host_name", r->host_name);
	put_str(o, "primary_dns_suffix", r->primary_dns_suffix);
	struct json_object *sl = json_object_new_array();
	for (size_t i = 0; i < r->search_list.n; i++)
		json_object_array_add(sl, json_object_new_string(r->search_list.v[i] ? r->search_list.v[i] : ""));
	json_object_object_add(o, "dns_suffix_search_list", sl);
	struct json_object *ad = json_object_new_array();
	for (size_t i = 0; i < r->adapters.n; i++) {
		const struct ipconfig_adapter *x = &r->adapters.v[i];
		struct json_object *j = json_object_new_object();
		put_str(j, "name", x->name);
		put_str(j, "dns_suffix", x->dns_suffix);
		put_str(j, "description", x->description);
		put_str(j, "ipv4", x->ipv4);
		json_object_object_add(j, "line", json_object_new_int64(x->line));
		json_object_array_add(ad, j);
	}
	json_object_object_add(o, "adapters", ad);
	return o;
}

const struct parser ipconfig_parser = { "ipconfig", bid, parse, to_json };
