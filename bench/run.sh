#!/usr/bin/env bash
# desk-invoke against the shell status quo (openssl dgst, curl), measured side by side in one
# run on this machine, printed as a markdown table of ratios, peak RSS and goals.
#
# usage: bench/run.sh [--quick] [--keep]
#   --quick  fewer runs and smaller inputs (a 64 MiB body, 20k items instead of 50k, …)
#   --keep   keep the work directory (results JSON, logs, databases) and say where it is
#
# What it does: installs missing tools by package name (hyperfine, GNU time, openssl, curl,
# python3), builds `--release --locked` (the binary and examples/emulator_load.rs) in
# $CARGO_TARGET_DIR or target/, starts emulators on loopback with databases in a temporary
# directory, and measures. A and B of each comparison run in the same hyperfine invocation,
# in rounds whose order alternates (A,B then B,A …); the numbers are medians over all runs.
# Peak RSS is GNU time's %M (the largest of a few runs). Nothing is downloaded besides
# missing tools, and all traffic stays on 127.0.0.1.
set -euo pipefail

QUICK=0
KEEP=0
for arg in "$@"; do
  case $arg in
  --quick) QUICK=1 ;;
  --keep) KEEP=1 ;;
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
  *)
    echo "bench/run.sh: unknown argument $arg (try --help)" >&2
    exit 2
    ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
cd "$ROOT"
STARTED=$(date +%s)
LOADAVG_START=$(cut -d" " -f1-3 /proc/loadavg)

