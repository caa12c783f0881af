#!/usr/bin/env bash
# Start the local servers the suite uses (PostgreSQL, Redis) and print the env to export.
set -euo pipefail
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$PGVER main"; then
  pg_createcluster "$PGVER" main >/dev/null
fi
pg_ctlcluster "$PGVER" main start >/dev/null 2>&1 || true
for _ in $(seq 1 120); do  # generous: CI cores are shared, a cold cluster can take a minute
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='autocrea'\" | grep -q 1 || psql -q -c \"CREATE ROLE autocrea LOGIN SUPERUSER PASSWORD 'autocrea'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='autocrea_test'\" | grep -q 1 || createdb -O autocrea autocrea_test"
if command -v redis-server >/dev/null && ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 60); do  # the Redis tests skip when it does not answer: wait for it
    redis-cli -p 6379 ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
echo "export TEST_DATABASE_URL=postgresql://autocrea:autocrea@127.0.0.1:5432/autocrea_test"
echo "export TEST_REDIS_URL=redis://127.0.0.1:6379/0"
