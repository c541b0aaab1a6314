#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json. The
# `node` devDependency brings Node 24, which every later npm script then runs on.
set -euo pipefail
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies…"
  npm ci --no-audit --no-fund --loglevel=error
fi