say() { printf '>> %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------
apt_install() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  say "installing $* (apt)"
  if ! "${sudo[@]}" apt-get install -y -q "$@" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" apt-get install -y -q "$@" >/dev/null
  fi
}
missing=()
for pair in hyperfine:hyperfine openssl:openssl curl:curl python3:python3; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[[ -x /usr/bin/time ]] || missing+=(time)
((${#missing[@]} == 0)) || apt_install "${missing[@]}"

# ---------------------------------------------------------------------------------------
# Build (before HOME is redirected below: cargo and rustup live under the real HOME)
# ---------------------------------------------------------------------------------------
TARGET=${CARGO_TARGET_DIR:-target}
[[ $TARGET == /* ]] || TARGET=$ROOT/$TARGET
say "building --release --locked in $TARGET"
cargo build --release --locked --bin desk-invoke --example emulator_load >&2
BIN=$TARGET/release/desk-invoke
RUSTC_VERSION=$(rustc --version 2>/dev/null || echo "rustc ?")
export RUSTC_VERSION
LOAD=$TARGET/release/examples/emulator_load

# ---------------------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------------------
if ((QUICK)); then
  ROUNDS=2 HASH_RUNS=50 BIG_MIB=64 BIG_RUNS=3 PUT_RUNS=10 BULK_ITEMS=5000 LOOP_ITEMS=50
  BULK_RUNS=1 EXPORT_BIG=20000 EXPORT_RUNS=2 LOAD_REQUESTS=5000 LOAD_REPEATS=1
else
  ROUNDS=4 HASH_RUNS=150 BIG_MIB=256 BIG_RUNS=5 PUT_RUNS=30 BULK_ITEMS=5000 LOOP_ITEMS=200
  BULK_RUNS=3 EXPORT_BIG=50000 EXPORT_RUNS=3 LOAD_REQUESTS=20000 LOAD_REPEATS=3
fi
EXPORT_SMALL=$BULK_ITEMS
LOAD_CONCURRENCY=32

# ---------------------------------------------------------------------------------------
# Sandbox: own HOME, no inherited DESK_INVOKE_* settings, the emulator's local credentials
# ---------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/desk-invoke-bench.XXXXXX")
EMULATOR_PIDS=()
cleanup() {
  local pid
  for pid in "${EMULATOR_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${EMULATOR_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if ((KEEP)); then
    say "work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^DESK_INVOKE_' || true)
unset CLICOLOR_FORCE
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
export NO_COLOR=1
export DESK_INVOKE_SECRET=local-emulator-secret
export DESK_INVOKE_SECURITY_CONTEXT=local-security-context
export DESK_INVOKE_ORG_ID=376723
mkdir -p "$HOME"
RESULTS=$WORK/results
mkdir -p "$RESULTS"

# Starts an emulator on a free loopback port with its database in $WORK; sets EMULATOR_URL
# and EMULATOR_PID.
# Extra flags for the emulator may follow the name. -q: no log line per request (it would be
# measured too); the port comes from --port-file.
start_emulator() {
  local name=$1 log=$WORK/$1.log port_file=$WORK/$1.port _
  shift
  rm -f "$port_file"
  "$BIN" -q emulator --addr 127.0.0.1:0 --db "$WORK/$name.sqlite" --port-file "$port_file" "$@" \
    >/dev/null 2>"$log" &
  EMULATOR_PID=$!
  EMULATOR_PIDS+=("$EMULATOR_PID")
  for _ in $(seq 200); do
    [[ -s $port_file ]] && break
    sleep 0.05
  done
  [[ -s $port_file ]] || {
    cat "$log" >&2
    echo "bench/run.sh: the emulator did not start" >&2
    exit 1
  }
  EMULATOR_URL=http://127.0.0.1:$(cat "$port_file")
}

# compare NAME WARMUP RUNS LABEL_A CMD_A LABEL_B CMD_B
# hyperfine runs both commands in one invocation, ROUNDS times, alternating which goes first.
compare() {
  local name=$1 warmup=$2 runs=$3 label_a=$4 cmd_a=$5 label_b=$6 cmd_b=$7 round
  for round in $(seq "$ROUNDS"); do
    local order=(-n "$label_a" "$cmd_a" -n "$label_b" "$cmd_b")
    ((round % 2)) || order=(-n "$label_b" "$cmd_b" -n "$label_a" "$cmd_a")
    hyperfine -N --style none --warmup "$warmup" --runs "$runs" \
      --export-json "$RESULTS/$name.round$round.json" "${order[@]}" >/dev/null
  done
}

# peak_rss NAME LABEL CMD… : the largest peak RSS (KiB) of 3 runs, into $RESULTS/NAME.rss
peak_rss() {
  local name=$1 label=$2 max=0 kib _
  shift 2
  for _ in 1 2 3; do
    /usr/bin/time -f %M -o "$WORK/rss.tmp" "$@" >/dev/null 2>"$WORK/rss.err" || {
      cat "$WORK/rss.err" >&2
      exit 1
    }
    kib=$(tail -n 1 "$WORK/rss.tmp")
    ((kib > max)) && max=$kib
  done
  printf '%s\t%s\n' "$label" "$max" >>"$RESULTS/$name.rss"
}

# ---------------------------------------------------------------------------------------
# 1. hash, small message: whole process against openssl dgst fed the same stringToHash
# ---------------------------------------------------------------------------------------
say "hash: small message"
HASH_ARGS=(hash --url https://desk.zoho.com/api/v1/tickets -X GET --headers '{"orgId":"376723"}')
printf '%s' "$("$BIN" "${HASH_ARGS[@]}" --canonical)" >"$WORK/canonical.txt"
ours=$("$BIN" "${HASH_ARGS[@]}")
theirs=$(openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" -r "$WORK/canonical.txt")
[[ $ours == "${theirs%% *}" ]] || {
  echo "bench/run.sh: desk-invoke and openssl disagree on the small HASH" >&2
  exit 1
}
compare hash_small 20 "$HASH_RUNS" \
  desk-invoke "$BIN hash --url https://desk.zoho.com/api/v1/tickets -X GET --headers '{\"orgId\":\"376723\"}'" \
  openssl "openssl dgst -sha256 -hmac $DESK_INVOKE_SECRET $WORK/canonical.txt"
peak_rss hash_small desk-invoke "$BIN" "${HASH_ARGS[@]}"
peak_rss hash_small openssl openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" "$WORK/canonical.txt"

# ---------------------------------------------------------------------------------------
# 2. hash of a big postBody file, streamed, against openssl dgst of the same file
# ---------------------------------------------------------------------------------------
say "hash: ${BIG_MIB} MiB postBody"
BIG=$WORK/body.txt
# Text (base64 of random bytes): a postBody must be UTF-8, and the check is measured too.
# 3 random bytes make 4 base64 characters: the file is exactly BIG_MIB MiB.
head -c "$((BIG_MIB * 1024 * 1024 / 4 * 3))" /dev/urandom | base64 -w 0 >"$BIG"
ours=$("$BIN" hash --post-body "@$BIG")
theirs=$({
  printf 'postBody='
  cat "$BIG"
} | openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" -r)
[[ $ours == "${theirs%% *}" ]] || {
  echo "bench/run.sh: desk-invoke and openssl disagree on the big HASH" >&2
  exit 1
}
compare hash_big 1 "$BIG_RUNS" \
  desk-invoke "$BIN hash --post-body @$BIG" \
  openssl "openssl dgst -sha256 -hmac $DESK_INVOKE_SECRET $BIG"
peak_rss hash_big desk-invoke "$BIN" hash --post-body "@$BIG"
peak_rss hash_big openssl openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" "$BIG"
rm -f "$BIG"

# ---------------------------------------------------------------------------------------
# 3. one storage put process against one openssl + curl line
# ---------------------------------------------------------------------------------------
say "storage put: one process"
start_emulator single
export DESK_INVOKE_BASE_URL=$EMULATOR_URL
VALUE='{"name":"bench","n":1,"tags":["a","b"]}'
reply=$(bash "$BENCH/put_one.sh" single "$VALUE")
[[ $reply == *'"statusCode":200'* ]] || {
  echo "bench/run.sh: the openssl+curl line was not accepted: $reply" >&2
  exit 1
}
"$BIN" storage put single "$VALUE" --queriable-value bench >/dev/null
compare put_one 3 "$PUT_RUNS" \
  desk-invoke "$BIN storage put single '$VALUE' --queriable-value bench" \
  openssl+curl "bash $BENCH/put_one.sh single '$VALUE'"
peak_rss put_one desk-invoke "$BIN" storage put single "$VALUE" --queriable-value bench

# ---------------------------------------------------------------------------------------
# 4. bulk put of BULK_ITEMS items against the bash loop over LOOP_ITEMS of them
# ---------------------------------------------------------------------------------------
say "storage put --file: $BULK_ITEMS items, bash loop: $LOOP_ITEMS items"
# Every item is in the group `bench`: Desk lists storage only by key or by group.
make_items() { # COUNT → NDJSON on stdout, compact, as `storage get -o ndjson` writes it
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"key\":\"item-%06d\",\"queriableValue\":\"bench\",\"value\":{\"n\":%d,\"name\":\"item number %d\",\"tags\":[\"alpha\",\"beta\"],\"active\":true}}\n", i, i, i }'
}
EXPORT="storage get --queriable-value bench --all -o ndjson"
make_items "$BULK_ITEMS" >"$WORK/items_bulk.ndjson"
head -n "$LOOP_ITEMS" "$WORK/items_bulk.ndjson" >"$WORK/items_loop.ndjson"
start_emulator small
export DESK_INVOKE_BASE_URL=$EMULATOR_URL
SMALL_URL=$EMULATOR_URL
ROUNDS_SAVED=$ROUNDS
ROUNDS=$((ROUNDS_SAVED > 2 ? ROUNDS_SAVED / 2 : ROUNDS_SAVED))
compare bulk_put 0 "$BULK_RUNS" \
  desk-invoke "$BIN storage put --file $WORK/items_bulk.ndjson" \
  bash-loop "bash $BENCH/put_loop.sh $WORK/items_loop.ndjson"
ROUNDS=$ROUNDS_SAVED
peak_rss bulk_put desk-invoke "$BIN" storage put --file "$WORK/items_bulk.ndjson"

# ---------------------------------------------------------------------------------------
# 5. export with storage get --all -o ndjson: EXPORT_SMALL and EXPORT_BIG items
# ---------------------------------------------------------------------------------------
say "storage get --all: seeding $EXPORT_BIG items"
start_emulator big
BIG_URL=$EMULATOR_URL
make_items "$EXPORT_BIG" >"$WORK/items_big.ndjson"
seed_started=$(date +%s.%N)
"$BIN" --base-url "$BIG_URL" storage put --file "$WORK/items_big.ndjson" --concurrency 16 2>/dev/null
seed_ended=$(date +%s.%N)
printf '{"items": %s, "seconds": %s}\n' "$EXPORT_BIG" \
  "$(python3 -c "print($seed_ended - $seed_started)")" >"$RESULTS/seed.json"
for pair in "$EXPORT_SMALL:$SMALL_URL" "$EXPORT_BIG:$BIG_URL"; do
  count=$("$BIN" --base-url "${pair#*:}" $EXPORT | wc -l)
  [[ $count -eq ${pair%%:*} ]] || {
    echo "bench/run.sh: exported $count items, expected ${pair%%:*}" >&2
    exit 1
  }
done
say "storage get --all: exporting"
compare export 1 "$EXPORT_RUNS" \
  "export-$EXPORT_SMALL" "$BIN --base-url $SMALL_URL $EXPORT" \
  "export-$EXPORT_BIG" "$BIN --base-url $BIG_URL $EXPORT"
# shellcheck disable=SC2086 # $EXPORT is the command's words
peak_rss export "export-$EXPORT_SMALL" "$BIN" --base-url "$SMALL_URL" $EXPORT
# shellcheck disable=SC2086
peak_rss export "export-$EXPORT_BIG" "$BIN" --base-url "$BIG_URL" $EXPORT

# ---------------------------------------------------------------------------------------
# 6. the emulator alone under concurrent load (pre-signed requests, loopback, bounded)
# ---------------------------------------------------------------------------------------
say "emulator: $LOAD_REQUESTS requests x $LOAD_REPEATS per mode, $LOAD_CONCURRENCY at a time"
start_emulator load
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
for mode in put get; do
  for repeat in $(seq "$LOAD_REPEATS"); do
    before=$(cpu_ticks "$EMULATOR_PID")
    "$LOAD" --url "$EMULATOR_URL" --mode "$mode" --requests "$LOAD_REQUESTS" \
      --concurrency "$LOAD_CONCURRENCY" --max-seconds 60 >"$RESULTS/load_$mode.$repeat.json"
    after=$(cpu_ticks "$EMULATOR_PID")
    printf '%s\n' "$((after - before))" >"$RESULTS/load_$mode.$repeat.ticks"
  done
done

# ---------------------------------------------------------------------------------------
# 7. an import at Desk's rate limits: 1,000 items into an emulator enforcing Desk's storage
#    limits over a 1 s window, paced at --rate 50/1s; --batch 10 (default) and --batch 1
# ---------------------------------------------------------------------------------------
RATE_ITEMS=1000
make_items "$RATE_ITEMS" >"$WORK/items_rate.ndjson"
for batch in 10 1; do
  say "rate-limited import: $RATE_ITEMS items, --batch $batch, --rate 50/1s"
  start_emulator "rate$batch" --rate-limits desk --rate-window 1s
  started=$(date +%s.%N)
  "$BIN" --base-url "$EMULATOR_URL" storage put --file "$WORK/items_rate.ndjson" \
    --batch "$batch" --rate 50/1s 2>"$WORK/rate$batch.err" || {
    cat "$WORK/rate$batch.err" >&2
    echo "bench/run.sh: the rate-limited import failed" >&2
    exit 1
  }
  ended=$(date +%s.%N)
  stored=$("$BIN" --base-url "$EMULATOR_URL" storage count --queriable-value bench)
  curl -sS "$EMULATOR_URL/_emulator/stats" >"$RESULTS/rate$batch.stats.json"
  printf '{"items": %s, "batch": %s, "seconds": %s, "stored": %s}\n' "$RATE_ITEMS" "$batch" \
    "$(python3 -c "print($ended - $started)")" "$stored" >"$RESULTS/rate$batch.json"
  kill "$EMULATOR_PID"
done

# ---------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------
ELAPSED=$(($(date +%s) - STARTED))
export RESULTS QUICK BIG_MIB BULK_ITEMS LOOP_ITEMS EXPORT_SMALL EXPORT_BIG LOAD_REQUESTS \
  LOAD_REPEATS LOAD_CONCURRENCY ELAPSED ROUNDS LOADAVG_START
export CLK_TCK=$(getconf CLK_TCK)
python3 "$BENCH/report.py"
