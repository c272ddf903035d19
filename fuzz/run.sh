#!/usr/bin/env bash
# Runs the fuzz targets (not part of CI). Usage: bash fuzz/run.sh [SECONDS per target, default 600]
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The machine has only a stable toolchain;
# RUSTC_BOOTSTRAP=1 lets it accept the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
mkdir -p corpus/read corpus/align corpus/compare
# Seeds: the shipped texts and an illustrative revision, whole and joined by the 0xFF separator.
cp ../corpora/sco/sco-2020.zh.txt corpus/read/sco-2020.txt
cp ../tests/fixtures/case01.old.txt corpus/read/case01.txt
for target in align compare; do
  { cat ../tests/fixtures/case01.old.txt; printf '\377'; cat ../tests/fixtures/case01.new.txt; } > "corpus/$target/case01"
done
for target in read align compare; do
  echo "== $target ($seconds s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+.*(INITED|DONE|pulse)|stat::|==|SUMMARY|Test unit written)" || true
done
