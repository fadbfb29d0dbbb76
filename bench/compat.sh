#!/usr/bin/env bash
# Generates the compatibility table of docs/server.md ("## Compatibility table"): starts the embedded
# server, s3proxy (in memory) and Adobe S3Mock side by side, each in a child JVM, runs one probe per
# row against each with the AWS SDK for Java v2 at its defaults, rewrites the table between its
# markers and prints a summary (rows supported per server; rows where the embedded server is behind).
#
#   bench/compat.sh [--doc FILE]     (default docs/server.md; --doc - prints the table instead)
#
# Takes about two to three minutes on a 2-core machine, most of it S3Mock's Spring Boot start.
# s3proxy and S3Mock are resolved from Maven Central by their own POMs (s3wire-bench/peers/), never
# on our class path: s3proxy brings Netty 4.1, S3Mock a Spring Boot application.
# Exit status: 0 when the table was produced; 1 when a server did not start; 2 when the build or a
# peer's resolution failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DOC=docs/server.md
while [ $# -gt 0 ]; do
  case "$1" in
    --doc) DOC="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/compat.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

JAR="s3wire-bench/target/s3wire-benchmarks.jar"
JAVA=${JAVA:-java}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/s3wire-compat.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "compat: building the benchmarks jar (mvn package, tests skipped)..." >&2
if ! mvn -B -q -pl s3wire-bench -am package -DskipTests >"$WORK/build.log" 2>&1; then
  cat "$WORK/build.log" >&2
  echo "compat: build failed" >&2
  exit 2
fi
for peer in s3proxy s3mock; do
  if ! mvn -B -q -f "s3wire-bench/peers/$peer/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$WORK/$peer.classpath" >"$WORK/$peer-resolve.log" 2>&1; then
    cat "$WORK/$peer-resolve.log" >&2
    echo "compat: could not resolve $peer's class path" >&2
    exit 2
  fi
done

DOC_ARGS=()
if [ "$DOC" != "-" ]; then
  DOC_ARGS=(--doc "$DOC")
fi
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':!docs/server.md' 2>/dev/null || echo '+changes')"
"$JAVA" -cp "$JAR" io.s3wire.bench.compat.CompatMain \
  --s3proxy-classpath "$WORK/s3proxy.classpath" --s3mock-classpath "$WORK/s3mock.classpath" \
  --commit "$COMMIT" --work "$WORK" "${DOC_ARGS[@]}" || { echo "compat: FAILED" >&2; exit 1; }
