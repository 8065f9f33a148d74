#!/usr/bin/env bash
# Search latency across periodic rescans over a large corpus (benchmarks/README.md, sixteenth pass):
#   benchmarks/rescan-latency.sh CORPUS DATA [RUNS] [CONNECTIONS] [PORT]
# Starts the Release service over CORPUS with --data DATA (an index already built there), waits for `ready`, semantic
# ready, the first periodic rescan and 15 s without CPU use, then makes RUNS back-to-back 10 s keyword runs with
# benchmarks/http/run.sh (CONNECTIONS clients; 1 by default). Each run's line gives the rescans that ended during
# it, the server's CPU in centiseconds, its private memory (RssAnon) and how many of its threads run below normal
# priority (a rescan's). Needs wrk; stops the service. SEARCHSERVICE_API names the service executable.
set -euo pipefail
corpus="$1" data="$2" runs="${3:-12}" connections="${4:-1}" port="${5:-5591}"
here="$(cd "$(dirname "$0")" && pwd)"
api="${SEARCHSERVICE_API:-$here/../src/SearchService.Api/bin/Release/net10.0/SearchService.Api}"
# The gen0 budget and tiering delay the service is tuned for (as scale-run.sh).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
url="http://127.0.0.1:$port" log="$data.rescan-latency.log"
threads=$([ "$connections" -gt 1 ] && echo 2 || echo 1)
"$api" --urls "$url" --corpus "$corpus" --data "$data" --Index:MaxFiles=5000000 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null; wait $pid 2> /dev/null || true' EXIT
t0=$(date +%s)
passes() { grep -c "Ingest done" "$log" || true; }
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
until curl -fsS "$url/health" 2> /dev/null | grep -q '"status":"ready".*"semantic":"ready"'; do sleep 1; done
echo "ready and semantic ready after $(( $(date +%s) - t0 )) s"
n=$(passes); while [ "$(passes)" -le "$n" ]; do sleep 2; done
while :; do a=$(cpu); sleep 15; [ $(( $(cpu) - a )) -lt 20 ] && break; done
echo "after a periodic rescan and 15 s idle: $(( $(date +%s) - t0 )) s"
echo "| at (s) | rescans ended | server CPU (cs) | RssAnon (kB) after | niced threads | req/s | p50 (ms) | p95 (ms) | p99 (ms) | requests | non-2xx | socket errors |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for _ in $(seq 1 "$runs"); do
  n=$(passes) c=$(cpu) at=$(( $(date +%s) - t0 ))
  row=$("$here/http/run.sh" --url "$url" --corpus "$corpus" --kinds keyword --threads "$threads" --connections "$connections" --warmup 1s | grep "^| keyword" | cut -d'|' -f3-)
  echo "| $at | $(( $(passes) - n )) | $(( $(cpu) - c )) | $(awk '/RssAnon/ { print $2 }' "/proc/$pid/status") | $(ps -L -o ni= -p "$pid" | grep -c '^ *[1-9]' || true) |$row"
done
echo "VmRSS after: $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status") kB"
