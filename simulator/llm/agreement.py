"""``dojo judge-agreement DIR``: how often the LLM judge agrees with the rubric scorer and with labels.

Before a trainer trusts the judge's second opinion, they should know how it does on calls whose
right answer is known. Every transcript in DIR (JSON or text) is scored by the rubric and judged by
the LLM; a JSON transcript with an ``expected`` field (``{"ask_payment_today": "met", ...}``, as in
the spec's examples) is a labelled one. "No verdict" never counts as agreement: it is its own column.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient, LLMError
from simulator.llm.config import LLMConfig
from simulator.llm.judge import NO_VERDICT, JudgeResult, judge_transcript
from simulator.rubric import DEFAULT_RUBRIC, load_rubric, score_transcript
from simulator.rubric.model import Rubric
from simulator.transcript import Transcript, read_transcript

SUFFIXES = (".json", ".txt")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise DojoInputError(f"judge-agreement: {message} (see 'dojo judge-agreement --help')")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dojo judge-agreement", description=__doc__.splitlines()[0])
    p.add_argument("dir", help="a folder of transcripts (*.json, *.txt); JSON ones may carry 'expected' labels")
    p.add_argument("--rubric", default=DEFAULT_RUBRIC)
    p.add_argument("--concurrency", type=int, default=4, help="transcripts judged at once")
    p.add_argument("--llm-base-url")
    p.add_argument("--llm-model")
    p.add_argument("--llm-api-key")
    p.add_argument("--json", action="store_true", help="print the agreement document as JSON")
    return p


def load_dir(directory: Path) -> list[tuple[Path, Transcript, dict[str, str]]]:
    """Each transcript with its labels (criterion id → status; empty when unlabelled)."""
    if not directory.is_dir():
        raise DojoInputError(f"{directory}: not a folder of transcripts")
    files = sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES and p.is_file())
    if not files:
        raise DojoInputError(f"{directory}: no transcripts (*.json or *.txt) in it")
    out = []
    for path in files:
        transcript = read_transcript(path)
        expected = (transcript.model_extra or {}).get("expected") or {}
        if not isinstance(expected, dict):
            raise DojoInputError(f"{path}: 'expected' must be an object of criterion id → status")
        labels = {k: v for k, v in expected.items() if k != "violations" and isinstance(v, str)}
        out.append((path, transcript, labels))
    return out


async def _judge_all(items: list[tuple[Path, Transcript, dict[str, str]]], rubric: Rubric, config: LLMConfig,
                     concurrency: int) -> list[JudgeResult]:
    slots = asyncio.Semaphore(max(1, concurrency))
    async with LLMClient(config) as client:
        async def one(transcript: Transcript) -> JudgeResult:
            async with slots:
                return await judge_transcript(transcript, rubric, client)
        return list(await asyncio.gather(*(one(t) for _, t, _ in items)))


def _rate(agree: int, total: int) -> float | None:
    return round(agree / total, 4) if total else None


@dataclass
class _Agreement:
    """Agreeing verdicts out of compared ones, for one pair of readers."""

    agree: int = 0
    total: int = 0

    def add(self, same: bool) -> None:
        self.agree += same
        self.total += 1

    @property
    def rate(self) -> float | None:
        return _rate(self.agree, self.total)


@dataclass
class _Tally:
    transcripts: int = 0
    no_verdict: int = 0
    judge_rubric: _Agreement = field(default_factory=_Agreement)
    judge_label: _Agreement = field(default_factory=_Agreement)
    rubric_label: _Agreement = field(default_factory=_Agreement)


def agreement_doc(items: list[tuple[Path, Transcript, dict[str, str]]], rubric: Rubric,
                  results: list[JudgeResult]) -> dict[str, Any]:
    """Per file the three readings of each criterion, and per criterion the agreement rates."""
    files: list[dict[str, Any]] = []
    tallies = {c.id: _Tally() for c in rubric.criteria}
    for (path, transcript, labels), result in zip(items, results, strict=True):
        report = score_transcript(transcript, rubric)
        row: dict[str, Any] = {"file": path.name, "criteria": {}, "problems": result.problems}
        for c in rubric.criteria:
            scorer, judge, label = report.status_of(c.id), result.status(c.id), labels.get(c.id)
            row["criteria"][c.id] = {"rubric": scorer, "judge": judge, "label": label}
            t = tallies[c.id]
            t.transcripts += 1
            if judge == NO_VERDICT:
                t.no_verdict += 1
            else:
                t.judge_rubric.add(judge == scorer)
                if label is not None:
                    t.judge_label.add(judge == label)
            if label is not None:
                t.rubric_label.add(scorer == label)
        files.append(row)
    criteria = [{"id": cid, "transcripts": t.transcripts, "no_verdict": t.no_verdict,
                 "judge_vs_rubric": t.judge_rubric.rate, "judge_vs_labels": t.judge_label.rate,
                 "rubric_vs_labels": t.rubric_label.rate, "labelled": t.rubric_label.total}
                for cid, t in tallies.items()]

    def pooled(pick: Callable[[_Tally], _Agreement]) -> float | None:
        return _rate(sum(pick(t).agree for t in tallies.values()), sum(pick(t).total for t in tallies.values()))

    overall = {"judge_vs_rubric": pooled(lambda t: t.judge_rubric), "judge_vs_labels": pooled(lambda t: t.judge_label),
               "rubric_vs_labels": pooled(lambda t: t.rubric_label),
               "no_verdict": sum(t.no_verdict for t in tallies.values())}
    return {"rubric": rubric.id, "transcripts": len(files), "criteria": criteria, "overall": overall, "files": files}


def print_table(doc: dict[str, Any]) -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}"

    table = Table(title=f"LLM judge agreement · rubric {escape(doc['rubric'])} · {doc['transcripts']} transcripts",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="j: the LLM judge · a=b: share of verdicts where a says what b says · "
                  "'no verdict' never counts as agreement")
    for col in ("criterion", "j=rubric", "j=label", "rubric=label", "labelled", "no verdict"):
        table.add_column(col, justify="left" if col == "criterion" else "right", no_wrap=True, min_width=len(col))
    for c in doc["criteria"]:
        table.add_row(escape(c["id"]), pct(c["judge_vs_rubric"]), pct(c["judge_vs_labels"]), pct(c["rubric_vs_labels"]),
                      str(c["labelled"]), str(c["no_verdict"]))
    o = doc["overall"]
    table.add_row("[bold]all[/]", pct(o["judge_vs_rubric"]), pct(o["judge_vs_labels"]), pct(o["rubric_vs_labels"]),
                  "", str(o["no_verdict"]))
    console = Console(highlight=False)
    console.print(table)
    for f in doc["files"]:
        off = [f"{cid} (rubric {v['rubric']}, judge {v['judge']}" + (f", label {v['label']})" if v["label"] else ")")
               for cid, v in f["criteria"].items() if v["judge"] != v["rubric"]]
        if off:
            console.print(f"[dim]{escape(f['file'])}:[/] " + escape("; ".join(off)))


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    rubric = load_rubric(args.rubric)
    items = load_dir(Path(args.dir))
    config = LLMConfig.load(base_url=args.llm_base_url, model=args.llm_model, api_key=args.llm_api_key)
    try:
        results = asyncio.run(_judge_all(items, rubric, config, args.concurrency))
    except LLMError as exc:
        raise DojoInputError(f"LLM judge: {exc}") from None
    doc = agreement_doc(items, rubric, results)
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(doc)
    return 0
