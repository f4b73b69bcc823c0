/* dir-listing: cmd's `dir` / `dir /a` output in any language (en, zh-CN,
 * de, ja, fr, and unknown ones by structure), including the empty result
 * ("File Not Found", often alone on stderr) and the usual failures. */
#ifndef MDT_DIRLIST_H
#define MDT_DIRLIST_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct dirlist_block {
	const char *path;      /* directory listed, without a trailing '\'; NULL if unknown */
	int files;             /* entries that are not directories (incl. <SYMLINK>) */
	int dirs;              /* <DIR>/<JUNCTION>/<SYMLINKD>/<REP>... other than . and .. */
	int dot_entries;       /* . and .. seen (an existing, empty folder still has them) */
	long long sum_files;   /* "N File(s)" summary, -1 when absent */
	long long sum_dirs;    /* "N Dir(s)" summary (counts . and ..), -1 when absent */
	int not_found;         /* "File Not Found" / "The system cannot find the path/file specified." */
	int error_code;        /* 2/3 not found, 5 access denied, 53/67 network, 1326 logon; 0 */
	const char *error_text;
	uint32_t line;         /* the "Directory of" line, or the message line */
};

struct dirlist_result {
	const char *volume_serial;  /* "3C81-BABD" */
	struct dirlist_block *v;
	size_t n;
};

/* The folder a dir command line lists: `dir /a C:\x`, `cmd /c "dir /a C:\x"`,
 * quoted or not; NULL when none. */
const char *dirlist_command_path(struct arena *a, const char *cmd);

#endif
