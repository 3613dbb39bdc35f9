#!/usr/bin/env bash
# Starts a local PostgreSQL for the PostgreSQL test tier and prints the JDBC URL to use.
# Installs Debian's server when it is missing; prints nothing when no server can be started.
set -u
log() { echo "[postgres] $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian's postgresql"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
  fi
fi
command -v pg_ctlcluster >/dev/null 2>&1 || { log "no PostgreSQL server available"; exit 0; }

version=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >&2 || { log "could not create a cluster"; exit 0; }
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null 2>&1 \
  || { log "could not start cluster $version/main"; exit 0; }
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $*"; }
psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'tollgate'\"" | grep -q 1 \
  || psql_admin "-c \"CREATE ROLE tollgate LOGIN PASSWORD 'tollgate'\"" >&2
for database in tollgate tollgate_example; do
  psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$database'\"" | grep -q 1 \
    || psql_admin "-c \"CREATE DATABASE $database OWNER tollgate\"" >&2
done
log "PostgreSQL $version on port $port, databases tollgate (library tests) and tollgate_example (the example)"
echo "jdbc:postgresql://127.0.0.1:$port/tollgate"
