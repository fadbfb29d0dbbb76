#!/usr/bin/env bash
# Compares the s3wire command line with the AWS CLI and rclone against one local `s3wire serve`
# (plain HTTP, memory store, fixed credentials): cold start of a listing, and a recursive upload of
# many small files. Prints a Markdown table with ratios to s3wire (and writes it to --out FILE), then
# one line for machines: figure: cold ls seconds=S aws_seconds=A rclone_seconds=R (mean wall seconds;
# "n/a" for a tool that is not installed).
#
#   bench/cli-compare.sh [--out FILE]
#
# Environment: CLI_RUNS=10 (hyperfine runs per listing tool), CLI_FILES=2000, CLI_FILE_SIZE=4096.
# Needs: java, curl, python3; aws and rclone are compared when installed.
# Each run is one sample on a shared machine: read ratios, not absolute figures. Not part of .ci/run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "cli-compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
RUNS=${CLI_RUNS:-10}
FILES=${CLI_FILES:-2000}
FILE_SIZE=${CLI_FILE_SIZE:-4096}
for tool in java curl python3; do
  command -v "$tool" >/dev/null || { echo "cli-compare.sh: $tool is not installed" >&2; exit 2; }
done
TOOLS=(s3wire)
for tool in aws rclone; do
  if command -v "$tool" >/dev/null; then TOOLS+=("$tool"); else echo "cli-compare.sh: $tool is not installed: not compared" >&2; fi
done

WORK=$(mktemp -d -t s3wire-cli-compare.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The launcher builds the jar when sources changed; build before timing anything.
"$ROOT/s3wire" --version >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ENDPOINT="http://127.0.0.1:$PORT"
# Plain HTTP on loopback: no CA bundle (rclone's AWS SDK refuses one it cannot apply to its transport).
unset AWS_CA_BUNDLE
export HOME="$WORK/home" AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret-0123456789abcdef
export AWS_EC2_METADATA_DISABLED=true AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE="$WORK/none" AWS_SHARED_CREDENTIALS_FILE="$WORK/none"
export RCLONE_CONFIG="$WORK/rclone.conf" RCLONE_CONFIG_BENCH_TYPE=s3 RCLONE_CONFIG_BENCH_PROVIDER=Other \
  RCLONE_CONFIG_BENCH_ENDPOINT="$ENDPOINT" RCLONE_CONFIG_BENCH_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" \
  RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY" RCLONE_CONFIG_BENCH_REGION=us-east-1 \
  RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true
mkdir -p "$HOME"
touch "$RCLONE_CONFIG"

"$ROOT/s3wire" serve --memory --host 127.0.0.1 --port "$PORT" \
  --access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -s -o /dev/null "$ENDPOINT/" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "cli-compare.sh: the server did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done

S3W="$ROOT/s3wire"
S3W_OPTS="--endpoint $ENDPOINT --quiet"
AWS=(aws --endpoint-url "$ENDPOINT")
$S3W mb s3://bench $S3W_OPTS >/dev/null
# Something to list: 20 small objects.
mkdir -p "$WORK/few"
for i in $(seq -w 1 20); do head -c 100 /dev/urandom >"$WORK/few/f$i"; done
$S3W cp --recursive "$WORK/few" s3://bench/few/ $S3W_OPTS >/dev/null

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
mkdir -p "$WORK/many"
python3 - "$WORK/many" "$FILES" "$FILE_SIZE" <<'PY'
import os, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Cold start: wall time of a full process that lists 20 objects, the tools taking turns in each of
# RUNS rounds (after one warm-up each), so that they share the machine's load alike.
declare -A LS_MS LS_SD
ls_cmd_s3wire="$S3W ls s3://bench/few/ $S3W_OPTS"
ls_cmd_aws="${AWS[*]} s3 ls s3://bench/few/"
ls_cmd_rclone="rclone lsf bench:bench/few/"
for tool in "${TOOLS[@]}"; do
  var="ls_cmd_$tool"
  n=$(eval "${!var}" | wc -l)
  [ "$n" -eq 20 ] || { echo "cli-compare.sh: '${!var}' listed $n objects, not 20" >&2; exit 1; }
done
for _ in $(seq 1 "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    var="ls_cmd_$tool"
    start=$(date +%s%N)
    eval "${!var}" >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000 )) >>"$WORK/ls-$tool.us"
  done
