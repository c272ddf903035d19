#!/usr/bin/env bash
# The tests, as CI runs them: first what the browser test of the HTML report needs (Debian's
# Chromium, ChromeDriver and a CJK font; nothing if already there), then every test.
#   bash scripts/test.sh [cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-browser.sh
cargo test --locked "$@"
