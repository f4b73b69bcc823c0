/* cmdkey /list in any language.
 *
 * Layout (windows-output-en.md §4, -localized.md §1.3/2.3/3.3): a header
 * line ending in a colon ("Currently stored credentials:" or "... for
 * <target>:"), then one block per credential of 4-space indented lines:
 * "Target: <t>", "Type: <type>", optional "User: <u>", optional persistence
 * line (no colon), blocks separated by blank lines (which may hold spaces).
 * Labels are localized, so a block is read by position (1st field target,
 * 2nd type, 3rd user, colon-less line persistence); known label words only
 * refine that. "* NONE *" marks an empty list; "CMDKEY: ..." lines are the
 * results of /add, /generic and /delete. */
#include "cmdkey.h"

#include <json-c/json.h>
#include <string.h>

#include "label.h"
#include "text.h"

/* Header words (skeleton substrings). ja/fr are unverified guesses; unknown
 * languages are recognised by structure instead. */
static const char *const header_words[] = {
	"Currently stored credentials",
	"当前保存的凭据",
	"Momentan gespeicherte Anmeldeinformationen",
	"Derzeit gespeicherte Anmeldeinformationen",
	"gespeicherte Anmeldeinformationen",
	"Informations d’identification actuellement stockées",
	"actuellement stockées",
	"保存されている資格情報",
	NULL,
};

static const char *const target_labels[] = { "Target", "目标", "目標", "Ziel", "ターゲット", "対象", "Cible", NULL };
static const char *const type_labels[] = { "Type", "类型", "類型", "Typ", "種類", NULL };
static const char *const user_labels[] = { "User", "用户", "使用者", "Benutzer", "ユーザー", "Utilisateur",
					   "Nom d'utilisateur", NULL };

/* Type values, most specific first. */
static const char *const w_cert[] = { "certificate", "证书", "憑證", "zertifikat", "証明書", "certificat", NULL };
static const char *const w_domain[] = { "domain", "域", "domäne", "ドメイン", "domaine", NULL };
static const char *const w_extended[] = { "extended", "扩展", "擴充", "erweitert", "拡張", "étendu", NULL };
static const char *const w_password[] = { "password", "密码", "密碼", "kennwort", "passwort", "パスワード",
					  "mot de passe", NULL };
static const char *const w_generic[] = { "generic", "普通", "一般", "allgemein", "汎用", "générique", "generique", NULL };

/* Persistence lines. */
static const char *const w_enterprise[] = { "enterprise", "企业", "企業", "unternehmen", "エンタープライズ",
					    "entreprise", NULL };
static const char *const w_local[] = { "local machine", "本地机器", "本機", "lokale", "lokaler", "ローカル",
				       "ordinateur local", "local", NULL };
static const char *const w_logon[] = { "logon", "登录", "登入", "sitzung", "anmeldung", "ログオン", "session", NULL };

static const char *const w_added[] = { "added", "hinzugefügt", "添加", "新增", "追加", "ajout", NULL };
static const char *const w_deleted[] = { "deleted", "gelöscht", "删除", "刪除", "削除", "supprim", NULL };

const char *cmdkey_type_name(enum cmdkey_type t)
{
	switch (t) {
	case CMDKEY_TYPE_UNKNOWN: return "unknown";
	case CMDKEY_TYPE_DOMAIN_PASSWORD: return "domain-password";
	case CMDKEY_TYPE_GENERIC: return "generic";
	case CMDKEY_TYPE_DOMAIN_CERTIFICATE: return "domain-certificate";
	case CMDKEY_TYPE_GENERIC_CERTIFICATE: return "generic-certificate";
	case CMDKEY_TYPE_DOMAIN_EXTENDED: return "domain-extended";
	case CMDKEY_TYPE_OTHER: return "other";
	}
	return "unknown";
}