done
for tool in "${TOOLS[@]}"; do
  read -r LS_MS[$tool] LS_SD[$tool] < <(python3 -c 'import statistics as s, sys
v = [int(l) / 1000 for l in open(sys.argv[1])]
print("%.0f %.0f" % (s.mean(v), s.stdev(v) if len(v) > 1 else 0))' "$WORK/ls-$tool.us")
done
for tool in aws rclone; do
  [ -n "${LS_MS[$tool]:-}" ] || { LS_MS[$tool]=n/a; LS_SD[$tool]=n/a; }
done

# Recursive upload of FILES files: one timed run per tool, each into its own prefix, then counted.
declare -A UP_MS
up_cmd_s3wire="$S3W cp --recursive $WORK/many s3://bench/s3wire/ --parallel 16 $S3W_OPTS"
up_cmd_aws="${AWS[*]} s3 cp --recursive --only-show-errors $WORK/many s3://bench/aws/"
up_cmd_rclone="rclone copy --transfers 16 $WORK/many bench:bench/rclone/"
for tool in "${TOOLS[@]}"; do
  var="up_cmd_$tool"
  start=$(now_ms)
  eval "${!var}" >/dev/null
  UP_MS[$tool]=$(( $(now_ms) - start ))
  n=$($S3W ls "s3://bench/$tool/" $S3W_OPTS | wc -l)
  [ "$n" -eq "$FILES" ] || { echo "cli-compare.sh: $tool uploaded $n objects, not $FILES" >&2; exit 1; }
done

for tool in aws rclone; do
  [ -n "${UP_MS[$tool]:-}" ] || UP_MS[$tool]=n/a
done
ratio() { [ "$1" = n/a ] && echo n/a || python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
seconds() { [ "$1" = n/a ] && echo n/a || python3 -c 'import sys; print("%.3f" % (float(sys.argv[1]) / 1000))' "$1"; }
{
  echo "# CLI comparison, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "One \`s3wire serve --memory\` over plain HTTP on 127.0.0.1; $(nproc) cores; load average before:"
  echo "\`$LOAD_BEFORE\`, after: \`$(cut -d' ' -f1-3 /proc/loadavg)\`."
  echo "Versions: $("$ROOT/s3wire" --version 2>&1 | head -1), $(aws --version 2>&1 | cut -d' ' -f1-2),"
  echo "$(rclone version 2>/dev/null | head -1), $(java -version 2>&1 | head -1)."
  echo
  echo "| measure | s3wire | aws | rclone | aws / s3wire | rclone / s3wire |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| cold start: list 20 objects (mean of $RUNS, ms) | ${LS_MS[s3wire]} | ${LS_MS[aws]} | ${LS_MS[rclone]} |" \
    "$(ratio "${LS_MS[aws]}" "${LS_MS[s3wire]}") | $(ratio "${LS_MS[rclone]}" "${LS_MS[s3wire]}") |"
  echo "| ... standard deviation (ms) | ${LS_SD[s3wire]} | ${LS_SD[aws]} | ${LS_SD[rclone]} | | |"
  echo "| recursive upload, $FILES x $FILE_SIZE B (one run, ms) | ${UP_MS[s3wire]} | ${UP_MS[aws]} | ${UP_MS[rclone]} |" \
    "$(ratio "${UP_MS[aws]}" "${UP_MS[s3wire]}") | $(ratio "${UP_MS[rclone]}" "${UP_MS[s3wire]}") |"
  echo
  echo "Ratios over 1 mean s3wire was faster. Commands:"
  echo
  for c in "$ls_cmd_s3wire" "$ls_cmd_aws" "$ls_cmd_rclone" "$up_cmd_s3wire" "$up_cmd_aws" "$up_cmd_rclone"; do
    echo "    ${c//$WORK/\$WORK}"
  done
  echo
  echo "Listing: $RUNS rounds in which the tools take turns, after one warm-up each; wall time of each"
  echo "process. s3wire runs through its launcher script (which checks the jar is current, and uses the"
  echo "start-up cache it keeps). aws uses its default 10 concurrent requests; s3wire --parallel 16;"
  echo "rclone --transfers 16."
  echo
  echo "figure: cold ls seconds=$(seconds "${LS_MS[s3wire]}") aws_seconds=$(seconds "${LS_MS[aws]}") rclone_seconds=$(seconds "${LS_MS[rclone]}")"
} | tee ${OUT:+"$OUT"}
