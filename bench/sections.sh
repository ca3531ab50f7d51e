# The sections of bench/run.sh, one function each (sourced by it, not run on its own). Each
# checks correctness before it times anything, writes its results under $RESULTS, and skips
# itself (with the reason, in the report) when a tool it compares against is missing.
# shellcheck shell=bash disable=SC2154 # the variables are run.sh's

# ---------------------------------------------------------------------------------------
# short: whole short processes against the floor of a process (/bin/true) and openssl; with
# DESK_INVOKE_BASELINE_BIN, the baseline binary runs in the same hyperfine invocation.
# Many short rounds: a busy machine's load moves within seconds, and a long block of A runs
# then B runs would compare two different machines (an A/A run showed 2.5× that way).
# ---------------------------------------------------------------------------------------
section_short() {
  needs short openssl || return 0
  local ROUNDS=$SHORT_ROUNDS
  say "short commands: hash, --version, storage get --key"
  local hash_args=(hash --url https://desk.zoho.com/api/v1/tickets -X GET --headers '{"orgId":"376723"}')
  local hash_cmd="hash --url https://desk.zoho.com/api/v1/tickets -X GET --headers '{\"orgId\":\"376723\"}'"
  printf '%s' "$("$BIN" "${hash_args[@]}" --canonical)" >"$WORK/canonical.txt"
  local ours theirs
  ours=$("$BIN" "${hash_args[@]}")
  theirs=$(openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" -r "$WORK/canonical.txt")
  [[ $ours == "${theirs%% *}" ]] || fail "desk-invoke and openssl disagree on the small HASH"
  local baseline=()
  if [[ -n $BASE ]]; then
    [[ $("$BASE" "${hash_args[@]}") == "$ours" ]] || fail "the baseline binary's HASH differs"
    baseline=(baseline "$BASE $hash_cmd")
  fi
  compare hash_small 3 "$SHORT_RUNS" \
    desk-invoke "$BIN $hash_cmd" \
    openssl "openssl dgst -sha256 -hmac $DESK_INVOKE_SECRET $WORK/canonical.txt" \
    true /bin/true "${baseline[@]}"
  peak_rss hash_small desk-invoke "$BIN" "${hash_args[@]}"
  peak_rss hash_small openssl openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" "$WORK/canonical.txt"

  [[ $("$BIN" --version) == desk-invoke* ]] || fail "--version does not name desk-invoke"
  baseline=()
  [[ -z $BASE ]] || baseline=(baseline "$BASE --version")
  compare version 3 "$SHORT_RUNS" desk-invoke "$BIN --version" true /bin/true "${baseline[@]}"

  start_emulator short
  local value='{"name":"bench","n":1}'
  export DESK_INVOKE_BASE_URL=$EMULATOR_URL
  "$BIN" storage put short "$value" --queriable-value bench >/dev/null
  [[ $("$BIN" storage get --key short -o raw) == "$value" ]] ||
    fail "storage get --key did not return what was put"
  baseline=()
  [[ -z $BASE ]] || baseline=(baseline "$BASE storage get --key short")
  compare get_key 1 "$GET_RUNS" \
    desk-invoke "$BIN storage get --key short" "${baseline[@]}"
  peak_rss get_key desk-invoke "$BIN" storage get --key short
  stop_server "$EMULATOR_PID"
}

# ---------------------------------------------------------------------------------------
# hash-big: the hash of a big postBody file, streamed, against openssl dgst of the same file
# ---------------------------------------------------------------------------------------
section_hash_big() {
  needs hash-big openssl || return 0
  say "hash: ${BIG_MIB} MiB postBody"
  local big=$WORK/body.txt ours theirs
  # Text (base64 of random bytes): a postBody must be UTF-8, and the check is measured too.
  # 3 random bytes make 4 base64 characters: the file is exactly BIG_MIB MiB.
  head -c "$((BIG_MIB * 1024 * 1024 / 4 * 3))" /dev/urandom | base64 -w 0 >"$big"
  ours=$("$BIN" hash --post-body "@$big")
  theirs=$({
    printf 'postBody='
    cat "$big"
  } | openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" -r)
  [[ $ours == "${theirs%% *}" ]] || fail "desk-invoke and openssl disagree on the big HASH"
  compare hash_big 1 "$BIG_RUNS" \
    desk-invoke "$BIN hash --post-body @$big" \
    openssl "openssl dgst -sha256 -hmac $DESK_INVOKE_SECRET $big"
  peak_rss hash_big desk-invoke "$BIN" hash --post-body "@$big"
  peak_rss hash_big openssl openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET" "$big"
  rm -f "$big"
}

# ---------------------------------------------------------------------------------------
# put-one: one storage put process against one openssl + curl line
# ---------------------------------------------------------------------------------------
section_put_one() {
  needs put-one openssl curl || return 0
  say "storage put: one process"
  start_emulator single
  local value='{"name":"bench","n":1,"tags":["a","b"]}' reply
  export DESK_INVOKE_BASE_URL=$EMULATOR_URL
  reply=$(bash "$BENCH/put_one.sh" single "$value")
  [[ $reply == *'"statusCode":200'* ]] || fail "the openssl+curl line was not accepted: $reply"
  "$BIN" storage put single "$value" --queriable-value bench >/dev/null
  compare put_one 3 "$PUT_RUNS" \
    desk-invoke "$BIN storage put single '$value' --queriable-value bench" \
    openssl+curl "bash $BENCH/put_one.sh single '$value'"
  peak_rss put_one desk-invoke "$BIN" storage put single "$value" --queriable-value bench
  stop_server "$EMULATOR_PID"
}

# ---------------------------------------------------------------------------------------
# bulk: bulk put of BULK_ITEMS items against the bash loop over LOOP_ITEMS of them
# ---------------------------------------------------------------------------------------
section_bulk() {
  needs bulk openssl curl || return 0
  say "storage put --file: $BULK_ITEMS items, bash loop: $LOOP_ITEMS items"
  make_items "$BULK_ITEMS" >"$WORK/items_bulk.ndjson"
  head -n "$LOOP_ITEMS" "$WORK/items_bulk.ndjson" >"$WORK/items_loop.ndjson"
  start_emulator small
  local rounds_saved=$ROUNDS
  ROUNDS=$((rounds_saved > 2 ? rounds_saved / 2 : rounds_saved))
  export DESK_INVOKE_BASE_URL=$EMULATOR_URL
  compare bulk_put 0 "$BULK_RUNS" \
    desk-invoke "$BIN storage put --file $WORK/items_bulk.ndjson" \
    bash-loop "bash $BENCH/put_loop.sh $WORK/items_loop.ndjson"
  ROUNDS=$rounds_saved
  peak_rss bulk_put desk-invoke "$BIN" storage put --file "$WORK/items_bulk.ndjson"
  stop_server "$EMULATOR_PID"
}

# ---------------------------------------------------------------------------------------
# export: storage get --all -o ndjson of EXPORT_SMALL and EXPORT_BIG items
# ---------------------------------------------------------------------------------------
section_export() {
  say "storage get --all: seeding $EXPORT_SMALL and $EXPORT_BIG items"
  local pair count url_small url_big started small_pid
  make_items "$EXPORT_SMALL" >"$WORK/items_small.ndjson"
  make_items "$EXPORT_BIG" >"$WORK/items_big.ndjson"
  start_emulator export_small
  url_small=$EMULATOR_URL small_pid=$EMULATOR_PID
  "$BIN" --base-url "$url_small" storage put --file "$WORK/items_small.ndjson" --concurrency 16 2>/dev/null
  start_emulator export_big
  url_big=$EMULATOR_URL
  started=$(now)
  "$BIN" --base-url "$url_big" storage put --file "$WORK/items_big.ndjson" --concurrency 16 2>/dev/null
  printf '{"items": %s, "seconds": %s}\n' "$EXPORT_BIG" "$(seconds_since "$started")" >"$RESULTS/seed.json"
  for pair in "$EXPORT_SMALL $url_small" "$EXPORT_BIG $url_big"; do
    # shellcheck disable=SC2086 # $EXPORT is the command's words
    count=$("$BIN" --base-url "${pair#* }" $EXPORT | wc -l)
    [[ $count -eq ${pair%% *} ]] || fail "exported $count items, expected ${pair%% *}"
  done
  say "storage get --all: exporting"
  compare export 1 "$EXPORT_RUNS" \
    "export-$EXPORT_SMALL" "$BIN --base-url $url_small $EXPORT" \
    "export-$EXPORT_BIG" "$BIN --base-url $url_big $EXPORT"
  # shellcheck disable=SC2086
  peak_rss export "export-$EXPORT_SMALL" "$BIN" --base-url "$url_small" $EXPORT
  # shellcheck disable=SC2086
  peak_rss export "export-$EXPORT_BIG" "$BIN" --base-url "$url_big" $EXPORT
  stop_server "$small_pid"
  stop_server "$EMULATOR_PID"
}

# ---------------------------------------------------------------------------------------
# load: the emulator alone under concurrent storage load (pre-signed requests, bounded)
# ---------------------------------------------------------------------------------------
section_load() {
  say "emulator: $LOAD_REQUESTS requests x $LOAD_REPEATS per mode, $LOAD_CONCURRENCY at a time"
  start_emulator load
  local mode repeat before after
  for mode in put get; do
    for repeat in $(seq "$LOAD_REPEATS"); do
      before=$(cpu_ticks "$EMULATOR_PID")
      "$LOAD" --url "$EMULATOR_URL" --mode "$mode" --requests "$LOAD_REQUESTS" \
        --concurrency "$LOAD_CONCURRENCY" --max-seconds 60 >"$RESULTS/load_$mode.$repeat.json"
      after=$(cpu_ticks "$EMULATOR_PID")
      printf '%s\n' "$((after - before))" >"$RESULTS/load_$mode.$repeat.ticks"
    done
  done
  stop_server "$EMULATOR_PID"
}

# ---------------------------------------------------------------------------------------
# rate: an import at Desk's rate limits: RATE_ITEMS items into an emulator enforcing Desk's
# storage limits over a 1 s window, paced at --rate 50/1s; --batch 10 (default) and --batch 1
# ---------------------------------------------------------------------------------------
section_rate() {
  local batch started stored
  make_items "$RATE_ITEMS" >"$WORK/items_rate.ndjson"
  for batch in 10 1; do
    say "rate-limited import: $RATE_ITEMS items, --batch $batch, --rate 50/1s"
    start_emulator "rate$batch" --rate-limits desk --rate-window 1s
    started=$(now)
    "$BIN" --base-url "$EMULATOR_URL" storage put --file "$WORK/items_rate.ndjson" \
      --batch "$batch" --rate 50/1s 2>"$WORK/rate$batch.err" || {
      cat "$WORK/rate$batch.err" >&2
      fail "the rate-limited import failed"
    }
    printf '{"items": %s, "batch": %s, "seconds": %s, ' "$RATE_ITEMS" "$batch" \
      "$(seconds_since "$started")" >"$RESULTS/rate$batch.json"
    stored=$("$BIN" --base-url "$EMULATOR_URL" storage count --queriable-value bench)
    printf '"stored": %s}\n' "$stored" >>"$RESULTS/rate$batch.json"
    "$PYTHON" -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' \
      "$EMULATOR_URL/_emulator/stats" >"$RESULTS/rate$batch.stats.json"
    stop_server "$EMULATOR_PID"
  done
}

# ---------------------------------------------------------------------------------------
# peers: the emulator serving a stubbed invoke call against @mockoon/cli and a bare Node
# `http` server serving the same envelope on a static route, at 1, 8 and 64 connections,
# with the same load generator and the same request bytes
# ---------------------------------------------------------------------------------------
# wait_port PORT: true once something accepts on 127.0.0.1:PORT (bounded: 30 s)
wait_port() {
  local _
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

section_peers() {
  say "peers: the emulator against Mockoon and bare Node, $PEER_CONNECTIONS connections"
  local envelope=$WORK/envelope.json targets=() target url port round connections before after
  start_emulator peers --stub "$BENCH/invoke.stub.json"
  "$LOAD" --url "$EMULATOR_URL" --mode invoke --requests 1 --concurrency 1 \
    --save-reply "$envelope" >/dev/null || fail "the stubbed invoke call failed"
  grep -q '"statusCode":200' "$envelope" || fail "the stubbed call's envelope: $(cat "$envelope")"
  declare -A URL PID
  targets+=(emulator)
  URL[emulator]=$EMULATOR_URL PID[emulator]=$EMULATOR_PID

  if command -v node >/dev/null; then
    start_server node "$WORK/node.port" node "$BENCH/node_server.js" "$envelope" "$WORK/node.port"
    targets+=(node)
    URL[node]=$SERVER_URL PID[node]=$SERVER_PID
    node --version >"$RESULTS/node.version"
  else
    skip peers-node "node is not installed"
  fi

  if [[ -x $MOCKOON ]]; then
    port=$("$PYTHON" "$HELPERS" free-port)
    "$PYTHON" "$BENCH/mockoon_env.py" "$envelope" "$port" "$WORK/mockoon.json"
    # -X: no log file; its log line per request goes to /dev/null (it has no quiet flag).
    "$MOCKOON" start -d "$WORK/mockoon.json" -X --disable-admin-api >/dev/null 2>"$WORK/mockoon.log" &
    SERVER_PIDS+=($!)
    PID[mockoon]=$!
    wait_port "$port" || {
      cat "$WORK/mockoon.log" >&2
      fail "mockoon did not start"
    }
    targets+=(mockoon)
    URL[mockoon]=http://127.0.0.1:$port
    "$MOCKOON" --version | head -n 1 >"$RESULTS/mockoon.version"
  elif [[ $MODE == check ]]; then
    skip peers-mockoon "@mockoon/cli is not in bench/.node (--check installs nothing; a full or --quick run installs it with npm)"
  elif command -v npm >/dev/null; then
    skip peers-mockoon "npm could not install @mockoon/cli into bench/.node"
  else
    skip peers-mockoon "npm is not installed (apt-get install npm), so @mockoon/cli is not either"
  fi

  # Correctness first: every target answers the same request with the same bytes.
  for target in "${targets[@]}"; do
    "$LOAD" --url "${URL[$target]}" --mode invoke --requests 3 --concurrency 1 \
      --expect "$envelope" >/dev/null || fail "$target did not answer with the envelope"
    "$LOAD" --url "${URL[$target]}" --mode invoke --requests "$PEER_WARMUP" --concurrency 8 \
      --max-seconds 30 --expect "$envelope" >/dev/null || fail "$target failed its warm-up"
  done
  for round in $(seq "$PEER_ROUNDS"); do
    for connections in $PEER_CONNECTIONS; do
      local order=("${targets[@]}")
      ((round % 2)) || order=($(printf '%s\n' "${targets[@]}" | tac))
      for target in "${order[@]}"; do
        before=$(cpu_ticks "${PID[$target]}")
        "$LOAD" --url "${URL[$target]}" --mode invoke --requests "$PEER_REQUESTS" \
          --concurrency "$connections" --max-seconds "$PEER_SECONDS" --expect "$envelope" \
          >"$RESULTS/peer_$target.c$connections.$round.json" || fail "$target failed under load"
        after=$(cpu_ticks "${PID[$target]}")
        printf '%s\n' "$((after - before))" >"$RESULTS/peer_$target.c$connections.$round.ticks"
      done
    done
  done
  for target in "${targets[@]}"; do
    "$PYTHON" "$HELPERS" tree-memory "${PID[$target]}" >"$RESULTS/peer_$target.memory"
    stop_server "${PID[$target]}"
  done
}

# ---------------------------------------------------------------------------------------
# scale: bulk import with defaults into a file database, in stages (10k, 100k, 1M items);
# after each stage: DB bytes per item, get by key (1 connection), export of a fixed group
# ---------------------------------------------------------------------------------------
# make_scale_items FROM TO: items FROM..TO-1; the first SCALE_PROBE are the group `probe`
# (exported at every stage: the same 5,000 items, however big the database), the others
# spread over 1,000 groups.
make_scale_items() {
  awk -v from="$1" -v to="$2" -v probe="$SCALE_PROBE" 'BEGIN { for (i = from; i < to; i++) {
    group = i < probe ? "probe" : sprintf("g%03d", i % 1000)
    printf "{\"key\":\"scale-%d\",\"queriableValue\":\"%s\",\"value\":{\"n\":%d,\"name\":\"item number %d\",\"tags\":[\"alpha\",\"beta\"],\"active\":true}}\n", i, group, i, i } }'
}

section_scale() {
  [[ -n $SCALE_STAGES ]] || {
    skip scale "no stage at or under --scale-max $SCALE_MAX"
    return 0
  }
  say "scale: stages $SCALE_STAGES"
  local previous=0 stage started seconds before after count export_seconds run memory
  local timeout_s=900
  # The first stage is a fraction of a second and moves by a third from run to run, and the
  # goal is a ratio to it: it is also imported into SCALE_FIRST_REPEATS - 1 fresh emulators,
  # and the report takes the median of all its imports (the later stages take seconds).
  local first=${SCALE_STAGES%% *} repeat
  make_scale_items 0 "$first" >"$WORK/scale.ndjson"
  for repeat in $(seq $((SCALE_FIRST_REPEATS - 1))); do
    say "scale: importing items 0..$first into a fresh emulator (repeat $repeat)"
    start_emulator "scale-first-$repeat"
    before=$(cpu_ticks "$EMULATOR_PID")
    started=$(now)
    "$BIN" --base-url "$EMULATOR_URL" storage put --file "$WORK/scale.ndjson" 2>"$WORK/scale.err" || {
      tail -n 5 "$WORK/scale.err" >&2
      fail "the repeated import of 0..$first failed"
    }
    seconds=$(seconds_since "$started")
    after=$(cpu_ticks "$EMULATOR_PID")
    stop_server "$EMULATOR_PID"
    rm -f "$WORK/scale-first-$repeat".sqlite*
    printf '{"added": %s, "seconds": %s, "cpu_ticks": %s}\n' "$first" "$seconds" "$((after - before))" \
      >"$RESULTS/scale_first.$repeat.json"
  done
  start_emulator scale
  for stage in $SCALE_STAGES; do
    say "scale: importing items $previous..$stage"
    make_scale_items "$previous" "$stage" >"$WORK/scale.ndjson"
    before=$(cpu_ticks "$EMULATOR_PID")
    started=$(now)
    timeout "$timeout_s" "$BIN" --base-url "$EMULATOR_URL" storage put --file "$WORK/scale.ndjson" \
      2>"$WORK/scale.err" || {
      tail -n 5 "$WORK/scale.err" >&2
      fail "the import of $previous..$stage failed (or took over $timeout_s s)"
    }
    seconds=$(seconds_since "$started")
    after=$(cpu_ticks "$EMULATOR_PID")
    rm -f "$WORK/scale.ndjson"
    count=$("$BIN" --base-url "$EMULATOR_URL" storage count --queriable-value probe)
    [[ $count -eq $((stage < SCALE_PROBE ? stage : SCALE_PROBE)) ]] ||
      fail "the probe group holds $count items after stage $stage"

    "$LOAD" --url "$EMULATOR_URL" --mode get --key-prefix scale- --key-space "$stage" \
      --requests "$SCALE_GETS" --concurrency 1 --max-seconds 60 >"$RESULTS/scale_get.$stage.json" ||
      fail "a get by key failed at stage $stage"

    export_seconds=()
    for run in $(seq "$SCALE_EXPORTS"); do
      started=$(now)
      count=$("$BIN" --base-url "$EMULATOR_URL" storage get --queriable-value probe --all -o ndjson | wc -l)
      export_seconds+=("$(seconds_since "$started")")
      [[ $count -eq $((stage < SCALE_PROBE ? stage : SCALE_PROBE)) ]] ||
        fail "exported $count probe items at stage $stage"
    done
    peak_rss "scale_export.$stage" client "$BIN" --base-url "$EMULATOR_URL" \
      storage get --queriable-value probe --all -o ndjson
    memory=$("$PYTHON" "$HELPERS" tree-memory "$EMULATOR_PID")
    printf '{"items": %s, "added": %s, "seconds": %s, "cpu_ticks": %s, "db_bytes": %s, "export_items": %s, "export_seconds": [%s], "emulator_hwm_kib": %s, "emulator_rss_kib": %s}\n' \
      "$stage" "$((stage - previous))" "$seconds" "$((after - before))" \
      "$("$PYTHON" "$HELPERS" db-bytes "$WORK/scale.sqlite")" "$count" \
      "$(IFS=,; echo "${export_seconds[*]}")" "${memory% *}" "${memory#* }" \
      >"$RESULTS/scale.$stage.json"
    previous=$stage
  done
  stop_server "$EMULATOR_PID"
}
