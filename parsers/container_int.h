/* Internal pieces of the input layer, shared by container.c (paths, files,
 * caps), container_archive.c (libarchive) and container_name.c (labels).
 * Not part of the library's interface. */
#ifndef MDT_CONTAINER_INT_H
#define MDT_CONTAINER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "artefact.h"

/* ---- labels (container_name.c) ---- */

/* Raw name bytes (a zip member name, a file name on disk) as a printable
 * UTF-8 label: valid UTF-8 is kept; otherwise decoded from `codepage`
 * (--codepage) or the likely OEM code page (936, 932, else 850). Control
 * and bidi characters become '?'. Never NULL unless the arena is full. */
char *label_from_bytes(struct arena *a, const char *raw, size_t len, const char *codepage);

/* "outer!/member": the member's name made a label, with leading "/" and
 * "./" dropped (labels only: nothing is ever opened by this name). */
char *label_member(struct arena *a, const char *outer, const char *raw, size_t len,
		   const char *codepage);

/* ---- caps shared by files and archive members (container.c) ---- */

/* Count one more file against --max-members. Returns 1 when it may be read;
 * 0 when the cap is reached (the first refused file is recorded as skipped
 * with the reason, later ones are not recorded). */
int input_admit(struct artefact_set *set, const char *label);

/* Bytes still allowed under --max-total-bytes. */
uint64_t input_room(const struct artefact_set *set);

/* Why a file of `size` bytes (0 with !size_known: more than `limit`) was
 * not read whole, naming the cap that stopped it. */
const char *input_cap_reason(struct artefact_set *set, uint64_t limit, uint64_t size,
			     int size_known);

/* Record a file too large to read: `prefix` (its first bytes) is classified
 * so the artefact says what it looks like; status skipped with `reason`. */
void input_add_oversized(struct artefact_set *set, const char *label, const uint8_t *prefix,
			 size_t plen, uint64_t size, const char *reason);

/* Bytes of an admitted, already counted file: an archive is opened (depth =
 * archives it is inside), anything else goes to artefact_add_bytes. */
int input_dispatch(struct artefact_set *set, const char *label, const uint8_t *data,
		   size_t len, unsigned depth);

/* ---- archives (container_archive.c) ---- */

enum { ARC_NOT_ARCHIVE = 0, ARC_DONE = 1 };

/* Open `data` as an archive and add it and its members. Returns
 * ARC_NOT_ARCHIVE (nothing recorded) when the bytes are no archive. */
int arc_add_memory(struct artefact_set *set, const char *label, const uint8_t *data,
		   size_t len, unsigned depth);
/* The same for an open regular file, read through the descriptor (so a
 * bundle larger than the member cap is still read member by member). The
 * file offset is left anywhere. */
int arc_add_fd(struct artefact_set *set, const char *label, int fd, uint64_t size,
	       unsigned depth);
/* Do these bytes (maybe only a file's first bytes) start an archive? */
int arc_sniff(const uint8_t *data, size_t len);

#endif
