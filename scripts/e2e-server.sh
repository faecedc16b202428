#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts webServer): a fresh database and queue prefix
# for this run, the built app on port 3107, and a worker. Everything is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
run_id="e2e_$(date +%s)_$$"
export NODE_ENV=production
export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/mle_screening_${run_id}"
export QUEUE_PREFIX="mle_${run_id}"
export PORT="${E2E_PORT:-3107}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
npm run -s db:migrate >/dev/null
# Demo users (one per role, password demo-password), the two demo requisitions and memberships;
# no résumés, so the worker is idle when the specs start.
npm run -s db:seed -- --no-resumes >/dev/null
# npm test builds once before Playwright starts; a direct `npx playwright test` builds here.
[ "${E2E_SKIP_BUILD:-}" = 1 ] || npx remix build >/dev/null
cleanup() {
  kill "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
  node --import tsx -e "import('./server/db/migrate.ts').then(m => m.dropDatabase(process.env.DATABASE_URL))" || true
  redis-cli --scan --pattern "${QUEUE_PREFIX}:*" | xargs -r redis-cli del >/dev/null || true
}
trap cleanup EXIT
trap 'exit 0' TERM INT
node --import tsx server/index.ts & web=$!
node --import tsx workers/index.ts & worker=$!
wait -n "$web" "$worker"
