"""30 trainees at once through gradio_client, each a 10-turn call; then check the database.

``dojo serve`` runs in a subprocess on a fresh SQLite file (so the clients do not share its GIL),
with the real streaming pace (words ~30 ms apart, a reply at most 0.6 s). Every trainee has its
own gradio_client session and seed and tags its messages, and they all start together. Reply time
is submit → final streamed update of the turn's API call (/say: the same accept and reply handlers
the browser chains as two events; --browser-like makes the two calls). Afterwards every call must hold exactly its 20 turns, in order,
with its own texts, and the persona lines a replay of that call gives (no lost or crossed turns).

    .venv/bin/python benchmarks/web_load.py [--trainees 30] [--turns 10]

Target: p95 reply time <= 1 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
warnings.filterwarnings("ignore")

from gradio_client import Client  # noqa: E402

from simulator.call import Call  # noqa: E402
from simulator.persona import load_persona  # noqa: E402
from simulator.store import Store  # noqa: E402

TARGET_S = 1.0
LINES = ["Hello, am I speaking with the account holder?",
         "This is Sam from Northwind Credit. Your payment is overdue and I need you to pay it today.",
         "What happened?",
         "Every day late adds a late fee and it will be reported to your credit record.",
         "Could you borrow it from your brother until payday?",
         "Can you pay today before 6 pm or tomorrow morning at the latest?",
         "So to confirm, you will pay tomorrow morning?",
         "Thank you. Is the full amount possible?",
         "I understand, that is hard.",
         "Thank you for your time."]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def message(trainee: int, turn: int) -> str:
    return f"{LINES[turn % len(LINES)]} (trainee {trainee:02d}, turn {turn + 1:02d})"


def trainee(number: int, url: str, turns: int, barrier: threading.Barrier, times: list[float],
            errors: list[str], browser_like: bool = False) -> None:
    try:
        client = Client(url, verbose=False)
        barrier.wait()
        client.predict("next_month", "easy", "en", "scripted", 5000 + number, False, api_name="/start")
        for turn in range(turns):
            t0 = time.perf_counter()
            if browser_like:  # the browser's two chained events: accept, then the streamed reply
                client.predict(message(number, turn), False, api_name="/accept")
                client.submit(False, api_name="/reply").result()
            else:  # the API's one call per turn (the same two handlers, server-side)
                client.submit(message(number, turn), False, api_name="/say").result()
            times.append(time.perf_counter() - t0)
        client.predict(api_name="/end")
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not crash half-way
        errors.append(f"trainee {number}: {type(exc).__name__}: {exc}")
        try:
            barrier.abort()
        except threading.BrokenBarrierError:
            pass


def check(database: str, trainees: int, turns: int) -> list[str]:
    problems = []
    persona = load_persona("next_month")
    with Store(database) as store:
        rows = store.list_calls(None, limit=None)
        by_seed = {}
        for row in rows:
            record = store.get_call(row.id, None)
            by_seed.setdefault(record.seed, []).append(record)
        for n in range(trainees):
            records = by_seed.get(5000 + n, [])
            if len(records) != 1:
                problems.append(f"trainee {n}: {len(records)} calls stored, expected 1")
                continue
            record = records[0]
            said = [message(n, t) for t in range(turns)]
            roles = [t["role"] for t in record.turns]
            if roles != ["trainee", "persona"] * turns:
                problems.append(f"trainee {n}: {len(record.turns)} turns, roles {roles[:6]}...")
                continue
            if [t["text"] for t in record.turns[::2]] != said:
                problems.append(f"trainee {n}: trainee turns are not its own, in order")
            replay = Call.replay(persona, said, seed=record.seed, difficulty=record.difficulty,
                                 language=record.language, started_at=record.started_at)
            if [t["text"] for t in record.turns] != [t.text for t in replay.transcript.turns]:
                problems.append(f"trainee {n}: persona turns differ from a replay of the call")
            if record.status != "finished":
                problems.append(f"trainee {n}: call is {record.status}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--procs", type=int, default=6,
                        help="client processes the trainees are spread over (default 6: 5 trainees each)")
    parser.add_argument("--browser-like", action="store_true",
                        help="two calls per turn, /accept then /reply, as the browser chains them "
                             "(default: the API's one call per turn, /say)")
    parser.add_argument("--raw-client", action="store_true",
                        help="leave gradio_client's per-request SSL setup alone (see share_ssl_context)")
    parser.add_argument("--url", help="use this running server (local mode) instead of starting one; "
                                      "needs --database, its database (which should start empty)")
    parser.add_argument("--database", help="with --url: the server's database URL, for the check")
    args = parser.parse_args()
    if args.url:
        if not args.database:
            parser.error("--url needs --database")
        times, errors, wall = drive(args.url, args.trainees, args.turns, args.procs, args.raw_client,
                                    args.browser_like)
        return report(args, times, errors + check(args.database, args.trainees, args.turns), wall)
    with tempfile.TemporaryDirectory(prefix="dojo-load-") as folder:
        database = f"sqlite:///{Path(folder) / 'load.sqlite3'}"
        port = free_port()
        env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "DOJO_DATABASE_URL": ""}
        log = open(Path(folder) / "serve.log", "wb")
        server = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--port", str(port),
                                   "--database", database], stdout=log, stderr=subprocess.STDOUT, env=env,
                                  start_new_session=True)
        try:
            deadline = time.monotonic() + 90
            while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("dojo serve did not start:\n" + (Path(folder) / "serve.log").read_text())
                time.sleep(0.2)
            times, errors, wall = drive(f"http://127.0.0.1:{port}/", args.trainees, args.turns, args.procs,
                                        args.raw_client, args.browser_like)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)
            log.close()
        problems = errors + check(database, args.trainees, args.turns)
    return report(args, times, problems, wall)


def drive(url: str, trainees: int, turns: int, procs: int = 1, raw: bool = False,
          browser_like: bool = False) -> tuple[list[float], list[str], float]:
    """Run the trainees as threads spread over ``procs`` processes (each trainee is its own
    gradio_client session either way; processes keep the clients from sharing one GIL, as
    trainees in their own browsers do not)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(trainees)
    results = ctx.Queue()
    groups = [list(range(trainees))[i::procs] for i in range(procs)]
    workers = [ctx.Process(target=_worker, args=(g, url, turns, barrier, results, raw, browser_like))
               for g in groups if g]
    wall = time.perf_counter()
    for w in workers:
        w.start()
    times: list[float] = []
    errors: list[str] = []
    for _ in workers:
        t, e = results.get()
        times += t
        errors += e
    for w in workers:
        w.join()
    return times, errors, time.perf_counter() - wall


