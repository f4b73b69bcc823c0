"""mdtriage analyze/facts from the outside: exit status, formats, languages,
JSON Schema validity, JUnit validity, colour rules, unreadable inputs."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from clitest import (REG_NETWORK_Z_ONLY, NETUSE_L_UNAVAILABLE, SRC, check, crlf, finish, run, utf16)

import jsonschema

schema = json.load(open(os.path.join(SRC, "docs", "report-schema.json")))
validator = jsonschema.Draft202012Validator(schema)
xsd = os.path.join(SRC, "tests", "cli", "junit.xsd")

with tempfile.TemporaryDirectory() as d:
    case = os.path.join(d, "case")
    os.mkdir(case)
    open(os.path.join(case, "netuse.txt"), "wb").write(utf16(NETUSE_L_UNAVAILABLE))
    open(os.path.join(case, "network.reg"), "wb").write(utf16(REG_NETWORK_Z_ONLY))

    # usage errors
    rc, out, err = run([])
    check(rc == 2, "no arguments exits 2")
    rc, out, err = run(["analyze"])
    check(rc == 2, "analyze without INPUT exits 2")
    rc, out, err = run(["analyze", "--format", "yaml", case])
    check(rc == 2 and "yaml" in err, "unknown format exits 2 and names it")
    rc, out, err = run(["frobnicate"])
    check(rc == 2, "unknown command exits 2")
    rc, out, err = run(["--version"])
    check(rc == 0 and out.startswith("mdtriage "), "--version")

    # nothing readable
    rc, out, err = run(["analyze", "--format", "json", os.path.join(d, "missing.txt")])
    check(rc == 3, f"missing input exits 3 (got {rc})")
    rep = json.loads(out)
    check(rep["artefacts"][0]["status"] == "unreadable" and rep["artefacts"][0]["reason"],
          "missing input is listed unreadable with a reason")

    # every format on the same case
    rc, out, err = run(["analyze", "--format", "json", case])
    check(rc in (0, 1), f"analyze json exit {rc}")
    rep = json.loads(out)
    errors = sorted(validator.iter_errors(rep), key=lambda e: e.path)
    check(not errors, "report validates against docs/report-schema.json: " + "; ".join(e.message for e in errors[:3]))
    paths = [a["path"] for a in rep["artefacts"]]
    check(len(paths) == 2 and len(set(paths)) == 2, "each file appears once in artefacts")
    check(all(a["encoding"] == "utf-16le-bom" for a in rep["artefacts"]), "UTF-16LE BOM detected")

    rc, out, err = run(["analyze", "--format", "junit", case])
    with open(os.path.join(d, "r.xml"), "w") as f:
        f.write(out)
    x = subprocess.run(["xmllint", "--noout", "--schema", xsd, os.path.join(d, "r.xml")], capture_output=True)
    check(x.returncode == 0, "junit validates: " + x.stderr.decode()[:300])

    rc, out, err = run(["analyze", "--format", "html", case])
    check(out.startswith("<!DOCTYPE html>") and "</html>" in out, "html page")
    with open(os.path.join(d, "r.html"), "w") as f:
        f.write(out)
    x = subprocess.run(["xmllint", "--html", "--noout", os.path.join(d, "r.html")], capture_output=True)
    check(x.returncode == 0 and not x.stderr, "html parses cleanly: " + x.stderr.decode()[:300])
    check("http://" not in out and "https://" not in out and "<script" not in out,
          "html is self-contained (no external resources, no scripts)")

    rc, out, err = run(["analyze", "--format", "markdown", case])
    check(out.startswith("## "), "markdown starts with a heading")

    rc, out, err = run(["analyze", case])
    check("\x1b[" not in out, "no colour when stdout is not a terminal")

    # language: --lang, then LANG
    rc, out, err = run(["analyze", "--lang", "zh-CN", case])
    check("映射驱动器诊断" in out, "--lang zh-CN gives Chinese labels")
    rc, out, err = run(["analyze", case], env={"LANG": "zh_CN.UTF-8"})
    check("映射驱动器诊断" in out, "LANG=zh_CN gives Chinese labels")
    rc, out, err = run(["analyze", "--lang", "en", case], env={"LANG": "zh_CN.UTF-8"})
    check("Mapped drive triage" in out, "--lang en wins over LANG")

    # -o writes the file, stdin works
    outp = os.path.join(d, "out.json")
    rc, out, err = run(["analyze", "--format", "json", "-o", outp, case])
    check(os.path.exists(outp) and json.load(open(outp))["schema"] == "mdtriage.report/1", "-o FILE")
    rc, out, err = run(["facts", "-"], stdin=crlf(NETUSE_L_UNAVAILABLE))
    facts = json.loads(out)
    check(rc == 0 and len(facts["artefacts"]) == 1, "facts reads stdin")

    # planted secrets never leave the tool, in any output format
    sec = os.path.join(d, "secrets")
    os.mkdir(sec)
    secrets = ["Sup3r$ecret!", "hunter2-Pw", "W1nter 2026", "Aa1!short", "Cc3!env", "Ee5!y"]
    open(os.path.join(sec, "map.cmd"), "wb").write(crlf(
        "@echo off\n"
        "net use L: \\\\fs01\\data Sup3r$ecret! /user:CONTOSO\\jdoe /persistent:yes\n"
        "cmdkey /add:fs01 /user:CONTOSO\\jdoe /pass:hunter2-Pw\n"))
    open(os.path.join(sec, "gmap.ps1"), "wb").write(crlf(
        "$pw = \"Aa1!short\"\n"
        "$Env:SMBPW = \"Cc3!env\"\n"
        "$secret = \"Ee5!y\"\n"
        "$PWord = ConvertTo-SecureString -String 'W1nter 2026' -AsPlainText -Force\n"
        "$Creds = New-Object System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\svc', $PWord\n"
        "New-SmbGlobalMapping -RemotePath \\\\fs01\\apps -Credential $Creds -LocalPath Z: -Persistent $true\n"))
    outputs = {}
    for fmt in ("text", "json", "markdown", "html", "junit"):
        for lang in ("en", "zh-CN"):
            rc, out, err = run(["analyze", "--format", fmt, "--lang", lang, sec])
            outputs[f"analyze {fmt} {lang}"] = out + err
    rc, out, err = run(["facts", sec])
    outputs["facts"] = out + err
    rc, out, err = run(["batch", "--summary", "--junit", os.path.join(d, "b.xml"), sec])
    outputs["batch jsonl"] = out + err
    outputs["batch junit"] = open(os.path.join(d, "b.xml"), encoding="utf-8").read()
    for name, text in outputs.items():
        for sct in secrets:
            check(sct not in text, f"{name}: planted secret {sct!r} absent")
    rep = json.loads(run(["analyze", "--format", "json", sec])[1])
    pw = [f for f in rep["findings"] if f["id"] == "plaintext-password"]
    check(len(pw) == 1 and len(pw[0]["evidence"]) >= 6, "one plaintext-password finding citing every place")
    check(all(e["artefact"] and e["line"] > 0 for f in pw for e in f["evidence"]), "each place has file and line")

finish()
