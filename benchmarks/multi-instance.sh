#!/usr/bin/env bash
# Two instances behind nginx on loopback, one writer: shows that a paper written through instance A is found
# through instance B, and through nginx whichever instance answers. Cleans up after itself.
#   benchmarks/multi-instance.sh [--corpus DIR] [--port 5600]
# Each instance indexes the same corpus folders into its own --data folder and follows one shared API records
# folder (--Index:ApiRecords); only A has --Api:Key, and nginx sends writes to A and spreads reads over both.
# Needs nginx (apt-get install -y nginx) and curl. Builds the Release service into a temp folder unless
# SEARCHSERVICE_API names a built SearchService.Api executable.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
corpus="$root/index-data/notes" port=5600
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2";; --port) port="$2";;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
  shift 2
done
command -v nginx > /dev/null || { echo "nginx is not installed: apt-get install -y nginx" >&2; exit 2; }
work="$(mktemp -d /tmp/searchservice-multi.XXXXXX)"
a_port=$((port + 1)) b_port=$((port + 2)) key="multi-instance-$RANDOM$RANDOM"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

api="${SEARCHSERVICE_API:-}"
# The gen0 budget and tiering delay the service is tuned for (Properties/launchSettings.json sets them for `dotnet run`; see benchmarks/README.md).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
if [ -z "$api" ]; then
  echo "building the service into $work/bin ..."
  dotnet build "$root/src/SearchService.Api" -c Release -o "$work/bin" -v quiet -nologo > "$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
  api="$work/bin/SearchService.Api"
fi

start() { # name port extra-args...: one instance over the shared corpus and records folder
  local name="$1" at="$2"
  shift 2
  "$api" --urls "http://127.0.0.1:$at" --corpus "$corpus" --data "$work/$name" --Index:ApiRecords "$work/api-records" \
    --Semantic:Enabled=false "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
}
ready() { # port: waits for /health to say ready
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$1/health" 2> /dev/null | grep -q '"status":"ready"' && return 0
    sleep 0.5
  done
  echo "instance on port $1 did not get ready" >&2; exit 1
}
total() { curl -fsS "$1/search?q=$2" | sed -E 's/.*"total":([0-9]+).*/\1/'; }

start a "$a_port" --Api:Key "$key"
start b "$b_port"

cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  upstream readers { server 127.0.0.1:$a_port; server 127.0.0.1:$b_port; keepalive 16; }
  upstream writer { server 127.0.0.1:$a_port; keepalive 4; }
  # One writer: reads go to either instance, writes only to A.
  map \$request_method \$backend { GET readers; HEAD readers; default writer; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://\$backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      add_header X-Instance \$upstream_addr always;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)

ready "$a_port"
ready "$b_port"
echo "A on :$a_port (writer), B on :$b_port (reader), nginx on :$port; both ready over $corpus"

word="zeppelinoid$RANDOM"
echo "before: B finds '$word' in $(total "http://127.0.0.1:$b_port" "$word") papers"
curl -fsS -X POST "http://127.0.0.1:$port/papers" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
  -d "{\"title\":\"The $word Attention\",\"url\":\"https://arxiv.org/abs/2512.99999\",\"abstract\":\"Written through nginx, which sends writes to A.\",\"tags\":[\"multi-instance\"]}" \
  -o /dev/null -w "POST /papers through nginx: %{http_code}\n"
clock=$(date +%s.%N)
for _ in $(seq 1 100); do
  [ "$(total "http://127.0.0.1:$b_port" "$word")" = 1 ] && break
  sleep 0.2
done
found=$(total "http://127.0.0.1:$b_port" "$word")
echo "after: B finds '$word' in $found paper(s), $(echo "$(date +%s.%N) - $clock" | bc | cut -c1-4) s after the write"
for _ in 1 2 3 4; do
  curl -fsS -D "$work/headers" -o "$work/body.json" "http://127.0.0.1:$port/search?q=$word"
  echo "  search through nginx: $(grep -i '^x-instance' "$work/headers" | tr -d '\r' | cut -d' ' -f2) answered, total $(sed -E 's/.*"total":([0-9]+).*/\1/' "$work/body.json")"
done
echo "a write to B directly is refused (no key there): $(curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$b_port/papers" \
  -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d '{"title":"Not here"}')"
[ "$found" = 1 ] || { echo "FAILED: B did not see the write" >&2; exit 1; }
echo "OK"
