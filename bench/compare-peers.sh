#!/usr/bin/env bash
# BlockBot against the peers on their 6-turn procedure (../shared/bench-peers), back to back on this machine, one
# table per comparison with the ratios. Only ratios from one run of this script count: the machine drifts.
#   in process:  BlockBot --peer (SQLite)          against botbuilder-js with MemoryStorage (section A)
#   Telegram:    BlockBot --telegram-bot (SQLite)  against grammY + @grammyjs/runner with its SQLite session (section C),
#                both polling the same fake Bot API on loopback, driven by the same closed-loop driver
#
#   bash bench/compare-peers.sh                       # both; N = 1,100,1000; 3 runs
#   RUNS=1 TURNS=12000 WARMUP=3000 NS=1,100 bash bench/compare-peers.sh   # quicker, indicative only
#   SUITES=telegram bash bench/compare-peers.sh       # only the Telegram comparison
#
# PEERS     the bench-peers folder (default /work/shared/bench-peers); read only, never committed here
# WORKDIR   where botbuilder-js and grammY are copied and installed (default /tmp/blockbot-compare-peers; kept for reuse)
# RUNS, NS  runs per configuration (fresh processes each, interleaved, the peer first), N values
# SUITES    inprocess,telegram (default both)
# TURNS, WARMUP        in-process turns (default 60,000 measured, 12,000 warm-up)
# TG_TURNS, TG_WARMUP  Telegram updates (default 6,000 measured, 1,200 warm-up: the grammY peer's own figures)
# Needs node + npm (npm registry) and the .NET SDK. Raw JSON lines go to $WORKDIR/results-<stamp>.jsonl, the
# BlockBot Telegram bot's own log (warnings and errors) to $WORKDIR/blockbot-telegram-<stamp>.log.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEERS="${PEERS:-/work/shared/bench-peers}"
WORKDIR="${WORKDIR:-/tmp/blockbot-compare-peers}"
RUNS="${RUNS:-3}"
TURNS="${TURNS:-60000}"
WARMUP="${WARMUP:-12000}"
NS="${NS:-1,100,1000}"
SUITES="${SUITES:-inprocess,telegram}"
TG_TURNS="${TG_TURNS:-6000}"
TG_WARMUP="${TG_WARMUP:-1200}"
has() { [[ ",$SUITES," == *",$1,"* ]]; }

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
GR="$WORKDIR/grammy"
if has telegram; then
    # grammY's SQLite session uses better-sqlite3 from ../botbuilder-js, built offline by the peers' own script (step 3
    # of their setup.sh).
    if ! (cd "$BB" && node -e "new (require('better-sqlite3'))(':memory:').close()") 2>/dev/null; then
        echo "building better-sqlite3 in $BB (offline, the peers' scripts/build-sqlite.sh)" >&2
        (cd "$BB" && bash scripts/build-sqlite.sh) >&2
    fi
    if [ ! -d "$GR/node_modules/grammy" ]; then
        echo "setting up grammY in $GR (npm registry only)" >&2
        rm -rf "$GR"
        cp -r "$PEERS/grammy" "$GR"
        chmod -R u+w "$GR"
        (cd "$GR" && npm ci --ignore-scripts --no-audit --no-fund) >&2
    fi
fi

