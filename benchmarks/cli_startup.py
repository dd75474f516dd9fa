"""`dojo score` on one transcript, whole process, as a ratio to `python -c "import gradio"`.

    .venv/bin/python benchmarks/cli_startup.py [--repeat 5]

Both are timed in the same run, with the same interpreter, best of N (target ratio <= 0.15).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.15


def best(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if r.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {r.stderr.decode()[-300:]}")
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    transcript = ROOT / "tests" / "data" / "sample_call.txt"
    score = best([sys.executable, "-m", "simulator", "score", str(transcript), "--json"], args.repeat)
    gradio = best([sys.executable, "-c", "import gradio"], args.repeat)
    print(f"dojo score: {score * 1000:.0f} ms; import gradio: {gradio * 1000:.0f} ms")
    print(f"ratio {score / gradio:.3f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
