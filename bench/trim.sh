#!/usr/bin/env bash
# `ova serve` trimmed downloads (issue 13) against the bare ffmpeg command, side by side in one run:
# a 60 s cut from the middle of a 10-minute video (640x360 H.264 + AAC, keyframe every 2 s).
#
#   bench/trim.sh            RUNS=5 START=240 LENGTH=60
#
# copy  : time to the first byte of GET /api/videos/{id}/trim?mode=copy (curl's time_starttransfer),
#         against the same stream-copy ffmpeg command piped into `head -c 1` (its first byte).
#         Budget: under 0.5 s.
# exact : time to the whole file (curl's time_total), against the bare ffmpeg command with the same
#         encoder settings writing an ordinary MP4 file. Budget: under 1.5x the bare command.
# Both use the ffmpeg in FFMPEG (default: the one on PATH), set as ffmpeg.path of the bench library.
# The runs alternate (ova, bare, ova, bare, ...). The library (video generated once, then built with
# `ova build`) stays in BENCH_DIR between runs. Output: bench/results/trim.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-5}"
start="${START:-240}"
length="${LENGTH:-60}"
ffmpeg="${FFMPEG:-$(command -v ffmpeg)}"
ffprobe="${FFPROBE:-$(dirname "$ffmpeg")/ffprobe}"
lib="${BENCH_DIR:-/tmp/ova-bench-trim}"
out="$here/results/trim.txt"
port=18482
mkdir -p "$here/results" "$lib/.ova-repo"
video="$lib/long.mp4"
if [ ! -f "$video" ]; then
  "$ffmpeg" -nostdin -loglevel error -f lavfi -i testsrc2=size=640x360:rate=30:duration=600 \
    -f lavfi -i sine=frequency=440:duration=600 -c:v libx264 -preset veryfast -g 60 -c:a aac -shortest "$video"
fi
printf 'ffmpeg:\n  path: %s\n  ffprobePath: %s\n' "$ffmpeg" "$ffprobe" > "$lib/.ova-repo/config.yaml"
"$root/ova" build -q "$lib"
page="$(ls "$lib/.ova-repo/site/video/" | head -1)"
id="${page%.html}"

"$root/ova" serve -q --port "$port" "$lib" > /dev/null 2>&1 &
ova_pid=$!
tmp="$(mktemp -d)"
trap 'kill $ova_pid 2>/dev/null || true; wait 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/api/status" && break
  sleep 0.2
done
url="http://127.0.0.1:$port/api/videos/$id/trim?start=$start&end=$((start + length))"
common=(-nostdin -hide_banner -loglevel error -ss "$start" -i "$video" -t "$length" -map 0:v:0? -map 0:a:0?)
exact=(-c:v libx264 -preset veryfast -crf 18 -pix_fmt yuv420p -c:a aac -b:a 160k)
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.3f'; }

{
  echo "ova trim vs bare ffmpeg: ${length} s from ${start} s of a 10-minute 640x360 video, $runs runs each,"
  echo "$("$ffmpeg" -version | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for run in $(seq 1 "$runs"); do
    ova_copy="$(curl -fs -o /dev/null -w '%{time_starttransfer}' "$url&mode=copy")"
    t="$(now)"
    "$ffmpeg" "${common[@]}" -c copy -avoid_negative_ts make_zero -movflags frag_keyframe+empty_moov -f mp4 pipe:1 \
      2>/dev/null | head -c 1 > /dev/null || true
    bare_copy="$(since "$t")"
    ova_exact="$(curl -fs -o "$tmp/ova.mp4" -w '%{time_total}' "$url&mode=exact")"
    t="$(now)"
    "$ffmpeg" "${common[@]}" "${exact[@]}" -y "$tmp/bare.mp4"
    bare_exact="$(since "$t")"
    printf 'run %d: copy first byte ova %.3f s, bare %.3f s | exact whole file ova %.3f s, bare %.3f s (%.2fx)\n' \
      "$run" "$ova_copy" "$bare_copy" "$ova_exact" "$bare_exact" "$(echo "$ova_exact / $bare_exact" | bc -l)"
  done
  echo "exact cut's duration: ova $("$ffprobe" -v error -show_entries format=duration -of csv=p=0 "$tmp/ova.mp4") s," \
       "bare $("$ffprobe" -v error -show_entries format=duration -of csv=p=0 "$tmp/bare.mp4") s"
} | tee "$out"
