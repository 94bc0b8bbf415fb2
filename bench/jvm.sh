#!/usr/bin/env bash
# JVM settings and jar versions side by side, on the synthetic library of bench/scan.sh.
#
#   bench/jvm.sh [N]                     default N=10000; RUNS=3 rounds
#   SETTINGS='name=opts;name=opts' bench/jvm.sh 30000
#   JARS='before=/path/old.jar after=target/ova.jar' bench/jvm.sh
#
# For every round, every jar and every JVM setting (interleaved, so a slow minute of this shared VM hits
# all of them alike) it runs two `ova build -v` of the same library:
#   - a full render into a fresh folder in tmpfs (/dev/shm: ova's own cost, not the disk's);
#   - a no-op build right after (nothing changed: scan, metadata, fingerprint).
# Each line gives the wall time of the whole process (JVM start included), the render phase as ova logs
# it, and the peak resident memory (GNU time's %M). A build that fails (e.g. out of heap) prints FAILED.
# The JVM options replace the launcher's (as OVA_JAVA_OPTS does); no class-data archive is used, for any
# jar, so the jars compare fairly. Each jar gets its own copy of the library (its machine files are in
# that jar's formats), indexed once before the rounds. Output: bench/results/jvm-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-3}"
lib="${BENCH_DIR:-/tmp/ova-bench-scan-$n}"
out="$here/results/jvm-$n.txt"
quick="-XX:TieredStopAtLevel=1"
settings="${SETTINGS:-launcher=-XX:+UseParallelGC $quick;parallel-256m=-XX:+UseParallelGC -Xmx256m $quick;serial-256m=-XX:+UseSerialGC -Xmx256m $quick;serial-512m=-XX:+UseSerialGC -Xmx512m $quick}"
jars="${JARS:-current=$root/target/ova.jar}"
mkdir -p "$here/results"

. "$here/common.sh"
synthetic_library "$lib" "$n"
site=/dev/shm/ova-bench-jvm
trap 'rm -rf "$site" "$lib".jvm-*' EXIT

# run JAR OPTS LIBRARY: one ova build; prints "wall_ms render_ms rss_mb"
run() {
  local start end rc=0
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o /tmp/ova-bench-jvm.rss java $2 -jar "$1" build -v "$3" > /tmp/ova-bench-jvm.log 2>&1 || rc=$?
  end=$(date +%s%N)
  if [ "$rc" -gt 1 ] || grep -q 'OutOfMemoryError' /tmp/ova-bench-jvm.log; then
    echo "FAILED(rc=$rc)"
    return
  fi
  printf '%6d ms  render %5s ms  RSS %4d MB' "$(( (end - start) / 1000000 ))" \
    "$(grep -o 'Phase render took [0-9]*' /tmp/ova-bench-jvm.log | grep -o '[0-9]*$' || echo -)" \
    "$(( $(tail -1 /tmp/ova-bench-jvm.rss) / 1024 ))"
}

{
  echo "ova JVM settings: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for jar in $jars; do
    copy="$lib.jvm-${jar%%=*}"
    rm -rf "$copy" "$site" && cp -a "$lib" "$copy"
    printf 'processing:\n  batch: false\nsite:\n  output: %s\n' "$site" > "$copy/.ova-repo/config.yaml"
    java -jar "${jar#*=}" build -q "$copy" > /dev/null 2>&1 || true   # index once with this jar
  done
  for round in $(seq 1 "$runs"); do
    echo "round $round"
    for jar in $jars; do
      IFS=';' read -ra list <<< "$settings"
      for setting in "${list[@]}"; do
        rm -rf "$site"
        full="$(run "${jar#*=}" "${setting#*=}" "$lib.jvm-${jar%%=*}")"
        noop="$(run "${jar#*=}" "${setting#*=}" "$lib.jvm-${jar%%=*}")"
        printf '  %-8s %-14s full: %s   no-op: %s\n' "${jar%%=*}" "${setting%%=*}" "$full" "$noop"
      done
    done
  done
} | tee "$out"
