/* ps-error: error records of the SMB cmdlets -> struct pserror_result.
 * Anchored on structure: a "Verb-Noun : message" line followed by the
 * record's own lines (position, "+" echo, CategoryInfo, FullyQualifiedErrorId),
 * never on the localized words, except to give a number to a record that
 * was cut to its first line. */
#include "pserror.h"

#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "rx.h"
#include "text.h"

#define REC_LOOKAHEAD 16   /* lines of one record after its first line */
#define BID_LINES 2000     /* lines a bid looks at */
#define NORM_MAX 512       /* bytes of a message compared with the known texts */

/* "New-SmbGlobalMapping : msg" (Windows PowerShell) or "New-SmbGlobalMapping: msg" (PowerShell 7). */
static struct rx re_head = RX("^([A-Z][A-Za-z]{1,20}-[A-Za-z0-9]{2,60}) ?: (.*)$", 0);
static struct rx re_fqid = RX("^\\+?\\s*FullyQualifiedErrorId\\s*:\\s*(.*)$", RX_CASELESS);
static struct rx re_cat = RX("^\\+?\\s*(?:CategoryInfo|PSComputerName|TargetObject)\\s*:", RX_CASELESS);
static struct rx re_win32 = RX("Windows System Error (\\d{1,6})", RX_CASELESS);
static struct rx re_hresult = RX("HRESULT (0x[0-9A-Fa-f]{8})", RX_CASELESS);
/* PowerShell 7 script view: "Line |", "   9 |  statement", "     |  ~~~~", "     | message" */
static struct rx re_ps7_bar = RX("^\\s*(?:Line|\\d{1,6})?\\s*\\|\\s?(.*)$", 0);

/* ---- known messages -------------------------------------------------------
 * The start of each message, as the formats notes give it (en §3.2, §7.4;
 * localized 1.2 zh, 2.2 de, 3.2 ja, 4.2 fr). Only needed for records whose
 * FullyQualifiedErrorId was not kept. */
static const struct {
	int code;
	const char *text;
} known[] = {
	{ 5, "Access is denied" }, { 5, "拒绝访问" }, { 5, "Zugriff verweigert" },
	{ 5, "Zugriff wurde verweigert" }, { 5, "アクセスが拒否されました" }, { 5, "Accès refusé" },
	{ 53, "The network path was not found" }, { 53, "找不到网络路径" },
	{ 53, "Der Netzwerkpfad wurde nicht gefunden" }, { 53, "ネットワーク パスが見つかりません" },
	{ 53, "Le chemin réseau n'a pas été trouvé" },
	{ 67, "The network name cannot be found" }, { 67, "找不到网络名" },
	{ 67, "Der Netzwerkname wurde nicht gefunden" }, { 67, "ネットワーク名が見つかりません" },
	{ 67, "Nom de réseau introuvable" },
	{ 85, "The local device name is already in use" }, { 85, "本地设备名已在使用中" },
	{ 85, "正在使用该本地设备名" }, { 85, "Der lokale Gerätename wird bereits verwendet" },
	{ 85, "ローカルデバイス名は既に使用されています" }, { 85, "Nom de périphérique local déjà utilisé" },
	{ 86, "The specified network password is not correct" }, { 86, "指定的网络密码不正确" },
	{ 86, "Das angegebene Netzwerkkennwort ist falsch" },
	{ 86, "指定されたネットワーク パスワードが間違っています" },
	{ 86, "Le mot de passe réseau spécifié est incorrect" },
	{ 1202, "The local device name has a remembered connection to another network resource" },
	{ 1219, "Multiple connections to a server or shared resource by the same user" },
	{ 1219, "不允许一个用户使用一个以上用户名与" },
	{ 1219, "Mehrfache Verbindungen zu einem Server oder einer freigegebenen Ressource von demselben Benutzer" },
	{ 1219, "同じユーザーによる、サーバーまたは共有リソースへの複数のユーザー名での複数の接続は許可されません" },
	{ 1219, "Plusieurs connexions à un serveur ou à une ressource partagée par le même utilisateur" },
	{ 1272, "You can't access this shared folder because your organization's security policies block "
		"unauthenticated guest access" },
	{ 1312, "A specified logon session does not exist" },
	{ 1326, "The user name or password is incorrect" },
	{ 1326, "Logon failure: unknown user name or bad password" }, { 1326, "用户名或密码不正确" },
	{ 1326, "登录失败: 未知的用户名或错误密码" }, { 1326, "Der Benutzername oder das Kennwort ist falsch" },
	{ 1326, "ユーザー名またはパスワードが正しくありません" },
	{ 1326, "Le nom d'utilisateur ou le mot de passe est incorrect" },
};

/* Lower-case ASCII, no spaces (ASCII, NBSP, ideographic), one apostrophe form. */
static size_t normalize(const char *s, size_t len, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t')
			continue;
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
			i += 2;
			continue;
		}
		if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
			i += 2;
			out[o++] = '\'';
			continue;
		}
		if (c == '`')
			c = '\'';
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return o;
}

