# Shell functions the benchmarks share; each script sources this file.

# settle_disk DIR: syncs, then waits until the disk holding DIR has had no writes or discards for two
# seconds (at most two minutes). This VM's disk is mounted with `discard`: right after thousands of
# files are deleted it trims for a while, and creating files meanwhile is several times slower than on
# an idle disk.
settle_disk() {
  sync
  local dev previous="" current
  dev="$(basename "$(df --output=source "$1" 2>/dev/null | tail -1)")"
  for _ in $(seq 1 60); do
    current="$(awk -v d="$dev" '$3 == d {print $8, $12, $15}' /proc/diskstats 2>/dev/null)"
    [ -n "$current" ] && [ "$current" = "$previous" ] && return 0
    previous="$current"
    sleep 2
  done
}

# synthetic_library DIR N: builds ova's jar when needed, makes the N-video library of
# bench/GenerateLibrary.java in DIR unless it is there, and sets processing.batch to false: the
# "videos" are random bytes, so the benchmarks measure scanning, metadata and the site, not ffmpeg.
synthetic_library() {
  "$root/ova" --version >/dev/null
  if [ ! -d "$1" ]; then
    java "$here/GenerateLibrary.java" "$1" "$2"
  fi
  mkdir -p "$1/.ova-repo"
  printf 'processing:\n  batch: false\n' > "$1/.ova-repo/config.yaml"
}

# bench_clips DIR COUNT SECONDS: COUNT clips of SECONDS (320x180 H.264 + AAC, each its own tone so each
# has its own content and id) in DIR, made once with the ffmpeg on PATH.
bench_clips() {
  mkdir -p "$1"
  for i in $(seq -w 1 "$2"); do
    [ -f "$1/clip-$i.mp4" ] && continue
    ffmpeg -nostdin -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=30:duration=$3" \
      -f lavfi -i "sine=frequency=$((200 + 10#$i * 20)):duration=$3" -c:v libx264 -preset veryfast -g 60 \
      -c:a aac -shortest "$1/clip-$i.mp4"
  done
}
