/* smb-connection: Get-SmbConnection objects (default table, Format-List,
 * Export-Clixml, ConvertTo-Json). */
#ifndef MDT_SMBCONN_H
#define MDT_SMBCONN_H

#include <stddef.h>
#include <stdint.h>

#include "psobj.h"

/* Bits of smbconn_entry.truncated: which cells the table formatter cut. */
enum {
	SMBCONN_CUT_SERVER = 1,
	SMBCONN_CUT_SHARE = 2,
	SMBCONN_CUT_USER = 4,
	SMBCONN_CUT_CREDENTIAL = 8,
	SMBCONN_CUT_DIALECT = 16,
};

struct smbconn_entry {
	const char *server;       /* as printed; a cut value keeps its "..." / U+2026 */
	const char *share;
	const char *user;
	const char *credential;
	const char *dialect;      /* "3.1.1", "3.00", ... */
	long long num_opens;      /* -1 when not shown */
	int encrypted, signing, continuously_available, redirected; /* 1/0, -1 not shown */
	const char *smb_instance; /* "Default", "CSV", ... */
	int truncated;            /* SMBCONN_CUT_* bits */
	uint32_t line;
};

struct smbconn_result {
	enum ps_shape shape;      /* PS_SHAPE_NONE for an empty output */
	struct smbconn_entry *v;
	size_t n;
	uint32_t line;            /* first line; 0 for an empty output */
};

#endif
