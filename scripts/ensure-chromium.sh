#!/bin/sh
# Makes sure Debian's Chromium is there for the browser tests and the page
# benchmark (no browser downloads here); installs it when running as root.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  printf '[chromium] installing Debian'"'"'s chromium package\n' >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  printf '[chromium] ERROR: Chromium is needed at %s: install the Debian package chromium (apt-get install chromium) or set CHROMIUM_PATH.\n' "$CHROMIUM" >&2
  exit 1
fi
