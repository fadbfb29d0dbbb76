#!/usr/bin/env bash
# The transfer harness (issue 7's measure), run by bench/run.sh --only transfer; appends to --out.
# One file of BENCH_TRANSFER_SIZE (default 1g, random bytes) is uploaded and downloaded (to a file)
# against s3wire's embedded S3 server (memory store, a child JVM of its own, -Xmx BENCH_SERVER_HEAP)
# over plain HTTP and over TLS (BoringSSL on the server), by s3wire's TransferManager, the AWS SDK v2
# (Apache sync client, Netty async client, S3TransferManager), the MinIO client and curl.
# Every client runs in a JVM of its own (-Xmx BENCH_CLIENT_HEAP) that reports its transfer time,
# peak RSS (VmHWM) and peak heap; curl's peak RSS comes from /usr/bin/time.
#   BENCH_TRANSFER_SIZE=1g BENCH_PART_SIZE=16m BENCH_TRANSFER_CONCURRENCY=8
#   BENCH_CLIENT_HEAP=2g BENCH_SERVER_HEAP=6g BENCH_TRANSFER_REPEATS=2
#   BENCH_TRANSFER_CLIENTS="s3wire s3wire-md5 sdk-apache sdk-netty sdk-tm sdk-tm-defaults minio curl"
# An SDK peer runs with checksums WHEN_REQUIRED (it checks nothing, the cheapest it can be); the same
# peer with "-defaults" (sdk-apache-defaults, sdk-netty-defaults, sdk-tm-defaults) runs as a user runs
# it, flexible checksums on (CRC32 on upload, validated on download where the server returns one).
# Each client runs BENCH_TRANSFER_REPEATS times per transfer (best kept, the same for every client),
# each time on a server just told to collect its garbage, so no client pays for the one before it.
# BENCH_TRANSFER_WARMUPS=N (default 0) makes every JVM client do N untimed transfers first, in the
# same JVM: the steady state of a long-running service instead of a cold process (curl has no warm-up).
# BENCH_CLIENT_JVM_CANDIDATES: the JIT settings every JVM client is tried with, ';'-separated, "default"
# for none; each client keeps its best (the issue's "each with its best settings"), and the report
# names them. Runs are interleaved (every client and setting once, then again) so the machine's drift
# during a run falls on all clients alike.
# BENCH_TRANSFER_LAYOUTS (default "shared pinned"): "shared" lets the server and the client share every
# core; "pinned" puts the server on core 0 and the client on core 1 (taskset), so a client's own cost
# shows as its throughput. Each layout gets its own table; both are interleaved in one run.
# BENCH_TRANSFER_OPS (default "put get") picks the transfers measured.
# Each (protocol, transfer) ends with one machine-readable line (ratios, s3wire over the peer):
#   figure: transfer <up|down> <plain|tls> cpu_vs_tm=<x> pinned_vs_best_jvm=<y> pinned_vs_tm=<z> vs_curl=<w>
# cpu_vs_tm is client CPU-s (pinned layout when measured, else shared), vs_curl the rate (same layout).
set -uo pipefail
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    *) echo "transfer.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$OUT" ] || { echo "transfer.sh: --out FILE is required" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAR=${BENCH_JAR:-"$ROOT/s3wire-bench/target/s3wire-benchmarks.jar"}
JAVA=${JAVA:-java}
SIZE=${BENCH_TRANSFER_SIZE:-1g}
PART=${BENCH_PART_SIZE:-16m}
CONC=${BENCH_TRANSFER_CONCURRENCY:-8}
REPEATS=${BENCH_TRANSFER_REPEATS:-2}
WARMUPS=${BENCH_TRANSFER_WARMUPS:-0}
CHEAP=${BENCH_CLIENT_HEAP:-2g}
SHEAP=${BENCH_SERVER_HEAP:-6g}
CLIENTS=${BENCH_TRANSFER_CLIENTS:-"s3wire s3wire-md5 sdk-apache sdk-netty sdk-tm sdk-tm-defaults minio curl"}
# JVM flags for every JVM client alike (BENCH_CLIENT_JVM_OPTS, default none).
JOPTS=${BENCH_CLIENT_JVM_OPTS:-}
# C1 alone (-XX:TieredStopAtLevel=1) is a candidate because a cold JVM on 2 cores spends a third of
# a 1 GiB transfer's CPU compiling, C2 most of it; but C1 has no MD5 or SHA-256 intrinsics (SHA-256
# 15x, MD5 2x slower here), so it only pays for a client that hashes little.
CANDIDATES=${BENCH_CLIENT_JVM_CANDIDATES:-"default;-XX:TieredStopAtLevel=1"}
LAYOUTS=${BENCH_TRANSFER_LAYOUTS:-"shared pinned"}
OPS=${BENCH_TRANSFER_OPS:-"put get"}
CORES=$(nproc)
if [[ " $LAYOUTS " == *" pinned "* ]] && { [ "$CORES" -lt 2 ] || ! command -v taskset >/dev/null; }; then
  echo "transfer: the pinned layout needs 2 cores and taskset; measuring shared only" >&2
  LAYOUTS=shared
fi
# The client's command prefix for the current layout (set by use_layout).
PIN=()
use_layout() { # layout: moves the running server and sets the client's prefix
  if [ "$1" = pinned ]; then
    taskset -a -p -c 0 "$SERVER_PID" >/dev/null; PIN=(taskset -c 1)
  else
    taskset -a -p -c "0-$((CORES-1))" "$SERVER_PID" >/dev/null 2>&1; PIN=()
  fi
}
IFS=';' read -r -a CANDS <<<"$CANDIDATES"
AK=benchkey
SK=benchsecret-not-a-real-secret
W=$(mktemp -d "${TMPDIR:-/tmp}/s3wire-transfer.XXXXXX")
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

bytes_of() {
  local s=${1,,} n m=1
  n=${s%[kmg]}
  case "$s" in *k) m=1024 ;; *m) m=$((1024*1024)) ;; *g) m=$((1024*1024*1024)) ;; esac
  echo $((n*m))
}
BYTES=$(bytes_of "$SIZE")
PART_BYTES=$(bytes_of "$PART")
load() { cut -d' ' -f1 /proc/loadavg; }

