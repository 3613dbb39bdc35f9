#!/usr/bin/env bash
# The JMH benchmarks of the protocol cores' hot paths. Arguments go to JMH, e.g. `benchmarks/jmh.sh OAuth1`
# or `benchmarks/jmh.sh -f 0 -wi 0 -i 1 -r 100ms` for a smoke run; results also in benchmarks/target/jmh.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -f benchmarks package
java -jar benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/jmh.json "$@"
