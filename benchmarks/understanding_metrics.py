"""Precision / recall / F1 per move of the dialogue understanding on the labelled utterance set.

    .venv/bin/python benchmarks/understanding_metrics.py [--split dev|heldout|all] [--errors N]

Prints one table per language and the worst F1 as a ratio to the 0.9 target.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.understanding.evaluation import evaluate, load_set

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TARGET_F1 = 0.9


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "heldout", "all", "fresh"], default="all",
                    help="'fresh': the independent test set (tests/data/fresh_*.jsonl), never used for tuning")
    ap.add_argument("--errors", type=int, default=0, help="print this many misread utterances per language")
    args = ap.parse_args()
    worst = 1.0
    for language in ("en", "es"):
        if args.split == "fresh":
            rows = load_set(DATA / f"fresh_{language}.jsonl")
        else:
            rows = load_set(DATA / f"utterances_{language}.jsonl")
        if args.split not in ("all", "fresh"):
            rows = [r for r in rows if r.get("split") == args.split]
        scores, errors = evaluate(rows, language)
        print(f"\n{language}: {len(rows)} utterances ({args.split})")
        print(f"{'move':22} {'prec':>6} {'recall':>6} {'f1':>6} {'support':>8}")
        for move in sorted(scores):
            s = scores[move]
            if s.tp + s.fn == 0:
                continue
            worst = min(worst, s.f1)
            print(f"{move:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:8d}")
        for e in errors[: args.errors]:
            print(f"  [{e['role'][:2]}] {e['text'][:110]!r} missing={e['missing']} extra={e['extra']}")
    print(f"\nworst F1: {worst:.3f} (ratio to the {TARGET_F1} target: {worst / TARGET_F1:.2f})")


if __name__ == "__main__":
    main()