static enum cmdkey_type type_from_text(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return CMDKEY_TYPE_OTHER;
	if (label_has(s, n, w_cert))
		return label_has(s, n, w_domain) ? CMDKEY_TYPE_DOMAIN_CERTIFICATE
						 : CMDKEY_TYPE_GENERIC_CERTIFICATE;
	if (label_has(s, n, w_extended))
		return CMDKEY_TYPE_DOMAIN_EXTENDED;
	if (label_has(s, n, w_password))
		return CMDKEY_TYPE_DOMAIN_PASSWORD;
	if (label_has(s, n, w_generic))
		return CMDKEY_TYPE_GENERIC;
	return CMDKEY_TYPE_OTHER;
}

static const char *persistence_from_text(const char *s)
{
	size_t n = strlen(s);
	if (label_has(s, n, w_enterprise))
		return "enterprise";
	/* "Saved for this logon only" before "local": fr logon text says
	 * "ouverture de session", and no logon line mentions the machine */
	if (label_has(s, n, w_logon))
		return "logon-session";
	if (label_has(s, n, w_local))
		return "local-machine";
	return NULL;
}

/* "Domain:target=fs01" -> kind "Domain:target", host "fs01"; bare targets
 * ("TERMSRV/10.0.0.1", "fs01", "burrow-spike006:API_KEY") have kind "". */
static void split_target(struct arena *a, struct cmdkey_entry *e)
{
	const char *t = e->target;
	size_t i = 0;
	while ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z'))
		i++;
	size_t j = i + 1;
	if (i > 0 && t[i] == ':') {
		while ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z'))
			j++;
		if (j > i + 1 && t[j] == '=') {
			e->target_kind = arena_strndup(a, t, j);
			if (e->target_kind && str_eq_ci(e->target_kind, "Domain:interactive"))
				e->host = NULL;
			else
				e->host = span_dup_trim(a, t + j + 1, strlen(t + j + 1));
			return;
		}
	}
	e->target_kind = "";
	e->host = e->target;
}

/* "/list:fs01" or /list:"fs01" in a command line -> "fs01". */
static const char *filter_from_command(struct arena *a, const char *cmd, size_t len)
{
	long p = span_find_ci(cmd, len, "/list:");
	if (p < 0)
		return NULL;
	const char *s = cmd + p + 6;
	size_t n = len - (size_t)p - 6;
	size_t k = 0;
	if (n && *s == '"') {
		s++;
		n--;
		while (k < n && s[k] != '"')
			k++;
	} else {
		while (k < n && s[k] != ' ' && s[k] != '\t')
			k++;
	}
	return k ? arena_strndup(a, s, k) : NULL;
}

/* `cmdkey /list | findstr /i "fs01"` -> "fs01": the pattern of a
 * case-insensitive filter (findstr /i, find /i, Select-String / sls without
 * -CaseSensitive). *piped is set for any pipe into a filter, whatever its
 * case rule. NULL when there is none or it cannot be read (several words
 * for findstr, a regular expression). */
