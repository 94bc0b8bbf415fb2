#!/usr/bin/env bash
# ova's site render next to Hugo's build of an equivalent site (issue 4).
#
#   bench/ssg-compare.sh [N]      default N=10000 videos; RUNS=2 timed runs each
#
# Needs Hugo from Debian's packages (`sudo apt-get install hugo`); without it, prints how to install it
# and exits 0 ("skipped"). Builds, in a fresh work folder, a Hugo site with the same N videos as
# bench/site.sh (bench/GenerateHugoSite.java writes the content pages and the sprite WebVTT files,
# bench/hugo/ has the config and layouts shaped like ova's default theme), then times:
#   - hugo: a first build (cold caches), RUNS full builds into new empty folders, and one rebuild
#     into the last run's folder (Hugo has no incremental build outside `hugo server`: it renders all);
#   - ova: RUNS runs of SiteBench (as bench/site.sh), each in a new work folder, whose first line is
#     the full render into an empty folder.
# Every timed build writes into a folder that never existed, and nothing is deleted until the end:
# on some disks creating files right after deleting many is slow. `sync` runs between builds, so no
# build pays for the previous one's write-back. Output: bench/results/ssg-N.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-2}"
work="${BENCH_DIR:-/tmp/ova-bench-ssg}"
out="$here/results/ssg-$n.txt"

if ! command -v hugo >/dev/null; then
  echo "skipped: hugo is not installed. Install it from Debian's packages with"
  echo "  sudo apt-get install hugo"
  echo "then run bench/ssg-compare.sh again."
  exit 0
fi

mkdir -p "$here/results"
cd "$root"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$here/results/classpath.txt" >/dev/null
classpath="target/test-classes:target/classes:$(cat "$here/results/classpath.txt")"

# leftovers of an earlier run go first, then the disk gets time to settle before anything is timed
rm -rf "$work"
mkdir -p "$work"
. "$here/common.sh"
settle_disk "$work"
src="$work/hugo-site"
cp -r "$here/hugo" "$src"
mkdir -p "$src/static" "$src/assets"
cp -r "$root/themes/default/assets" "$src/static/assets"   # ova copies its theme assets too
cp "$root/themes/default/assets/vendor/plyr/plyr.svg" "$src/assets/"
java "$here/GenerateHugoSite.java" "$src" "$n" >/dev/null

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# one Hugo build into $1, timed; prints the milliseconds and Hugo's peak memory
hugo_build() {
  sync
  sleep 2
  local start
  start=$(date +%s%N)
  (cd "$src" && /usr/bin/time -f "%M" -o "$work/hugo-rss" hugo --quiet -d "$1")
  printf '%6d ms  peak RSS %d MB' "$(ms "$start")" $(( $(cat "$work/hugo-rss") / 1024 ))
}

# summary of one output folder: HTML pages, all files, bytes, the video pages' average size
site_summary() {
  local dir="$1" videos="$2" pages files bytes vcount vbytes
  pages=$(find "$dir" -name '*.html' ! -path '*/page/1.html' | wc -l)   # Hugo's page/1 redirects apart
  files=$(find "$dir" -type f | wc -l)
  bytes=$(du -sb "$dir" | cut -f1)
  vcount=$(find "$dir/$videos" -maxdepth 1 -name '*.html' | wc -l)
  vbytes=$(find "$dir/$videos" -maxdepth 1 -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  printf '%d HTML pages, %d files, %.1f MB; %d video pages, %d bytes each on average' \
    "$pages" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$vcount" $(( vbytes / vcount ))
}

{
  echo "ova vs Hugo site build: $n videos, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  echo "$(hugo version | cut -d' ' -f1-2), $(java -version 2>&1 | head -1)"
  echo
  echo "hugo first build (cold)        $(hugo_build "$work/hugo-out-0")"
  hugo_full=()
  for run in $(seq 1 "$runs"); do
    line=$(hugo_build "$work/hugo-out-$run")
    hugo_full+=("$(( ${line%% ms*} ))")
    echo "hugo full build $run              $line"
  done
  echo "hugo rebuild, nothing changed  $(hugo_build "$work/hugo-out-$runs")"
  aliases=$(find "$work/hugo-out-$runs" -path '*/page/1.html' | wc -l)
  echo "hugo output: $(site_summary "$work/hugo-out-$runs" videos) (plus $aliases page/1.html redirects)"
  echo
  ova_full=()
  for run in $(seq 1 "$runs"); do
    sync
    sleep 2
    echo "ova SiteBench run $run:"
    java -Xmx512m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$classpath" org.ova.bench.SiteBench "$work/ova-$run" "$n" | tee "$work/ova-$run.txt" | sed 's/^/  /'
    ova_full+=("$(sed -n 's/^full render[^0-9]*\([0-9]*\) ms.*/\1/p' "$work/ova-$run.txt")")
  done
  echo "ova output: $(site_summary "$work/ova-$runs/library/.ova-repo/site" video)"
  echo
  best() { printf '%s\n' "$@" | sort -n | head -1; }
  hugo_best=$(best "${hugo_full[@]}")
  ova_best=$(best "${ova_full[@]}")
  echo "full build, best of $runs: ova ${ova_best} ms, hugo ${hugo_best} ms;" \
    "ratio ova / hugo = $(printf '%.2f' "$(echo "$ova_best / $hugo_best" | bc -l)")"
  echo "(all runs: ova ${ova_full[*]} ms; hugo ${hugo_full[*]} ms)"
} | tee "$out"

if [[ -z "${KEEP:-}" ]]; then
  rm -rf "$work"
fi
