/* ps-registry: the registry as PowerShell shows it, the way customers look at
 * HKCU\Network from a PowerShell window instead of `reg query`:
 *
 *   Get-ItemProperty HKCU:\Network\Z        (Format-List, one record per key)
 *     RemotePath     : \\nas\media
 *     UserName       :
 *     ...
 *     PSPath         : Microsoft.PowerShell.Core\Registry::HKEY_CURRENT_USER\Network\Z
 *
 *   Get-ChildItem HKCU:\Network / Get-Item HKCU:\Network\Z   (registry table view)
 *         Hive: HKEY_CURRENT_USER\Network
 *     Name                           Property
 *     ----                           --------
 *     Z                              RemotePath     : \\nas\media
 *                                    UserName       :
 *
 *   and the "path does not exist" error record of these cmdlets in any UI
 *   language (FullyQualifiedErrorId "PathNotFound,...GetItemPropertyCommand"
 *   is never localized), or PowerShell 7's one-line form.
 *
 * Property names, "Hive:", "PSPath" and the error id come from PowerShell's
 * format data and are not localized; values are printed by PowerShell:
 * REG_DWORD in decimal, REG_BINARY / REG_MULTI_SZ as "{68, 101, 102, 67...}". */
#ifndef MDT_PSREG_H
#define MDT_PSREG_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum psreg_kind {
	PSREG_TEXT = 0,    /* printed as text: REG_SZ / REG_EXPAND_SZ (or a number-like string) */
	PSREG_NUMBER,      /* all digits: REG_DWORD / REG_QWORD in decimal */
	PSREG_LIST,        /* "{...}": REG_BINARY bytes or REG_MULTI_SZ items, maybe cut */
};

struct psreg_key {
	const char *path;   /* registry path with the long hive name: HKEY_CURRENT_USER\Network\Z */
	uint32_t line;
};

struct psreg_value {
	const char *key;    /* its key (as in psreg_key.path) */
	const char *name;
	const char *data;   /* as printed, continuation lines joined */
	enum psreg_kind kind;
	uint64_t num;       /* PSREG_NUMBER */
	uint32_t line;
};

/* A key shown not to exist ("Cannot find path ... because it does not exist"). */
struct psreg_missing {
	const char *path;   /* registry path as above */
	uint32_t line;
};

/* Get-ChildItem of a key, unfiltered: every direct subkey of it is listed. */
struct psreg_listing {
	const char *path;
	uint32_t line;
};

struct psreg_result {
	VEC(struct psreg_key) keys;
	VEC(struct psreg_value) values;
	VEC(struct psreg_missing) missing;
	VEC(struct psreg_listing) listings;
	uint32_t unknown_lines;
};

/* A PowerShell registry path ("HKCU:\Network\Z", "Registry::HKEY_USERS\S-1-5-21-..\Network",
 * "Microsoft.PowerShell.Core\Registry::HKEY_CURRENT_USER\Network") as a registry path with the
 * long hive name, or NULL when it is not one (or holds wildcards). */
const char *psreg_path(struct arena *a, const char *s, size_t n);

#endif
