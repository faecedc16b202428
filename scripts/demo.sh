#!/usr/bin/env bash
# The one command from a fresh clone to a running product: install, migrate, seed demo data,
# start the web app and the worker. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s db:seed
port="${PORT:-3000}"
echo
echo "  MLE Screening is starting on http://127.0.0.1:${port}  (Ctrl-C to stop)"
echo "  Sign in as admin@demo.test, recruiter@demo.test or manager@demo.test (password: demo-password)"
echo
exec node scripts/start.mjs
