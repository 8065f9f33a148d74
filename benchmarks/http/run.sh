#!/usr/bin/env bash
# HTTP load with wrk over a stream of distinct requests drawn from the corpus, one markdown table out.
#   benchmarks/http/run.sh [--url http://127.0.0.1:5000] [--fts5 PORT] [--duration 10s] [--warmup 3s] [--threads 2]
#                          [--connections 16] [--corpus ../shared/corpus/arxiv-notes] [--kinds "keyword hybrid related paper"]
# The service must already run at --url (see benchmarks/README.md). With --fts5 PORT the SQLite FTS5 anchor
# (../shared/tools/fts5_http.py) is started on PORT (unless something answers there), driven with the same
# query stream in the same run, and the keyword/FTS5 ratio is printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
url=http://127.0.0.1:5000 fts5="" duration=10s warmup=3s threads=2 connections=16
corpus="$root/../shared/corpus/arxiv-notes" kinds="keyword hybrid related paper"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2";; --fts5) fts5="$2";; --duration) duration="$2";; --warmup) warmup="$2";; --threads) threads="$2";;
    --connections) connections="$2";; --corpus) corpus="$2";; --kinds) kinds="$2";;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
  shift 2
done
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
data="${TMPDIR:-/tmp}/searchservice-wrk"
[ -s "$data/words.txt" ] && [ -s "$data/notes.txt" ] || python3 "$here/corpus_words.py" "$corpus" "$data"
curl -fsS "$url/health" > /dev/null || { echo "no service answers at $url/health" >&2; exit 2; }

anchor_pid=""
# The anchor forks one server per core: it runs in a process group of its own, and the whole group is stopped.
cleanup() { [ -n "$anchor_pid" ] && kill -- "-$anchor_pid" 2> /dev/null || true; }
trap cleanup EXIT
if [ -n "$fts5" ] && ! curl -fsS "http://127.0.0.1:$fts5/search?q=a" > /dev/null 2>&1; then
  setsid python3 "$root/../shared/tools/fts5_http.py" "$fts5" --corpus "$corpus" > "$data/fts5.log" 2>&1 &
  anchor_pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$fts5/search?q=a" > /dev/null 2>&1 && break; sleep 1; done
fi

run() { # kind target -> "rps p50 p95 p99 requests non2xx socketerrors", after an unreported warm-up
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/requests.lua" "$2" -- "$1" "$data" > /dev/null 2>&1 || true
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/requests.lua" "$2" -- "$1" "$data" 2>&1 \
    | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8 }'
}

echo "wrk -t$threads -c$connections -d$duration, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M') UTC, $url"
echo
echo "| request | req/s | p50 (ms) | p95 (ms) | p99 (ms) | requests | non-2xx | socket errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
keyword_rps=""
for kind in $kinds; do
  read -r rps p50 p95 p99 n bad sock < <(run "$kind" "$url")
  [ "$kind" = keyword ] && keyword_rps="$rps"
  echo "| $kind | $rps | $p50 | $p95 | $p99 | $n | $bad | $sock |"
done
if [ -n "$fts5" ]; then
  read -r rps p50 p95 p99 n bad sock < <(run fts5 "http://127.0.0.1:$fts5")
  echo "| SQLite FTS5 anchor | $rps | $p50 | $p95 | $p99 | $n | $bad | $sock |"
  [ -n "$keyword_rps" ] && echo && awk -v k="$keyword_rps" -v f="$rps" 'BEGIN { printf "keyword / FTS5 throughput: %.2f\n", k / f }'
fi
