/* Inputs: a folder (recursive), a single file, "-" (stdin), or an archive
 * (zip/zip64, tar, tar.gz, gz, 7z, cab; nested), read in memory through
 * libarchive and never extracted to disk. Member paths are named
 * "outer.zip!/dir/inner.zip!/file.txt". Caps from set->limits apply. */
#ifndef MDT_CONTAINER_H
#define MDT_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "artefact.h"

/* Adds every file under path to the set: a folder (sorted, symbolic links
 * recorded as skipped, never followed), a file, or "-" (stdin, named
 * "(stdin)"). Returns 0, or -1 when the path itself cannot be opened (it is
 * still recorded as an unreadable artefact). Caps: set->limits; running
 * counts in set->total_bytes and set->members. See docs/inputs.md. */
int input_add_path(struct artefact_set *set, const char *path);

/* Adds a buffer named `name`: an archive is opened and its members added
 * (depth = how many archives it is inside); anything else goes to
 * artefact_add_bytes. */
int input_add_buffer(struct artefact_set *set, const char *name, const uint8_t *data,
		     size_t len, unsigned depth);

#endif
