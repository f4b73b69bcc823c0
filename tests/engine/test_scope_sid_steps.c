/* scope-mismatch for another user's hive: one "other-user-drive" step per drive, however many of
 * the key's values were collected (a `reg export HKU\<SID>\Network` lists eight per drive); every
 * value line still counts as evidence. Found by fixtures/scenarios/scope-mismatch-hku-regexport. */
#include "cm_build.h"

#define ME_SID "S-1-5-21-3623811015-3361044348-30300820-5120"
#define OTHER_SID "S-1-5-21-3623811015-3361044348-30300820-5377"

static size_t steps_named(const struct finding *f, const char *check)
{
	size_t n = 0;
	for (size_t i = 0; f && i < f->steps.n; i++)
		n += !strcmp(f->steps.v[i].check, check);
	return n;
}

int main(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, "corp\\aokafor", ME_SID, TRI_NO, TRI_NO, "whoami.txt", 7);
	/* HKEY_USERS\<other>\Network\P and \Q as a reg export shows them: key line, then values */
	const char *p = "HKU\\" OTHER_SID "\\Network\\P";
	const char *q = "HKU\\" OTHER_SID "\\Network\\Q";
	add_key(&t, p, "hku-network.reg", 5);
	add_sz(&t, p, "RemotePath", "\\\\fs01\\projects", "hku-network.reg", 6);
	add_sz(&t, p, "UserName", "", "hku-network.reg", 7);
	add_sz(&t, p, "ProviderName", "Microsoft Windows Network", "hku-network.reg", 8);
	add_dword(&t, p, "ProviderType", 0x20000, "hku-network.reg", 9);
	add_dword(&t, p, "ConnectionType", 1, "hku-network.reg", 10);
	add_key(&t, q, "hku-network.reg", 15);
	add_sz(&t, q, "RemotePath", "\\\\fs01\\quality", "hku-network.reg", 16);
	add_sz(&t, q, "UserName", "", "hku-network.reg", 17);
	tc_run(&t);

	CHECK_INT(tc_count(&t, "scope-mismatch"), 1);
	const struct finding *f = tc_find(&t, "scope-mismatch", NULL);
	CHECK(f != NULL);
	if (f) {
		CHECK_STR(f->root_causes, "E");
		CHECK_INT(steps_named(f, "scope"), 1);
		CHECK_INT(steps_named(f, "other-user-drive"), 2); /* P: and Q:, once each */
		for (size_t i = 0; i < f->steps.n; i++) {
			const struct step *s = &f->steps.v[i];
			if (strcmp(s->check, "other-user-drive"))
				continue;
			if (!strcmp(s->outcome, "P:")) {
				CHECK(step_has_ev(s, "hku-network.reg", 5));
				CHECK(step_has_ev(s, "hku-network.reg", 6));
				CHECK(step_has_ev(s, "hku-network.reg", 10));
				CHECK(!step_has_ev(s, "hku-network.reg", 16));
			} else {
				CHECK_STR(s->outcome, "Q:");
				CHECK(step_has_ev(s, "hku-network.reg", 15));
				CHECK(step_has_ev(s, "hku-network.reg", 17));
			}
		}
		CHECK(tc_has_ev(f, "hku-network.reg", 6));
		CHECK(tc_has_ev(f, "hku-network.reg", 16));
	}
	tc_free(&t);
	return check_exit();
}
