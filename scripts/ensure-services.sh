#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis answer; starts them if they are installed but down.
# Skipped when DATABASE_URL / REDIS_URL point elsewhere (then they are your responsibility).
set -u
db_url="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/mle_screening}"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if [[ "$db_url" == *"@127.0.0.1:5432/"* || "$db_url" == *"@localhost:5432/"* ]]; then
  if ! pg_up; then
    echo "PostgreSQL is not answering on 127.0.0.1:5432; starting it"
    if command -v pg_ctlcluster >/dev/null; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
    pg_up || { echo "error: PostgreSQL is not running on 127.0.0.1:5432 and could not be started" >&2; exit 1; }
  fi
fi
if [[ "$redis_url" == "redis://127.0.0.1:6379"* || "$redis_url" == "redis://localhost:6379"* ]]; then
  if ! redis_up; then
    echo "Redis is not answering on 127.0.0.1:6379; starting it"
    if command -v redis-server >/dev/null; then
      mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    fi
    for _ in $(seq 1 30); do redis_up && break; sleep 1; done
    redis_up || { echo "error: Redis is not running on 127.0.0.1:6379 and could not be started" >&2; exit 1; }
  fi
fi
