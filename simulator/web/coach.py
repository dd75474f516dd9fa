"""Coach mode: the live checklist of the four tasks and compliance warnings, from the transcript so far.

The checklist is the rubric scorer's own verdict on the call so far, so what ticks during the call
is exactly what the score card says afterwards. Warnings come from the trainee's latest message
alone, so one shows the moment a line is crossed, before the persona has answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.rubric import load_rubric, score_transcript
from simulator.transcript import Transcript
from simulator.understanding import Move, understand
from simulator.web.views import TASKS

THIRD_PARTY_MOVES = (Move.STATE_DEBT, Move.THIRD_PARTY_PAY, Move.ASK_PAYMENT_TODAY)


@dataclass
class CoachView:
    items: list[tuple[str, str, str]]            # (criterion id, title, met/partial/missed)
    violations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def done(self) -> list[str]:
        return [cid for cid, _, status in self.items if status == "met"]


def checklist(transcript: Transcript, rubric_id: str = "collection-call") -> CoachView:
    """Where each of the four tasks stands, and every violation so far (with the rubric's titles)."""
    rubric = load_rubric(rubric_id)
    titles = {c.id: c.title.get(transcript.language) for c in rubric.criteria}
    vtitles = {v.id: v.title.get(transcript.language) for v in rubric.violations}
    if not transcript.turns:
        return CoachView([(cid, titles.get(cid, title), "missed") for cid, title in TASKS])
    report = score_transcript(transcript, rubric)
    status = {c.id: c.status for c in report.criteria}
    items = [(cid, titles.get(cid, title), status.get(cid, "missed")) for cid, title in TASKS]
    violations = [{**v.model_dump(), "title": vtitles.get(v.id, v.id)} for v in report.violations]
    return CoachView(items, violations)


def crossed_line(text: str, language: str, counterpart: str, started_at: Any,
                 rubric_id: str = "collection-call") -> list[str]:
    """Titles of the compliance rules this one trainee message breaks (empty when none)."""
    u = understand(text, language, "trainee", started_at, counterpart)
    rubric = load_rubric(rubric_id)
    out = []
    for spec in rubric.violations:
        if spec.rule == "abuse":
            hit = u.has(Move.ABUSE)
        elif spec.rule == "threat":
            hit = u.has(Move.THREAT)
        else:
            hit = counterpart == "third_party" and any(u.has(m) for m in THIRD_PARTY_MOVES)
        if hit:
            out.append(spec.title.get(language))
    return out
