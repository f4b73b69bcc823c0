/* The catalogue's texts: one entry per finding id and per next-step id,
 * English and Simplified Chinese, written for this tool (commands and
 * registry paths are facts; the sentences are ours). Placeholders:
 * {drive} {letter} {remote} {server} {share} {user} {sid} {extra}.
 * Passwords never appear: cmdkey's bare /pass makes it prompt. */
#include "catalogue.h"

#define LINES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NONE ((const char *const *)0)

#define CMD_MAP_SAVECRED "net use {drive} \\\\{server}\\{share} /persistent:yes /savecred"
#define CMD_CMDKEY_ADD "cmdkey /add:{server} /user:{user} /pass"
#define CMD_CMDKEY_FIND "cmdkey /list | findstr /i \"{server}\""
#define CMD_TEST_DRIVE "Test-Path \"{drive}\\\""
#define CMD_TEST_UNC "Test-Path \"\\\\{server}\\{share}\""
#define CMD_NEW_GMAP "New-SmbGlobalMapping -RemotePath \"\\\\{server}\\{share}\" -Credential $creds -LocalPath \"{drive}\" -Persistent $true"
#define CMD_NETSVC_DIR "cmd /c \"dir /a C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials\""

const struct cat_entry catalogue_entries[] = {
/* ---- the guide's solutions ------------------------------------------------- */
{ "solution-A", {
  { "Drive {drive} is not saved for reconnection",
    "Windows rebuilds a per-user drive at sign-in only from the key HKCU\\Network\\{letter}. That key is not there, "
    "so after a restart or sign-out nothing tells Windows to bring {drive} back. It happens when the drive was mapped "
    "without \"Reconnect at sign-in\" or /persistent:yes, or with net use and no /persistent at all while this "
    "machine's last choice was \"no\".",
    LINES("net use {drive} /delete",
          CMD_MAP_SAVECRED,
          "File Explorer alternative: Map network drive, tick \"Reconnect at sign-in\", and tick \"Remember my credentials\" in the password prompt",
          "In a script, save the account first and then map: " CMD_CMDKEY_ADD "   then   " CMD_MAP_SAVECRED),
    LINES("reg query HKCU\\Network\\{letter}", CMD_CMDKEY_FIND,
          "Sign out and back in: net use lists {drive} again"),
    LINES("net use refuses /savecred and /user: in the same command; store the account with cmdkey first.",
          "Always write /persistent:yes (or :no): without it net use silently reuses the last value used on that machine.") },
  { "驱动器 {drive} 没有保存为登录时重新连接",
    "Windows 只会根据 HKCU\\Network\\{letter} 这个注册表项在登录时恢复按用户映射的驱动器。该项不存在，因此重启或注销后"
    "系统不知道要恢复 {drive}。常见原因：映射时没有勾选“登录时重新连接”或未使用 /persistent:yes；或者用 net use 映射时"
    "根本没写 /persistent，而这台机器上次使用的值恰好是“否”。",
    LINES("net use {drive} /delete",
          CMD_MAP_SAVECRED,
          "或在文件资源管理器中：映射网络驱动器，勾选“登录时重新连接”，并在输入密码时勾选“记住我的凭据”",
          "脚本中请先保存账户再映射：" CMD_CMDKEY_ADD "   然后   " CMD_MAP_SAVECRED),
    LINES("reg query HKCU\\Network\\{letter}", CMD_CMDKEY_FIND,
          "注销并重新登录后，net use 中应再次出现 {drive}"),
    LINES("net use 不允许在同一条命令里同时使用 /savecred 和 /user:；请先用 cmdkey 保存账户。",
          "务必显式写出 /persistent:yes（或 :no）：省略时 net use 会沿用这台机器上一次使用的值。") } } },

{ "solution-B", {
  { "No saved credential for {server} (drive {drive})",
    "The path of {drive} is saved and it was mapped with the account {user} instead of the signed-in user's own, "
    "but Credential Manager holds no Windows credential for the server name {server}. At the next sign-in Windows "
    "finds the path, cannot authenticate, and the drive stays disconnected or asks for a password. The credential "
    "must be saved under exactly the server name used in the path; another form of the name does not count.",
    LINES(CMD_CMDKEY_ADD,
          "or map again and let Windows save it: net use {drive} /delete   then   " CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, CMD_TEST_UNC),
    LINES("With a bare /pass cmdkey asks for the password; never put the password itself on a command line or in a script.") },
  { "没有为 {server} 保存凭据（驱动器 {drive}）",
    "{drive} 的路径已保存，且映射时使用的是账户 {user} 而不是当前登录用户本身，但凭据管理器中没有服务器名 {server} 的 "
    "Windows 凭据。下次登录时系统能找到路径却无法完成身份验证，驱动器因此保持断开或弹出密码提示。凭据必须以路径中"
    "完全相同的服务器名保存，名称的其他写法不算数。",
    LINES(CMD_CMDKEY_ADD,
          "或重新映射并让系统保存凭据：net use {drive} /delete   然后   " CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, CMD_TEST_UNC),
    LINES("只写 /pass 时 cmdkey 会提示输入密码；切勿把密码本身写在命令行或脚本中。") } } },

{ "solution-C", {
  { "The saved credential for {server} no longer works (drive {drive})",
    "The path and a credential are both saved, but connecting to \\\\{server}\\{share} fails. Usually the account's "
    "password was changed after the credential was stored, the account is locked, disabled or expired, or a policy "
    "removed or replaced the stored entry.",
    LINES("cmdkey /delete:{server}", CMD_CMDKEY_ADD, "net use {drive} /delete", CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, CMD_TEST_DRIVE),
    LINES("An outdated credential that Windows retries at every sign-in can lock the account: delete it before adding the new one.",
          "If the user signs in with a local account whose password equals the server account's, the share may open without any saved credential; that is luck, not a fix.") },
  { "为 {server} 保存的凭据已失效（驱动器 {drive}）",
    "路径和凭据都已保存，但连接 \\\\{server}\\{share} 失败。通常是保存凭据后账户密码被修改，账户被锁定、禁用或过期，"
    "或者某项策略删除或替换了保存的条目。",
    LINES("cmdkey /delete:{server}", CMD_CMDKEY_ADD, "net use {drive} /delete", CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, CMD_TEST_DRIVE),
    LINES("过期的凭据会在每次登录时被重试，可能导致账户被锁定：请先删除旧凭据再添加新凭据。",
          "如果用户以本地账户登录且其密码恰好与服务器账户相同，即使没有保存凭据也可能访问成功；这只是巧合，不是解决办法。") } } },

{ "solution-D", {
  { "Drive {drive} is set up correctly but does not connect",
    "The path is saved, the credential is in place and the share can be reached, yet {drive} is not connected; or "
    "the SMB client service (LanmanWorkstation, shown as \"Workstation\") is not running, which makes every SMB "
    "connection fail. Stale sessions to the server or a problem of the client service are the usual causes.",
    LINES("net use \\\\{server} /delete", "net use {drive} /delete",
          "net use {drive} \\\\{server}\\{share} /persistent:yes",
          "Get-Service LanmanWorkstation", "Start-Service LanmanWorkstation   (only if it is not running)"),
    LINES("net use", "Get-SmbConnection | Where-Object { $_.ServerName -eq \"{server}\" }", CMD_TEST_DRIVE),
    LINES("net use \\\\{server} /delete closes every connection of this user to that server, other drives included; save open files first.") },
  { "驱动器 {drive} 配置正确但无法连接",
    "路径已保存、凭据存在且共享可以访问，但 {drive} 仍未连接；或者 SMB 客户端服务（LanmanWorkstation，显示名为"
    "“Workstation”）没有运行，导致所有 SMB 连接都会失败。常见原因是到该服务器的会话缓存已失效，或客户端服务本身有问题。",
    LINES("net use \\\\{server} /delete", "net use {drive} /delete",
          "net use {drive} \\\\{server}\\{share} /persistent:yes",
          "Get-Service LanmanWorkstation", "Start-Service LanmanWorkstation   （仅在服务未运行时）"),
    LINES("net use", "Get-SmbConnection | Where-Object { $_.ServerName -eq \"{server}\" }", CMD_TEST_DRIVE),
    LINES("net use \\\\{server} /delete 会关闭该用户到这台服务器的所有连接（包括其他驱动器）；请先保存打开的文件。") } } },

{ "solution-E", {
  { "Global mapping {drive} is not present (not persisted or lost)",
    "A per-machine mapping made with New-SmbGlobalMapping survives a restart only when it was created with "
    "-Persistent $true. Windows keeps it under HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings "
    "and keeps its credential, through lsass, in the NetworkService profile. Get-SmbGlobalMapping does not list "
    "{drive}, or lists it while its GlobalMappings key is missing: the mapping was never made persistent (it is "
    "gone after the next restart), or it has been lost.",
    LINES("Remove-SmbGlobalMapping -LocalPath \"{drive}\" -Force   (only when Get-SmbGlobalMapping still lists it)",
          "$creds = Get-Credential", CMD_NEW_GMAP),
    LINES("Get-SmbGlobalMapping",
          "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\{letter}\"",
          CMD_TEST_DRIVE),
    LINES("Do not keep the password as clear text in a deployment script (ConvertTo-SecureString -AsPlainText); read it from a secret store.") },
  { "全局映射 {drive} 不存在（未持久化或已丢失）",
    "用 New-SmbGlobalMapping 创建的全局（按计算机）映射，只有在创建时指定 -Persistent $true 才能在重启后保留。系统把它记录在 "
    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings 下，并由 lsass 把凭据保存在 NetworkService "
    "配置文件中。Get-SmbGlobalMapping 没有列出 {drive}，或虽然列出但 GlobalMappings 下没有对应的注册表项：该映射从未持久化"
    "（下次重启后即消失），或已经丢失。",
    LINES("Remove-SmbGlobalMapping -LocalPath \"{drive}\" -Force   （仅当 Get-SmbGlobalMapping 仍列出该映射时）",
          "$creds = Get-Credential", CMD_NEW_GMAP),
    LINES("Get-SmbGlobalMapping",
          "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\GlobalMappings\\{letter}\"",
          CMD_TEST_DRIVE),
    LINES("不要在部署脚本中以明文保存密码（ConvertTo-SecureString -AsPlainText）；请从安全的机密存储中读取。") } } },

{ "solution-F", {
  { "Global mapping {drive} points to a DFS namespace",
    "SmbGlobalMapping works with standalone and failover-cluster shares only and does not support DFS namespace "
    "paths. {remote} is a domain-based namespace ({server} is the domain's own name), so the mapping can be created "
    "but fails when it is used.",
    LINES("Remove-SmbGlobalMapping -RemotePath \"{remote}\" -Force",
          "net use {drive} {remote} /persistent:yes /savecred   (per user: File Explorer and net use support DFS)",
          "or point the global mapping at the real server share behind the namespace folder"),
    LINES("net use", CMD_TEST_DRIVE),
    LINES("A per-user mapping is visible only to the user who made it: every user who needs the drive must map it (a logon script or Group Policy Preferences can do that).") },
  { "全局映射 {drive} 指向 DFS 命名空间",
    "SmbGlobalMapping 只支持独立共享和故障转移群集共享，不支持 DFS 命名空间路径。{remote} 是基于域的命名空间"
    "（{server} 就是域名本身），因此映射可以创建成功，但实际访问时会失败。",
    LINES("Remove-SmbGlobalMapping -RemotePath \"{remote}\" -Force",
          "net use {drive} {remote} /persistent:yes /savecred   （按用户映射：文件资源管理器和 net use 支持 DFS）",
          "或者让全局映射直接指向命名空间文件夹背后的实际服务器共享"),
    LINES("net use", CMD_TEST_DRIVE),
    LINES("按用户的映射只有创建它的用户可见：每个需要该驱动器的用户都要各自映射（可用登录脚本或组策略首选项完成）。") } } },

{ "solution-G", {
  { "The credential of global mapping {drive} is missing or damaged",
    "The global mapping is listed, but its status is not OK or the credential files that lsass keeps for global "
    "mappings in C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials are missing. "
    "Without them the mapping cannot sign in to the server after a restart.",
    LINES("Remove-SmbGlobalMapping -RemotePath \"{remote}\" -Force", "$creds = Get-Credential",
          "New-SmbGlobalMapping -RemotePath \"{remote}\" -Credential $creds -LocalPath \"{drive}\" -Persistent $true"),
    LINES("Get-SmbGlobalMapping", CMD_NETSVC_DIR),
    LINES("If the credential files disappear again after being recreated, escalate: it can be a defect of lsass credential storage.") },
  { "全局映射 {drive} 的凭据丢失或损坏",
    "全局映射仍被列出，但状态不是 OK，或者 lsass 为全局映射保存在 "
    "C:\\Windows\\ServiceProfiles\\NetworkService\\AppData\\Local\\Microsoft\\Credentials 中的凭据文件不存在。"
    "缺少这些文件，重启后映射就无法向服务器进行身份验证。",
    LINES("Remove-SmbGlobalMapping -RemotePath \"{remote}\" -Force", "$creds = Get-Credential",
          "New-SmbGlobalMapping -RemotePath \"{remote}\" -Credential $creds -LocalPath \"{drive}\" -Persistent $true"),
    LINES("Get-SmbGlobalMapping", CMD_NETSVC_DIR),
    LINES("如果重新创建后凭据文件再次消失，请升级处理：可能是 lsass 凭据存储的缺陷。") } } },

/* ---- the guide's root causes as findings ---------------------------------- */
{ "persistent-default-off", {
  { "New connections are not remembered on this machine",
    "net use keeps one default for /persistent, printed in the first line of net use and stored as SaveConnections "
    "under HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections. It is now \"no\", "
    "so every drive mapped without an explicit /persistent:yes, by hand or by a script, is gone after sign-out. This "
    "is why the same script keeps drives on one PC and loses them on another.",
    LINES("net use /persistent:yes", "Write /persistent:yes (or :no) explicitly in every net use line of the scripts",
          CMD_MAP_SAVECRED),
    LINES("net use   (first line: New connections will be remembered.)"),
    LINES("The default changes whenever someone runs net use with /persistent; an old script with /persistent:no turns it off again.") },
  { "这台机器上新建的连接不会被记住",
    "net use 对 /persistent 保存着一个默认值，显示在 net use 输出的第一行，并以 SaveConnections 保存在 "
    "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Network\\Persistent Connections 下。当前值为“no”，"
    "因此凡是没有显式写 /persistent:yes 的映射（无论手工还是脚本）在注销后都会消失。这也解释了为什么同一个脚本在一台电脑上"
    "能保留驱动器，在另一台上却不能。",
    LINES("net use /persistent:yes", "在脚本的每一条 net use 命令中显式写出 /persistent:yes（或 :no）",
          CMD_MAP_SAVECRED),
    LINES("net use   （第一行应显示新连接会被记住）"),
    LINES("每次有人带 /persistent 运行 net use，这个默认值都会改变；旧脚本里的 /persistent:no 会再次把它关掉。") } } },

{ "savecred-user-conflict", {
  { "/savecred was combined with /user:",
    "net use does not accept /savecred and /user: in the same command. It stops with \"A command was used with "
    "conflicting switches\" (message 3510), so neither the drive nor the credential is saved.",
    LINES(CMD_CMDKEY_ADD, CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, "reg query HKCU\\Network\\{letter}"),
    LINES("Do not work around it by writing the password into the net use line.") },
  { "/savecred 与 /user: 同时使用",
    "net use 不接受在同一条命令中同时使用 /savecred 和 /user:。命令会以“A command was used with conflicting switches”"
    "（消息 3510）终止，驱动器和凭据都不会被保存。",
    LINES(CMD_CMDKEY_ADD, CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND, "reg query HKCU\\Network\\{letter}"),
    LINES("不要为了绕开这个限制而把密码写进 net use 命令。") } } },

{ "scope-mismatch", {
  { "The mapping method does not match who needs the drive",
    "File Explorer and net use make per-user mappings: they live in one user's registry hive (HKCU\\Network) and only "
    "that user sees them. Either the mappings found belong to another account ({sid}) than the user who reports the "
    "problem, or the drive is expected for every user of the machine, which a per-user mapping cannot give.",
    LINES("Map the drive while signed in as the user who needs it: " CMD_MAP_SAVECRED,
          "For every account on one machine (for example Windows containers): $creds = Get-Credential; " CMD_NEW_GMAP,
          "For many users in a domain: a Group Policy Preferences drive map or a logon script"),
    LINES("reg query HKCU\\Network\\{letter}   (run as the user who needs the drive)", "Get-SmbGlobalMapping"),
    LINES("SmbGlobalMapping does not support DFS namespace paths and opens the share to every account on the machine.") },
  { "映射方式与需要使用驱动器的人不匹配",
    "文件资源管理器和 net use 创建的是按用户的映射：它们保存在某个用户自己的注册表配置单元（HKCU\\Network）中，只有该用户"
    "能看到。要么找到的映射属于另一个账户（{sid}）而不是报告问题的用户，要么客户希望这台机器上的所有用户都能看到该驱动器，"
    "而按用户的映射做不到这一点。",
    LINES("以需要该驱动器的用户身份登录后再映射：" CMD_MAP_SAVECRED,
          "若这台机器上的所有账户都要使用（例如 Windows 容器）：$creds = Get-Credential; " CMD_NEW_GMAP,
          "若是域中的大量用户：使用组策略首选项的驱动器映射或登录脚本"),
    LINES("reg query HKCU\\Network\\{letter}   （以需要该驱动器的用户身份运行）", "Get-SmbGlobalMapping"),
    LINES("SmbGlobalMapping 不支持 DFS 命名空间路径，并且会让这台机器上的所有账户都能访问该共享。") } } },

{ "unc-unreachable", {
  { "Share {remote} cannot be reached (a network problem, not a mapping problem)",
    "Reaching \\\\{server}\\{share} failed with a network error ({extra}): the name does not resolve, the server or "
    "the share does not exist, or TCP port 445 is blocked on the way. No mapping setting can fix that; look at name "
    "resolution, routing or VPN, firewalls and the server first.",
    LINES("Resolve-DnsName {server}", "Test-NetConnection {server} -Port 445", "net view \\\\{server}",
          "Check the share name on the server"),
    LINES(CMD_TEST_UNC),
    NONE },
  { "无法访问共享 {remote}（网络问题，而非映射问题）",
    "访问 \\\\{server}\\{share} 时出现网络错误（{extra}）：名称无法解析、服务器或共享不存在，或者途中 TCP 445 端口被阻止。"
    "任何映射设置都无法解决这个问题；请先检查名称解析、路由或 VPN、防火墙以及服务器本身。",
    LINES("Resolve-DnsName {server}", "Test-NetConnection {server} -Port 445", "net view \\\\{server}",
          "在服务器上核对共享名称"),
    LINES(CMD_TEST_UNC),
    NONE } } },

{ "ntlm-coincidence", {
  { "Drive {drive} works only because two passwords happen to match",
    "The user signs in with a local account and no credential for {server} is saved, yet the share accepts the "
    "connection. With NTLM Windows presents the local account's name and password; the server accepts it when it has "
    "an account with the same name and the same password. The day either password changes, the drive fails.",
    LINES("cmdkey /add:{server} /user:<account on {server}> /pass", "net use {drive} /delete", CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND),
    LINES("Keeping the two passwords equal by hand is not a fix.") },
  { "驱动器 {drive} 能用只是因为两个密码恰好相同",
    "用户以本地账户登录，且没有为 {server} 保存任何凭据，但共享仍然接受了连接。使用 NTLM 时，Windows 会出示本地账户的"
    "用户名和密码；如果服务器上恰好有同名且密码相同的账户，验证就会通过。任何一方修改密码后，驱动器就会失效。",
    LINES("cmdkey /add:{server} /user:<{server} 上的账户> /pass", "net use {drive} /delete", CMD_MAP_SAVECRED),
    LINES(CMD_CMDKEY_FIND),
    LINES("靠手工保持两个密码一致不是解决办法。") } } },

{ "plaintext-password", {
  { "A plaintext password was found in the collected files",
    "{extra} place(s) in the scripts or transcripts carry a password in clear text (net use with a password, /pass:, "
    "ConvertTo-SecureString -AsPlainText). The value is not shown here; the evidence names file and line. Anyone who "
    "can read those files can read the password.",
    LINES("Remove the password from the script and change the password",
          "Save the credential once (cmdkey prompts for the password), then map with /savecred: " CMD_CMDKEY_ADD,
          "For automated deployment read the secret from a secure store"),
    LINES("Collect the scripts again and check that mdtriage reports no password"),
    LINES("Copies of the password may remain in transcripts, ticket attachments and backups: change it.") },
  { "收集的文件中发现明文密码",
    "脚本或记录中有 {extra} 处以明文形式包含密码（带密码的 net use、/pass:、ConvertTo-SecureString -AsPlainText）。"
    "此处不显示密码值；证据中给出了文件和行号。任何能读取这些文件的人都能看到该密码。",
    LINES("从脚本中删除密码，并修改该密码",
          "保存一次凭据（cmdkey 会提示输入密码），再用 /savecred 映射：" CMD_CMDKEY_ADD,
          "自动化部署请从安全的机密存储中读取密码"),
    LINES("重新收集脚本，确认 mdtriage 不再报告密码"),
    LINES("记录、工单附件和备份中可能还留有该密码的副本：请修改密码。") } } },

{ "escalate", {
  { "Every check passes but the problem remains: escalate",
    "Following the guide, the path is saved, the credential is present and valid and the SMB client runs, yet the "
    "customer still reports the problem ({extra}) or the drive stays disconnected. The remaining suspects are outside "
    "the guide: the SMB client redirector (MUP/MRxSMB), lsass credential storage, Group Policy, or authentication "
    "policy.",
    LINES("Escalate with: the steps taken and their results (this report)",
          "the output of net use, reg query HKCU\\Network and cmdkey /list",
          "the output of Get-SmbGlobalMapping if global mappings are used",
          "how the drive was mapped (the exact command or the options ticked in the GUI)",
          "whether the problem reproduces, and how",
          "OS version, domain or workgroup, Kerberos or NTLM (systeminfo, whoami /all)"),
    NONE, NONE },
  { "所有检查均通过但问题仍在：请升级处理",
    "按照指南检查，路径已保存、凭据存在且有效、SMB 客户端正在运行，但客户仍然报告问题（{extra}），或驱动器仍处于断开状态。"
    "剩下的可能原因已超出指南范围：SMB 客户端重定向器（MUP/MRxSMB）、lsass 凭据存储、组策略或身份验证策略。",
    LINES("升级时请提供：已完成的检查步骤及结果（即本报告）",
          "net use、reg query HKCU\\Network 和 cmdkey /list 的输出",
          "如使用全局映射，提供 Get-SmbGlobalMapping 的输出",
          "驱动器的映射方式（确切的命令或图形界面中勾选的选项）",
          "问题能否重现以及重现步骤",
          "操作系统版本、域或工作组、Kerberos 还是 NTLM（systeminfo、whoami /all）"),
    NONE, NONE } } },

/* ---- causes beyond the guide (knowledge/mapped-drive-causes.md) ----------- */
{ "uac-split-token", {
  { "Drives are missing in the elevated session (UAC split token)",
    "With UAC an administrator has two linked logon sessions, a filtered one and an elevated one, and drive letters "
    "belong to a session. The data was collected elevated, where drives mapped in the normal session do not exist "
    "(and the other way round), because EnableLinkedConnections is not turned on. An empty or short net use from this "
    "session says nothing about the user's normal session.",
    LINES("Collect net use again from a normal (not elevated) prompt",
          "Map the drive in the same context that uses it (normal for File Explorer, elevated for an elevated script)",
          "or: reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v EnableLinkedConnections /t REG_DWORD /d 1 /f   and restart"),
    LINES("net use   (from both a normal and an elevated prompt)"),
    LINES("EnableLinkedConnections does not help when elevation asks for other credentials (ConsentPromptBehaviorAdmin 1 or 3).") },
  { "提升权限的会话中看不到驱动器（UAC 拆分令牌）",
    "启用 UAC 时，管理员有两个相互关联的登录会话：一个受限、一个已提升，而驱动器号属于各自的会话。这些数据是在提升权限的"
    "会话中收集的，而 EnableLinkedConnections 没有开启，所以普通会话中映射的驱动器在这里不存在（反之亦然）。在此会话中"
    "得到的空的或不完整的 net use 结果，并不能说明用户普通会话的情况。",
    LINES("在普通（未提升）的命令提示符中重新收集 net use",
          "在实际使用驱动器的同一上下文中映射（文件资源管理器用普通会话，提升的脚本用提升会话）",
          "或者：reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v EnableLinkedConnections /t REG_DWORD /d 1 /f   然后重启"),
    LINES("net use   （分别在普通和提升的命令提示符中运行）"),
    LINES("如果提升权限时要求输入其他凭据（ConsentPromptBehaviorAdmin 为 1 或 3），EnableLinkedConnections 也无效。") } } },

{ "policy-disable-domain-creds", {
  { "A policy forbids saving network passwords",
    "DisableDomainCreds is 1 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa (the security option \"Network "
    "access: Do not allow storage of passwords and credentials for network authentication\"). Credential Manager then "
    "keeps no Windows credentials, so /savecred, \"Remember my credentials\" and cmdkey /add cannot carry a drive's "
    "credential across sign-ins.",
    LINES("Ask the owner of the security policy whether the setting is required (some baselines set it)",
          "If not: set the policy to Disabled (DisableDomainCreds = 0) and restart",
          "Otherwise rely on the signed-in domain account's own access (Kerberos) instead of a saved alternate credential"),
    LINES("reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v DisableDomainCreds", "cmdkey /list"),
    LINES("Changing a security baseline needs the agreement of whoever owns it.") },
  { "策略禁止保存网络密码",
    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa 下的 DisableDomainCreds 为 1（安全选项“网络访问: 不允许存储网络身份"
    "验证的密码和凭据”）。此时凭据管理器不会保存 Windows 凭据，因此 /savecred、“记住我的凭据”和 cmdkey /add 都无法让驱动器"
    "的凭据在下次登录时仍然可用。",
    LINES("询问安全策略负责人该设置是否必须保留（某些安全基线会设置它）",
          "如果不需要：将该策略设为“已禁用”（DisableDomainCreds = 0）并重启",
          "否则请依靠当前登录的域账户自身的访问权限（Kerberos），而不是保存的其他凭据"),
    LINES("reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v DisableDomainCreds", "cmdkey /list"),
    LINES("修改安全基线需要其负责人的同意。") } } },

{ "session-credential-conflict-1219", {
  { "A second user name for the same server (error 1219)",
    "Within one logon session Windows uses one set of credentials per server name. A connection to {server} already "
    "exists under another account (another drive, an IPC$ session or an open Explorer window), so mapping with a "
    "different user fails with error 1219.",
    LINES("net use   (find every connection to {server}, with or without a letter)",
          "net use \\\\{server} /delete   (and any other connection to it)",
          CMD_MAP_SAVECRED),
    LINES("net use"),
    LINES("Reaching the same server under another name (IP or alias) to dodge the check also changes which saved credential applies and can break Kerberos.") },
  { "同一服务器使用了第二个用户名（错误 1219）",
    "在同一个登录会话中，Windows 对每个服务器名只使用一套凭据。到 {server} 的连接已经以另一个账户存在（其他驱动器、"
    "IPC$ 会话或打开的资源管理器窗口），因此用不同的用户映射会以错误 1219 失败。",
    LINES("net use   （找出所有到 {server} 的连接，无论是否有驱动器号）",
          "net use \\\\{server} /delete   （以及到它的其他连接）",
          CMD_MAP_SAVECRED),
    LINES("net use"),
    LINES("用其他名称（IP 或别名）访问同一服务器来绕过检查，会改变所使用的已保存凭据，并可能使 Kerberos 失效。") } } },

{ "restoreconnection-disabled", {
  { "Automatic reconnection of drives is turned off",
    "RestoreConnection is 0 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider, which stops Windows from "
    "restoring persistent drives at sign-in; they connect only when opened. This is a tweak someone applied, not a "
    "Windows default, and it is described by the community rather than by Microsoft.",
    LINES("reg delete HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider /v RestoreConnection /f",
          "Sign out and back in"),
    LINES("reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider /v RestoreConnection"),
    LINES("It may have been set on purpose (faster sign-in when servers are often unreachable); ask before removing it.") },
  { "驱动器的自动重新连接被关闭",
    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider 下的 RestoreConnection 为 0，这会阻止 Windows 在登录时"
    "恢复持久化的驱动器；它们只有在被打开时才会连接。这是有人手工做的调整，并非 Windows 默认值，而且相关说明来自社区而非微软。",
    LINES("reg delete HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider /v RestoreConnection /f",
          "注销并重新登录"),
    LINES("reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider /v RestoreConnection"),
    LINES("这可能是有意设置的（服务器经常不可达时可加快登录）；删除前请先确认。") } } },

{ "cred-target-mismatch", {
  { "The credential is saved under another name of {server}",
    "Credential Manager matches a Windows credential by the exact server name in the path. {drive} uses {server}, but "
    "the saved credential is for another form of that name (short NetBIOS name versus FQDN, or an IP address). For "
    "Windows these are different targets, so the saved credential is never offered.",
    LINES(CMD_CMDKEY_ADD,
          "or map with the same name form the credential uses, and use one form everywhere",
          "or save one wildcard credential for the domain's servers (a target such as *.<dns domain>)"),
    LINES(CMD_CMDKEY_FIND),
    LINES("A wildcard credential is offered to every server it covers.") },
  { "凭据保存在 {server} 的另一个名称下",
    "凭据管理器按路径中完全相同的服务器名来匹配 Windows 凭据。{drive} 使用的是 {server}，但保存的凭据对应的是该名称的另一种"
    "写法（NetBIOS 短名称与 FQDN，或 IP 地址）。对 Windows 来说这是不同的目标，所以保存的凭据根本不会被使用。",
    LINES(CMD_CMDKEY_ADD,
          "或者改用凭据所使用的名称写法进行映射，并在各处统一使用同一种写法",
          "或者为域内服务器保存一个通配符凭据（目标形如 *.<DNS 域名>）"),
    LINES(CMD_CMDKEY_FIND),
    LINES("通配符凭据会被提供给它覆盖的每一台服务器。") } } },

{ "drive-letter-conflict", {
  { "Drive letter {drive} is already in use",
    "Mapping failed because the letter is taken ({extra}): error 85 means something already uses it (a disk, a card "
    "reader, a virtual drive or another mapping); error 1202 means the user's profile remembers a different network "
    "path for that letter.",
    LINES("net use {drive} /delete", CMD_MAP_SAVECRED,
          "or pick a free letter, or move the local device to another letter (Disk Management)"),
    LINES("net use", "reg query HKCU\\Network\\{letter}"),
    LINES("Deleting the remembered connection removes that drive for the user until it is mapped again.") },
  { "驱动器号 {drive} 已被占用",
    "映射失败是因为该驱动器号已被占用（{extra}）：错误 85 表示已有设备在使用它（磁盘、读卡器、虚拟光驱或其他映射）；"
    "错误 1202 表示用户配置文件中为该驱动器号记住了另一个网络路径。",
    LINES("net use {drive} /delete", CMD_MAP_SAVECRED,
          "或者换一个空闲的驱动器号，或在“磁盘管理”中为本地设备更换驱动器号"),
    LINES("net use", "reg query HKCU\\Network\\{letter}"),
    LINES("删除记住的连接后，该用户的这个驱动器会消失，直到重新映射。") } } },

{ "guest-auth-blocked", {
  { "Guest access to {server} is blocked (error 1272)",
    "The server offers only guest (unauthenticated) access, which current Windows editions refuse by default for "
    "SMB2 and SMB3 because guest sessions cannot be verified.",
    LINES("Create a real account for the share on the server or NAS, then: " CMD_CMDKEY_ADD,
          CMD_MAP_SAVECRED,
          "Allowing insecure guest logons by policy is possible but not recommended"),
    LINES(CMD_TEST_UNC),
    LINES("Guest sessions cannot be signed; allowing them weakens protection against tampering.") },
  { "对 {server} 的来宾访问被阻止（错误 1272）",
    "服务器只提供来宾（未经身份验证）访问，而当前的 Windows 版本默认拒绝 SMB2 和 SMB3 的来宾访问，因为来宾会话无法被验证。",
    LINES("在服务器或 NAS 上为该共享创建真实账户，然后：" CMD_CMDKEY_ADD,
          CMD_MAP_SAVECRED,
          "可以通过策略允许不安全的来宾登录，但不建议这样做"),
    LINES(CMD_TEST_UNC),
    LINES("来宾会话无法签名；允许来宾登录会削弱防篡改保护。") } } },

{ "network-logon-no-credential-set", {
  { "This session cannot use saved credentials (error 1312)",
    "The command ran in a logon session that has no credential set, typically remote PowerShell, SSH or a service. "
    "Such sessions can neither read nor save Credential Manager entries, and their drive letters are separate from "
    "the desktop session's.",
    LINES("Collect and repair from an interactive session (console or RDP)",
          "For automation use a scheduled task with a stored password, or pass the credentials explicitly"),
    LINES("cmdkey /list   (from the interactive session)"),
    NONE },
  { "当前会话无法使用保存的凭据（错误 1312）",
    "命令运行在一个没有凭据集的登录会话中，通常是远程 PowerShell、SSH 或服务。这类会话既不能读取也不能保存凭据管理器中的"
    "条目，而且其驱动器号与桌面会话相互独立。",
    LINES("在交互式会话（控制台或远程桌面）中收集数据并修复",
          "自动化任务请使用保存了密码的计划任务，或显式传入凭据"),
    LINES("cmdkey /list   （在交互式会话中运行）"),
    NONE } } },

/* ---- why each next step is asked for (title = the why) -------------------- */
{ "collect-net-use", {
  { "Shows every mapping of this session, its state, and whether new connections are remembered.", "", NONE, NONE, NONE },
  { "显示本会话中的所有映射及其状态，以及新连接是否会被记住。", "", NONE, NONE, NONE } } },
{ "collect-reg-network", {
  { "Shows whether the drive is saved for reconnection, with its path and user name (HKCU\\Network).", "", NONE, NONE, NONE },
  { "显示驱动器是否已保存为重新连接，以及其路径和用户名（HKCU\\Network）。", "", NONE, NONE, NONE } } },
{ "collect-reg-global-mappings", {
  { "Shows which global mappings are saved to be restored at startup.", "", NONE, NONE, NONE },
  { "显示哪些全局映射已保存、会在启动时恢复。", "", NONE, NONE, NONE } } },
{ "collect-cmdkey", {
  { "Lists the saved credentials, to see whether one matches the server name in the path.", "", NONE, NONE, NONE },
  { "列出已保存的凭据，查看是否有与路径中服务器名匹配的凭据。", "", NONE, NONE, NONE } } },
{ "collect-test-path", {
  { "Tests whether the share can be opened with the credentials in use.", "", NONE, NONE, NONE },
  { "测试能否用当前使用的凭据打开该共享。", "", NONE, NONE, NONE } } },
{ "collect-smb-connection", {
  { "Shows the open SMB connections to the server and the account each one uses.", "", NONE, NONE, NONE },
  { "显示到该服务器的已打开 SMB 连接及各自使用的账户。", "", NONE, NONE, NONE } } },
{ "collect-service", {
  { "Shows whether the SMB client service (Workstation) is running.", "", NONE, NONE, NONE },
  { "显示 SMB 客户端服务（Workstation）是否正在运行。", "", NONE, NONE, NONE } } },
{ "collect-global-mapping", {
  { "Lists the per-machine (global) mappings and their status.", "", NONE, NONE, NONE },
  { "列出按计算机的（全局）映射及其状态。", "", NONE, NONE, NONE } } },
{ "collect-networkservice-credentials", {
  { "Shows whether the credential files of the global mappings exist.", "", NONE, NONE, NONE },
  { "显示全局映射的凭据文件是否存在。", "", NONE, NONE, NONE } } },
{ "collect-linked-connections", {
  { "Shows whether drive letters are shared between elevated and normal sessions.", "", NONE, NONE, NONE },
  { "显示驱动器号是否在提升会话与普通会话之间共享。", "", NONE, NONE, NONE } } },
{ "collect-whoami", {
  { "Identifies the user: domain or local account, SID, elevated or not.", "", NONE, NONE, NONE },
  { "确认用户身份：域账户还是本地账户、SID、是否已提升权限。", "", NONE, NONE, NONE } } },
{ "collect-systeminfo", {
  { "OS version and domain membership, which an escalation needs.", "", NONE, NONE, NONE },
  { "操作系统版本和域成员身份，升级处理时需要。", "", NONE, NONE, NONE } } },
};

const size_t catalogue_entries_n = sizeof catalogue_entries / sizeof catalogue_entries[0];
