/* Facts adapters: placeholders until the parsers land. */
#include "case.h"

void facts_smbgmap(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_smbconn(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_service(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_testpath(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}