def share_ssl_context() -> None:
    """gradio_client opens a new httpx client for every request — even to plain http:// — and each
    one loads the whole CA bundle ($SSL_CERT_FILE) into a new SSL context: ~10 ms of client CPU per
    request, ~60 per turn, which on a small machine the simulated trainees take from the server. A
    browser does nothing of the sort, so the harness reuses one context per process (``--raw-client``
    turns this off)."""
    import httpx._transports.default as transport

    real, cache = transport.create_ssl_context, {}

    def shared(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        key = (verify if isinstance(verify, (bool, str)) else id(verify), cert, trust_env)
        if key not in cache:
            cache[key] = real(verify=verify, cert=cert, trust_env=trust_env)
        return cache[key]

    transport.create_ssl_context = shared


def _worker(numbers: list[int], url: str, turns: int, barrier: Any, results: Any, raw: bool,
            browser_like: bool) -> None:
    warnings.filterwarnings("ignore")
    if not raw:
        share_ssl_context()
    times: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=trainee, args=(n, url, turns, barrier, times, errors, browser_like))
               for n in numbers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put((times, errors))


load_before = f"{os.getloadavg()[0]:.2f}"


def report(args: argparse.Namespace, times: list[float], problems: list[str], wall: float) -> int:
    print(f"web load: {args.trainees} trainees at once, {args.turns} turns each, scripted persona, SQLite; "
          f"{'/accept + /reply' if args.browser_like else '/say'} per turn; clients in {args.procs} process(es)"
          f"{', raw gradio_client' if args.raw_client else ''}; "
          f"load average before/after {load_before} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if times:
        p50, p95 = percentile(times, 50), percentile(times, 95)
        print(f"  replies       {len(times)} (expected {args.trainees * args.turns})")
        print(f"  reply p50     {p50 * 1000:.0f} ms   (submit -> final streamed update; streaming pace included)")
        print(f"  reply p95     {p95 * 1000:.0f} ms")
        print(f"  reply max     {max(times) * 1000:.0f} ms")
        print(f"  reply mean    {statistics.fmean(times) * 1000:.0f} ms")
        print(f"  wall time     {wall:.1f} s (clients connect, start, talk and end together)")
        print(f"  p95 / target  {p95 / TARGET_S:.3f}  (target p95 <= {TARGET_S:.0f} s; below 1 is better)")
    print(f"  database      {'OK: every call has its own ' + str(2 * args.turns) + ' turns, in order' if not problems else 'PROBLEMS'}")
    for p in problems[:20]:
        print(f"    - {p}")
    ok = not problems and len(times) == args.trainees * args.turns and percentile(times, 95) <= TARGET_S
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
