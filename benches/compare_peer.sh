#!/usr/bin/env bash
# Whole-process comparison of `decldiff compare` with the Python peer (shared/peers/py_baseline.py:
# jieba + difflib, what an analyst writes) on the same pairs, in one run: one pair, and 20 pairs in
# one invocation. Median of 5 runs each, peak memory of each process. decldiff is timed twice:
# cold (token cache off: it reads, converts and segments every text and loads jieba's
# dictionary) and warm (the texts' tokens cached by an earlier run, the common path for a
# researcher's corpus). Figures go to docs/performance.md.
#
#   bash benches/compare_peer.sh            # needs python3; sets up the peer's venv on first use
#
# PEER_VENV (default ~/.venvs/peer) and PEER (default ../shared/peers/py_baseline.py) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
peer=${PEER:-$root/../shared/peers/py_baseline.py}
venv=${PEER_VENV:-$HOME/.venvs/peer}
[ -f "$peer" ] || { echo "error: $peer: the Python peer is missing (set PEER)" >&2; exit 2; }
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$(dirname "$peer")/requirements.txt"
fi
cargo build --release --quiet
bin=$root/target/release/decldiff
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp corpora/sco/sco-2020.zh.txt "$work/base.txt"
for seed in $(seq 1 20); do
  "$bin" --corpus corpora simulate revision sco-2020 --seed "$seed" --edits heavy --out "$work/rev$seed" >/dev/null
  cp "$work/rev$seed/new.txt" "$work/rev$seed.txt"
done
revs=$(for s in $(seq 1 20); do printf '%s ' "$work/rev$s.txt"; done)

"$venv/bin/python" - "$bin" "$venv/bin/python" "$peer" "$work" $revs <<'PY'
import os, statistics, subprocess, sys, time
bin_, python, peer, work, *revs = sys.argv[1:]
base = f"{work}/base.txt"

cache = f"{work}/cache"

def measure(cmd, runs=5, env=None):
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)  # KiB -> MiB
        if status != 0:
            sys.exit(f"error: {' '.join(cmd[:3])}…: exit status {status}")
    return statistics.median(times), max(peaks)

cases = [
    ("one pair", [bin_, "compare", base, revs[0]], [python, peer, base, revs[0]]),
    ("20 pairs, one invocation", [bin_, "compare", base, *revs], [python, peer, "--against-first", base, *revs]),
]
cold = dict(os.environ, DECLDIFF_CACHE="off")
warm = dict(os.environ, DECLDIFF_CACHE=cache)
print(f"{'case':<26} {'peer':>9} {'cold':>9} {'ratio':>7} {'warm':>8} {'ratio':>7} {'MiB peer/cold/warm':>20}")
for name, ours, theirs in cases:
    subprocess.run(ours, stdout=subprocess.DEVNULL, env=warm, check=True)  # fill the cache
    (tp, mp), (tc, mc), (tw, mw) = measure(theirs), measure(ours, env=cold), measure(ours, env=warm)
    print(f"{name:<26} {tp*1000:>7.1f}ms {tc*1000:>7.1f}ms {tp/tc:>6.1f}x {tw*1000:>6.1f}ms {tp/tw:>6.1f}x {mp:>8.1f}/{mc:.1f}/{mw:.1f}")
PY
