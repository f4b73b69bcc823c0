/* `net use` (kind `net-use`: the listing) and `net use X:` / `net use \\srv\share`
 * (kind `net-use-detail`), in any display language. The listing is anchored
 * on its 79-dash line; columns are display columns (= OEM bytes). */
#ifndef MDT_NETUSE_H
#define MDT_NETUSE_H

#include <stddef.h>
#include <stdint.h>

#include "../analyzer/case.h" /* enum conn_status, enum tri */
#include "arena.h"
#include "neterror.h"
#include "parser.h"
#include "text.h"

struct json_object;

/* ---- listing ------------------------------------------------------------- */
struct netuse_row {
	const char *status_text; /* as printed (localized), "" when the column is blank */
	enum conn_status status;
	const char *local;       /* as printed ("Z:", "LPT1:"), NULL when blank */
	const char *remote;      /* \\server\share as printed (a Yen sign read as '\') */
	const char *provider;    /* "Microsoft Windows Network", ...; NULL when not printed */
	uint32_t line;           /* the row's line */
	uint32_t provider_line;  /* line of the provider (next line when wrapped), 0 if none */
	int wrapped;             /* long remote: provider on the next line */
};
typedef VEC(struct netuse_row) netuse_row_vec;

struct netuse_listing {
	enum tri remembered;         /* "New connections will (not) be remembered." */
	const char *remembered_text; /* that line as printed; NULL when absent */
	uint32_t remembered_line;
	const char *language;        /* language of the remember line: "en", "zh-CN", "de",
					"ja", "fr"; NULL when unknown */
	const char *header;          /* column header line as printed; NULL if none */
	uint32_t header_line;
	uint32_t dashes_line;        /* 0 for "There are no entries in the list." */
	int empty;                   /* "There are no entries in the list." (localized) */
	const char *empty_text;      /* the no-entries message as printed */
	uint32_t empty_line;
	const char *footer;          /* "The command completed successfully." or localized */
	uint32_t footer_line;
	netuse_row_vec rows;
};
typedef VEC(struct netuse_listing) netuse_listing_vec;

struct netuse_result {
	netuse_listing_vec listings;
	struct neterr_scan errors;   /* error blocks in the same text (2>&1) */
};

/* ---- detail (net use X:) -------------------------------------------------- */
struct netuse_detail {
	const char *local;         /* "Y:"; NULL when the value is empty (UNC connection) */
	const char *remote;
	const char *resource_type; /* "Disk", localized; NULL when absent */
	const char *status_text;   /* NULL when the block has no status line */
	enum conn_status status;
	int opens;                 /* "# Opens", -1 when absent */
	int connections;           /* "# Connections", -1 when absent */
	uint32_t line;             /* first line (Local name) */
	uint32_t remote_line;
	uint32_t status_line;      /* 0 when none */
	const char *footer;
	uint32_t footer_line;
};
typedef VEC(struct netuse_detail) netuse_detail_vec;

struct netuse_detail_result {
	netuse_detail_vec blocks;
	struct neterr_scan errors;
};

/* ---- helpers shared by the two parsers ----------------------------------- */
/* Status word (any known language, possibly cut to 12 columns, with U+FFFD
 * for letters lost in decoding) -> enum. Empty -> CONN_BLANK, unknown -> CONN_OTHER. */
enum conn_status netuse_status_from_text(const char *s, size_t len);
/* "New connections will (not) be remembered." in a known language: TRI_YES or
 * TRI_NO and *lang; -2 when the line is not one. */
int netuse_remembered_from_text(const char *s, size_t len, const char **lang);
/* "There are no entries in the list." in a known language. */
int netuse_is_empty_message(const char *s, size_t len);
/* "The command completed successfully." in a known language. */
int netuse_is_footer(const char *s, size_t len);
/* Byte offset of "\\" (or two Yen signs) starting a UNC name in [s,len), or -1. */
long netuse_unc_start(const char *s, size_t len);
/* Copy of a remote with Yen signs turned into backslashes, trimmed. */
char *netuse_remote_dup(struct arena *a, const char *s, size_t len);
/* "X:", "LPT1:", "COM2:", "PRN:" (a local device name net use prints). */
int netuse_is_device(const char *s, size_t len);

extern const struct parser netuse_parser;
extern const struct parser netuse_detail_parser;

#endif
