#!/usr/bin/env bash
# Fuzzes each parser of attacker input with Jazzer for a fixed count of inputs (RUNS, default 20,000 for CI;
# docs/security.md says how to run them long). Each target runs alone, as Jazzer fuzzes one test per JVM; its
# report goes to target/fuzz-reports-N, which .ci/summary.sh counts. Exits non-zero if any target found a crash.
set -u
cd "$(dirname "$0")/.."
runs=${RUNS:-20000}
targets=(
  ParsersFuzzTest#oauth1AuthorizationHeader
  ParsersFuzzTest#percentAndFormDecoding
  ParsersFuzzTest#oauth2Request
  ParsersFuzzTest#redirectUris
  EndpointsFuzzTest#clientMetadataJson
  EndpointsFuzzTest#bearerChallenge
)
status=0
n=0
for target in "${targets[@]}"; do
  n=$((n + 1))
  echo "[fuzz] $target: $runs inputs"
  JAZZER_FUZZ=1 mvn -B -q test -Dtest="$target" -Djazzer.internal.arg.0="-runs=$runs" \
      -Dsurefire.reportsDirectory="target/fuzz-reports-$n" || status=1
done
rm -rf .cifuzz-corpus
exit $status
