/* Facts adapters: placeholders until the parsers land. */
#include "case.h"

void facts_script(struct case_model *cm, const struct fact_src *src, const void *result)
{
	(void)cm;
	(void)src;
	(void)result;
}

void facts_command_line(struct case_model *cm, const struct fact_src *src,
			const char *command, uint32_t line_no)
{
	(void)cm;
	(void)src;
	(void)command;
	(void)line_no;
}
