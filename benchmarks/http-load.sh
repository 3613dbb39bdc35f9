#!/usr/bin/env bash
# The HTTP load benchmark. Builds the library, the example and this module; starts the example on
# http://127.0.0.1:8080 with a fresh database; measures its cold start; drives the load (wrk and a Java
# client, on loopback, bounded in time); writes docs/benchmarks.md and docs/images/benchmarks.svg.
#   SECONDS_PER_RUN=10  seconds measured per run (after a warm-up of a third of that)
#   TOKENS=1000000      rows in the token table for the second /api/me run
#   SMOKE=1             two seconds a run, 1,000 tokens, nothing written: checks that it still works
#   EXAMPLE_JAVA_OPTS   extra JVM options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${SECONDS_PER_RUN:-10}
tokens=${TOKENS:-1000000}
outputs=("$root/docs/benchmarks.md" "$root/docs/images/benchmarks.svg")
if [ "${SMOKE:-0}" = 1 ]; then seconds=2; tokens=1000; outputs=(); fi

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
data="$root/benchmarks/target/data"
mvn -B -q install -DskipTests
mvn -B -q -f webapp-example package -DskipTests -Dexample.dataDir="$data"
mvn -B -q -f benchmarks package
rm -rf "$data"
mkdir -p "$root/docs/images" "$root/benchmarks/target/tmp"

start=$(date +%s%N)
java ${EXAMPLE_JAVA_OPTS:-} -Djava.io.tmpdir="$root/benchmarks/target/tmp" -jar webapp-example/target/payara-micro.jar \
  --deploy webapp-example/target/tollgate-example.war --contextroot / --port 8080 \
  --prebootcommandfile webapp-example/target/payara/preboot.asadmin --nohazelcast --disablephonehome \
  > benchmarks/target/example.log 2>&1 &
server=$!
trap 'code=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; exit $code' EXIT
until curl -sf http://127.0.0.1:8080/api/health >/dev/null; do
  kill -0 $server 2>/dev/null || { echo "the example did not start; see benchmarks/target/example.log"; exit 1; }
  if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 180 ]; then echo "no answer after 180 s"; exit 1; fi
  sleep 0.2
done
cold=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }')

java -cp benchmarks/target/benchmarks.jar dev.tollgate.benchmarks.http.HttpLoadBenchmark \
  http://127.0.0.1:8080 "jdbc:h2:$data/tollgate;AUTO_SERVER=TRUE" "$cold" "$seconds" "$tokens" "${outputs[@]}"
