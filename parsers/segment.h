/* Splitting one file into the command outputs it holds: PowerShell
 * transcripts (header block + "PS C:\...> cmd" prompts), cmd pastes
 * ("C:\Users\x>cmd"), and outputs pasted back to back without prompts. */
#ifndef MDT_SEGMENT_H
#define MDT_SEGMENT_H

#include "arena.h"
#include "artefact.h"
#include "text.h"

struct seg_span {
	size_t first, n;          /* line indices into the whole text */
	const char *command;      /* command line after the prompt, NULL if none */
	uint32_t command_line;    /* original line number of the prompt, 0 if none */
};
typedef VEC(struct seg_span) seg_span_vec;

/* Fills spans (at least one span covering the text when nothing splits it)
 * and *hdr when a transcript header is found (else *hdr = NULL).
 * Returns 1 when the text is a transcript/paste of several commands, else 0;
 * -1 when out of memory. */
/* Text pasted into a ticket or a mail often comes indented as a block (a
 * code block of the web form) or quoted ("> " in a mail reply). Every run
 * of quoted lines, then every run of indented lines, that holds a prompt or
 * a rule line no output indents (net's dashes, whoami's `=` runs) loses its
 * markers / common indentation, so that outputs get their own layout back. t->v may be replaced by a copy in the arena; line numbers
 * stay. Returns 0, -1 when out of memory. */
int segment_dedent(struct arena *a, struct lines *t);

int segment_text(struct arena *a, const struct lines *t, seg_span_vec *spans,
		 struct transcript_header **hdr);

#endif
