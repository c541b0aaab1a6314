#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json. The
# `node` devDependency brings Node 24, which every later npm script then runs on.
#
# `npm install`, not `npm ci`: the registry these machines reach serves only the platform builds
# of optional native packages (biome, rollup, esbuild) for this platform, so the lock file cannot
# list the others, and `npm ci` refuses a lock without them. `npm install` follows the lock.
set -euo pipefail
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies…"
  npm install --no-audit --no-fund --loglevel=error
fi
