#!/usr/bin/env bash
# Site render benchmark (issue 4).
#
#   bench/site.sh [N]        default N=10000
#
# Renders the site of a synthetic library of N videos built in memory (metadata, media facts, generated
# media paths; each video's sprite WebVTT is a real file, since video pages inline it): a full render into
# an empty folder, no-op renders (nothing changed), and forced re-renders whose pages come out identical.
# Runs src/test/java/org/ova/bench/SiteBench.java on the test classpath. Output: bench/results/site-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
work="${BENCH_DIR:-/tmp/ova-bench-site}"
out="$here/results/site-$n.txt"
mkdir -p "$here/results"
cd "$root"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$here/results/classpath.txt" >/dev/null

# The full render creates ~12,000 files. On disks mounted with `discard` (like this VM's), deleting a
# previous site makes the disk trim for a while, and creating files meanwhile is several times slower:
# delete first, then wait until the disk has been idle for two seconds (at most two minutes).
rm -rf "$work/library/.ova-repo/site"
sync
dev="$(basename "$(df --output=source "$work" 2>/dev/null | tail -1)")"
previous=""
for _ in $(seq 1 60); do
  current="$(awk -v d="$dev" '$3 == d {print $8, $12, $15}' /proc/diskstats 2>/dev/null)"
  [ -n "$current" ] && [ "$current" = "$previous" ] && break
  previous="$current"
  sleep 2
done
{
  echo "ova site benchmark: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$here/results/classpath.txt")" \
    org.ova.bench.SiteBench "$work" "$n"
} | tee "$out"
