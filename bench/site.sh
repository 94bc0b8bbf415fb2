#!/usr/bin/env bash
# Site render benchmark (issue 4).
#
#   bench/site.sh [N]        default N=10000
#
# Renders the site of a synthetic library of N videos built in memory (metadata, media facts, generated
# media paths; each video's sprite WebVTT is a real file, since video pages inline it), in two fresh JVMs:
#   1. into tmpfs (/dev/shm): ova's own cost, without the disk;
#   2. into the library's .ova-repo/site on disk, as `ova build` does;
# each with a full render into an empty folder, no-op renders (nothing changed) and forced re-renders whose
# pages come out identical. Then, as the disk's baseline in the same run, the files of render 1 are copied
# with `cp -r` onto the same disk. Runs src/test/java/org/ova/bench/SiteBench.java on the test classpath.
# Output: bench/results/site-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
work="${BENCH_DIR:-/tmp/ova-bench-site}"
shm="/dev/shm/ova-bench-site"
out="$here/results/site-$n.txt"
mkdir -p "$here/results" "$work"
cd "$root"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$here/results/classpath.txt" >/dev/null
classpath="target/test-classes:target/classes:$(cat "$here/results/classpath.txt")"
# the JVM settings the ova launcher uses for `ova build` (see ./ova)
jvm="-Xmx512m -XX:+UseParallelGC -XX:TieredStopAtLevel=1"

# The full render creates ~12,000 files: on disk into a fresh folder, deleted only at the end (for
# minutes after thousands of files are deleted, creating files on this VM's ext4 costs the kernel
# many times its usual CPU: see bench/README.md), and from an idle disk (see bench/common.sh)
stamp="$(date +%s)"
disk_site=".ova-repo/bench-site-$stamp"
copy="$work/copy-$stamp"
trap 'rm -rf "$shm" "$work/library/$disk_site" "$copy"' EXIT
rm -rf "$shm"
. "$here/common.sh"
settle_disk "$work"

ms() { echo $(( ($2 - $1) / 1000000 )); }
{
  echo "ova site benchmark: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  if [ -d /dev/shm ]; then
    echo "== 1. into tmpfs"
    java $jvm -cp "$classpath" org.ova.bench.SiteBench "$work" "$n" "$shm/site"
  fi
  echo "== 2. onto disk"
  java $jvm -cp "$classpath" org.ova.bench.SiteBench "$work" "$n" "$disk_site"
  if [ -d "$shm/site" ]; then
    sync
    start=$(date +%s%N)
    cp -r "$shm/site" "$copy"
    sync
    end=$(date +%s%N)
    echo "== baseline: cp -r of the same $(find "$shm/site" -type f | wc -l) files onto the same disk, with sync: $(ms "$start" "$end") ms"
  fi
} | tee "$out"
