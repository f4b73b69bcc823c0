/* Splitting one file into the command outputs it holds (docs/decoding.md):
 *  1. PowerShell transcript blocks between `*****` rule lines (header,
 *     per-command invocation header, trailer; any UI language) and prompts
 *     (`PS C:\x> cmd`, `C:\x>cmd`, `>cmd` / `$ cmd` in notes) cut the text
 *     into raw spans, each with the command typed at its prompt;
 *  2. inside each raw span, outputs pasted back to back are told apart by
 *     the structure their first lines have (net listing, cmdkey header,
 *     whoami sections, reg query keys, .reg header, system error, PS table).
 * Every scan is linear: look-ahead and look-back are bounded. */
#include "segment.h"

#include <string.h>

#include "text.h"

#define BLOCK_MAX_LINES 40  /* lines between the `*****` rules of a block */
#define PROMPT_PATH_MAX 260

/* ------------------------------------------------------------ line tests */

static int blank(const struct lines *t, size_t i)
{
	return i >= t->n || line_is_blank(&t->v[i]);
}

static void trimmed(const struct line *l, const char **s, size_t *n)
{
	*s = l->s;
	*n = l->len;
	span_trim(s, n);
}

/* `**********************` (transcripts use 22; accept 10 or more). */
static int is_star_rule(const struct line *l)
{
	const char *s;
	size_t n;
	trimmed(l, &s, &n);
	if (n < 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '*')
			return 0;
	return 1;
}

/* Split "key: value" at the first ASCII or full-width colon. */
static int key_value(const struct line *l, const char **k, size_t *kn, const char **v, size_t *vn)
{
	const char *s = l->s;
	size_t n = l->len;
	for (size_t i = 0; i < n; i++) {
		size_t w = 0;
		if (s[i] == ':')
			w = 1;
		else if (i + 2 < n && !memcmp(s + i, "\xef\xbc\x9a", 3))
			w = 3;
		if (!w)
			continue;
		*k = s;
		*kn = i;
		span_trim(k, kn);
		*v = s + i + w;
		*vn = n - i - w;
		span_trim(v, vn);
		return *kn > 0;
	}
	return 0;
}

