#!/usr/bin/env bash
# Submits an ova build of LIBRARY in N shards (a job array) and the render step after them.
# The render waits for the whole array with afterany: it runs even when shards failed, and then
# names the videos they left out; resubmit those shards (see deploy/README.md) and render again.
# Usage: deploy/slurm/submit.sh LIBRARY N [more sbatch options for the shards, e.g. --partition=gpu]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage="usage: $0 LIBRARY N [sbatch options for the shards]"
library="${1:?$usage}"
shards="${2:?$usage}"
shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "$0: N must be a positive number, not '$shards'" >&2; exit 2; }
# the nodes see the library at the same path as this machine (a shared file system)
[[ "$library" = /* ]] || library="$PWD/$library"

# --parsable prints "jobid" or "jobid;cluster"
array_job="$(sbatch --parsable --array="1-$shards" --export="ALL,OVA_SHARDS=$shards" "$@" \
  "$here/shard.sbatch" "$library")"
array_job="${array_job%%;*}"
render_job="$(sbatch --parsable --dependency="afterany:$array_job" "$here/render.sbatch" "$library")"
echo "ova: shards 1-$shards in job $array_job, render in job ${render_job%%;*} after them"
