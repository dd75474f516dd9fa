"""The persona policy: how a debtor moves in response to the trainee's moves. Pure, no I/O.

The same policy directs every voice: the scripted renderer and the LLM voice both turn its
``Decision`` into words, so what a persona reveals, concedes and commits to is decided here only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta

from simulator.persona.model import CommitSlot, Persona, Steps
from simulator.understanding import Move, Understanding

SLOT_TIMES: dict[str, tuple[int, time | None]] = {
    # slot: (days after the call, clock time; None means 'now')
    "now": (0, None),
    "today_evening": (0, time(18, 0)),
    "tonight": (0, time(23, 0)),
    "tomorrow_morning": (1, time(12, 0)),
    "tomorrow_noon": (1, time(12, 0)),
    "tomorrow_evening": (1, time(18, 0)),
    "day_after": (2, time(23, 59)),
}


def slot_due(slot: str, started_at: datetime) -> datetime:
    days, at = SLOT_TIMES[slot]
    if at is None:
        return started_at
    return datetime.combine(started_at.date() + timedelta(days=days), at)


@dataclass(frozen=True)
class Commitment:
    """What the persona has committed to: the call's outcome. ``slot`` None means the far date."""

    due: datetime
    amount: float | None
    slot: str | None
    rest_due: datetime | None = None


@dataclass(frozen=True)
class Facts:
    """The per-call draw: the card's details and which version of the hidden truth holds."""

    name: str
    lender: str
    amount: float
    days_overdue: int
    reason: str
    slot: CommitSlot
    far_date: datetime | None
    currency: str
    relation: str | None = None
    respondent: str | None = None
    paid_amount: float | None = None
    paid_date: datetime | None = None


@dataclass(frozen=True)
class State:
    turn: int = 0
    identity_done: bool = False
    excuse_given: bool = False
    reason_revealed: bool = False
    asked_today: bool = False
    presses: int = 0
    probes: int = 0
    consequences: frozenset[str] = frozenset()
    funding: bool = False
    empathy: int = 0
    anger: int = 0
    hung_up: bool = False
    verified: frozenset[str] = frozenset()
    shortfall_revealed: bool = False
    disclosed: bool = False
    callback_given: bool = False
    commitment: Commitment | None = None


@dataclass(frozen=True)
class Decision:
    """One persona turn, before it is put into words."""

    acts: tuple[str, ...]
    state: State
    commitment: Commitment | None = None      # made (or restated) in this turn
    hung_up: bool = False
    released: frozenset[str] = field(default_factory=frozenset)  # hidden facts the voice may now use


