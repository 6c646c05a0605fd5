#!/bin/sh
# Makes sure the Debian packages the tests drive are there (no downloads of
# browsers or binaries here): Chromium for the browser tests and the page
# benchmark, Prometheus and Alertmanager for the measurement-source tests,
# aiosmtpd (a Python module run by Debian's python3) as the SMTP sink of the
# e-mail tests.
# Installs what is missing when running as root; otherwise names the packages.
# Usage: sh scripts/ensure-debian-tools.sh [chromium] [prometheus] [alertmanager] [smtp]
# (no argument: all four)
set -eu
[ $# -eq 0 ] && set -- chromium prometheus alertmanager smtp

missing=""
for tool in "$@"; do
  case "$tool" in
    chromium) binary="${CHROMIUM_PATH:-/usr/bin/chromium}"; package=chromium ;;
    prometheus) binary="${PROMETHEUS_PATH:-/usr/bin/prometheus}"; package=prometheus ;;
    alertmanager) binary="${ALERTMANAGER_PATH:-/usr/bin/prometheus-alertmanager}"; package=prometheus-alertmanager ;;
    # A Python module, not a binary: there when the Python imports it.
    smtp)
      package=python3-aiosmtpd
      "${SMTP_SINK_PYTHON:-/usr/bin/python3}" -c 'import aiosmtpd' 2>/dev/null ||
        [ -f /usr/lib/python3/dist-packages/aiosmtpd/__init__.py ] ||
        missing="$missing $package"
      continue
      ;;
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
  printf '[tools] ERROR: the tests need the Debian packages%s (apt-get install%s), or set CHROMIUM_PATH, PROMETHEUS_PATH, ALERTMANAGER_PATH and SMTP_SINK_PYTHON (a Python that imports aiosmtpd).\n' "$missing" "$missing" >&2
  exit 1
fi
