"""Hostile inputs end to end: every one must finish in bounded time and
memory, be accounted for in the report (skipped/unreadable with a reason, or
parsed harmlessly), and never make mdtriage write outside its output."""
import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from clitest import MDTRIAGE, check, finish  # noqa: E402

asan = os.environ.get("MDT_ASAN") == "1"
TIME_LIMIT = 120 if asan else 40
RSS_LIMIT_MB = 1500 if asan else 700


def analyze(paths, extra=(), cwd=None):
    """Runs analyze --format json in a child; returns (rc, report, seconds, peak MiB of that child)."""
    code = ("import resource,subprocess,sys,json,time;"
            "t=time.monotonic();p=subprocess.run(sys.argv[1:],capture_output=True);"
            "dt=time.monotonic()-t;"
            "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
            "sys.stdout.write(json.dumps({'rc':p.returncode,'out':p.stdout.decode('utf-8','replace'),"
            "'err':p.stderr.decode('utf-8','replace')[-2000:],'dt':dt,'rss':r}))")
    p = subprocess.run([sys.executable, "-c", code, MDTRIAGE, "analyze", "--format", "json", *extra, *paths],
                       capture_output=True, cwd=cwd, timeout=TIME_LIMIT * 3)
    res = json.loads(p.stdout)
    try:
        rep = json.loads(res["out"])
    except ValueError:
        rep = None
        print("no JSON; stderr:", res["err"], file=sys.stderr)
    return res["rc"], rep, res["dt"], res["rss"] / 1024.0


def bounded(name, rc, rep, dt, rss):
    check(rc in (0, 1, 3), f"{name}: exit {rc} (no crash)")
    check(rep is not None, f"{name}: a JSON report")
    check(dt < TIME_LIMIT, f"{name}: finished in {dt:.1f} s (< {TIME_LIMIT})")
    check(rss < RSS_LIMIT_MB, f"{name}: peak RSS {rss:.0f} MiB (< {RSS_LIMIT_MB})")
    print(f"{name}: exit {rc}, {dt:.2f} s, {rss:.0f} MiB", file=sys.stderr)


def statuses(rep):
    return {a["path"].rsplit("/", 1)[-1]: (a["status"], a["reason"] or "") for a in (rep or {}).get("artefacts", [])}


