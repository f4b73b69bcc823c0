/* The commands the engine knows (program name -> handler, canonical name,
 * parameter table) and PowerShell parameter binding: which argument is the
 * value of which parameter (abbreviations and the common parameters
 * included) and which arguments are positional. */
#include <string.h>

#include "cmdline_int.h"

/* ---- PowerShell parameter binding ---------------------------------------- */

static int bool_value(const char *s, size_t n)
{
	if (eq_ci_n(s, n, "$true") || eq_ci_n(s, n, "true") || eq_ci_n(s, n, "1"))
		return 1;
	if (eq_ci_n(s, n, "$false") || eq_ci_n(s, n, "false") || eq_ci_n(s, n, "0"))
		return 0;
	return CL_TRI_UNKNOWN;
}

static int is_ps_param_arg(const struct view *v, const struct arg *a)
{
	return a->kind == A_WORD && cl_tok_is_param(v, a->t0);
}

/* Common parameters every cmdlet takes (with their aliases). */
static const struct pdef common_params[] = {
	{ "Verbose", PSW, 0 }, { "vb", PSW, 0 }, { "Debug", PSW, 0 }, { "db", PSW, 0 },
	{ "ErrorAction", PV, 0 }, { "ea", PV, 0 }, { "WarningAction", PV, 0 }, { "wa", PV, 0 },
	{ "InformationAction", PV, 0 }, { "infa", PV, 0 }, { "ErrorVariable", PV, 0 }, { "ev", PV, 0 },
	{ "WarningVariable", PV, 0 }, { "wv", PV, 0 }, { "InformationVariable", PV, 0 }, { "iv", PV, 0 },
	{ "OutVariable", PV, 0 }, { "ov", PV, 0 }, { "OutBuffer", PV, 0 }, { "ob", PV, 0 },
	{ "PipelineVariable", PV, 0 }, { "pv", PV, 0 }, { "ProgressAction", PV, 0 },
	{ "WhatIf", PSW, 0 }, { "wi", PSW, 0 }, { "Confirm", PSW, 0 }, { "cf", PSW, 0 },
	{ "CimSession", PV, 0 }, { "ThrottleLimit", PV, 0 }, { "AsJob", PSW, 0 },
	{ NULL, 0, 0 },
};

/* Exact name, then the first parameter the abbreviation starts (table order
 * puts the likely ones first; PowerShell would reject an ambiguous one). */
static const struct pdef *pdef_find(const struct pdef *tab, const char *name, size_t n)
{
	for (const struct pdef *d = tab; d && d->name; d++)
		if (eq_ci_n(name, n, d->name))
			return d;
	for (const struct pdef *d = common_params; d->name; d++)
		if (eq_ci_n(name, n, d->name))
			return d;
	if (n == 0)
		return NULL;
	for (const struct pdef *d = tab; d && d->name; d++)
		if (strlen(d->name) > n) {
			int ok = 1;
			for (size_t i = 0; i < n; i++)
				if (lower_c((unsigned char)d->name[i]) != lower_c((unsigned char)name[i]))
					ok = 0;
			if (ok)
				return d;
		}
	return NULL;
}

void cl_ps_bind(const struct view *v, const struct arg *args, int k, int n, const struct pdef *tab,
		struct pres *r)
{
	memset(r, 0, sizeof *r);
	r->bad_ai = -1;
	for (; k < n; k++) {
		const struct arg *a = &args[k];
		if (a->kind == A_COMMA)
			continue;
		if (!is_ps_param_arg(v, a)) {
			if (r->npos < MAX_POS)
				r->pos[r->npos++] = k;
			while (k + 2 < n && args[k + 1].kind == A_COMMA)
				k += 2; /* array: a, b, c */
			continue;
		}
		const char *val = TV(v, a->t0);
		size_t vl = TK(v, a->t0)->vlen;
		size_t no = cl_ps_param_at(val, vl);
		const char *colon = memchr(val + no, ':', vl - no);
		size_t nl = colon ? (size_t)(colon - (val + no)) : vl - no;
		const struct pdef *d = pdef_find(tab, val + no, nl);
		struct pbind *b = r->nb < MAX_BIND ? &r->b[r->nb] : NULL;
		if (b) {
			memset(b, 0, sizeof *b);
			b->v = VR_NONE;
			b->ai = -1;
		}
		if (!d && r->bad_ai < 0)
			r->bad_ai = k;
		uint8_t type = d ? d->type : PV;
		if (b)
			b->id = d ? d->id : 0;
		if (type == PSW) {
			if (b)
				b->sw = 1;
			if (colon && b) {
				b->v = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				size_t sn;
				const char *sv = cl_vref_str(v, b->v, &sn);
				b->sw = bool_value(sv, sn);
			}
			if (b)
				r->nb++;
			continue;
		}
		if (colon && (size_t)(colon + 1 - val) < vl) {
			if (b) {
				b->v = vr_word(a->t0, (uint32_t)(colon + 1 - val));
				b->nel = 1;
			}
		} else if (k + 1 < n && args[k + 1].kind != A_COMMA && !is_ps_param_arg(v, &args[k + 1])) {
			k++;
			if (b) {
				b->v = vr_arg(&args[k]);
				b->ai = k;
				b->nel = 1;
			}
			while (k + 2 < n && args[k + 1].kind == A_COMMA) {
				k += 2;
				if (b)
					b->nel++;
			}
		} else {
			r->missing = 1;
		}
		if (b && type == PB) {
			size_t sn;
			const char *sv = cl_vref_str(v, b->v, &sn);
			b->sw = b->v.tok >= 0 ? bool_value(sv, sn) : CL_TRI_UNKNOWN;
		}
		if (b)
			r->nb++;
	}
}

