#!/usr/bin/env bash
# Edit benchmark (issue 13): edit -> re-rendered pages on disk.
#
#   bench/edit.sh [N [EDITS]]        defaults: N=10000 videos, 50 edits
#
# Builds the synthetic N-video library of SiteBench in memory (sprite WebVTT files on disk), renders its
# site once into a fresh work folder (deleted at the end), then times EDITS edits through org.ova.server.edit.VideoEditor
# (read the state, PATCH with If-Match: YAML rewritten, written atomically, read back) each followed by the
# org.ova.site.LiveSite refresh that re-renders only the pages whose content changed. Prints each edit's
# time and result, then p50/p95/max. JVM flags as the launcher gives `ova serve` (serial GC, the quick JIT
# compiler alone); JVM="..." replaces them. Runs src/test/java/org/ova/bench/EditBench.java on the test
# classpath. Output: bench/results/edit-N.txt.
#
# Side by side: TREES="before=/path/to/other/checkout now=." RUNS=2 bench/edit.sh runs the benchmark
# with each tree's compiled classes in turn (compile the other checkout first: mvn -q -o test-compile).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
edits="${2:-50}"
work="${BENCH_DIR:-/tmp/ova-bench-edit}-$(date +%s)"
out="$here/results/edit-$n.txt"
mkdir -p "$here/results" "$work"
cd "$root"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$here/results/classpath.txt" >/dev/null
dependencies="$(cat "$here/results/classpath.txt")"
jvm="${JVM:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
trees="${TREES:-now=.}"
trap 'rm -rf "$work"' EXIT
{
  echo "ova edit benchmark: $n videos, $edits edits, $(nproc) cores, JVM $jvm, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for run in $(seq "${RUNS:-1}"); do
    for tree in $trees; do
      name="${tree%%=*}"
      dir="${tree#*=}"
      rm -rf "$work"
      sync
      echo "== $name (run $run, load $(cut -d' ' -f1 /proc/loadavg))"
      # shellcheck disable=SC2086
      java $jvm -cp "$dir/target/test-classes:$dir/target/classes:$dependencies" \
        org.ova.bench.EditBench "$work" "$n" "$edits"
    done
  done
} | tee "$out"
