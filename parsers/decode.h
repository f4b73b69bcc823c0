/* Bytes of unknown encoding -> valid UTF-8 (invalid sequences become U+FFFD).
 * Detects UTF-8/UTF-16LE/BE BOMs, BOM-less UTF-16, UTF-8, and the legacy
 * OEM/ANSI code pages customers' files come in (437/850/1252, 936, 932). */
#ifndef MDT_DECODE_H
#define MDT_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct arena;

struct decoded {
	const char *text;      /* UTF-8, NUL-terminated, in the arena */
	size_t len;
	const char *encoding;  /* "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16le", "utf-16be-bom",
				  "utf-16be", "cp437", "cp850", "cp1252", "cp936", "cp932", "binary" */
	int lossy;             /* some bytes could not be decoded */
	int binary;            /* does not look like text at all */
};

/* codepage: NULL to detect, or "936", "cp932", "utf-16le", ... to force.
 * Trailing Ctrl-Z and NULs are dropped. Returns 0, or -1 with *reason. */
int decode_bytes(struct arena *a, const uint8_t *data, size_t len, const char *codepage,
		 struct decoded *out, const char **reason);

/* "en", "zh-CN", "ja", "de", "fr" or "unknown", from the decoded lines. */
const char *detect_language(const struct lines *t);

#endif