/* A transcript time stamp: 14 digits (yyyyMMddHHmmss). */
static int is_ts14(const char *s, size_t n)
{
	if (n != 14)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int line_has_ts14(const struct line *l)
{
	const char *k, *v;
	size_t kn, vn;
	return key_value(l, &k, &kn, &v, &vn) && is_ts14(v, vn);
}

static int contains(const char *s, size_t n, const char *needle)
{
	return s && n && memmem(s, n, needle, strlen(needle)) != NULL;
}

/* ----------------------------------------------------- transcript blocks */

enum block { B_NONE, B_START, B_END, B_TWO, B_INVOCATION };

/* A block starts at a star rule i; *close is the star rule that ends it. */
static enum block block_at(const struct lines *t, size_t i, size_t *close)
{
	if (!is_star_rule(&t->v[i]))
		return B_NONE;
	size_t j = i + 1;
	while (j < t->n && j - i <= BLOCK_MAX_LINES && !is_star_rule(&t->v[j]))
		j++;
	if (j >= t->n || j - i > BLOCK_MAX_LINES)
		return B_NONE;
	size_t m = j - i - 1;
	*close = j;
	if (m == 1 && line_has_ts14(&t->v[i + 1]))
		return B_INVOCATION; /* "Command start time: 20240101120000" */
	if (m < 2)
		return B_NONE;
	const struct line *title = &t->v[i + 1];
	if (span_find_ci(title->s, title->len, "PowerShell") < 0 || !line_has_ts14(&t->v[i + 2]))
		return B_NONE;
	if (m == 2) {
		/* start/end in the five languages; otherwise decided by position */
		static const char *const end_words[] = { "transcript end", "Ende der", "Fin de",
							 "结束", "終了" };
		for (size_t k = 0; k < sizeof end_words / sizeof end_words[0]; k++)
			if (span_find_ci(title->s, title->len, end_words[k]) >= 0)
				return B_END;
		static const char *const start_words[] = { "transcript start", "Start der",
							   "Début de", "开始",
							   "開始" };
		for (size_t k = 0; k < sizeof start_words / sizeof start_words[0]; k++)
			if (span_find_ci(title->s, title->len, start_words[k]) >= 0)
				return B_START;
		return B_TWO; /* another language: start or end by position */
	}
	return B_START;
}

static int key_is(const char *k, size_t kn, const char *const *names, size_t nn)
{
	for (size_t i = 0; i < nn; i++)
		if (strlen(names[i]) == kn && span_starts_ci(k, kn, names[i]))
			return 1;
	return 0;
}

/* Header fields by their key in en/de/fr/zh/ja (Windows PowerShell 5.1
 * localizes the keys; PSVersion comes from $PSVersionTable and is not). */
static struct transcript_header *read_header(struct arena *a, const struct lines *t, size_t open,
					     size_t close)
{
	static const char *const k_start[] = { "Start time", "Startzeit", "Heure de début",
					       "开始时间", "開始時刻" };
	static const char *const k_user[] = { "Username", "Benutzername", "Nom d'utilisateur",
					      "Nom d\xe2\x80\x99utilisateur", "用户名", "ユーザー名" };
	static const char *const k_machine[] = { "Machine", "Computer", "Ordinateur", "计算机",
						 "コンピューター", "マシン" };
	static const char *const k_host[] = { "Host Application", "Hostanwendung",
					      "Application h\xc3\xb4te", "主机应用程序",
					      "ホスト アプリケーション", "ホストアプリケーション" };
#define N(x) (sizeof(x) / sizeof((x)[0]))
	struct transcript_header *h = arena_alloc(a, sizeof *h);
	if (!h)
		return NULL;
	h->line = t->v[open].no;
	for (size_t i = open + 2; i < close; i++) {
		const char *k, *v;
		size_t kn, vn;
		if (!key_value(&t->v[i], &k, &kn, &v, &vn))
			continue;
		if (!h->start_time && (key_is(k, kn, k_start, N(k_start)) || is_ts14(v, vn)))
			h->start_time = arena_strndup(a, v, vn);
		else if (!h->runas_user && span_find_ci(k, kn, "runas") >= 0)
			h->runas_user = arena_strndup(a, v, vn);
		else if (!h->username && key_is(k, kn, k_user, N(k_user)))
			h->username = arena_strndup(a, v, vn);
		else if (!h->host_app && key_is(k, kn, k_host, N(k_host)))
			h->host_app = arena_strndup(a, v, vn);
		else if (!h->ps_version && kn == 9 && span_starts_ci(k, kn, "PSVersion"))
			h->ps_version = arena_strndup(a, v, vn);
		else if (!h->machine && (key_is(k, kn, k_machine, N(k_machine)) ||
					 (vn > 2 && v[vn - 1] == ')' && contains(v, vn, " (") &&
					  contains(v, vn, "Windows"))))
			h->machine = arena_strndup(a, v, vn);
	}
#undef N
	if (h->machine) {
		/* "PC01 (Microsoft Windows NT 10.0.19045.0)" */
		const char *m = h->machine, *par = strstr(m, " (");
		size_t ml = strlen(m);
		if (par && ml && m[ml - 1] == ')') {
			h->machine_name = span_dup_trim(a, m, (size_t)(par - m));
			h->os = arena_strndup(a, par + 2, ml - (size_t)(par - m) - 3);
		} else {
			h->machine_name = h->machine;
		}
	}
	return h;
}

/* ---------------------------------------------------------------- prompts */

static int is_cmd_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_';
}

/* Commands that make `>cmd` or `$ cmd` in notes a prompt: the tools of the
 * guide, or a PowerShell Verb-Noun cmdlet. */
static int known_command(const char *s, size_t n)
{
	static const char *const cmds[] = {
		"net", "net.exe", "net1", "cmdkey", "cmdkey.exe", "reg", "reg.exe", "whoami",
		"ipconfig", "systeminfo", "dir", "sc", "sc.exe", "klist", "nltest", "gpresult",
		"chcp", "hostname", "type", "powershell", "pwsh", "nslookup", "ping", "cmd",
	};
	size_t w = 0;
	while (w < n && is_cmd_word_char(s[w]))
		w++;
	if (w == 0)
		return 0;
	if (w < n && s[w] == '-') { /* Verb-Noun */
		size_t v = w + 1;
		while (v < n && is_cmd_word_char(s[v]))
			v++;
		return v > w + 1 && (v == n || s[v] == ' ' || s[v] == '\t');
	}
	if (w < n && s[w] != ' ' && s[w] != '\t')
		return 0;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strlen(cmds[i]) == w && span_starts_ci(s, w, cmds[i]))
			return 1;
	return 0;
}

/* Lines PowerShell writes after "PS>" that are not commands (transcript
 * traces of errors and pipeline details). */
static int ps_trace(const char *s, size_t n)
{
	static const char *const tr[] = { "TerminatingError(", "NonTerminatingError(",
					  "CommandInvocation(", "ParameterBinding(" };
	for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++)
		if (span_starts_ci(s, n, tr[i]))
			return 1;
	return 0;
}

