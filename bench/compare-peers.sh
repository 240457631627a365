#!/usr/bin/env bash
# BlockBot against botbuilder-js on the peers' 6-turn procedure (../shared/bench-peers), back to back on this
# machine, one table with the ratios. Only ratios from one run of this script count: the machine drifts.
#
#   bash bench/compare-peers.sh                       # N = 1,100,1000; 12,000 warm-up + 60,000 measured; 3 runs
#   RUNS=1 TURNS=12000 WARMUP=3000 NS=1,100 bash bench/compare-peers.sh   # quicker, indicative only
#
# PEERS     the bench-peers folder (default /work/shared/bench-peers); read only, never committed here
# WORKDIR   where botbuilder-js is copied and installed (default /tmp/blockbot-compare-peers; kept for reuse)
# RUNS, TURNS, WARMUP, NS   runs per configuration (fresh process each, interleaved), turns, N values
# Needs node + npm (npm registry) and the .NET SDK. Raw JSON lines go to $WORKDIR/results-<stamp>.jsonl.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEERS="${PEERS:-/work/shared/bench-peers}"
WORKDIR="${WORKDIR:-/tmp/blockbot-compare-peers}"
RUNS="${RUNS:-3}"
TURNS="${TURNS:-60000}"
WARMUP="${WARMUP:-12000}"
NS="${NS:-1,100,1000}"

mkdir -p "$WORKDIR"
BB="$WORKDIR/botbuilder-js"
if [ ! -d "$BB/node_modules/botbuilder-dialogs" ]; then
    echo "setting up botbuilder-js in $BB (npm registry only)" >&2
    rm -rf "$BB"
    cp -r "$PEERS/botbuilder-js" "$BB"
    chmod -R u+w "$BB"
    # Steps 1 and 2 of the peers' setup.sh; MemoryStorage is all the comparison needs, so better-sqlite3 (step 3)
    # is not built.
    (cd "$BB" && npm ci --ignore-scripts --no-audit --no-fund && npm rebuild botbuilder-dialogs) >&2
fi

echo "building the BlockBot bench (Release)" >&2
dotnet build -c Release "$ROOT/bench/BlockBot.Bench" -nologo -v q | tail -3 >&2
BLOCKBOT=("dotnet" "$ROOT/bench/BlockBot.Bench/bin/Release/net10.0/BlockBot.Bench.dll")

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$WORKDIR/results-$STAMP.jsonl"
: > "$OUT"
IFS=',' read -r -a NLIST <<< "$NS"
for run in $(seq 1 "$RUNS"); do
    for n in "${NLIST[@]}"; do
        # Back to back: the peer, then BlockBot, each in a fresh process.
        line="$(cd "$BB" && node bench.js --worker --storage memory --n "$n" --turns "$TURNS" --warmup-turns "$WARMUP" \
            --adapter minimal --data-dir "$WORKDIR/data" | tail -1)"
        echo "{\"bot\":\"botbuilder-js\",\"run\":$run,\"result\":$line}" >> "$OUT"
        echo "run $run N=$n botbuilder-js memory: $(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["turns_per_s"])') turns/s" >&2
        line="$("${BLOCKBOT[@]}" --peer --n "$n" --storage sqlite --turns "$TURNS" --warmup-turns "$WARMUP" | tail -1)"
        echo "{\"bot\":\"blockbot\",\"run\":$run,\"result\":$line}" >> "$OUT"
        echo "run $run N=$n blockbot sqlite: $(echo "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["turns_per_s"])') turns/s" >&2
    done
done

python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    by.setdefault((r["bot"], r["result"]["n"]), []).append(r["result"])
def med(bot, n, key):
    xs = [x[key] for x in by.get((bot, n), [])]
    return statistics.median(xs) if xs else float("nan")
runs = max(len(v) for v in by.values())
print(f"\nThe peers' 6-turn procedure, medians of {runs} run(s) per row, back to back (raw: {sys.argv[1]})")
print("| N | BlockBot SQLite turns/s | botbuilder-js MemoryStorage turns/s | ratio | BlockBot p50 / p99 ms | botbuilder-js p50 / p99 ms | BlockBot cores | peak RSS MB BlockBot / botbuilder-js |")
print("|---:|---:|---:|---:|---|---|---:|---|")
for n in sorted({n for (_, n) in by}):
    b, p = med("blockbot", n, "turns_per_s"), med("botbuilder-js", n, "turns_per_s")
    print(f"| {n:,} | {b:,.0f} | {p:,.0f} | **{b / p:.2f}×** | {med('blockbot', n, 'p50_ms'):.2f} / {med('blockbot', n, 'p99_ms'):.1f} | "
          f"{med('botbuilder-js', n, 'p50_ms'):.2f} / {med('botbuilder-js', n, 'p99_ms'):.1f} | {med('blockbot', n, 'cores'):.2f} | "
          f"{med('blockbot', n, 'peak_rss_mb'):.0f} / {med('botbuilder-js', n, 'peak_rss_mb'):.0f} |")
state = [r["result"]["state_bytes"] for r in rows if r["bot"] == "blockbot"]
if state:
    s = state[-1]
    print(f"BlockBot stored state per turn: dialog stack {s['conversation_avg']} B avg ({s['conversation_max']} max), user profile {s['user_avg']} B")
PY
