#!/usr/bin/env bash
# Scrub sprites benchmark (issue 3, "Performance"): times, side by side on one file,
#   (a) ova's SpriteSheetStep, in-process, after one warm-up run,
#   (b) the bare ffmpeg keyframe pass
#       ffmpeg -skip_frame nokey -i IN -vf fps=1/10,scale=160:-2,tile=10x10 -an OUT%d.jpg
#   (c) one ffmpeg run per thumbnail (Stash's method), every 10 s
#       ffmpeg -ss T -i IN -frames:v 1 -vf scale=160:-2 out_T.jpg
#       at T = 0, 10, ... (on the keyframes: its best case, one decoded frame per run), and
#   (c') the same at T = 5, 15, ... (between keyframes, as thumbnails mostly fall in real files)
# and prints a/b (budget <= 1.3), c/a (budget >= 8) and c'/a. (a) and (b) run REPEATS times, medians.
#
# Usage:  bench/sprites.sh [MINUTES] [REPEATS]      (defaults: 10 minutes, 3 repeats)
# The test clip (lavfi testsrc2, 854x480, 25 fps, H.264 with a keyframe every 250 frames = 10 s)
# is made once with the ffmpeg ova finds (PATH, else the bundled build) and cached under
# bench/results/sprites/. Needs Maven with the project's dependencies (runs offline).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
repeats="${2:-3}"
work=bench/results/sprites
mkdir -p "$work"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
    org.ova.bench.SpriteBench "$work" "$minutes" "$repeats" | tee "$work/last-run.txt"
