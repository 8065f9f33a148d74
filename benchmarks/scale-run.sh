#!/usr/bin/env bash
# One scale run over a generated corpus (see "Scale" in benchmarks/README.md):
#   benchmarks/scale-run.sh CORPUS DATA [PORT] [DURATION]
# Starts the Release service over CORPUS with --data DATA twice (the first start builds the index unless DATA already
# holds one; the second is the start-up over the existing index), and prints: time to keyword-ready and to
# semantic-ready, index and vector sizes, resident memory, then wrk figures (one client and 16 clients) for
# keyword, semantic, hybrid and related requests over distinct queries drawn from CORPUS. Needs wrk; stops the service.
# SEARCHSERVICE_API names the service executable (default: the Release build under src/).
set -euo pipefail
corpus="$1" data="$2" port="${3:-5491}" duration="${4:-10s}"
here="$(cd "$(dirname "$0")" && pwd)"
api="${SEARCHSERVICE_API:-$here/../src/SearchService.Api/bin/Release/net10.0/SearchService.Api}"
# The gen0 budget and tiering delay the service is tuned for (Properties/launchSettings.json sets them for `dotnet run`; see benchmarks/README.md).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}"
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"
url="http://127.0.0.1:$port"
log="$data.log"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null || true; }
trap cleanup EXIT

rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status"; }
hwm() { awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status"; }

start() { # label: starts the service, waits for keyword search over the whole index ("checking" on a restart, or
  # "ready"), for the pass over the folders ("ready"), then for semantic-ready; prints the times
  local t0 serving="" keyword="" health
  t0=$(date +%s.%N)
  "$api" --urls "$url" --corpus "$corpus" --data "$data" --Index:MaxFiles=5000000 >> "$log" 2>&1 &
  pid=$!
  while :; do
    sleep 0.5
    kill -0 "$pid" 2> /dev/null || { echo "service exited; see $log" >&2; exit 1; }
    health=$(curl -fsS "$url/health" 2> /dev/null || true)
    if [ -z "$serving" ] && [[ "$health" == *'"status":"checking"'* ]]; then
      serving=$(echo "$(date +%s.%N) - $t0" | bc)
      echo "$1: keyword search over the whole index after $serving s (checking the folders), $(rss) resident"
    fi
    if [ -z "$keyword" ] && [[ "$health" == *'"status":"ready"'* ]]; then
      keyword=$(echo "$(date +%s.%N) - $t0" | bc)
      echo "$1: keyword ready after $keyword s, $(rss) resident; $health"
    fi
    if [ -n "$keyword" ] && [[ "$health" == *'"semantic":"ready"'* ]]; then
      echo "$1: semantic ready after $(echo "$(date +%s.%N) - $t0" | bc) s, $(rss) resident (peak $(hwm))"
      break
    fi
  done
}

echo "scale run: $(find "$corpus" -name '*.md' | wc -l) notes, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M') UTC"
start "first start"
kill "$pid"; wait "$pid" 2> /dev/null || true
echo "on disk: index $(du -sh "$data" --exclude=vectors --exclude=cache | cut -f1) (all of $data: $(du -sh "$data" | cut -f1)), vectors $(du -sh "$data/vectors" | cut -f1)"
start "restart over the index"
grep -E "Ingest done|Vectors in step|Approximate vector index" "$log" | tail -4 | sed 's/^ */  log: /'

export TMPDIR="$data-wrk"
mkdir -p "$TMPDIR"
for kind in keyword semantic hybrid related; do
  "$here/http/run.sh" --url "$url" --corpus "$corpus" --kinds "$kind" --threads 1 --connections 1 --duration "$duration" | tail -1 | sed 's/^/one client: /'
done
for kind in keyword related; do
  "$here/http/run.sh" --url "$url" --corpus "$corpus" --kinds "$kind" --threads 2 --connections 16 --duration "$duration" | tail -1 | sed 's/^/16 clients: /'
done
echo "resident while serving: $(rss) (peak $(hwm)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
