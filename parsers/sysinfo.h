/* systeminfo (default list form, /fo list, /fo csv, /fo table), any language:
 * the fields that say which machine this is and whether it is in a domain. */
#ifndef MDT_SYSINFO_H
#define MDT_SYSINFO_H

#include <stdint.h>

#include "parser.h"

struct sysinfo_field {
	const char *value;   /* trimmed, NULL when the label was not printed */
	uint32_t line;
};

struct sysinfo_result {
	const char *format;           /* "list", "csv", "table" */
	struct sysinfo_field host;    /* Host Name / 主机名 / Hostname / ホスト名 / Nom de l'hôte */
	struct sysinfo_field os_name;
	struct sysinfo_field os_version;
	struct sysinfo_field os_config; /* "Member Workstation", "独立工作站", ... */
	struct sysinfo_field domain;  /* AD DNS domain when joined, else the workgroup name */
	struct sysinfo_field logon_server; /* "\\DC01", "\\PC01", "N/A" */
	int domain_joined;            /* -1 unknown, 0 no, 1 yes */
	int labels;                   /* "Label: value" lines seen */
};

extern const struct parser sysinfo_parser;

#endif
