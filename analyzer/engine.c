/* Placeholder engine: no rules yet. */
#include "engine.h"

int engine_run(struct case_model *cm, struct verdict *out)
{
	(void)cm;
	(void)out;
	return 0;
}
