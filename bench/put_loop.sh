#!/usr/bin/env bash
# The shell status quo for a bulk import: one openssl + curl per NDJSON line, in a loop.
# usage: put_loop.sh ITEMS.ndjson
# env:   DESK_INVOKE_BASE_URL DESK_INVOKE_ORG_ID DESK_INVOKE_SECRET DESK_INVOKE_SECURITY_CONTEXT
# Each line ({"key":…,"queriableValue":…,"value":{…}}, compact) is sent as the postBody as it
# is, which is what `desk-invoke storage put --file` sends for it; the loop parses nothing,
# so it is the cheapest loop a script could be.
set -euo pipefail
url="$DESK_INVOKE_BASE_URL/api/v1/installedExtensions/{{installationId}}/storage"
headers="{\"orgId\":\"$DESK_INVOKE_ORG_ID\"}"
invoke="$DESK_INVOKE_BASE_URL/api/v1/invoke?orgId=$DESK_INVOKE_ORG_ID"
while IFS= read -r body; do
  [[ -n $body ]] || continue
  hash=$(printf '%s' "requestURL=$url&requestType=POST&postBody=$body&headers=$headers" |
    openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET")
  curl -sSf -o /dev/null -H "HASH: ${hash##* }" \
    --data-urlencode "securityContext=$DESK_INVOKE_SECURITY_CONTEXT" \
    --data-urlencode "requestURL=$url" --data-urlencode "requestType=POST" \
    --data-urlencode "postBody=$body" --data-urlencode "headers=$headers" \
    "$invoke"
done <"$1"