class Policy:
    """Reads a trainee message's moves; returns the persona's next decision."""

    def __init__(self, persona: Persona, difficulty: str, facts: Facts, started_at: datetime) -> None:
        self.persona = persona
        self.steps: Steps = persona.steps[difficulty]  # type: ignore[index]
        self.facts = facts
        self.started_at = started_at
        self.third_party = persona.counterpart == "third_party"

    def released(self, s: State) -> frozenset[str]:
        out = {"excuse"} if s.excuse_given else set()
        if s.reason_revealed:
            out.add("reason")
        if s.shortfall_revealed:
            out.add("shortfall")
        if s.commitment:
            out.add("commitment")
        if self.persona.hidden.paid and s.excuse_given:
            out.update(f"paid_{k}" for k in s.verified)
        return frozenset(out)

    def step(self, s: State, u: Understanding) -> Decision:
        s = replace(s, turn=s.turn + 1)
        if not u.text.strip():
            return self._decide(s, ["silence"])
        if u.other_language and not u.detections:
            return self._decide(s, ["other_language"])
        if u.has(Move.ABUSE) or u.has(Move.THREAT):
            anger = s.anger + 1 + (1 if u.has(Move.THREAT) and u.has(Move.ABUSE) else 0)
            s = replace(s, anger=anger)
            if anger >= self.persona.temperament.patience:
                return self._decide(replace(s, hung_up=True), ["hang_up_abuse"], hung_up=True)
            return self._decide(s, ["abuse_warning"])
        if self.third_party:
            return self._third_party(s, u)
        return self._debtor(s, u)

    # -- a relative, colleague or anyone who is not the debtor ------------------------------------
    def _third_party(self, s: State, u: Understanding) -> Decision:
        if u.has(Move.STATE_DEBT) or u.has(Move.THIRD_PARTY_PAY) or u.has(Move.ASK_PAYMENT_TODAY) \
                or u.has(Move.EXPLAIN_CONSEQUENCE):
            if s.disclosed:
                return self._decide(replace(s, hung_up=True), ["angry_hang_up"], hung_up=True)
            return self._decide(replace(s, disclosed=True), ["shocked_disclosure"])
        if u.has(Move.ASK_CALLBACK):
            return self._decide(replace(s, callback_given=True), ["give_callback_time"])
        if u.has(Move.CONFIRM_IDENTITY) and not s.identity_done:
            return self._decide(replace(s, identity_done=True), ["not_home"])
        if u.has(Move.IDENTIFY_SELF) or u.has(Move.CONFIRM_IDENTITY):
            return self._decide(s, ["what_is_it_about"])
        if not u.detections:
            return self._decide(s, ["off_topic"])
        return self._decide(s, ["relative_stalling"])

    # -- the debtor ------------------------------------------------------------------------------
    def _debtor(self, s: State, u: Understanding) -> Decision:
        acts: list[str] = []
        hidden = self.persona.hidden
        steps = self.steps
        if u.has(Move.CONFIRM_IDENTITY) and not s.identity_done:
            acts.append("greeting")
            s = replace(s, identity_done=True)
        payment_raised = any(u.has(m) for m in (Move.STATE_DEBT, Move.ASK_PAYMENT_TODAY, Move.ASK_WHEN,
                                                Move.PRESS_COMMITMENT, Move.ASK_REASON, Move.EXPLAIN_CONSEQUENCE))
        if payment_raised and not s.excuse_given:
            acts.append("excuse")
            s = replace(s, excuse_given=True, identity_done=True)
        elif u.has(Move.IDENTIFY_SELF) and not acts and not s.excuse_given:
            acts.append("who_is_calling")
            s = replace(s, identity_done=True)

        if u.has(Move.EMPATHISE):
            s = replace(s, empathy=s.empathy + 1)
        if u.has(Move.ASK_PAYMENT_TODAY):
            s = replace(s, asked_today=True)
        if u.has(Move.PRESS_COMMITMENT) and s.asked_today:
            s = replace(s, presses=s.presses + 1)
        if u.has(Move.SUGGEST_FUNDING):
            s = replace(s, funding=True)
        moving = u.kinds(Move.EXPLAIN_CONSEQUENCE) & {k.value for k in hidden.moved_by}
        new_moving = moving - s.consequences
        s = replace(s, consequences=s.consequences | moving)

        if hidden.paid and s.excuse_given and not s.shortfall_revealed:
            asked = u.kinds(Move.VERIFY_PAYMENT)
            for kind in ("amount", "date", "channel"):
                if kind in asked:
                    acts.append(f"answer_{kind}")
            s = replace(s, verified=s.verified | asked)
            if len(s.verified) >= steps.verify:
                acts = [a for a in acts if a != "answer_channel" or "channel" in asked][-1:] + ["realize_shortfall"]
                s = replace(s, shortfall_revealed=True, reason_revealed=True)
            elif not asked and (u.has(Move.ASK_PAYMENT_TODAY) or u.has(Move.PRESS_COMMITMENT)
                                or u.has(Move.ASK_REASON) or u.has(Move.STATE_DEBT)) and "excuse" not in acts:
                acts.append("insist_paid")
            return self._finish(s, acts, u, allow_commit=False)

        if u.has(Move.ASK_REASON) and "excuse" not in acts[-1:]:
            probes = s.probes + 1
            s = replace(s, probes=probes)
            if s.reason_revealed:
                acts.append("elaborate_reason")
            elif probes >= steps.probes and (not hidden.reveal_needs_empathy or s.empathy > 0):
                acts.append("reveal_reason")
                s = replace(s, reason_revealed=True)
            else:
                acts.append("deflect_reason")
        elif u.has(Move.ASK_REASON):
            s = replace(s, probes=s.probes + 1)
        if new_moving:
            acts.append("consequence_moved")
        elif u.has(Move.EXPLAIN_CONSEQUENCE) and not acts:
            acts.append("consequence_shrug")
        if u.has(Move.SUGGEST_FUNDING) and (hidden.needs_funding or not acts):
            acts.append("funding_considered")
        if u.has(Move.ASK_WHEN) and not u.has(Move.ASK_PAYMENT_TODAY) and s.commitment is None:
            acts.append("far_date")
            if self.facts.far_date is not None:
                s = replace(s, commitment=Commitment(self.facts.far_date, None, None))
        return self._finish(s, acts, u, allow_commit=True)

    def ready(self, s: State) -> bool:
        hidden, steps = self.persona.hidden, self.steps
        return (s.asked_today and s.presses >= steps.presses + max(0, s.anger - 1)
                and len(s.consequences) >= steps.consequences
                and (s.funding or not hidden.needs_funding)
                and (s.reason_revealed or steps.probes < 2)
                and (s.shortfall_revealed or not hidden.paid))

    def _finish(self, s: State, acts: list[str], u: Understanding, allow_commit: bool) -> Decision:
        committed = s.commitment is not None and s.commitment.slot is not None
        wants_commitment = any(u.has(m) for m in (Move.PRESS_COMMITMENT, Move.ASK_PAYMENT_TODAY,
                                                  Move.SUGGEST_FUNDING, Move.CONFIRM_COMMITMENT))
        made: Commitment | None = None
        if not committed and self.ready(s) and wants_commitment:
            made = self._commitment()
            s = replace(s, commitment=made)
            acts = [a for a in acts if a not in ("far_date", "cannot_today")][:1] + ["commit"]
        elif committed and u.has(Move.CONFIRM_COMMITMENT):
            acts.append("confirm")
            made = s.commitment
        elif u.has(Move.CONFIRM_COMMITMENT) and not committed:
            acts.append("no_agreement")
        elif wants_commitment and not committed and allow_commit:
            hidden = self.persona.hidden
            if hidden.needs_funding and not s.funding and (u.has(Move.PRESS_COMMITMENT) or u.has(Move.ASK_PAYMENT_TODAY)):
                acts.append("no_money_for_it" if s.excuse_given and "excuse" not in acts else "cannot_today")
            elif u.has(Move.ASK_PAYMENT_TODAY) and "excuse" not in acts:
                acts.append("cannot_today")
            elif len(s.consequences) < self.steps.consequences and u.has(Move.PRESS_COMMITMENT):
                acts.append("why_hurry")
            elif u.has(Move.PRESS_COMMITMENT):
                acts.append("hesitate")
        elif committed and wants_commitment and not acts:
            acts.append("confirm")
            made = s.commitment
        if not acts:
            if u.has(Move.EMPATHISE):
                acts.append("thanks_empathy")
            elif not u.detections:
                acts.append("off_topic")
            else:
                acts.append("stalling")
        # Keep replies short, like a person on the phone: at most two acts, the decisive one last.
        if len(acts) > 2:
            acts = [acts[0], acts[-1]]
        return self._decide(s, acts, commitment=made)

    def _commitment(self) -> Commitment:
        f, hidden = self.facts, self.persona.hidden
        due = slot_due(f.slot, self.started_at)
        if 0 < hidden.today_share < 1:
            part = round(f.amount * hidden.today_share / 10) * 10 or f.amount
            today_due = slot_due("today_evening", self.started_at)
            if today_due <= self.started_at:
                today_due = slot_due("tonight", self.started_at)
            return Commitment(today_due, float(part), "part_today", rest_due=due)
        amount = f.amount - f.paid_amount if hidden.paid and f.paid_amount else f.amount  # only what is left
        return Commitment(due, amount, f.slot)

    def _decide(self, s: State, acts: list[str], *, commitment: Commitment | None = None,
                hung_up: bool = False) -> Decision:
        return Decision(tuple(acts), s, commitment, hung_up, self.released(s))
