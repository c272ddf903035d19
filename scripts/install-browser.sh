#!/usr/bin/env bash
# Installs what the browser test of the HTML report needs (tests/it/browser.rs): Debian's
# Chromium and ChromeDriver, and a CJK font so the screenshot shows the text, not boxes.
# Does nothing when they are already there. Needs root (or sudo) and Debian's package
# registry; CI (.ci/run) and the README's test command call it.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: installing ${need[*]} needs root or sudo" >&2; exit 1; }
  sudo=(sudo)
fi
echo "installing ${need[*]} (for the browser test of the HTML report)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
