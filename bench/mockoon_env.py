"""Writes the Mockoon environment of bench/run.sh: one static route, POST /api/v1/invoke,
answering the emulator's invoke envelope (read from a file) as it is, templating off.
usage: python3 bench/mockoon_env.py BODY_FILE PORT OUT_FILE"""

import json
import sys
import uuid

body_file, port, out_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(body_file, encoding="utf-8") as f:
    body = f.read()
route_id = str(uuid.uuid4())
response = {
    "uuid": str(uuid.uuid4()),
    "body": body,
    "latency": 0,
    "statusCode": 200,
    "label": "invoke envelope",
    "headers": [{"key": "Content-Type", "value": "application/json;charset=UTF-8"}],
    "bodyType": "INLINE",
    "filePath": "",
    "databucketID": "",
    "sendFileAsBody": False,
    "rules": [],
    "rulesOperator": "OR",
    # A static body: no Handlebars pass over it on every request.
    "disableTemplating": True,
    "fallbackTo404": False,
    "default": True,
    "crudKey": "id",
    "callbacks": [],
}
environment = {
    "uuid": str(uuid.uuid4()),
    "lastMigration": 33,
    "name": "desk-invoke bench peer",
    "endpointPrefix": "",
    "latency": 0,
    "port": port,
    "hostname": "127.0.0.1",
    "folders": [],
    "routes": [
        {
            "uuid": route_id,
            "type": "http",
            "documentation": "",
            "method": "post",
            "endpoint": "api/v1/invoke",
            "responses": [response],
            "responseMode": None,
            "streamingMode": None,
            "streamingInterval": 0,
        }
    ],
    "rootChildren": [{"type": "route", "uuid": route_id}],
    "proxyMode": False,
    "proxyHost": "",
    "proxyRemovePrefix": False,
    "tlsOptions": {
        "enabled": False,
        "type": "CERT",
        "pfxPath": "",
        "certPath": "",
        "keyPath": "",
        "caPath": "",
        "passphrase": "",
    },
    # The emulator sends no CORS headers; neither does this peer.
    "cors": False,
    "headers": [],
    "proxyReqHeaders": [],
    "proxyResHeaders": [],
    "data": [],
    "callbacks": [],
}
with open(out_file, "w", encoding="utf-8") as f:
    json.dump(environment, f)
