"""Benchmark the LLM client against the fake server: per-completion overhead and concurrency.

The fake server runs in a subprocess so it does not share this process's GIL; its own handling
time (it measures it) is subtracted from the overhead figure. Run:

    .venv/bin/python benchmarks/llm_client.py [--completions 2000] [--calls 200] [--repeat 3]

The concurrency runs put the semaphore around each completion (a server with 64 slots), so the
ideal wall time is completions x latency / concurrency; a bare asyncio client run on the same
server shows how much of the gap to the ideal belongs to the machine rather than the client.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.llm import LLMClient, LLMConfig  # noqa: E402

OVERHEAD_TARGET_MS = 2.0
CONCURRENCY_TARGET = 1.15
MESSAGES = [
    {"role": "system", "content": "You are Dana, a debtor who is behind on a credit card."},
    {"role": "user", "content": "Hello, this is Sam from Northwind Credit, am I speaking with Dana?"},
]


@contextmanager
def fake_server(*args: str) -> Iterator[str]:
    """Start ``python -m simulator.llm.fake_server`` on a free port; yield its base URL."""
    command = [sys.executable, "-m", "simulator.llm.fake_server", "--port", "0", "--no-record", *args]
    root = Path(__file__).resolve().parents[1]
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = next(word for word in line.split() if word.startswith("http://"))
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_handle_s(base_url: str) -> float:
    root = base_url.removesuffix("/v1")
    return float(httpx.get(f"{root}/_fake/stats").json()["handle_s"])


async def overhead_ms(base_url: str, completions: int, *, stream: bool) -> float:
    """Mean client time per sequential completion, minus the server's own handling time."""
    async with LLMClient(LLMConfig(base_url, model="fake-model")) as client:

        async def one() -> None:
            if stream:
                async for _ in client.stream_chat(MESSAGES):
                    pass
            else:
                await client.complete(MESSAGES)

        for _ in range(100):  # warm up the connection and code paths
            await one()
        server_before = server_handle_s(base_url)
        started = time.perf_counter()
        for _ in range(completions):
            await one()
        wall = time.perf_counter() - started
        server = server_handle_s(base_url) - server_before
    return (wall - server) / completions * 1000


async def concurrency_run(base_url: str, calls: int, turns: int, concurrency: int, *, stream: bool) -> float:
    """Wall time for ``calls`` calls of ``turns`` sequential completions, ``concurrency`` in flight."""
    async with LLMClient(LLMConfig(base_url, model="fake-model")) as client:
        slots = asyncio.Semaphore(concurrency)

        async def call() -> None:
            for _ in range(turns):
                async with slots:  # the server's slots: at most `concurrency` completions at once
                    if stream:
                        async for _ in client.stream_chat(MESSAGES):
                            pass
                    else:
                        await client.complete(MESSAGES)

        started = time.perf_counter()
        await asyncio.gather(*(call() for _ in range(calls)))
        return time.perf_counter() - started


async def floor_run(base_url: str, calls: int, turns: int, concurrency: int) -> float:
    """The same run with a bare asyncio client (no httpx, no retries, no parsing beyond JSON).

    It shows what the fake server, the kernel and this machine cost on their own, so the gap to
    the client run is the client's share.
    """
    url = httpx.URL(base_url)
    body = json.dumps({"model": "fake-model", "messages": MESSAGES}).encode()
    request = b"POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
        url.raw_path + b"/chat/completions", url.netloc, len(body), body
    )
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    slots = asyncio.Semaphore(concurrency)

    async def completion() -> None:
        reader, writer = idle.pop() if idle else await asyncio.open_connection(url.host, url.port)
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        json.loads(await reader.readexactly(length))
        idle.append((reader, writer))

    async def call() -> None:
        for _ in range(turns):
            async with slots:
                await completion()

    started = time.perf_counter()
    await asyncio.gather(*(call() for _ in range(calls)))
    wall = time.perf_counter() - started
    for _, writer in idle:
        writer.close()
    return wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--completions", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=3, help="concurrency runs per figure; the median is shown")
    args = parser.parse_args(argv)

    with fake_server() as url:
        for stream in (False, True):
            ms = asyncio.run(overhead_ms(url, args.completions, stream=stream))
            name = f"client overhead per completion, {'streamed' if stream else 'non-streamed'} ({args.completions} sequential, 0 ms server)"
            print(f"{name}: {ms:.3f} ms (ratio {ms / OVERHEAD_TARGET_MS:.2f} to target {OVERHEAD_TARGET_MS:g} ms)")

    with fake_server("--latency", str(args.latency)) as url:
        completions = args.calls * args.turns
        ideal = completions * args.latency / args.concurrency
        runs = {
            "non-streamed": lambda: concurrency_run(url, args.calls, args.turns, args.concurrency, stream=False),
            "streamed": lambda: concurrency_run(url, args.calls, args.turns, args.concurrency, stream=True),
            "bare asyncio client, for reference,": lambda: floor_run(url, args.calls, args.turns, args.concurrency),
        }
        for label, run in runs.items():
            walls = sorted(asyncio.run(run()) for _ in range(args.repeat))
            wall = statistics.median(walls)
            ratio = wall / ideal
            name = (
                f"concurrency {args.concurrency}, {args.calls} calls x {args.turns} {label} completions at "
                f"{args.latency * 1000:g} ms: median wall of {args.repeat} {wall:.3f} s "
                f"(range {walls[0]:.3f}-{walls[-1]:.3f}) vs ideal {ideal:.3f} s"
            )
            print(f"{name}: {ratio:.3f}x ideal (ratio {ratio / CONCURRENCY_TARGET:.2f} to target {CONCURRENCY_TARGET:g}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
