"""Golden-output tests: the text and markdown reports, in English and Simplified Chinese, of a few
cases (the demo bundle and three scenarios) compared byte for byte with the files in tests/golden/.

The reports run with NO_COLOR=1 and LANG/LC_* unset; the absolute path of the fixtures folder is
replaced by `$FIXTURES` before comparing, so the goldens do not depend on where the tree is checked out.

Regenerate after an intended change of the reports:
    MDT_UPDATE_GOLDEN=1 MDTRIAGE=build/mdtriage MDT_SRC=. /usr/bin/python3 tests/golden/test_golden.py
then review `git diff tests/golden/` before committing."""
import difflib
import os
import subprocess
import sys

SRC = os.environ.get("MDT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
MDTRIAGE = os.environ.get("MDTRIAGE", os.path.join(SRC, "build", "mdtriage"))
FIXTURES = os.path.realpath(os.environ.get("MDT_FIXTURES", os.path.join(SRC, "fixtures")))
GOLDEN = os.path.join(SRC, "tests", "golden")
UPDATE = os.environ.get("MDT_UPDATE_GOLDEN") == "1"


def scenario_inputs(name):
    d = os.path.join(FIXTURES, "scenarios", name)
    return [os.path.join(d, x) for x in sorted(os.listdir(d)) if x != "expect.json"]


# name -> (inputs, extra options)
CASES = {
    "demo": ([os.path.join(FIXTURES, "demo", "contoso-case.zip")], []),
    "a-persistent-off-zh-cp936": (scenario_inputs("a-persistent-off-zh-cp936"), ["--symptom", "disappears"]),
    "multi-drive-regexport": (scenario_inputs("multi-drive-regexport"), []),
    "zip-of-zips-cp936-names": (scenario_inputs("zip-of-zips-cp936-names"), []),
}
FORMATS = {"text": "txt", "markdown": "md"}
LANGS = ("en", "zh-CN")


def report(inputs, extra, fmt, lang):
    env = dict(os.environ)
    for k in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(k, None)
    env["NO_COLOR"] = "1"
    p = subprocess.run([MDTRIAGE, "analyze", "--format", fmt, "--lang", lang] + extra + inputs,
                       capture_output=True, env=env, timeout=300)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"exit {p.returncode}: {p.stderr.decode('utf-8', 'replace')[:300]}")
    out = p.stdout.decode("utf-8")
    return out.replace(FIXTURES, "$FIXTURES")


def main():
    failed = 0
    total = 0
    for name, (inputs, extra) in CASES.items():
        for fmt, ext in FORMATS.items():
            for lang in LANGS:
                total += 1
                path = os.path.join(GOLDEN, f"{name}.{lang}.{ext}")
                try:
                    got = report(inputs, extra, fmt, lang)
                except (RuntimeError, UnicodeDecodeError) as e:
                    print(f"FAIL {name} {fmt} {lang}: {e}")
                    failed += 1
                    continue
                if UPDATE:
                    with open(path, "w", encoding="utf-8", newline="") as f:
                        f.write(got)
                    print(f"wrote {os.path.relpath(path, SRC)}")
                    continue
                if not os.path.exists(path):
                    print(f"FAIL {name} {fmt} {lang}: {os.path.relpath(path, SRC)} missing "
                          f"(MDT_UPDATE_GOLDEN=1 creates it)")
                    failed += 1
                    continue
                want = open(path, encoding="utf-8", newline="").read()
                if got != want:
                    failed += 1
                    diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                f"golden/{os.path.basename(path)}", "now", n=1)
                    print(f"FAIL {name} {fmt} {lang}: report differs from {os.path.relpath(path, SRC)}")
                    sys.stdout.writelines(list(diff)[:60])
                else:
                    print(f"pass {name} {fmt} {lang}")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