echo "transfer: resolving the peers' classpath and compiling the peer driver..." >&2
if ! mvn -B -q -f s3wire-bench/peers/transfer/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$W/peers.cp" >"$W/peers-resolve.log" 2>&1; then
  cat "$W/peers-resolve.log" >&2; echo "transfer: could not resolve the peers" >&2; exit 1
fi
PCP=$(cat "$W/peers.cp")
mkdir -p "$W/peer"
javac -nowarn -cp "$PCP" -d "$W/peer" s3wire-bench/peers/transfer/TransferPeer.java || exit 1
# In a jar: AppCDS archives only classes from jars (a directory on the class path stops the dump).
jar cf "$W/peer.jar" -C "$W/peer" . || exit 1

echo "transfer: writing a $SIZE file of random bytes..." >&2
head -c "$BYTES" /dev/urandom >"$W/src.bin"
sync

# s3wire's children run on our jar; the peers' on their own class path (Netty 4.1 for the SDK).
client_run() { # client op endpoint key file pem [jit flags] -> RESULT line or FAILED
  local c=$1 op=$2 ep=$3 key=$4 file=$5 pem=$6 trust=() xo=${7:-}
  [ "$xo" = default ] && xo=""
  # The class-data archive of this client's training run of this transfer, or the training run itself.
  if [ "${CDS_TRAINING:-}" = 1 ]; then
    xo="$xo -XX:ArchiveClassesAtExit=$(cds_archive "$c" "$op") -Xlog:cds=off -Xlog:cds+dynamic=off"
  elif [ -s "$(cds_archive "$c" "$op")" ]; then
    xo="$xo -XX:SharedArchiveFile=$(cds_archive "$c" "$op") -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
  if [ -n "$pem" ]; then trust=(-Djavax.net.ssl.trustStore="$W/trust.p12" -Djavax.net.ssl.trustStorePassword=changeit); fi
  case "$c" in
    s3wire|s3wire-md5)
      # s3wire checks every transfer: CRC32C by default (the server accepts flexible checksums),
      # MD5 in the s3wire-md5 row (what a server without them allows).
      local sum=AUTO; [ "$c" = s3wire-md5 ] && sum=MD5
      "${PIN[@]}" "$JAVA" -Xmx"$CHEAP" $JOPTS $xo -cp "$JAR" io.s3wire.bench.transfer.S3wireTransferMain --op "$op" --endpoint "$ep" \
        --bucket bench --key "$key" --file "$file" --access-key "$AK" --secret-key "$SK" --cert-pem "$pem" \
        --part-size "$PART" --concurrency "$CONC" --checksum "$sum" --warmups "$WARMUPS" ;;
    curl)
      local tls=() args=()
      [ -n "$pem" ] && tls=(--cacert "$pem")
      if [ "$op" = put ]; then args=(-T "$file"); else args=(-o "$file"); fi
      "${PIN[@]}" /usr/bin/time -f "RSS %M CPU %U %S" -o "$W/curl.time" curl -sS --fail --http1.1 "${tls[@]}" \
        --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AK:$SK" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
        "${args[@]}" -w "%{time_total} %{size_upload} %{size_download}\n" "$ep/bench/$key" >"$W/curl.out" || return 1
      read -r t up down <"$W/curl.out"
      local rss cpu
      rss=$(awk '/^RSS/{print $2}' "$W/curl.time")
      cpu=$(awk '/^RSS/{printf "%d", ($4+$5)*1000}' "$W/curl.time")
      local b=$down; [ "$op" = put ] && b=${up%.*}
      echo "RESULT seconds=$t bytes=${b%.*} hwm_kib=$rss heap_peak_mib=0 cpu_ms=$cpu note=curl single PUT/GET, HTTP/1.1" ;;
    *)
      # MinIO's OkHttp client reads extra trusted certificates from SSL_CERT_FILE.
      "${PIN[@]}" env ${pem:+SSL_CERT_FILE="$pem"} "$JAVA" -Xmx"$CHEAP" $JOPTS $xo "${trust[@]}" -cp "$W/peer.jar:$PCP" TransferPeer "$c" "$op" "$ep" bench "$key" "$file" \
        "$AK" "$SK" "$PART_BYTES" "$CONC" "$WARMUPS" ;;
  esac
}

