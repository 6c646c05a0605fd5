#!/bin/sh
# Makes sure the Debian packages the tests drive are there (no downloads of
# browsers or binaries here): Chromium for the browser tests and the page
# benchmark, Prometheus and Alertmanager for the measurement-source tests.
# Installs what is missing when running as root; otherwise names the packages.
# Usage: sh scripts/ensure-debian-tools.sh [chromium] [prometheus] [alertmanager]
# (no argument: all three)
set -eu
[ $# -eq 0 ] && set -- chromium prometheus alertmanager

missing=""
for tool in "$@"; do
  case "$tool" in
    chromium) binary="${CHROMIUM_PATH:-/usr/bin/chromium}"; package=chromium ;;
    prometheus) binary="${PROMETHEUS_PATH:-/usr/bin/prometheus}"; package=prometheus ;;
    alertmanager) binary="${ALERTMANAGER_PATH:-/usr/bin/prometheus-alertmanager}"; package=prometheus-alertmanager ;;
    *) printf '[tools] ERROR: unknown tool %s\n' "$tool" >&2; exit 2 ;;
  esac
  [ -x "$binary" ] || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  printf '[tools] installing Debian packages:%s\n' "$missing" >&2
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  printf '[tools] ERROR: the tests need the Debian packages%s (apt-get install%s), or set CHROMIUM_PATH, PROMETHEUS_PATH and ALERTMANAGER_PATH.\n' "$missing" "$missing" >&2
  exit 1
fi
