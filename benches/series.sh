#!/usr/bin/env bash
# Whole-process timings of the series commands on a simulated 25-year collection, with the
# token cache warm (as `simulate series` and `corpus add` leave it): compare of two stored
# texts, timeline, lineage of the last year, and both together; median of 10 runs and peak
# memory. Figures go to docs/performance.md.
#
#   bash benches/series.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$(pwd)/target/release/decldiff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r corpora "$work/corpora"
export DECLDIFF_CACHE="$work/cache"
"$bin" --corpus "$work/corpora" simulate series --years 25 --collection sim >/dev/null
python3 - "$bin" "$work/corpora" <<'PY'
import os, statistics, subprocess, sys, time
bin_, corpus = sys.argv[1:]
def measure(args, runs=10):
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([bin_, "--corpus", corpus, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if status != 0:
            sys.exit(f"error: {' '.join(args)}: exit status {status}")
    return statistics.median(times) * 1000, max(peaks)
cases = [
    ("compare two stored texts", ["compare", "sim/sim-2001", "sim/sim-2025"]),
    ("timeline, 25 texts", ["timeline", "--collection", "sim"]),
    ("lineage of sim-2025", ["lineage", "sim-2025", "--collection", "sim"]),
    ("eval series (25 lineages)", ["eval", "series", "--collection", "sim"]),
]
total = 0.0
print(f"{'case':<30} {'median':>10} {'peak MiB':>9}")
for name, args in cases:
    ms, mib = measure(args)
    if name.startswith(("timeline", "lineage")):
        total += ms
    print(f"{name:<30} {ms:>8.1f}ms {mib:>9.1f}")
print(f"{'timeline + lineage':<30} {total:>8.1f}ms")
PY
