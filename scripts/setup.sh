#!/usr/bin/env bash
# Install dependencies, make sure PostgreSQL and Redis are up, migrate, build. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (about a minute on a fresh machine)…"
  # npm ci refuses this lockfile here (other platforms' optional packages are absent from the
  # registry mirror, STACK-NOTES); install honours the lockfile all the same.
  npm install --no-audit --no-fund --loglevel=error
fi
npx prisma generate >/dev/null
npm run -s db:migrate
echo "Building the web app…"
npx remix build >/dev/null
