"""Turns the results of bench/run.sh into the markdown table (stdout). Not run on its own."""

import glob
import json
import os
import platform
import statistics
import subprocess

RESULTS = os.environ["RESULTS"]
ENV = os.environ


def times(name):
    """Every run of every round, pooled per command label (seconds)."""
    pooled = {}
    for path in sorted(glob.glob(f"{RESULTS}/{name}.round*.json")):
        with open(path) as f:
            for result in json.load(f)["results"]:
                pooled.setdefault(result["command"], []).extend(result["times"])
    return pooled


def median(name, label):
    return statistics.median(times(name)[label])


def rss_kib(name, label):
    with open(f"{RESULTS}/{name}.rss") as f:
        for line in f:
            got, kib = line.rstrip("\n").split("\t")
            if got == label:
                return int(kib)
    raise KeyError(label)


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def ms(seconds):
    return f"{seconds * 1000:.2f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def verdict(ok, by=""):
    return ("**met**" if ok else "**missed**") + (f" ({by})" if by else "")


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        total_kib = int(f.readline().split()[1])
    sha_ni = "sha_ni" in open("/proc/cpuinfo").read()

    def version(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
        except Exception:  # noqa: BLE001 - a missing tool only loses a line of the header
            return "?"

    return (
        f"{os.cpu_count()} CPUs ({model}{', sha_ni' if sha_ni else ''}), "
        f"{total_kib / 1024 / 1024:.1f} GiB, Linux {platform.release()}; "
        f"{version('openssl', 'version')}; {version('curl', '--version').split(' (')[0]}; "
        f"{version('hyperfine', '--version')}; {ENV.get('RUSTC_VERSION', '?')}"
    )


rows = []
notes = []

# 1. hash, small message
a, b = median("hash_small", "desk-invoke"), median("hash_small", "openssl")
ratio = a / b
rows.append(
    (
        "`hash`, small message, whole process",
        f"{ms(a)}, {mib(rss_kib('hash_small', 'desk-invoke'))} peak",
        f"`openssl dgst -hmac`: {ms(b)}, {mib(rss_kib('hash_small', 'openssl'))}",
        f"{ratio:.2f}×",
        "≤ 0.5×",
        verdict(ratio <= 0.5, "" if ratio <= 0.5 else f"{ratio / 0.5:.2f}× the goal"),
    )
)

# 2. hash, big body
a, b = median("hash_big", "desk-invoke"), median("hash_big", "openssl")
ratio = a / b
ours_rss = rss_kib("hash_big", "desk-invoke")
big = int(ENV["BIG_MIB"])
ok = ratio <= 1.1 and ours_rss <= 16 * 1024
rows.append(
    (
        f"`hash --post-body @file`, {big} MiB",
        f"{ms(a)} ({big / a:.0f} MiB/s), {mib(ours_rss)} peak",
        f"`openssl dgst -hmac file`: {ms(b)} ({big / b:.0f} MiB/s), "
        f"{mib(rss_kib('hash_big', 'openssl'))}",
        f"{ratio:.2f}×",
        "≤ 1.1×, ≤ 16 MiB",
        verdict(ok),
    )
)

# 3. one storage put
a, b = median("put_one", "desk-invoke"), median("put_one", "openssl+curl")
ratio = a / b
rows.append(
    (
        "one `storage put` process",
        f"{ms(a)}, {mib(rss_kib('put_one', 'desk-invoke'))} peak",
        f"bash + openssl + curl: {ms(b)}",
        f"{ratio:.2f}×",
        "≤ 1.0×",
        verdict(ratio <= 1.0),
    )
)

# 4. bulk put
bulk_items, loop_items = int(ENV["BULK_ITEMS"]), int(ENV["LOOP_ITEMS"])
a, b = median("bulk_put", "desk-invoke"), median("bulk_put", "bash-loop")
ours_rate, loop_rate = bulk_items / a, loop_items / b
speedup = ours_rate / loop_rate
ok = ours_rate >= 2000 and speedup >= 50
rows.append(
    (
        f"bulk `storage put --file`, {bulk_items:,} items",
        f"{ours_rate:,.0f} items/s ({a / bulk_items * 1000:.2f} ms/item), "
        f"{mib(rss_kib('bulk_put', 'desk-invoke'))} peak",
        f"bash loop of openssl + curl over {loop_items} of the items: "
        f"{loop_rate:,.0f} items/s ({b / loop_items * 1000:.1f} ms/item)",
        f"{speedup:,.0f}× faster per item",
        "≥ 2,000 items/s, ≥ 50×",
        verdict(ok),
    )
)
notes.append(
    f"Bulk put: the bash loop is timed on {loop_items} items and compared per item "
    f"(it would take ~{b / loop_items * bulk_items:.0f} s for all {bulk_items:,}); "
    f"desk-invoke runs with its default --concurrency."
)

# 5. export
small, large = int(ENV["EXPORT_SMALL"]), int(ENV["EXPORT_BIG"])
t_small = median("export", f"export-{small}")
t_large = median("export", f"export-{large}")
rss_small = rss_kib("export", f"export-{small}")
rss_large = rss_kib("export", f"export-{large}")
flat = rss_large <= rss_small * 1.25
for count, t, rss in ((small, t_small, rss_small), (large, t_large, rss_large)):
    rate = count / t
    ok = rate >= 5000 and rss <= 32 * 1024 and flat
    rows.append(
        (
            f"export `storage get --all -o ndjson`, {count:,} items",
            f"{rate:,.0f} items/s ({ms(t)}), {mib(rss)} peak",
            "—",
            f"RSS {rss_large / rss_small:.2f}× from {small // 1000}k to {large // 1000}k"
            if count == large
            else "",
            "≥ 5,000 items/s, ≤ 32 MiB, flat",
            verdict(ok),
        )
    )
with open(f"{RESULTS}/seed.json") as f:
    seed = json.load(f)
notes.append(
    f"Export: the {large:,} items were seeded with `storage put --file --concurrency 16` at "
    f"{seed['items'] / seed['seconds']:,.0f} items/s (untimed in the table)."
)

# 6. emulator under load
clk_tck = int(ENV["CLK_TCK"])
for mode, what in (("put", "storage puts (writes)"), ("get", "storage gets by key")):
    results = []
    for path in sorted(glob.glob(f"{RESULTS}/load_{mode}.*.json")):
        with open(path) as f:
            result = json.load(f)
        with open(path.replace(".json", ".ticks")) as f:
            result["cpu_seconds"] = int(f.read()) / clk_tck
        results.append(result)
    results.sort(key=lambda r: r["requests_per_second"])
    mid = results[len(results) // 2]
    cpu_us = mid["cpu_seconds"] / mid["requests"] * 1e6
    rows.append(
        (
            f"emulator alone, {what}, {mid['concurrency']} concurrent",
            f"{mid['requests_per_second']:,.0f} req/s, p50 {mid['p50_ms']:.2f} ms, "
            f"p99 {mid['p99_ms']:.2f} ms; {cpu_us:.0f} µs emulator CPU/req",
            "—",
            "",
            "≥ 5,000 req/s",
            verdict(mid["requests_per_second"] >= 5000),
        )
    )
notes.append(
    f"Emulator: {int(ENV['LOAD_REQUESTS']):,} pre-signed requests per run "
    f"(examples/emulator_load.rs), the median run of {ENV['LOAD_REPEATS']} by req/s; the load "
    "generator shares the 2 cores with the emulator. Gets read keys the puts wrote."
)

# 7. import at Desk's rate limits
for batch in (10, 1):
    with open(f"{RESULTS}/rate{batch}.json") as f:
        run = json.load(f)
    with open(f"{RESULTS}/rate{batch}.stats.json") as f:
        stats = json.load(f)
    # The limit-bound minimum: requests / 50 per 1 s window.
    requests = -(-run["items"] // batch)
    minimum = requests / 50
    ratio = run["seconds"] / minimum
    limited = stats["rateLimited"] / max(stats["requests"], 1)
    desk_minutes = requests / 50
    ok = run["stored"] == run["items"] and (batch != 10 or (ratio <= 1.15 and limited <= 0.02))
    rows.append(
        (
            f"import {run['items']:,} items at Desk's limits (1 s window), `--batch {batch}`",
            f"{run['seconds']:.2f} s; {stats['rateLimited']} of {stats['requests']} requests "
            f"answered 429 ({limited:.1%}); {run['stored']:,} stored",
            f"limit-bound minimum {minimum:.1f} s",
            f"{ratio:.2f}×",
            "≤ 1.15×, ≤ 2 % 429, all stored" if batch == 10 else "all stored (comparison)",
            verdict(ok),
        )
    )
    notes.append(
        f"At Desk's own limits (50 writes a minute) the same import with `--batch {batch}` "
        f"takes at least {requests} requests ÷ 50 a minute = {desk_minutes:.0f} minutes."
    )

mode = "quick" if ENV["QUICK"] == "1" else "full"
print(f"Machine: {machine()}")
print(
    f"Run: {mode}, {ENV['ROUNDS']} alternating hyperfine rounds, medians; "
    f"load average at start {ENV.get('LOADAVG_START', '?')}; took {ENV['ELAPSED']} s."
)
print()
print("| benchmark | desk-invoke | baseline | ratio | goal | result |")
print("|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
for note in notes:
    print(f"- {note}")
print()
print("Runs per command (all rounds pooled): median / min / max; then the table's ratio per round")
print()
per_item = bulk_items / loop_items
for name, a, b, what, scale in (
    ("hash_small", "desk-invoke", "openssl", "time ratio", 1),
    ("hash_big", "desk-invoke", "openssl", "time ratio", 1),
    ("put_one", "desk-invoke", "openssl+curl", "time ratio", 1),
    # Per-item speed-up: (loop time / loop items) / (bulk time / bulk items).
    ("bulk_put", "bash-loop", "desk-invoke", "per-item speed-up", per_item),
    # Items/s at the large size over items/s at the small one.
    ("export", f"export-{small}", f"export-{large}", "items/s, large over small", large / small),
):
    for label, values in times(name).items():
        print(
            f"- {name} {label}: {ms(statistics.median(values))} / {ms(min(values))} / "
            f"{ms(max(values))} over {len(values)} runs"
        )
    per_round = []
    for path in sorted(glob.glob(f"{RESULTS}/{name}.round*.json")):
        with open(path) as f:
            medians = {r["command"]: statistics.median(r["times"]) for r in json.load(f)["results"]}
        per_round.append(f"{medians[a] / medians[b] * scale:.2f}")
    print(f"- {name}, {what} per round: {' '.join(per_round)}")