/* "PS>", "PS C:\Users\x>", "PS HKCU:\>" (also after "*Evil-WinRM* "). */
static int ps_prompt(const char *s, size_t n, size_t *cmd_off)
{
	size_t i = 0;
	while (i < n && i < 8 && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (span_starts_ci(s + i, n - i, "*Evil-WinRM* "))
		i += 13;
	if (i < n && s[i] == '[') {
		/* Enter-PSSession / Invoke-Command: "[PC-0815]: PS C:\Users\x\Documents> " */
		size_t j = i + 1;
		while (j < n && j - i <= 64 && s[j] != ']' && s[j] != ' ' && s[j] != '[')
			j++;
		if (j + 2 < n && j > i + 1 && s[j] == ']' && s[j + 1] == ':' && s[j + 2] == ' ')
			i = j + 3;
	}
	if (n - i < 3 || s[i] != 'P' || s[i + 1] != 'S')
		return 0;
	i += 2;
	if (s[i] == ' ') {
		/* a location: C:\x, HKCU:\, /home/u, FileSystem::\\srv, dom\u@host dir */
		size_t st = ++i;
		int loc = 0;
		while (i < n && s[i] != '>' && s[i] != '<' && i - st <= PROMPT_PATH_MAX) {
			loc |= s[i] == ':' || s[i] == '\\' || s[i] == '/';
			i++;
		}
		if (i >= n || s[i] != '>' || i == st || s[i - 1] == ' ' || !loc)
			return 0;
		i++; /* past '>' */
	} else if (s[i] == '>') {
		i++;
		if (ps_trace(s + i, n - i))
			return 0;
	} else {
		return 0;
	}
	if (i < n && s[i] == '>')
		return 0; /* ">>" is a redirection, not a prompt */
	*cmd_off = i;
	return 1;
}

static int ends_with_ci(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && span_starts_ci(s + n - k, k, suf);
}

/* "C:\Users\x>cmd", "C:\>cmd", "C:>cmd", "C:¥>cmd" (indented, or bolded with
 * "**" in a pasted issue). The path is checked so that script lines
 * ("C:\tools\x.exe > out.txt", "C:\Windows\net.exe use Z: \\srv\s>nul") are
 * not taken for prompts. */
static int cmd_prompt(const char *s0, size_t n0, size_t *cmd_off)
{
	size_t lead = 0;
	while (lead < n0 && lead < 8 && (s0[lead] == ' ' || s0[lead] == '\t'))
		lead++;
	if (n0 - lead >= 2 && s0[lead] == '*' && s0[lead + 1] == '*')
		lead += 2;
	const char *s = s0 + lead;
	size_t n = n0 - lead;
	if (n < 3 || !(((s[0] | 0x20) >= 'a') && ((s[0] | 0x20) <= 'z')) || s[1] != ':')
		return 0;
	size_t i = 2, comp = 2;
	while (i < n && s[i] != '>') {
		unsigned char c = (unsigned char)s[i];
		if (c == '<' || c == '|' || c == '"' || c == '*' || c == '?' || c == ':' ||
		    c == '%' || i > PROMPT_PATH_MAX)
			return 0;
		size_t sep = 0;
		if (c == '\\')
			sep = 1;
		else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA5)
			sep = 2; /* a Japanese paste shows the backslash as a yen sign */
		if (i == 2 && !sep)
			return 0; /* "C:foo>" is no prompt */
		if (sep) {
			if (i > 2 && s[i - 1] == '\\')
				return 0; /* "\\srv" is a UNC argument, not a folder */
			i += sep;
			comp = i;
			continue;
		}
		i++;
	}
	if (i >= n || s[i - 1] == ' ' || s[i - 1] == '\t')
		return 0;
	static const char *const exe[] = { ".exe", ".bat", ".cmd", ".com", ".ps1", ".txt" };
	for (size_t k = 0; k < sizeof exe / sizeof exe[0]; k++)
		if (ends_with_ci(s + comp, i - comp, exe[k]))
			return 0;
	if (i + 1 < n && s[i + 1] == '>')
		return 0;
	*cmd_off = lead + i + 1;
	return 1;
}

/* ">NET USE", "> net use", "$ net use", "› net use" in notes: only with a
 * known command after the marker, so that quoted text is not split. */
static int note_prompt(const char *s, size_t n, size_t *cmd_off)
{
	size_t i = 0;
	if (n >= 2 && s[0] == '>' && s[1] != '>')
		i = 1;
	else if (n >= 2 && s[0] == '$' && s[1] == ' ')
		i = 2;
	else if (n >= 4 && !memcmp(s, "\xe2\x80\xba ", 4))
		i = 4;
	else
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (!known_command(s + i, n - i))
		return 0;
	*cmd_off = i;
	return 1;
}

