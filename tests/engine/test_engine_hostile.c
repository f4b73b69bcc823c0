/* The engine on hostile or half-filled models: NULL fields everywhere, odd
 * drive spellings, and large fact counts must neither crash nor take long,
 * and the number of case-level findings stays bounded. */
#include <time.h>

#include "cm_build.h"

/* Every fact kind with its strings left NULL (adapters may degrade to that). */
static void test_null_fields(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.drive_hint = "not-a-drive";
	t.cm.symptom = "";
	PUSH(&t, netuse_rows);
	PUSH(&t, netuse_listings);
	PUSH(&t, reg_keys);
	PUSH(&t, reg_values);
	PUSH(&t, reg_scopes);
	PUSH(&t, reg_absent);
	PUSH(&t, creds);
	PUSH(&t, cred_listings);
	PUSH(&t, identities);
	PUSH(&t, hosts);
	PUSH(&t, access)->ok = TRI_NO;
	PUSH(&t, services);
	PUSH(&t, gmaps)->global = 1;
	PUSH(&t, gmap_listings)->global = 1;
	PUSH(&t, smbconns);
	PUSH(&t, dirs);
	PUSH(&t, commands)->kind = CMD_NET_USE;
	PUSH(&t, commands)->kind = CMD_NEW_GMAP;
	PUSH(&t, errors)->code = 53;
	PUSH(&t, secrets);
	tc_run(&t);
	CHECK(t.v.findings.n <= 4);
	tc_free(&t);
}

/* Drive spellings the facts may carry: lower case, trailing backslash, wildcard. */
static void test_drive_spellings(void)
{
	struct tcase t;
	tc_init(&t);
	t.cm.drive_hint = "l";
	add_gmap_listing(&t, "gmap.txt", 1);
	add_gmap(&t, "z:", "\\\\fs01\\c", CONN_OK, "OK", 0, "gmap.txt", 3);
	add_gmap(&t, "Z:\\", "\\\\fs01\\c", CONN_OK, "OK", 0, "gmap.txt", 4);
	add_cmd(&t, CMD_NET_USE, "net use * \\\\fs01\\data", "*", "\\\\fs01\\data", TRI_UNKNOWN, 0, NULL, 0,
		"t.txt", 2);
	add_row(&t, "l:", "\\\\fs01\\data", CONN_OK, "OK", "netuse.txt", 5);
	tc_run(&t);
	CHECK_INT(t.v.mappings.n, 2);
	CHECK(tc_mapping(&t, "L:", "user") != NULL);
	CHECK(tc_mapping(&t, "Z:", "machine") != NULL);
	tc_free(&t);
}

/* Many facts: linear-ish work, bounded output. */
static void test_volume(void)
{
	struct tcase t;
	tc_init(&t);
	add_identity(&t, "CONTOSO\\jdoe", "S-1-5-21-1-2-3-1104", TRI_NO, TRI_NO, "whoami.txt", 1);
	for (int i = 0; i < 20000; i++) {
		add_scope(&t, "HKCU", 0, "scopes.txt", (uint32_t)i + 1);
		add_sz(&t, arena_printf(t.a, "HKCU\\Software\\Vendor\\K%d", i), "V", "x", "values.txt", (uint32_t)i + 1);
		add_sz(&t, arena_printf(t.a, "HKU\\S-1-5-21-9-9-9-%d\\Network\\Q", i % 100), "RemotePath",
		       "\\\\other\\share", "hku.txt", (uint32_t)i + 1);
	}
	for (int i = 0; i < 5000; i++)
		add_access(&t, arena_printf(t.a, "\\\\srv%d\\share", i), ACC_TEST_PATH, TRI_NO, 53, "tp.txt",
			   (uint32_t)i + 1);
	for (char c = 'A'; c <= 'Z'; c++) {
		const char *drive = arena_printf(t.a, "%c:", c);
		add_row(&t, drive, arena_printf(t.a, "\\\\fs01\\s%c", c), CONN_UNAVAILABLE, "Unavailable", "netuse.txt",
			(uint32_t)c);
		add_gmap(&t, drive, arena_printf(t.a, "\\\\fs02\\g%c", c), CONN_DISCONNECTED, "Disconnected", 2,
			 "gmap.txt", (uint32_t)c);
	}
	add_gmap_listing(&t, "gmap.txt", 1);
	clock_t t0 = clock();
	tc_run(&t);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	fprintf(stderr, "volume case: %zu findings, %zu next steps in %.2fs\n", t.v.findings.n,
		t.v.next_steps.n, secs);
	CHECK(secs < 20.0);
	CHECK(tc_count(&t, "unc-unreachable") <= 32);
	CHECK(tc_count(&t, "scope-mismatch") <= 32);
	CHECK_INT(tc_count(&t, "solution-G"), 26);
	/* a net use row joins the global mapping of its letter */
	CHECK_INT(t.v.mappings.n, 26);
	tc_free(&t);
}

/* A tiny arena: the engine fails cleanly (returns -1), never crashes. */
static void test_small_arena(void)
{
	for (size_t cap = 4096; cap <= 65536; cap *= 2) {
		struct case_model cm;
		memset(&cm, 0, sizeof cm);
		struct arena *a = arena_new(cap);
		cm.arena = a;
		for (int i = 0; i < 50; i++) {
			struct f_netuse_row *r = VEC_PUSH(a, &cm.netuse_rows);
			if (!r)
				break;
			r->drive = "L:";
			r->remote = "\\\\fs01\\data";
			r->status = CONN_UNAVAILABLE;
		}
		struct verdict v;
		memset(&v, 0, sizeof v);
		int rc = engine_run(&cm, &v);
		CHECK(rc == 0 || rc == -1);
		arena_free(a);
	}
}

int main(void)
{
	test_null_fields();
	test_drive_spellings();
	test_volume();
	test_small_arena();
	return check_exit();
}
