/* Kind -> facts adapter. One line per parser kind. */
#include "case.h"

#include <string.h>

void facts_netuse(struct case_model *, const struct fact_src *, const void *);
void facts_netuse_detail(struct case_model *, const struct fact_src *, const void *);
void facts_neterror(struct case_model *, const struct fact_src *, const void *);
void facts_cmdkey(struct case_model *, const struct fact_src *, const void *);
void facts_regquery(struct case_model *, const struct fact_src *, const void *);
void facts_regexport(struct case_model *, const struct fact_src *, const void *);
void facts_smbgmap(struct case_model *, const struct fact_src *, const void *);
void facts_pserror(struct case_model *, const struct fact_src *, const void *);
void facts_smbconn(struct case_model *, const struct fact_src *, const void *);
void facts_service(struct case_model *, const struct fact_src *, const void *);
void facts_testpath(struct case_model *, const struct fact_src *, const void *);
void facts_whoami(struct case_model *, const struct fact_src *, const void *);
void facts_dirlist(struct case_model *, const struct fact_src *, const void *);
void facts_sysinfo(struct case_model *, const struct fact_src *, const void *);
void facts_ipconfig(struct case_model *, const struct fact_src *, const void *);
void facts_script(struct case_model *, const struct fact_src *, const void *);
void facts_psreg(struct case_model *, const struct fact_src *, const void *);

static const struct {
	const char *kind;
	facts_adapter_fn fn;
} adapters[] = {
	{ "net-use", facts_netuse },
	{ "net-use-detail", facts_netuse_detail },
	{ "net-error", facts_neterror },
	{ "cmdkey-list", facts_cmdkey },
	{ "reg-query", facts_regquery },
	{ "reg-export", facts_regexport },
	{ "smb-global-mapping", facts_smbgmap },
	{ "ps-error", facts_pserror },
	{ "smb-connection", facts_smbconn },
	{ "service", facts_service },
	{ "test-path", facts_testpath },
	{ "whoami", facts_whoami },
	{ "dir-listing", facts_dirlist },
	{ "systeminfo", facts_sysinfo },
	{ "ipconfig", facts_ipconfig },
	{ "script", facts_script },
	{ "ps-registry", facts_psreg },
};

facts_adapter_fn facts_adapter_for(const char *kind)
{
	for (size_t i = 0; i < sizeof adapters / sizeof adapters[0]; i++)
		if (strcmp(adapters[i].kind, kind) == 0)
			return adapters[i].fn;
	return NULL;
}
