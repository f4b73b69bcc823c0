/* systeminfo in any language.
 *
 * List form: "Label:" at the left margin, the value at a column shared by the
 * whole output (27 in en, 18 in zh, 47 in de, 44 in fr); deeper indented
 * lines continue the field above (processors, hotfixes, NICs). Labels are
 * matched by skeleton (see label.h), so accents lost to a wrong code page
 * still match; an unknown language yields no fields rather than wrong ones.
 * /fo csv is a quoted header row plus one data row; /fo table a header
 * line, a rule of '=' runs and one row. */
#include "sysinfo.h"

#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "label.h"
#include "text.h"

enum { F_HOST, F_OS_NAME, F_OS_VERSION, F_OS_CONFIG, F_DOMAIN, F_LOGON, F_COUNT };

/* zh-TW and es forms are guesses kept for tolerance. */
static const char *const labels_host[] = { "Host Name", "主机名", "主機名稱", "Hostname", "ホスト名",
					   "Nom de l'hôte", "Nombre de host", NULL };
static const char *const labels_os_name[] = { "OS Name", "OS 名称", "OS 名稱", "Betriebssystemname", "OS 名",
					      "Nom du système d'exploitation", "Nombre del sistema operativo",
					      NULL };
static const char *const labels_os_version[] = { "OS Version", "OS 版本", "Betriebssystemversion",
						 "OS バージョン", "Version du système",
						 "Versión del sistema operativo", NULL };
static const char *const labels_os_config[] = { "OS Configuration", "OS 配置", "Betriebssystemkonfiguration",
						"OS 構成", "Configuration du système d'exploitation",
						"Configuración del sistema operativo", NULL };
static const char *const labels_domain[] = { "Domain", "域", "網域", "Domäne", "ドメイン", "Domaine", "Dominio",
					     NULL };
static const char *const labels_logon[] = { "Logon Server", "登录服务器", "登入伺服器", "Anmeldeserver",
					    "ログオン サーバー", "Serveur d'ouverture de session",
					    "Servidor de inicio de sesión", NULL };

static const char *const *const field_labels[F_COUNT] = {
	labels_host, labels_os_name, labels_os_version, labels_os_config, labels_domain, labels_logon,
};

/* OS Configuration values (skeleton substrings). */
static const char *const w_standalone[] = { "standalone", "stand-alone", "独立", "eigenständig",
					    "スタンドアロン", "autonome", "independiente", NULL };
static const char *const w_member[] = { "member", "成员", "成員", "mitglied", "メンバー", "membre", "miembro",
					NULL };
static const char *const w_dc[] = { "domain controller", "域控制器", "網域控制站", "domänencontroller",
				    "ドメイン コントローラー", "contrôleur", "controlador de dominio", NULL };

static int field_of(const char *s, size_t n)
{
	for (int f = 0; f < F_COUNT; f++)
		if (label_is(s, n, field_labels[f]))
			return f;
	return -1;
}

static struct sysinfo_field *field_ptr(struct sysinfo_result *r, int f)
{
	switch (f) {
	case F_HOST: return &r->host;
	case F_OS_NAME: return &r->os_name;
	case F_OS_VERSION: return &r->os_version;
	case F_OS_CONFIG: return &r->os_config;
	case F_DOMAIN: return &r->domain;
	default: return &r->logon_server;
	}
}

/* "Label:   value" at the line's own margin. The label has no dot leaders
 * (that is ipconfig) and is at most a few words. */
static int kv_split(const struct line *l, const char **lab, size_t *labn, const char **val, size_t *valn)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t cl;
	long c = find_colon(s, n, &cl);
	if (c <= 0)
		return 0;
	size_t ln = (size_t)c;
	while (ln && (s[ln - 1] == ' ' || s[ln - 1] == '\t'))
		ln--;
	if (!ln || s[ln - 1] == '.' || u8_width(s, ln) > 60)
		return 0;
	*lab = s;
	*labn = ln;
	*val = s + c + cl;
	*valn = n - (size_t)c - cl;
	span_trim(val, valn);
	return 1;
}