static const char *grep_from_command(struct arena *a, const char *cmd, size_t len, int *piped)
{
	*piped = 0;
	const char *bar = memchr(cmd, '|', len);
	if (!bar)
		return NULL;
	const char *s = bar + 1;
	size_t n = len - (size_t)(s - cmd);
	span_trim(&s, &n);
	size_t w = 0;
	while (w < n && s[w] != ' ' && s[w] != '\t')
		w++;
	int ps = 0;
	if ((w == 7 && span_starts_ci(s, w, "findstr")) || (w == 11 && span_starts_ci(s, w, "findstr.exe")) ||
	    (w == 4 && span_starts_ci(s, w, "find")) || (w == 8 && span_starts_ci(s, w, "find.exe")))
		ps = 0;
	else if ((w == 13 && span_starts_ci(s, w, "Select-String")) || (w == 3 && span_starts_ci(s, w, "sls")))
		ps = 1;
	else
		return NULL;
	*piped = 1;
	int ci = ps, multi = 0;
	const char *pat = NULL;
	size_t pn = 0;
	for (size_t i = w; i < n;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n || s[i] == '|')
			break;
		size_t st = i;
		int quoted = 0;
		if (s[i] == '"' || s[i] == '\'') {
			char q = s[i++];
			st = i;
			while (i < n && s[i] != q)
				i++;
			quoted = 1;
		} else {
			while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '|')
				i++;
		}
		const char *tok = s + st;
		size_t tn = i - st;
		if (quoted && i < n)
			i++;
		if (!quoted && tn >= 2 && (tok[0] == '/' || tok[0] == '-')) {
			if (span_starts_ci(tok, tn, "/i") && tn == 2)
				ci = 1;
			else if (span_starts_ci(tok, tn, "-CaseSensitive"))
				ci = 0;
			else if (span_starts_ci(tok, tn, "/c:")) {
				const char *c = tok + 3;
				size_t cn = tn - 3;
				if (cn && c[0] == '"') { /* /c:"fs01" or /c:"two words" */
					size_t e = (size_t)(c - s) + 1, k = e;
					while (k < n && s[k] != '"')
						k++;
					c = s + e;
					cn = k - e;
					i = k < n ? k + 1 : k;
				}
				if (!pat) {
					pat = c;
					pn = cn;
				}
			} else if (span_starts_ci(tok, tn, "/r")) {
				return NULL; /* a regular expression: not a plain substring */
			}
			continue;
		}
		if (!pat) {
			pat = tok;
			pn = tn;
			multi = !ps && memchr(tok, ' ', tn) != NULL; /* findstr "a b" = a or b */
		}
	}
	if (!pat || !pn || !ci || multi)
		return NULL;
	return arena_strndup(a, pat, pn);
}

/* "Currently stored credentials for fs01:" -> "fs01" (en; de guessed). */
static const char *filter_from_header(struct arena *a, const char *h, size_t n)
{
	static const char *const forms[] = { " credentials for ", " Anmeldeinformationen für ", NULL };
	for (int i = 0; forms[i]; i++) {
		long p = span_find_ci(h, n, forms[i]);
		if (p < 0)
			continue;
		const char *s = h + p + strlen(forms[i]);
		size_t k = n - (size_t)p - strlen(forms[i]);
		size_t cl;
		while (k && (s[k - 1] == ' ' || s[k - 1] == ':'))
			k--;
		if (k >= 3 && find_colon(s + k - 3, 3, &cl) == 0 && cl == 3)
			k -= 3; /* full-width colon */
		return k ? span_dup_trim(a, s, k) : NULL;
	}
	return NULL;
}

static int ends_with_colon(const char *s, size_t n)
{
	span_trim(&s, &n);
	if (n >= 1 && s[n - 1] == ':')
		return 1;
	return n >= 3 && (unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] == 0xBC &&
	       (unsigned char)s[n - 1] == 0x9A;
}

/* An indented "Label: value" line of a credential block. The label is a
 * short word or two: no dot leaders (ipconfig), no path or '=' (targets). */
static int field_split(const struct line *l, const char **lab, size_t *lablen, const char **val,
		       size_t *vallen)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	size_t cl;
	long c = find_colon(s, n, &cl);
	if (c <= 0)
		return 0;
	const char *L = s;
	size_t ln = (size_t)c;
	while (ln && (L[ln - 1] == ' ' || L[ln - 1] == '\t'))
		ln--;
	if (!ln || u8_width(L, ln) > 32 || L[ln - 1] == '.')
		return 0;
	for (size_t i = 0; i < ln; i++)
		if (L[i] == '=' || L[i] == '\\' || L[i] == '/' || L[i] == '*')
			return 0;
	*lab = L;
	*lablen = ln;
	*val = s + c + cl;
	*vallen = n - (size_t)c - cl;
	span_trim(val, vallen);
	return 1;
}

/* "* NONE *", "* KEINE *", "*NONE*": a short starred word. */
static int is_none_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	if (n < 3 || n > 40 || s[0] != '*' || s[n - 1] != '*')
		return 0;
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] == '*' || s[i] == ':')
			return 0;
	return 1;
}

