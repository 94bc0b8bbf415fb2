#!/usr/bin/env bash
# `ova serve` uploads (issue 14) against `cp` of the same file onto the same disk, side by side in one run.
#
#   bench/upload.sh            SIZE_MB=1024 RUNS=3
#
# ova : curl posts the file to POST /api/uploads over loopback as the Upload page does (multipart:
#       folder, title, tags, file), until the answer (201: the file is in the library as a draft).
# cp  : `cp` of the same file into the same library folder.
# Each is timed twice: into the page cache (no sync), and to the disk (followed by `sync`, as in the
# issue's "cp of the same file on the same disk"). The server runs with the launcher's settings plus a
# 128 MB heap limit (-Xmx128m), so an upload held in memory would fail; the heap in use is also
# sampled with jstat every 0.2 s, and the peak reported. Budget: ova at least 60% of cp's speed.
# The runs alternate (ova, cp, ova, cp, ...), each on a settled disk (settle_disk: this VM's disk trims
# deleted files for a while); the file is random bytes, made once in BENCH_DIR.
# Output: bench/results/upload.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
runs="${RUNS:-3}"
size_mb="${SIZE_MB:-1024}"
work="${BENCH_DIR:-/tmp/ova-bench-upload}"
lib="$work/library"
source_file="$work/upload-source.mp4"
out="$here/results/upload.txt"
port=18483
mkdir -p "$here/results" "$lib/.ova-repo"
if [ ! -f "$source_file" ] || [ "$(stat -c %s "$source_file")" -ne $((size_mb * 1024 * 1024)) ]; then
  head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$source_file"
fi
# the "video" is random bytes: serve without processing; uploads up to the file's size
printf 'server:\n  maxUploadMb: %s\n' "$((size_mb + 16))" > "$lib/.ova-repo/config.yaml"
find "$lib" -maxdepth 1 -type f -delete
rm -rf "$lib/.ova-repo/metadata"

"$root/ova" --version > /dev/null
OVA_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m" \
  "$root/ova" serve -q --no-process --port "$port" "$lib" > "$work/serve.log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/api/status" && break
  sleep 0.2
done
java_pid="$launcher" # the launcher execs java

peak_heap() { # the largest heap in use (KB) sampled while the file $1 exists
  local peak=0 used
  while [ -e "$1" ]; do
    used="$(jstat -gc "$java_pid" 2>/dev/null | awk 'NR==2 {printf "%d", $3 + $4 + $6 + $8}')"
    [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak="$used"
    sleep 0.2
  done
  echo "$peak"
}
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.3f'; }

{
  echo "ova upload vs cp: a ${size_mb} MB file, $runs runs each, server heap limited to 128 MB,"
  echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(df --output=fstype "$lib" | tail -1) disk, $(date -u +%FT%TZ)"
  for run in $(seq 1 "$runs"); do
    settle_disk "$lib"
    settle_marker="$work/uploading"
    touch "$settle_marker"
    peak_heap "$settle_marker" > "$work/peak" &
    sampler=$!
    t="$(now)"
    status="$(curl -s -o "$work/answer.json" -w '%{http_code} %{time_total}' -H 'X-Requested-With: ova' \
      -F folder= -F title= -F tags= -F "file=@$source_file;filename=run-$run.mp4" \
      "http://127.0.0.1:$port/api/uploads")"
    sync
    ova_synced="$(since "$t")"
    rm -f "$settle_marker"
    wait "$sampler"
    code="${status% *}"
    ova_s="${status#* }"
    if [ "$code" != 201 ]; then
      echo "upload $run failed: HTTP $code $(cat "$work/answer.json")" >&2
      exit 1
    fi
    settle_disk "$lib"
    t="$(now)"
    cp "$source_file" "$lib/copy-$run.bin"
    cp_s="$(since "$t")"
    sync
    cp_synced="$(since "$t")"
    ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
    mb_s() { echo "$size_mb / $1" | bc -l | xargs printf '%.0f'; }
    echo "run $run: page cache: ova $ova_s s ($(mb_s "$ova_s") MB/s), cp $cp_s s ($(mb_s "$cp_s") MB/s): ova at" \
      "$(ratio "$cp_s" "$ova_s") of cp; to the disk (+ sync): ova $ova_synced s, cp $cp_synced s: ova at" \
      "$(ratio "$cp_synced" "$ova_synced") of cp; peak heap in use $(( $(cat "$work/peak") / 1024 )) MB"
    rm -f "$lib/run-$run.mp4" "$lib/copy-$run.bin"
  done
  echo "server RSS at the end: $(( $(ps -o rss= -p "$java_pid") / 1024 )) MB"
} | tee "$out"
