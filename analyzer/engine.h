/* The TSG as rules: case model -> findings and next steps.
 * DESIGN.md §4 is normative; docs/rules.md lists the rules as implemented. */
#ifndef MDT_ENGINE_H
#define MDT_ENGINE_H

#include "finding.h"

int engine_run(struct case_model *cm, struct verdict *out);

/* Finding ids the engine can emit (docs/findings.md). */
#define FID_SOLUTION_A "solution-A"
#define FID_SOLUTION_B "solution-B"
#define FID_SOLUTION_C "solution-C"
#define FID_SOLUTION_D "solution-D"
#define FID_SOLUTION_E "solution-E"
#define FID_SOLUTION_F "solution-F"
#define FID_SOLUTION_G "solution-G"
#define FID_PERSISTENT_DEFAULT_OFF "persistent-default-off"
#define FID_SAVECRED_USER_CONFLICT "savecred-user-conflict"
#define FID_SCOPE_MISMATCH "scope-mismatch"
#define FID_UNC_UNREACHABLE "unc-unreachable"
#define FID_NTLM_COINCIDENCE "ntlm-coincidence"
#define FID_PLAINTEXT_PASSWORD "plaintext-password"
#define FID_ESCALATE "escalate"
#define FID_UAC_SPLIT_TOKEN "uac-split-token"
#define FID_POLICY_DISABLE_DOMAIN_CREDS "policy-disable-domain-creds"
#define FID_SESSION_CONFLICT_1219 "session-credential-conflict-1219"
#define FID_RESTORECONNECTION_DISABLED "restoreconnection-disabled"
#define FID_CRED_TARGET_MISMATCH "cred-target-mismatch"
#define FID_DRIVE_LETTER_CONFLICT "drive-letter-conflict"
#define FID_GUEST_AUTH_BLOCKED "guest-auth-blocked"
#define FID_NETWORK_LOGON_NO_CREDS "network-logon-no-credential-set"

/* Next-step ids ("why" texts in the catalogue), in the order the customer runs them. */
#define NS_NET_USE "collect-net-use"
#define NS_REG_NETWORK "collect-reg-network"
#define NS_REG_GLOBAL "collect-reg-global-mappings"
#define NS_CMDKEY "collect-cmdkey"
#define NS_TEST_PATH "collect-test-path"
#define NS_SMB_CONNECTION "collect-smb-connection"
#define NS_SERVICE "collect-service"
#define NS_GLOBAL_MAPPING "collect-global-mapping"
#define NS_NETSVC_CREDS "collect-networkservice-credentials"
#define NS_LINKED_CONNECTIONS "collect-linked-connections"
#define NS_WHOAMI "collect-whoami"
#define NS_SYSTEMINFO "collect-systeminfo"

/* NULL-terminated lists of every id above (for the catalogue and its tests). */
extern const char *const engine_finding_ids[];
extern const char *const engine_next_step_ids[];

#endif
