param(
    [string]$Drive = 'X:',
    [string]$Share = '\\nas02\projects'
)
$password = "hunter2"
New-SmbMapping -LocalPath $Drive `
    -RemotePath $Share `
    -UserName 'CONTOSO\proj' -Password 'Sup3r$ecret!' `
    -Persistent $true
New-PSDrive -Name P -PSProvider FileSystem -Root \\nas02\public -Persist -Credential (Get-Credential CONTOSO\proj)