/* Is line l a prompt? Gives the command typed after it (may be empty). */
static int prompt_of(const struct line *l, const char **cmd, size_t *cn)
{
	size_t off = 0;
	if (!ps_prompt(l->s, l->len, &off) && !cmd_prompt(l->s, l->len, &off) &&
	    !note_prompt(l->s, l->len, &off))
		return 0;
	*cmd = l->s + off;
	*cn = l->len - off;
	span_trim(cmd, cn);
	const char *ls = l->s;
	size_t ln = l->len;
	span_trim(&ls, &ln);
	if (ln >= 2 && ls[0] == '*' && ls[1] == '*' && *cn >= 2 && (*cmd)[*cn - 1] == '*' &&
	    (*cmd)[*cn - 2] == '*') {
		*cn -= 2; /* closing bold marker of a pasted issue */
		span_trim(cmd, cn);
	}
	return 1;
}

/* ------------------------------------------------ structure of outputs */

enum okind { K_NONE, K_NETLIST, K_CMDKEY, K_CMDKEYMSG, K_REGQUERY, K_REGFILE, K_WHOAMI,
	     K_SYSERR, K_PSTABLE, K_PSRECORD };

static size_t indent_of(const struct line *l)
{
	size_t i = 0;
	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	return i;
}

/* "    Target: Domain:target=srv" (any language label), or "* NONE *". */
static int cmdkey_entry_line(const struct line *l)
{
	if (indent_of(l) < 2)
		return 0;
	const char *k, *v;
	size_t kn, vn;
	if (contains(l->s, l->len, "* ") && contains(l->s, l->len, " *"))
		return 1;
	if (!key_value(l, &k, &kn, &v, &vn))
		return 0;
	return contains(v, vn, "target=") || contains(v, vn, "interactive=");
}

static int next_nonblank(const struct lines *t, size_t i, size_t end, size_t max)
{
	for (size_t j = i + 1; j < end && j <= i + max; j++)
		if (!blank(t, j))
			return (int)(j - i);
	return -1;
}

/* "Currently stored credentials:" and its translations: a line ending in a
 * colon whose next lines are cmdkey entries. */
static int cmdkey_header(const struct lines *t, size_t i, size_t end)
{
	const struct line *l = &t->v[i];
	if (indent_of(l) > 0)
		return 0;
	if (span_starts_ci(l->s, l->len, "Currently stored credentials"))
		return 1;
	const char *s;
	size_t n;
	trimmed(l, &s, &n);
	if (n < 2 || !(s[n - 1] == ':' || (n >= 3 && !memcmp(s + n - 3, "\xef\xbc\x9a", 3))))
		return 0;
	int d = next_nonblank(t, i, end, 3);
	return d > 0 && cmdkey_entry_line(&t->v[i + (size_t)d]);
}

/* "    Name    REG_SZ    data" */
static int reg_value_line(const struct line *l)
{
	return indent_of(l) >= 2 && contains(l->s, l->len, "    REG_");
}

static int reg_key_line(const struct line *l)
{
	static const char *const hives[] = { "HKEY_LOCAL_MACHINE\\", "HKEY_CURRENT_USER\\",
					     "HKEY_USERS\\", "HKEY_CLASSES_ROOT\\",
					     "HKEY_CURRENT_CONFIG\\", "HKEY_LOCAL_MACHINE",
					     "HKEY_CURRENT_USER", "HKEY_USERS" };
	for (size_t i = 0; i < sizeof hives / sizeof hives[0]; i++)
		if (span_starts_ci(l->s, l->len, hives[i]))
			return 1;
	return 0;
}

/* "USER INFORMATION" / "用户信息" underlined with dashes of its width, and a
 * `=` column rule (table form) or an INFORMATION heading (list form). */
static int whoami_section(const struct lines *t, size_t i, size_t end)
{
	if (i + 1 >= end || indent_of(&t->v[i]) > 0)
		return 0;
	const struct line *l = &t->v[i], *u = &t->v[i + 1];
	const char *s;
	size_t n;
	trimmed(l, &s, &n);
	size_t w = u8_width(s, n);
	if (w < 4 || !line_is_rule(u, '-', 4))
		return 0;
	const char *us;
	size_t un;
	trimmed(u, &us, &un);
	if (un + 3 < w || un > w + 3)
		return 0;
	if (ends_with_ci(s, n, "INFORMATION") || ends_with_ci(s, n, "信息"))
		return 1;
	for (size_t j = i + 2; j < end && j <= i + 6; j++)
		if (line_is_rule(&t->v[j], '=', 3) || contains(t->v[j].s, t->v[j].len, "== =="))
			return 1;
	return 0;
}

