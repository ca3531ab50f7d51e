#!/usr/bin/env python3
"""An invoke API client written independently of desk-invoke's Rust code.

It signs and form-encodes requests the way community Java/PHP extension code does:
stringToHash joins `name=value` of the fields it sends, in the fixed order, with raw values;
HASH is the lowercase hex HMAC-SHA256 under the secret; the body is an ordinary
urlencoded form (`+` for spaces, like Java's URLEncoder and PHP's http_build_query, or
`%20` like PHP's rawurlencode). Only the Python standard library is used.

Run by tests/emulator_independent_client.rs against a running emulator:
    independent_client.py BASE_URL ORG_ID INSTALLATION_ID
with the secret in $EMULATOR_SECRET and the securityContext in $EMULATOR_SECURITY_CONTEXT.
Exits 0 and prints `passed N checks` when every check holds, else fails with a message.
"""

import hashlib
import hmac
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

SIGNED_ORDER = ["requestURL", "requestType", "queryParams", "postBody", "headers", "connectionLinkName"]

BASE, ORG_ID, INSTALLATION_ID = sys.argv[1], sys.argv[2], sys.argv[3]
SECRET = os.environ["EMULATOR_SECRET"]
SECURITY_CONTEXT = os.environ["EMULATOR_SECURITY_CONTEXT"]
DESK = "https://desk.zoho.eu/api/v1"
STORAGE = DESK + "/installedExtensions/{{installationId}}/storage"
CONFIG = DESK + "/installedExtensions/{{installationId}}/configParams"
PERMISSIONS = DESK + "/installedExtensions/{{installationId}}/myCustomPermissions"
LOGS = DESK + "/extensionLogs"

checks = 0


def check(condition, what):
    global checks
    if not condition:
        raise SystemExit("check failed: " + what)
    checks += 1


def string_to_hash(fields):
    return "&".join(name + "=" + fields[name] for name in SIGNED_ORDER if name in fields)


