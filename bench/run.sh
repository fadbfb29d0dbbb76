#!/usr/bin/env bash
# Runs s3wire's benchmark set — s3wire side by side with its peers in one run — and writes a
# Markdown results file (figures, ratios, load average, machine facts, the commands).
#
#   bench/run.sh [--only micro,transport,server,small,link,h3,transfer] [--out FILE]
#
# Sizes and durations come from the environment, with defaults that keep the whole set near ten
# minutes on a quiet 2-core machine:
#   BENCH_JMH_FORKS=1 BENCH_JMH_WARMUPS=3 BENCH_JMH_ITERATIONS=5 BENCH_JMH_SECONDS=1
#   BENCH_BIG=1g          size of the transport's large GET/PUT (a sparse temp file, deleted after)
#   BENCH_REPEATS=1       timed runs of each large transfer, best kept
#   BENCH_SMALL_SECONDS=5 seconds per small-request rate figure
#   BENCH_CONCURRENCY=16  requests in flight for the rate figures
#   BENCH_OBJECT=256m     size of the server comparison's large PUT/GET
#   BENCH_SMALL_OBJECT=4k size of the server comparison's small objects
#   BENCH_SMALL_INFLIGHT=16,64 depths of the small-object harness (server on core 0, harness on core 1)
#   BENCH_SMALL_SERVERS=memory,file,s3proxy  BENCH_SMALL_CLIENTS=s3wire-h1,s3wire-h2x1,s3wire-h2x4,sdk,rclone
#   BENCH_LINK_RTT_MS=25  round trip the link harness's delay relay builds (no tc netem needed)
#   BENCH_LINK_RATE=0     its rate cap each way in bytes/s, e.g. 200m (0: the relay's own speed)
#   BENCH_LINK_BIG=256m   size of its large GET; BENCH_LINK_REPEATS=3 rounds of GETs, best kept
#   BENCH_LINK_INFLIGHT=16,64 depths of its small requests
#   BENCH_H3_PARTS=loopback,link  parts of the HTTP/3 harness (h1, h2, h3 over TLS; server on core 0,
#                         harness on core 1); its link uses BENCH_LINK_RTT_MS and BENCH_LINK_RATE through a TCP
#                         relay (h1, h2) and a UDP one (h3), its small requests BENCH_LINK_INFLIGHT, its large GET
#                         BENCH_LINK_BIG and BENCH_LINK_REPEATS
#   BENCH_TRANSFER_SIZE=1g size of the transfer comparison's file (more knobs: bench/transfer.sh)
#
# Exit status: 0 when every harness ran; 1 when one failed to run (a broken harness, not a slow
# result: figures never fail the run); 2 when the benchmarks could not be built.
# Not part of .ci/run: it takes minutes and its figures need a quiet machine.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

ARGS_GIVEN="$*"
ONLY="micro,transport,server"
OUT="bench/results/$(date -u +%Y-%m-%dT%H%M%SZ).md"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

JAR="s3wire-bench/target/s3wire-benchmarks.jar"
JAVA=${JAVA:-java}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/s3wire-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if ! command -v curl >/dev/null 2>&1; then
  echo "bench: curl is missing; installing it (apt-get install -y curl)" >&2
  apt-get install -y -q curl >/dev/null 2>&1 || echo "bench: could not install curl; the curl figures will be missing" >&2
fi

echo "bench: building the benchmarks jar (mvn package, tests skipped)..." >&2
if ! mvn -B -q -pl s3wire-bench -am package -DskipTests >"$WORK/build.log" 2>&1; then
  cat "$WORK/build.log" >&2
  echo "bench: build failed" >&2
  exit 2
fi