# Every JVM client gets an AppCDS archive of its own (as s3wire's launcher makes for its command
# line): one untimed training run per client, transfer and server, before any is measured.
cds_archive() { echo "$W/cds-$1-$2-${PROTO:-x}.jsa"; }

# The server process's CPU time (user + system) in clock ticks, from /proc (fields 14 and 15; the
# command name before them is "java", without spaces).
CLOCK_TICKS=$(getconf CLK_TCK)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# One timed run of a client and transfer: its RESULT line (naming the JIT flags of a JVM client), or
# nothing when it failed.
measure_once() { # client op endpoint key file pem jit-flags
  local line s0 s1
  jcmd "$SERVER_PID" GC.run >/dev/null 2>&1
  s0=$(server_cpu_ticks)
  # A JVM client reads the server's CPU itself around its timed transfer (BENCH_SERVER_PID), so
  # untimed warm-ups in its JVM are not counted; for curl the harness's own reading is the same.
  line=$(BENCH_SERVER_PID=$SERVER_PID client_run "$@" 2>"$W/err.log" | grep '^RESULT') || return 0
  s1=$(server_cpu_ticks)
  # The server's CPU during the run (it idles while the client's JVM starts): what this client's
  # way of transferring cost the server, which shares the client's cores.
  [[ "$line" == *" server_cpu_ms="* ]] || line=${line/ note=/ server_cpu_ms=$(( (s1 - s0) * 1000 / CLOCK_TICKS )) note=}
  if [ "$2" = get ] && ! cmp -s "$W/src.bin" "$5"; then line="$line; CONTENT MISMATCH"; fi
  [ "$2" = get ] && rm -f "$5"
  [ "$1" != curl ] && line="$line; JVM: $([ "$7" = default ] && echo "default JIT" || echo "$7")$([ -s "$(cds_archive "$1" "$2")" ] && echo ", AppCDS archive")"
  echo "$line"
}