/* "System error 53 has occurred." in the five languages (number + words). */
static int syserr_line(const struct line *l)
{
	const char *s;
	size_t n;
	trimmed(l, &s, &n);
	if (n > 120 || indent_of(l) > 0)
		return 0;
	int digit = 0;
	for (size_t i = 0; i < n; i++)
		digit |= s[i] >= '0' && s[i] <= '9';
	if (!digit)
		return 0;
	return span_starts_ci(s, n, "System error ") || contains(s, n, "发生系统错误") ||
	       span_starts_ci(s, n, "Systemfehler ") || contains(s, n, "システム エラー") ||
	       span_starts_ci(s, n, "L'erreur syst") ||
	       span_starts_ci(s, n, "L\xe2\x80\x99" "erreur syst");
}

/* Windows PowerShell 5.1 turns the first stderr line of a native command
 * run with 2>&1 into an error record, which starts that command's output:
 *   net : System error 1326 has occurred.
 *   At line:1 char:1                  (localized; "At C:\x\collect.ps1:2 char:1")
 *   + net use \\fs01\data 2>&1 >> out.txt
 *   + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 *       + CategoryInfo          : NotSpecified: (...) [], RemoteException
 *       + FullyQualifiedErrorId : NativeCommandError
 * The first '+' line is the command as typed; *cmd is NULL when PowerShell
 * shortened it ("+ ... tail of the line"). */
#define PSREC_LOOKAHEAD 10
static int ps_record_at(const struct lines *t, size_t i, size_t end, const char **cmd,
			size_t *cn, uint32_t *cmd_no)
{
	const struct line *l = &t->v[i];
	*cmd = NULL;
	*cn = 0;
	*cmd_no = 0;
	if (indent_of(l) > 0)
		return 0;
	size_t w = 0; /* "<program> : <first stderr line>" */
	while (w < l->len && w <= PROMPT_PATH_MAX && l->s[w] != ' ' && l->s[w] != '\t')
		w++;
	if (w == 0 || w + 3 > l->len || l->s[w] != ' ' || l->s[w + 1] != ':' || l->s[w + 2] != ' ')
		return 0;
	int position = 0, category = 0;
	for (size_t k = i + 1; k < end && k <= i + PSREC_LOOKAHEAD; k++) {
		const char *s;
		size_t n;
		trimmed(&t->v[k], &s, &n);
		if (n == 0)
			continue;
		if (s[0] != '+') {
			if (category)
				continue; /* CategoryInfo wrapped at the console width */
			if (position++ || s[0] == '~')
				return 0;
			continue;
		}
		const char *r = s + 1;
		size_t rn = n - 1;
		span_trim(&r, &rn);
		if (span_starts_ci(r, rn, "FullyQualifiedErrorId"))
			return contains(r, rn, "NativeCommandError");
		if (span_starts_ci(r, rn, "CategoryInfo")) {
			category = 1;
			continue;
		}
		if (!position || (rn && r[0] == '~'))
			continue;
		if (!*cmd && rn && !span_starts_ci(r, rn, "...") && !span_starts_ci(r, rn, "\xe2\x80\xa6")) {
			*cmd = r;
			*cn = rn;
			*cmd_no = t->v[k].no;
		}
	}
	return 0;
}

/* A PowerShell table header: the next line is made of dash runs matching
 * the header's columns ("Status Local Path Remote Path" / "------ ...").
 * net's single 79-dash rule is not one. */
static int pstable_header(const struct lines *t, size_t i, size_t end)
{
	if (i + 1 >= end || blank(t, i))
		return 0;
	const struct line *h = &t->v[i], *d = &t->v[i + 1];
	struct colspan cols[64];
	size_t nc = rule_columns(d, '-', cols, 64);
	if (nc == 0)
		return 0;
	const char *ds;
	size_t dn;
	trimmed(d, &ds, &dn);
	for (size_t k = 0; k < dn; k++)
		if (ds[k] != '-' && ds[k] != ' ')
			return 0;
	if (nc == 1) {
		const char *hs;
		size_t hn;
		trimmed(h, &hs, &hn);
		if (cols[0].end - cols[0].start != u8_width(hs, hn))
			return 0;
	}
	return 1;
}

/* Where does the net listing whose 79-dash rule is at line i start? At its
 * first line ("New connections will be remembered.") when it can be found
 * a few lines up, else at the column header. */
static size_t netlist_start(const struct lines *t, size_t i, size_t lo)
{
	size_t h = i, k = i;
	/* column header: the nearest non-blank line above (one blank allowed) */
	while (k > lo && i - k < 2) {
		k--;
		if (!blank(t, k)) {
			h = k;
			break;
		}
	}
	if (h == i)
		return i;
	size_t r = h;
	k = h;
	while (k > lo && h - k < 4) {
		k--;
		if (!blank(t, k)) {
			const char *s;
			size_t n;
			trimmed(&t->v[k], &s, &n);
			if (n && (s[n - 1] == '.' || ends_with_ci(s, n, "\xe3\x80\x82") ||
				  ends_with_ci(s, n, "\xef\xbd\xa1")))
				r = k;
			break;
		}
	}
	return r;
}