static int is_result_line(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;
	span_trim(&s, &n);
	return span_starts_ci(s, n, "CMDKEY:") || span_starts_ci(s, n, "CMDKEY :");
}

static int is_header_text(const struct line *l)
{
	if (!ends_with_colon(l->s, l->len) || u8_width(l->s, l->len) > 200)
		return 0;
	return label_has(l->s, l->len, header_words) != 0;
}

/* The next non-blank line after i is an indented field line. */
static int followed_by_field(const struct lines *t, size_t i)
{
	for (size_t j = i + 1; j < t->n && j < i + 4; j++) {
		if (line_is_blank(&t->v[j]))
			continue;
		const char *a, *b;
		size_t an, bn;
		return line_indent(&t->v[j]) >= 2 && field_split(&t->v[j], &a, &an, &b, &bn);
	}
	return 0;
}

static int is_header(const struct lines *t, size_t i)
{
	const struct line *l = &t->v[i];
	if (is_header_text(l))
		return 1;
	/* unknown language: a colon-ended top-level line opening a block */
	return line_indent(l) <= 1 && ends_with_colon(l->s, l->len) && u8_width(l->s, l->len) < 120 &&
	       !is_result_line(l) && followed_by_field(t, i);
}

static int starts_entry(const struct line *l);

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	int best = BID_NONE;
	size_t n = t->n < 400 ? t->n : 400;
	for (size_t i = 0; i < n; i++) {
		const struct line *l = &t->v[i];
		if (is_header_text(l) || is_result_line(l))
			return BID_STRONG;
		const char *a, *b;
		size_t an, bn;
		if (line_indent(l) >= 2 && field_split(l, &a, &an, &b, &bn) &&
		    (span_find_ci(b, bn, "target=") >= 0 || span_find_ci(b, bn, "interactive=") >= 0) &&
		    i + 1 < t->n && field_split(&t->v[i + 1], &a, &an, &b, &bn))
			return BID_STRONG;
		if (best < BID_LIKELY && is_header(t, i)) {
			/* colon-ended line + indented block of 2..4 lines, 2 of them fields */
			size_t j = i + 1;
			while (j < t->n && line_is_blank(&t->v[j]))
				j++;
			int fields = 0;
			for (size_t k = j; k < t->n && k < j + 4 && !line_is_blank(&t->v[k]); k++)
				if (line_indent(&t->v[k]) >= 2 && field_split(&t->v[k], &a, &an, &b, &bn))
					fields++;
			if (fields >= 2)
				best = BID_LIKELY;
		}
	}
	if (best == BID_NONE && ctx && ctx->command && span_find_ci(ctx->command, strlen(ctx->command), "cmdkey") >= 0) {
		best = BID_WEAK;
		/* `cmdkey /list | findstr /i "fs01"`: lone Target lines, or nothing at all */
		int piped = 0;
		struct arena *a = ctx->arena;
		const char *cmd = ctx->command;
		if (span_find_ci(cmd, strlen(cmd), "/list") >= 0 && grep_from_command(a, cmd, strlen(cmd), &piped) && piped) {
			int targets = 0, other = 0;
			for (size_t i = 0; i < n; i++) {
				if (line_is_blank(&t->v[i]))
					continue;
				if (starts_entry(&t->v[i]))
					targets++;
				else
					other++;
			}
			if (targets > other || (!targets && !other))
				best = BID_STRONG;
		}
	}
	return best;
}

struct entry_state {
	struct cmdkey_entry *e;
	int fields;
	int flat;       /* the entry started at the margin */
	char target_skel[LABEL_SKEL_MAX + 1];
};

static void finish(struct entry_state *st, int *untyped)
{
	if (st->e && !st->e->type_text)
		(*untyped)++;
	st->e = NULL;
	st->fields = 0;
	st->flat = 0;
}

