"""End-to-end scenario tests: every folder of fixtures/scenarios/ is one customer case (the artefacts as
sent, plus expect.json). The case is analysed with `mdtriage analyze --format json` and the report is
checked against expect.json (exit status, findings, forbidden findings, next steps, evidence lines,
artefacts, mappings) and against docs/report-schema.json (JSON Schema 2020-12). The text and markdown
reports in both languages are produced too, so a leaked secret or a crash in a reporter fails the case.

Run: MDTRIAGE=build/mdtriage MDT_SRC=. /usr/bin/python3 tests/scenarios/test_scenarios.py [NAME...]
expect.json fields are documented in docs/scenarios.md."""
import json
import os
import subprocess
import sys

import jsonschema

SRC = os.environ.get("MDT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
MDTRIAGE = os.environ.get("MDTRIAGE", os.path.join(SRC, "build", "mdtriage"))
SCEN_DIR = os.path.join(os.environ.get("MDT_FIXTURES", os.path.join(SRC, "fixtures")), "scenarios")
ASAN = os.environ.get("MDT_ASAN") == "1"

schema = json.load(open(os.path.join(SRC, "docs", "report-schema.json"), encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)


def run(args):
    env = dict(os.environ)
    for k in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(k, None)
    env["NO_COLOR"] = "1"
    p = subprocess.run([MDTRIAGE] + args, capture_output=True, env=env, timeout=600 if ASAN else 120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def inputs_of(d, expect):
    if "inputs" in expect:
        return [os.path.join(d, x) for x in expect["inputs"]]
    return [os.path.join(d, x) for x in sorted(os.listdir(d)) if x != "expect.json"]


def describe(f):
    drive = f.get("drive") or (f"~{f['related_drive']}" if f.get("related_drive") else None)
    return f"{f['id']}[{drive}] sol={f.get('solution')} rc={''.join(f.get('root_causes') or [])}"


def finding_matches(f, want):
    """want's identifying keys: id and (when given) drive."""
    if f["id"] != want["id"]:
        return False
    # case-level findings have drive null and name the drive they concern in related_drive
    return all(k not in want or f.get(k) == want[k] for k in ("drive", "related_drive"))


def finding_problems(f, want):
    """What differs between finding f and the expectation (empty list: satisfied)."""
    bad = []
    for key in ("solution", "remote", "confidence", "severity"):
        if key in want and f.get(key) != want[key]:
            bad.append(f"{key} {f.get(key)!r} != {want[key]!r}")
    rc = set(f.get("root_causes") or [])
    if "root_causes" in want and not set(want["root_causes"]) <= rc:
        bad.append(f"root_causes {sorted(rc)} lack {sorted(set(want['root_causes']) - rc)}")
    for r in want.get("root_causes_absent", []):
        if r in rc:
            bad.append(f"root cause {r} must not be given")
    steps = [[st["check"], st.get("outcome")] for st in f.get("steps", [])]
    for st in want.get("steps_include", []):
        if st not in steps:
            bad.append(f"no step {st[0]}={st[1]} (steps: {steps})")
    if "text_contains" in want and want["text_contains"] not in json.dumps(f, ensure_ascii=False):
        bad.append(f"does not mention {want['text_contains']!r}")
    return bad


def evidence_lines(f):
    """(artefact, line) of the finding's evidence and of every step's evidence."""
    out = [(e.get("artefact") or "", e.get("line")) for e in f.get("evidence", [])]
    for s in f.get("steps", []):
        out += [(e.get("artefact") or "", e.get("line")) for e in s.get("evidence", []) or []]
    return out


PY_CODEC = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "utf-16le-bom": "utf-16", "utf-16le": "utf-16-le",
            "utf-16be-bom": "utf-16", "utf-16be": "utf-16-be", "cp437": "cp437", "cp850": "cp850",
            "cp1252": "cp1252", "cp936": "gbk", "cp932": "cp932"}


def file_lines(path, encoding):
    """The lines of a loose file as the customer's editor shows them (1-based), or None."""
    codec = PY_CODEC.get(encoding or "")
    if not codec or not os.path.isfile(path):
        return None
    text = open(path, "rb").read().decode(codec, "replace")
    return [""] + text.replace("\r\n", "\n").split("\n")


def invariant_problems(rep, case_dir):
    """Properties every report must have, whatever the case: evidence lines are lines of the original
    file and quote them; a finding has evidence (the escalation summary excepted); no finding or step
    is repeated."""
    bad = []
    enc = {a["path"]: a.get("encoding") for a in rep.get("artefacts", [])}
    cache = {}
    seen_findings = set()
    for f in rep.get("findings", []):
        key = (f["id"], f.get("drive"), f.get("remote"))
        if key in seen_findings:
            bad.append(f"finding {describe(f)} is reported twice")
        seen_findings.add(key)
        if not f.get("evidence") and f["id"] != "escalate":
            bad.append(f"finding {describe(f)} has no evidence")
        steps = [(s["check"], s.get("outcome"), s.get("note")) for s in f.get("steps", [])]
        for st in sorted(set(steps), key=str):
            if steps.count(st) > 1:
                bad.append(f"finding {describe(f)}: step {st[0]}={st[1]} repeated {steps.count(st)} times")
        evs = list(f.get("evidence", []))
        for s in f.get("steps", []):
            evs += s.get("evidence", []) or []
        for e in evs:
            path, line, text = e.get("artefact"), e.get("line"), e.get("text")
            if not path or "!/" in path or not text or "*" in text:
                continue  # archive members, case-level notes, redacted lines
            if path not in cache:
                cache[path] = file_lines(path, enc.get(path))
            lines = cache[path]
            if lines is None:
                continue
            if not 0 < line < len(lines):
                bad.append(f"evidence {path.rsplit('/', 1)[-1]}:{line} is past the end of the file")
            elif text.strip() not in lines[line]:
                bad.append(f"evidence {path.rsplit('/', 1)[-1]}:{line} quotes {text.strip()!r}, "
                           f"the line is {lines[line].strip()!r}")
    return bad


def check_scenario(name):
    d = os.path.join(SCEN_DIR, name)
    expect = json.load(open(os.path.join(d, "expect.json"), encoding="utf-8"))
    problems = []
    args = ["analyze", "--format", "json"] + expect.get("args", []) + inputs_of(d, expect)
    rc, out, err = run(args)
    try:
        rep = json.loads(out)
    except ValueError as e:
        return [f"report is not JSON ({e}); rc={rc} stderr={err[:300]}"]
    if ASAN and ("ERROR: AddressSanitizer" in err or "runtime error:" in err):
        problems.append("sanitizer report: " + err[:500])
    errors = sorted(validator.iter_errors(rep), key=lambda e: list(e.path))
    for e in errors[:5]:
        problems.append(f"schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    if "exit" in expect and rc != expect["exit"]:
        problems.append(f"exit status {rc}, expected {expect['exit']}")
    findings = rep.get("findings", [])
    got = "; ".join(describe(f) for f in findings) or "(none)"

    for want in expect.get("findings", []):
        cands = [f for f in findings if finding_matches(f, want)]
        if not cands:
            problems.append(f"missing finding {want['id']}[{want.get('drive', want.get('related_drive'))}]; got: {got}")
            continue
        per = [finding_problems(f, want) for f in cands]
        if all(per):
            problems.append(f"finding {want['id']}[{want.get('drive')}]: " + ", ".join(per[0]))
    for bad in expect.get("forbidden", []):
        for f in findings:
            if all(f.get(k) == v for k, v in bad.items()):
                problems.append(f"forbidden finding {describe(f)} (rule {bad})")
    if expect.get("no_findings") and findings:
        problems.append(f"expected no finding, got: {got}")

    problems += invariant_problems(rep, d)
    paths = [a["path"] for a in rep.get("artefacts", [])]
    for inp in inputs_of(d, expect):
        if os.path.isfile(inp) and paths.count(inp) != 1:
            problems.append(f"input {os.path.basename(inp)} appears {paths.count(inp)} times in artefacts")

    commands = [n["command"] for n in rep.get("next_steps", [])]
    for c in expect.get("next_steps", []):
        if c not in commands:
            problems.append(f"next step {c!r} not asked; asked: {commands}")
    for c in expect.get("next_steps_absent", []):
        if c in commands:
            problems.append(f"next step {c!r} asked although its evidence was collected")

    for ev in expect.get("evidence", []):
        ident = {k: ev[k] for k in ("drive", "related_drive") if k in ev}
        cands = [f for f in findings if finding_matches(f, {"id": ev["finding"], **ident})]
        lines = [x for f in cands for x in evidence_lines(f)]
        ok_lines = ev["line"] if isinstance(ev["line"], list) else [ev["line"]]
        if not any(a.endswith(ev["artefact"]) and ln in ok_lines for a, ln in lines):
            near = sorted({(a.rsplit("/", 1)[-1], ln) for a, ln in lines if a.endswith(ev["artefact"])})
            problems.append(f"evidence {ev['finding']}[{ev.get('drive')}] {ev['artefact']}:{ev['line']} missing; "
                            f"cited lines of that artefact: {near}")

    arts = rep.get("artefacts", [])
    for want in expect.get("artefacts", []):
        cands = [a for a in arts if a["path"].endswith(want["path"])]
        if not cands:
            problems.append(f"artefact *{want['path']} not listed; paths: {[a['path'] for a in arts]}")
        elif not any(all(a.get(k) == v for k, v in want.items() if k != "path") for a in cands):
            a = cands[0]
            problems.append(f"artefact *{want['path']}: " + ", ".join(
                f"{k} {a.get(k)!r} != {v!r}" for k, v in want.items() if k != "path" and a.get(k) != v)
                + (f" (reason: {a.get('reason')})" if a.get("reason") else ""))
    for a in arts:
        if a["status"] in ("partial", "unrecognized", "unreadable", "skipped") and not a.get("reason") \
                and a["status"] != "unrecognized":
            problems.append(f"artefact {a['path']} is {a['status']} without a reason")
        for seg in a.get("segments", []) or []:
            # a console banner ("Microsoft Windows [Version …]") is text of no kind: only a command's
            # output that is not understood, or understood in part, is a problem
            # a command that printed nothing ("$cred = Get-Credential") is skipped with that reason
            if seg["status"] == "skipped" and seg["first_line"] == 0:
                continue
            if seg["status"] == "partial" or (seg["status"] != "parsed" and seg.get("command")):
                problems.append(f"segment {a['path'].rsplit('/', 1)[-1]}:{seg['first_line']}-{seg['last_line']} "
                                f"({seg.get('command')}) is {seg['status']} as {seg['kind']}: {seg.get('reason')}")

    maps = rep.get("mappings", [])
    for want in expect.get("mappings", []):
        cands = [m for m in maps if m.get("drive") == want["drive"]]
        if not cands:
            problems.append(f"mapping {want['drive']} not listed")
        elif not any(all(m.get(k) == v for k, v in want.items()) for m in cands):
            m = cands[0]
            problems.append(f"mapping {want['drive']}: " + ", ".join(
                f"{k} {m.get(k)!r} != {v!r}" for k, v in want.items() if m.get(k) != v))

    if "report_language" in expect and rep.get("language") != expect["report_language"]:
        problems.append(f"report language {rep.get('language')!r}, expected {expect['report_language']!r}")

    secrets = expect.get("must_not_contain", [])
    outputs = [("json", out)]
    for fmt in ("text", "markdown"):
        for lang in ("en", "zh-CN"):
            fargs = ["analyze", "--format", fmt, "--lang", lang] + \
                [a for a in expect.get("args", []) if a != "--lang" and a not in ("en", "zh-CN")] + inputs_of(d, expect)
            frc, fout, ferr = run(fargs)
            if frc != rc:
                problems.append(f"--format {fmt} --lang {lang} exits {frc}, json exits {rc}")
            if not fout.strip():
                problems.append(f"--format {fmt} --lang {lang} printed nothing ({ferr[:200]})")
            outputs.append((f"{fmt}/{lang}", fout))
    for s in secrets:
        for what, text in outputs:
            if s in text:
                problems.append(f"secret {s!r} appears in the {what} report")
    return problems


def main():
    names = sys.argv[1:] or sorted(x for x in os.listdir(SCEN_DIR)
                                   if os.path.isfile(os.path.join(SCEN_DIR, x, "expect.json")))
    failed = 0
    for name in names:
        probs = check_scenario(name)
        if probs:
            failed += 1
            print(f"FAIL {name}")
            for p in probs:
                print(f"     - {p}")
        else:
            print(f"pass {name}")
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
