/* test-path: Test-Path output. One True/False line per path tested, in the
 * order the paths were given; error records for bad arguments. The paths
 * come from the command line (ctx->command or a "PS ...>" prompt line). */
#ifndef MDT_TESTPATH_H
#define MDT_TESTPATH_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct testpath_entry {
	const char *path;   /* as given on the command line, unquoted; NULL when unknown */
	int ok;             /* 1 True, 0 False, -1 error record (no answer) */
	const char *error;  /* the error line when ok == -1 */
	uint32_t line;
};

struct testpath_result {
	struct testpath_entry *v;
	size_t n;
	int has_command;    /* the paths came from a command line */
};

/* Paths of a Test-Path command line (quoted or not, positional, -Path,
 * -LiteralPath, comma lists). Returns the count (<= max). */
size_t testpath_command_paths(struct arena *a, const char *cmd, const char **paths, size_t max);

#endif
