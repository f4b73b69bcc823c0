/* psobj: the four PowerShell shapes -> generic records. Samples are the
 * verified ones of windows-output-en.md §7-§9 (and 0.3 of the localized doc). */
#include <time.h>

#include "parsers/psobj.h"
#include "ps_helpers.h"

static struct ps_objects read_text(struct arena *a, const char *text, int *rc)
{
	struct lines t = ps_lines(a, text);
	struct ps_objects po;
	*rc = psobj_read(a, &t, &po);
	return po;
}

static const char *get(const struct ps_objects *po, size_t i, const char *name)
{
	if (i >= po->n)
		return "(no such object)";
	const struct ps_value *v = ps_get(&po->v[i], name);
	return v ? (v->value ? v->value : "(null)") : "(absent)";
}

static void test_table_doc_sample(struct arena *a)
{
	/* 7.1: whitespace as the reviewer posted it, trailing spaces kept */
	int rc;
	struct ps_objects po = read_text(a,
		"Status Local Path Remote Path \n"
		"------ ---------- ----------- \n"
		"OK     G:         \\\\fs1.contoso.com\\public\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.shape, PS_SHAPE_TABLE);
	CHECK_INT(po.n, 1);
	CHECK_STR(get(&po, 0, "Status"), "OK");
	CHECK_STR(get(&po, 0, "LocalPath"), "G:");
	CHECK_STR(get(&po, 0, "Remote Path"), "\\\\fs1.contoso.com\\public");
	CHECK_INT(po.v[0].props[0].line, 3);
	CHECK_INT(po.first_line, 1);
}

static void test_table_autosize(struct arena *a)
{
	int rc;
	struct ps_objects po = read_text(a,
		"PS> Get-SmbMapping\n"
		"\n"
		"Status       Local Path Remote Path\n"
		"------       ---------- -----------\n"
		"Disconnected Z:         \\\\127.0.0.1\\c$\n"
		"OK           Y:         \\\\storage3\\scanning\n"
		"\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "Status"), "Disconnected");
	CHECK_STR(get(&po, 0, "LocalPath"), "Z:");
	CHECK_STR(get(&po, 0, "RemotePath"), "\\\\127.0.0.1\\c$");
	CHECK_STR(get(&po, 1, "Status"), "OK");
	CHECK_STR(get(&po, 1, "RemotePath"), "\\\\storage3\\scanning");
	CHECK_INT(po.v[1].line, 6);
}

static void test_table_spaces_and_truncation(struct arena *a)
{
	int rc;
	struct ps_objects po = read_text(a,
		"ServerName ShareName UserName         Credential                               Dialect NumOpens\n"
		"---------- --------- --------         ----------                               ------- --------\n"
		"Synology   NAS Drive RIPTIDE\\terrence MicrosoftAccount\\terrence.miao@mail.net  3.1.1   2\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(get(&po, 0, "ShareName"), "NAS Drive");
	CHECK_STR(get(&po, 0, "UserName"), "RIPTIDE\\terrence");
	CHECK_STR(get(&po, 0, "Credential"), "MicrosoftAccount\\terrence.miao@mail.net");
	CHECK_STR(get(&po, 0, "NumOpens"), "2");

	po = read_text(a,
		"PS C:\\>Get-SmbConnection\n"
		"ServerName          ShareName           UserName             Credential           Dialect             NumOpens \n"
		"----------          ---------           --------             ----------           -------             -------- \n"
		"Contoso-FS1         VMS5                Contoso\\Contoso-HV1$ Contoso\\Contoso-HV1$ 3.00                1 \n"
		"Contoso-FS1         VMS5                NT VIRTUAL MACHI...  Contoso\\Contoso-HV1$ 3.00                3 \n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 1, "UserName"), "NT VIRTUAL MACHI...");
	CHECK(ps_get(&po.v[1], "UserName")->truncated);
	CHECK(!ps_get(&po.v[0], "UserName")->truncated);
	CHECK_STR(get(&po, 1, "NumOpens"), "3");

	/* PowerShell 7 cuts with U+2026 */
	po = read_text(a,
		"\n"
		"Status   Name               DisplayName\n"
		"------   ----               -----------\n"
		"Stopped  AssignedAccessMan… AssignedAccessManager Service\n"
		"Running  LanmanWorkstation  Workstation\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "Name"), "AssignedAccessMan…");
	CHECK(ps_get(&po.v[0], "Name")->truncated);
	CHECK_STR(get(&po, 0, "DisplayName"), "AssignedAccessManager Service");
	CHECK_STR(get(&po, 1, "Name"), "LanmanWorkstation");
	CHECK_INT(po.first_line, 2);
}

static void test_table_wrap(struct arena *a)
{
	/* Format-Table -Wrap: the rest of a long cell on the next row */
	int rc;
	struct ps_objects po = read_text(a,
		"ServerName ShareName UserName\n"
		"---------- --------- --------\n"
		"fs01       data      CONTOSO\\averyveryl\n"
		"                     onguser\n"
		"fs02       apps      CONTOSO\\bob\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "UserName"), "CONTOSO\\averyverylonguser");
	CHECK_STR(get(&po, 1, "ServerName"), "fs02");
}

static void test_table_cjk_and_flattened(struct arena *a)
{
	/* localized doc 0.3: Get-SmbConnection on a Chinese machine */
	int rc;
	struct ps_objects po = read_text(a,
		"ServerName ShareName UserName               Credential Dialect NumOpens\n"
		"---------- --------- --------               ---------- ------- --------\n"
		"localhost  firewall  LAPTOP-HS0L4TOD\\Lenovo \\Lenovo    3.1.1   1\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(get(&po, 0, "UserName"), "LAPTOP-HS0L4TOD\\Lenovo");
	CHECK_STR(get(&po, 0, "Credential"), "\\Lenovo");
	/* a value in wide characters: display columns, not bytes */
	po = read_text(a,
		"Status Name   DisplayName\n"
		"------ ----   -----------\n"
		"Running 服务名 工作站\n", &rc);
	CHECK_INT(rc, 0);
	/* a row whose spaces were collapsed: falls back to whitespace tokens */
	CHECK_STR(get(&po, 0, "Status"), "Running");
	CHECK_STR(get(&po, 0, "Name"), "服务名");
	CHECK_STR(get(&po, 0, "DisplayName"), "工作站");
	po = read_text(a,
		"Status Name     DisplayName\n"
		"------ ----     -----------\n"
		"OK     中文名   显示\n", &rc);
	CHECK_STR(get(&po, 0, "Name"), "中文名");
	CHECK_STR(get(&po, 0, "DisplayName"), "显示");
}

static void test_list(struct arena *a)
{
	/* 8.2 without the poster's <# #> comment markers */
	int rc;
	struct ps_objects po = read_text(a,
		"\n"
		"SmbInstance           : Default\n"
		"ContinuouslyAvailable : True\n"
		"Credential            : KERBEROS.MICROSOFTONLINE.COM\\ayan@<>\n"
		"Dialect               : 3.1.1\n"
		"Encrypted             : True\n"
		"NumOpens              : 1\n"
		"Redirected            : False\n"
		"ServerName            : entraazfiles1.file.core.windows.net\n"
		"ShareName             : entraazfilesshare\n"
		"Signed                : False\n"
		"UserName              : AzureAD\\<>\n"
		"PSComputerName        :\n"
		"CimClass              : ROOT/Microsoft/Windows/SMB:MSFT_SmbConnection\n"
		"CimInstanceProperties : {ContinuouslyAvailable, Credential, Dialect, Encrypted…}\n"
		"CimSystemProperties   : Microsoft.Management.Infrastructure.CimSystemProperties\n"
		"\n"
		"SmbInstance           : Default\n"
		"ServerName            : fs01\n"
		"ShareName             : data\n"
		"PSComputerName        : \n"
		"\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.shape, PS_SHAPE_LIST);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "ServerName"), "entraazfiles1.file.core.windows.net");
	CHECK_STR(get(&po, 0, "Dialect"), "3.1.1");
	CHECK_STR(get(&po, 0, "PSComputerName"), "");
	CHECK_STR(get(&po, 0, "CimClass"), "ROOT/Microsoft/Windows/SMB:MSFT_SmbConnection");
	CHECK_INT(ps_get(&po.v[0], "ServerName")->line, 9);
	CHECK_STR(get(&po, 1, "ServerName"), "fs01");
	CHECK_STR(get(&po, 1, "PSComputerName"), "");
	CHECK_INT(ps_bool(ps_get(&po.v[0], "Encrypted")), 1);
	CHECK_INT(ps_bool(ps_get(&po.v[0], "Signed")), 0);

	/* a long value wrapped onto a line indented to the value column */
	po = read_text(a,
		"LocalPath  : Z:\n"
		"RemotePath : \\\\a-very-long-server-name.corp.contoso.com\\depart\n"
		"             ment-share\n"
		"Status     : OK\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(get(&po, 0, "RemotePath"), "\\\\a-very-long-server-name.corp.contoso.com\\department-share");
	CHECK_STR(get(&po, 0, "Status"), "OK");
}

static const char *disk_image_xml =
	"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
	"  <Obj RefId=\"0\">\n"
	"    <TN RefId=\"0\">\n"
	"      <T>Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_DiskImage</T>\n"
	"      <T>Microsoft.Management.Infrastructure.CimInstance#MSFT_DiskImage</T>\n"
	"      <T>Microsoft.Management.Infrastructure.CimInstance</T>\n"
	"      <T>System.Object</T>\n"
	"    </TN>\n"
	"    <Props>\n"
	"      <B N=\"Attached\">false</B>\n"
	"      <U64 N=\"BlockSize\">0</U64>\n"
	"      <Nil N=\"DevicePath\" />\n"
	"      <U64 N=\"FileSize\">0</U64>\n"
	"      <S N=\"ImagePath\">{0}</S>\n"
	"      <U64 N=\"LogicalSectorSize\">0</U64>\n"
	"      <Nil N=\"Number\" />\n"
	"      <U64 N=\"Size\">0</U64>\n"
	"      <U32 N=\"StorageType\">1</U32>\n"
	"      <Nil N=\"PSComputerName\" />\n"
	"    </Props>\n"
	"    <MS>\n"
	"      <Obj N=\"__ClassMetadata\" RefId=\"1\">\n"
	"        <TN RefId=\"1\">\n"
	"          <T>System.Collections.ArrayList</T>\n"
	"          <T>System.Object</T>\n"
	"        </TN>\n"
	"        <LST>\n"
	"          <Obj RefId=\"2\">\n"
	"            <MS>\n"
	"              <S N=\"ClassName\">MSFT_DiskImage</S>\n"
	"              <S N=\"Namespace\">ROOT/Microsoft/Windows/Storage</S>\n"
	"              <S N=\"ServerName\"></S>\n"
	"              <I32 N=\"Hash\">0</I32>\n"
	"              <S N=\"MiXml\">&lt;CLASS NAME=\"MSFT_DiskImage\"&gt;&lt;QUALIFIER NAME=\"dynamic\" TYPE=\"boolean\"&gt;…</S>\n"
	"            </MS>\n"
	"          </Obj>\n"
	"        </LST>\n"
	"      </Obj>\n"
	"    </MS>\n"
	"  </Obj>\n"
	"</Objs>\n";

static void test_clixml_real(struct arena *a)
{
	int rc;
	struct ps_objects po = read_text(a, disk_image_xml, &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.shape, PS_SHAPE_CLIXML);
	CHECK_INT(po.n, 1);
	CHECK_STR(po.v[0].type_name,
		  "Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/Storage/MSFT_DiskImage");
	CHECK_STR(get(&po, 0, "ImagePath"), "{0}");
	CHECK_STR(get(&po, 0, "Attached"), "false");
	CHECK_STR(get(&po, 0, "DevicePath"), "(null)");
	CHECK_INT(ps_get(&po.v[0], "StorageType")->num, 1);
	CHECK(ps_get(&po.v[0], "StorageType")->has_num);
	CHECK_INT(ps_get(&po.v[0], "StorageType")->line, 18);
	CHECK_INT(ps_get(&po.v[0], "ImagePath")->line, 14);
	CHECK(ps_get(&po.v[0], "__ClassMetadata") == NULL);
	CHECK(ps_get(&po.v[0], "ClassName") == NULL); /* nested metadata is not a property */
	CHECK_INT(po.v[0].line, 2);

	po = read_text(a,
		"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
		"<Obj RefId=\"0\">\n"
		"\t<TN RefId=\"0\">\n"
		"\t<T>Microsoft.Management.Infrastructure.CimInstance#Root/Microsoft/Windows/TaskScheduler/MSFT_TaskRepetitionPattern</T>\n"
		"\t<T>Microsoft.Management.Infrastructure.CimInstance#MSFT_TaskRepetitionPattern</T>\n"
		"\t<T>Microsoft.Management.Infrastructure.CimInstance</T>\n"
		"\t<T>System.Object</T>\n"
		"\t</TN>\n"
		"\t<ToString>MSFT_TaskRepetitionPattern</ToString>\n"
		"\t<Props>\n"
		"\t<S N=\"Duration\">P1D</S>\n"
		"\t<S N=\"Interval\">PT30M</S>\n"
		"\t<B N=\"StopAtDurationEnd\">false</B>\n"
		"\t<Nil N=\"PSComputerName\" />\n"
		"\t</Props>\n"
		"\t<MS>\n"
		"\t<Obj N=\"__ClassMetadata\" RefId=\"1\">\n"
		"\t\t<TN RefId=\"1\">\n"
		"\t\t<T>System.Collections.ArrayList</T>\n"
		"\t\t<T>System.Object</T>\n"
		"\t\t</TN>\n"
		"\t\t<LST>\n"
		"\t\t<Obj RefId=\"2\">\n"
		"\t\t\t<MS>\n"
		"\t\t\t<S N=\"ClassName\">MSFT_TaskRepetitionPattern</S>\n"
		"\t\t\t<S N=\"Namespace\">Root/Microsoft/Windows/TaskScheduler</S>\n"
		"\t\t\t<S N=\"ServerName\">C0020127</S>\n"
		"\t\t\t<I32 N=\"Hash\">-1401671928</I32>\n"
		"\t\t\t<S N=\"MiXml\">&lt;CLASS NAME=\"MSFT_TaskRepetitionPattern\"&gt;&lt;/CLASS&gt;</S>\n"
		"\t\t\t</MS>\n"
		"\t\t</Obj>\n"
		"\t\t</LST>\n"
		"\t</Obj>\n"
		"\t</MS>\n"
		"</Obj>\n"
		"</Objs>\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 1);
	CHECK_STR(po.v[0].to_string, "MSFT_TaskRepetitionPattern");
	CHECK_STR(get(&po, 0, "Interval"), "PT30M");
	CHECK_INT(ps_get(&po.v[0], "Interval")->line, 12);
	CHECK(ps_get(&po.v[0], "ServerName") == NULL);
}

static void test_clixml_refs_and_enums(struct arena *a)
{
	int rc;
	struct ps_objects po = read_text(a,
		"<?xml version=\"1.0\" encoding=\"utf-16\"?>\n"
		"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
		"  <Obj RefId=\"0\">\n"
		"    <TN RefId=\"0\">\n"
		"      <T>System.ServiceProcess.ServiceController</T>\n"
		"      <T>System.Object</T>\n"
		"    </TN>\n"
		"    <ToString>System.ServiceProcess.ServiceController</ToString>\n"
		"    <Props>\n"
		"      <S N=\"DisplayName\">Workstation</S>\n"
		"      <S N=\"ServiceName\">LanmanWorkstation</S>\n"
		"      <Obj N=\"Status\" RefId=\"1\">\n"
		"        <TN RefId=\"1\">\n"
		"          <T>System.ServiceProcess.ServiceControllerStatus</T>\n"
		"          <T>System.Enum</T>\n"
		"        </TN>\n"
		"        <I32>4</I32>\n"
		"        <ToString>Running</ToString>\n"
		"      </Obj>\n"
		"    </Props>\n"
		"    <MS><S N=\"Name\">LanmanWorkstation</S></MS>\n"
		"  </Obj>\n"
		"  <Obj RefId=\"2\">\n"
		"    <TNRef RefId=\"0\" />\n"
		"    <Props>\n"
		"      <S N=\"DisplayName\">Server</S>\n"
		"      <Ref N=\"Status\" RefId=\"1\" />\n"
		"      <S N=\"Note\">a_x000D__x000A_b_x00E9_</S>\n"
		"    </Props>\n"
		"  </Obj>\n"
		"</Objs>\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "Status"), "Running");
	CHECK_INT(ps_get(&po.v[0], "Status")->num, 4);
	CHECK_INT(ps_get(&po.v[0], "Status")->line, 12);
	CHECK_STR(get(&po, 0, "Name"), "LanmanWorkstation");
	CHECK_STR(po.v[1].type_name, "System.ServiceProcess.ServiceController");
	CHECK_STR(get(&po, 1, "Status"), "Running");
	CHECK_STR(get(&po, 1, "Note"), "a\r\nbé");
}

static void test_json(struct arena *a)
{
	int rc;
	struct ps_objects po = read_text(a,
		"{\n"
		"    \"LocalPath\":  \"Z:\",\n"
		"    \"RemotePath\":  \"\\\\\\\\fs01.contoso.com\\\\data\",\n"
		"    \"RequireIntegrity\":  false,\n"
		"    \"Status\":  0,\n"
		"    \"CimClass\":  {\n"
		"                     \"CimSuperClassName\":  null,\n"
		"                     \"LocalPath\":  \"decoy\"\n"
		"                 },\n"
		"    \"PSComputerName\":  null\n"
		"}\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.shape, PS_SHAPE_JSON);
	CHECK_INT(po.n, 1);
	CHECK_STR(get(&po, 0, "RemotePath"), "\\\\fs01.contoso.com\\data");
	CHECK_STR(get(&po, 0, "RequireIntegrity"), "False");
	CHECK(ps_get(&po.v[0], "Status")->has_num);
	CHECK_INT(ps_get(&po.v[0], "Status")->num, 0);
	CHECK_INT(ps_get(&po.v[0], "LocalPath")->line, 2);
	CHECK_INT(ps_get(&po.v[0], "Status")->line, 5);
	CHECK_INT(ps_get(&po.v[0], "PSComputerName")->line, 10);
	CHECK_STR(get(&po, 0, "PSComputerName"), "(null)");

	po = read_text(a,
		"[\n"
		"    {\n"
		"        \"LocalPath\":  \"Y:\",\n"
		"        \"Status\":  \"Unavailable\"\n"
		"    },\n"
		"    {\n"
		"        \"LocalPath\":  \"Z:\",\n"
		"        \"Status\":  2\n"
		"    }\n"
		"]\n", &rc);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, 2);
	CHECK_STR(get(&po, 0, "Status"), "Unavailable");
	CHECK_STR(get(&po, 1, "Status"), "2");
	CHECK_INT(ps_get(&po.v[1], "LocalPath")->line, 7);
	CHECK_INT(ps_get(&po.v[1], "Status")->line, 8);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_hostile_xml(struct arena *a)
{
	double t0 = now();
	int rc;
	/* billion laughs: refused before libxml2 sees it */
	struct ps_objects po = read_text(a,
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Objs [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		"<Objs><Obj RefId=\"0\"><Props><S N=\"LocalPath\">&lol9;</S></Props></Obj></Objs>\n", &rc);
	CHECK_INT(rc, -1);
	CHECK_INT(po.n, 0);
	CHECK(po.reason && strstr(po.reason, "DOCTYPE"));

	/* external entity: no file is read, no text of it appears */
	po = read_text(a,
		"<Objs Version=\"1.1.0.1\">\n"
		"<!DOCTYPE Objs [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
		"<Obj RefId=\"0\"><Props><S N=\"LocalPath\">&xxe;</S></Props></Obj></Objs>\n", &rc);
	for (size_t i = 0; i < po.n; i++)
		for (size_t k = 0; k < po.v[i].nprops; k++)
			CHECK(!po.v[i].props[k].value || !strstr(po.v[i].props[k].value, "root:"));
	CHECK_INT(rc, -1);

	/* an undeclared entity reference: never expanded, never followed */
	po = read_text(a,
		"<Objs Version=\"1.1.0.1\">\n"
		"<Obj RefId=\"0\"><Props><S N=\"LocalPath\">A&xxe;B</S><S N=\"RemotePath\">\\\\s\\x</S></Props></Obj></Objs>\n", &rc);
	for (size_t i = 0; i < po.n; i++) {
		const struct ps_value *v = ps_get(&po.v[i], "LocalPath");
		CHECK(!v || !v->value || !strstr(v->value, "root:"));
	}

	/* nesting far past the cap: bounded, no crash */
	size_t depth = 5000;
	char *deep = malloc(depth * 20 + 200), *p = deep;
	p += sprintf(p, "<Objs><Obj RefId=\"0\"><Props>");
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "<Obj N=\"x\">");
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "</Obj>");
	p += sprintf(p, "</Props></Obj></Objs>\n");
	po = read_text(a, deep, &rc);
	free(deep);
	CHECK(rc == 0 || rc == -1);

	/* JSON nested past the tokener's depth */
	char *dj = malloc(20000), *q = dj;
	for (int i = 0; i < 5000; i++)
		*q++ = '[';
	*q = 0;
	po = read_text(a, dj, &rc);
	free(dj);
	CHECK_INT(po.n, 0);
	CHECK(now() - t0 < 5.0);
}

/* Big inputs stay linear: many objects with back references, many JSON
 * objects, one list value wrapped over very many lines. */
static void test_big_inputs(struct arena *a)
{
	double t0 = now();
	int rc;
	size_t n = 20000;
	char *x = malloc(n * 200 + 200), *p = x;
	p += sprintf(p, "<Objs Version=\"1.1.0.1\">\n");
	p += sprintf(p, "<Obj RefId=\"0\"><TN RefId=\"0\"><T>T0</T></TN><Props><Obj N=\"Status\" RefId=\"1\"><I32>4</I32><ToString>Running</ToString></Obj></Props></Obj>\n");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<Obj RefId=\"%zu\"><TNRef RefId=\"0\" /><Props><Ref N=\"Status\" RefId=\"1\" /></Props></Obj>\n", i + 2);
	p += sprintf(p, "</Objs>\n");
	struct ps_objects po = read_text(a, x, &rc);
	free(x);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, n + 1);
	CHECK_STR(get(&po, n, "Status"), "Running");
	CHECK_STR(po.v[n].type_name, "T0");

	char *j = malloc(n * 80 + 16), *q = j;
	q += sprintf(q, "[\n");
	for (size_t i = 0; i < n; i++)
		q += sprintf(q, "{ \"Name\": \"s%zu\", \"Status\": %zu }%s\n", i, i % 7, i + 1 < n ? "," : "");
	q += sprintf(q, "]\n");
	po = read_text(a, j, &rc);
	free(j);
	CHECK_INT(rc, 0);
	CHECK_INT(po.n, n);
	CHECK_INT(ps_get(&po.v[n - 1], "Status")->line, n + 1);

	size_t lines = 200000;
	char *l = malloc(lines * 20 + 64), *r = l;
	r += sprintf(r, "RemotePath : x\n");
	for (size_t i = 0; i < lines; i++)
		r += sprintf(r, "             abcdef\n");
	po = read_text(a, l, &rc);
	free(l);
	CHECK_INT(rc, 0);
	CHECK(po.n == 1 && strlen(get(&po, 0, "RemotePath")) < (size_t)(70u << 10));
	CHECK(now() - t0 < 10.0);
}

static void test_sniff(struct arena *a)
{
	struct lines t = ps_lines(a,
		"\nStatus Local Path Remote Path\n------ ---------- -----------\nOK     G:         \\\\a\\b\n");
	struct ps_sniff s;
	psobj_sniff(&t, &s);
	CHECK_INT(s.shape, PS_SHAPE_TABLE);
	CHECK(ps_sniff_has(&s, "LocalPath"));
	CHECK(ps_sniff_has(&s, "RemotePath"));
	CHECK(!ps_sniff_has(&s, "ServerName"));
	CHECK_INT(s.rows, 1);
	t = ps_lines(a, disk_image_xml);
	psobj_sniff(&t, &s);
	CHECK_INT(s.shape, PS_SHAPE_CLIXML);
	CHECK(ps_sniff_type_has(&s, "MSFT_DiskImage"));
	CHECK(ps_sniff_has(&s, "StorageType"));
	CHECK(ps_command_names("Get-SmbGlobalMapping 2>$null", "Get-SmbGlobalMapping"));
	CHECK(!ps_command_names("Get-SmbGlobalMappingX", "Get-SmbGlobalMapping"));
	CHECK(ps_command_names("get-smbconnection | where { $_.ServerName -eq 'x' }", "Get-SmbConnection"));
	/* net use's listing is not a PowerShell table */
	t = ps_lines(a,
		"New connections will be remembered.\n\n\n"
		"Status       Local     Remote                    Network\n\n"
		"-------------------------------------------------------------------------------\n"
		"OK           Z:        \\\\fs01\\data                Microsoft Windows Network\n");
	psobj_sniff(&t, &s);
	CHECK(!ps_sniff_has(&s, "LocalPath"));
}

int main(void)
{
	struct arena *a = arena_new(256u << 20);
	test_table_doc_sample(a);
	test_table_autosize(a);
	test_table_spaces_and_truncation(a);
	test_table_cjk_and_flattened(a);
	test_table_wrap(a);
	test_list(a);
	test_clixml_real(a);
	test_clixml_refs_and_enums(a);
	test_json(a);
	test_hostile_xml(a);
	test_sniff(a);
	test_big_inputs(a);
	arena_free(a);
	return check_exit();
}