/* A Target line: a known target label, or a value in "Kind:name=" form. */
static int starts_entry(const struct line *l)
{
	const char *a, *b;
	size_t an, bn;
	if (!field_split(l, &a, &an, &b, &bn))
		return 0;
	return label_is(a, an, target_labels) || span_find_ci(b, bn, "target=") >= 0 ||
	       span_find_ci(b, bn, "interactive=") >= 0;
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	struct arena *a = ctx->arena;
	struct cmdkey_list *r = arena_alloc(a, sizeof *r);
	*out = r;
	if (!r) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	int piped = 0;
	if (ctx->command) {
		r->filter = filter_from_command(a, ctx->command, strlen(ctx->command));
		if (span_find_ci(ctx->command, strlen(ctx->command), "cmdkey") >= 0)
			r->grep = grep_from_command(a, ctx->command, strlen(ctx->command), &piped);
	}

	/* a paste indented as a whole (mail quote, markdown): measure
	 * indentation from the header's */
	size_t base = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (is_header_text(&t->v[i])) {
			base = line_indent(&t->v[i]);
			break;
		}
	}

	struct entry_state st = { 0 };
	int untyped = 0, unknown = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct line *l = &t->v[i];
		if (line_is_blank(l)) {
			finish(&st, &untyped);
			continue;
		}
		if (is_result_line(l)) {
			finish(&st, &untyped);
			struct cmdkey_result_line *res = VEC_PUSH(a, &r->results);
			if (!res)
				break;
			res->text = span_dup_trim(a, l->s, l->len);
			res->line = l->no;
			res->kind = label_has(l->s, l->len, w_added)     ? CMDKEY_RESULT_ADDED
				    : label_has(l->s, l->len, w_deleted) ? CMDKEY_RESULT_DELETED
									 : CMDKEY_RESULT_OTHER;
			continue;
		}
		if (line_is_prompt(l)) {
			/* a cmd prompt pasted with the output names the filter */
			long p = span_find_ci(l->s, l->len, "cmdkey");
			if (p >= 0 && !r->filter)
				r->filter = filter_from_command(a, l->s + p, l->len - (size_t)p);
			finish(&st, &untyped);
			continue;
		}
		if (is_none_line(l)) {
			finish(&st, &untyped);
			r->listing = 1;
			r->empty = 1;
			r->empty_line = l->no;
			continue;
		}
		size_t ind = line_indent(l);
		ind = ind > base ? ind - base : 0;
		/* a paste that lost its indentation: an entry may start at the
		 * margin when its Target line says so, and then continues there */
		if (ind <= 1 && !is_header_text(l) && (starts_entry(l) || (st.e && st.flat)))
			ind = 4;
		if (ind <= 1 || is_header_text(l)) {
			finish(&st, &untyped);
			if (!r->header && (is_header_text(l) || is_header(t, i))) {
				r->listing = 1;
				r->header = span_dup_trim(a, l->s, l->len);
				r->header_line = l->no;
				const char *f = filter_from_header(a, l->s, l->len);
				if (f)
					r->filter = f;
			} else if (r->listing && !is_header_text(l)) {
				unknown++; /* (a second header: the listing pasted again) */
			}
			continue;
		}
		const char *lab, *val;
		size_t labn, valn;
		if (field_split(l, &lab, &labn, &val, &valn)) {
			char skel[LABEL_SKEL_MAX + 1];
			label_skeleton(lab, labn, skel);
			int new_entry = !st.e || label_is(lab, labn, target_labels) ||
					(st.e->persistence_text != NULL) ||
					(skel[0] && strcmp(skel, st.target_skel) == 0);
			if (new_entry && piped && !starts_entry(l)) {
				/* a User line whose Target line the filter dropped */
				finish(&st, &untyped);
				continue;
			}
			if (new_entry) {
				finish(&st, &untyped);
				st.e = VEC_PUSH(a, &r->entries);
				if (!st.e)
					break;
				r->listing = 1;
				st.flat = line_indent(l) <= base + 1;
				st.e->target = arena_strndup(a, val, valn);
				st.e->line = st.e->last_line = l->no;
				if (st.e->target)
					split_target(a, st.e);
				memcpy(st.target_skel, skel, sizeof skel);
				st.fields = 1;
				continue;
			}
			st.e->last_line = l->no;
			int is_type = label_is(lab, labn, type_labels);
			int is_user = !is_type && label_is(lab, labn, user_labels);
			if (!is_type && !is_user) {
				/* unknown label: position decides */
				if (st.fields == 1 && !st.e->type_text)
					is_type = 1;
				else if (!st.e->user)
					is_user = 1;
			}
			if (is_type && !st.e->type_text) {
				st.e->type_text = arena_strndup(a, val, valn);
				if (st.e->type_text)
					st.e->type = type_from_text(st.e->type_text);
				/* an unknown type word on a Domain: target is still a domain credential */
				if (st.e->type == CMDKEY_TYPE_OTHER && st.e->target_kind &&
				    span_starts_ci(st.e->target_kind, strlen(st.e->target_kind), "Domain:"))
					st.e->type = CMDKEY_TYPE_DOMAIN_PASSWORD;
			} else if (is_user && !st.e->user) {
				st.e->user = arena_strndup(a, val, valn);
			} else {
				unknown++;
			}
			st.fields++;
			continue;
		}
		if (st.e && !st.e->persistence_text) {
			st.e->persistence_text = span_dup_trim(a, l->s, l->len);
			if (st.e->persistence_text)
				st.e->persistence = persistence_from_text(st.e->persistence_text);
			st.e->last_line = l->no;
			continue;
		}
		if (r->listing)
			unknown++;
	}
	finish(&st, &untyped);
	if (piped) {
		untyped = 0; /* the filter dropped the Type lines */
		/* with a case-insensitive pattern, even no line is a listing (no target
		 * holds it); any other filter shows entries but proves no absence */
		r->listing = r->grep != NULL;
	}

	if (arena_exhausted(a)) {
		ctx->reason = "out of memory";
		return r->entries.n ? PARSE_PARTIAL : PARSE_FAILED;
	}
	if (!r->listing && !r->results.n) {
		ctx->reason = "no cmdkey header, credential entry or CMDKEY result line found";
		return PARSE_FAILED;
	}
	if (unknown || untyped) {
		ctx->reason = arena_printf(a, "%d line(s) not understood, %d entr%s without a Type line",
					   unknown, untyped, untyped == 1 ? "y" : "ies");
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
	const struct cmdkey_list *r = result;
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "listing", json_object_new_boolean(r->listing));
	put_str(o, "header", r->header);
	put_str(o, "filter", r->filter);
	put_str(o, "grep", r->grep);
	json_object_object_add(o, "empty", json_object_new_boolean(r->empty));
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; i < r->entries.n; i++) {
		const struct cmdkey_entry *e = &r->entries.v[i];
		struct json_object *j = json_object_new_object();
		put_str(j, "target", e->target);
		put_str(j, "target_kind", e->target_kind);
		put_str(j, "host", e->host);
		put_str(j, "type", cmdkey_type_name(e->type));
		put_str(j, "type_text", e->type_text);
		put_str(j, "user", e->user);
		put_str(j, "persistence", e->persistence);
		put_str(j, "persistence_text", e->persistence_text);
		json_object_object_add(j, "line", json_object_new_int64(e->line));
		json_object_array_add(arr, j);
	}
	json_object_object_add(o, "entries", arr);
	struct json_object *res = json_object_new_array();
	for (size_t i = 0; i < r->results.n; i++) {
		const struct cmdkey_result_line *x = &r->results.v[i];
		struct json_object *j = json_object_new_object();
		put_str(j, "kind", x->kind == CMDKEY_RESULT_ADDED     ? "added"
				   : x->kind == CMDKEY_RESULT_DELETED ? "deleted"
								      : "other");
		put_str(j, "text", x->text);
		json_object_object_add(j, "line", json_object_new_int64(x->line));
		json_object_array_add(res, j);
	}
	json_object_object_add(o, "results", res);
	return o;
}

const struct parser cmdkey_parser = { "cmdkey-list", bid, parse, to_json };
