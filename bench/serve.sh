#!/usr/bin/env bash
# `ova serve` range streaming (issue 13) against nginx-light serving the same file, side by side in one
# run: wrk with 50 connections asking for random 1 MiB ranges of one large video. Budget: ova at least
# 80% of nginx's throughput, heap flat while streaming.
#
#   bench/serve.sh           SIZE_MB=1024 DURATION=20 RUNS=2 CONNECTIONS=50
#
# Needs wrk and nginx (apt-get install -y wrk nginx-light). The "video" is random bytes named .mp4:
# serving does not look inside. Both servers send from the same file on loopback; the runs alternate
# (ova, nginx, ova, nginx, ...) so neither gets a warmer page cache. ova's heap is read with jcmd
# before and after. Output: bench/results/serve.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
size_mb="${SIZE_MB:-1024}"
duration="${DURATION:-20}"
runs="${RUNS:-2}"
connections="${CONNECTIONS:-50}"
lib="${BENCH_DIR:-/tmp/ova-bench-serve}"
out="$here/results/serve.txt"
mkdir -p "$here/results"
for tool in wrk nginx; do
  command -v "$tool" > /dev/null || { echo "bench/serve.sh needs $tool: apt-get install -y wrk nginx-light" >&2; exit 1; }
done

mkdir -p "$lib/videos"
video="$lib/videos/big.mp4"
if [ ! -f "$video" ] || [ "$(stat -c %s "$video")" -ne $((size_mb * 1024 * 1024)) ]; then
  head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$video"
fi
cat "$video" > /dev/null   # into the page cache for both

ova_port=18480
nginx_port=18481
ngx="$(mktemp -d)"
cat > "$ngx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { video/mp4 mp4; }
  client_body_temp_path $ngx; proxy_temp_path $ngx; fastcgi_temp_path $ngx; uwsgi_temp_path $ngx; scgi_temp_path $ngx;
  server { listen 127.0.0.1:$nginx_port; root $lib; }
}
CONF

"$root/ova" serve -q --port "$ova_port" "$lib" > "$ngx/ova.log" 2>&1 &
ova_pid=$!
nginx -c "$ngx/nginx.conf" &
nginx_pid=$!
trap 'kill $ova_pid $nginx_pid 2>/dev/null || true; wait 2>/dev/null; rm -rf "$ngx"' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$ova_port/videos/big.mp4" -r 0-0 && curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/videos/big.mp4" -r 0-0 && break
  sleep 0.2
done
java_pid="$(pgrep -P "$ova_pid" java || echo "$ova_pid")"

cat > "$ngx/ranges.lua" <<'LUA'
local size = tonumber(os.getenv("SIZE"))
local chunk = 1024 * 1024
math.randomseed(os.time())
request = function()
  local from = math.random(0, size - chunk)
  return wrk.format("GET", "/videos/big.mp4", { ["Range"] = "bytes=" .. from .. "-" .. (from + chunk - 1) })
end
LUA

heap() { jcmd "$java_pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 || echo "n/a"; }
bytes_per_sec() {   # wrk's Transfer/sec as bytes
  awk '/Transfer\/sec/ { v = $2; u = substr(v, length(v) - 1); n = v + 0;
       m = (u == "GB") ? 1073741824 : (u == "MB") ? 1048576 : (u == "KB") ? 1024 : 1; printf "%d\n", n * m }'
}

{
  echo "ova serve vs nginx: ${size_mb} MiB file, random 1 MiB ranges, $connections connections, ${duration} s x $runs each,"
  echo "  $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), $(nginx -v 2>&1)"
  echo "  ova heap before: $(heap)"
  ova_total=0; nginx_total=0
  for run in $(seq 1 "$runs"); do
    for server in ova nginx; do
      port=$([ $server = ova ] && echo $ova_port || echo $nginx_port)
      result="$(SIZE=$((size_mb * 1024 * 1024)) wrk -t4 -c"$connections" -d"${duration}s" -s "$ngx/ranges.lua" "http://127.0.0.1:$port")"
      rate=$(echo "$result" | bytes_per_sec)
      errors=$(echo "$result" | grep -E 'Non-2xx|Socket errors' | tr -s ' ' || true)
      printf '  run %d %-6s %8.1f MiB/s  %s %s\n' "$run" "$server" "$(echo "$rate / 1048576" | bc -l)" \
        "$(echo "$result" | grep 'Requests/sec' | tr -s ' ')" "$errors"
      if [ $server = ova ]; then ova_total=$((ova_total + rate)); else nginx_total=$((nginx_total + rate)); fi
    done
  done
  echo "  ova heap after:  $(heap)"
  printf '  ova / nginx throughput: %.2f (budget >= 0.80)\n' "$(echo "$ova_total / $nginx_total" | bc -l)"
} | tee "$out"