ROWS="$W/rows.tsv"
: >"$ROWS"
for proto in http https; do
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  pem=""
  tlsargs=(--tls false)
  if [ "$proto" = https ]; then pem="$W/server.pem"; tlsargs=(--tls true --cert-pem "$pem"); fi
  # The heap is committed and touched before any client runs, so no client pays its page faults.
  "$JAVA" -Xms"$SHEAP" -Xmx"$SHEAP" -XX:+AlwaysPreTouch -cp "$JAR" io.s3wire.bench.transfer.TransferServerMain --port "$port" \
    --access-key "$AK" --secret-key "$SK" "${tlsargs[@]}" >"$W/server-$proto.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$W/server-$proto.log" >&2; exit 1; }
    sleep 0.1
  done
  if [ -n "$pem" ]; then
    rm -f "$W/trust.p12"
    keytool -importcert -noprompt -alias bench -file "$pem" -keystore "$W/trust.p12" -storetype PKCS12 \
      -storepass changeit >/dev/null 2>&1 || { echo "transfer: keytool failed" >&2; exit 1; }
  fi
  ep="$proto://127.0.0.1:$port"
  client_run s3wire mkbucket "$ep" x x "$pem" >/dev/null || { echo "transfer: could not create the bucket" >&2; exit 1; }
  # The object every GET reads is uploaded first, untimed, so each client's PUT can overwrite "up".
  client_run curl put "$ep" big "$W/src.bin" "$pem" >/dev/null || { echo "transfer: seeding PUT failed" >&2; exit 1; }
  # One untimed GET warms the server's GET path (its JIT), so the first client measured is not
  # charged for it; the seeding PUT warmed the PUT path.
  client_run curl get "$ep" big "$W/dst.bin" "$pem" >/dev/null || { echo "transfer: warm-up GET failed" >&2; exit 1; }
  rm -f "$W/dst.bin"
  # The multipart paths (UploadPart, ranged GETs) get the same: one untimed upload and download by
  # every JVM client, or the first clients measured would be charged for the server compiling
  # them (it shares the cores). These runs are also each client's AppCDS training runs. Results
  # are discarded.
  PROTO=$proto
  for c in $CLIENTS; do
    [ "$c" = curl ] && continue
    if [[ " $OPS " == *" put "* ]]; then
      CDS_TRAINING=1 client_run "$c" put "$ep" up "$W/src.bin" "$pem" >/dev/null 2>&1 || echo "transfer: warm-up $c put failed (ignored)" >&2
    fi
    if [[ " $OPS " == *" get "* ]]; then
      CDS_TRAINING=1 client_run "$c" get "$ep" big "$W/dst.bin" "$pem" >/dev/null 2>&1 || echo "transfer: warm-up $c get failed (ignored)" >&2
    fi
    rm -f "$W/dst.bin"
  done
  for op in $OPS; do
    declare -A best=() bestsec=() l0s=() l1s=()
    for _ in $(seq 1 "$REPEATS"); do
     for lay in $LAYOUTS; do
      use_layout "$lay"
      for c0 in $CLIENTS; do
        c="$c0@$lay"
        cands=("${CANDS[@]}"); [ "$c0" = curl ] && cands=(default)
        for x in "${cands[@]}"; do
          l0=$(load)
          if [ "$op" = put ]; then line=$(measure_once "$c0" put "$ep" up "$W/src.bin" "$pem" "$x")
          else line=$(measure_once "$c0" get "$ep" big "$W/dst.bin" "$pem" "$x"); fi
          l1=$(load)
          if [ -z "$line" ]; then
            echo "transfer: $c $op over $proto ($x) FAILED: $(tail -3 "$W/err.log" | tr '\n' ' ')" >&2
            [ -z "${best[$c]:-}" ] && best[$c]="FAILED $(grep -m1 -E 'Exception|Error' "$W/err.log" | cut -c1-160)"
            continue
          fi
          s=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
          echo "transfer: $proto $op $c ($x): ${s}s" >&2
          if [ -z "${bestsec[$c]:-}" ] || awk -v a="$s" -v b="${bestsec[$c]}" 'BEGIN{exit !(a<b)}'; then
            best[$c]=$line; bestsec[$c]=$s; l0s[$c]=$l0; l1s[$c]=$l1
          fi
        done
      done
     done
    done
    use_layout shared
    for lay in $LAYOUTS; do
    for c0 in $CLIENTS; do
      c="$c0@$lay"
      line=${best[$c]:-FAILED}
      if [ -z "${bestsec[$c]:-}" ]; then
        printf '%s\t%s\t%s\tFAILED\t\t\t\t\t\t%s\t\t\n' "$proto" "$op" "$c" "${line#FAILED }" >>"$ROWS"
        continue
      fi
      secs=${bestsec[$c]}
      got=$(sed -E 's/.*bytes=([0-9]+).*/\1/' <<<"$line")
      hwm=$(sed -E 's/.*hwm_kib=([0-9-]+).*/\1/' <<<"$line")
      heap=$(sed -E 's/.*heap_peak_mib=([0-9-]+).*/\1/' <<<"$line")
      cpu=$(sed -nE 's/.* cpu_ms=([0-9]+).*/\1/p' <<<"$line")
      cpus=$(awk -v m="${cpu:-}" 'BEGIN{if (m == "") print "-"; else printf "%.2f", m/1000}')
      scpu=$(sed -nE 's/.* server_cpu_ms=([0-9]+).*/\1/p' <<<"$line")
      scpus=$(awk -v m="${scpu:-}" 'BEGIN{if (m == "") print "-"; else printf "%.2f", m/1000}')
      note=$(sed -E 's/.*note=//' <<<"$line")
      case "$line" in *"CONTENT MISMATCH"*) note="CONTENT MISMATCH; $note" ;; esac
      if [ "$got" != "$BYTES" ]; then note="SIZE $got != $BYTES; $note"; fi
      mibs=$(awk -v b="$BYTES" -v s="$secs" 'BEGIN{printf "%.0f", b/1048576/s}')
      echo "transfer: $proto $op $c best: $mibs MiB/s (${secs}s), RSS $((hwm/1024)) MiB, heap $heap MiB, CPU ${cpus}s" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$proto" "$op" "$c" "$mibs" "$secs" "$((hwm/1024))" "$heap" "${l0s[$c]}" "${l1s[$c]}" "$note" "$cpus" "$scpus" >>"$ROWS"
    done
    done
    unset best bestsec l0s l1s
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
done