{
  echo "# s3wire benchmarks, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "Produced by \`bench/run.sh${ARGS_GIVEN:+ $ARGS_GIVEN}\` (harnesses: $ONLY) at commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')."
  echo "Each measure runs s3wire and its peers one after another in the same run; ratios are s3wire's figure"
  echo "over the peer's (rates and throughputs: above 1 means s3wire is faster). The load average is recorded"
  echo "around every measure: figures taken with a load above half the cores are marked as taken under load."
  echo
  echo "## Machine"
  echo
  "$JAVA" -cp "$JAR" io.s3wire.bench.report.MachineFacts
  SETTINGS=$(env | grep "^BENCH_" | sort | tr "\n" " " || true)
  echo "- BENCH_ settings: ${SETTINGS:-none (defaults)}"
  echo "- curl: $(curl --version 2>/dev/null | head -1 || echo 'not installed')"
  echo
} >"$OUT"

S3PROXY_CP="$WORK/s3proxy.classpath"
resolve_s3proxy() {
  [ -s "$S3PROXY_CP" ] && return 0
  if ! mvn -B -q -f s3wire-bench/peers/s3proxy/pom.xml dependency:build-classpath \
      -Dmdep.outputFile="$S3PROXY_CP" >"$WORK/s3proxy-resolve.log" 2>&1; then
    cat "$WORK/s3proxy-resolve.log" >&2
    echo "bench: could not resolve s3proxy's class path; its figures will be missing" >&2
  fi
}

FAILED=()
run() {
  local name="$1"; shift
  echo "bench: running $name: $*" >&2
  { echo "## $name"; echo; echo "Command: \`$*\`"; echo; } >>"$OUT"
  if ! "$@" --out "$OUT"; then
    FAILED+=("$name")
    { echo "- FAILED: the $name harness exited non-zero; see its output."; echo; } >>"$OUT"
  fi
}

for h in ${ONLY//,/ }; do
  case "$h" in
    micro)
      run micro "$JAVA" -cp "$JAR" io.s3wire.bench.jmh.MicroBench \
        --forks "${BENCH_JMH_FORKS:-1}" --warmups "${BENCH_JMH_WARMUPS:-3}" \
        --iterations "${BENCH_JMH_ITERATIONS:-5}" --seconds "${BENCH_JMH_SECONDS:-1}" ;;
    transport)
      run transport "$JAVA" -cp "$JAR" io.s3wire.bench.transport.TransportBench \
        --big "${BENCH_BIG:-1g}" --small-seconds "${BENCH_SMALL_SECONDS:-5}" \
        --concurrency "${BENCH_CONCURRENCY:-16}" --repeats "${BENCH_REPEATS:-1}" ;;
    server)
      resolve_s3proxy
      run server "$JAVA" -cp "$JAR" io.s3wire.bench.server.ServerBench \
        --object "${BENCH_OBJECT:-256m}" --small "${BENCH_SMALL_OBJECT:-4k}" \
        --concurrency "${BENCH_CONCURRENCY:-16}" --seconds "${BENCH_SMALL_SECONDS:-5}" \
        --s3proxy-classpath "$S3PROXY_CP" ;;
    small)
      # The server (a child JVM) is pinned to core 0 by the harness, the clients to core 1 here.
      resolve_s3proxy
      PIN=(); [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null && PIN=(taskset -c 1)
      run small "${PIN[@]}" "$JAVA" -cp "$JAR" io.s3wire.bench.server.SmallBench \
        --small "${BENCH_SMALL_OBJECT:-4k}" --inflight "${BENCH_SMALL_INFLIGHT:-16,64}" \
        --seconds "${BENCH_SMALL_SECONDS:-5}" --server-cpu "$([ ${#PIN[@]} -gt 0 ] && echo 0 || echo none)" \
        --servers "${BENCH_SMALL_SERVERS:-memory,file,s3proxy}" \
        --clients "${BENCH_SMALL_CLIENTS:-s3wire-h1,s3wire-h2x1,s3wire-h2x4,sdk,rclone}" \
        --s3proxy-classpath "$S3PROXY_CP" ;;
    link)
      run link "$JAVA" -cp "$JAR" io.s3wire.bench.link.LinkBench \
        --rtt-ms "${BENCH_LINK_RTT_MS:-25}" --rate "${BENCH_LINK_RATE:-0}" --big "${BENCH_LINK_BIG:-256m}" \
        --small "${BENCH_SMALL_OBJECT:-4k}" --inflight "${BENCH_LINK_INFLIGHT:-16,64}" \
        --seconds "${BENCH_SMALL_SECONDS:-5}" --repeats "${BENCH_LINK_REPEATS:-3}" ;;
    h3)
      PIN=(); [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null && PIN=(taskset -c 1)
      run h3 "${PIN[@]}" "$JAVA" -cp "$JAR" io.s3wire.bench.link.H3Bench --parts "${BENCH_H3_PARTS:-loopback,link}" \
        --rtt-ms "${BENCH_LINK_RTT_MS:-25}" --rate "${BENCH_LINK_RATE:-0}" --big "${BENCH_LINK_BIG:-256m}" \
        --small "${BENCH_SMALL_OBJECT:-4k}" --inflight "${BENCH_LINK_INFLIGHT:-16,64}" \
        --seconds "${BENCH_SMALL_SECONDS:-5}" --repeats "${BENCH_LINK_REPEATS:-3}" \
        --server-cpu "$([ ${#PIN[@]} -gt 0 ] && echo 0 || echo none)" ;;
    transfer)
      run transfer bash bench/transfer.sh ;;
    *) echo "bench: unknown harness $h" >&2; FAILED+=("$h") ;;
  esac
done

echo "bench: results in $OUT" >&2
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "bench: FAILED to run: ${FAILED[*]}" >&2
  exit 1
fi
