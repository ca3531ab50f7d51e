#!/usr/bin/env bash
# The shell status quo for one storage put: sign with openssl, send with curl.
# usage: put_one.sh KEY VALUE_JSON
# env:   DESK_INVOKE_BASE_URL DESK_INVOKE_ORG_ID DESK_INVOKE_SECRET DESK_INVOKE_SECURITY_CONTEXT
# Sends exactly what `desk-invoke storage put KEY VALUE_JSON --queriable-value bench` sends: the same form fields in
# the same order, the same stringToHash, the same HASH header.
set -euo pipefail
url="$DESK_INVOKE_BASE_URL/api/v1/installedExtensions/{{installationId}}/storage"
headers="{\"orgId\":\"$DESK_INVOKE_ORG_ID\"}"
body="{\"key\":\"$1\",\"queriableValue\":\"bench\",\"value\":$2}"
hash=$(printf '%s' "requestURL=$url&requestType=POST&postBody=$body&headers=$headers" |
  openssl dgst -sha256 -hmac "$DESK_INVOKE_SECRET")
curl -sSf -H "HASH: ${hash##* }" \
  --data-urlencode "securityContext=$DESK_INVOKE_SECURITY_CONTEXT" \
  --data-urlencode "requestURL=$url" --data-urlencode "requestType=POST" \
  --data-urlencode "postBody=$body" --data-urlencode "headers=$headers" \
  "$DESK_INVOKE_BASE_URL/api/v1/invoke?orgId=$DESK_INVOKE_ORG_ID"
echo
