#!/usr/bin/env bash
# Installs what the Word redline test needs (tests/it/docx.rs): Debian's LibreOffice Writer,
# which opens the .docx of `decldiff report --format docx` and converts it to PDF, text and
# ODT, and a CJK font so the PDF shows the text, not boxes. Does nothing when they are already
# there. Needs root (or sudo) and Debian's package registry; CI (.ci/run) and the README's
# test command call it.
set -euo pipefail
office=no
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || office=yes
font=no
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || font=yes
if [ "$office" = no ] && [ "$font" = no ]; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: installing LibreOffice Writer needs root or sudo" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
need=()
if [ "$office" = yes ]; then
  # The build without a desktop where Debian has one (bookworm and later), else the usual one.
  if apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
    need+=(libreoffice-writer-nogui)
  else
    need+=(libreoffice-writer)
  fi
fi
[ "$font" = yes ] && need+=(fonts-wqy-microhei)
echo "installing ${need[*]} (for the Word redline test)" >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