def zip_of(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for n, d in entries:
            z.writestr(n, d)
    return b.getvalue()


with tempfile.TemporaryDirectory() as d:
    work = os.path.join(d, "cwd")
    os.mkdir(work)

    # 1 GiB on a single line
    p = os.path.join(d, "oneline.txt")
    with open(p, "wb") as f:
        chunk = b"A" * (1 << 20)
        for _ in range(1024):
            f.write(chunk)
    r = analyze([p], cwd=work)
    bounded("1 GiB single line", *r)
    st = statuses(r[1]).get("oneline.txt", ("?", ""))
    check(st[0] in ("skipped", "unrecognized", "partial") and st[1], f"1 GiB line accounted for with a reason: {st}")
    os.remove(p)

    # 10 million short lines
    p = os.path.join(d, "lines.txt")
    with open(p, "wb") as f:
        f.write(b"x\r\n" * 10_000_000)
    r = analyze([p], cwd=work)
    bounded("10 million short lines", *r)
    check("lines.txt" in statuses(r[1]), "10M lines listed")
    os.remove(p)

    # zip bomb by ratio: 300 MB of zeros in one member
    p = os.path.join(d, "ratio.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("zeros.txt", "w", force_zip64=True) as m:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                m.write(block)
    r = analyze([p], cwd=work)
    bounded("zip bomb by ratio", *r)
    st = statuses(r[1]).get("zeros.txt", ("?", ""))
    check(st[0] == "skipped" and ("ratio" in st[1] or "cap" in st[1] or "limit" in st[1]),
          f"ratio bomb member skipped with a reason: {st}")

    # zip bomb by nesting: 12 levels
    data = b"New connections will be remembered.\r\n"
    for i in range(12):
        data = zip_of([(f"level{i}.zip" if i else "inner.txt", data)])
    p = os.path.join(d, "nested.zip")
    open(p, "wb").write(data)
    r = analyze([p], cwd=work)
    bounded("zip bomb by nesting", *r)
    deep = [a for a in (r[1] or {}).get("artefacts", []) if a["status"] == "skipped"]
    check(deep and any("depth" in (a["reason"] or "") or "nest" in (a["reason"] or "") for a in deep),
          "nesting beyond the depth cap is skipped with a reason")

    # member count: 30000 tiny members
    p = os.path.join(d, "many.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        for i in range(30000):
            z.writestr(f"m{i}.txt", b"x")
    r = analyze([p], cwd=work)
    bounded("30000 members", *r)
    arts = (r[1] or {}).get("artefacts", [])
    check(any(a["status"] == "skipped" and "member" in (a["reason"] or "") for a in arts),
          "member-count cap reported")
    check(len(arts) <= 10002, f"member-count cap bounds the inventory ({len(arts)})")

    # overlapping entries: two central-directory entries share one local file (Fifield-style)
    inner = b"A" * 5_000_000
    one = zip_of([("a.txt", inner)])
    eocd = one.rfind(b"PK\x05\x06")
    cd_off = struct.unpack("<I", one[eocd + 16:eocd + 20])[0]
    cd = one[cd_off:eocd]
    cd2 = cd.replace(b"a.txt", b"b.txt")
    n_eocd = bytearray(one[eocd:])
    struct.pack_into("<HHII", n_eocd, 8, 2, 2, len(cd) * 2, cd_off)
    p = os.path.join(d, "overlap.zip")
    open(p, "wb").write(one[:cd_off] + cd + cd2 + bytes(n_eocd))
    r = analyze([p], cwd=work)
    bounded("overlapping entries", *r)

    # billion laughs and external entities in Clixml-shaped XML
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + ']>\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
              '<Obj RefId="0"><Props><S N="LocalPath">&lol9;</S></Props></Obj></Objs>\n')
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">'
           '<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd;]>\n'
           '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
           '<Obj RefId="0"><TN RefId="0"><T>Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbGlobalMapping</T></TN>'
           '<Props><S N="LocalPath">Z:</S><S N="RemotePath">&xxe;</S><U32 N="Status">0</U32></Props></Obj></Objs>\n')
    open(os.path.join(d, "laughs.xml"), "w").write(laughs)
    open(os.path.join(d, "xxe.xml"), "w").write(xxe)
    r = analyze([os.path.join(d, "laughs.xml"), os.path.join(d, "xxe.xml")], cwd=work)
    bounded("billion laughs + XXE", *r)
    host = open("/etc/hostname").read().strip() if os.path.exists("/etc/hostname") else None
    rc, out, _ = r[0], json.dumps(r[1]), None
    check("lollollollollol" not in out, "entities are not expanded")
    if host and len(host) > 3:
        check(host not in out, "external entity file is not read")
    p2 = subprocess.run([MDTRIAGE, "facts", os.path.join(d, "xxe.xml"), os.path.join(d, "laughs.xml")],
                        capture_output=True, timeout=TIME_LIMIT)
    facts_out = p2.stdout.decode("utf-8", "replace")
    check("lollollollollol" not in facts_out and (not host or len(host) <= 3 or host not in facts_out),
          "facts output carries no expanded or external entity")

    # invalid UTF-16 (BOM, odd length, lone surrogates) and NULs in UTF-8 text
    open(os.path.join(d, "bad16.txt"), "wb").write(b"\xff\xfe" + "net use".encode("utf-16-le")
                                                     + b"\x00\xd8\x41\x00\x00\xdc" + b"\x41")
    open(os.path.join(d, "nuls.txt"), "wb").write(b"New connections will be remembered.\r\n\x00\x00\x00Status\x00\r\n")
    r = analyze([os.path.join(d, "bad16.txt"), os.path.join(d, "nuls.txt")], cwd=work)
    bounded("invalid UTF-16 and NULs", *r)
    check(len(statuses(r[1])) == 2, "both listed")

    # .reg with a 10 MB hex value
    hexval = ",".join(["00"] * (10 * 1024 * 1024 // 3))
    reg = ("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Network\\Z]\r\n"
           '"RemotePath"="\\\\\\\\fs01\\\\home"\r\n"Blob"=hex:' + hexval + "\r\n\r\n")
    open(os.path.join(d, "huge.reg"), "wb").write(b"\xff\xfe" + reg.encode("utf-16-le"))
    r = analyze([os.path.join(d, "huge.reg")], cwd=work)
    bounded(".reg with a 10 MB hex value", *r)
    check("huge.reg" in statuses(r[1]), ".reg listed")

    # truncated archive
    good = zip_of([(f"f{i}.txt", os.urandom(2000)) for i in range(20)])
    open(os.path.join(d, "trunc.zip"), "wb").write(good[: len(good) // 2])
    r = analyze([os.path.join(d, "trunc.zip")], cwd=work)
    bounded("truncated archive", *r)
    arts = (r[1] or {}).get("artefacts", [])
    check(any(a["status"] == "unreadable" and a["reason"] for a in arts), "truncation reported as unreadable")

    # hostile member names: traversal, absolute, NUL
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("../../../../tmp/mdtriage-escape.txt", b"hello\r\n")
        z.writestr("/etc/mdtriage-abs.txt", b"hello\r\n")
        z.writestr("C:\\Windows\\evil.txt", b"hello\r\n")
        z.writestr("nul\x01name.txt", b"hello\r\n")
    raw = b.getvalue().replace(b"nul\x01name", b"nul\x00name")
    open(os.path.join(d, "names.zip"), "wb").write(raw)
    r = analyze([os.path.join(d, "names.zip")], cwd=work)
    bounded("hostile member names", *r)
    check(not os.path.exists("/tmp/mdtriage-escape.txt") and not os.path.exists("/etc/mdtriage-abs.txt"),
          "no file written from member names")
    check(len((r[1] or {}).get("artefacts", [])) >= 4, "all hostile names listed")

    check(os.listdir(work) == [], "nothing written to the working directory")

finish()
