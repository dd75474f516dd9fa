"""Precision, recall and F1 per move over the labelled utterance set (tests/data/*.jsonl)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from simulator.understanding.detect import understand
from simulator.understanding.moves import PERSONA_MOVES, TRAINEE_MOVES

EVAL_START = datetime(2026, 11, 23, 10, 0)  # a Monday morning, as in the CONTRACT's examples


@dataclass
class MoveScore:
    move: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_set(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(rows: list[dict], language: str) -> tuple[dict[str, MoveScore], list[dict]]:
    """Scores per move, and the rows that were wrong (for error analysis)."""
    scores: dict[str, MoveScore] = {}
    errors = []
    for row in rows:
        role = row["role"]
        allowed = {m.value for m in (TRAINEE_MOVES if role == "trainee" else PERSONA_MOVES)}
        u = understand(row["text"], language, role, EVAL_START, row.get("counterpart", "debtor"))
        got = {m.value for m in u.moves} & allowed
        want = set(row["moves"])
        for move in allowed:
            s = scores.setdefault(move, MoveScore(move))
            if move in got and move in want:
                s.tp += 1
            elif move in got:
                s.fp += 1
            elif move in want:
                s.fn += 1
        if got != want:
            errors.append({"text": row["text"], "role": role, "missing": sorted(want - got), "extra": sorted(got - want)})
    return scores, errors