/* Marker of an output start at line i; *at is where that output starts. */
static enum okind marker_at(const struct lines *t, size_t i, size_t lo, size_t end, size_t *at)
{
	const struct line *l = &t->v[i];
	*at = i;
	if (line_is_rule(l, '-', 60)) {
		*at = netlist_start(t, i, lo);
		return K_NETLIST;
	}
	if (span_starts_ci(l->s, l->len, "Windows Registry Editor Version") ||
	    span_starts_ci(l->s, l->len, "\xef\xbb\xbfWindows Registry Editor Version") ||
	    span_starts_ci(l->s, l->len, "REGEDIT4"))
		return K_REGFILE;
	if (span_starts_ci(l->s, l->len, "CMDKEY:"))
		return K_CMDKEYMSG;
	if (cmdkey_header(t, i, end))
		return K_CMDKEY;
	if (reg_key_line(l) && (i == lo || blank(t, i - 1)))
		return K_REGQUERY;
	if (whoami_section(t, i, end))
		return K_WHOAMI;
	const char *rc;
	size_t rcn;
	uint32_t rno;
	if (ps_record_at(t, i, end, &rc, &rcn, &rno))
		return K_PSRECORD;
	if (syserr_line(l))
		return K_SYSERR;
	if ((i == lo || blank(t, i - 1)) && pstable_header(t, i, end))
		return K_PSTABLE;
	return K_NONE;
}

/* ------------------------------------------------------------ the spans */

struct builder {
	struct arena *a;
	const struct lines *t;
	seg_span_vec *out;
	int oom;
};

/* Session commands with no output worth a segment. */
static int noop_command(const char *c)
{
	static const char *const noop[] = { "Stop-Transcript", "Start-Transcript", "exit", "cls",
					    "clear", "Clear-Host", "cd", "chdir", "Set-Location",
					    "sl", "pushd", "popd", "" };
	size_t w = 0;
	while (c[w] && c[w] != ' ' && c[w] != '\t')
		w++;
	for (size_t i = 0; i < sizeof noop / sizeof noop[0]; i++)
		if (strlen(noop[i]) == w && span_starts_ci(c, w, noop[i]))
			return 1;
	return 0;
}

static void push(struct builder *b, size_t first, size_t end, const char *cmd, uint32_t cmd_line)
{
	int content = 0;
	for (size_t i = first; i < end && !content; i++)
		content = !blank(b->t, i);
	if (!content && (!cmd || noop_command(cmd)))
		return;
	struct seg_span *s = VEC_PUSH(b->a, b->out);
	if (!s) {
		b->oom = 1;
		return;
	}
	s->first = first;
	s->n = end - first;
	s->command = cmd;
	s->command_line = cmd_line;
}

static char *command_dup(struct arena *a, const char *c, size_t n);

/* Cut [first, end) where one output visibly starts after another. */
static void split_outputs(struct builder *b, size_t first, size_t end, const char *cmd,
			  uint32_t cmd_line)
{
	const struct lines *t = b->t;
	size_t start = first;
	const char *scmd = cmd; /* command of the current output, when known */
	uint32_t sline = cmd_line;
	enum okind cur = K_NONE;
	int netlist_rule = 0, table_rows = 0;
	size_t content = SIZE_MAX; /* first non-blank line of the current output */
	for (size_t i = first; i < end; i++) {
		if (blank(t, i))
			continue;
		if (content == SIZE_MAX)
			content = i;
		size_t at;
		enum okind k = marker_at(t, i, start, end, &at);
		if (k == K_NONE) {
			if (cur == K_PSTABLE && i > start + 1)
				table_rows++;
			continue;
		}
		int before = content < at; /* output above the new start */
		int cut = 0;
		if (before) {
			switch (k) {
			case K_NETLIST:
				cut = cur != K_NETLIST || netlist_rule;
				break;
			case K_CMDKEY:
			case K_WHOAMI:
			case K_REGFILE:
				cut = cur != k;
				break;
			case K_REGQUERY: {
				/* subkeys of `reg query /s` continue the same output */
				size_t p = i;
				while (p > start && i - p < 8 && blank(t, p - 1))
					p--;
				int cont = p > start && (reg_value_line(&t->v[p - 1]) ||
							 reg_key_line(&t->v[p - 1]));
				cut = cur != K_REGQUERY && !cont;
				break;
			}
			case K_CMDKEYMSG:
			case K_SYSERR:
			case K_PSRECORD:
				/* after unknown text (password prompts) it is the same command */
				cut = cur != K_NONE;
				break;
			case K_PSTABLE:
				cut = cur != K_NONE && (cur != K_PSTABLE || table_rows > 0);
				break;
			default:
				break;
			}
		}
		if (cut) {
			push(b, start, at, scmd, sline);
			start = content = at;
			scmd = NULL;
			sline = 0;
			cur = K_NONE;
			netlist_rule = 0;
			table_rows = 0;
		}
		if (k == K_PSRECORD && content == at && !scmd) {
			/* no prompt: the record names the command */
			const char *rc;
			size_t rcn;
			uint32_t rno;
			if (ps_record_at(t, i, end, &rc, &rcn, &rno) && rc) {
				scmd = command_dup(b->a, rc, rcn);
				sline = t->v[i].no; /* where the output (and the error) starts */
			}
		}
		if (cur == K_NONE || cut)
			cur = k;
		if (k == K_NETLIST)
			netlist_rule = 1;
		if (k == K_PSTABLE)
			i++; /* its dashes line */
	}
	push(b, start, end, scmd, sline);
}

