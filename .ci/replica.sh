#!/usr/bin/env bash
# A streaming read replica of the main PostgreSQL cluster (127.0.0.1:5432), on port 5433, for
# the replication tests (REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres).
# Idempotent: a second run only makes sure it is running.
set -euo pipefail

VERSION=$(ls /etc/postgresql | head -n1)
BIN=/usr/lib/postgresql/$VERSION/bin
PRIMARY_HBA=/etc/postgresql/$VERSION/main/pg_hba.conf
PORT=5433
DATA=/var/lib/postgresql/$VERSION/replica5433
LOG=/var/log/postgresql/postgresql-$VERSION-replica5433.log

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The primary must accept replication connections from 127.0.0.1 (trust, as its other entries).
# pg_hba.conf is read top down, first match wins: the entry goes first, so that a packaged
# `host replication ... scram-sha-256` line below it cannot ask the copy for a password.
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$PRIMARY_HBA"; then
  sed -i '1i host replication all 127.0.0.1/32 trust' "$PRIMARY_HBA"
  psql -h 127.0.0.1 -p 5432 -U postgres -qAtc 'SELECT pg_reload_conf()' >/dev/null
fi

if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  in_recovery=$(psql -h 127.0.0.1 -p "$PORT" -U postgres -qAtc 'SELECT pg_is_in_recovery()')
  [ "$in_recovery" = t ] || { echo "port $PORT answers but is not a replica" >&2; exit 1; }
  echo "replica on $PORT is running"
  exit 0
fi

if [ ! -f "$DATA/standby.signal" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA" && chmod 700 "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
  # -R writes primary_conninfo and standby.signal; -X stream copies the WAL made meanwhile.
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$DATA" -R -X stream -c fast
fi
# Debian keeps a cluster's configuration in /etc, so the copy has none: a minimal one of its own.
if [ ! -f "$DATA/postgresql.conf" ]; then
  cat >"$DATA/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
CONF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$DATA/pg_hba.conf"
  [ "$(id -u)" = 0 ] && chown postgres: "$DATA/postgresql.conf" "$DATA/pg_hba.conf"
fi
touch "$LOG" && chown postgres "$LOG" 2>/dev/null || true
as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
pg_isready -h 127.0.0.1 -p "$PORT"
