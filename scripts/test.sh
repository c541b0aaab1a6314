#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh machine. Installs what is missing (npm packages; Chromium,
# PostgreSQL 15, Redis, Python with scikit-learn via apt on Debian), type-checks and lints, runs
# unit and integration tests on embedded PGlite and again on a real PostgreSQL 15 started here,
# then builds the client and runs the Playwright end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
bash scripts/system-deps.sh
export PATH="$PWD/node_modules/.bin:$PATH"

source scripts/postgres-test-server.sh
trap stop_test_postgres EXIT
start_test_postgres

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Types and lint"
npm run --silent check

step "Unit and integration tests (server on embedded PGlite)"
DOMINOML_TEST_DB=pglite bash scripts/vitest-rerun-crashed.sh

step "Server integration tests on PostgreSQL 15"
DOMINOML_TEST_DB=postgres bash scripts/vitest-rerun-crashed.sh --project server

step "Build the client"
npm run --silent build

step "End-to-end tests in Chromium"
playwright test --config test/e2e/playwright.config.ts
