"""Scoring a bare transcript against a rubric: no simulator state, so real calls score alike.

Each turn is read once by the dialogue understanding; each criterion rule then looks at the
trainee's moves and the persona's answers. Quotes are the detectors' evidence spans, so they are
exact substrings of the turn they cite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from simulator.report import CriterionResult, Evidence, Promise, Report, Violation
from simulator.rubric.model import CriterionSpec, Rubric
from simulator.transcript import Transcript
from simulator.understanding import Detection, Move, Understanding, understand
from simulator.understanding.detect import CLASSIFIER_MAY_ADD, with_classifier


@dataclass
class ReadTurn:
    """One turn as the cues read it; the classifier's reading is added only when asked for."""

    index: int
    role: str
    understanding: Understanding
    language: str = "en"
    _hybrid: Understanding | None = None

    def all(self, move: Move) -> list[Detection]:
        return [d for d in self.understanding.detections if d.move is move]

    def all_hybrid(self, move: Move) -> list[Detection]:
        """Detections of ``move`` including those only the classifier finds (computed once)."""
        if self._hybrid is None:
            self._hybrid = with_classifier(self.understanding, self.language, self.role)
        return [d for d in self._hybrid.detections if d.move is move]


@dataclass(frozen=True)
class Commitment:
    turn: int
    quote: str
    due: datetime
    amount: float | None


def read_turns(transcript: Transcript) -> list[ReadTurn]:
    return [ReadTurn(i, t.role, understand(t.text, transcript.language, t.role, transcript.started_at,
                                           transcript.counterpart, use_classifier=False), transcript.language)
            for i, t in enumerate(transcript.turns)]


def commitments(turns: list[ReadTurn]) -> list[Commitment]:
    """The persona's commitments to a specific time: its own words, or a 'yes' to a proposal."""
    found: list[Commitment] = []
    last_proposal: tuple[datetime, float | None] | None = None
    for t in turns:
        u = t.understanding
        if t.role == "trainee":
            proposal_times = [tm.due for d in u.detections if d.move in (
                Move.PRESS_COMMITMENT, Move.CONFIRM_COMMITMENT, Move.ASK_PAYMENT_TODAY) for tm in d.times if tm.due]
            if proposal_times:
                last_proposal = (max(proposal_times), u.amounts[0] if u.amounts else None)
            continue
        own = t.all(Move.COMMITS)
        if own:
            d = own[0]
            dues = [tm.due for tm in d.times if tm.due] or [tm.due for tm in u.times if tm.due]
            due = min(dues) if dues else None
            if due is None and last_proposal:
                due = last_proposal[0]
            if due is not None:
                amount = u.amounts[0] if u.amounts else (last_proposal[1] if last_proposal else None)
                found.append(Commitment(t.index, d.quote, due, amount))
                continue
        agree = t.all(Move.AGREES)
        if agree and last_proposal and not t.all(Move.REFUSES):
            found.append(Commitment(t.index, agree[0].quote, last_proposal[0], last_proposal[1]))
        last_proposal = None if t.all(Move.REFUSES) else last_proposal
    return found


def _ev(turn: ReadTurn, d: Detection) -> Evidence:
    return Evidence(turn=turn.index, quote=d.quote)


