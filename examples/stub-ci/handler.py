"""The extension code under test: it lists open tickets through the invoke API and keeps
their count in extension storage. It signs requests the way extension code does (HMAC-SHA256
over the fields in order), with the Python standard library only."""

import hashlib
import hmac
import json
import os
import urllib.parse
import urllib.request

BASE = os.environ["DESK_INVOKE_BASE_URL"]
ORG = os.environ["DESK_INVOKE_ORG_ID"]
SECRET = os.environ["DESK_INVOKE_SECRET"]
CONTEXT = os.environ["DESK_INVOKE_SECURITY_CONTEXT"]
ORDER = ["requestURL", "requestType", "queryParams", "postBody", "headers", "connectionLinkName"]


def invoke(**fields):
    string_to_hash = "&".join(f"{name}={fields[name]}" for name in ORDER if name in fields)
    digest = hmac.new(SECRET.encode(), string_to_hash.encode(), hashlib.sha256).hexdigest()
    form = urllib.parse.urlencode({"securityContext": CONTEXT, **fields}).encode()
    request = urllib.request.Request(
        f"{BASE}/api/v1/invoke?orgId={ORG}", data=form, method="POST",
        headers={"HASH": digest, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as reply:
        envelope = json.load(reply)
    return envelope["statusCode"], unwrap(json.loads(envelope["response"] or "null"))


def unwrap(body):
    """Desk may wrap the called API's body as {"statusMessage": <body>, "status": "true"},
    the body itself sometimes a JSON string: take every layer off."""
    while isinstance(body, dict) and "statusMessage" in body:
        body = body["statusMessage"]
        if isinstance(body, str):
            try:
                body = json.loads(body)
            except ValueError:
                break
    return body


status, tickets = invoke(requestURL="https://desk.zoho.com/api/v1/tickets", requestType="GET",
                         queryParams=json.dumps({"status": "Open"}))
open_tickets = [t for t in tickets["data"] if t["status"] == "Open"]
item = {"key": "open-tickets", "queriableValue": "stats", "value": {"count": len(open_tickets)}}
status, stored = invoke(requestURL=BASE + "/api/v1/installedExtensions/{{installationId}}/storage",
                        requestType="POST", postBody=json.dumps(item))
print(f"{len(open_tickets)} open ticket(s), stored: {status}")
