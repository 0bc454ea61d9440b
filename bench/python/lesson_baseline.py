"""The seed lesson's capital-letter counting, timed on the same text Capstats counts.

    python3 lesson_baseline.py DB_FILE [--warmup N] [--reps N]    JSON report on stdout
    python3 lesson_baseline.py --isupper                          stdin: JSON list of code
                                                                  points; stdout: isupper of each

Only the counting is timed. Reading RawText out of SQLite is timed separately (readMs),
because Capstats' compute-only numbers exclude reading the text as well. The process
variants include starting their processes, as the lesson's timings did.
"""

import argparse
import json
import sqlite3
import sys
import time
import unicodedata
from multiprocessing import Pipe, Pool, Process


def count_capitals(text):
    return len([c for c in text if c.isupper()])


def sequential(texts):
    return [len([c for c in t if c.isupper()]) for t in texts]


def _count_and_send(conn, texts):
    conn.send([count_capitals(t) for t in texts])
    conn.close()


def two_processes_pipe(texts):
    # Divided up front by email count, first half and second half, as in the lesson.
    half = len(texts) // 2
    procs, conns = [], []
    for part in (texts[:half], texts[half:]):
        parent_conn, child_conn = Pipe()
        proc = Process(target=_count_and_send, args=(child_conn, part))
        proc.start()
        procs.append(proc)
        conns.append(parent_conn)
    # Receive before join: a child blocks in send() until its result is read.
    counts = []
    for conn in conns:
        counts.extend(conn.recv())
    for proc in procs:
        proc.join()
    return counts


def pool_map(texts):
    with Pool(2) as pool:
        return pool.map(count_capitals, texts)


VARIANTS = [
    ("sequential", "Python baseline: sequential list comprehension", sequential),
    ("pipe2", "Python baseline: 2 processes, work divided up front (Pipe)", two_processes_pipe),
    ("pool2", "Python baseline: Pool(2).map", pool_map),
]


def read_texts(db_file):
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("SELECT RawText FROM Email ORDER BY Id")]
    finally:
        con.close()


def benchmark(db_file, warmup, reps):
    started = time.perf_counter()
    texts = read_texts(db_file)
    read_ms = (time.perf_counter() - started) * 1000
    reference = None
    samples = {name: [] for name, _, _ in VARIANTS}
    totals = {}
    # Round-robin, like the Node side: drift spreads over every variant.
    for rnd in range(warmup + reps):
        for name, _, fn in VARIANTS:
            started = time.perf_counter()
            counts = fn(texts)
            ms = (time.perf_counter() - started) * 1000
            if reference is None:
                reference = counts
            if counts != reference:
                raise SystemExit(f"{name} counted differently from the sequential loop")
            totals[name] = sum(counts)
            if rnd >= warmup:
                samples[name].append(ms)
    return {
        "python": sys.version.split()[0],
        "unicode": unicodedata.unidata_version,
        "emails": len(texts),
        "readMs": read_ms,
        "variants": [
            {"name": name, "label": label, "samplesMs": samples[name], "total": totals[name]}
            for name, label, _ in VARIANTS
        ],
        "counts": reference,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db_file", nargs="?")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--isupper", action="store_true")
    args = parser.parse_args()
    if args.isupper:
        code_points = json.load(sys.stdin)
        json.dump([chr(cp).isupper() for cp in code_points], sys.stdout)
        return
    if not args.db_file:
        parser.error("DB_FILE is required")
    if args.reps < 1 or args.warmup < 0:
        parser.error("--reps must be at least 1 and --warmup at least 0")
    json.dump(benchmark(args.db_file, args.warmup, args.reps), sys.stdout)


if __name__ == "__main__":
    main()
