#!/usr/bin/env bash
# desk-invoke against what users would pick instead (openssl dgst, curl, /bin/true, Mockoon, a
# bare Node server), measured side by side in one run on this machine, printed as markdown
# tables of ratios, peak RSS and goals.
#
# usage: bench/run.sh [--quick | --check | --scale | --only SECTIONS] [--scale-max N] [--save] [--keep]
#        bench/run.sh --report DIR   (the tables again, from a work directory kept with --keep)
#   (none)        the full run: every section but the scaling run
#   --quick       fewer runs and smaller inputs (a 64 MiB body, 20k items instead of 50k, …)
#   --check       every row ONCE on tiny inputs (seconds): proves the harness works. Installs
#                 and builds nothing release: the binary is $DESK_INVOKE_BIN, or a debug build;
#                 rows whose tools are missing are skipped with a note
#   --scale       only the storage scaling run: 10k, 100k and 1M items in a file database
#   --scale-max N stop the scaling run at N items (10000, 100000 or 1000000)
#   --only LIST   only these sections, comma-separated: short, hash-big, put-one, bulk,
#                 export, load, rate, peers, scale
#   --save        write the run's numbers to bench/last-MODE.json, the next run's "previous"
#   --keep        keep the work directory (results JSON, logs, databases) and say where it is
#   --report DIR  render the tables again from DIR (after a change to bench/report.py); with
#                 --save, its numbers become the previous run's
#
# Environment: DESK_INVOKE_BIN (the binary to measure; no build), DESK_INVOKE_LOAD_BIN (the
# load generator, examples/emulator_load.rs), DESK_INVOKE_BASELINE_BIN (a second desk-invoke,
# e.g. today's release: the short commands then run both, in the same hyperfine invocation).
#
# What it does: installs missing tools by package name (hyperfine, GNU time, openssl, curl,
# python3; @mockoon/cli into bench/.node with npm when npm is there), builds `--release
# --locked` (the binary and examples/emulator_load.rs) in $CARGO_TARGET_DIR or target/, starts
# servers on 127.0.0.1 with databases in a temporary directory, and measures. The commands of
# a comparison run in the same hyperfine invocation, in rounds whose order rotates; the
# numbers are medians over all runs. Peak RSS is GNU time's %M (the largest of a few runs).
set -euo pipefail

MODE=full
KEEP=0
SAVE=0
ONLY=
SCALE_MAX=1000000
while (($#)); do
  case $1 in
  --quick) MODE=quick ;;
  --check) MODE=check ;;
  --scale) ONLY=scale ;;
  --scale-max)
    SCALE_MAX=${2:?--scale-max needs a number}
    shift
    ;;
  --only)
    ONLY=${2:?--only needs a list of sections}
    shift
    ;;
  --keep) KEEP=1 ;;
  --report)
    REPORT_FROM=${2:?--report needs a work directory}
    shift
    ;;
  --save) SAVE=1 ;;
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
  *)
    echo "bench/run.sh: unknown argument $1 (try --help)" >&2
    exit 2
    ;;
  esac
  shift
done
if [[ -n ${REPORT_FROM:-} ]]; then
  [[ -f $REPORT_FROM/results/run.env ]] || {
    echo "bench/run.sh: $REPORT_FROM/results/run.env is missing (a work directory kept with --keep?)" >&2
    exit 2
  }
  set -a
  # shellcheck source=/dev/null
  source "$REPORT_FROM/results/run.env"
  set +a
  SAVE_TO=
  ((SAVE)) && SAVE_TO=$(cd "$(dirname "$0")" && pwd)/last-$MODE.json
  RESULTS=$REPORT_FROM/results SAVE_TO=$SAVE_TO exec python3 "$(dirname "$0")/report.py"
