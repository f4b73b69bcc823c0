#!/usr/bin/env python3
"""Batch throughput benchmark (not a test): generates N realistic bundles
(variations of the demo case: zip bundles with UTF-16LE and OEM files, a
transcript, a .reg export), then runs `mdtriage batch` with --jobs 1 and
--jobs 2 and reports cases/second and peak RSS of a worker.

usage: tests/bench/bench.py [--cases N] [--mdtriage build/mdtriage]"""
import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "fixtures", "demo"))
os.chdir(tempfile.mkdtemp())  # make_demo writes its zip into the cwd
import make_demo  # noqa: E402  (builds the demo parts)


def bundle(i, rnd):
    srv = f"fs{rnd.randint(1, 40):02d}"
    files = []
    for name, data in make_demo.files:
        if name.endswith("netuse.txt"):
            text = make_demo.NET_USE.replace("fs02", srv)
            data = make_demo.utf16(text)
        files.append((f"ticket-{i}/{name.split('/', 1)[1]}", data))
    # a few cases also carry a large unrelated log and a nested zip
    if i % 7 == 0:
        files.append((f"ticket-{i}/logs/setupapi.dev.log", (b"[Device Install] noise line\r\n" * 20000)))
    if i % 11 == 0:
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("cmdkey.txt", make_demo.utf16(make_demo.CMDKEY))
        files.append((f"ticket-{i}/more.zip", inner.getvalue()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--mdtriage", default=os.path.join(here, "..", "..", "build", "mdtriage"))
    a = ap.parse_args()
    exe = os.path.abspath(a.mdtriage)
    rnd = random.Random(42)
    with tempfile.TemporaryDirectory() as d:
        cases = os.path.join(d, "cases")
        os.mkdir(cases)
        total = 0
        for i in range(a.cases):
            b = bundle(i, rnd)
            total += len(b)
            open(os.path.join(cases, f"case{i:05d}.zip"), "wb").write(b)
        print(f"input: {a.cases} bundles, {total / 1e6:.1f} MB zipped, in {cases}")
        results = {}
        for jobs in (1, 2):
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            p = subprocess.run([exe, "batch", "--jobs", str(jobs), "--cases-in", cases, "--summary",
                                "--no-progress", "--jsonl", os.path.join(d, f"out{jobs}.jsonl")],
                               capture_output=True)
            dt = time.monotonic() - t0
            if p.returncode != 0:
                print(p.stderr.decode()[-2000:])
                sys.exit(1)
            ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
            results[jobs] = dt
            print(f"--jobs {jobs}: {dt:.2f} s wall, {a.cases / dt:.1f} cases/s, "
                  f"{1000 * cpu / a.cases:.1f} ms CPU per case")
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"speed-up with 2 jobs: {results[1] / results[2]:.2f}x "
              f"(load average before the run: {os.getloadavg()[0]:.2f})")
        print(f"peak RSS of one process (largest child): {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