static int eq_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return 0;
	}
	return 1;
}

/* Copy of a command. Japanese consoles show the backslash (0x5C in CP932)
 * as a yen sign, and pastes keep it: "C:¥>reg query HKCU¥Network¥W". */
static char *command_dup(struct arena *a, const char *c, size_t n)
{
	char *s = arena_strndup(a, c, n);
	if (!s || !memmem(s, n, "\xc2\xa5", 2))
		return s;
	size_t w = 0;
	for (size_t r = 0; r < n; r++) {
		if ((unsigned char)s[r] == 0xC2 && r + 1 < n && (unsigned char)s[r + 1] == 0xA5) {
			s[w++] = '\\';
			r++;
		} else {
			s[w++] = s[r];
		}
	}
	s[w] = 0;
	return s;
}

/* The line after the header block that Start-Transcript prints. */
static int transcript_started_line(const struct line *l)
{
	static const char *const w[] = { "ranscript", "Aufzeichnung", "transcription", "脚本",
					 "トランスクリプト", "记录" };
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (span_find_ci(l->s, l->len, w[i]) >= 0)
			return 1;
	return 0;
}

/* Start-Transcript prints "Transcript started, output file is ..." right
 * after the header: skip [start, end) when it holds only that line. */
static size_t skip_started_line(const struct lines *t, size_t start, size_t end)
{
	size_t nb = 0, last = start;
	for (size_t j = start; j < end && nb < 2; j++)
		if (!blank(t, j)) {
			nb++;
			last = j;
		}
	return nb == 1 && transcript_started_line(&t->v[last]) ? end : start;
}

/* ------------------------------------------------- pasted, indented text */

/* A line that only a command output or a prompt starts with: a prompt, the
 * 79-dash rule of net, whoami's `=` runs, a transcript's star rule. Outputs
 * indent none of these themselves. */
static int paste_anchor(const struct line *l)
{
	const char *c;
	size_t cn;
	if (prompt_of(l, &c, &cn))
		return 1;
	const char *s;
	size_t n;
	trimmed(l, &s, &n);
	struct line u = { s, n, l->no };
	if (line_is_rule(&u, '-', 60) || is_star_rule(&u))
		return 1;
	size_t eq = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=')
			eq++;
		else if (s[i] != ' ')
			return 0;
	}
	return eq >= 3;
}

/* Bytes of the mail quote markers a line starts with: "> ", ">", "> > ". */
static size_t quote_prefix(const struct line *l)
{
	size_t i = 0;
	while (i < l->len && l->s[i] == '>') {
		i++;
		if (i < l->len && l->s[i] == ' ')
			i++;
	}
	return i;
}

/* Text quoted in a mail reply: a run of lines that all start with '>' and
 * hold a prompt or a rule line once the markers are gone loses the markers.
 * (A PowerShell continuation ">> ..." or a note's ">net use" alone holds no
 * anchor.) */
