@echo off
rem Lecteurs réseau de l'équipe Finance - script de connexion
setlocal
set SERVER=fs01.contoso.com
set USER=CONTOSO\svc_fin
set PASSWORD=Sup3r$ecret!
net use L: /delete /y >nul 2>&1
net use L: \\%SERVER%\finance %PASSWORD% /user:%USER% /persistent:yes
if errorlevel 1 echo Mapping L: failed & goto :eof
cmdkey /add:nas01 /user:CONTOSO\jdoe /pass:hunter2
net use S: \\nas01\scans ^
  /savecred /persistent:yes
net use T: \\nas01\it "P@ss w0rd" /user:CONTOSO\svc_scan
:: old line kept for reference: net use X: \\old01\x hunter2 /user:CONTOSO\old
endlocal
exit /b 0
