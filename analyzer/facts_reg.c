/* Facts adapters: placeholders until the parsers land. */
#include "case.h"

void facts_regquery(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_regexport(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}
