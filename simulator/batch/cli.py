"""``dojo batch``: run trainee agents against personas, resumably, and summarise the results.

    dojo batch --trainee scripted-good --personas all --runs 3 --out runs/good
    dojo batch --trainee llm --voice llm --personas next_month,hostile --runs 5 --concurrency 32 --out runs/agent

Writes DIR/results.jsonl (one record per call), DIR/summary.json and DIR/summary.html, and prints
the summary table. Run the same command again to resume: finished calls are skipped. Exit 1 when
some calls failed (their LLM agent could not be reached); a rerun retries just those.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from simulator.batch.agents import read_prompt
from simulator.batch.report_html import render_html
from simulator.batch.runner import DEFAULT_STARTED_AT, TRAINEES, BatchConfig, BatchRun, plan_calls, run_batch
from simulator.batch.summary import print_summary, summarize
from simulator.errors import DojoInputError
from simulator.llm.config import LLMConfig
from simulator.persona import all_personas, load_persona

DIFFICULTIES = ("easy", "medium", "hard")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise DojoInputError(f"batch: {message} (see 'dojo batch --help')")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dojo batch", description="Run trainee agents against personas; resumable.",
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--trainee", choices=TRAINEES, required=True, help="who plays the collector")
    p.add_argument("--personas", default="all", help="'all' or a comma-separated list of persona ids")
    p.add_argument("--runs", type=int, default=1, help="repeats of each persona/language/difficulty (k of pass^k)")
    p.add_argument("--concurrency", type=int, default=8, help="LLM requests in flight")
    p.add_argument("--out", required=True, help="results folder (reused to resume)")
    p.add_argument("--seed", type=int, default=0, help="batch seed; each call's seed derives from it")
    p.add_argument("--language", default="all", help="en, es or all (each persona's languages)")
    p.add_argument("--difficulty", default="default",
                   help="easy, medium, hard, a comma list, all, or default (each persona's own)")
    p.add_argument("--voice", choices=("scripted", "llm"), default="scripted", help="who speaks the persona's lines")
    p.add_argument("--stream-voice", action="store_true", help="stream the LLM voice's tokens (as the app does)")
    p.add_argument("--trainee-prompt", help="system prompt file of the LLM trainee (default prompts/agent_trainee.md)")
    p.add_argument("--max-turns", type=int, default=24, help="trainee messages before a call is cut off")
    p.add_argument("--rubric", default="collection-call")
    p.add_argument("--started-at", default=DEFAULT_STARTED_AT.isoformat(timespec="minutes"),
                   help="when the simulated calls take place (relative times resolve against it)")
    p.add_argument("--llm-base-url")
    p.add_argument("--llm-model")
    p.add_argument("--llm-api-key")
    p.add_argument("--workers", type=int, default=1,
                   help="processes to share the calls between (CPU-bound batches; the concurrency is split)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no table")
    return p


def _choices(value: str, known: tuple[str, ...], what: str) -> list[str] | None:
    if value in ("all",):
        return list(known)
    items = [v.strip() for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in known]
    if bad or not items:
        raise DojoInputError(f"unknown {what} {bad[0] if bad else value!r} (known: {', '.join(known)}, all)")
    return items


def config_from_args(args: argparse.Namespace) -> BatchConfig:
    if args.runs < 1:
        raise DojoInputError("--runs must be at least 1")
    try:
        started_at = datetime.fromisoformat(args.started_at)
    except ValueError:
        raise DojoInputError(f"--started-at {args.started_at!r} is not an ISO 8601 date and time") from None
    uses_llm = args.trainee == "llm" or args.voice == "llm"
    llm = None
    if uses_llm:
        llm = LLMConfig.load(base_url=args.llm_base_url, model=args.llm_model, api_key=args.llm_api_key)
    prompt = read_prompt(args.trainee_prompt) if args.trainee == "llm" else None
    return BatchConfig(trainee=args.trainee, voice=args.voice, concurrency=args.concurrency, max_turns=args.max_turns,
                       started_at=started_at.replace(tzinfo=None, microsecond=0), rubric=args.rubric,
                       trainee_prompt=prompt, llm=llm, stream_voice=args.stream_voice)


def execute(argv: list[str]) -> tuple[BatchRun, dict[str, Any], Path]:
    """Parse, run and write the summary files; the CLI and the benchmark share it."""
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    from simulator.rubric import load_rubric
    load_rubric(config.rubric)  # an unknown rubric is bad input before any call runs
    personas = all_personas() if args.personas == "all" else \
        [load_persona(p.strip()) for p in args.personas.split(",") if p.strip()]
    languages = None if args.language == "all" else _choices(args.language, ("en", "es"), "language")
    difficulties = None if args.difficulty == "default" else _choices(args.difficulty, DIFFICULTIES, "difficulty")
    specs = plan_calls(personas, languages, difficulties, args.runs, args.seed)
    if not specs:
        raise DojoInputError("no calls to run: none of the personas speaks the requested language")
    out = Path(args.out)
    err = Console(stderr=True, highlight=False)
    if args.workers < 1:
        raise DojoInputError("--workers must be at least 1")
    # No refresh thread: worker processes are forked, and a fork must not copy a thread mid-write.
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=args.quiet, auto_refresh=False) as progress:
        task = progress.add_task("calls", total=len(specs))

        last = [0.0]

        def advance(n: int) -> None:
            progress.advance(task, n)
            if time.monotonic() - last[0] > 0.1:  # drawing costs CPU the calls need
                progress.refresh()
                last[0] = time.monotonic()

        result = run_batch(specs, config, out, on_record=lambda record: advance(1),
                           on_plan=lambda skipped, todo: advance(skipped), workers=args.workers)
        progress.refresh()
    if result.skipped and not args.quiet:
        err.print(f"resumed: {result.skipped} of {len(specs)} calls were already done in {out}")
    summary = summarize(result.records, args.runs)
    summary["batch"] = {**config.manifest(), "seed": args.seed, "runs": args.runs, "concurrency": config.concurrency,
                        "ran": result.ran, "skipped": result.skipped, "wall_s": round(result.wall_s, 3),
                        "completions": result.completions}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "summary.html").write_text(render_html(summary, result.records), encoding="utf-8")
    if not args.quiet:
        print_summary(summary)
        Console(highlight=False).print(f"[dim]wrote {out / 'results.jsonl'}, summary.json and summary.html[/]")
    return result, summary, out


def run(argv: list[str]) -> int:
    result, _, _ = execute(argv)
    return 1 if result.errors else 0


def main(argv: list[str] | None = None) -> int:
    """``python -m simulator.batch.cli``: exactly ``dojo batch``, errors and exit codes included."""
    import sys

    from simulator.cli import main as dojo
    return dojo(["batch", *(sys.argv[1:] if argv is None else argv)])

if __name__ == "__main__":
    raise SystemExit(main())
