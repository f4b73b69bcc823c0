/* Secrets never leave the tool: passwords in command lines and scripts
 * (net use ... <password>, /pass:, /p:, ConvertTo-SecureString -String,
 * -Password, Group Policy cpassword) are replaced in the decoded text by
 * REDACT_MARK before anything else reads it, and each replacement is
 * recorded (line + what), never the value. */
#ifndef MDT_REDACT_H
#define MDT_REDACT_H

#include "arena.h"
#include "artefact.h"
#include "text.h"

#define REDACT_MARK "********"

/* Rewrites lines that hold secrets (new copies in the arena). */
int redact_lines(struct arena *a, struct lines *t, redaction_vec *found);
/* Same for one string (a command line); returns a copy or s itself. */
const char *redact_string(struct arena *a, const char *s, int *found);

#endif
