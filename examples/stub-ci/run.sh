#!/usr/bin/env bash
# The CI job of an extension, in miniature: start the emulator with a stub for Desk's ticket
# API, run the extension's code against it, then assert on what it called (the journal) and
# what it stored. Run from anywhere: bash examples/stub-ci/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${DESK_INVOKE_BIN:-desk-invoke}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" -q emulator --addr :0 --in-memory --port-file "$work/port" \
  --stub "$here/tickets.stub.json" &
pid=$!
"$bin" -q --timeout 30s emulator wait --port-file "$work/port" > /dev/null

# The emulator's built-in credentials (they guard nothing: it listens on loopback only).
export DESK_INVOKE_BASE_URL="http://127.0.0.1:$(cat "$work/port")"
export DESK_INVOKE_ORG_ID=376723
export DESK_INVOKE_SECRET=local-emulator-secret
export DESK_INVOKE_SECURITY_CONTEXT=local-security-context

python3 "$here/handler.py"

# What the extension called, in order, as the emulator saw it.
python3 -c '
import json, sys, urllib.request
calls = json.load(urllib.request.urlopen(sys.argv[1] + "/_emulator/requests"))
assert [c["method"] for c in calls] == ["GET", "POST"], calls
assert calls[0]["requestURL"] == "https://desk.zoho.com/api/v1/tickets", calls[0]
assert all(c["hashOk"] and c["status"] == 200 for c in calls), calls
print("journal: ok")' "$DESK_INVOKE_BASE_URL"

# What it stored.
test "$("$bin" storage get --key open-tickets -o raw)" = '{"count":1}'
echo "storage: ok"
