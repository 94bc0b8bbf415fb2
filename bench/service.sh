#!/usr/bin/env bash
# The processing service of `ova serve` (issue 14): 20 short videos processed in the background with
# processing.parallel 1 against 2, side by side in one run (the runs alternate 1, 2, 1, 2, ...).
#
#   bench/service.sh           RUNS=2 COUNT=20 SECONDS_EACH=10
#
# Each run copies the clips into a fresh library, starts `ova serve` (the launcher's settings), and
# polls GET /api/jobs until every video's job has ended; the time is the jobs' own: from the first
# job queued to the last one finished. Budget: parallel 2 at least 1.6x faster than parallel 1 on
# 2 cores (what `ova build` achieves, bench/pipeline.sh (b)). The clips (320x180 H.264 + AAC) are
# made once with the ffmpeg on PATH, in BENCH_DIR. Output: bench/results/service.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-2}"
count="${COUNT:-20}"
seconds="${SECONDS_EACH:-10}"
work="${BENCH_DIR:-/tmp/ova-bench-service}"
clips="$work/clips-$count-${seconds}s"
out="$here/results/service.txt"
port=18484
mkdir -p "$here/results"
. "$here/common.sh"
bench_clips "$clips" "$count" "$seconds"
"$root/ova" --version > /dev/null

# one run: serve a fresh library with processing.parallel $1; prints the jobs' wall time in seconds
run_once() {
  local lib="$work/library" pid seconds_taken
  rm -rf "$lib"
  mkdir -p "$lib/.ova-repo"
  cp "$clips"/*.mp4 "$lib/"
  printf 'processing:\n  parallel: %s\n' "$1" > "$lib/.ova-repo/config.yaml"
  "$root/ova" serve -q --port "$port" "$lib" > "$work/serve-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    seconds_taken="$(curl -fs "http://127.0.0.1:$port/api/jobs" 2>/dev/null | python3 -c '
import datetime, json, sys
try:
    jobs = json.load(sys.stdin)["jobs"]
except ValueError:  # not serving yet
    sys.exit(1)
ended = [j for j in jobs if j["state"] in ("done", "failed")]
if len(jobs) < int(sys.argv[1]) or len(ended) < len(jobs):
    sys.exit(1)
failed = [j["path"] for j in jobs if j["state"] == "failed"]
if failed:
    print("failed: " + ", ".join(failed), file=sys.stderr)
    sys.exit(2)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
print("%.2f" % (max(t(j["finished"]) for j in jobs) - min(t(j["queued"]) for j in jobs)))
' "$count")" && break
    sleep 0.2
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -n "$seconds_taken" ] || { echo "the jobs did not end; see $work/serve-$1.log" >&2; exit 1; }
  echo "$seconds_taken"
}

{
  echo "ova serve's processing service: $count videos of ${seconds} s (320x180), parallel 1 vs 2, $runs runs each,"
  echo "$(ffmpeg -version | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for run in $(seq 1 "$runs"); do
    one="$(run_once 1)"
    two="$(run_once 2)"
    echo "run $run: parallel 1 ${one} s, parallel 2 ${two} s: speed-up $(echo "$one / $two" | bc -l | xargs printf '%.2f')x"
  done
} | tee "$out"
