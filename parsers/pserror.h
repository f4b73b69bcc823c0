/* ps-error: the error records PowerShell prints when an SMB cmdlet fails
 * (New-SmbGlobalMapping, New-SmbMapping, Remove-SmbGlobalMapping, ...), in
 * any language (windows-output-en.md §7.4, windows-output-localized.md 0.3):
 *
 *   New-SmbGlobalMapping : <localized message>
 *   At line:1 char:1                       (localized; absent over remoting)
 *   + New-SmbGlobalMapping -RemotePath ...
 *   + ~~~~~~~~~~~~~~~~~~~~
 *       + CategoryInfo          : NotSpecified: (MSFT_SmbGlobalMapping:...) [New-SmbGlobalMa
 *      pping], CimException                (the console wraps at 120 columns)
 *       + FullyQualifiedErrorId : Windows System Error 1219,New-SmbGlobalMapping
 *
 * and PowerShell 7's concise view ("New-SmbGlobalMapping: <message>", or the
 * "Line |" block of a script). The error number comes from the
 * FullyQualifiedErrorId ("Windows System Error N" is never localized), an
 * HRESULT 0x8007xxxx, or, for a record cut to its first line, the message
 * text in a known language. */
#ifndef MDT_PSERROR_H
#define MDT_PSERROR_H

#include <stddef.h>
#include <stdint.h>

struct pserr {
	const char *cmdlet;     /* "New-SmbGlobalMapping" */
	const char *message;    /* as printed, without a position the console glued to it */
	const char *fqid;       /* FullyQualifiedErrorId value, NULL when not printed */
	const char *statement;  /* the "+ ..." echo of the failing statement, NULL */
	const char *hresult;    /* "0x80041001" when the id names one */
	int code;               /* Win32 error number, 0 when unknown */
	const char *code_from;  /* "fqid", "hresult", "message" or NULL */
	uint32_t line;          /* the "Cmdlet : message" line */
	uint32_t fqid_line;     /* 0 when none */
};

struct pserror_result {
	struct pserr *v;
	size_t n;
};

/* The Win32 error a known message text (en, zh-CN, de, ja, fr) stands for, 0 when none.
 * Compared ignoring case, spaces and the apostrophe form; the message may go on
 * after the known text. */
int pserror_message_code(const char *msg, size_t len);

#endif
