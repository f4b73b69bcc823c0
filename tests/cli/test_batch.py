"""mdtriage batch over many generated cases: input order whatever the
parallelism, per-case statuses, summary counts, JUnit validity, shards that
partition the cases, exit statuses, timeouts and memory limits."""
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from clitest import (REG_NETWORK_Z_ONLY, NETUSE_L_UNAVAILABLE, SRC, check, crlf, finish, run, utf16)

xsd = os.path.join(SRC, "tests", "cli", "junit.xsd")
asan = os.environ.get("MDT_ASAN") == "1"


def zip_bytes(files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return b.getvalue()


with tempfile.TemporaryDirectory() as d:
    cases_dir = os.path.join(d, "cases")
    os.mkdir(cases_dir)
    kinds = {}
    for i in range(40):
        name = f"case{i:03d}"
        k = i % 5
        if k == 0:      # folder with a failing drive
            p = os.path.join(cases_dir, name)
            os.mkdir(p)
            open(os.path.join(p, "netuse.txt"), "wb").write(utf16(NETUSE_L_UNAVAILABLE))
            open(os.path.join(p, "network.reg"), "wb").write(utf16(REG_NETWORK_Z_ONLY))
        elif k == 1:    # zip bundle with the same evidence
            p = os.path.join(cases_dir, name + ".zip")
            open(p, "wb").write(zip_bytes({"netuse.txt": utf16(NETUSE_L_UNAVAILABLE),
                                           "logs/network.reg": utf16(REG_NETWORK_Z_ONLY)}))
        elif k == 2:    # corrupt zip
            p = os.path.join(cases_dir, name + ".zip")
            good = zip_bytes({"netuse.txt": crlf(NETUSE_L_UNAVAILABLE)})
            open(p, "wb").write(good[:len(good) // 2] + b"\x00garbage" * 10)
        elif k == 3:    # many members: the member cap applies
            p = os.path.join(cases_dir, name + ".zip")
            open(p, "wb").write(zip_bytes({f"f{j}.txt": b"hello\r\n" for j in range(30)}))
        else:           # unrelated text only
            p = os.path.join(cases_dir, name + ".txt")
            open(p, "wb").write(b"nothing to see here\r\n")
        kinds[p] = k
    order = sorted(kinds)

    jl = os.path.join(d, "out.jsonl")
    ju = os.path.join(d, "out.xml")
    rc, out, err = run(["batch", "--cases-in", cases_dir, "--jobs", "2", "--jsonl", jl, "--junit", ju,
                        "--summary", "--max-members", "10", "--no-progress"])
    check(rc == 0, f"batch exit 0 when every case was analysed (got {rc}: {err[-300:]})")
    lines = [json.loads(l) for l in open(jl)]
    recs = [r for r in lines if "case" in r]
    summ = [r["summary"] for r in lines if "summary" in r]
    check([r["case"] for r in recs] == order, "JSONL in input order")
    check(all(r["status"] == "ok" for r in recs), "every case analysed")
    check(all(r["report"]["schema"] == "mdtriage.report/1" for r in recs), "each line carries the report")
    by = {r["case"]: r for r in recs}
    corrupt = [by[p] for p in order if kinds[p] == 2]
    check(all(any(a["status"] in ("unreadable", "partial") for a in r["report"]["artefacts"]) for r in corrupt),
          "corrupt bundles list an unreadable artefact")
    capped = [by[p] for p in order if kinds[p] == 3]
    check(all(any(a["status"] == "skipped" for a in r["report"]["artefacts"]) for r in capped),
          "member cap marks members skipped")
    check(len(summ) == 1 and summ[0]["cases"] == 40 and summ[0]["errors"] == 0, "summary record counts cases")
    failing = [by[p] for p in order if kinds[p] in (0, 1)]
    check(all(r["exit"] == 1 for r in failing), "cases with a failing drive report findings (exit 1)")
    check(summ and summ[0]["with_findings"] >= len(failing), "summary counts cases with findings")
    ids = {e["key"]: e["count"] for e in summ[0]["findings"]} if summ else {}
    check(ids.get("solution-A", 0) >= len(failing), f"summary counts solution-A per case ({ids})")
    x = subprocess.run(["xmllint", "--noout", "--schema", xsd, ju], capture_output=True)
    check(x.returncode == 0, "batch junit validates: " + x.stderr.decode()[:300])
    check("cases 40:" in out, "summary table on stdout when JSONL goes to a file")

    # determinism: one job gives the same records
    rc1, out1, _ = run(["batch", "--cases-in", cases_dir, "--jobs", "1", "--max-members", "10"])
    recs1 = [json.loads(l) for l in out1.splitlines()]
    strip = lambda r: (r["case"], r["status"], r["exit"], json.dumps(r["report"], sort_keys=True))
    check([strip(r) for r in recs1] == [strip(r) for r in recs], "--jobs 1 and --jobs 2 give the same results")

    # shards partition the cases
    seen = []
    for k in (1, 2, 3):
        rc, out, err = run(["batch", "--cases-in", cases_dir, "--shard", f"{k}/3"])
        seen += [json.loads(l)["case"] for l in out.splitlines()]
    check(sorted(seen) == order, "shards 1..3 of 3 cover every case exactly once")
    rc, out, err = run(["batch", "--cases-in", cases_dir, "--shard", "4/3"])
    check(rc == 2, "bad shard is a usage error")

    # list file and stdin
    lst = os.path.join(d, "list.txt")
    open(lst, "w").write("\n".join(order[:5]) + "\n")
    rc, out, err = run(["batch", "--list", lst])
    check([json.loads(l)["case"] for l in out.splitlines()] == order[:5], "--list FILE")
    rc, out, err = run(["batch", "--list", "-"], stdin="\n".join(order[5:8]).encode())
    check([json.loads(l)["case"] for l in out.splitlines()] == order[5:8], "--list - reads stdin")

    # gating
    rc, out, err = run(["batch", "--fail-on-finding", order[0]])
    check(rc == 1, "--fail-on-finding fails on a case with findings")
    rc, out, err = run(["batch", "--fail-on-finding", order[4]])
    check(rc == 0, "--fail-on-finding passes a case without findings")

    # a case that cannot finish in time: status error with a reason, the next case still runs
    slow = os.path.join(d, "slow.txt")
    with open(slow, "wb") as f:
        f.write(b"x\r\n" * 10_000_000)
    rc, out, err = run(["batch", "--jobs", "1", "--timeout", "0.3", slow, order[4]])
    recs = [json.loads(l) for l in out.splitlines()]
    check(rc == 1 and len(recs) == 2 and recs[0]["status"] == "error"
          and "timed out" in (recs[0]["reason"] or "") and recs[1]["status"] == "ok",
          "a timeout becomes that case's status error and the run goes on")
    os.remove(slow)

    if not asan:
        # 60 MB of text in a worker limited to 48 MB of address space: the case ends
        # either as status error or with the file recorded as not read for lack of memory
        big = os.path.join(d, "big.txt")
        with open(big, "wb") as f:
            f.write((b"x" * 1023 + b"\n") * (60 * 1024))
        rc, out, err = run(["batch", "--max-memory", "48M", big, order[4]])
        recs = [json.loads(l) for l in out.splitlines()]
        ok0 = recs and (recs[0]["status"] == "error" or any(
            "memory" in (a["reason"] or "") for a in recs[0]["report"]["artefacts"]))
        check(len(recs) == 2 and ok0 and recs[1]["status"] == "ok",
              "memory limit: the big case fails cleanly, the next case is analysed")

finish()
