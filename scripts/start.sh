#!/usr/bin/env bash
# `npm start`: install what is missing, build the client when its sources changed, then serve on
# embedded PGlite (DATA_DIR, default ./data) unless DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
export PATH="$PWD/node_modules/.bin:$PATH"
if [ ! -f dist/client/index.html ] || [ -n "$(find client shared workers package-lock.json -newer dist/client/index.html -type f -print -quit)" ]; then
  echo "Building the client…"
  npm run --silent build
fi
exec node server/main.ts
