/* What one input file became: decoded text, its segments (command outputs),
 * and for each segment the kind and parsed result. Every file of the input
 * becomes exactly one artefact, whatever happened to it. */
#ifndef MDT_ARTEFACT_H
#define MDT_ARTEFACT_H

#include <stdint.h>

#include "arena.h"
#include "parser.h"
#include "text.h"

enum art_status {
	ART_PARSED = 0,
	ART_PARTIAL,
	ART_UNRECOGNIZED,
	ART_UNREADABLE,
	ART_SKIPPED,
};
const char *art_status_name(enum art_status s);

/* Caps against hostile bundles (DESIGN.md §5); all configurable from the CLI. */
struct limits {
	uint64_t max_member_bytes;  /* inflated bytes of one member */
	uint64_t max_total_bytes;   /* inflated bytes of the whole case */
	uint32_t max_ratio;         /* inflated / compressed per member */
	uint32_t max_depth;         /* archives inside archives */
	uint32_t max_members;       /* files in the whole case */
	uint32_t max_line_bytes;    /* longer lines are cut (and the file marked partial) */
	uint32_t max_xml_depth;
	uint64_t classify_prefix;   /* bytes a bid needs to see */
	uint64_t arena_cap;         /* memory for one case */
	const char *codepage;       /* --codepage override, e.g. "936"; NULL = detect */
};
void limits_default(struct limits *l);

struct transcript_header {
	const char *start_time;
	const char *username;   /* DOMAIN\user as printed */
	const char *runas_user;
	const char *machine;    /* "NAME (Microsoft Windows NT 10.0.19045.0)" split: */
	const char *machine_name;
	const char *os;
	const char *host_app;
	const char *ps_version;
	uint32_t line;          /* first line of the header */
};

/* A secret found (and replaced) in the text. */
struct redaction {
	uint32_t line;
	const char *what; /* "net use password", "/pass:", "ConvertTo-SecureString", "cpassword" ... */
};

struct segment {
	struct lines text;       /* lines of this command output */
	const char *command;     /* command line, redacted; NULL when unknown */
	uint32_t command_line;   /* line number of the prompt, 0 when none */
	const struct parser *parser; /* NULL = unrecognized */
	const char *kind;        /* parser kind or "unknown" */
	int bid;
	enum art_status status;
	const char *reason;
	void *result;            /* parser's typed struct */
};

typedef VEC(struct segment) segment_vec;
typedef VEC(struct redaction) redaction_vec;

struct artefact {
	const char *path;       /* e.g. case.zip!/logs/inner.zip!/netuse.txt */
	const char *kind;       /* parser kind, "transcript", "archive", "unknown" */
	const char *encoding;   /* "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16le", "utf-16be-bom", "cp936", ... */
	const char *language;   /* "en", "zh-CN", "de", "ja", "fr", "unknown" */
	enum art_status status;
	const char *reason;
	uint64_t bytes;         /* size as stored (inflated member size) */
	struct lines text;      /* whole decoded (and redacted) text */
	segment_vec segs;
	struct transcript_header *header; /* when a PowerShell transcript */
	redaction_vec redactions;
	const uint8_t *raw;     /* the bytes, kept only when decoded as a European legacy
				   page (see artefact_set_settle_codepage) */
	size_t raw_len;
};

struct artefact_set {
	struct arena *arena;
	struct limits limits;
	uint64_t total_bytes;   /* inflated so far, against max_total_bytes */
	uint32_t members;       /* against max_members */
	VEC(struct artefact) items;
};

struct artefact_set *artefact_set_new(const struct limits *l);
void artefact_set_free(struct artefact_set *set);

/* Turn one file's bytes into an artefact appended to the set: decode,
 * redact, segment, classify and parse. Never fails for content reasons;
 * returns the artefact (NULL only when the arena is out of room). */
struct artefact *artefact_add_bytes(struct artefact_set *set, const char *path,
				    const uint8_t *data, size_t len);
/* After every input is added: one Windows machine has one OEM code page, and
 * on Chinese and Japanese Windows it is also the ANSI page. A short cmd
 * output whose only non-ASCII text is a share or user name (reg query,
 * cmdkey) can pass for European letters; when the other files show a
 * Chinese or Japanese machine, such files are decoded again in its page
 * (when that decodes them without loss) and parsed again. Nothing happens
 * with --codepage. */
void artefact_set_settle_codepage(struct artefact_set *set);
/* Add an artefact that could not be read at all (or was skipped). */
struct artefact *artefact_add_status(struct artefact_set *set, const char *path,
				     const char *kind, enum art_status st,
				     uint64_t bytes, const char *reason);

#endif
