"""A scripted persona's reply time per turn: p50 / p99 over many calls (target p99 <= 5 ms).

    .venv/bin/python benchmarks/persona_latency.py [--calls 300]

Each turn is the whole scripted path a trainee waits for: reading the message, the persona
policy, and rendering the line (Call.say). Calls cycle through every persona, language and
difficulty with the scripted good and poor trainees.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime

from simulator.call import Call
from simulator.persona import all_personas
from simulator.trainees import play_scripted, scripted_trainee
from simulator.understanding.detect import _understand

TARGET_P99_MS = 5.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=300)
    args = ap.parse_args()
    personas = all_personas()
    combos = [(p, lang, diff, kind) for p in personas for lang in p.persona.languages
              for diff in ("easy", "medium", "hard") for kind in ("scripted-good", "scripted-poor")]
    samples: list[float] = []
    start = datetime(2026, 11, 23, 10, 0)
    for i in range(args.calls):
        persona, lang, diff, kind = combos[i % len(combos)]
        _understand.cache_clear()  # every call's messages are read afresh, as a real trainee's would be
        call = Call(persona, seed=i, language=lang, difficulty=diff, started_at=start)
        def timed_say(message: str, call: Call = call) -> None:
            t0 = time.perf_counter()
            call.say(message)
            samples.append((time.perf_counter() - t0) * 1000)

        play_scripted(call, scripted_trainee(kind, lang), on_turn=timed_say)
    p50, p99 = statistics.median(samples), percentile(samples, 0.99)
    print(f"persona reply: {len(samples)} turns over {args.calls} calls")
    print(f"p50 {p50:.3f} ms, p99 {p99:.3f} ms (ratio of p99 to the {TARGET_P99_MS} ms target: {p99 / TARGET_P99_MS:.2f})")


if __name__ == "__main__":
    main()
