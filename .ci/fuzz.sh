#!/usr/bin/env bash
# Fuzzes each parser of attacker input (the *FuzzTest classes) with Jazzer's command line for a fixed
# count of inputs: RUNS, 20,000 by default for CI; RUNS=1000000 for a long run. Run after `mvn install` (it needs
# the compiled test classes). A finding is written to target/fuzz/ and fails the script; copy it into
# src/test/resources/<package>/<Class>Inputs/<method>/ to replay it in every `mvn test` from then on.
set -u
cd "$(dirname "$0")/.."
runs=${RUNS:-20000}
targets=(
  dev.tollgate.fuzz.ParsersFuzzTest#oauth1AuthorizationHeader
  dev.tollgate.fuzz.ParsersFuzzTest#percentAndFormDecoding
  dev.tollgate.fuzz.ParsersFuzzTest#oauth2Request
  dev.tollgate.fuzz.ParsersFuzzTest#redirectUris
  dev.tollgate.oauth2.EndpointsFuzzTest#clientMetadataJson
  dev.tollgate.oauth2.EndpointsFuzzTest#bearerChallenge
  dev.tollgate.oidc.OpenIdFuzzTest#claimsParameter
  dev.tollgate.oidc.OpenIdFuzzTest#authorizationRequest
  dev.tollgate.oidc.OpenIdFuzzTest#logoutRequest
  dev.tollgate.jwt.JwtFuzzTest#requestObject
  dev.tollgate.jwt.JwtFuzzTest#softwareStatement
  dev.tollgate.dpop.DpopFuzzTest#proof
  dev.tollgate.device.DeviceFuzzTest#endpointForms
  dev.tollgate.device.DeviceFuzzTest#userCodeEntry
)
mkdir -p target/fuzz
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt >&2 || exit 1
classpath="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
status=0
for target in "${targets[@]}"; do
  class=${target%#*}
  method=${target#*#}
  name="${class##*.}-$method"
  corpus="target/fuzz/corpus-$name"
  mkdir -p "$corpus"
  start=$(date +%s)
  if java -Xmx1g -cp "$classpath" com.code_intelligence.jazzer.Jazzer "--target_class=$class" \
      "--target_method=$method" '--instrumentation_includes=dev.tollgate.**' "-runs=$runs" -rss_limit_mb=4096 \
      "-artifact_prefix=target/fuzz/$name-" "$corpus" > "target/fuzz/$name.log" 2>&1; then
    echo "fuzz: $target: $runs inputs, $(grep -Eo 'cov: [0-9]+' "target/fuzz/$name.log" | tail -1), $(( $(date +%s) - start )) s, no finding"
  else
    echo "fuzz: $target: FINDING (target/fuzz/$name.log)"
    tail -40 "target/fuzz/$name.log"
    status=1
  fi
done
exit $status
