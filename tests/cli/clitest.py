"""Small helpers shared by the CLI and batch tests (run with Debian's python3)."""
import os
import subprocess
import sys

MDTRIAGE = os.environ.get("MDTRIAGE", "build/mdtriage")
SRC = os.environ.get("MDT_SRC", ".")
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what, file=sys.stderr)


def run(args, stdin=None, env=None, timeout=120):
    e = dict(os.environ)
    e.pop("LANG", None)
    e.pop("LC_ALL", None)
    if env:
        e.update(env)
    p = subprocess.run([MDTRIAGE] + args, input=stdin, capture_output=True, env=e, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def utf16(text):
    """What Windows PowerShell 5.1 writes with `>`: UTF-16LE, BOM, CRLF."""
    return b"\xff\xfe" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-16-le")


def crlf(text, enc="utf-8"):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode(enc)


NETUSE_L_UNAVAILABLE = """New connections will be remembered.

Status       Local     Remote                    Network

-------------------------------------------------------------------------------
Unavailable  L:        \\\\fs01\\data             Microsoft Windows Network
OK           Z:        \\\\fs01\\home             Microsoft Windows Network
The command completed successfully.
"""

# reg export of HKCU\\Network holding Z only: L was never persisted
REG_NETWORK_Z_ONLY = """Windows Registry Editor Version 5.00

[HKEY_CURRENT_USER\\Network]

[HKEY_CURRENT_USER\\Network\\Z]
"RemotePath"="\\\\\\\\fs01\\\\home"
"UserName"=""
"ProviderName"="Microsoft Windows Network"
"ProviderType"=dword:00020000
"ConnectionType"=dword:00000001
"DeferFlags"=dword:00000004

"""


def finish():
    print(f"{checks} checks, {failures} failed", file=sys.stderr)
    sys.exit(1 if failures else 0)
