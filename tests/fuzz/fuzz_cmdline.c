/* Fuzz the command-line engine: any bytes as one command line, in every
 * dialect, for facts and for secrets. Secret spans must lie inside the
 * input; nothing may crash or hang. */
#include <stdint.h>
#include <stdlib.h>

#include "parsers/arena.h"
#include "parsers/cmdline.h"

struct bounds {
	size_t len;
};

static void check_span(void *user, size_t off, size_t len, const char *what)
{
	const struct bounds *b = user;
	if (!what || len == 0 || off > b->len || len > b->len - off)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64u << 20);
	if (!a)
		return 0;
	const char *s = (const char *)data;
	static const enum cl_dialect ds[] = { CL_AUTO, CL_CMD, CL_PS };
	for (size_t i = 0; i < 3; i++) {
		cl_command_vec v = { 0 };
		(void)cmdline_parse(a, s, size, ds[i], &v);
		for (size_t k = 0; k < v.n; k++)
			(void)cl_kind_name(v.v[k].kind);
		struct bounds b = { size };
		(void)cmdline_secrets(s, size, ds[i], check_span, &b);
	}
	enum cl_dialect d;
	(void)cl_prompt_len(s, size, &d);
	(void)cl_guess_dialect(s, size);
	arena_free(a);
	return 0;
}
