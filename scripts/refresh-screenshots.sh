#!/usr/bin/env bash
# Refreshes the images in docs/ from the browser tests: they save their screenshots to
# target/tmp/screenshots/ (never into the repository), and this copies them over.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
cargo test --locked --test it browser
for image in report-screenshot.png timeline-chart.png; do
  cp "target/tmp/screenshots/$image" "docs/$image"
  echo "docs/$image refreshed"
done
