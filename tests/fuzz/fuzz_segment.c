/* Segmenter on arbitrary lines (raw bytes split as they are, and the same
 * bytes decoded first): spans must lie inside the text, in order, and the
 * transcript header's strings must be readable. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/decode.h"
#include "parsers/segment.h"
#include "parsers/text.h"

static size_t sink;

static void touch(const char *s)
{
	if (s)
		sink += strlen(s);
}

static void run(struct arena *a, const char *buf, size_t len)
{
	struct lines t;
	if (lines_split(a, buf, len, 1, &t) != 0)
		return;
	seg_span_vec sp = { 0 };
	struct transcript_header *h = NULL;
	int rc = segment_text(a, &t, &sp, &h);
	if (rc < 0)
		return;
	if (rc > 1 || (sp.n == 0 && !h))
		abort();
	size_t end = 0;
	for (size_t i = 0; i < sp.n; i++) {
		if (sp.v[i].first < end || sp.v[i].first > t.n || sp.v[i].n > t.n - sp.v[i].first)
			abort();
		end = sp.v[i].first + sp.v[i].n;
		touch(sp.v[i].command);
		if (sp.v[i].command && !sp.v[i].command_line)
			abort();
	}
	if (h) {
		touch(h->start_time);
		touch(h->username);
		touch(h->runas_user);
		touch(h->machine);
		touch(h->machine_name);
		touch(h->os);
		touch(h->host_app);
		touch(h->ps_version);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64 << 20);
	if (!a)
		return 0;
	run(a, (const char *)data, size);
	struct decoded d;
	const char *why;
	if (decode_bytes(a, data, size, NULL, &d, &why) == 0 && !d.binary)
		run(a, d.text, d.len);
	arena_free(a);
	return 0;
}