static int strip_quotes(struct arena *a, struct lines *t)
{
	struct line *copy = NULL;
	size_t i = 0;
	while (i < t->n) {
		if (t->v[i].len == 0 || t->v[i].s[0] != '>') {
			i++;
			continue;
		}
		size_t j = i, last = i;
		int anchor = 0;
		for (; j < t->n; j++) {
			const struct line *l = &t->v[j];
			if (l->len && l->s[0] == '>') {
				size_t q = quote_prefix(l);
				struct line u = { l->s + q, l->len - (uint32_t)q, l->no };
				anchor |= !line_is_blank(&u) && paste_anchor(&u);
				last = j;
			} else if (!blank(t, j)) {
				break;
			}
		}
		if (anchor && last > i + 1) {
			if (!copy) {
				copy = arena_alloc(a, t->n * sizeof *copy);
				if (!copy)
					return -1;
				memcpy(copy, t->v, t->n * sizeof *copy);
			}
			for (size_t k = i; k <= last; k++) {
				size_t q = copy[k].len && copy[k].s[0] == '>' ? quote_prefix(&copy[k]) : 0;
				copy[k].s += q;
				copy[k].len -= (uint32_t)q;
			}
		}
		i = j > i ? j : i + 1;
	}
	if (copy)
		t->v = copy;
	return 0;
}

int segment_dedent(struct arena *a, struct lines *t)
{
	if (strip_quotes(a, t) != 0)
		return -1;
	struct line *copy = NULL;
	size_t i = 0;
	while (i < t->n) {
		if (blank(t, i) || indent_of(&t->v[i]) < 2) {
			i++;
			continue;
		}
		/* a run of indented lines (blank lines inside it belong to it) */
		size_t j = i, min = SIZE_MAX, last = i;
		int anchor = 0;
		for (; j < t->n; j++) {
			if (blank(t, j))
				continue;
			size_t k = indent_of(&t->v[j]);
			if (k < 2)
				break;
			if (k < min)
				min = k;
			anchor |= paste_anchor(&t->v[j]);
			last = j;
		}
		if (anchor) {
			if (!copy) {
				copy = arena_alloc(a, t->n * sizeof *copy);
				if (!copy)
					return -1;
				memcpy(copy, t->v, t->n * sizeof *copy);
			}
			for (size_t k = i; k <= last; k++) {
				size_t cut = indent_of(&copy[k]);
				if (cut > min)
					cut = min;
				copy[k].s += cut;
				copy[k].len -= cut;
			}
		}
		i = j;
	}
	if (copy)
		t->v = copy;
	return 0;
}

int segment_text(struct arena *a, const struct lines *t, seg_span_vec *spans,
		 struct transcript_header **hdr)
{
	*hdr = NULL;
	struct builder b = { a, t, spans, 0 };
	size_t start = 0;
	const char *cmd = NULL;
	uint32_t cmd_line = 0;
	int after_header = 0, headers = 0;
	for (size_t i = 0; i < t->n;) {
		size_t close;
		enum block bk = block_at(t, i, &close);
		if (bk != B_NONE) {
			if (bk == B_TWO)
				bk = headers ? B_END : B_START;
			if (after_header && !cmd)
				start = skip_started_line(t, start, i);
			split_outputs(&b, start, i, cmd, cmd_line);
			if (bk == B_START) {
				if (!*hdr)
					*hdr = read_header(a, t, i, close);
				headers++;
			}
			/* some versions share the closing rule with the next invocation
			 * header: "*****" / "Command start time: ..." / "*****" */
			while (close + 2 < t->n && line_has_ts14(&t->v[close + 1]) &&
			       is_star_rule(&t->v[close + 2]))
				close += 2;
			after_header = bk == B_START;
			cmd = NULL;
			cmd_line = 0;
			i = start = close + 1;
			continue;
		}
		const char *c;
		size_t cn;
		if (prompt_of(&t->v[i], &c, &cn)) {
			if (after_header && !cmd)
				start = skip_started_line(t, start, i);
			after_header = 0;
			split_outputs(&b, start, i, cmd, cmd_line);
			cmd = command_dup(a, c, cn);
			cmd_line = t->v[i].no;
			i++;
			/* PowerShell continuation lines of a multi-line command */
			while (i < t->n && t->v[i].len >= 2 && t->v[i].s[0] == '>' && t->v[i].s[1] == '>')
				i++;
			/* cmd echoes the command on the next line */
			if (i < t->n && cn) {
				const char *e;
				size_t en;
				trimmed(&t->v[i], &e, &en);
				if (en == cn && eq_ci(e, c, cn))
					i++;
			}
			start = i;
			continue;
		}
		i++;
	}
	if (after_header && !cmd)
		start = skip_started_line(t, start, t->n);
	split_outputs(&b, start, t->n, cmd, cmd_line);
	if (b.oom)
		return -1;
	if (spans->n == 0 && !*hdr) {
		/* nothing to split (or only blank text): one span covers it all */
		struct seg_span *s = VEC_PUSH(a, spans);
		if (!s)
			return -1;
		s->first = 0;
		s->n = t->n;
		s->command = NULL;
		s->command_line = 0;
	}
	return (*hdr || spans->n > 1) ? 1 : 0;
}
