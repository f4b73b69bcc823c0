/* Internals shared by the psobj readers (table/list, Clixml, JSON). */
#ifndef MDT_PSOBJ_INT_H
#define MDT_PSOBJ_INT_H

#include "psobj.h"

/* Maximum nesting the Clixml and JSON readers accept (DESIGN.md §5). */
#define PS_MAX_DEPTH 64

/* Append an object; returns its index or -1 (arena full). Indexes, not
 * pointers: the array moves when it grows. */
long ps_obj_add(struct arena *a, struct ps_objects *out, uint32_t line);
/* Append a property to object `idx`; NULL when the arena is full. */
struct ps_value *ps_val_add(struct arena *a, struct ps_objects *out, long idx,
			    const char *name, const char *value, uint32_t line);

/* Shape readers; each returns 0 with objects appended, or -1 with out->reason. */
int psobj_read_clixml(struct arena *a, const struct lines *t, size_t first, struct ps_objects *out);
int psobj_read_json(struct arena *a, const struct lines *t, size_t first, struct ps_objects *out);

/* Join lines[first..t->n) with '\n' into one NUL-terminated arena buffer. */
char *ps_join_lines(struct arena *a, const struct lines *t, size_t first, size_t *len);

#endif
