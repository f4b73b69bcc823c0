/* service: Get-Service (default table, Format-List, Export-Clixml of
 * ServiceController, ConvertTo-Json, bare rows) and `sc query` / `sc queryex`. */
#ifndef MDT_SERVICE_H
#define MDT_SERVICE_H

#include <stddef.h>
#include <stdint.h>

struct service_entry {
	const char *name;         /* "LanmanWorkstation" (may be cut: "DeviceAssociati...") */
	const char *display;      /* "Workstation" (localized), NULL when not shown */
	const char *status_text;  /* as printed: "Running", "4  RUNNING", "FAILED 1060" */
	int state;                /* SERVICE_* / ServiceControllerStatus: 1 Stopped, 2 StartPending,
				     3 StopPending, 4 Running, 5 ContinuePending, 6 PausePending,
				     7 Paused; -1 unknown */
	int running;              /* 1 running, 0 not, -1 unknown (pending states, errors) */
	int error_code;           /* sc "FAILED n" (1060: no such service), else 0 */
	int truncated;            /* name cut by the table formatter */
	uint32_t line;
};

struct service_result {
	const char *shape;        /* "table", "list", "clixml", "json", "rows", "sc" */
	struct service_entry *v;
	size_t n;
	uint32_t line;
};

/* "Running", "RUNNING", "Start Pending", "START_PENDING", "4" -> 1..7, else -1. */
int service_state_value(const char *text);

#endif
