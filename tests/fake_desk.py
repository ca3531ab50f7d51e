#!/usr/bin/env python3
"""An independent stand-in for Desk's invoke endpoint, for testing the client.

Written against docs/reference.md ("The signing rule") with the Python standard library only
(no code shared with desk-invoke): it form-decodes the request, recomputes the HASH over the fields in the fixed
order, checks orgId and securityContext, and answers according to the requestURL's path:

  /echo                         200, response = JSON of what arrived
  /status/NNN                   statusCode NNN with a Desk-style error body
  /shape/text                   a response that is not JSON
  /shape/status-message-object  {"statusMessage": {...}}
  /shape/status-message-string  {"statusMessage": "<json>"}
  /shape/string-status          statusCode and responseHeaders as strings
  /flaky/NAME/N                 the first N calls for NAME get HTTP 503 + Retry-After: 0
  /slow                         answers after 3 seconds
  /drop                         closes the connection without answering

and, outside invoke, POST /callback checks a platform event callback's HASH over the raw body.

Usage: fake_desk.py SECRET SECURITY_CONTEXT ORG_ID  (prints the port on stdout)
"""
import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIELDS = ["requestURL", "requestType", "queryParams", "postBody", "headers", "connectionLinkName"]
SECRET, SECURITY_CONTEXT, ORG_ID = sys.argv[1], sys.argv[2], sys.argv[3]
COUNTS = {}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, http_status, obj, extra_headers=()):
        body = json.dumps(obj).encode()
        self.send_response(http_status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8")
        form = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        if url.path == "/callback":
            # A platform event callback: HMAC over the exact raw body bytes.
            expected = hmac.new(SECRET.encode(), raw.encode(), hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, self.headers.get("HASH", "").lower()):
                return self.reply(401, {"errorCode": "INVALID_HASH", "message": "callback HASH mismatch"})
            if self.headers.get("Content-Type") != "application/json":
                return self.reply(415, {"errorCode": "CONTENT_TYPE", "message": "want application/json"})
            event = json.loads(raw)
            # Echoes the event, securityContext included, as a careless handler might.
            return self.reply(200, {"received": event, "contextMatches": event.get("securityContext") == SECURITY_CONTEXT})
        if url.path != "/api/v1/invoke":
            return self.reply(404, {"errorCode": "URL_NOT_FOUND", "message": url.path})
        if query.get("orgId") != ORG_ID:
            return self.reply(400, {"errorCode": "INVALID_ORG", "message": "orgId mismatch"})
        string_to_hash = "&".join(f"{name}={form[name]}" for name in FIELDS if name in form)
        expected = hmac.new(SECRET.encode(), string_to_hash.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("HASH", "").lower()):
            return self.reply(401, {"errorCode": "INVALID_HASH", "message": "HASH mismatch for " + string_to_hash})
        if form.get("securityContext") != SECURITY_CONTEXT:
            # Echoes what it got, as a careless server might: the client must redact it.
            return self.reply(401, {"errorCode": "INVALID_SECURITY_CONTEXT",
                                    "message": "bad securityContext " + form.get("securityContext", "")})

        path = urllib.parse.urlsplit(form.get("requestURL", "")).path
        parts = path.strip("/").split("/")
        ok_headers = {"Content-Type": "application/json", "X-Fake": "yes"}
        if parts[0] == "echo":
            fields = {name: form[name] for name in FIELDS if name in form}
            return self.reply(200, {"statusCode": 200, "response": json.dumps(fields), "responseHeaders": ok_headers})
        if parts[0] == "status":
            code = int(parts[1])
            body = json.dumps({"errorCode": "STATUS_%d" % code, "message": "answered %d" % code})
            return self.reply(200, {"statusCode": code, "response": body, "responseHeaders": {}})
        if parts[0] == "shape":
            kind = parts[1]
            if kind == "text":
                return self.reply(200, {"statusCode": 200, "response": "plain text, not JSON", "responseHeaders": {}})
            if kind == "status-message-object":
                body = json.dumps({"statusMessage": {"data": [{"key": "a"}]}, "status": "success"})
                return self.reply(200, {"statusCode": 200, "response": body, "responseHeaders": {}})
            if kind == "status-message-string":
                body = json.dumps({"statusMessage": json.dumps({"data": [{"key": "a"}]})})
                return self.reply(200, {"statusCode": 200, "response": body, "responseHeaders": {}})
            if kind == "string-status":
                return self.reply(200, {"statusCode": "201", "response": json.dumps({"created": True}),
                                        "responseHeaders": json.dumps({"X-Fake": "string-headers"})})
        if parts[0] == "flaky":
            name, failures = parts[1], int(parts[2])
            with LOCK:
                COUNTS[name] = COUNTS.get(name, 0) + 1
                count = COUNTS[name]
            if count <= failures:
                return self.reply(503, {"errorCode": "BUSY", "message": "try again"}, [("Retry-After", "0")])
            return self.reply(200, {"statusCode": 200, "response": json.dumps({"attempts": count}), "responseHeaders": {}})
        if parts[0] == "slow":
            time.sleep(3)
            return self.reply(200, {"statusCode": 200, "response": "{}", "responseHeaders": {}})
        if parts[0] == "drop":
            self.close_connection = True
            self.connection.close()
            return
        return self.reply(200, {"statusCode": 404, "response": json.dumps({"errorCode": "NOT_FOUND", "message": path}),
                                "responseHeaders": {}})


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
