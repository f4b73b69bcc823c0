#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are chained; big requests get a block of their own. */
struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
};

struct arena {
	struct block *head;
	size_t used, cap;
	int exhausted;
};

#define BLOCK_MIN ((size_t)64 * 1024)
#define ALIGN (sizeof(max_align_t))

struct arena *arena_new(size_t cap)
{
	struct arena *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->cap = cap ? cap : ((size_t)1 << 30);
	return a;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	struct block *b = a->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (!a)
		return NULL;
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN) {
		a->exhausted = 1;
		return NULL;
	}
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (need > a->cap - a->used || a->used > a->cap) {
		a->exhausted = 1;
		return NULL;
	}
	struct block *b = a->head;
	if (!b || b->size - b->used < need) {
		size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
		struct block *nb = malloc(sizeof *nb + size);
		if (!nb) {
			a->exhausted = 1;
			return NULL;
		}
		nb->size = size;
		nb->used = 0;
		if (need > BLOCK_MIN / 2 && b) {
			/* keep the current block for small requests */
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += need;
	a->used += need;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_used(const struct arena *a) { return a ? a->used : 0; }
size_t arena_cap(const struct arena *a) { return a ? a->cap : 0; }
int arena_exhausted(const struct arena *a) { return a ? a->exhausted : 1; }

int arena_grow(struct arena *a, void **arr, size_t *cap, size_t elem, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (elem && ncap > SIZE_MAX / elem)
		return -1;
	void *p = arena_alloc(a, ncap * elem);
	if (!p)
		return -1;
	if (*arr && *cap)
		memcpy(p, *arr, *cap * elem);
	*arr = p;
	*cap = ncap;
	return 0;
}
