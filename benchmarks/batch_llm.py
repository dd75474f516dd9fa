"""Benchmark the batch runner with an LLM trainee AND an LLM voice against the fake server.

200 calls of 10 trainee turns each: every turn is two completions (the agent's message, then the
persona's line, which the guard checks), so about 4,000 completions, each answered by the fake
server after 50 ms, at concurrency 64 (64 completions in flight). The fake server runs in another
process so it does not share this one's GIL. Run:

    .venv/bin/python benchmarks/batch_llm.py [--calls 200] [--turns 10] [--concurrency 64] [--latency 0.05]

It prints the runner's wall time, its ratio to the ideal (completions x latency / concurrency;
target <= 1.15) and completions per second. The ideal assumes the endpoint is the only cost, so
the ratio is what the runner itself (prompts, guard, scoring, HTTP client) adds on top; the CPU
line shows whether that is CPU: a runner process busy most of the wall time is CPU-bound, and
``--workers`` (processes) is then what helps, when the machine has a core to spare.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.batch.cli import execute  # noqa: E402
from simulator.llm.fake_server import FakeServer, conveyed  # noqa: E402
from simulator.trainees import GOOD_LINES  # noqa: E402

TARGET = 1.15
# The agent under test plays the scripted-good trainee's lines, from the card in its system prompt.
AGENT_PLAN = ("identity", "intro", "reason", "reason_again", "consequences", "funding", "press", "press_again",
              "confirm")
CARD = re.compile(r"at (?P<lender>.+?)\. You are calling (?P<debtor>.+?) about an overdue payment of "
                  r"(?P<amount_text>.+?), (?P<days_overdue>\d+) days overdue")


def fake_llm(body: dict[str, Any]) -> str:
    """The agent says its next line; the persona voice says the content it was given, reworded a little."""
    messages = body["messages"]
    system = messages[0]["content"]
    if system.startswith("You are a debt collector"):
        lines = GOOD_LINES["es" if "speak only Spanish" in system else "en"]
        card = CARD.search(system)
        said = sum(1 for m in messages if m["role"] == "assistant")
        return lines[AGENT_PLAN[min(said, len(AGENT_PLAN) - 1)]].format(**(card.groupdict() if card else {}))
    return ("Pues... " if "Spanish" in system else "Well... ") + (conveyed(body) or "")  # "Bueno" would read as a yes


def serve(latency: float, conn: Any) -> None:
    async def main() -> None:
        server = FakeServer(policy=fake_llm, latency=latency, record=False)
        await server.serve()
        conn.send(server.base_url)
        await asyncio.Event().wait()
    asyncio.run(main())


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the forked runner workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="calls (split over English and Spanish)")
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--stream-voice", action="store_true", help="stream the voice's tokens, as the app does")
    parser.add_argument("--workers", type=int, default=2, help="runner processes (see dojo batch --workers)")
    args = parser.parse_args(argv)

    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=serve, args=(args.latency, theirs), daemon=True)
    server.start()
    try:
        base_url = ours.recv()
        with tempfile.TemporaryDirectory() as out:
            argv_ = ["--trainee", "llm", "--voice", "llm", "--personas", "next_month", "--language", "all",
                     "--runs", str(args.calls // 2), "--max-turns", str(args.turns), "--concurrency",
                     str(args.concurrency), "--out", out, "--quiet", "--llm-base-url", base_url,
                     "--llm-model", "fake-model", "--workers", str(args.workers)] + \
                (["--stream-voice"] if args.stream_voice else [])
            started, cpu_started = time.perf_counter(), _cpu()
            result, summary, _ = execute(argv_)
            total, cpu = time.perf_counter() - started, _cpu() - cpu_started  # workers joined, server not yet
    finally:
        server.terminate()
        server.join(timeout=10)

    done = [r for r in result.records if r["status"] == "done"]
    turns = sum(r["turns"] for r in done)
    ideal = result.completions * args.latency / args.concurrency
    ratio = result.wall_s / ideal
    o = summary["overall"]
    print(f"LLM trainee + LLM voice ({'streamed' if args.stream_voice else 'whole replies'}), {len(done)} calls, "
          f"{turns} turns, {result.completions} completions at {args.latency * 1000:g} ms, "
          f"concurrency {args.concurrency}, "
          f"{args.workers} runner process{'es' if args.workers > 1 else ''}")
    print(f"runner wall time {result.wall_s:.3f} s vs ideal {ideal:.3f} s: {ratio:.3f}x ideal "
          f"(ratio {ratio / TARGET:.2f} to target {TARGET:g}x); {result.completions / result.wall_s:.0f} completions/s")
    print(f"runner CPU {cpu:.3f} s, {cpu / result.completions * 1000:.2f} ms per completion (prompts, guard, "
          f"scoring, HTTP client); {cpu / result.wall_s / args.workers:.0%} of each runner process's wall time")
    print(f"whole command (plan, runner, summary, HTML) {total:.3f} s; errors {len(result.errors)}, "
          f"fallbacks {o['fallbacks']}, regenerated {o['regenerated']}, pass@1 {o['pass_at_1']}")
    return 0 if not result.errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
