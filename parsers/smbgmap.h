/* smb-global-mapping: Get-SmbGlobalMapping / New-SmbGlobalMapping (and the
 * per-user Get-SmbMapping, same columns) in any of the four PowerShell
 * shapes (default table, Format-List, Export-Clixml, ConvertTo-Json). */
#ifndef MDT_SMBGMAP_H
#define MDT_SMBGMAP_H

#include <stddef.h>
#include <stdint.h>

#include "psobj.h"

struct smbgmap_entry {
	const char *local;        /* "G:" as printed; NULL when the property is absent */
	const char *remote;       /* "\\fs1.contoso.com\public" as printed */
	const char *status_text;  /* as printed: "OK", "Unavailable", "0"; NULL when absent */
	int status_code;          /* the number when printed as one (Clixml U32/enum, JSON), else -1 */
	int status_value;         /* 0..6 from the name or the number, -1 when unknown */
	int require_integrity;    /* 1/0, -1 when not shown */
	int require_privacy;
	int use_write_through;
	int truncated;            /* local or remote cut by the table formatter */
	uint32_t line;
};

struct smbgmap_result {
	int global;               /* 1 Get-SmbGlobalMapping, 0 Get-SmbMapping (per-user) */
	const char *global_from;  /* "command", "type" (Clixml/CimClass) or "default" */
	int created;              /* printed by New-SmbGlobalMapping / New-SmbMapping: the mapping
				     just made, not a listing of the machine's mappings */
	int filtered;             /* the command asked for some mappings only (-LocalPath, -RemotePath,
				     a positional path, Where-Object, Select-Object -First): the rows
				     count, the absence of others does not */
	enum ps_shape shape;      /* PS_SHAPE_NONE for an empty listing */
	struct smbgmap_entry *v;
	size_t n;
	uint32_t line;            /* first line of the output; 0 for an empty output */
};

/* Status enum of MSFT_SmbGlobalMapping / MSFT_SmbMapping. The numbers 0..6
 * are verified; which name goes with which number is NOT (it mirrors the
 * USE_* constants of the LAN Manager use API): 0 OK, 1 Paused,
 * 2 Disconnected, 3 NetworkError, 4 Connecting, 5 Reconnecting,
 * 6 Unavailable. */
const char *smb_status_name(int value);     /* NULL outside 0..6 */
int smb_status_value(const char *text);     /* name or digits -> 0..6, else -1 */

#endif
