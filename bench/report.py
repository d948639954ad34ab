#!/usr/bin/env python3
"""bench/report.py RUN_DIR: the Markdown tables of bench/run.sh from its raw files.

Reads RUN_DIR/meta.txt, manifest.tsv, KEY.I.time (/usr/bin/time -v), KEY.I.out
(stdout: the peers' and extract_only's JSON lines), startup-*.json (hyperfine)
or startup-*.us (date loop), triples.txt.  MB = 10^6 bytes of article text
(the "text" fields), as in ../shared/bench/README.md; MiB for memory.
"""
import glob
import json
import os
import re
import statistics
import sys

run = sys.argv[1]


def read(name, default=""):
    try:
        with open(os.path.join(run, name), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


meta = dict(l.split("=", 1) for l in read("meta.txt").splitlines() if "=" in l)
text_bytes = int(meta["text_bytes"])
articles = int(meta["articles"])
triples = int(read("triples.txt", "0") or 0)
nq_bytes = int(read("nquads-bytes.txt", "0") or 0)


def parse_time(path):
    r = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1].split(":")
                s = 0.0
                for part in v:
                    s = s * 60 + float(part)
                r["wall"] = s
            elif line.startswith("User time"):
                r["user"] = float(line.rsplit(": ", 1)[1])
            elif line.startswith("System time"):
                r["sys"] = float(line.rsplit(": ", 1)[1])
            elif line.startswith("Maximum resident set size"):
                r["rss"] = int(line.rsplit(": ", 1)[1]) / 1024.0
            elif line.startswith("Exit status"):
                r["exit"] = int(line.rsplit(": ", 1)[1])
    return r


