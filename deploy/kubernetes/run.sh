#!/usr/bin/env bash
# One scaled-out ova build on Kubernetes: the library volume, the shard Job, then the render Job once
# the shards have finished, whether all of them succeeded or not (the render names what is missing).
# Usage: deploy/kubernetes/run.sh   (kubectl set to the cluster and namespace; edit the YAML first)
# Exit status: 0 when every shard and the render succeeded, 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
poll_seconds="${OVA_POLL_SECONDS:-30}"

# Prints Complete or Failed once the Job has finished. (kubectl wait --for=condition=complete would
# wait for ever on a failed Job.)
finished() {
  local conditions
  while true; do
    # a failed look (the API server busy for a moment) is only a poll without an answer
    conditions="$(kubectl get "job/$1" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{"\n"}{end}')" \
      || conditions=""
    for state in Complete Failed; do
      if grep -qx "$state" <<<"$conditions"; then
        echo "$state"
        return
      fi
    done
    sleep "$poll_seconds"
  done
}

kubectl apply -f "$here/library-volume.yaml"
# a Job cannot be changed once made: each run starts anew; the shards skip the videos already done
kubectl delete job ova-shards ova-render --ignore-not-found
kubectl apply -f "$here/shards-job.yaml"
shards="$(finished ova-shards)"
echo "ova-shards: $shards"
kubectl apply -f "$here/render-job.yaml"
render="$(finished ova-render)"
kubectl logs job/ova-render || true
echo "ova-render: $render"
[ "$shards" = Complete ] && [ "$render" = Complete ]
