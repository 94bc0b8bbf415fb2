#!/usr/bin/env bash
# GPU processing check and benchmark (processing.hwaccel, DESIGN.md §2): processes the same small
# library with hwaccel none, cuda and auto and prints, per mode, the wall time of `ova build`, the
# decoding ova chose (its log line), the encoder of the web proxy, what was made, and any failure.
# Meant for a machine with an NVIDIA GPU; without one, cuda falls back to the CPU video by video and
# auto decides on the CPU, which this shows as well.
#
#   bench/hwaccel.sh [CLIPS] [SECONDS]    default 3 clips of 60 s
#
# The library: CLIPS H.264 1080p clips (lavfi testsrc2, 30 fps) that browsers play as they are, and
# one MPEG-4 part 2 clip in AVI that they cannot, so processing.webProxy: always re-encodes it (with
# h264_nvenc when decoding on the GPU). Clips are made once under bench/results/hwaccel/.
# OVA: the command line that runs ova (default: the ./ova launcher; e.g. "java -jar ova.jar"); FFMPEG: the ffmpeg that makes the clips and that
# ova uses (default: ffmpeg on PATH, else the build ova bundles, once ova has extracted it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
clips="${1:-3}"
seconds="${2:-60}"
ova="${OVA:-$root/ova}"
ffmpeg="${FFMPEG:-$(command -v ffmpeg || ls "$HOME"/.cache/ova/ffmpeg/*/ffmpeg 2>/dev/null | head -1)}"
[ -x "$ffmpeg" ] || { echo "hwaccel.sh: no ffmpeg; set FFMPEG or run ./ova doctor once" >&2; exit 2; }
ffprobe="$(dirname "$ffmpeg")/ffprobe"
work="$here/results/hwaccel"
source_dir="$work/clips-$clips-$seconds"
mkdir -p "$source_dir"

make_clip() {  # name, size, tone (Hz: each clip its own, or ova lists identical files once), encoder arguments...
  local name="$1" size="$2" tone="$3"
  shift 3
  [ -s "$source_dir/$name" ] || "$ffmpeg" -v error -y -f lavfi -i "testsrc2=size=$size:rate=30:duration=$seconds" \
      -f lavfi -i "sine=frequency=$tone:duration=$seconds" -shortest "$@" "$source_dir/$name"
}
for i in $(seq 1 "$clips"); do
  make_clip "clip-$i.mp4" 1920x1080 $((400 + 20 * i)) -c:v libopenh264 -b:v 6M -g 250 -c:a aac -b:a 96k
done
make_clip "old-camera.avi" 1280x720 300 -c:v mpeg4 -q:v 4 -g 250 -c:a mp3 -b:a 96k 2>/dev/null \
  || make_clip "old-camera.avi" 1280x720 300 -c:v mpeg4 -q:v 4 -g 250 -c:a pcm_s16le

echo "ova processing by processing.hwaccel: $clips x ${seconds}s H.264 1080p + 1 MPEG-4 720p (web proxy)"
echo "machine: $(nproc) cores, $(uname -sr), $(command -v nvidia-smi >/dev/null \
  && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | head -1 || echo 'no NVIDIA GPU'), $(date -u '+%F %T') UTC"
for mode in none cuda auto; do
  lib="$work/library-$mode"
  rm -rf "$lib"
  mkdir -p "$lib"
  cp "$source_dir"/* "$lib/"
  $ova init "$lib" > /dev/null
  # a wrapper logs each ffmpeg run of ova's (exit status and arguments)
  runs="$work/ffmpeg-runs-$mode.txt"
  : > "$runs"
  printf '#!/bin/sh\n"%s" "$@"\nstatus=$?\necho "$status $*" >> "%s"\nexit $status\n' "$ffmpeg" "$runs" \
      > "$work/ffmpeg-$mode"
  chmod +x "$work/ffmpeg-$mode"
  sed -i -e "s|^  path: \"\"|  path: \"$work/ffmpeg-$mode\"|" -e "s|^  ffprobePath: \"\"|  ffprobePath: \"$ffprobe\"|" \
      -e "s|^  hwaccel: auto|  hwaccel: $mode|" -e 's|^  webProxy: auto|  webProxy: always|' \
      "$lib/.ova-repo/config.yaml"
  start=$(date +%s%N)
  status=0
  $ova build -v "$lib" > "$work/build-$mode.log" 2>&1 || status=$?
  end=$(date +%s%N)
  media="$lib/.ova-repo/media"
  proxy="$(find "$media" -name 'proxy.mp4' | head -1)"
  printf '%-5s build %6.1f s, exit %d | %s\n' "$mode" "$(awk "BEGIN {print ($end - $start) / 1e9}")" "$status" \
      "$(grep -o 'Decoding .*' "$work/build-$mode.log" | head -1 | cut -c1-110)"
  printf '      made: %d thumbnails, %d sprite sheets, %d previews, %d web proxies (video: %s)\n' \
      "$(find "$media" -name 'thumb.jpg' | wc -l)" "$(find "$media" -name 'sprite-*.jpg' | wc -l)" \
      "$(find "$media" -name 'preview.*' | wc -l)" "$(find "$media" -name 'proxy.*' | wc -l)" \
      "$( [ -n "$proxy" ] && "$ffprobe" -v error -select_streams v:0 -show_entries stream=codec_name,width,height \
          -of csv=p=0 "$proxy" || echo none)"
  printf '      ffmpeg runs: %d, failed %d; with -hwaccel cuda %d (failed %d); h264_nvenc %d (failed %d)\n' \
      "$(grep -c '' "$runs")" "$(grep -vc '^0 ' "$runs")" "$(grep -c 'hwaccel cuda' "$runs")" \
      "$(grep 'hwaccel cuda' "$runs" | grep -vc '^0 ')" "$(grep -c 'h264_nvenc' "$runs")" \
      "$(grep 'h264_nvenc' "$runs" | grep -vc '^0 ')"
  grep -i 'error\|failed\|fall' "$work/build-$mode.log" | head -3 | sed 's/^/      log: /' || true
done 2>&1 | tee "$work/last-run.txt"
