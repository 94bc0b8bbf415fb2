#!/usr/bin/env bash
# `ova serve` takes in a video copied into its library (issue 14): the time from the copy finished to the
# video's page live on the site, listed (placeholder thumbnail) and then processed (its thumbnail on the
# page), polled over http, against the processing time the server reports for it (its job's started →
# finished in GET /api/jobs). Budget: processed page live within the processing time + 2 s (the 1 s settle
# time, the scan, the render, and the poll of 0.1 s are the rest).
#
#   bench/arrival.sh            COUNT=200 RUNS=3
#
# The library is bench/GenerateLibrary.java's COUNT synthetic videos (processing.batch false: nothing is
# processed at start; videos that arrive while serving are processed all the same) in BENCH_DIR. Each run
# copies a different 10 s 640x360 H.264 + AAC clip (made once with the ffmpeg on PATH, in
# bench/results/arrival/) into Arrivals/. Output: bench/results/arrival.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=bench/common.sh
source "$here/common.sh"
count="${COUNT:-200}"
runs="${RUNS:-3}"
lib="${BENCH_DIR:-/tmp/ova-bench-arrival-$count}"
clips="$here/results/arrival"
out="$here/results/arrival.txt"
port=18483
mkdir -p "$clips"
synthetic_library "$lib" "$count"
rm -rf "$lib/Arrivals"
for run in $(seq 1 "$runs"); do
  clip="$clips/clip-$run.mp4"
  if [ ! -f "$clip" ]; then
    # a different length each: different content, so each is a new video
    ffmpeg -nostdin -loglevel error -f lavfi -i "testsrc2=size=640x360:rate=30:duration=$((9 + run))" \
      -f lavfi -i "sine=frequency=440:duration=$((9 + run))" -c:v libx264 -preset veryfast -c:a aac -shortest "$clip"
  fi
done
"$root/ova" build -q "$lib"

"$root/ova" serve -q --port "$port" "$lib" > /dev/null 2>&1 &
ova_pid=$!
trap 'kill $ova_pid 2>/dev/null || true; wait 2>/dev/null' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$base/api/status" && break
  sleep 0.2
done
mkdir -p "$lib/Arrivals"
now() { date +%s.%N; }

# job PATH: the last job of the video at PATH as "videoId state started finished", empty while there is none
job() {
  curl -fs "$base/api/jobs" | python3 -c '
import json, sys
jobs = [j for j in json.load(sys.stdin)["jobs"] if j["path"] == sys.argv[1]]
if jobs:
    j = jobs[-1]
    print(j["videoId"], j["state"], j["started"] or "-", j["finished"] or "-")
' "$1"
}
seconds() { python3 -c 'import sys, datetime as d; print((d.datetime.fromisoformat(sys.argv[2].replace("Z", "+00:00")) - d.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00"))).total_seconds())' "$1" "$2"; }

{
  echo "ova serve: a clip copied into a served library of $count videos -> its page live, $runs runs,"
  echo "$(ffmpeg -version | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for run in $(seq 1 "$runs"); do
    path="Arrivals/clip-$run.mp4"
    cp "$clips/clip-$run.mp4" "$lib/$path"
    t="$(now)"
    id=""
    listed=""
    processed=""
    for _ in $(seq 1 1200); do
      if [ -z "$id" ]; then
        read -r id _ _ _ < <(job "$path") || true
      fi
      if [ -n "$id" ]; then
        page="$(curl -fs "$base/.ova-repo/site/video/$id.html" || true)"
        if [ -n "$page" ] && [ -z "$listed" ]; then
          listed="$(echo "$(now) - $t" | bc -l)"
        fi
        if [[ "$page" == *"media/$id/thumbnail/"* ]]; then
          processed="$(echo "$(now) - $t" | bc -l)"
          break
        fi
      fi
      sleep 0.1
    done
    read -r _ state started finished < <(job "$path")
    took="$(seconds "$started" "$finished")"
    printf 'run %d: page listed %.2f s, processed page live %.2f s; processing (job %s) %.2f s; live - processing %.2f s (budget 2 s)\n' \
      "$run" "${listed:-nan}" "${processed:-nan}" "$state" "$took" "$(echo "${processed:-999} - $took" | bc -l)"
  done
} | tee "$out"
