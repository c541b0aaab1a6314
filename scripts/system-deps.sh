#!/usr/bin/env bash
# Installs the system packages the test suite needs, when missing: Chromium (Playwright runs
# Debian's build; it cannot download its own here), PostgreSQL 15, Redis, and Python with
# scikit-learn for runs of generated code. Debian/Ubuntu as root only; elsewhere it says what to do.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
/usr/bin/python3 -c 'import sklearn, pandas' >/dev/null 2>&1 || need+=(python3-sklearn python3-pandas)
/usr/bin/python3 -c 'import nbformat' >/dev/null 2>&1 || need+=(python3-nbformat)
/usr/bin/python3 -m pyflakes --version >/dev/null 2>&1 || need+=(python3-pyflakes)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "The tests need these system packages: ${need[*]}" >&2
  echo "Install them with your package manager (Debian: apt-get install -y ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