class _Scoring:
    def __init__(self, transcript: Transcript, rubric: Rubric, turns: list[ReadTurn]) -> None:
        self.t = transcript
        self.rubric = rubric
        self.turns = turns
        self.trainee = [t for t in turns if t.role == "trainee"]
        self.persona = [t for t in turns if t.role == "persona"]
        self.third_party = transcript.counterpart == "third_party"
        self.lang = transcript.language
        self.commitments = commitments(turns)

    def evidence(self, turns: list[ReadTurn], move: Move, limit: int = 3) -> list[Evidence]:
        """Evidence of a move: the cues' first; where they find none, the classifier's. Either way
        the status is the hybrid reading's; the classifier runs only when the cues fall short."""
        out = [_ev(t, d) for t in turns for d in t.all(move)]
        if not out and move in CLASSIFIER_MAY_ADD:
            out = [_ev(t, d) for t in turns for d in t.all_hybrid(move)]
        seen, unique = set(), []
        for e in out:
            if (e.turn, e.quote) not in seen:
                seen.add((e.turn, e.quote))
                unique.append(e)
        return unique[:limit]

    def criterion(self, spec: CriterionSpec) -> tuple[str, list[Evidence], str | None]:
        """(status, evidence, feedback variant) for one criterion."""
        rule = spec.rule
        if rule == "ask_payment_today":
            if self.third_party:
                return "missed", [], "third_party"
            ev = self.evidence(self.trainee, Move.ASK_PAYMENT_TODAY)
            if ev:
                return "met", ev, None
            asked_when = self.evidence(self.trainee, Move.ASK_WHEN, 1)
            return "missed", asked_when, "missed_asked_when" if asked_when else None
        if rule == "find_reason":
            asked = self.evidence(self.trainee, Move.ASK_REASON)
            if not asked:
                return "missed", [], None
            reasons = self.evidence(self.persona, Move.GIVES_REASON) or self.evidence(self.persona, Move.CLAIMS_PAID)
            if reasons:
                return "met", asked[:2] + reasons[:2], None
            return "partial", asked, None
        if rule == "explain_consequences":
            ev = self.evidence(self.trainee, Move.EXPLAIN_CONSEQUENCE)
            return ("met", ev, None) if ev else ("missed", [], None)
        if rule == "secure_promise":
            found = self.commitments
            if not found:
                return "missed", self.evidence(self.persona, Move.VAGUE_PROMISE, 1), None
            deadline = datetime.combine(self.t.started_at.date() + timedelta(days=self.rubric.promise_window_days), time(23, 59, 59))
            good = [c for c in found if c.due <= deadline]
            chosen = good or found
            ev = [Evidence(turn=c.turn, quote=c.quote) for c in chosen[-2:]]
            return ("met" if good else "partial"), ev, None
        if rule == "trainee_move":
            ev = self.evidence(self.trainee, spec.move)  # type: ignore[arg-type]
            return ("met", ev, None) if ev else ("missed", [], None)
        raise AssertionError(f"unknown rule {rule}")  # pragma: no cover - pydantic forbids it

    def violations(self) -> list[Violation]:
        out: list[Violation] = []
        for spec in self.rubric.violations:
            if spec.rule == "abuse":
                moves = (Move.ABUSE,)
            elif spec.rule == "threat":
                moves = (Move.THREAT,)
            elif self.third_party:
                moves = (Move.STATE_DEBT, Move.THIRD_PARTY_PAY, Move.ASK_PAYMENT_TODAY)
            else:
                continue
            for t in self.trainee:
                d = next((d for d in t.understanding.detections if d.move in moves), None)
                if d:
                    out.append(Violation(id=spec.id, turn=t.index, quote=d.quote, feedback=spec.feedback.get(self.lang)))
        out.sort(key=lambda v: (v.turn, v.id))
        return out

    def promise(self) -> Promise | None:
        found = self.commitments
        if not found:
            return None
        c = found[-1]
        return Promise(due=c.due, amount=c.amount)


def score_transcript(transcript: Transcript, rubric: Rubric, turns: list[ReadTurn] | None = None) -> Report:
    """The score report of one call (CONTRACT section 3)."""
    s = _Scoring(transcript, rubric, turns if turns is not None else read_turns(transcript))
    results: list[CriterionResult] = []
    credit = {"met": 1.0, "partial": rubric.partial_credit, "missed": 0.0}
    total = earned = 0.0
    for spec in rubric.criteria:
        status, evidence, variant = s.criterion(spec)
        fb = spec.feedback
        text = getattr(fb, variant) if variant and getattr(fb, variant) else getattr(fb, status) or fb.missed
        results.append(CriterionResult(id=spec.id, title=spec.title.get(s.lang), status=status, evidence=evidence,
                                       feedback=text.get(s.lang), weight=spec.weight))
        total += spec.weight
        earned += spec.weight * credit[status]
    violations = s.violations()
    blocked = sorted({v.id for v in violations}, key=[v.id for v in rubric.violations].index)
    score = round(100 * earned / total) if total else 0
    score = max(0, score - rubric.violation_penalty * len(blocked))
    passed = score >= rubric.pass_score and not blocked
    met = sum(r.status == "met" for r in results)
    if s.lang == "es":
        summary = (f"Bloqueada por una infracción: {', '.join(blocked)}. " if blocked else "") + \
            f"{met} de {len(results)} criterios cumplidos; {'aprobada' if passed else 'no aprobada'} (mínimo {rubric.pass_score})."
    else:
        summary = (f"Blocked by a compliance violation: {', '.join(blocked)}. " if blocked else "") + \
            f"{met} of {len(results)} criteria met; {'passed' if passed else 'not passed'} (pass mark {rubric.pass_score})."
    return Report(rubric=rubric.id, score=score, passed=passed, blocked_by=blocked, criteria=results,
                  violations=violations, promise=s.promise(), summary=summary)
