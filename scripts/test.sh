#!/bin/sh
# The whole test suite, as `./run test` runs it: formatting, lint, type check,
# unit and database tests (SQLite and PostgreSQL), the quick benchmarks, the
# resilience suite, browser end-to-end tests (with the page benchmark), then
# the install test (the packed packages in a fresh app).
# Exits non-zero on the first failure.
set -eu
cd "$(dirname -- "$0")/.."

START=$(date +%s)
step() { printf '\n[test] === %s === (%ss in)\n' "$*" "$(($(date +%s) - START))" >&2; }
say() { printf '[test] %s\n' "$*" >&2; }

# TestDatabases would otherwise try to start database containers; no Docker engine here.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

PG_HOST=127.0.0.1
PG_PORT=5432
postgres_answers() {
  node -e '
    const socket = require("node:net").connect(Number(process.argv[2]), process.argv[1]);
    socket.setTimeout(2000);
    socket.on("connect", () => { socket.end(); process.exit(0); });
    socket.on("timeout", () => process.exit(1));
    socket.on("error", () => process.exit(1));
  ' "$PG_HOST" "$PG_PORT"
}

if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  say "PostgreSQL tests use BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING from the environment"
elif postgres_answers; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@$PG_HOST:$PG_PORT"
  say "PostgreSQL answers on $PG_HOST:$PG_PORT; database tests run on SQLite and PostgreSQL 15"
elif [ "${CI:-}" = "true" ]; then
  say "ERROR: no PostgreSQL server answers on $PG_HOST:$PG_PORT, and CI must run the PostgreSQL database tests."
  say "Start PostgreSQL 15 there (user postgres, trust auth) or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING."
  exit 1
else
  say "NOTE: no PostgreSQL server answers on $PG_HOST:$PG_PORT; PostgreSQL database tests are SKIPPED, only SQLite runs."
fi

sh scripts/ensure-debian-tools.sh

step "generated OpenAPI code matches openapi.yaml"
yarn openapi:check

step "formatting (prettier)"
yarn prettier:check

step "lint"
yarn lint:all

step "type check"
# From scratch: the API reports below print inferred types, whose unions an
# incremental build may order differently.
rm -rf dist-types
yarn tsc

step "configuration schemas of every package load, and the config matches them"
yarn backstage-cli config:check --lax

step "Backstage packages on one release"
node scripts/check-one-release.mjs

step "publishable packages (backstage-cli repo fix --publish --check)"
yarn backstage-cli repo fix --publish --check

step "API reports match the packages' exports (yarn build:api-reports to update)"
yarn test:api-reports

step "changesets"
yarn test:changesets

step "unit and database tests"
yarn backstage-cli repo test --no-watch

step "benchmarks, quick sizes (targets fail the run; ./run bench for the full sizes)"
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  yarn bench --quick
  step "resilience: replicas, database outage, kill -9, sustained load (PostgreSQL)"
  yarn test:resilience
else
  yarn bench --quick --engine sqlite
  say "NOTE: the resilience suite needs PostgreSQL; SKIPPED (CI never skips it)."
fi

step "end-to-end tests (Playwright, Chromium)"
yarn test:e2e

step "install test: the packed packages in a freshly created Backstage app, new and legacy frontend system"
yarn test:install

say "all steps passed in $(($(date +%s) - START)) s"
