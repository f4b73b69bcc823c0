# Map Z: for every user of this host (SmbGlobalMapping) - TSG Solution E, option 2
$User = "CONTOSO\svc_map"
$PWord = ConvertTo-SecureString -String 'P@ss w0rd' -AsPlainText -Force
$Creds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $User, $PWord
New-SmbGlobalMapping -RemotePath "\\fs01.contoso.com\share" -Credential $Creds -LocalPath "Z:" -Persistent $true
Get-SmbGlobalMapping
reg query "HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\GlobalMappings\Z" 2>$null
Test-Path "Z:\"
