/* net-error and the shared scanner: windows-output-en.md §3 samples,
 * localized headers, NERR footers, prompts, PowerShell 5.1 wrapping. */
#include "nu_helpers.h"

static const struct neterr_scan *errors_of(struct arena *a, const char *name, const char *enc,
					   int want_rc, int min_bid)
{
	struct lines t = nu_lines(a, name, enc);
	int rc, bid;
	const struct neterr_scan *r = nu_run(&neterror_parser, a, &t, &rc, &bid);
	if (rc != want_rc || bid < min_bid)
		fprintf(stderr, "%s: rc %d bid %d\n", name, rc, bid);
	CHECK_INT(rc, want_rc);
	CHECK(bid >= min_bid);
	/* the listing and detail parsers must not claim an error-only text */
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	CHECK(netuse_parser.bid(&t, &ctx) < bid);
	CHECK(netuse_detail_parser.bid(&t, &ctx) < bid);
	CHECK(r != NULL);
	return r;
}

static void check_err(const struct neterr_scan *r, size_t i, int code, const char *msg, uint32_t line)
{
	if (!r || i >= r->errors.n) {
		fprintf(stderr, "no error %zu (code %d expected)\n", i, code);
		CHECK(0);
		return;
	}
	const struct neterr *e = &r->errors.v[i];
	CHECK_INT(e->code, code);
	if (msg)
		CHECK_STR(e->message, msg);
	else
		CHECK(e->message == NULL);
	CHECK_INT(e->line, line);
}

