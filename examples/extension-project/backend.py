"""The extension's backend, in the Python standard library only: what a marketplace
extension's server does for every organisation that installs it.

- POST /callback  (Desk's platform event callbacks): checks the HASH header with the
  manifest's secret; on onInstall saves the organisation's securityContext (per orgId, in
  a JSON file), on onUninstall forgets it.
- POST /webhook?orgId=…&securityContext=…  (the extension webhook of resources.json): for
  each Ticket_Add, stores the ticket id in that installation's storage and sends the
  ticket to an external API (api.example.com), both through Desk's invoke API, signed as
  docs/reference.md's signing rule says.

Usage: python3 backend.py --port-file FILE --state FILE --desk-port-file FILE [--port N]
(the emulator's --port-file: the backend starts first, so the emulator can be told where
the backend listens, and reads the emulator's port when it first needs it). --port 8790
listens where the manifest's URLs point; the default, 0, picks a free port.
"""

import argparse
import hashlib
import hmac
import json
import os
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "plugin-manifest.json"), encoding="utf-8") as manifest:
    SECRET = json.load(manifest)["secret"].encode()
# The hashed fields, in the order the signing rule gives.
ORDER = ["requestURL", "requestType", "queryParams", "postBody", "headers", "connectionLinkName"]
STORAGE_URL = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage"
EXTERNAL_URL = "https://api.example.com/v1/tickets"

args = None
state_lock = threading.Lock()


def load_state():
    try:
        with open(args.state, encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        return {}


def save_state(installations):
    tmp = args.state + ".tmp"
    with open(tmp, "w", encoding="utf-8") as file:
        json.dump(installations, file, indent=2, sort_keys=True)
    os.replace(tmp, args.state)


def desk_base():
    with open(args.desk_port_file, encoding="utf-8") as file:
        return f"http://127.0.0.1:{file.read().strip()}"


def invoke(org_id, security_context, **fields):
    """One signed invoke request; the called API's status and body."""
    string_to_hash = "&".join(f"{name}={fields[name]}" for name in ORDER if name in fields)
    digest = hmac.new(SECRET, string_to_hash.encode(), hashlib.sha256).hexdigest()
    form = urllib.parse.urlencode({"securityContext": security_context, **fields}).encode()
    request = urllib.request.Request(
        f"{desk_base()}/api/v1/invoke?orgId={org_id}", data=form, method="POST",
        headers={"HASH": digest, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=4) as reply:
        envelope = json.load(reply)
    return int(envelope["statusCode"]), envelope["response"]


def on_callback(handler, body):
    expected = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, handler.headers.get("HASH", "")):
        return handler.answer(401, {"error": "HASH does not match"})
    event = json.loads(body)
    org_id = str(event["orgId"])
    with state_lock:
        installations = load_state()
        if event["event"] == "onInstall":
            installations[org_id] = event["securityContext"]
        elif event["event"] == "onUninstall":
            installations.pop(org_id, None)
        save_state(installations)
    handler.answer(200, {"ok": True})


def on_webhook(handler, body):
    query = urllib.parse.parse_qs(urllib.parse.urlparse(handler.path).query)
    org_id = query.get("orgId", [""])[0]
    context = query.get("securityContext", [""])[0]
    with state_lock:
        saved = load_state().get(org_id)
    # Only an organisation that installed the extension, with the context it was given.
    if saved is None or not hmac.compare_digest(saved, context):
        return handler.answer(403, {"error": "unknown installation"})
    for event in json.loads(body):
        if event["eventType"] != "Ticket_Add":
            continue
        ticket_id = event["payload"]["id"]
        item = {"key": f"ticket-{ticket_id}", "queriableValue": "tickets",
                "value": {"ticketId": ticket_id, "orgId": org_id}}
        status, _ = invoke(org_id, saved, requestURL=STORAGE_URL, requestType="POST",
                           postBody=json.dumps(item))
        if status >= 300:
            return handler.answer(502, {"error": f"storage answered {status}"})
        status, _ = invoke(org_id, saved, requestURL=EXTERNAL_URL, requestType="POST",
                           postBody=json.dumps({"ticketId": ticket_id, "orgId": org_id}))
        if status >= 300:
            return handler.answer(502, {"error": f"api.example.com answered {status}"})
    handler.answer(200, {"ok": True})


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        route = urllib.parse.urlparse(self.path).path
        try:
            if route == "/callback":
                on_callback(self, body)
            elif route == "/webhook":
                on_webhook(self, body)
            else:
                self.answer(404, {"error": "no such path"})
        except Exception as error:  # a backend answers, whatever went wrong
            self.answer(500, {"error": str(error)})

    def answer(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_):
        pass


def main():
    global args
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--desk-port-file", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w", encoding="utf-8") as file:
        file.write(f"{server.server_address[1]}\n")
    os.replace(tmp, args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
