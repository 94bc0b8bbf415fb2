#!/usr/bin/env bash
# Scan + metadata-load benchmark (issue: foundation).
#
#   bench/scan.sh [N]        default N=10000
#
# Makes a synthetic library of N tiny distinct "videos" with a metadata YAML each (bench/GenerateLibrary.java),
# runs `ova build` once to index it, then times unchanged re-builds: the whole process (JVM start included)
# and the scan and metadata phases as ova logs them. Results go to bench/results/scan-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-5}"
lib="${BENCH_DIR:-/tmp/ova-bench-scan-$n}"
out="$here/results/scan-$n.txt"
mkdir -p "$here/results"

. "$here/common.sh"
synthetic_library "$lib" "$n"

echo "first build (indexes $n videos):"
start=$(date +%s%N)
"$root/ova" build -q "$lib" || true
end=$(date +%s%N)
echo "  $(( (end - start) / 1000000 )) ms"

{
  echo "ova scan benchmark: $n videos, $(nproc) cores, $(date -u +%FT%TZ)"
  echo "run  wall_ms  scan_ms  metadata_ms"
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$root/ova" build -v "$lib" > /tmp/ova-bench-scan.log 2>&1 || true
    end=$(date +%s%N)
    scan=$(grep -o 'Phase scan took [0-9]*' /tmp/ova-bench-scan.log | grep -o '[0-9]*$')
    meta=$(grep -o 'Phase metadata took [0-9]*' /tmp/ova-bench-scan.log | grep -o '[0-9]*$')
    fp=$(grep -o '([0-9]* fingerprinted)' /tmp/ova-bench-scan.log | grep -o '[0-9]*')
    printf '%3d  %7d  %7s  %11s   (%s fingerprinted)\n' "$i" "$(( (end - start) / 1000000 ))" "$scan" "$meta" "$fp"
  done
} | tee "$out"