static void test_en_samples(struct arena *a)
{
	const struct neterr_scan *r = errors_of(a, "err_5.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 5, "Access is denied.", 1);
	CHECK_STR(r ? r->errors.v[0].header : NULL, "System error 5 has occurred.");
	CHECK_INT(r ? r->errors.v[0].message_line : 0, 3);
	CHECK_INT(r ? (int)r->errors.v[0].form : -1, NETERR_SYSTEM);

	r = errors_of(a, "err_53.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 53, "The network path was not found.", 1);
	r = errors_of(a, "err_86.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 86, "The specified network password is not correct.", 1);
	r = errors_of(a, "err_1219.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 1219,
		  "Multiple connections to a server or shared resource by the same user, using more than one "
		  "user name, are not allowed. Disconnect all previous connections to the server or shared "
		  "resource and try again.",
		  1);

	r = errors_of(a, "err_1326_htb.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 1326, "The user name or password is incorrect.", 2);
	CHECK_STR(r ? r->errors.v[0].command : NULL, "net use \\\\DC01\\ipc$ \"password\" /u:guest");

	r = errors_of(a, "err_joined_53.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 53, "The network path was not found.", 1);
	CHECK_STR(r ? r->errors.v[0].header : NULL, "System error 53 has occurred.");
}

static void test_prompts(struct arena *a)
{
	const struct neterr_scan *r = errors_of(a, "err_prompts_67.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, 67, "The network name cannot be found.", 5);
	if (!r || r->prompts.n != 3) {
		CHECK(0);
		return;
	}
	CHECK_INT(r->prompts.v[0].kind, NETPROMPT_INVALID);
	CHECK_STR(r->prompts.v[0].target, "\\\\sshfs\\eoin@someserver.local");
	CHECK_INT(r->prompts.v[0].line, 1);
	CHECK_INT(r->prompts.v[1].kind, NETPROMPT_USER);
	CHECK_STR(r->prompts.v[1].target, "sshfs");
	CHECK_STR(r->prompts.v[1].answer, "eoin");
	CHECK_INT(r->prompts.v[1].line, 3);
	CHECK_INT(r->prompts.v[2].kind, NETPROMPT_PASSWORD);
	CHECK_STR(r->prompts.v[2].target, "sshfs");
	CHECK(r->prompts.v[2].answer == NULL); /* never keep what follows a password prompt */

	/* newer wording, WebDAV prompts (en and the verified German one) */
	struct lines t = nu_text(a,
		"The password or user name is invalid for \\\\storage1.example.com\\dir.\n\n"
		"Enter the user name for 'storage1.example.com': domain\\jemurray\n"
		"Enter the password for storage1.example.com:\n"
		"Geben Sie das Kennwort für \"test_user\" ein, um eine Verbindung mit \"storage\" herzustellen:\n");
	struct neterr_scan s;
	CHECK_INT(neterr_scan(&t, a, &s, NULL), 0);
	CHECK_INT(s.prompts.n, 4);
	if (s.prompts.n == 4) {
		CHECK_STR(s.prompts.v[0].target, "\\\\storage1.example.com\\dir");
		CHECK_STR(s.prompts.v[1].answer, "domain\\jemurray");
		CHECK_STR(s.prompts.v[2].target, "storage1.example.com");
		CHECK_INT(s.prompts.v[3].kind, NETPROMPT_PASSWORD);
		CHECK_STR(s.prompts.v[3].target, "storage");
	}
}

static void test_nerr_and_conflict(struct arena *a)
{
	const struct neterr_scan *r = errors_of(a, "err_2250_nerr.txt", NULL, PARSE_OK, BID_STRONG);
	/* one error: the later `NET HELPMSG 2250` is a command the user typed */
	if (r && r->errors.n == 1) {
		check_err(r, 0, 2250, "The network connection could not be found.", 2);
		CHECK_INT(r->errors.v[0].form, NETERR_NERR);
		CHECK_INT(r->errors.v[0].helpmsg_line, 4);
		CHECK_STR(r->errors.v[0].command, "NET USE /DELETE \\\\UNRAID\\rA\\");
	} else {
		CHECK_INT(r ? r->errors.n : 0, 1);
	}

	r = errors_of(a, "err_3510_conflict.txt", NULL, PARSE_OK, BID_STRONG);
	check_err(r, 0, NETERR_CONFLICTING_SWITCHES, "A command was used with conflicting switches.", 2);
	CHECK_INT(r ? (int)r->errors.v[0].form : -1, NETERR_CONFLICT);
	CHECK(r && r->errors.v[0].command && strstr(r->errors.v[0].command, "/savecred"));

	/* Japanese HELPMSG footer ([J1]) */
	struct lines t = nu_text(a, "ネットワーク接続が見つかりませんでした。\r\n\r\n"
				    "NET HELPMSG 2250 と入力すると、より詳しい説明が得られます。\r\n");
	struct neterr_scan s;
	CHECK_INT(neterr_scan(&t, a, &s, NULL), 0);
	check_err(&s, 0, 2250, "ネットワーク接続が見つかりませんでした。", 1);
}

static void test_localized(struct arena *a)
{
	const struct neterr_scan *r = errors_of(a, "err_zh_5_cp936.txt", "CP936", PARSE_OK, BID_STRONG);
	check_err(r, 0, 5, "拒绝访问。", 2);
	r = errors_of(a, "err_de_67_cp850.txt", "CP850", PARSE_OK, BID_STRONG);
	check_err(r, 0, 67, "Der Netzwerkname wurde nicht gefunden.", 1);
	r = errors_of(a, "err_ja_1219_cp932.txt", "CP932", PARSE_OK, BID_STRONG);
	if (r && r->errors.n == 1) {
		CHECK_INT(r->errors.v[0].code, 1219);
		CHECK_INT(r->errors.v[0].message_line, 2);
		CHECK(r->errors.v[0].message && !strncmp(r->errors.v[0].message, "同じユーザーによる", 27));
	} else {
		CHECK(0);
	}
	r = errors_of(a, "err_fr_53_cp850.txt", "CP850", PARSE_OK, BID_STRONG);
	check_err(r, 0, 53, "Le chemin réseau n'a pas été trouvé.", 2);
	CHECK_STR(r ? r->errors.v[0].command : NULL, "net view 192.168.1.9");

	/* typographic apostrophe; an unknown language by structure */
	const char *more[] = {
		"L’erreur système 1326 s’est produite.\n\nLe nom d’utilisateur ou le mot de passe est incorrect.\n",
		"Systeemfout 53 is opgetreden.\n\nHet netwerkpad is niet gevonden.\n",
		"Системная ошибка 67.\n\nНе найдено сетевое имя.\n",
	};
	const int codes[] = { 1326, 53, 67 };
	for (size_t i = 0; i < 3; i++) {
		struct lines t = nu_text(a, more[i]);
		int rc, bid;
		const struct neterr_scan *x = nu_run(&neterror_parser, a, &t, &rc, &bid);
		CHECK_INT(rc, PARSE_OK);
		CHECK_INT(bid, BID_STRONG);
		CHECK(x && x->errors.n == 1 && x->errors.v[0].code == codes[i] && x->errors.v[0].message_line == 3);
	}
}

static void test_ps_wrapped(struct arena *a)
{
	const struct neterr_scan *r = errors_of(a, "err_ps_native_85.txt", NULL, PARSE_OK, BID_STRONG);
	if (r && r->errors.n == 1) {
		const struct neterr *e = &r->errors.v[0];
		CHECK_INT(e->code, 85);
		CHECK_INT(e->ps_wrapped, 1);
		CHECK_STR(e->header, "System error 85 has occurred.");
		CHECK_STR(e->message, "The local device name is already in use.");
		CHECK_INT(e->line, 2);
		CHECK_INT(e->message_line, 9);
		CHECK_STR(e->command, "net use Z: \\\\fs01\\data 2>&1");
	} else {
		CHECK_INT(r ? r->errors.n : 0, 1);
	}
	r = errors_of(a, "err_ps_native_zh_85.txt", NULL, PARSE_OK, BID_STRONG);
	if (r && r->errors.n == 1) {
		CHECK_INT(r->errors.v[0].code, 85);
		CHECK_INT(r->errors.v[0].ps_wrapped, 1);
		CHECK_STR(r->errors.v[0].message, "本地设备名已在使用中。");
	} else {
		CHECK(0);
	}
	/* a wrapped NERR line: code from the HELPMSG footer after the record */
	struct lines t = nu_text(a,
		"net : The network connection could not be found.\n"
		"In Zeile:1 Zeichen:1\n"
		"+ net use X: /delete\n"
		"+ ~~~~~~~~~~~~~~~~~~\n"
		"    + CategoryInfo          : NotSpecified: (The network co...d not be found.:String) [], RemoteException\n"
		"    + FullyQualifiedErrorId : NativeCommandError\n"
		" \n"
		"More help is available by typing NET HELPMSG 2250.\n");
	struct neterr_scan s;
	CHECK_INT(neterr_scan(&t, a, &s, NULL), 0);
	check_err(&s, 0, 2250, "The network connection could not be found.", 1);
	CHECK_INT(s.errors.n ? (int)s.errors.v[0].form : -1, NETERR_NERR);
	/* a record whose position and '+' lines were not pasted */
	t = nu_text(a, "net : System error 53 has occurred.\n\nThe network path was not found.\n");
	CHECK_INT(neterr_scan(&t, a, &s, NULL), 0);
	check_err(&s, 0, 53, "The network path was not found.", 1);
	CHECK_INT(s.errors.n ? s.errors.v[0].ps_wrapped : 0, 1);
	/* another program's wrapped error is not ours */
	t = nu_text(a, "python : Traceback (most recent call last):\nAt line:1 char:1\n+ python x.py\n"
		       "    + CategoryInfo          : NotSpecified: (Traceback...:String) [], RemoteException\n"
		       "    + FullyQualifiedErrorId : NativeCommandError\n");
	CHECK_INT(neterr_scan(&t, a, &s, NULL), 0);
	CHECK_INT(s.errors.n, 0);
}

static void test_header_shapes(void)
{
	size_t rest;
	const char *h = "System error 1219 has occurred.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), 1219);
	CHECK_INT(rest, strlen(h));
	h = "发生系统错误 1219。";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), 1219);
	h = "システム エラー 5 が発生しました。";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), 5);
	h = "Systemfehler 86 aufgetreten.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), 86);
	h = "L'erreur syst\xEF\xBF\xBDme 67 s'est produite.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), 67);
	/* not headers */
	h = "The command completed successfully.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), -1);
	h = "Error 5 of 7 files.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), -1);
	h = "C:\\error 5.";
	CHECK_INT(neterr_header_code(h, strlen(h), &rest), -1);
	/* command echoes */
	h = "C:\\Users\\a>net use Z: \\\\s\\x";
	CHECK_INT(net_prompt_command(h, strlen(h)), 11);
	h = "# Opens           0";
	CHECK_INT(net_prompt_command(h, strlen(h)), -1);
}

static void test_not_errors(struct arena *a)
{
	struct parse_ctx ctx = { a, NULL, NULL, NULL };
	/* `net helpmsg 53` prints a message but nothing failed */
	struct lines t = nu_text(a, "C:\\>net helpmsg 53\nThe network path was not found.\n");
	CHECK_INT(neterror_parser.bid(&t, &ctx), 0);
	t = nu_text(a, "The command completed successfully.\n");
	CHECK_INT(neterror_parser.bid(&t, &ctx), 0);
	/* errors inside other text: a bid below any structural match */
	t = nu_text(a, "a\nb\nc\nd\ne\nf\nSystem error 5 has occurred.\n\nAccess is denied.\n");
	int b = neterror_parser.bid(&t, &ctx);
	CHECK(b > BID_WEAK && b < BID_LIKELY);
}

int main(void)
{
	struct arena *a = arena_new(256u << 20);
	test_en_samples(a);
	test_prompts(a);
	test_nerr_and_conflict(a);
	test_localized(a);
	test_ps_wrapped(a);
	test_header_shapes();
	test_not_errors(a);
	arena_free(a);
	return check_exit();
}
