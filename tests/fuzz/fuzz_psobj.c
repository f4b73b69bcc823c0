/* Fuzz the PowerShell object reader (table, list, Clixml, JSON) and sniffer. */
#include <stdint.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/psobj.h"
#include "parsers/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new(64 << 20);
	if (!a)
		return 0;
	struct lines t;
	if (lines_split(a, (const char *)data, size, 1, &t) == 0) {
		struct ps_sniff s;
		psobj_sniff(&t, &s);
		(void)ps_sniff_has(&s, "LocalPath");
		(void)ps_sniff_type_has(&s, "MSFT_SmbGlobalMapping");
		struct ps_objects po;
		if (psobj_read(a, &t, &po) == 0) {
			for (size_t i = 0; i < po.n; i++) {
				const struct ps_value *v = ps_get(&po.v[i], "Status");
				(void)ps_bool(v);
				for (size_t k = 0; k < po.v[i].nprops; k++)
					if (po.v[i].props[k].value)
						(void)strlen(po.v[i].props[k].value);
			}
		}
	}
	arena_free(a);
	return 0;
}
