/* service: Get-Service table (11.2), bare rows, list, Clixml, JSON, and sc
 * query (English labels, and a German-labelled block). */
#include "parsers/service.h"
#include "ps_helpers.h"

extern const struct parser service_parser;

static struct service_result *run(struct arena *a, const char *text, const char *cmd, int *bid, int *st)
{
	return ps_run(&service_parser, a, text, cmd, bid, st, NULL);
}

static void test_get_service(struct arena *a)
{
	int bid = 0, st = 0;
	struct service_result *r = run(a,
		"\n"
		"Status   Name               DisplayName\n"
		"------   ----               -----------\n"
		"Running  LanmanWorkstation  Workstation\n\n", "Get-Service LanmanWorkstation", &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].name, "LanmanWorkstation");
		CHECK_STR(r->v[0].display, "Workstation");
		CHECK_STR(r->v[0].status_text, "Running");
		CHECK_INT(r->v[0].state, 4);
		CHECK_INT(r->v[0].running, 1);
		CHECK_INT(r->v[0].line, 4);
		CHECK_STR(r->shape, "table");
	}
	/* rows as pasted in the OpenNMS report (no header) */
	r = run(a,
		"Stopped  DeviceAssociati... Device Association Service\n"
		"Stopped  DeviceInstall      Device Install Service\n"
		"Running  DiagTrack          Connected User Experiences and Tele...\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_LIKELY);
	CHECK(r && r->n == 3);
	if (r && r->n == 3) {
		CHECK_INT(r->v[0].running, 0);
		CHECK_INT(r->v[0].truncated, 1);
		CHECK_STR(r->v[1].name, "DeviceInstall");
		CHECK_STR(r->v[2].display, "Connected User Experiences and Tele...");
		CHECK_INT(r->v[2].running, 1);
	}
	/* German display name, English status */
	r = run(a,
		"Status   Name               DisplayName\n"
		"------   ----               -----------\n"
		"Stopped  LanmanWorkstation  Arbeitsstationsdienst\n", NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1 && r->v[0].running == 0 && r->v[0].state == 1);
	/* Format-List */
	r = run(a,
		"\nName                : LanmanWorkstation\n"
		"DisplayName         : Workstation\n"
		"Status              : Running\n"
		"DependentServices   : {SessionEnv, Netlogon, Browser}\n"
		"ServicesDependedOn  : {NSI, MRxSmb20, Bowser}\n"
		"CanPauseAndContinue : True\n"
		"ServiceType         : Win32ShareProcess\n", NULL, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].running == 1 && r->v[0].line == 4);
	CHECK(r && !strcmp(r->shape, "list"));
	/* ConvertTo-Json from Windows PowerShell 5.1: the enum as a number */
	r = run(a,
		"{\n"
		"    \"Name\":  \"LanmanWorkstation\",\n"
		"    \"DisplayName\":  \"Workstation\",\n"
		"    \"Status\":  1,\n"
		"    \"ServiceName\":  \"LanmanWorkstation\"\n"
		"}\n", NULL, &bid, &st);
	CHECK(bid >= BID_STRONG);
	CHECK(r && r->n == 1 && r->v[0].state == 1 && r->v[0].running == 0 && r->v[0].line == 4);
	/* Clixml of a ServiceController (enum Status with <ToString> and <I32>) */
	r = run(a,
		"<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
		"  <Obj RefId=\"0\">\n"
		"    <TN RefId=\"0\">\n"
		"      <T>System.ServiceProcess.ServiceController</T>\n"
		"      <T>System.ComponentModel.Component</T>\n"
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
		"          <T>System.ValueType</T>\n"
		"          <T>System.Object</T>\n"
		"        </TN>\n"
		"        <ToString>Running</ToString>\n"
		"        <I32>4</I32>\n"
		"      </Obj>\n"
		"    </Props>\n"
		"    <MS>\n"
		"      <S N=\"Name\">LanmanWorkstation</S>\n"
		"    </MS>\n"
		"  </Obj>\n"
		"</Objs>\n", NULL, &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].name, "LanmanWorkstation");
		CHECK_INT(r->v[0].running, 1);
		CHECK_INT(r->v[0].line, 12);
	}
}

