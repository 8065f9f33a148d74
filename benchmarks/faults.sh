#!/usr/bin/env bash
# Fault injection against the built service (Release): a full disk (a small tmpfs; needs root for mount),
# the data folder deleted while running, and a corrupted index file. For each fault it counts the status
# codes of the writes sent during the fault, checks every acknowledged write after a restart, and says how
# the restart went. Prints a markdown table.
#
#   dotnet build SearchService.sln -c Release && bash benchmarks/faults.sh
set -u
cd "$(dirname "$0")/.."
DLL=src/SearchService.Api/bin/Release/net10.0/SearchService.Api.dll
[ -f "$DLL" ] || { echo "build first: dotnet build SearchService.sln -c Release" >&2; exit 1; }
KEY=fault-key
WORK=$(mktemp -d /tmp/searchservice-faults.XXXXXX)
CORPUS=$WORK/corpus
mkdir -p "$CORPUS" && cp -r index-data/notes index-data/digests "$CORPUS"/
PORT=$((20000 + RANDOM % 20000))
URL=http://127.0.0.1:$PORT
PID=
ROWS=()

start() { # start <data> [extra args...]: runs the service in the background, output in $WORK/log
    local data=$1; shift
    dotnet "$DLL" --urls "$URL" --corpus "$CORPUS" --data "$data" --Api:Key=$KEY --Semantic:Enabled=false \
        --Index:WatchFiles=false --Index:RescanSeconds=0 "$@" >"$WORK/log" 2>"$WORK/err" &
    PID=$!
}
ready() { # waits for /health ready (or the process to exit); prints the status
    for _ in $(seq 1 300); do
        kill -0 "$PID" 2>/dev/null || { echo exited; return 1; }
        s=$(curl -s -m 2 "$URL/health" | jq -r .status 2>/dev/null)
        [ "$s" = ready ] && { echo ready; return 0; }
        sleep 0.2
    done
    echo timeout; return 1
}
stop() { kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; STOPCODE=$?; }
post() { # post <id>: prints the status code
    curl -s -o /dev/null -w '%{http_code}' -m 10 -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
        --data "{\"id\":\"$1\",\"title\":\"Fault probe $1\"}" "$URL/papers"
}
lost() { # lost <ids...>: how many of the ids the running service does not serve
    local n=0
    for id in "$@"; do [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/papers/$id")" = 200 ] || n=$((n + 1)); done
    echo $n
}
codes() { sort | uniq -c | awk '{printf "%s%s×%s", (NR>1?", ":""), $2, $1}'; }

# --- 1. disk full ---------------------------------------------------------------------------------------
full() {
    local mnt=$WORK/tmpfs acked=() seen=()
    mkdir -p "$mnt"
    if ! mount -t tmpfs -o size=24m tmpfs "$mnt" 2>/dev/null; then ROWS+=("| disk full (tmpfs) | skipped: mount needs root | | |"); return; fi
    start "$mnt/data"; ready >/dev/null
    for i in 1 2 3 4 5; do [ "$(post full-a$i)" = 200 ] && acked+=(full-a$i); done
    dd if=/dev/zero of="$mnt/filler" bs=1M 2>/dev/null   # fill the disk to the last byte
    for i in $(seq 1 10); do c=$(post full-b$i); seen+=("$c"); [ "$c" = 200 ] && acked+=(full-b$i); done
    local health; health=$(curl -s "$URL/health" | jq -r .status)
    local reads; reads=$(curl -s -o /dev/null -w '%{http_code}' "$URL/search?q=mixture")
    rm -f "$mnt/filler"                                  # free the space: writes work again
    local after; after=$(post full-c1); [ "$after" = 200 ] && acked+=(full-c1)
    stop; local code=$STOPCODE
    start "$mnt/data"; local restart; restart=$(ready)
    ROWS+=("| disk full (24 MB tmpfs filled) | writes: $(printf '%s\n' "${seen[@]}" | codes); /health $health; search $reads; after freeing space $after | $(lost "${acked[@]}") of ${#acked[@]} | shutdown exit $code; restart $restart |")
    stop
    umount "$mnt"
}

# --- 2. data folder deleted while running ------------------------------------------------------------------
deleted() {
    local data=$WORK/deleted acked=() seen=()
    start "$data"; ready >/dev/null
    for i in 1 2 3 4 5; do [ "$(post del-a$i)" = 200 ] && acked+=(del-a$i); done
    rm -rf "$data"
    for i in 1 2 3 4 5; do c=$(post del-b$i); seen+=("$c"); [ "$c" = 200 ] && acked+=(del-b$i); done
    local health; health=$(curl -s "$URL/health" | jq -r .status)
    local reads; reads=$(curl -s -o /dev/null -w '%{http_code}' "$URL/papers/del-a1")
    stop; local code=$STOPCODE
    start "$data"; local restart; restart=$(ready)
    ROWS+=("| data folder deleted while running | writes: $(printf '%s\n' "${seen[@]}" | codes); /health $health; read $reads | $(lost "${acked[@]}") of ${#acked[@]} | shutdown exit $code; restart $restart |")
    stop
}

# --- 3. corrupted index files ---------------------------------------------------------------------------
corrupt() { # corrupt <slug> <label> <command run in the data folder>
    local data=$WORK/corrupt-$1 acked=() label=$2
    start "$data"; ready >/dev/null
    for i in 1 2 3; do [ "$(post cor-$1-$i)" = 200 ] && acked+=(cor-$1-$i); done
    stop
    (cd "$data" && eval "$3")
    start "$data"; wait "$PID"; local exit=$?
    local message; message=$(head -c 160 "$WORK/err" | head -1)
    local lines; lines=$(wc -l <"$WORK/err")
    start "$data" --Index:RebuildOnCorruption=true; local restart; restart=$(ready)
    ROWS+=("| $label | plain start: exit $exit, $lines line(s) on stderr: \`${message//|/\\|}…\` | $(lost "${acked[@]}") of ${#acked[@]} | with --Index:RebuildOnCorruption=true: $restart |")
    stop
}

full
deleted
corrupt segments "segments_N truncated to 20 bytes" 'f=$(ls segments_* | head -1); head -c 20 "$f" >t && mv t "$f"'
corrupt si ".si emptied" ': >"$(ls *.si | head -1)"'
corrupt flip "largest index file, one byte flipped" 'f=$(ls -S -p | grep -v -e lock -e / | head -1); python3 -c "import sys;p=sys.argv[1];b=bytearray(open(p,\"rb\").read());b[len(b)//2]^=0x5A;open(p,\"wb\").write(b)" "$f"'

echo "| fault | status codes seen | acknowledged writes lost | start-up after the fault |"
echo "| --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
rm -rf "$WORK"