# One (protocol, transfer)'s machine-readable line: ratios of s3wire over its peers, "-" when a
# figure is missing. CPU and the curl ratio come from the pinned layout when it was measured.
figure_line() { # proto op
  local main=shared pinned="" f
  [[ " $LAYOUTS " == *" pinned "* ]] && { main=pinned; pinned="$W/rows-pinned.tsv"; }
  f() { # file client column -> value or empty
    awk -F'\t' -v p="$1" -v o="$2" -v c="$4" -v k="$5" '$1==p&&$2==o&&$3==c&&$4!="FAILED"{print $k}' "$3"
  }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
  local m="$W/rows-$main.tsv"
  local cpu_vs_tm pvb="-" pvt="-" vs_curl
  cpu_vs_tm=$(ratio "$(f "$1" "$2" "$m" s3wire 11)" "$(f "$1" "$2" "$m" sdk-tm 11)")
  vs_curl=$(ratio "$(f "$1" "$2" "$m" s3wire 4)" "$(f "$1" "$2" "$m" curl 4)")
  if [ -n "$pinned" ]; then
    local bestjvm
    bestjvm=$(awk -F'\t' -v p="$1" -v o="$2" '$1==p&&$2==o&&$3!~/^s3wire/&&$3!="curl"&&$4!="FAILED"{if($4>m)m=$4}END{if(m>0)print m}' "$pinned")
    pvb=$(ratio "$(f "$1" "$2" "$pinned" s3wire 4)" "$bestjvm")
    pvt=$(ratio "$(f "$1" "$2" "$pinned" s3wire 4)" "$(f "$1" "$2" "$pinned" sdk-tm 4)")
  fi
  echo "figure: transfer $([ "$2" = put ] && echo up || echo down) $([ "$1" = https ] && echo tls || echo plain) cpu_vs_tm=$cpu_vs_tm pinned_vs_best_jvm=$pvb pinned_vs_tm=$pvt vs_curl=$vs_curl"
}

