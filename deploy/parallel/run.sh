#!/usr/bin/env bash
# An ova build of LIBRARY split into N shards over a few machines with GNU parallel and ssh, then the
# site rendered here. Every machine mounts the library at the same path and has the same ova and
# ffmpeg on its PATH (see deploy/README.md).
# Usage: deploy/parallel/run.sh LIBRARY N SSHLOGINFILE   (format: hosts.example)
# Exit status: that of `ova build LIBRARY --render-only` (1 names missing or failed videos), or 1
# when shards failed although the render succeeded.
set -uo pipefail
usage="usage: $0 LIBRARY N SSHLOGINFILE"
library="${1:?$usage}"
shards="${2:?$usage}"
logins="${3:?$usage}"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "$0: N must be a positive number, not '$shards'" >&2; exit 2; }
[[ "$library" = /* ]] || library="$PWD/$library"

# One shard per job slot: --jobs 1 gives each machine one slot, "2/host" in the file gives it two.
# `|| [ $? -eq 1 ]`: exit 1 (the shard finished, some videos failed) counts as done, since a broken
# video stays broken; any other failure is retried, on another machine when there is one.
parallel --sshloginfile "$logins" --jobs 1 --retries 3 --tag --line-buffer \
  "ova build $(printf %q "$library") --shard {}/$shards || [ \$? -eq 1 ]" ::: $(seq 1 "$shards")
failed_shards=$?
if [ "$failed_shards" -ne 0 ]; then
  echo "ova: $failed_shards shard(s) failed after retries; the render below names their videos" >&2
fi

ova build "$library" --render-only
rendered=$?
if [ "$rendered" -ne 0 ]; then exit "$rendered"; fi
[ "$failed_shards" -eq 0 ] || exit 1
