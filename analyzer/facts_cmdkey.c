/* Facts adapters: placeholders until the parsers land. */
#include "case.h"

void facts_cmdkey(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}