def runs(key):
    out = []
    for p in sorted(glob.glob(os.path.join(run, f"{key}.*.time"))):
        r = parse_time(p)
        js = None
        try:
            with open(p[: -len(".time")] + ".out", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("{"):
                        js = json.loads(line)
        except (OSError, ValueError):
            pass
        r["json"] = js
        out.append(r)
    return out


def med(rs, k):
    return statistics.median(r[k] for r in rs)


def fmt(x, nd=None):
    if x is None:
        return "—"
    if nd is None:
        nd = 2 if x < 10 else 1 if x < 1000 else 0
    return f"{x:,.{nd}f}"


def startup(what):
    js = read(f"startup-{what}.json")
    if js:
        t = json.loads(js)["results"][0]["times"]
        return [x * 1000 for x in t], "hyperfine"
    us = read(f"startup-{what}.us")
    if us:
        return [int(x) / 1000 for x in us.split()], "date loop"
    return [], ""


rows = []
results = {}
manifest = [l.split("\t") for l in read("manifest.tsv").splitlines() if l]
for key, label, kind, corpus, notes in manifest:
    if kind == "startup":
        t, how = startup("tiny")
        te, _ = startup("empty")
        tt, _ = startup("turtle")
        rss = runs("startup-rss")
        m = statistics.median(t) if t else None
        results["startup_ms"] = m
        n = f"median of {len(t)} ({how}), min {fmt(min(t))} ms; empty input {fmt(statistics.median(te))} ms" if t else "not run"
        if t and tt:
            n += f"; to Turtle (through detente-rdf) {fmt(statistics.median(tt))} ms"
        rows.append([label, corpus, "—", "—", "—", fmt(rss[0]["rss"], 1) if rss else "—",
                     f"**{fmt(m)} ms** start-up, lexicon load + 1 article: {n}"])
        continue
    if kind == "none":
        rows.append([label, corpus, "—", "—", "—", "—",
                     "not separately measurable: `detente extract` always writes (no --no-output yet)"])
        continue
    rs = runs(key)
    if not rs:
        continue
    wall, user = med(rs, "wall"), med(rs, "user")
    rss = max(r["rss"] for r in rs)
    nruns = f"median of {len(rs)} runs" if len(rs) > 1 else "1 run"
    bad = [r.get("exit", 0) for r in rs if r.get("exit", 0)]
    if kind == "peer":
        js = rs[0]["json"] or {}
        tb, na = js.get("text_bytes", 0), js.get("articles", 0)
        inproc = statistics.median(r["json"]["MBps_inproc"] for r in rs if r["json"]) if js else None
        extra = []
        for k in ("entities", "custom_entities", "people", "places", "orgs"):
            if js.get(k):
                extra.append(f"{k} {js[k]:,}")
        n = f"wall {fmt(wall)} s ({nruns}); in-process {fmt(inproc)} MB/s; " + ", ".join(extra)
        if notes:
            n = notes + "; " + n
        corpus = corpus if "first" in corpus or "--quick" in corpus else f"{tb / 1e6:.2f} MB ({na} art.)"
        if na != articles or tb != text_bytes:
            corpus = f"{tb / 1e6:.2f} MB ({na} art.)" + (f", {corpus.split(': ', 1)[1]}" if ": " in corpus else "")
        rows.append([label, corpus, fmt(tb / 1e6 / wall), fmt(na / wall, 0), "—", fmt(rss, 1), n])
        results[key] = dict(wall=wall, rss=rss)
        continue
    mbs = text_bytes / 1e6 / wall
    cpu = statistics.median(r["user"] + r["sys"] for r in rs)
    results[key] = dict(wall=wall, user=user, rss=rss, mbs=mbs, cpu_mbs=text_bytes / 1e6 / cpu)
    n = f"wall {fmt(wall)} s, user+sys {fmt(cpu)} s = {fmt(text_bytes / 1e6 / cpu)} MB/s of CPU ({nruns})"
    tps = None
    if key.startswith("e2e"):
        tps = triples / wall if triples else None
        if key == "e2e-j2" and "e2e-j1" in results:
            n += f"; {results['e2e-j1']['wall'] / wall:.2f}x -j 1"
        if key == "e2e-j1" and triples:
            n += f"; {triples:,} triples, {nq_bytes / 1e6:,.0f} MB of N-Quads ({nq_bytes / text_bytes:.0f}x input)"
    if kind == "extract_only":
        ins = [r["json"] for r in rs if r["json"]]
        if ins:
            ip = statistics.median(j["MBps_inside"] for j in ins)
            lx = statistics.median(j["lexicon_s"] for j in ins) * 1000
            n += f"; inside the calls {fmt(ip)} MB/s; lexicon {fmt(lx)} ms"
            results[key]["inside"] = ip
    if bad:
        n += f"; EXIT STATUS {bad}"
    rows.append([label, corpus, fmt(mbs), fmt(articles / wall, 0), fmt(tps, 0) if tps else "—", fmt(rss, 1),
                 n + (f"; {notes}" if notes else "")])

hdr = ["tool", "corpus", "MB/s", "articles/s", "triples/s", "peak RSS MiB", "notes"]
lines = [f"## detente benchmark, {meta['mb']} MiB corpus ({meta['date']})", ""]
lines.append(f"Machine: {meta['host_cpus']} CPUs ({meta.get('cpu', '?')}), load average {meta['loadavg']} at start; "
             f"{meta.get('version', '')} at {meta['git']} ({meta.get('binary', '')}). MB = 10^6 bytes of article text "
             f"({text_bytes / 1e6:.2f} MB, {articles:,} articles); whole-process wall time (/usr/bin/time -v).")
busy = read("busy-ps.txt")
if busy:
    lines.append("")
    lines.append("Other busy processes at start (not ours, left running): " +
                 "; ".join("`" + re.sub(r"\s+", " ", b.strip()) + "`" for b in busy.splitlines()))
lines += ["", "| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
lines += ["| " + " | ".join(r) + " |" for r in rows]

# ---- targets ----
def verdict(ok):
    return "—" if ok is None else ("PASS" if ok else "MISS")


tg = []
x = results.get("x-facts")
tg.append(["extraction alone (text -> facts in memory), one core", ">= 100 MB/s",
           f"{fmt(x['mbs'])} MB/s ({fmt(x['cpu_mbs'])} per CPU s)" if x else "not measurable", verdict(x['mbs'] >= 100 if x else None)])
e1, e2 = results.get("e2e-j1"), results.get("e2e-j2")
tg.append(["end to end to N-Quads, one core (-j 1)", ">= 20 MB/s", f"{fmt(e1['mbs'])} MB/s ({fmt(e1['cpu_mbs'])} per CPU s)" if e1 else "—",
           verdict(e1["mbs"] >= 20 if e1 else None)])
drss = [results[k]["rss"] for k in ("e2e-j1", "e2e-j2", "x-facts") if k in results]
big = int(meta["mb"]) >= 1000
if drss:
    tg.append(["peak RSS on the 1 GB corpus", "<= 64 MiB",
               f"{fmt(max(drss), 1)} MiB" + ("" if big else f" (on {meta['mb']} MiB, not 1 GB)"),
               verdict(max(drss) <= 64) + ("" if big else " (at this size)")])
su = results.get("startup_ms")
tg.append(["start-up, lexicon loading included", "<= 10 ms", f"{fmt(su)} ms" if su else "—",
           verdict(su <= 10 if su else None)])
if e1 and e2:
    sp = e1["wall"] / e2["wall"]
    tg.append(["-j 2 (both cores) vs one core", ">= 1.8x", f"{sp:.2f}x", verdict(sp >= 1.8) +
               (" (a core was busy, see above)" if busy else "")])
lines += ["", "| target | goal | measured | |", "|---|---|---|---|"]
lines += ["| " + " | ".join(t) + " |" for t in tg]

perf = read("perf-top.txt")
if perf:
    lines += ["", "Top symbols, `perf record -g` on `detente extract -f nquads -j 1` (self time):", "", "```"]
    lines += [re.sub(r"\s+-\s+-\s*$", "", l.strip()) for l in perf.splitlines()[:10]] + ["```"]
print("\n".join(lines))