int pserror_message_code(const char *msg, size_t len)
{
	char m[NORM_MAX], k[NORM_MAX];
	if (!msg)
		return 0;
	size_t mn = normalize(msg, len, m, sizeof m);
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t kn = normalize(known[i].text, strlen(known[i].text), k, sizeof k);
		if (kn && kn <= mn && !memcmp(m, k, kn))
			return known[i].code;
	}
	return 0;
}

/* ---- one record ----------------------------------------------------------- */

struct span {
	const char *s;
	size_t n;
};

struct rec {
	struct span cmdlet, message, fqid, statement;
	size_t first, last;      /* line indexes of the record */
	size_t fqid_at;          /* line index of the id, or SIZE_MAX */
};

static void trimmed(const struct line *l, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->len;
	span_trim(s, n);
}

/* The message without a position the console glued to it ("...terminated.      At line:9"). */
static struct span cut_glued(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ') {
			size_t k = i;
			while (k < n && s[k] == ' ')
				k++;
			if (k < n) {
				n = i;
				break;
			}
		}
	span_trim(&s, &n);
	return (struct span){ s, n };
}

static int is_tilde_run(const char *s, size_t n)
{
	size_t t = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '~')
			t++;
		else if (s[i] != ' ' && s[i] != '|' && s[i] != '+')
			return 0;
	}
	return t >= 2;
}

/* A record starting at line i, bounded; 0 when line i does not start one of ours. */
static int read_record(const struct lines *t, size_t i, struct rec *r)
{
	const char *s;
	size_t n, ov[8];
	memset(r, 0, sizeof *r);
	r->fqid_at = SIZE_MAX;
	trimmed(&t->v[i], &s, &n);
	if (n < 5 || n > 4096 || rx_match(&re_head, s, n, ov, 3) <= 0)
		return 0;
	r->cmdlet = (struct span){ s + ov[2], ov[3] - ov[2] };
	r->message = cut_glued(s + ov[4], ov[5] - ov[4]);
	r->first = r->last = i;
	int positions = 0, after_tilde = 0, in_cat = 0;
	for (size_t k = i + 1; k < t->n && k <= i + REC_LOOKAHEAD; k++) {
		const char *ls;
		size_t ln;
		trimmed(&t->v[k], &ls, &ln);
		if (ln == 0)
			break;
		if (ln > 4096)
			break;
		if (rx_match(&re_fqid, ls, ln, ov, 2) > 0) {
			r->fqid = (struct span){ ls + ov[2], ov[3] - ov[2] };
			span_trim(&r->fqid.s, &r->fqid.n);
			r->fqid_at = k;
			r->last = k;
			in_cat = 0;
			continue;
		}
		if (rx_match(&re_cat, ls, ln, ov, 1) > 0) {
			r->last = k;
			in_cat = 1;
			continue;
		}
		if (is_tilde_run(ls, ln)) {
			r->last = k;
			after_tilde = 1;
			continue;
		}
		if (ls[0] == '+') {
			if (!r->statement.s) {
				const char *x = ls + 1;
				size_t xn = ln - 1;
				span_trim(&x, &xn);
				r->statement = (struct span){ x, xn };
			}
			r->last = k;
			continue;
		}
		if (rx_match(&re_ps7_bar, ls, ln, ov, 2) > 0 && memchr(ls, '|', ln)) {
			/* PowerShell 7: the message is the bar line after the tildes */
			const char *x = ls + ov[2];
			size_t xn = ov[3] - ov[2];
			span_trim(&x, &xn);
			if (after_tilde && xn && (!r->message.n || r->message.s[0] == '/' ||
						  memchr(r->message.s, ':', r->message.n)))
				r->message = (struct span){ x, xn };
			else if (!after_tilde && xn && !r->statement.s && span_starts_ci(ls, ln, "Line") == 0)
				r->statement = (struct span){ x, xn };
			r->last = k;
			continue;
		}
		/* the console's 120-column wrap of CategoryInfo starts with spaces */
		if (in_cat && t->v[k].len && t->v[k].s[0] == ' ') {
			r->last = k;
			continue;
		}
		/* one localized position line ("At line:1 char:1", "所在位置 行:1 字符: 1") */
		if (k == i + 1 && !positions++) {
			r->last = k;
			continue;
		}
		break;
	}
	/* ours: an SMB cmdlet or New-PSDrive, or a CIM error that carries a Win32 number */
	int smb = span_find_ci(r->cmdlet.s, r->cmdlet.n, "Smb") >= 0 ||
		  (r->cmdlet.n == 11 && span_starts_ci(r->cmdlet.s, r->cmdlet.n, "New-PSDrive"));
	int win32 = r->fqid.s && (rx_match(&re_win32, r->fqid.s, r->fqid.n, ov, 2) > 0 ||
				   rx_match(&re_hresult, r->fqid.s, r->fqid.n, ov, 2) > 0);
	return smb || win32;
}

