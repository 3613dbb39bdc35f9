#!/usr/bin/env bash
# Fuzzes each parser of attacker input (src/test/java/dev/tollgate/fuzz) with Jazzer's command line for a fixed
# count of inputs: RUNS, 20,000 by default for CI; RUNS=1000000 for a long run. Run after `mvn install` (it needs
# the compiled test classes). A finding is written to target/fuzz/ and fails the script; copy it into
# src/test/resources/dev/tollgate/fuzz/<Class>Inputs/<method>/ to replay it in every `mvn test` from then on.
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
mkdir -p target/fuzz
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt >&2 || exit 1
classpath="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
status=0
for target in "${targets[@]}"; do
  class=${target%#*}
  method=${target#*#}
  corpus="target/fuzz/corpus-$class-$method"
  mkdir -p "$corpus"
  start=$(date +%s)
  if java -Xmx1g -cp "$classpath" com.code_intelligence.jazzer.Jazzer "--target_class=dev.tollgate.fuzz.$class" \
      "--target_method=$method" '--instrumentation_includes=dev.tollgate.**' "-runs=$runs" -rss_limit_mb=4096 \
      "-artifact_prefix=target/fuzz/$class-$method-" "$corpus" > "target/fuzz/$class-$method.log" 2>&1; then
    echo "fuzz: $target: $runs inputs, $(grep -Eo 'cov: [0-9]+' "target/fuzz/$class-$method.log" | tail -1), $(( $(date +%s) - start )) s, no finding"
  else
    echo "fuzz: $target: FINDING (target/fuzz/$class-$method.log)"
    tail -40 "target/fuzz/$class-$method.log"
    status=1
  fi
done
exit $status
