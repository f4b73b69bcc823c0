/* PowerShell object output -> generic records. One reader for the four shapes
 * a cmdlet's objects reach us in:
 *   - Format-Table (the default view of most cmdlets): header, dashes, rows;
 *   - Format-List (`| fl *`, `Select-Object *`): "Name : value" blocks;
 *   - Export-Clixml (PSRP serialization XML, through libxml2);
 *   - ConvertTo-Json (object or array of objects, through json-c).
 * Every value keeps the original line number it was printed on, so the kind
 * parsers (smbgmap, smbconn, service) can cite evidence. Names are compared
 * ignoring case and spaces: the table header "Local Path" is the property
 * LocalPath. */
#ifndef MDT_PSOBJ_H
#define MDT_PSOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct arena;

enum ps_shape {
	PS_SHAPE_NONE = 0,
	PS_SHAPE_TABLE,
	PS_SHAPE_LIST,
	PS_SHAPE_CLIXML,
	PS_SHAPE_JSON,
};
const char *ps_shape_name(enum ps_shape s);

struct ps_value {
	const char *name;   /* property name (table: header text as printed) */
	const char *value;  /* text, trimmed; "" for an empty cell; NULL for <Nil>/null
			       or a nested object without a text form */
	uint32_t line;      /* original line number */
	int truncated;      /* table cell cut by the formatter ("..." or U+2026) */
	int has_num;        /* num holds a number (Clixml numeric element, enum's
			       integer, JSON number) */
	long long num;
};

struct ps_object {
	const char *type_name; /* Clixml most-derived <T> (or <TNRef> target); NULL otherwise */
	const char *to_string; /* Clixml <ToString> of the object; NULL otherwise */
	struct ps_value *props;
	size_t nprops;
	size_t props_cap;      /* internal */
	uint32_t line;         /* first line of the object */
};

struct ps_objects {
	enum ps_shape shape;
	struct ps_object *v;
	size_t n;
	size_t cap;            /* internal */
	uint32_t first_line;   /* header (table), first name (list), root element / bracket */
	int partial;           /* something was not understood; reason says what */
	const char *reason;
};

/* Read the objects of one command output. Lines that belong to no object
 * (prompts, blank lines, error records around a table) are skipped.
 * Returns 0 (possibly with out->partial set), or -1 when no object shape was
 * found at all (out->reason says why) or the arena is exhausted. */
int psobj_read(struct arena *a, const struct lines *t, struct ps_objects *out);

/* Property by name (case-insensitive, spaces ignored); NULL when absent. */
const struct ps_value *ps_get(const struct ps_object *o, const char *name);
/* Same name? (case-insensitive, spaces ignored on both sides) */
int ps_name_eq(const char *a, size_t alen, const char *b);

/* Cheap look at a prefix of the text for bidders: which shape, which
 * property names, which Clixml type names. Spans point into the lines. */
#define PS_SNIFF_MAX 64
struct ps_span {
	const char *s;
	size_t len;
};
struct ps_sniff {
	enum ps_shape shape;
	struct ps_span names[PS_SNIFF_MAX]; /* property names / table headers */
	size_t nnames;
	struct ps_span types[8];            /* Clixml <T> texts */
	size_t ntypes;
	size_t rows;                        /* table rows / list blocks / objects seen */
};
void psobj_sniff(const struct lines *t, struct ps_sniff *out);
int ps_sniff_has(const struct ps_sniff *s, const char *name);
int ps_sniff_type_has(const struct ps_sniff *s, const char *needle);

/* Does a command line name this cmdlet (case-insensitive, as a word)? */
int ps_command_names(const char *command, const char *cmdlet);

/* "True"/"False"/"true"/"1"/"0" -> 1/0, else -1. */
int ps_bool(const struct ps_value *v);

#endif
