#!/usr/bin/env bash
# Scale-out (issue 12): the cost of processing a library in shards, and of rendering once afterwards.
#
#   bench/shards.sh            RUNS=2 COUNT=20 SECONDS_EACH=10 N=10000
#
# (a) COUNT short clips (320x180 H.264 + AAC, made once with the ffmpeg on PATH): one `ova build` with
#     processing.parallel 2 against two shard processes at once (`ova build --shard 1/2` and `2/2`, each
#     with processing.parallel 1) followed by `ova build --render-only`, side by side (the runs
#     alternate). Each run starts from a fresh copy of the clips. The two shards stand for two machines
#     of one core each, so they get processing.threads 1, as the single build's two jobs get on their own
#     (ffmpeg otherwise starts a thread per core in each shard, and four busy threads on two cores slow
#     each other down: bench/pipeline.sh). Budget: the shards plus the render-only step cost at most 10%
#     over the single build. The split is by id (CRC-32), so with 20 videos the shards get about, not
#     exactly, 10 each; a shard done with its own videos makes the running shard's unstarted ones. The
#     line says how many videos each shard processed, its own and those it made for the other.
# (b) The N-video synthetic library of bench/scan.sh with a processing state for every video split over
#     two shards' files (as two shards leave it): `ova build --render-only` (merge, check, full render)
#     against today's `ova build` full render of the same library, side by side, site in tmpfs. Budget:
#     no slower. The synthetic "videos" are not processed (processing.batch false) in either run, so the
#     check of what is left to process, the same in both, costs nothing in either.
# Output: bench/results/shards.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-2}"
count="${COUNT:-20}"
seconds="${SECONDS_EACH:-10}"
n="${N:-10000}"
work="${BENCH_DIR:-/tmp/ova-bench-shards}"
clips="/tmp/ova-bench-service/clips-$count-${seconds}s"
lib="/tmp/ova-bench-scan-$n"
out="$here/results/shards.txt"
mkdir -p "$here/results" "$work"
. "$here/common.sh"
bench_clips "$clips" "$count" "$seconds"
synthetic_library "$lib" "$n"
trap 'synthetic_library "$lib" "$n"; rm -rf /dev/shm/ova-bench-shards' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# a fresh library of the clips with processing.parallel $1 and processing.threads $2 (0: ova decides)
fresh() {
  rm -rf "$work/library"
  mkdir -p "$work/library/.ova-repo"
  cp "$clips"/*.mp4 "$work/library/"
  printf 'processing:\n  parallel: %s\n  threads: %s\n' "$1" "$2" > "$work/library/.ova-repo/config.yaml"
  settle_disk "$work"
}

single() {
  local start
  fresh 2 0
  start=$(date +%s%N)
  "$root/ova" build -q "$work/library" > "$work/single.log" 2>&1
  ms "$start"
}

# prints "shards-ms render-ms videos-of-shard-1 videos-of-shard-2"
sharded() {
  local start shards
  fresh 1 1
  start=$(date +%s%N)
  "$root/ova" build --shard 1/2 "$work/library" > "$work/shard-1.log" 2>&1 &
  "$root/ova" build --shard 2/2 "$work/library" > "$work/shard-2.log" 2>&1 &
  wait %1 && wait %2
  shards=$(ms "$start")
  start=$(date +%s%N)
  "$root/ova" build -q --render-only "$work/library" > "$work/render-only.log" 2>&1
  echo "$shards $(ms "$start") $(grep -c -- '--- Processing video' "$work/shard-1.log") \
$(grep -c -- '--- Processing video' "$work/shard-2.log")"
}

# the processing state of the synthetic library, every video with a probe and its media made: in
# processing.json ($1 = merged) or in the files two shards leave ($1 = shards)
states() {
  python3 - "$lib" "$1" <<'PY'
import json, sys, zlib
lib, where = sys.argv[1], sys.argv[2]
ids = [json.loads(line.rstrip(",\n"))["id"] for line in open(lib + "/.ova-repo/machine/catalog.json")
       if line.startswith('{"id"')]
state = {"probe": {"duration": 6.0, "container": "mov,mp4,m4a,3gp,3g2,mj2", "videoCodec": "h264",
                   "audioCodec": "aac", "width": 426, "height": 240, "rotation": 0, "frameRate": 25.0,
                   "bitRate": 219698, "vrProjection": "AUTO", "vrStereo": "AUTO", "keyframeInterval": 2.0,
                   "chapters": []},
         "steps": {"thumbnail": {"key": "method=window-v1 width=640", "file": "thumb.jpg"},
                   "sprites": {"key": "method=keyframes-v1 interval=0 width=160 grid=10x10", "file": "sprites.vtt"},
                   "preview": {"key": "segments=10 seconds=0.75 width=320 encoder=libx264 method=1",
                               "file": "preview.mp4"}}}
machine = lib + "/.ova-repo/machine/"
if where == "merged":
    json.dump({"version": 3, "videos": {i: state for i in ids}}, open(machine + "processing.json", "w"))
for shard in (1, 2) if where == "shards" else ():
    mine = {i: state for i in ids if zlib.crc32(i.encode()) % 2 + 1 == shard}
    json.dump({"version": 3, "videos": mine}, open(machine + "processing.shard-%d-of-2.json" % shard, "w"))
PY
}

# $1: merged or shards (see states), then ova's options
render() {
  local start
  rm -rf /dev/shm/ova-bench-shards
  rm -f "$lib/.ova-repo/machine/processing"*
  states "$1"
  shift
  printf 'processing:\n  batch: false\nsite:\n  output: /dev/shm/ova-bench-shards\n' > "$lib/.ova-repo/config.yaml"
  start=$(date +%s%N)
  "$root/ova" build -q "$@" "$lib" > "$work/render.log" 2>&1 || true
  ms "$start"
}

{
  echo "ova build --shard: $count videos of ${seconds} s (320x180), $runs runs each; render-only: $n videos"
  echo "$(ffmpeg -version | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  echo "(a) one build (parallel 2) vs 2 shards at once (parallel 1 each) + render-only:"
  for run in $(seq 1 "$runs"); do
    one="$(single)"
    read -r shards render first second <<< "$(sharded)"
    echo "  run $run: build ${one} ms; shards ${shards} ms (${first} + ${second} videos) + render-only ${render} ms" \
      "= $((shards + render)) ms: $(echo "($shards + $render) / $one" | bc -l | xargs printf '%.2f')x the build"
  done
  echo "(b) full render of $n videos: ova build vs ova build --render-only (merging 2 shards' states), site in tmpfs:"
  "$root/ova" build -q "$lib" > /dev/null 2>&1 || true   # index once
  for run in $(seq 1 "$runs"); do
    full="$(render merged)"
    only="$(render shards --render-only)"
    echo "  run $run: build ${full} ms, render-only ${only} ms: $(echo "$only / $full" | bc -l | xargs printf '%.2f')x"
  done
} | tee "$out"