fi
ALL_SECTIONS="short hash-big put-one bulk export load rate peers scale"
if [[ -n $ONLY ]]; then
  SECTIONS=${ONLY//,/ }
elif [[ $MODE == check ]]; then
  SECTIONS=$ALL_SECTIONS
else
  SECTIONS=${ALL_SECTIONS% scale}
fi
for section in $SECTIONS; do
  [[ " $ALL_SECTIONS " == *" $section "* ]] || {
    echo "bench/run.sh: unknown section $section (one of: $ALL_SECTIONS)" >&2
    exit 2
  }
done
wants() { [[ " $SECTIONS " == *" $1 "* ]]; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
cd "$ROOT"
STARTED=$(date +%s)
LOADAVG_START=$(cut -d" " -f1-3 /proc/loadavg)
MOCKOON_VERSION=9.9.0
MOCKOON=$BENCH/.node/node_modules/.bin/mockoon-cli

say() { printf '>> [%ss] %s\n' "$(($(date +%s) - STARTED))" "$*" >&2; }
fail() {
  echo "bench/run.sh: $*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------
# Tools (before HOME is redirected below: apt, npm's cache, cargo and rustup use the real one)
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
if [[ $MODE != check ]]; then
  missing=()
  for pair in hyperfine:hyperfine openssl:openssl curl:curl python3:python3; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [[ -x /usr/bin/time ]] || missing+=(time)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  if wants peers && [[ ! -x $MOCKOON ]] && command -v npm >/dev/null; then
    say "installing @mockoon/cli@$MOCKOON_VERSION into bench/.node (npm)"
    npm install --prefix "$BENCH/.node" --no-audit --no-fund --loglevel=error \
      "@mockoon/cli@$MOCKOON_VERSION" >&2 || say "npm could not install @mockoon/cli"
  fi
fi
command -v python3 >/dev/null || fail "python3 is needed (it writes the report)"
# The interpreter itself, not a version manager's shim: it is started many times.
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
HELPERS=$BENCH/helpers.py

# ---------------------------------------------------------------------------------------
# Build (before HOME is redirected below: cargo and rustup live under the real HOME)
# ---------------------------------------------------------------------------------------
TARGET=${CARGO_TARGET_DIR:-target}
[[ $TARGET == /* ]] || TARGET=$ROOT/$TARGET
PROFILE=release
PROFILE_FLAG=(--release)
if [[ $MODE == check ]]; then
  PROFILE=debug PROFILE_FLAG=()
fi
build=()
[[ -n ${DESK_INVOKE_BIN:-} ]] || build+=(--bin desk-invoke)
[[ -n ${DESK_INVOKE_LOAD_BIN:-} ]] || build+=(--example emulator_load)
# What cargo sets for the process it runs (a test, `cargo run`) is not for a nested build: a
# build script that watches CARGO_MANIFEST_DIR (ring's) would rebuild, ping-pong.
while IFS= read -r name; do unset "$name"; done < <(compgen -e |
  grep -E '^CARGO_(MANIFEST_|PKG_|CRATE_NAME$|BIN_NAME$|BIN_EXE_|PRIMARY_PACKAGE$|TARGET_TMPDIR$)' || true)
# A full or quick run measures the binary users are told to build: on x86_64 Linux with glibc
# the static one (`cargo build-static`, .cargo/config.toml), elsewhere the plain release.
BUILD=(build --locked) OUT=$TARGET/$PROFILE
if [[ $MODE != check && $(uname -sm) == "Linux x86_64" ]] && ldd --version 2>&1 | grep -qi glibc; then
  BUILD=(build-static) OUT=$TARGET/x86_64-unknown-linux-gnu/$PROFILE
fi
if ((${#build[@]})); then
  say "building: cargo ${BUILD[*]} ${PROFILE_FLAG[*]:-(debug)} ${build[*]} in $TARGET"
  cargo "${BUILD[@]}" "${PROFILE_FLAG[@]}" "${build[@]}" >&2
fi
BIN=${DESK_INVOKE_BIN:-$OUT/desk-invoke}
LOAD=${DESK_INVOKE_LOAD_BIN:-$OUT/examples/emulator_load}
BASE=${DESK_INVOKE_BASELINE_BIN:-}
[[ -x $BIN ]] || fail "no binary at $BIN"
[[ -x $LOAD ]] || fail "no load generator at $LOAD"
[[ -z $BASE || -x $BASE ]] || fail "no baseline binary at $BASE"
RUSTC_VERSION=$(rustc --version 2>/dev/null || echo "rustc ?")
BIN_VERSION=$("$BIN" --version 2>/dev/null || echo "?")
export RUSTC_VERSION BIN_VERSION
GIT_COMMIT=$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "?")
export GIT_COMMIT

# ---------------------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------------------
case $MODE in
check)
  ROUNDS=1 BIG_MIB=1 BIG_RUNS=1 PUT_RUNS=1 BULK_ITEMS=200 LOOP_ITEMS=3
  BULK_RUNS=1 EXPORT_BIG=400 EXPORT_RUNS=1 LOAD_REQUESTS=100 LOAD_REPEATS=1 RATE_ITEMS=30
  PEER_REQUESTS=50 PEER_SECONDS=5 PEER_ROUNDS=1 PEER_WARMUP=10
  SHORT_ROUNDS=1 SHORT_RUNS=1 GET_RUNS=1
  SCALE_STAGES="200 1000 2000" SCALE_PROBE=100 SCALE_GETS=50 SCALE_EXPORTS=1 SCALE_FIRST_REPEATS=2
  ;;
quick)
  ROUNDS=2 BIG_MIB=64 BIG_RUNS=3 PUT_RUNS=10 BULK_ITEMS=5000 LOOP_ITEMS=50
  BULK_RUNS=1 EXPORT_BIG=20000 EXPORT_RUNS=2 LOAD_REQUESTS=5000 LOAD_REPEATS=1 RATE_ITEMS=1000
  PEER_REQUESTS=5000 PEER_SECONDS=5 PEER_ROUNDS=1 PEER_WARMUP=1000
  SHORT_ROUNDS=10 SHORT_RUNS=10 GET_RUNS=2
  SCALE_STAGES="10000 100000 1000000" SCALE_PROBE=5000 SCALE_GETS=2000 SCALE_EXPORTS=1 SCALE_FIRST_REPEATS=3
  ;;
full)
  ROUNDS=4 BIG_MIB=256 BIG_RUNS=5 PUT_RUNS=30 BULK_ITEMS=5000 LOOP_ITEMS=200
  BULK_RUNS=3 EXPORT_BIG=50000 EXPORT_RUNS=3 LOAD_REQUESTS=20000 LOAD_REPEATS=3 RATE_ITEMS=1000
  PEER_REQUESTS=20000 PEER_SECONDS=10 PEER_ROUNDS=2 PEER_WARMUP=2000
  SHORT_ROUNDS=30 SHORT_RUNS=20 GET_RUNS=4
  SCALE_STAGES="10000 100000 1000000" SCALE_PROBE=5000 SCALE_GETS=5000 SCALE_EXPORTS=3 SCALE_FIRST_REPEATS=5
  ;;
esac
EXPORT_SMALL=$BULK_ITEMS
LOAD_CONCURRENCY=32
PEER_CONNECTIONS="1 8 64"
stages=()
for stage in $SCALE_STAGES; do
  ((stage <= SCALE_MAX)) && stages+=("$stage")
done
SCALE_STAGES=${stages[*]}

# ---------------------------------------------------------------------------------------
# Sandbox: own HOME, no inherited DESK_INVOKE_* settings, the emulator's local credentials
# ---------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/desk-invoke-bench.XXXXXX")
SERVER_PIDS=()
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]}"; do
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
: >"$RESULTS/skipped.tsv"

# skip SECTION REASON: the section's rows are left out of the tables, with the reason.
skip() {
  say "skipping $1: $2"
  printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/skipped.tsv"
}
# needs SECTION TOOL…: true when every tool is there, else the section is skipped.
needs() {
  local section=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      skip "$section" "$tool is not installed"
      return 1
    }
  done
}

# start_server NAME PORT_FILE CMD…: starts a server in the background, waits (bounded) for
# its port file; sets SERVER_PID and SERVER_URL.
start_server() {
  local name=$1 port_file=$2 log=$WORK/$1.log _
  shift 2
  rm -f "$port_file"
  "$@" >/dev/null 2>"$log" &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  for _ in $(seq 200); do
    [[ -s $port_file ]] && break
    sleep 0.05
  done
  [[ -s $port_file ]] || {
    cat "$log" >&2
    fail "$name did not start"
  }
  SERVER_URL=http://127.0.0.1:$(cat "$port_file")
}

# start_emulator NAME [FLAG…]: an emulator on a free loopback port with its database in $WORK;
# sets EMULATOR_URL and EMULATOR_PID. -q: no log line per request (it would be measured too).
start_emulator() {
  local name=$1
  shift
  start_server "$name" "$WORK/$name.port" \
    "$BIN" -q emulator --addr 127.0.0.1:0 --db "$WORK/$name.sqlite" --port-file "$WORK/$name.port" "$@"
  EMULATOR_PID=$SERVER_PID EMULATOR_URL=$SERVER_URL
}

stop_server() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# compare NAME WARMUP RUNS LABEL CMD [LABEL CMD…]
# hyperfine runs the commands in one invocation, ROUNDS times; the order rotates each round.
# --check runs every command once (bench/helpers.py once), without hyperfine.
compare() {
  local name=$1 warmup=$2 runs=$3 round i
  shift 3
  local pairs=("$@") count=$((${#@} / 2))
  if [[ $MODE == check ]]; then
    "$PYTHON" "$HELPERS" once "$RESULTS/$name.round1.json" "${pairs[@]}"
    return
  fi
  for round in $(seq "$ROUNDS"); do
    local order=()
    for i in $(seq 0 $((count - 1))); do
      local at=$(((i + round - 1) % count * 2))
      order+=(-n "${pairs[at]}" "${pairs[at + 1]}")
    done
    hyperfine -N --style none --warmup "$warmup" --runs "$runs" \
      --export-json "$RESULTS/$name.round$round.json" "${order[@]}" >/dev/null
  done
}

# peak_rss NAME LABEL CMD… : the largest peak RSS (KiB) of 3 runs (1 with --check), into
# $RESULTS/NAME.rss
peak_rss() {
  local name=$1 label=$2 max=0 kib runs=3 _
  shift 2
  [[ $MODE == check ]] && runs=1
  for _ in $(seq "$runs"); do
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -f %M -o "$WORK/rss.tmp" "$@" >/dev/null 2>"$WORK/rss.err" || {
        cat "$WORK/rss.err" >&2
        fail "$label failed"
      }
    else
      "$PYTHON" "$HELPERS" peak-rss "$@" >"$WORK/rss.tmp" 2>"$WORK/rss.err" || {
        cat "$WORK/rss.err" >&2
        fail "$label failed"
      }
    fi
    kib=$(tail -n 1 "$WORK/rss.tmp")
    ((kib > max)) && max=$kib
  done
  printf '%s\t%s\n' "$label" "$max" >>"$RESULTS/$name.rss"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
now() { date +%s%N; }
seconds_since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.6f\n", (to - from) / 1e9 }'; }

# COUNT → NDJSON on stdout, compact, as `storage get -o ndjson` writes it; all in group `bench`
# (Desk lists storage only by key or by group).
make_items() {
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"key\":\"item-%06d\",\"queriableValue\":\"bench\",\"value\":{\"n\":%d,\"name\":\"item number %d\",\"tags\":[\"alpha\",\"beta\"],\"active\":true}}\n", i, i, i }'
}
EXPORT="storage get --queriable-value bench --all -o ndjson"

# shellcheck source=bench/sections.sh
source "$BENCH/sections.sh"

for section in $SECTIONS; do
  "section_${section//-/_}"
done

# ---------------------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------------------
ELAPSED=$(($(date +%s) - STARTED))
SAVE_TO=
((SAVE)) && SAVE_TO=$BENCH/last-$MODE.json
export RESULTS MODE SECTIONS BIG_MIB BULK_ITEMS LOOP_ITEMS EXPORT_SMALL EXPORT_BIG \
  LOAD_REQUESTS LOAD_REPEATS LOAD_CONCURRENCY ELAPSED ROUNDS SHORT_ROUNDS SHORT_RUNS LOADAVG_START RATE_ITEMS \
  PEER_REQUESTS PEER_SECONDS PEER_ROUNDS PEER_CONNECTIONS MOCKOON_VERSION SCALE_STAGES \
  SCALE_PROBE SCALE_GETS SCALE_FIRST_REPEATS SAVE_TO BASE
export LOADAVG_END=$(cut -d" " -f1-3 /proc/loadavg)
export PREVIOUS=$BENCH/last-$MODE.json
export CLK_TCK=$(getconf CLK_TCK)
# What the report reads, for `--report DIR` later.
for name in RESULTS MODE SECTIONS BIG_MIB BULK_ITEMS LOOP_ITEMS EXPORT_SMALL EXPORT_BIG \
  LOAD_REQUESTS LOAD_REPEATS LOAD_CONCURRENCY ELAPSED ROUNDS SHORT_ROUNDS SHORT_RUNS LOADAVG_START LOADAVG_END \
  RATE_ITEMS PEER_REQUESTS PEER_SECONDS PEER_ROUNDS PEER_CONNECTIONS MOCKOON_VERSION \
  SCALE_STAGES SCALE_PROBE SCALE_GETS SCALE_FIRST_REPEATS BASE PREVIOUS CLK_TCK RUSTC_VERSION BIN_VERSION GIT_COMMIT; do
  printf '%s=%q\n' "$name" "${!name}"
done >"$RESULTS/run.env"
"$PYTHON" "$BENCH/report.py"