static void test_sc(struct arena *a)
{
	int bid = 0, st = 0;
	struct service_result *r = run(a,
		"\n"
		"SERVICE_NAME: LanmanWorkstation\n"
		"        TYPE               : 20  WIN32_SHARE_PROCESS\n"
		"        STATE              : 4  RUNNING\n"
		"                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)\n"
		"        WIN32_EXIT_CODE    : 0  (0x0)\n"
		"        SERVICE_EXIT_CODE  : 0  (0x0)\n"
		"        CHECKPOINT         : 0x0\n"
		"        WAIT_HINT          : 0x0\n", "sc query LanmanWorkstation", &bid, &st);
	CHECK_INT(bid, BID_CERTAIN);
	CHECK_INT(st, PARSE_OK);
	CHECK(r && r->n == 1);
	if (r && r->n == 1) {
		CHECK_STR(r->v[0].name, "LanmanWorkstation");
		CHECK_INT(r->v[0].state, 4);
		CHECK_INT(r->v[0].running, 1);
		CHECK_INT(r->v[0].line, 4);
		CHECK_STR(r->shape, "sc");
	}
	/* labels localized in some reports; the number is not */
	r = run(a,
		"DIENSTNAME: LanmanWorkstation\n"
		"        TYP                : 20  WIN32_SHARE_PROCESS\n"
		"        ZUSTAND            : 1  BEENDET\n"
		"        WIN32_EXITCODE     : 0  (0x0)\n", NULL, &bid, &st);
	CHECK(bid > BID_LIKELY);
	CHECK(r && r->n == 1 && r->v[0].state == 1 && r->v[0].running == 0);
	/* unknown label language: the STATE line is the second field */
	r = run(a,
		"SERVICE_NAME: LanmanWorkstation\n"
		"        ТИП                : 20  WIN32_SHARE_PROCESS\n"
		"        СОСТ               : 4  RUNNING\n", NULL, &bid, &st);
	CHECK(r && r->n == 1 && r->v[0].running == 1);
	/* sc query with no name lists DISPLAY_NAME too */
	r = run(a,
		"SERVICE_NAME: LanmanServer\n"
		"DISPLAY_NAME: Server\n"
		"        TYPE               : 30  WIN32\n"
		"        STATE              : 4  RUNNING\n"
		"\n"
		"SERVICE_NAME: LanmanWorkstation\n"
		"DISPLAY_NAME: Workstation\n"
		"        TYPE               : 20  WIN32_SHARE_PROCESS\n"
		"        STATE              : 3  STOP_PENDING\n", NULL, &bid, &st);
	CHECK(r && r->n == 2);
	if (r && r->n == 2) {
		CHECK_STR(r->v[1].display, "Workstation");
		CHECK_INT(r->v[1].state, 3);
		CHECK_INT(r->v[1].running, 0);
	}
	r = run(a,
		"[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\n"
		"\n"
		"The specified service does not exist as an installed service.\n",
		"sc.exe query LanmanWorkstation", &bid, &st);
	CHECK(bid > BID_LIKELY);
	CHECK(r && r->n == 1 && r->v[0].error_code == 1060 && r->v[0].running == 0);
	CHECK(r && r->n == 1 && r->v[0].name && !strcmp(r->v[0].name, "LanmanWorkstation"));
	CHECK_INT(service_state_value("START_PENDING"), 2);
	CHECK_INT(service_state_value("Paused"), 7);
	CHECK_INT(service_state_value("Nope"), -1);
}

int main(void)
{
	struct arena *a = arena_new(64u << 20);
	test_get_service(a);
	test_sc(a);
	arena_free(a);
	return check_exit();
}
