#!/usr/bin/env bash
# The soak: builds the library, the example and this module; starts the example on http://127.0.0.1:8080 with a
# fresh database and a fixed heap; runs mixed traffic from four workers on loopback for SOAK_SECONDS (600 by
# default; CI runs 30), bounded in time, with the server's RSS sampled every 5 s (Soak.java says what each
# round does); stops the server. Exits non-zero on any error, or, for five minutes or more, when the RSS of the
# last third of the run is over 5 % above the first third's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${SOAK_SECONDS:-600}
data="$root/benchmarks/target/soak-data"
if [ "${SOAK_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests
  mvn -B -q -f webapp-example package -DskipTests -Dexample.dataDir="$data"
  mvn -B -q -f benchmarks package
fi
rm -rf "$data"
mkdir -p "$root/benchmarks/target/tmp"
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -Djava.io.tmpdir="$root/benchmarks/target/tmp" \
  -jar webapp-example/target/payara-micro.jar --deploy webapp-example/target/tollgate-example.war --contextroot / \
  --port 8080 --prebootcommandfile webapp-example/target/payara/preboot.asadmin --nohazelcast --disablephonehome \
  > benchmarks/target/soak-example.log 2>&1 &
server=$!
trap 'code=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; exit $code' EXIT
started=$(date +%s)
until curl -sf http://127.0.0.1:8080/api/health >/dev/null; do
  kill -0 $server 2>/dev/null || { echo "the example did not start; see benchmarks/target/soak-example.log"; exit 1; }
  [ $(( $(date +%s) - started )) -gt 180 ] && { echo "no answer after 180 s"; exit 1; }
  sleep 0.5
done
java -cp benchmarks/target/benchmarks.jar dev.tollgate.benchmarks.http.Soak http://127.0.0.1:8080 "$seconds" "$server" 4
