/* Facts adapters: placeholders until the parsers land. */
#include "case.h"

void facts_netuse(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_netuse_detail(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_neterror(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}
