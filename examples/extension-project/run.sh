#!/usr/bin/env bash
# An extension project end to end: the emulator runs on this directory's
# plugin-manifest.json and resources.json, backend.py plays the extension's server, two
# organisations install it, each gets a Ticket_Add webhook, one uninstalls; then the
# journal and storage must show that each organisation saw only its own data.
# Run from anywhere: bash examples/extension-project/run.sh (desk-invoke from PATH, or
# DESK_INVOKE_BIN). Bounded: every wait has a timeout, everything started is killed by PID.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${DESK_INVOKE_BIN:-desk-invoke}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# Nothing of the caller's settings: the profiles this run saves go to its own file.
unset DESK_INVOKE_PROFILE DESK_INVOKE_BASE_URL DESK_INVOKE_ORG_ID DESK_INVOKE_SECRET \
      DESK_INVOKE_SECURITY_CONTEXT
export DESK_INVOKE_CONFIG="$work/profiles.toml"
# The project for every command: the emulator and the saved profiles take its secret.
export DESK_INVOKE_PROJECT="$here"

# The backend first, so the emulator can be told where it listens.
python3 "$here/backend.py" --port-file "$work/backend.port" --state "$work/installations.json" \
  --desk-port-file "$work/desk.port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/backend.port" ] && break; sleep 0.1; done
[ -s "$work/backend.port" ] || fail "the backend did not start within 10 s"
backend="http://127.0.0.1:$(cat "$work/backend.port")"

# The manifest's URLs are production ones; --callback-to and --webhook-to bring them here.
"$bin" -q emulator --addr :0 --in-memory --port-file "$work/desk.port" \
  --stub "$here/api.stub.json" --callback-to "$backend/callback" --webhook-to "$backend/webhook" &
pids+=($!)
"$bin" -q --timeout 20s emulator wait --port-file "$work/desk.port" > /dev/null
export DESK_INVOKE_BASE_URL="http://127.0.0.1:$(cat "$work/desk.port")"

json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

# Two organisations install the extension; the backend hears onInstall from each.
"$bin" emulator install --org-id 60000001 --save-profile org-a > "$work/a.json"
"$bin" emulator install --org-id 60000002 --save-profile org-b > "$work/b.json"
a=$(json '["installationId"]' < "$work/a.json")
b=$(json '["installationId"]' < "$work/b.json")
[ "$(json '["callback"]["ok"]' < "$work/a.json")" = True ] || fail "onInstall of org A"
[ "$(json '["callback"]["ok"]' < "$work/b.json")" = True ] || fail "onInstall of org B"

# A new ticket in each organisation.
echo '{"id": "5001", "subject": "Printer on fire", "status": "Open"}' > "$work/ticket-a.json"
echo '{"id": "6001", "subject": "Password reset", "status": "Open"}' > "$work/ticket-b.json"
"$bin" emulator trigger Ticket_Add --installation "$a" --payload "$work/ticket-a.json" > /dev/null \
  || fail "the Ticket_Add webhook of org A"
"$bin" emulator trigger Ticket_Add --installation "$b" --payload "$work/ticket-b.json" > /dev/null \
  || fail "the Ticket_Add webhook of org B"

# Storage, through each organisation's saved profile: its own ticket, nothing of the other.
[ "$("$bin" -p org-a storage get --queriable-value tickets -o json | json '[0]["value"]')" \
  = "{'ticketId': '5001', 'orgId': '60000001'}" ] || fail "org A's storage"
[ "$("$bin" -p org-b storage get --queriable-value tickets -o json | json '[0]["value"]')" \
  = "{'ticketId': '6001', 'orgId': '60000002'}" ] || fail "org B's storage"
[ "$("$bin" -p org-a storage get --queriable-value tickets -o json | json '.__len__()')" = 1 ] \
  || fail "org A sees more than its own ticket"
echo "storage: ok"

# Org B uninstalls: the backend forgets it, and its securityContext stops working.
"$bin" emulator uninstall --installation "$b" > /dev/null
python3 -c '
import json, sys
saved = json.load(open(sys.argv[1]))
assert list(saved) == ["60000001"], saved' "$work/installations.json" || fail "the backend's installations"
if "$bin" -p org-b storage get --queriable-value tickets > /dev/null 2>&1; then
  fail "org B's securityContext still works after onUninstall"
fi

# The journal: what each organisation's webhook caused, and nothing crossed over.
python3 - "$DESK_INVOKE_BASE_URL" "$a" "$b" <<'PY' || fail "the journal"
import json, sys, urllib.request
base, a, b = sys.argv[1:]
records = json.load(urllib.request.urlopen(base + "/_emulator/requests"))
deliveries = [(r["event"], r["installationId"], r["ok"]) for r in records if r.get("kind") == "delivery"]
assert deliveries == [("onInstall", a, True), ("onInstall", b, True), ("Ticket_Add", a, True),
                      ("Ticket_Add", b, True), ("onUninstall", b, True)], deliveries
calls = [r for r in records if r.get("kind") != "delivery" and r["hashOk"] and r["method"] == "POST"]
stored = [json.loads(r["body"]) for r in calls if r["requestURL"].endswith("/storage")]
assert [s["value"] for s in stored] == [{"ticketId": "5001", "orgId": "60000001"},
                                        {"ticketId": "6001", "orgId": "60000002"}], stored
synced = [json.loads(r["body"]) for r in calls if r["requestURL"].startswith("https://api.example.com/")]
assert synced == [{"ticketId": "5001", "orgId": "60000001"},
                  {"ticketId": "6001", "orgId": "60000002"}], synced
assert all(r["status"] == 200 for r in calls), calls
PY
echo "journal: ok"
