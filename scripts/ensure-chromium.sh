#!/usr/bin/env bash
# A Chromium for the HTML report's browser test (test/report/html-browser.test.ts), which
# playwright-core drives without downloading a browser of its own. Fast when one is there (the
# usual case: nothing to do); else, as root on Debian, installs Debian's `chromium` (~1 min);
# else says why, and the test skips saying the same (under CI=true it fails instead).
set -euo pipefail
if [ -n "${KEYWARDEN_CHROMIUM:-}" ]; then exit 0; fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no Chromium here, and installing one needs root and apt-get: the browser test will be skipped (or set KEYWARDEN_CHROMIUM)" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the HTML report's browser test" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Recommends (the setuid sandbox, desktop integration) are not needed headless: half the download.
apt-get install -y -qq --no-install-recommends chromium >/dev/null