const struct pbind *cl_pget(const struct pres *r, uint8_t id)
{
	for (int i = r->nb - 1; i >= 0; i--) /* the last one given wins */
		if (r->b[i].id == id && id)
			return &r->b[i];
	return NULL;
}

/* ---- command tables ------------------------------------------------------ */

static const struct pdef gmap_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "Credential", PV, P_CRED },
	{ "Persistent", PB, P_PERSIST }, { "RequirePrivacy", PB, P_RPRIV },
	{ "RequireIntegrity", PB, P_RINT }, { "UseWriteThrough", PB, P_WT },
	{ "FullAccess", PV, 0 }, { "DenyAccess", PV, 0 }, { "TransportType", PV, 0 },
	{ "SkipCertificateCheck", PSW, 0 }, { "CompressNetworkTraffic", PB, 0 },
	{ "BlockNTLM", PB, 0 }, { "TcpPort", PV, 0 }, { "QuicPort", PV, 0 }, { "RdmaPort", PV, 0 },
	{ NULL, 0, 0 },
};
static const struct pdef map_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "UserName", PV, P_USER },
	{ "Password", PV, P_PASS }, { "Persistent", PB, P_PERSIST }, { "Credential", PV, P_CRED },
	{ "SaveCredentials", PSW, P_SAVE }, { "GlobalMapping", PSW, P_GLOBAL },
	{ "HomeFolder", PSW, 0 }, { "RequirePrivacy", PB, P_RPRIV }, { "RequireIntegrity", PB, P_RINT },
	{ "UseWriteThrough", PB, P_WT }, { "TransportType", PV, 0 }, { "SkipCertificateCheck", PSW, 0 },
	{ "CompressNetworkTraffic", PB, 0 }, { "BlockNTLM", PB, 0 }, { "TcpPort", PV, 0 },
	{ "QuicPort", PV, 0 }, { "RdmaPort", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef rmgmap_params[] = {
	{ "RemotePath", PV, P_REMOTE }, { "LocalPath", PV, P_LOCAL }, { "Force", PSW, P_FORCE },
	{ "InputObject", PV, 0 }, { "UpdateProfile", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef psdrive_params[] = {
	{ "Name", PV, P_NAME }, { "PSProvider", PV, P_PROVIDER }, { "Root", PV, P_ROOT },
	{ "Persist", PSW, P_PERSISTSW }, { "Credential", PV, P_CRED }, { "Description", PV, 0 },
	{ "Scope", PV, 0 }, { NULL, 0, 0 },
};
static const struct pdef getcred_params[] = {
	{ "Credential", PV, P_CRED }, { "UserName", PV, P_USER }, { "Message", PV, 0 },
	{ "Title", PV, 0 }, { NULL, 0, 0 },
};
const struct pdef cl_newobj_params[] = {
	{ "TypeName", PV, P_TYPE }, { "ArgumentList", PV, P_ARGS }, { "Args", PV, P_ARGS },
	{ "ComObject", PV, 0 }, { "Property", PV, 0 }, { "Strict", PSW, 0 }, { NULL, 0, 0 },
};
const struct pdef cl_secstr_params[] = {
	{ "String", PV, P_STRING }, { "AsPlainText", PSW, P_PLAIN }, { "Force", PSW, P_FORCE },
	{ "SecureKey", PV, P_KEY }, { "Key", PV, P_KEY }, { NULL, 0, 0 },
};
static const struct pdef testpath_params[] = {
	{ "Path", PV, P_PATH }, { "LiteralPath", PV, P_LPATH }, { "PSPath", PV, P_LPATH },
	{ "LP", PV, P_LPATH }, { "PathType", PV, 0 }, { "IsValid", PSW, 0 }, { "Filter", PV, 0 },
	{ "Include", PV, 0 }, { "Exclude", PV, 0 }, { "Credential", PV, 0 }, { "OlderThan", PV, 0 },
	{ "NewerThan", PV, 0 }, { "Recurse", PSW, 0 }, { "Force", PSW, 0 }, { "Name", PSW, 0 },
	{ "Hidden", PSW, 0 }, { "Directory", PSW, 0 }, { "File", PSW, 0 }, { "Depth", PV, 0 },
	{ NULL, 0, 0 },
};
static const struct pdef service_params[] = {
	{ "Name", PV, P_NAME }, { "ServiceName", PV, P_NAME }, { "DisplayName", PV, 0 },
	{ "ComputerName", PV, 0 }, { "DependentServices", PSW, 0 }, { "RequiredServices", PSW, 0 },
	{ "Include", PV, 0 }, { "Exclude", PV, 0 }, { "InputObject", PV, 0 }, { "Force", PSW, 0 },
	{ "PassThru", PSW, 0 }, { "NoWait", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef smbconn_params[] = {
	{ "ServerName", PV, P_SERVER }, { "UserName", PV, 0 }, { "SmbInstance", PV, 0 },
	{ NULL, 0, 0 },
};
const struct pdef cl_getmap_params[] = {
	{ "LocalPath", PV, P_LOCAL }, { "RemotePath", PV, P_REMOTE }, { NULL, 0, 0 },
};
static const struct pdef tnc_params[] = {
	{ "ComputerName", PV, P_COMPUTER }, { "Port", PV, 0 }, { "CommonTCPPort", PV, 0 },
	{ "InformationLevel", PV, 0 }, { "TraceRoute", PSW, 0 }, { "Hops", PV, 0 },
	{ "DiagnoseRouting", PSW, 0 }, { NULL, 0, 0 },
};
static const struct pdef cim_params[] = {
	{ "ClassName", PV, P_CLASS }, { "Class", PV, P_CLASS }, { "Query", PV, 0 },
	{ "Namespace", PV, 0 }, { "Filter", PV, 0 }, { "ComputerName", PV, 0 }, { NULL, 0, 0 },
};
const struct pdef cl_pwsh_params[] = {
	{ "Command", PV, P_COMMAND }, { "File", PV, P_FILE }, { "EncodedCommand", PV, P_SKIP },
	{ "ExecutionPolicy", PV, 0 }, { "WindowStyle", PV, 0 }, { "Version", PV, 0 },
	{ "InputFormat", PV, 0 }, { "OutputFormat", PV, 0 }, { "ConfigurationName", PV, 0 },
	{ "WorkingDirectory", PV, 0 }, { "NoProfile", PSW, 0 }, { "NonInteractive", PSW, 0 },
	{ "NoLogo", PSW, 0 }, { "NoExit", PSW, 0 }, { "Sta", PSW, 0 }, { "Mta", PSW, 0 },
	{ NULL, 0, 0 },
};

static const struct cmddef cmdtab[] = {
	{ "net", "net", H_NET, NULL, 0 },
	{ "net1", "net", H_NET, NULL, 0 },
	{ "cmdkey", "cmdkey", H_CMDKEY, NULL, 0 },
	{ "cmd", "cmd", H_CMD, NULL, 0 },
	{ "powershell", "powershell", H_PWSH, cl_pwsh_params, 0 },
	{ "pwsh", "powershell", H_PWSH, cl_pwsh_params, 0 },
	{ "new-smbglobalmapping", "New-SmbGlobalMapping", H_NEWGMAP, gmap_params, 0 },
	{ "nsmbgm", "New-SmbGlobalMapping", H_NEWGMAP, gmap_params, 0 },
	{ "remove-smbglobalmapping", "Remove-SmbGlobalMapping", H_RMGMAP, rmgmap_params, 0 },
	{ "rsmbgm", "Remove-SmbGlobalMapping", H_RMGMAP, rmgmap_params, 0 },
	{ "new-smbmapping", "New-SmbMapping", H_NEWMAP, map_params, 0 },
	{ "nsmbm", "New-SmbMapping", H_NEWMAP, map_params, 0 },
	{ "remove-smbmapping", "Remove-SmbMapping", H_RMMAP, rmgmap_params, 0 },
	{ "rsmbm", "Remove-SmbMapping", H_RMMAP, rmgmap_params, 0 },
	{ "new-psdrive", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "ndr", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "mount", "New-PSDrive", H_PSDRIVE, psdrive_params, 0 },
	{ "get-credential", "Get-Credential", H_GETCRED, getcred_params, 0 },
	{ "new-object", "New-Object", H_NEWOBJ, cl_newobj_params, 0 },
	{ "convertto-securestring", "ConvertTo-SecureString", H_SECSTR, cl_secstr_params, 0 },
	{ "set", "set", H_SET, NULL, 0 },
	{ "if", "if", H_IF, NULL, 0 },
	{ "for", "for", H_FOR, NULL, 0 },
	{ "else", "else", H_ELSE, NULL, 0 },
	{ "reg", "reg", H_REG, NULL, 0 },
	{ "whoami", "whoami", H_OTHER_CMD, NULL, 0 },
	{ "dir", "dir", H_OTHER_CMD, NULL, 0 },
	{ "systeminfo", "systeminfo", H_OTHER_CMD, NULL, 0 },
	{ "ipconfig", "ipconfig", H_OTHER_CMD, NULL, 0 },
	{ "klist", "klist", H_OTHER_CMD, NULL, 0 },
	{ "gpresult", "gpresult", H_OTHER_CMD, NULL, 0 },
	{ "sc", "sc", H_OTHER_CMD, NULL, 0 },
	{ "get-smbglobalmapping", "Get-SmbGlobalMapping", H_OTHER_PS, cl_getmap_params, P_LOCAL },
	{ "gsmbgm", "Get-SmbGlobalMapping", H_OTHER_PS, cl_getmap_params, P_LOCAL },
	{ "get-smbmapping", "Get-SmbMapping", H_OTHER_PS, cl_getmap_params, P_LOCAL },
	{ "gsmbm", "Get-SmbMapping", H_OTHER_PS, cl_getmap_params, P_LOCAL },
	{ "get-smbconnection", "Get-SmbConnection", H_OTHER_PS, smbconn_params, P_SERVER },
	{ "gsmbc", "Get-SmbConnection", H_OTHER_PS, smbconn_params, P_SERVER },
	{ "test-path", "Test-Path", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-service", "Get-Service", H_OTHER_PS, service_params, P_NAME },
	{ "gsv", "Get-Service", H_OTHER_PS, service_params, P_NAME },
	{ "start-service", "Start-Service", H_OTHER_PS, service_params, P_NAME },
	{ "sasv", "Start-Service", H_OTHER_PS, service_params, P_NAME },
	{ "restart-service", "Restart-Service", H_OTHER_PS, service_params, P_NAME },
	{ "stop-service", "Stop-Service", H_OTHER_PS, service_params, P_NAME },
	{ "test-netconnection", "Test-NetConnection", H_OTHER_PS, tnc_params, P_COMPUTER },
	{ "tnc", "Test-NetConnection", H_OTHER_PS, tnc_params, P_COMPUTER },
	{ "get-childitem", "Get-ChildItem", H_OTHER_PS, testpath_params, P_PATH },
	{ "gci", "Get-ChildItem", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-itemproperty", "Get-ItemProperty", H_OTHER_PS, testpath_params, P_PATH },
	{ "gp", "Get-ItemProperty", H_OTHER_PS, testpath_params, P_PATH },
	{ "get-psdrive", "Get-PSDrive", H_OTHER_PS, psdrive_params, P_NAME },
	{ "gdr", "Get-PSDrive", H_OTHER_PS, psdrive_params, P_NAME },
	{ "get-ciminstance", "Get-CimInstance", H_OTHER_PS, cim_params, P_CLASS },
	{ "get-wmiobject", "Get-WmiObject", H_OTHER_PS, cim_params, P_CLASS },
	{ "gwmi", "Get-WmiObject", H_OTHER_PS, cim_params, P_CLASS },
	{ NULL, NULL, 0, NULL, 0 },
};

const struct cmddef *cl_cmd_lookup(const char *prog)
{
	for (const struct cmddef *c = cmdtab; c->alias; c++)
		if (strcmp(c->alias, prog) == 0)
			return c;
	return NULL;
}