{
  echo "Object: $SIZE ($BYTES bytes, random), uploaded from and downloaded to files in $W (TMPDIR)."
  echo "Server: s3wire-server, memory store, in a child JVM (-Xmx$SHEAP); TLS by BoringSSL with a generated certificate, ALPN h2/http1.1."
  echo "Clients: one JVM per client and transfer (-Xmx$CHEAP${JOPTS:+ $JOPTS, the same for every JVM client}); each JVM client is run with each JIT setting of \`$CANDIDATES\` $REPEATS times and keeps its best (the settings column names it), curl $REPEATS times; runs are interleaved (all clients and settings once, then again), the server collecting its garbage before every run;"
  echo "part size $PART, $CONC in flight where the client takes them; $([ "$WARMUPS" = 0 ] && echo "each timed transfer is the JVM's first (cold JIT)" || echo "each JVM client did $WARMUPS untimed transfers first (warm JIT; curl runs cold, it has none)");"
  echo "SDK checksums WHEN_REQUIRED in the rows named after the peer alone, the SDK's defaults (flexible checksums on: CRC32 computed on upload, validated on download) in its -defaults rows; path-style; JDK clients trust the server's certificate through a PKCS12 trust store, the CRT by trustAllCertificates."
  echo "s3wire's rows run with Netty 4.2's JFR allocator events off, as its command line does (the SDK's Netty is 4.1, which has none)."
  echo "s3wire checks every transfer (CRC32C: parts checked by the server, downloads against the stored full-object value; MD5 in the s3wire-md5 row) and signs no payload (UNSIGNED-PAYLOAD, as curl and the CRT); the SDK peers' WHEN_REQUIRED rows and curl check nothing."
  echo "Before any client is measured, the server is warmed by untimed transfers: a single PUT and GET by curl, then one upload and one download by every JVM client. Those runs also write each JVM client's AppCDS archive (-XX:ArchiveClassesAtExit, one per client, transfer and server), which its measured runs then map (-XX:SharedArchiveFile), as s3wire's launcher does for its command line."
  echo "Peak RSS is the client process's VmHWM (curl: /usr/bin/time); heap is the sum of the heap pools' peak usage. Time is the transfer alone (no JVM start)."
  echo "Client CPU-s is the client process's CPU time (user + system from /proc/self/stat, every thread: JIT, GC, the CRT's native threads) during the timed transfer; curl's is its whole run. The server shares the same cores, so a client that needs less CPU leaves more to the server."
  echo "Server CPU-s is the server process's CPU time during the timed transfer (from its /proc stat, read by a JVM client around its timed transfer, by the harness around curl's run): what that client's way of transferring cost the server. Each table ends with the ceiling it sets: the cores divided by the least server CPU-s per GiB of any run, the rate no client could pass here even needing no CPU itself."
  echo
  for proto in http https; do
    for op in $OPS; do
     for lay in $LAYOUTS; do
      LROWS="$W/rows-$lay.tsv"
      # This layout's rows, the client named without its layout.
      awk -F'\t' -v l="$lay" 'BEGIN{OFS="\t"} {split($3, a, "@"); if (a[2] == l) { $3 = a[1]; print }}' "$ROWS" >"$LROWS"
      best=$(awk -F'\t' -v p="$proto" -v o="$op" '$1==p&&$2==o&&$3!~/^s3wire/&&$3!="curl"&&$4!="FAILED"{if($4>m){m=$4;n=$3}}END{print m+0, n}' "$LROWS")
      ours=$(awk -F'\t' -v p="$proto" -v o="$op" '$1==p&&$2==o&&$3=="s3wire"&&$4!="FAILED"{print $4}' "$LROWS")
      md5=$(awk -F'\t' -v p="$proto" -v o="$op" '$1==p&&$2==o&&$3=="s3wire-md5"&&$4!="FAILED"{print $4}' "$LROWS")
      curlv=$(awk -F'\t' -v p="$proto" -v o="$op" '$1==p&&$2==o&&$3=="curl"&&$4!="FAILED"{print $4}' "$LROWS")
      echo "### $([ "$op" = put ] && echo upload || echo download) over $([ "$proto" = https ] && echo TLS || echo plain HTTP), $([ "$lay" = pinned ] && echo "pinned (server on core 0, client on core 1)" || echo "shared cores")"
      echo
      echo "| client | MiB/s | s3wire / this | seconds | client CPU-s | server CPU-s | peak RSS MiB | peak heap MiB | load before -> after | settings |"
      echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
      awk -F'\t' -v p="$proto" -v o="$op" -v ours="${ours:-0}" -v cores="$CORES" '$1==p&&$2==o{
        r = ($4!="FAILED" && ours>0 && $4>0) ? sprintf("%.2fx", ours/$4) : "-";
        mark = ($8>cores/2 || $9>cores/2) ? " (under load)" : "";
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s -> %s%s | %s |\n", $3, $4, r, $5, $11, $12, $6, $7, $8, $9, mark, $10 }' "$LROWS"
      echo
      set -- $best
      if [ -n "${ours:-}" ] && [ "${1:-0}" != 0 ]; then
        echo "- s3wire vs best peer ($2, $1 MiB/s): $(awk -v a="$ours" -v b="$1" 'BEGIN{printf "%.2fx", a/b}') (goal 1.3x)"
      fi
      if [ -n "${md5:-}" ] && [ "${1:-0}" != 0 ]; then
        echo "- s3wire checking by MD5 vs best peer: $(awk -v a="$md5" -v b="$1" 'BEGIN{printf "%.2fx", a/b}')"
      fi
      if [ -n "${ours:-}" ] && [ -n "${curlv:-}" ]; then
        echo "- s3wire vs curl ($curlv MiB/s): $(awk -v a="$ours" -v b="$curlv" 'BEGIN{printf "%.0f%%", 100*a/b}') (goal 80%)"
      fi
      # What the shared cores allow: the server needs CPU for every GiB whoever sends it, so even a
      # client needing no CPU at all could go no faster than the cores divided by the least server
      # CPU any client's run cost per GiB (a bound, reached only if the server used every core).
      ceiling=$(awk -F'\t' -v p="$proto" -v o="$op" -v b="$BYTES" -v cores="$CORES" '$1==p&&$2==o&&$4!="FAILED"&&$12!=""&&$12!="-"{
          g = $12 / (b / 1073741824); if (min == "" || g < min) { min = g; n = $3 } }
        END { if (min > 0) printf "%.2f %s %.0f", min, n, cores * 1024 / min }' "$LROWS")
      if [ -n "$ceiling" ]; then
        set -- $ceiling
        echo "- Ceiling on these $CORES cores: at the least server CPU any run cost per GiB ($1 s, $2's), even a client needing no CPU of its own could not pass $3 MiB/s$([ "${best%% *}" != 0 ] && echo "; 1.3x the best peer would be $(awk -v b="${best%% *}" 'BEGIN{printf "%.0f", 1.3*b}') MiB/s")"
      fi
      echo
     done
      figure_line "$proto" "$op"
      echo
    done
  done
} >>"$OUT"
if grep -q "FAILED" "$ROWS"; then exit 1; fi
