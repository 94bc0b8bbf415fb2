#!/usr/bin/env bash
# `ova publish` (issue 9) on the synthetic library of bench/scan.sh: a first publish into a fresh folder
# with hard-linked videos, then no-op re-publishes (budget: under 2 s for 10,000 videos).
#
#   bench/publish.sh [N]     default N=10000; RUNS=3 per kind
#
# Uses the N-video library of bench/scan.sh (tiny "videos" with real metadata YAML files; processing.batch
# is false, so no media work) and builds it once. Then RUNS times: deletes the published folder (beside the
# library, on the same disk, so videos are hard links), waits for the disk to be idle (bench/common.sh) and
# times `ova publish -v --to DIR` — the whole process, and the publish phase as ova logs it — followed, once
# the disk is idle again, by a no-op re-publish into the same folder. Output: bench/results/publish-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-3}"
lib="${BENCH_DIR:-/tmp/ova-bench-scan-$n}"
dest="$lib-published"
out="$here/results/publish-$n.txt"
mkdir -p "$here/results"

. "$here/common.sh"
synthetic_library "$lib" "$n"
trap 'rm -rf "$dest"' EXIT

publish() {
  local start end
  start=$(date +%s%N)
  "$root/ova" publish -v "$lib" --to "$dest" > /tmp/ova-bench-publish.log 2>&1 || true
  end=$(date +%s%N)
  printf '  %-8s wall %5d ms   publish phase %5s ms   %s\n' "$1" "$(( (end - start) / 1000000 ))" \
    "$(grep -o 'Phase publish took [0-9]*' /tmp/ova-bench-publish.log | grep -o '[0-9]*$')" \
    "$(grep -o 'Published [0-9]* videos.*removed\.' /tmp/ova-bench-publish.log \
       || grep -o 'Published copy is up to date' /tmp/ova-bench-publish.log || tail -1 /tmp/ova-bench-publish.log)"
}

{
  echo "ova publish: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  "$root/ova" build -q "$lib" > /dev/null || true   # index the library and render its own site first
  for _ in $(seq 1 "$runs"); do
    rm -rf "$dest"
    settle_disk "$lib"
    publish first
    settle_disk "$lib"   # the first publish's 12,000 pages still being written back would be timed too
    publish no-op
  done
  echo "published folder: $(find "$dest" -type f | wc -l) files, $(du -sh "$dest" | cut -f1) (hard links count once)"
} | tee "$out"
