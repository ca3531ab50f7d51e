"""Small measuring helpers for bench/run.sh, so that --check needs neither hyperfine nor GNU
time. Not run on its own.

usage: python3 bench/helpers.py once OUT.json LABEL CMD [LABEL CMD ...]
           every command once, timed, written in hyperfine's --export-json shape
       python3 bench/helpers.py peak-rss CMD [ARG ...]
           runs the command (stdout discarded), prints its peak RSS in KiB
       python3 bench/helpers.py tree-memory PID
           prints "VmHWM VmRSS" in KiB, summed over PID and its descendants
       python3 bench/helpers.py free-port
           prints a loopback TCP port that was free a moment ago
       python3 bench/helpers.py db-bytes DB
           prints the bytes of the SQLite database's used pages (WAL content included)
       python3 bench/helpers.py elapsed CMD [ARG ...]
           runs the command (stdout discarded), prints its wall time in seconds
"""

import json
import os
import resource
import shlex
import socket
import sqlite3
import subprocess
import sys
import time


def once(out, pairs):
    results = []
    for label, command in zip(pairs[::2], pairs[1::2]):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        results.append({
            "command": label,
            "times": [wall],
            "user": after.ru_utime - before.ru_utime,
            "system": after.ru_stime - before.ru_stime,
        })
    with open(out, "w") as f:
        json.dump({"results": results}, f)


def peak_rss(command):
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(child) for child in f.read().split()]
    except OSError:
        return []


def tree_memory(pid):
    hwm = rss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        pending.extend(children(current))
        try:
            with open(f"/proc/{current}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm += int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
        except OSError:
            pass
    print(hwm, rss)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def db_bytes(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    pages, free, size = (
        connection.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("page_count", "freelist_count", "page_size")
    )
    connection.close()
    print((pages - free) * size)


def elapsed(command):
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    print(f"{time.perf_counter() - started:.6f}")


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "once":
        once(args[0], args[1:])
    elif what == "peak-rss":
        peak_rss(args)
    elif what == "tree-memory":
        tree_memory(int(args[0]))
    elif what == "free-port":
        free_port()
    elif what == "db-bytes":
        db_bytes(args[0])
    elif what == "elapsed":
        elapsed(args)
    else:
        sys.exit(f"helpers.py: unknown helper {what}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
