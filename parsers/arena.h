/* Region allocator: every object produced while reading one case lives in
 * one arena and is freed with it. The arena has a byte cap, so a hostile
 * input cannot make one case exhaust memory: allocation fails instead. */
#ifndef MDT_ARENA_H
#define MDT_ARENA_H

#include <stddef.h>
#include <stdarg.h>

struct arena;

/* cap: maximum total bytes handed out (0 = 1 GiB default). */
struct arena *arena_new(size_t cap);
void arena_free(struct arena *a);

/* Zeroed memory, aligned for any type. NULL when the cap would be exceeded. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

size_t arena_used(const struct arena *a);
size_t arena_cap(const struct arena *a);
/* True once any allocation failed for lack of room. */
int arena_exhausted(const struct arena *a);

/* Grow an array held in the arena so that it has room for `need` elements.
 * Old contents are copied; new slots are zeroed. Returns 0 or -1. */
int arena_grow(struct arena *a, void **arr, size_t *cap, size_t elem, size_t need);

/* A growable array in an arena: VEC(struct foo) list; then
 *   struct foo *f = VEC_PUSH(arena, &list);   (NULL when out of room) */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_PUSH(a, vec)                                                       \
	(((vec)->n < (vec)->cap ||                                             \
	  arena_grow((a), (void **)&(vec)->v, &(vec)->cap, sizeof *(vec)->v,   \
		     (vec)->n + 1) == 0)                                       \
		 ? &(vec)->v[(vec)->n++]                                       \
		 : NULL)

#endif
