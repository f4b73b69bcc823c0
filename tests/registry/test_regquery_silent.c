/* A `reg query` that printed nothing. The guide collects the registry with
 * `reg query HKCU\Network 2>$null` (TSG Direction A): when the key is not
 * there, reg's error goes to $null and the transcript shows the prompt and
 * nothing else. That is evidence of absence (facts_regquery), never of
 * existence: before this, an empty output was read as a listing that shows
 * the key, and a drive that was never saved came out "persisted". */
#include <string.h>

#include "analyzer/case.h"
#include "check.h"
#include "parsers/artefact.h"

static struct case_model build(struct artefact_set *set, const char *text)
{
	artefact_add_bytes(set, "t.txt", (const uint8_t *)text, strlen(text));
	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);
	return cm;
}

static int has_key(const struct case_model *cm, const char *k)
{
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		if (!strcmp(cm->reg_keys.v[i].key, k))
			return 1;
	return 0;
}

static int absent_at(const struct case_model *cm, const char *k, uint32_t line)
{
	for (size_t i = 0; i < cm->reg_absent.n; i++)
		if (cm->reg_absent.v[i].key && !strcmp(cm->reg_absent.v[i].key, k) && cm->reg_absent.v[i].ev.line == line)
			return 1;
	return 0;
}

int main(void)
{
	/* errors thrown away, nothing printed: the keys are absent, cited at their prompt */
	struct artefact_set *set = artefact_set_new(NULL);
	struct case_model cm = build(set, "PS C:\\Users\\kim> reg query HKCU\\Network 2>$null\r\n"
					  "PS C:\\Users\\kim> reg query HKCU\\Network\\K 2> nul\r\n"
					  "PS C:\\Users\\kim> Stop-Transcript\r\n");
	CHECK(!has_key(&cm, "HKCU\\Network"));
	CHECK(!has_key(&cm, "HKCU\\Network\\K"));
	CHECK(absent_at(&cm, "HKCU\\Network", 1));
	CHECK(absent_at(&cm, "HKCU\\Network\\K", 2));
	CHECK_INT(cm.reg_scopes.n, 0);
	artefact_set_free(set);

	/* cmd window, errors not redirected, nothing printed but a blank line: the key
	 * has no value and no subkey; it is not shown to exist, its subkeys are */
	set = artefact_set_new(NULL);
	cm = build(set, "C:\\Users\\kim>reg query HKCU\\Network\r\n\r\n\r\nC:\\Users\\kim>\r\n");
	CHECK(!has_key(&cm, "HKCU\\Network\\K"));
	CHECK_INT(cm.reg_absent.n, 0);
	CHECK_INT(cm.reg_scopes.n, 1);
	if (cm.reg_scopes.n)
		CHECK_STR(cm.reg_scopes.v[0].key, "HKCU\\Network");
	artefact_set_free(set);

	/* a query that printed its key is untouched: the key exists */
	set = artefact_set_new(NULL);
	cm = build(set, "PS C:\\Users\\kim> reg query HKCU\\Network\\K 2>$null\r\n\r\n"
			"HKEY_CURRENT_USER\\Network\\K\r\n    RemotePath    REG_SZ    \\\\fs05\\it\r\n\r\n");
	CHECK(has_key(&cm, "HKCU\\Network\\K"));
	CHECK_INT(cm.reg_absent.n, 0);
	artefact_set_free(set);
	return check_exit();
}
