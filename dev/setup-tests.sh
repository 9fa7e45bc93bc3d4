#!/usr/bin/env bash
# Install everything the test suite needs: a virtualenv with reslint, its test extra and the
# dask extra (corpus mode is tested on a local 2-worker cluster), and
# (when this is a Debian machine we are root on) Debian's chromium for the HTML report's
# browser test. Without chromium that one test is skipped with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test,dask]'
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || echo "setup-tests: chromium could not be installed; the browser test will be skipped"
fi