# Published as the product is deployed (deploy/Containerfile): ReadyToRun for this machine's runtime (ADR 0023).
echo "publishing the BlockBot bench (Release, ReadyToRun)" >&2
BENCH_DIR="$ROOT/bench/BlockBot.Bench/bin/Release/net10.0/publish-r2r"
dotnet publish -c Release "$ROOT/bench/BlockBot.Bench" --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true -o "$BENCH_DIR" -nologo -v q | tail -3 >&2
BLOCKBOT=("dotnet" "$BENCH_DIR/BlockBot.Bench.dll")

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$WORKDIR/results-$STAMP.jsonl"
: > "$OUT"
IFS=',' read -r -a NLIST <<< "$NS"
tps() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
for run in $(seq 1 "$RUNS"); do
    for n in "${NLIST[@]}"; do
        # Back to back: the peer, then BlockBot, each in a fresh process.
        if has inprocess; then
            line="$(cd "$BB" && node bench.js --worker --storage memory --n "$n" --turns "$TURNS" --warmup-turns "$WARMUP" \
                --adapter minimal --data-dir "$WORKDIR/data" | tail -1)"
            echo "{\"bot\":\"botbuilder-js\",\"run\":$run,\"result\":$line}" >> "$OUT"
            echo "run $run N=$n botbuilder-js memory: $(echo "$line" | tps turns_per_s) turns/s" >&2
            line="$("${BLOCKBOT[@]}" --peer --n "$n" --storage sqlite --turns "$TURNS" --warmup-turns "$WARMUP" | tail -1)"
            echo "{\"bot\":\"blockbot\",\"run\":$run,\"result\":$line}" >> "$OUT"
            echo "run $run N=$n blockbot sqlite: $(echo "$line" | tps turns_per_s) turns/s" >&2
        fi
        if has telegram; then
            line="$(cd "$GR" && node bench.js --worker --mode runner --storage sqlite --n "$n" --turns "$TG_TURNS" \
                --warmup-turns "$TG_WARMUP" | tail -1)"
            echo "{\"bot\":\"grammy\",\"run\":$run,\"result\":$line}" >> "$OUT"
            echo "run $run N=$n grammY runner sqlite: $(echo "$line" | tps updates_per_s) updates/s" >&2
            line="$(node "$ROOT/bench/telegram-peer/bench.js" --worker --bot "$BENCH_DIR/BlockBot.Bench.dll" --peers "$PEERS" --n "$n" --turns "$TG_TURNS" \
                --warmup-turns "$TG_WARMUP" 2>>"$WORKDIR/blockbot-telegram-$STAMP.log" | tail -1)"
            echo "{\"bot\":\"blockbot-telegram\",\"run\":$run,\"result\":$line}" >> "$OUT"
            echo "run $run N=$n blockbot telegram sqlite: $(echo "$line" | tps updates_per_s) updates/s" >&2
        fi
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
def table(bot, peer, key, unit, peer_name, bot_name, rss_key):
    ns = sorted({n for (b, n) in by if b == bot})
    if not ns:
        return
    runs = max(len(by[(b, n)]) for (b, n) in by if b in (bot, peer))
    print(f"\n{bot_name} against {peer_name}, the peers' 6-turn procedure, medians of {runs} run(s) per row, back to back (raw: {sys.argv[1]})")
    print(f"| N | BlockBot {unit} | {peer_name} {unit} | ratio | BlockBot p50 / p99 ms | {peer_name} p50 / p99 ms | p50 ratio (peer / BlockBot) | BlockBot cores | peak RSS MB BlockBot / peer |")
    print("|---:|---:|---:|---:|---|---|---:|---:|---|")
    cores = "cores" if bot == "blockbot" else "bot_cores"
    for n in ns:
        b, p = med(bot, n, key), med(peer, n, key)
        print(f"| {n:,} | {b:,.0f} | {p:,.0f} | **{b / p:.2f}×** | {med(bot, n, 'p50_ms'):.2f} / {med(bot, n, 'p99_ms'):.1f} | "
              f"{med(peer, n, 'p50_ms'):.2f} / {med(peer, n, 'p99_ms'):.1f} | {med(peer, n, 'p50_ms') / med(bot, n, 'p50_ms'):.2f}× | {med(bot, n, cores):.2f} | "
              f"{med(bot, n, rss_key):.0f} / {med(peer, n, rss_key):.0f} |")

table("blockbot", "botbuilder-js", "turns_per_s", "turns/s", "botbuilder-js MemoryStorage", "BlockBot in process (SQLite)", "peak_rss_mb")
state = [r["result"]["state_bytes"] for r in rows if r["bot"] == "blockbot"]
if state:
    s = state[-1]
    print(f"BlockBot stored state per turn: dialog stack {s['conversation_avg']} B avg ({s['conversation_max']} max), user profile {s['user_avg']} B")
table("blockbot-telegram", "grammy", "updates_per_s", "updates/s", "grammY runner SQLite", "BlockBot Telegram polling (SQLite)", "bot_peak_rss_mb")
tg = [r["result"] for r in rows if r["bot"] == "blockbot-telegram"]
if tg:
    print(f"BlockBot's limiter in the Telegram runs (the fake has no limits, nor has grammY): {tg[-1]['limiter']}")
PY
