"""The LLM judge: a second opinion beside the rubric scorer, per criterion, with quoted evidence.

The rubric scorer's verdict stays the score; the judge only adds a section that says where an LLM
reading of the call disagrees, so a trainer knows which calls to look at. A judgement that cannot
be checked is worth nothing, and worse than nothing if it counts: a quote that is not an exact
substring of the turn it cites, an empty or malformed answer, a missing criterion or an unknown
status is a failed judgement. It is retried once, then reported as "no verdict" — never a pass.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient, LLMError, LLMResponseError, Message
from simulator.llm.config import LLMConfig
from simulator.rubric.model import Rubric
from simulator.transcript import Transcript

PROMPTS = Path(__file__).parent / "prompts"
STATUSES = ("met", "partial", "missed")
NO_VERDICT = "no verdict"
MAX_ATTEMPTS = 2  # one judgement and one retry


@lru_cache(maxsize=None)
def _prompt(name: str) -> str:
    return (PROMPTS / name).read_text(encoding="utf-8").strip()


@lru_cache(maxsize=None)
def _definitions() -> dict[str, str]:
    """``- id: definition`` lines of prompts/judge_criteria.md."""
    out = {}
    for line in _prompt("judge_criteria.md").splitlines():
        if line.startswith("- ") and ":" in line:
            key, _, text = line[2:].partition(":")
            out[key.strip()] = text.strip()
    return out


@dataclass(frozen=True)
class Quote:
    turn: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"turn": self.turn, "quote": self.quote}


@dataclass(frozen=True)
class CriterionVerdict:
    """One checked verdict: a known status, and quotes that really are in the turns they cite."""

    id: str
    status: str
    evidence: tuple[Quote, ...]
    rationale: str = ""


@dataclass(frozen=True)
class JudgeResult:
    """Per criterion id a verdict, or None for "no verdict"; ``problems`` says why attempts failed."""

    verdicts: dict[str, CriterionVerdict | None]
    attempts: int
    problems: list[str] = field(default_factory=list)
    model: str | None = None

    def status(self, criterion_id: str) -> str:
        verdict = self.verdicts.get(criterion_id)
        return verdict.status if verdict is not None else NO_VERDICT


def judge_schema(rubric: Rubric) -> dict[str, Any]:
    """The JSON Schema the judge must answer in (sent as ``response_format`` when the server allows)."""
    quote = {"type": "object", "additionalProperties": False, "required": ["turn", "quote"],
             "properties": {"turn": {"type": "integer"}, "quote": {"type": "string"}}}
    item = {"type": "object", "additionalProperties": False, "required": ["id", "status", "evidence", "rationale"],
            "properties": {"id": {"type": "string", "enum": [c.id for c in rubric.criteria]},
                           "status": {"type": "string", "enum": list(STATUSES)},
                           "evidence": {"type": "array", "items": quote},
                           "rationale": {"type": "string"}}}
    return {"type": "object", "additionalProperties": False, "required": ["criteria"],
            "properties": {"criteria": {"type": "array", "items": item}}}


def judge_messages(transcript: Transcript, rubric: Rubric) -> list[Message]:
    """The system prompt (the rubric's criteria) and the call, with numbered turns to cite."""
    definitions = _definitions()
    lines = []
    for spec in rubric.criteria:
        text = definitions.get(spec.id)
        if text is None:  # a rubric's own criterion: described by its feedback for each status
            fb = spec.feedback
            parts = [f"met: {fb.met.get('en')}"] + ([f"partial: {fb.partial.get('en')}"] if fb.partial else []) \
                + [f"missed: {fb.missed.get('en')}"]
            text = " ".join(parts)
        lines.append(f"- {spec.id} ({spec.title.get('en')}): {text}")
    system = Template(_prompt("judge_system.md")).safe_substitute(criteria="\n".join(lines))
    third = transcript.counterpart == "third_party"
    other = "Person answering (not the debtor)" if third else "Debtor"
    turns = "\n".join(f"[{i}] {'Collector' if t.role == 'trainee' else other}: {t.text}"
                      for i, t in enumerate(transcript.turns))
    user = Template(_prompt("judge_call.md")).safe_substitute(
        language=transcript.language, started_at=transcript.started_at.isoformat(timespec="minutes"),
        counterpart="a third party, not the debtor" if third else "the debtor", turns=turns)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def check_judgement(data: Any, transcript: Transcript, rubric: Rubric) -> tuple[dict[str, CriterionVerdict], list[str]]:
    """The verdicts that survive checking, and a problem line for each one that did not."""
    ids = [c.id for c in rubric.criteria]
    if not isinstance(data, dict) or not isinstance(data.get("criteria"), list):
        return {}, ["the answer is not an object with a 'criteria' list"]
    problems: list[str] = []
    seen: dict[str, list[Any]] = {}
    for item in data["criteria"]:
        cid = item.get("id") if isinstance(item, dict) else None
        if cid not in ids:
            problems.append(f"unknown criterion {cid!r} ignored")
            continue
        seen.setdefault(cid, []).append(item)
    valid: dict[str, CriterionVerdict] = {}
    for cid in ids:
        items = seen.get(cid, [])
        if not items:
            problems.append(f"{cid}: missing")
        elif len(items) > 1:
            problems.append(f"{cid}: given {len(items)} times")
        else:
            verdict, problem = _check_item(cid, items[0], transcript)
            if verdict is not None:
                valid[cid] = verdict
            else:
                problems.append(f"{cid}: {problem}")
    return valid, problems


def _check_item(cid: str, item: dict[str, Any], transcript: Transcript) -> tuple[CriterionVerdict | None, str]:
    status = item.get("status")
    if status not in STATUSES:
        return None, f"unknown status {status!r}"
    evidence = item.get("evidence")
    if not isinstance(evidence, list):
        return None, "evidence is not a list"
    quotes = []
    for e in evidence:
        turn = e.get("turn") if isinstance(e, dict) else None
        quote = e.get("quote") if isinstance(e, dict) else None
        if not isinstance(turn, int) or isinstance(turn, bool) or not 0 <= turn < len(transcript.turns):
            return None, f"evidence cites turn {turn!r}, which is not in the call"
        if not isinstance(quote, str) or not quote.strip() or quote not in transcript.turns[turn].text:
            return None, f"quote {str(quote)[:60]!r} is not in turn {turn}"
        quotes.append(Quote(turn, quote))
    if status != "missed" and not quotes:
        return None, f"'{status}' without evidence"
    rationale = item.get("rationale")
    return CriterionVerdict(cid, status, tuple(quotes), rationale if isinstance(rationale, str) else ""), ""


async def judge_transcript(transcript: Transcript, rubric: Rubric, client: LLMClient) -> JudgeResult:
    """Ask the LLM for a verdict on every criterion; retry once if any verdict failed its checks.

    Endpoint errors (down, refused, rate-limited) propagate as ``LLMError``: they are not a judgement.
    A criterion with no checked verdict after the retry is ``None`` ("no verdict").
    """
    ids = [c.id for c in rubric.criteria]
    schema = judge_schema(rubric)
    base = judge_messages(transcript, rubric)
    params: dict[str, Any] = {} if client.config.temperature is not None else {"temperature": 0}
    verdicts: dict[str, CriterionVerdict] = {}
    problems: list[str] = []
    messages = base
    model = None
    attempt = 0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        completion = await client.complete(messages, json_schema=schema, **params)
        model = completion.model
        try:
            data = completion.json() if completion.text.strip() else None
        except LLMResponseError as exc:
            data, problem = None, f"attempt {attempt}: malformed JSON ({str(exc)[:80]})"
        else:
            problem = f"attempt {attempt}: empty answer" if data is None else ""
        if data is None:
            problems.append(problem)
            attempt_problems = ["the answer was not valid JSON"]
        else:
            valid, attempt_problems = check_judgement(data, transcript, rubric)
            for cid, verdict in valid.items():
                verdicts.setdefault(cid, verdict)  # the first checked verdict stands
            problems.extend(f"attempt {attempt}: {p}" for p in attempt_problems)
        if all(cid in verdicts for cid in ids):
            break
        messages = [*base, {"role": "assistant", "content": completion.text[:4000]},
                    {"role": "user", "content": "Your answer could not be used: " + "; ".join(attempt_problems)
                     + ". Answer again with the whole JSON object, every criterion once, quotes copied exactly."}]
    return JudgeResult({cid: verdicts.get(cid) for cid in ids}, attempt, problems, model)


def judge_section(result: JudgeResult, report_doc: Mapping[str, Any]) -> dict[str, Any]:
    """The report's "judge" section: each criterion's judge status beside the scorer's, and the disagreements."""
    scorer = {c["id"]: c["status"] for c in report_doc.get("criteria", [])}
    criteria, disagreements, missing = [], [], []
    for cid, verdict in result.verdicts.items():
        agrees = None if verdict is None else verdict.status == scorer.get(cid)
        if verdict is None:
            missing.append(cid)
        elif not agrees:
            disagreements.append(cid)
        criteria.append({"id": cid, "judge_status": verdict.status if verdict else NO_VERDICT,
                         "evidence": [q.to_json() for q in verdict.evidence] if verdict else [],
                         "rationale": verdict.rationale if verdict else "", "agrees": agrees})
    judged = len(criteria) - len(missing)
    summary = f"agrees with the rubric on {judged - len(disagreements)} of {judged} judged criteria"
    if disagreements:
        summary += f"; disagrees on {', '.join(disagreements)}"
    if missing:
        summary += f"; no verdict on {', '.join(missing)} ({result.problems[-1] if result.problems else 'unchecked'})"
    return {"model": result.model, "attempts": result.attempts, "criteria": criteria,
            "disagreements": disagreements, "no_verdict": missing, "problems": result.problems, "summary": summary}


async def judge_report(transcript: Transcript, rubric: Rubric, report_doc: dict[str, Any],
                       client: LLMClient) -> dict[str, Any]:
    """The score report with a "judge" section added; the CONTRACT fields are left as they are."""
    result = await judge_transcript(transcript, rubric, client)
    return {**report_doc, "judge": judge_section(result, report_doc)}


def judge_report_sync(transcript: Transcript, rubric: Rubric, report_doc: dict[str, Any],
                      opts: dict[str, Any]) -> dict[str, Any]:
    """``dojo score --judge llm``: an endpoint that cannot be used is bad input (one line, exit 2)."""
    config = LLMConfig.load(base_url=opts.get("base_url"), model=opts.get("model"), api_key=opts.get("api_key"))

    async def run() -> dict[str, Any]:
        async with LLMClient(config) as client:
            return await judge_report(transcript, rubric, report_doc, client)

    try:
        return asyncio.run(run())
    except LLMError as exc:
        raise DojoInputError(f"LLM judge: {exc}") from None

