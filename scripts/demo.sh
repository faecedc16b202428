#!/usr/bin/env bash
# The one command from a fresh clone to a running product: install, migrate, seed demo data,
# start the web app and the worker. Ctrl-C stops both.
# DATABASE_URL, QUEUE_PREFIX and PORT may be set to run a second demo beside another one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s db:seed
port="${PORT:-3000}"
echo
echo "  MLE Screening is starting on http://127.0.0.1:${port}  (Ctrl-C to stop)"
echo
npm run -s db:seed -- --banner
echo
echo "  The résumés are read by the worker now: the table fills in over a minute or two."
echo "  portfolio-photo.pdf is the example of a file that cannot be read (a phone photo cut short):"
echo "  it shows its reason instead of a score, as do the encrypted, corrupt and empty files."
echo
# Readable log lines for people watching the demo; production (npm start) keeps JSON lines.
export LOG_FORMAT="${LOG_FORMAT:-pretty}"
exec node scripts/start.mjs
