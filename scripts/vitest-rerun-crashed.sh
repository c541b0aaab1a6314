#!/usr/bin/env bash
# `vitest run "$@"`, and once more for any test file whose worker process was killed by a signal
# while no test failed. V8's WebAssembly JIT can crash a process that starts and closes many PGlite
# instances (intermittent SIGSEGV or V8 CHECK abort: nodejs/node#64500, electric-sql/pglite#1053);
# the server tests start one per test. A failing test, or a file that crashes again, still fails.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT

vitest run "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && exit 0

plain=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log")
if grep -qE '^ *(Test Files|Tests) .*failed' <<<"$plain"; then exit "$status"; fi
mapfile -t crashed < <(grep -oE 'Worker exited unexpectedly with signal SIG[A-Z]+ .* while running test file [^ ]+' <<<"$plain" |
  sed -E 's/.* while running test file //' | sort -u)
[ "${#crashed[@]}" -gt 0 ] || exit "$status"

printf '\nA test process was killed by a signal with no test failing (nodejs/node#64500); running once more:\n'
printf '  %s\n' "${crashed[@]}"
vitest run "$@" "${crashed[@]}"
