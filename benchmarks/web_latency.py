"""Server-side time from a trainee message to the persona's first streamed token (scripted persona).

In-process: the Practice tab's handlers are called as gradio calls them (``accept``, then the
``reply`` generator), on a SQLite store in a temporary folder on disk, and the clock runs from the
message to the reply's first yield — which includes checking the message, the policy, the scripted
line, and committing the trainee's turn to the database (the persona's line is committed while it
streams; a crash before that loses nothing, resuming says the same line again). Run:

    .venv/bin/python benchmarks/web_latency.py [--messages 210] [--coach] [--database URL]

Target: p95 <= 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
warnings.filterwarnings("ignore")

from simulator.persona import all_personas  # noqa: E402
from simulator.store import Store  # noqa: E402
from simulator.web.context import WebContext  # noqa: E402
from simulator.web.trainee import OUT, Practice  # noqa: E402

TARGET_MS = 150.0
SCRIPT = ["Hello, am I speaking with {debtor}?",
          "This is Sam from {lender}. Your payment of {amount_text} is overdue and I need you to pay it today.",
          "What happened?",
          "Every day late adds a late fee and it will be reported to your credit record.",
          "Could you borrow it from your brother until payday?",
          "Can you pay today before 6 pm or tomorrow morning at the latest?",
          "So to confirm, you will pay tomorrow morning?"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def first_token_times(practice: Practice, messages: int, coach: bool) -> list[float]:
    personas = [p.id for p in all_personas()]
    times: list[float] = []
    call = 0
    while len(times) < messages:
        persona = personas[call % len(personas)]
        update = practice.start(persona, None, "en", "scripted", 1000 + call, coach, None, None)
        sess = update[OUT.index("state")]
        if sess.live is None:
            raise SystemExit(f"could not start a call with {persona}")
        card = sess.live.call.card()
        for line in SCRIPT:
            if len(times) >= messages or sess.live.call.over:
                break
            agen = practice.send(line.format(**card), coach, sess, None)  # accept, then reply's updates
            t0 = time.perf_counter()
            await agen.__anext__()  # accepted: the box cleared, the message shown
            await agen.__anext__()  # the reply's first streamed word
            times.append(time.perf_counter() - t0)
            async for _ in agen:  # the rest of the stream (no pauses here: they come after the first token)
                pass
        practice.after_send(coach, sess, None)
        if not sess.live.finished:
            practice.end(sess, None)
        call += 1
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=210, help="trainee messages to time (at least 200)")
    parser.add_argument("--coach", action="store_true", help="with coach mode on (checklist per turn)")
    parser.add_argument("--database", help="SQLAlchemy URL (default: a fresh SQLite file in a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dojo-bench-") as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'latency.sqlite3'}"
        store = Store(url)
        ctx = WebContext(store, word_pause=0.0, export_dir=Path(folder) / "exports")
        practice = Practice(ctx)
        asyncio.run(first_token_times(practice, 5, args.coach))  # warm-up: imports, lexicons, first connections
        times = asyncio.run(first_token_times(practice, args.messages, args.coach))
        store.close()
    ms = [t * 1000 for t in times]
    p50, p95 = percentile(ms, 50), percentile(ms, 95)
    print(f"web first-token latency (scripted persona, {store.dialect}{', coach on' if args.coach else ''})")
    print(f"  messages      {len(ms)}")
    print(f"  p50           {p50:.2f} ms")
    print(f"  p95           {p95:.2f} ms")
    print(f"  max           {max(ms):.2f} ms")
    print(f"  mean          {statistics.fmean(ms):.2f} ms")
    print(f"  p95 / target  {p95 / TARGET_MS:.3f}  (target p95 <= {TARGET_MS:.0f} ms; below 1 is better)")
    return 0 if p95 <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
