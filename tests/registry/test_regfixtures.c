/* The registry fixtures (fixtures/registry, bytes as customers send them:
 * UTF-16LE with BOM, OEM and ANSI code pages, CRLF, prompts) through the
 * whole pipeline: each file's kind and status, and the facts the case model
 * gets from it (keys, values, scopes, absences, with evidence lines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/case.h"
#include "check.h"

static struct artefact_set *set;

static struct artefact *load(const char *name)
{
	const char *dir = getenv("MDT_FIXTURES");
	char path[4096];
	snprintf(path, sizeof path, "%s/registry/%s", dir ? dir : "fixtures", name);
	FILE *f = fopen(path, "rb");
	CHECK(f != NULL);
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return NULL;
	}
	static uint8_t buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	struct artefact *art = artefact_add_bytes(set, name, buf, n);
	CHECK(art != NULL);
	return art;
}

static void expect(const char *name, const char *kind, const char *encoding)
{
	struct artefact *art = load(name);
	if (!art)
		return;
	CHECK_STR(art->kind, kind);
	CHECK_STR(art_status_name(art->status), "parsed");
	if (encoding)
		CHECK_STR(art->encoding, encoding);
	if (strcmp(art->kind, kind) != 0 || art->status != ART_PARSED)
		fprintf(stderr, "  %s: kind %s, status %s, reason %s\n", name, art->kind,
			art_status_name(art->status), art->reason ? art->reason : "-");
}

static const struct f_reg_value *value(const struct case_model *cm, const char *art, const char *key,
				       const char *name)
{
	const struct f_reg_value *f = NULL;
	for (size_t i = 0; i < cm->reg_values.n; i++) {
		const struct f_reg_value *v = &cm->reg_values.v[i];
		if (!strcmp(v->key, key) && !strcmp(v->name, name) && v->ev.artefact && !strcmp(v->ev.artefact, art))
			f = v;
	}
	return f;
}

static int key_seen(const struct case_model *cm, const char *art, const char *key)
{
	for (size_t i = 0; i < cm->reg_keys.n; i++)
		if (!strcmp(cm->reg_keys.v[i].key, key) && !strcmp(cm->reg_keys.v[i].ev.artefact, art))
			return 1;
	return 0;
}

static const struct f_reg_scope *scope(const struct case_model *cm, const char *art, const char *key)
{
	for (size_t i = 0; i < cm->reg_scopes.n; i++)
		if (!strcmp(cm->reg_scopes.v[i].key, key) && !strcmp(cm->reg_scopes.v[i].ev.artefact, art))
			return &cm->reg_scopes.v[i];
	return NULL;
}

static const struct f_reg_absent *absent(const struct case_model *cm, const char *art)
{
	for (size_t i = 0; i < cm->reg_absent.n; i++)
		if (!strcmp(cm->reg_absent.v[i].ev.artefact, art))
			return &cm->reg_absent.v[i];
	return NULL;
}

int main(void)
{
	set = artefact_set_new(NULL);
	expect("query_network_plain.txt", "reg-query", NULL);
	expect("query_network_s_utf16le_bom.txt", "reg-query", "utf-16le-bom");
	expect("query_policies_prompts.txt", "transcript", NULL);
	expect("query_winfsp_s.txt", "reg-query", NULL);
	expect("query_globalmappings_s.txt", "reg-query", NULL);
	expect("query_hku_sid.txt", "reg-query", NULL);
	expect("query_notfound_en.txt", "reg-query", NULL);
	expect("query_notfound_zh_cp936.txt", "reg-query", "cp936");
	expect("query_notfound_de_cp850.txt", "reg-query", NULL);
	expect("query_notfound_ja_cp932.txt", "reg-query", "cp932");
	expect("query_notfound_fr_cp850.txt", "reg-query", NULL);
	expect("export_network_w_utf16le_bom.reg", "reg-export", "utf-16le-bom");
	expect("export_hku_sid_utf16le_bom.reg", "reg-export", "utf-16le-bom");
	expect("regedit4_cp1252.reg", "reg-export", NULL);
	expect("regedit4_cp936.reg", "reg-export", "cp936");
	expect("import_fix.reg", "reg-export", NULL);

	struct case_model cm;
	CHECK_INT(case_build(&cm, set->arena, set), 0);

	/* reg query HKCU\Network (plain): both drives exist, the listing covers Network */
	CHECK(key_seen(&cm, "query_network_plain.txt", "HKCU\\Network\\l"));
	CHECK(key_seen(&cm, "query_network_plain.txt", "HKCU\\Network\\Z"));
	const struct f_reg_scope *s = scope(&cm, "query_network_plain.txt", "HKCU\\Network");
	CHECK(s && !s->recursive && s->ev.line == 2);

	/* /s in UTF-16: values with their lines */
	const char *f = "query_network_s_utf16le_bom.txt";
	const struct f_reg_value *v = value(&cm, f, "HKCU\\Network\\l", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs01\\data") && v->ev.line == 3);
	v = value(&cm, f, "HKCU\\Network\\l", "UserName");
	CHECK(v && v->type == REGT_SZ && !strcmp(v->data, ""));
	v = value(&cm, f, "HKCU\\Network\\Z", "UserName");
	CHECK(v && !strcmp(v->data, "CONTOSO\\svc_map"));
	v = value(&cm, f, "HKCU\\Network\\Z", "DeferFlags");
	CHECK(v && v->num == 1);
	v = value(&cm, f, "HKCU\\Network\\Z", "UseOptions");
	CHECK(v && v->type == REGT_BINARY && !strncmp(v->data, "446566437c", 10));
	s = scope(&cm, f, "HKCU\\Network");
	CHECK(s && s->recursive);

	/* prompts: policy values, an absent value, SaveConnections */
	f = "query_policies_prompts.txt";
	v = value(&cm, f, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableLinkedConnections");
	CHECK(v && v->num == 1 && v->ev.line == 4);
	v = value(&cm, f, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "DisableDomainCreds");
	CHECK(v && v->num == 0 && v->type == REGT_DWORD);
	const struct f_reg_absent *ab = absent(&cm, f);
	CHECK(ab && ab->key && !strcmp(ab->key, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider") &&
	      ab->value && !strcmp(ab->value, "RestoreConnection") && ab->ev.line == 14);
	v = value(&cm, f, "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections",
		  "SaveConnections");
	CHECK(v && !strcmp(v->data, "no") && v->ev.line == 19);
	CHECK(scope(&cm, f, "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections") != NULL);
	CHECK(scope(&cm, f, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa") == NULL); /* /v is not a listing */

	/* §5.2: /s layout inferred without the command */
	s = scope(&cm, "query_winfsp_s.txt", "HKLM\\SOFTWARE\\WinFsp");
	CHECK(s && s->recursive && s->ev.line == 1);
	CHECK(key_seen(&cm, "query_winfsp_s.txt", "HKLM\\SOFTWARE\\WinFsp\\Services"));

	/* GlobalMappings */
	f = "query_globalmappings_s.txt";
	s = scope(&cm, f, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings");
	CHECK(s && s->recursive && s->ev.line == 1);
	v = value(&cm, f, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\G:", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\fs1.contoso.com\\public"));

	/* HKEY_USERS\<SID> */
	v = value(&cm, "query_hku_sid.txt", "HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\nas\\media"));

	/* the missing key in five languages: an absence of HKCU\Network\L at line 2 */
	static const char *const nf[] = { "query_notfound_en.txt", "query_notfound_zh_cp936.txt",
					  "query_notfound_de_cp850.txt", "query_notfound_ja_cp932.txt",
					  "query_notfound_fr_cp850.txt" };
	for (size_t i = 0; i < 5; i++) {
		ab = absent(&cm, nf[i]);
		CHECK(ab && ab->key && !strcmp(ab->key, "HKCU\\Network\\L") && !ab->value && ab->ev.line == 2);
		if (!ab || !ab->key)
			fprintf(stderr, "  no absence from %s\n", nf[i]);
	}

	/* exports */
	f = "export_network_w_utf16le_bom.reg";
	v = value(&cm, f, "HKCU\\Network\\w", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\workspace-home.snet.sa.m-h.ug\\shug") && v->ev.line == 4);
	v = value(&cm, f, "HKCU\\Network\\w", "UseOptions");
	CHECK(v && v->ev.line == 11 && strlen(v->data) == 248);
	s = scope(&cm, f, "HKCU\\Network\\w");
	CHECK(s && s->recursive && s->ev.line == 3);
	f = "export_hku_sid_utf16le_bom.reg";
	s = scope(&cm, f, "HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network");
	CHECK(s && s->recursive);
	CHECK(scope(&cm, f, "HKU\\S-1-5-21-3623811015-3361044348-30300820-1013\\Network\\Z") == NULL);
	v = value(&cm, "regedit4_cp1252.reg", "HKCU\\Network\\P", "UserName");
	CHECK(v && !strcmp(v->data, "DOMAINE\\José"));
	v = value(&cm, "regedit4_cp936.reg", "HKCU\\Network\\S", "RemotePath");
	CHECK(v && !strcmp(v->data, "\\\\文件服务器\\共享"));
	/* an import file: deletions are not existence, nothing is a scope */
	f = "import_fix.reg";
	CHECK(!key_seen(&cm, f, "HKCU\\Network\\Q"));
	v = value(&cm, f, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider", "RestoreConnection");
	CHECK(v && v->deleted);
	v = value(&cm, f, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableLinkedConnections");
	CHECK(v && v->num == 1);
	int any_scope = 0;
	for (size_t i = 0; i < cm.reg_scopes.n; i++)
		any_scope |= !strcmp(cm.reg_scopes.v[i].ev.artefact, f);
	CHECK(!any_scope);

	artefact_set_free(set);
	return check_exit();
}
