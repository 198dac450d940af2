#!/usr/bin/env python3
"""Ratios from BenchmarkDotNet's GitHub-markdown results (bench/OnyxGen.Benchmarks/BenchmarkDotNet.Artifacts/results).

Medians, not means: the machine these run on is shared, and the median resists the outliers that other load causes.
Usage: python3 bench/summarize.py [results-dir]
"""
import glob
import os
import re
import sys

RESULTS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "OnyxGen.Benchmarks", "BenchmarkDotNet.Artifacts", "results")
UNITS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
SIZES = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def seconds(text):
    number, unit = text.replace(",", "").split()
    return float(number) * UNITS[unit]


def size(text):
    number, unit = text.replace(",", "").split()
    return float(number) * SIZES[unit]


def table(name):
    paths = glob.glob(os.path.join(RESULTS, f"*{name}-report-github.md"))
    if not paths:
        return None
    rows, header, param = [], None, None
    current = None
    for line in open(paths[0], encoding="utf-8"):
        if not line.startswith("|") or set(line.strip()) <= set("|-: "):
            continue
        cells = [re.sub(r"\*\*", "", c).strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        if not row.get("Method"):
            continue
        params = [h for h in header[1:header.index("Mean")]]
        key = tuple(row[p] for p in params)
        rows.append((key, row))
    return rows


def fmt_time(s):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:,.3g} {unit}"
    return f"{s:.3g} s"


def show(name, baseline_of):
    rows = table(name)
    if rows is None:
        print(f"## {name}: no results\n")
        return
    print(f"## {name} (median; ratio to {baseline_of})\n")
    print("| Params | Method | Median | Ratio | Allocated |")
    print("|---|---|---:|---:|---:|")
    groups = {}
    for key, row in rows:
        groups.setdefault(key, []).append(row)
    for key, group in groups.items():
        base = next((r for r in group if r["Method"] == baseline_of), group[0])
        base_t = seconds(base.get("Median") or base["Mean"])
        for r in group:
            t = seconds(r.get("Median") or r["Mean"])
            print(f"| {' '.join(key)} | {r['Method']} | {fmt_time(t)} | {t / base_t:.2f} | {r.get('Allocated', '')} |")
    print()


show("GeneratorColdBenchmarks", "Limit_JsonDocumentParse")
show("IncrementalBenchmarks", "Cold")
show("AnalyzerBenchmarks", "CompilerOnly")
show("SerializationBenchmarks", "Alternative_StjSourceGenPoco")
show("ProvisioningBenchmarks", "Baseline_BareHttpClient")
