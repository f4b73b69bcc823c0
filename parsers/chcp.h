/* chcp: what `chcp` prints, "Active code page: 65001" in any UI language
 * ("活动代码页: 936", "現在のコード ページ: 932", "Aktive Codepage: 850.",
 * "Page de codes active : 850"). Pastes of a cmd window often start with it;
 * the number says which code page the console wrote what follows in. */
#ifndef MDT_CHCP_H
#define MDT_CHCP_H

#include <stddef.h>
#include <stdint.h>

struct chcp_result {
	int codepage;       /* 437, 850, 936, 932, 65001, ... */
	const char *label;  /* the text before the colon, as printed */
	uint32_t line;
};

/* The code page of one chcp output line, or -1. */
int chcp_line_codepage(const char *s, size_t n, const char **label, size_t *label_len);

#endif
