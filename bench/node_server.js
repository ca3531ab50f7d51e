// The bare Node `http` peer of bench/run.sh: answers every request with the same body (the
// emulator's invoke envelope, read from a file) once the request body has been read.
// usage: node bench/node_server.js BODY_FILE PORT_FILE   (listens on 127.0.0.1, a free port)
"use strict";
const fs = require("fs");
const http = require("http");

const [bodyFile, portFile] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const headers = { "Content-Type": "application/json;charset=UTF-8", "Content-Length": body.length };

const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => {
  fs.writeFileSync(portFile, String(server.address().port));
});