static int is_csv_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	return n >= 2 && s[0] == '"' && s[n - 1] == '"' && memchr(s, ',', n);
}

#define MAX_CSV 64

/* Quoted CSV fields as byte ranges into the line (no unescaping needed for
 * the fields we keep; "" inside a value is left as printed). */
static size_t csv_ranges(const struct line *l, const char **f, size_t *fn, size_t max)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		size_t st, en;
		if (s[i] == '"') {
			st = ++i;
			while (i < n && !(s[i] == '"' && (i + 1 >= n || s[i + 1] == ',')))
				i++;
			en = i;
			if (i < n)
				i++;
		} else {
			st = i;
			while (i < n && s[i] != ',')
				i++;
			en = i;
		}
		f[k] = s + st;
		fn[k] = en - st;
		k++;
		if (i < n && s[i] == ',')
			i++;
		else
			break;
	}
	return k;
}

static void set_field(struct arena *a, struct sysinfo_result *r, int f, const char *v, size_t n, uint32_t line)
{
	struct sysinfo_field *p = field_ptr(r, f);
	if (p->value)
		return;
	p->value = span_dup_trim(a, v, n);
	p->line = line;
}

static int read_csv(struct arena *a, struct sysinfo_result *r, const struct lines *t, size_t h)
{
	const char *hf[MAX_CSV], *rf[MAX_CSV];
	size_t hn[MAX_CSV], rn[MAX_CSV];
	size_t k = csv_ranges(&t->v[h], hf, hn, MAX_CSV);
	if (h + 1 >= t->n)
		return 0;
	size_t m = csv_ranges(&t->v[h + 1], rf, rn, MAX_CSV);
	int got = 0;
	for (size_t i = 0; i < k && i < m; i++) {
		int f = field_of(hf[i], hn[i]);
		if (f >= 0) {
			set_field(a, r, f, rf[i], rn[i], t->v[h + 1].no);
			got++;
		}
	}
	r->labels += (int)k;
	return got;
}

static int is_eq_rule(const struct line *l)
{
	size_t n = l->len;
	while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	if (n < 3 || l->s[0] != '=')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (l->s[i] != '=' && l->s[i] != ' ')
			return 0;
	return 1;
}

#define MAX_COLS 64

static int read_table(struct arena *a, struct sysinfo_result *r, const struct lines *t, size_t rule)
{
	if (rule == 0 || rule + 1 >= t->n)
		return 0;
	struct colspan cols[MAX_COLS];
	size_t k = rule_columns(&t->v[rule], '=', cols, MAX_COLS);
	const struct line *h = &t->v[rule - 1], *row = &t->v[rule + 1];
	int got = 0;
	for (size_t i = 0; i < k; i++) {
		size_t c1 = i + 1 < k ? cols[i + 1].start : (size_t)-1;
		size_t hb = u8_col_offset(h->s, h->len, cols[i].start);
		size_t he = c1 == (size_t)-1 ? h->len : u8_col_offset(h->s, h->len, c1);
		size_t rb = u8_col_offset(row->s, row->len, cols[i].start);
		size_t re = c1 == (size_t)-1 ? row->len : u8_col_offset(row->s, row->len, c1);
		int f = field_of(h->s + hb, he - hb);
		if (f >= 0 && re >= rb) {
			set_field(a, r, f, row->s + rb, re - rb, row->no);
			got++;
		}
	}
	r->labels += (int)k;
	return got;
}

/* Margin of the list: the indentation of the first line whose label is known. */
static long list_margin(const struct lines *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *lab, *val;
		size_t ln, vn;
		if (kv_split(&t->v[i], &lab, &ln, &val, &vn) && field_of(lab, ln) >= 0)
			return (long)line_indent(&t->v[i]);
	}
	return -1;
}

static int read_list(struct arena *a, struct sysinfo_result *r, const struct lines *t, size_t margin)
{
	int got = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l) || line_indent(l) != margin)
			continue; /* continuation of the field above, or not ours */
		const char *lab, *val;
		size_t ln, vn;
		if (!kv_split(l, &lab, &ln, &val, &vn))
			continue;
		r->labels++;
		int f = field_of(lab, ln);
		if (f >= 0) {
			set_field(a, r, f, val, vn, l->no);
			got++;
		}
	}
	return got;
}

