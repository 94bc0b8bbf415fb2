#!/usr/bin/env bash
# Full site render inside `ova build` (issue 4), on the synthetic library of bench/scan.sh.
#
#   bench/render.sh [N]      default N=10000; RUNS=3 per target
#
# Uses the N-video library of bench/scan.sh (tiny "videos" with real metadata YAML files, made and indexed
# once; processing.batch is false, so no media work), deletes its site and runs `./ova build -v`, RUNS times
# with the site in tmpfs (/dev/shm: ova's own cost) and RUNS times on the library's disk (after each
# deletion it waits until the disk is idle: see bench/site.sh). Prints the whole process's wall time and
# the render phase as ova logs it. Output: bench/results/render-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-3}"
lib="${BENCH_DIR:-/tmp/ova-bench-scan-$n}"
out="$here/results/render-$n.txt"
mkdir -p "$here/results"

. "$here/common.sh"
synthetic_library "$lib" "$n"
# the library's config as synthetic_library wrote it, however this script ends
trap 'synthetic_library "$lib" "$n"; rm -rf /dev/shm/ova-bench-render' EXIT

# site: where the site goes (absolute, or relative to the library)
build() {
  local site="$1" start end
  printf 'processing:\n  batch: false\nsite:\n  output: %s\n' "$site" > "$lib/.ova-repo/config.yaml"
  start=$(date +%s%N)
  "$root/ova" build -v "$lib" > /tmp/ova-bench-render.log 2>&1 || true
  end=$(date +%s%N)
  printf '  wall %5d ms   render phase %5s ms   %s\n' "$(( (end - start) / 1000000 ))" \
    "$(grep -o 'Phase render took [0-9]*' /tmp/ova-bench-render.log | grep -o '[0-9]*$')" \
    "$(grep -o 'Site: .*' /tmp/ova-bench-render.log || grep -o 'Site is up to date' /tmp/ova-bench-render.log)"
}

{
  echo "ova full render in ova build: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  build ".ova-repo/site" > /dev/null   # first: index the library and create its metadata files if needed
  echo "site in tmpfs (/dev/shm):"
  for _ in $(seq 1 "$runs"); do
    rm -rf /dev/shm/ova-bench-render
    build /dev/shm/ova-bench-render
  done
  echo "site on disk (.ova-repo/site):"
  for _ in $(seq 1 "$runs"); do
    rm -rf "$lib/.ova-repo/site"
    settle_disk "$lib"
    build ".ova-repo/site"
  done
} | tee "$out"
