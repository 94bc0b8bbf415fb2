#!/usr/bin/env bash
# Processing pipeline benchmark (issue 3, "Performance"), in one run on this machine:
#   (a) the whole pipeline for one video (probe + thumbnail + sprites + preview + chapters) vs the sum
#       of the bare ffmpeg/ffprobe commands it runs (argument lists captured by a logging wrapper,
#       replayed with ProcessBuilder): a 2-minute 480p clip and the 10-minute one of bench/sprites.sh
#       (made here the same way when bench/results/sprites/ has none); budget <= 1.3x
#   (b) 20 videos of 10 s at 320x180 with parallel 1 vs parallel 2 (default threads); budget >= 1.6x faster
#   (c) COUNT processed videos re-checked by `ova build` with nothing changed: no ffmpeg run at all,
#       under 3 s end to end (the library is made by processing one tiny clip for real and giving
#       COUNT byte-distinct copies its state and media)
#   (d) the JVM heap of `ova build` with -Xmx256m: during (c), and while it re-makes the sprites of
#       all COUNT videos for real (processing.spriteInterval changed, parallel 2); budget 256 MB
#
# Usage:  bench/pipeline.sh [COUNT]      (default 1000). Results: bench/results/pipeline/last-run.txt
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
work=bench/results/pipeline
sprites=bench/results/sprites
mkdir -p "$work" "$sprites"
mvn -B -q package -DskipTests
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/classpath.txt")"
bench() { java -XX:+UseSerialGC -cp "$cp" org.ova.bench.PipelineBench "$@"; }

# Peak used heap from a -Xlog:gc file: the largest "before" value of a collection, in MB.
peak_heap() { { grep -o '[0-9]*M->' "$1" || echo 'no collection, 0M->'; } | sed 's/M->//' | sort -n | tail -1; }
# Heap in use when the JVM exited (-Xlog:gc+heap+exit), in MB.
exit_heap() { grep -o 'generation *total [0-9]*K, used [0-9]*K' "$1" | grep -o 'used [0-9]*' | tr -dc '0-9\n' \
    | awk '{s+=$1} END {printf "%d", s/1024}'; }
now() { date +%s.%N; }

{
echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1), $(date -u '+%F %T') UTC"
if [ -z "${SKIP_AB:-}" ]; then  # SKIP_AB=1 runs only (c) and (d), to try the script on a small COUNT
  bench single "$work" "$sprites/clip-10min-480p-g250.mp4"
  echo
  bench parallel "$work"
  echo
fi

lib="$work/library-$count"
bench library "$lib" "$count"
# counting wrappers as ffmpeg.path / ffprobePath: any ffmpeg work shows up in $runs
wrappers="$(cd "$work" && pwd)/wrappers-count"
runs="$wrappers/runs"
mkdir -p "$wrappers"; : > "$runs"
ff="$(java -XX:+UseSerialGC -cp "$cp" org.ova.bench.LocatedFfmpeg)"
for tool in ffmpeg ffprobe; do
  real="$(dirname "$ff")/$tool"
  printf '#!/bin/sh\necho %s >> "%s"\nexec "%s" "$@"\n' "$tool" "$runs" "$real" > "$wrappers/$tool"
  chmod +x "$wrappers/$tool"
done
./ova init "$lib" >/dev/null
sed -i -e "s|^  path: \"\"|  path: \"$wrappers/ffmpeg\"|" -e "s|^  ffprobePath: \"\"|  ffprobePath: \"$wrappers/ffprobe\"|" \
    -e 's|^  hwaccel: auto|  hwaccel: none|' "$lib/.ova-repo/config.yaml"
# first build: writes the capabilities cache (5 listing runs) and creates the COUNT metadata files
t0=$(now); ./ova build -q "$lib" >/dev/null; t1=$(now)
first_runs=$(wc -l < "$runs")
: > "$runs"
gc="$work/gc-recheck.log"
echo "(c) $count processed videos re-checked by ova build, nothing changed"
printf '  first build (creates %d metadata files, ffmpeg capabilities listed once: %d runs): %.2f s\n' \
    "$count" "$first_runs" "$(echo "$t1 - $t0" | bc)"
for attempt in 1 2 3; do
  : > "$runs"
  t2=$(now)
  OVA_JAVA_OPTS="-XX:+UseSerialGC -Xmx256m -Xlog:gc,gc+heap+exit:file=$gc" ./ova build "$lib" > "$work/recheck.out"
  t3=$(now)
  process_ms=$(grep -o 'Phase process took [0-9]* ms' "$lib/.ova-repo/logs/ova.log" | tail -1 | tr -dc '0-9')
  printf '  re-check %d: %.2f s end to end (JVM start included; budget < 3 s), process phase %d ms, ffmpeg/ffprobe runs: %d\n' \
      "$attempt" "$(echo "$t3 - $t2" | bc)" "$process_ms" "$(wc -l < "$runs")"
done
tail -1 "$work/recheck.out" | sed 's/^/  last line: /'
echo "(d) heap of ova build with -Xmx256m (budget 256 MB)"
printf '  re-check of %d videos: peak used %s MB at a collection, %s MB at exit\n' "$count" "$(peak_heap "$gc")" \
    "$(exit_heap "$gc")"
sed -i -e 's|^  spriteInterval: 0|  spriteInterval: 7|' -e 's|^  parallel: 0|  parallel: 2|' "$lib/.ova-repo/config.yaml"
: > "$runs"
gc="$work/gc-process.log"
t4=$(now)
OVA_JAVA_OPTS="-XX:+UseSerialGC -Xmx256m -Xlog:gc,gc+heap+exit:file=$gc" ./ova build -q "$lib" > "$work/process.out"
t5=$(now)
printf '  re-making the sprites of %d videos (parallel 2, %d ffmpeg runs, %.1f s): peak used %s MB at a collection, %s MB at exit\n' \
    "$count" "$(wc -l < "$runs")" "$(echo "$t5 - $t4" | bc)" "$(peak_heap "$gc")" "$(exit_heap "$gc")"
} 2>&1 | tee "$work/last-run.txt"