/* ---- the kind ----------------------------------------------------------- */

static int bid(const struct lines *t, const struct parse_ctx *ctx)
{
	(void)ctx;
	size_t nonblank = 0, rec_lines = 0, recs = 0;
	size_t limit = t->n < BID_LINES ? t->n : BID_LINES;
	for (size_t i = 0; i < limit; i++) {
		if (line_is_blank(&t->v[i]))
			continue;
		nonblank++;
		struct rec r;
		if (!read_record(t, i, &r))
			continue;
		recs++;
		for (size_t k = r.first; k <= r.last; k++)
			if (!line_is_blank(&t->v[k]))
				rec_lines++;
		nonblank += r.last - r.first; /* the record's lines, counted once */
		i = r.last;
	}
	if (!recs)
		return BID_NONE;
	return rec_lines * 2 >= nonblank ? BID_STRONG : 40;
}

static const char *dup(struct arena *a, struct span s)
{
	return s.s ? arena_strndup(a, s.s, s.n) : NULL;
}

static void give_code(struct pserr *e, const struct rec *r, struct arena *a)
{
	size_t ov[4];
	if (r->fqid.s && rx_match(&re_win32, r->fqid.s, r->fqid.n, ov, 2) > 0) {
		long v = 0;
		for (size_t k = ov[2]; k < ov[3]; k++)
			v = v * 10 + (r->fqid.s[k] - '0');
		e->code = (int)v;
		e->code_from = "fqid";
		return;
	}
	if (r->fqid.s && rx_match(&re_hresult, r->fqid.s, r->fqid.n, ov, 2) > 0) {
		e->hresult = arena_strndup(a, r->fqid.s + ov[2], ov[3] - ov[2]);
		/* 0x8007xxxx wraps a Win32 error in its low word */
		const char *h = e->hresult + 2;
		if ((h[0] == '8') && h[1] == '0' && h[2] == '0' && h[3] == '7') {
			unsigned v = 0;
			for (int k = 4; k < 8; k++) {
				char c = h[k];
				v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
			}
			if (v) {
				e->code = (int)v;
				e->code_from = "hresult";
				return;
			}
		}
	}
	int m = pserror_message_code(r->message.s, r->message.n);
	if (m) {
		e->code = m;
		e->code_from = "message";
	}
}

static int parse(const struct lines *t, struct parse_ctx *ctx, void **out)
{
	*out = NULL;
	struct pserror_result *res = arena_alloc(ctx->arena, sizeof *res);
	if (!res) {
		ctx->reason = "out of memory";
		return PARSE_FAILED;
	}
	size_t cap = 0, nonblank = 0, used = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (line_is_blank(&t->v[i]))
			continue;
		struct rec r;
		if (!read_record(t, i, &r)) {
			nonblank++;
			continue;
		}
		if (arena_grow(ctx->arena, (void **)&res->v, &cap, sizeof *res->v, res->n + 1) != 0) {
			ctx->reason = "out of memory";
			return PARSE_FAILED;
		}
		struct pserr *e = &res->v[res->n++];
		memset(e, 0, sizeof *e);
		e->cmdlet = dup(ctx->arena, r.cmdlet);
		e->message = dup(ctx->arena, r.message);
		e->fqid = dup(ctx->arena, r.fqid);
		e->statement = dup(ctx->arena, r.statement);
		e->line = t->v[r.first].no;
		e->fqid_line = r.fqid_at != SIZE_MAX ? t->v[r.fqid_at].no : 0;
		give_code(e, &r, ctx->arena);
		for (size_t k = r.first; k <= r.last; k++)
			if (!line_is_blank(&t->v[k])) {
				nonblank++;
				used++;
			}
		i = r.last;
	}
	if (!res->n) {
		ctx->reason = "no error record of an SMB cmdlet";
		return PARSE_FAILED;
	}
	*out = res;
	if (used < nonblank) {
		ctx->reason = arena_printf(ctx->arena, "%zu line(s) are not part of an error record", nonblank - used);
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
	const struct pserror_result *r = result;
	struct json_object *o = json_object_new_object();
	struct json_object *arr = json_object_new_array();
	for (size_t i = 0; r && i < r->n; i++) {
		const struct pserr *e = &r->v[i];
		struct json_object *j = json_object_new_object();
		put_str(j, "cmdlet", e->cmdlet);
		put_str(j, "message", e->message);
		json_object_object_add(j, "code", json_object_new_int(e->code));
		put_str(j, "code_from", e->code_from);
		put_str(j, "hresult", e->hresult);
		put_str(j, "fully_qualified_error_id", e->fqid);
		put_str(j, "statement", e->statement);
		json_object_object_add(j, "line", json_object_new_int64(e->line));
		json_object_object_add(j, "fqid_line", json_object_new_int64(e->fqid_line));
		json_object_array_add(arr, j);
	}
	json_object_object_add(o, "errors", arr);
	return o;
}

const struct parser pserror_parser = { "ps-error", bid, parse, to_json };