static void decide_joined(struct sysinfo_result *r)
{
	r->domain_joined = -1;
	const char *c = r->os_config.value;
	if (c && *c) {
		size_t n = strlen(c);
		if (label_has(c, n, w_standalone))
			r->domain_joined = 0;
		else if (label_has(c, n, w_member) || label_has(c, n, w_dc))
			r->domain_joined = 1;
	}
	const char *d = r->domain.value;
	if (r->domain_joined < 0 && d && *d) {
		if (strchr(d, '.'))
			r->domain_joined = 1; /* an AD DNS domain name */
		else if (str_eq_ci(d, "WORKGROUP"))
			r->domain_joined = 0;
	}
}

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	size_t n = t->n < 400 ? t->n : 400;
	int kv = 0;
	unsigned known = 0;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &t->v[i];
		if (is_csv_line(l) && i + 1 < t->n) {
			const char *f[MAX_CSV];
			size_t fn[MAX_CSV];
			size_t k = csv_ranges(l, f, fn, MAX_CSV);
			unsigned csv_known = 0;
			for (size_t j = 0; j < k; j++) {
				int x = field_of(f[j], fn[j]);
				if (x >= 0)
					csv_known |= 1u << x;
			}
			if (k >= 8 && (csv_known & ((1u << F_HOST) | (1u << F_OS_NAME))) &&
			    __builtin_popcount(csv_known) >= 3)
				return BID_STRONG;
		}
		if (line_indent(l) > 8)
			continue;
		const char *lab, *val;
		size_t ln, vn;
		if (!kv_split(l, &lab, &ln, &val, &vn))
			continue;
		kv++;
		int x = field_of(lab, ln);
		if (x >= 0)
			known |= 1u << x;
	}
	int named = (known & ((1u << F_HOST) | (1u << F_OS_NAME))) != 0;
	if (named && __builtin_popcount(known) >= 3 && kv >= 5)
		return BID_STRONG;
	if (named && kv >= 8)
		return BID_LIKELY;
	return BID_NONE;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct arena *a = ctx->arena;
	struct sysinfo_result *r = arena_alloc(a, sizeof *r);
	*out = r;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	int got = 0;
	for (size_t i = 0; i < t->n && !got; i++) {
		if (is_csv_line(&t->v[i]) && i + 1 < t->n && is_csv_line(&t->v[i + 1])) {
			got = read_csv(a, r, t, i);
			if (got)
				r->format = "csv";
		} else if (is_eq_rule(&t->v[i])) {
			got = read_table(a, r, t, i);
			if (got)
				r->format = "table";
		}
	}
	if (!got) {
		long m = list_margin(t);
		if (m >= 0) {
			got = read_list(a, r, t, (size_t)m);
			r->format = "list";
		}
	}
	decide_joined(r);
	if (!got) {
		ctx->reason = "no systeminfo field recognised";
		return PARSE_FAILED;
	}
	if (!r->host.value) {
		ctx->reason = "no host name line found";
		return PARSE_PARTIAL;
	}
	return PARSE_OK;
}

static void put_field(struct json_object *o, const char *k, const struct sysinfo_field *f)
{
	json_object_object_add(o, k, f->value ? json_object_new_string(f->value) : NULL);
}

static struct json_object *to_json(const void *result)
{
	const struct sysinfo_result *r = result;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "format", r->format ? json_object_new_string(r->format) : NULL);
	put_field(o, "host_name", &r->host);
	put_field(o, "os_name", &r->os_name);
	put_field(o, "os_version", &r->os_version);
	put_field(o, "os_configuration", &r->os_config);
	put_field(o, "domain", &r->domain);
	put_field(o, "logon_server", &r->logon_server);
	json_object_object_add(o, "domain_joined",
			       r->domain_joined < 0 ? NULL : json_object_new_boolean(r->domain_joined));
	return o;
}

const struct parser sysinfo_parser = { "systeminfo", bid, parse, to_json };
