#!/usr/bin/env bash
# Full site render inside `ova build` (issue 4), on the synthetic library of bench/scan.sh.
#
#   bench/render.sh [N]      default N=10000; RUNS=3 per target
#
# Uses the N-video library of bench/scan.sh (tiny "videos" with real metadata YAML files, made and indexed
# once; processing.batch is false, so no media work), deletes its site and runs `./ova build -v`, RUNS times
# with the site in tmpfs (/dev/shm: ova's own cost) and RUNS times into fresh folders on the library's
# disk (each after the disk is idle: see bench/common.sh). Prints the whole process's wall time and the
# render phase as ova logs it; then, as the disk's baseline, copies the tmpfs site into fresh folders on
# the same disk with cp -r RUNS times. Output: bench/results/render-N.txt.
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
trap 'synthetic_library "$lib" "$n"; rm -rf /dev/shm/ova-bench-render "$lib"/.ova-repo/bench-site-* "$lib"/.ova-repo/bench-copy-*' EXIT

# site: where the site goes (absolute, or relative to the library)
build() {
  local site="$1" start end
  printf 'processing:\n  batch: false\nsite:\n  output: %s\n' "$site" > "$lib/.ova-repo/config.yaml"
  start=$(date +%s%N)
  # bash's time keyword: the CPU time of the build in user space and in the kernel (file creation)
  { TIMEFORMAT='%U %S'; time "$root/ova" build -v "$lib" > /tmp/ova-bench-render.log 2>&1 || true; } \
    2> /tmp/ova-bench-render.cpu
  end=$(date +%s%N)
  printf '  wall %5d ms   render phase %5s ms   CPU user %5s s, kernel %5s s   %s\n' "$(( (end - start) / 1000000 ))" \
    "$(grep -o 'Phase render took [0-9]*' /tmp/ova-bench-render.log | grep -o '[0-9]*$')" \
    $(tail -1 /tmp/ova-bench-render.cpu) \
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
  # On disk, every run writes a fresh folder and all are deleted at the end: for minutes after 12,000
  # files are deleted, creating files on this VM's ext4 disk (mounted with discard) costs the kernel
  # many times its usual CPU (one run: 10 s of kernel time instead of 1.3 s, for ova and cp alike),
  # so deleting between runs measured that, not ova.
  echo "site on disk (a fresh folder under .ova-repo/ each run):"
  for i in $(seq 1 "$runs"); do
    settle_disk "$lib"
    build ".ova-repo/bench-site-$i"
  done
  # the disk's own cost in the same run: the same files, already made, copied onto it
  echo "baseline: cp -r of the tmpfs site into a fresh folder on the same disk:"
  for i in $(seq 1 "$runs"); do
    settle_disk "$lib"
    start=$(date +%s%N)
    cp -r /dev/shm/ova-bench-render "$lib/.ova-repo/bench-copy-$i"
    end=$(date +%s%N)
    printf '  cp -r %5d ms\n' "$(( (end - start) / 1000000 ))"
  done
} | tee "$out"