def sign(fields, secret=SECRET):
    return hmac.new(secret.encode("utf-8"), string_to_hash(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def post(fields, *, secret=SECRET, security_context=SECURITY_CONTEXT, org_id=ORG_ID,
         hash_header="sign", space_as="+"):
    """Sends an invoke request; returns (http status, decoded JSON body)."""
    form = dict(fields)
    if security_context is not None:
        form["securityContext"] = security_context
    quote = urllib.parse.quote_plus if space_as == "+" else urllib.parse.quote
    body = urllib.parse.urlencode(form, quote_via=quote).encode("ascii")
    url = BASE + "/api/v1/invoke"
    if org_id is not None:
        url += "?" + urllib.parse.urlencode({"orgId": org_id})
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if hash_header == "sign":
        headers["HASH"] = sign(fields, secret)
    elif hash_header is not None:
        headers["HASH"] = hash_header
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8"))


def unwrap(response_text):
    """Decodes `response`, and a `statusMessage` wrapper (object or string, with or without
    Desk's `"status": "true"`) if there is one."""
    body = json.loads(response_text)
    if isinstance(body, dict) and "statusMessage" in body and set(body) <= {"statusMessage", "status"}:
        body = body["statusMessage"]
        if isinstance(body, str):
            body = json.loads(body)
    return body


def desk(method, url, *, query=None, body=None, space_as="+"):
    """Calls a Desk API through invoke; returns (statusCode, decoded body)."""
    fields = {"requestURL": url, "requestType": method}
    if query is not None:
        fields["queryParams"] = json.dumps(query, separators=(",", ":"))
    if body is not None:
        fields["postBody"] = json.dumps(body, ensure_ascii=False)
    status, envelope = post(fields, space_as=space_as)
    check(status == 200, f"invoke {method} {url} answered HTTP {status}: {envelope}")
    check(isinstance(envelope.get("response"), str), "response is a string")
    check(isinstance(envelope.get("responseHeaders"), dict), "responseHeaders is an object")
    return envelope["statusCode"], unwrap(envelope["response"])


def storage_scenario():
    for n in range(1, 26):
        item = {
            "key": f"item:{n:02d}",
            "queriableValue": "even" if n % 2 == 0 else "odd",
            "value": {"n": n, "text": "hello wörld & more = fun", "list": [n, "x"]},
        }
        # Alternate the two space encodings that real clients use.
        status, stored = desk("POST", STORAGE, body=item, space_as="+" if n % 2 else "%20")
        check(status == 200, f"put {item['key']}: {status} {stored}")
        check(stored == item, f"put returns the stored object: {stored}")

    # Zoho, "Get Storage Data": `from` counts from 0; a filter is required.
    seen = []
    for start, expected in [(0, 10), (10, 3), (13, 0)]:
        status, page = desk("GET", STORAGE, query={"queriableValue": "odd", "from": start, "limit": 10})
        check(status == 200, f"page from {start}: {status}")
        check(len(page["data"]) == expected, f"page from {start} has {expected} items: {len(page['data'])}")
        seen += [item["key"] for item in page["data"]]
    check(seen == [f"item:{n:02d}" for n in range(1, 26, 2)], f"pages are in insertion order without overlap: {seen}")
    status, error = desk("GET", STORAGE, query={"from": 0, "limit": 10})
    check(status == 400 and error["errorCode"] == "INVALID_DATA", f"an unfiltered listing is refused: {status} {error}")
    status, default_page = desk("GET", STORAGE, query={"queriableValue": "odd"})
    check(len(default_page["data"]) == 13, "without a limit, up to 20 items come")

    # Zoho, "Create Data Storage": up to 10 items in one request, as an array.
    batch = [{"key": f"batch-{n}", "queriableValue": "batch", "value": {"n": n}} for n in range(10)]
    status, stored = desk("POST", STORAGE, body=batch)
    check(status == 200 and stored == batch, f"an array of 10 is stored and answered as an array: {status}")
    status, error = desk("POST", STORAGE, body=batch + [{"key": "batch-10", "value": {}}])
    check(status == 400, f"11 items are refused: {status}")
    status, error = desk("POST", STORAGE, body=[{"key": "fine", "value": {}}, {"key": "bad key", "value": {}}])
    check(status == 400, "one bad item refuses the array")
    status, none = desk("GET", STORAGE, query={"key": "fine"})
    check(none["data"] == [], "all or nothing: the good item of a refused array is not stored")

    status, evens = desk("GET", STORAGE, query={"queriableValue": "even", "limit": "100"})
    check([i["key"] for i in evens["data"]] == [f"item:{n:02d}" for n in range(2, 26, 2)],
          "queriableValue filters")
    status, one = desk("GET", STORAGE + "?key=item:07")
    check(len(one["data"]) == 1 and one["data"][0]["value"]["n"] == 7, f"key in the URL's query filters: {one}")

    status, _ = desk("POST", STORAGE, body={"key": "item:07", "queriableValue": "odd", "value": {"n": 700}})
    check(status == 200, "update")
    status, page = desk("GET", STORAGE, query={"queriableValue": "odd", "from": 3, "limit": 1})
    check(page["data"][0] == {"key": "item:07", "queriableValue": "odd", "value": {"n": 700}},
          f"an update keeps the item's place: {page}")

    status, deleted = desk("DELETE", STORAGE, query={"key": "item:07"})
    check(status == 200 and deleted == {"key": "item:07", "deleted": True}, f"delete: {status} {deleted}")
    status, gone = desk("GET", STORAGE, query={"key": "item:07"})
    check(gone["data"] == [], "a deleted item is gone")
    status, again = desk("DELETE", STORAGE, query={"key": "item:07"})
    check(status == 200 and again["deleted"] is False, "deleting again is harmless")

    for bad_item in [
        {"key": "bad key", "value": {}},
        {"key": "k" * 51, "value": {}},
        {"key": "ok", "queriableValue": "q" * 51, "value": {}},
        {"key": "ok", "queriableValue": "no space", "value": {}},
        {"key": "ok", "value": ["not", "an", "object"]},
        {"key": "ok", "value": {"big": "x" * 5200}},
    ]:
        status, error = desk("POST", STORAGE, body=bad_item)
        check(status == 400 and error["errorCode"] == "INVALID_DATA", f"rejected {bad_item}: {status} {error}")
    status, error = desk("GET", STORAGE, query={"queriableValue": "odd", "limit": 101})
    check(status == 400 and "limit" in error["message"], "limit above 100 is refused")
    status, error = desk("GET", DESK + "/installedExtensions/999/storage")
    check(status == 404 and error["errorCode"] == "INSTALLATION_NOT_FOUND", f"wrong installation: {error}")


def config_scenario():
    status, stored = desk("POST", CONFIG, body={"variables": [
        {"name": "apiKey", "value": "k-123 456", "secure": True},
        {"name": "region", "value": "eu"},
    ]})
    check(status == 200 and len(stored["data"]) == 2, f"set config params: {status} {stored}")
    status, params = desk("GET", CONFIG)
    check(params["data"] == [
        {"name": "apiKey", "value": "k-123 456", "secure": True},
        {"name": "region", "value": "eu", "secure": False},
    ], f"config params read back: {params}")
    status, _ = desk("POST", CONFIG, body={"variables": [{"name": "apiKey", "value": "k-2"}]})
    status, params = desk("GET", CONFIG)
    check(params["data"][0] == {"name": "apiKey", "value": "k-2", "secure": True}, "secure flag is kept on update")
    status, error = desk("POST", CONFIG, body={"values": []})
    check(status == 400, "a body without variables is refused")


def logs_scenario():
    parent = None
    for n in range(10):
        status, log = desk("POST", LOGS, body={
            "reference": "order:42", "title": f"step {n}", "description": "did a thing",
            "installationId": "{{installationId}}",
        })
        check(status == 200, f"log {n}: {status} {log}")
        if parent is None:
            parent = log["logId"]
            check(log["parentLogId"] == log["logId"], "the first log of a reference is the parent")
        else:
            check(log["parentLogId"] == parent and log["logId"] != parent, f"later logs share the parent: {log}")
    status, error = desk("POST", LOGS, body={
        "reference": "order:42", "title": "one too many", "installationId": "{{installationId}}"})
    check(status == 400 and error["errorCode"] == "LOG_LIMIT_EXCEEDED", f"11th log refused: {status} {error}")
    status, other = desk("POST", LOGS, body={"reference": "order:43", "title": "t", "installationId": INSTALLATION_ID})
    check(status == 200 and other["parentLogId"] == other["logId"], "another reference is not affected")
    status, listed = desk("GET", LOGS, query={"reference": "order:42", "limit": 100})
    check(len(listed["data"]) == 10 and listed["data"][0]["title"] == "step 0", "logs are listed")
    status, error = desk("POST", LOGS, body={"title": "t", "installationId": "999"})
    check(status == 404, "a log for another installation is refused")


def permissions_scenario():
    status, permissions = desk("GET", PERMISSIONS)
    check(status == 200 and permissions["data"] == [
        {"apiName": "canEditTickets", "isEnabled": True},
        {"apiName": "canDelete", "isEnabled": False},
    ], f"permissions: {permissions}")


def rejection_scenario():
    fields = {"requestURL": STORAGE, "requestType": "GET", "queryParams": "{}"}
    expected_string = string_to_hash(fields)

    def rejected(what, status, body, expected_status, code, shows_string=True):
        check(status == expected_status, f"{what}: HTTP {status}, expected {expected_status}: {body}")
        check(body.get("errorCode") == code, f"{what}: errorCode {body.get('errorCode')}, expected {code}")
        text = json.dumps(body)
        check(SECRET not in text, f"{what}: the secret leaks into the rejection")
        check(SECURITY_CONTEXT not in text, f"{what}: the expected securityContext leaks")
        if shows_string:
            check(expected_string in body["message"], f"{what}: message shows stringToHash: {body['message']}")

    status, body = post(fields, secret="not-the-secret")
    rejected("wrong secret", status, body, 401, "INVALID_HASH")
    check("HASH" in body["message"], "the message names the HASH check")
    status, body = post(fields, hash_header="0" * 64)
    rejected("zero HASH", status, body, 401, "INVALID_HASH")
    status, body = post(fields, hash_header="not hex")
    rejected("non-hex HASH", status, body, 401, "INVALID_HASH")
    status, body = post(fields, hash_header=None)
    rejected("missing HASH", status, body, 401, "MISSING_HASH")
    # A HASH of other fields than those sent: the tampered field makes it fail.
    tampered = dict(fields, requestType="DELETE")
    status, body = post(tampered, hash_header=sign(fields))
    check(status == 401 and "requestType=DELETE" in body["message"], "a tampered field is caught")
    status, body = post(fields, security_context="someone-else")
    rejected("wrong securityContext", status, body, 401, "INVALID_SECURITY_CONTEXT")
    check("securityContext" in body["message"], "the message names the securityContext check")
    status, body = post(fields, security_context=None)
    rejected("missing securityContext", status, body, 401, "MISSING_SECURITY_CONTEXT")
    status, body = post(fields, org_id="1")
    rejected("wrong orgId", status, body, 401, "ORG_ID_MISMATCH")
    check("orgId" in body["message"], "the message names the orgId check")
    status, body = post(fields, org_id=None)
    rejected("missing orgId", status, body, 400, "MISSING_ORG_ID", shows_string=False)
    # Upper-case hex is the same digest.
    status, body = post(fields, hash_header=sign(fields).upper())
    check(status == 200, f"upper-case HASH is accepted: {status} {body}")


storage_scenario()
config_scenario()
logs_scenario()
permissions_scenario()
rejection_scenario()
print(f"passed {checks} checks")
