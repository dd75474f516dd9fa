"""One practice call: the orchestrator between the trainee, the persona policy and a voice.

``Call.say`` is the whole scripted turn. Voices that speak differently (the LLM) use the same
three steps — ``decide``, put the decision into words, ``record`` — so the policy alone decides
what the persona concedes. A call is replayable: the same persona, seed, language, difficulty and
trainee messages give the same call, which is also how a stored call is resumed.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.errors import DojoInputError
from simulator.persona import Decision, LoadedPersona, Policy, State
from simulator.persona.facts import draw_facts, money, template_values
from simulator.persona.scripted import render
from simulator.report import Outcome, Promise, Report
from simulator.transcript import MAX_TURN_CHARS, Transcript, Turn
from simulator.understanding import understand


@dataclass(frozen=True)
class Reply:
    text: str
    decision: Decision
    hung_up: bool
    meta: dict[str, Any] = field(default_factory=dict)


class CallOver(DojoInputError):
    """The persona has hung up or the call was ended; nothing more can be said in it."""


def check_message(text: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_TURN_CHARS:
        raise DojoInputError(f"message is {len(text)} characters; the limit is {MAX_TURN_CHARS} — "
                             "say it in shorter turns (nothing was sent)")
    return text


class Call:
    def __init__(self, persona: LoadedPersona, *, seed: int | None = None, language: str | None = None,
                 difficulty: str | None = None, started_at: datetime | None = None) -> None:
        p = persona.persona
        self.loaded = persona
        self.persona = p
        self.language = language or p.languages[0]
        if self.language not in p.languages:
            raise DojoInputError(f"persona {p.id!r} does not speak {self.language!r} (it speaks {', '.join(p.languages)})")
        self.difficulty = difficulty or p.difficulty
        if self.difficulty not in ("easy", "medium", "hard"):
            raise DojoInputError(f"unknown difficulty {self.difficulty!r} (easy, medium or hard)")
        self.seed = seed if seed is not None else secrets.randbelow(2**31)
        self.started_at = (started_at or datetime.now()).replace(microsecond=0, tzinfo=None)
        self.facts = draw_facts(p, self.language, self.seed, self.started_at)
        self.lines = persona.lines_by_reason[self.facts.reason]
        self.policy = Policy(p, self.difficulty, self.facts, self.started_at)
        self.state = State()
        self.ended = False
        self._used: set[str] = set()
        self.transcript = Transcript(language=self.language, started_at=self.started_at, persona=p.id,
                                     counterpart=p.counterpart, turns=[], seed=self.seed, difficulty=self.difficulty)

    # -- what the trainee may see ------------------------------------------------------------------
    def card(self) -> dict[str, Any]:
        p, f = self.persona, self.facts
        card = {"persona": p.id, "title": p.title.get(self.language), "description": p.description.get(self.language),
                "difficulty": self.difficulty, "language": self.language, "seed": self.seed,
                "debtor": f.name, "lender": f.lender, "amount": f.amount, "amount_text": money(f.amount, self.language),
                "days_overdue": f.days_overdue, "counterpart": p.counterpart,
                "started_at": self.started_at.isoformat(timespec="minutes")}
        return card

    @property
    def over(self) -> bool:
        return self.ended or self.state.hung_up

    # -- one turn ----------------------------------------------------------------------------------
    def decide(self, text: str) -> Decision:
        """The policy's next move for this trainee message; changes nothing until ``record``."""
        if self.over:
            raise CallOver("the call is over — start a new one")
        text = check_message(text)
        u = understand(text, self.language, "trainee", self.started_at, self.persona.counterpart)
        return self.policy.step(self.state, u)

    def scripted_line(self, decision: Decision) -> str:
        """The scripted words for a decision. Its phrasings count as used only once the line is
        recorded, so a turn that is cancelled (or voiced by an LLM instead) uses up nothing."""
        rng = random.Random(f"line:{self.seed}:{len(self.transcript.turns)}")
        values = template_values(self.facts, self.language, self.started_at, decision.state.commitment)
        previous = next((t.text for t in reversed(self.transcript.turns) if t.role == "persona"), None)
        used = set(self._used)
        line = render(decision.acts, self.lines, self.language, values, rng, used, previous)
        self._pending_used = (line, used)
        return line

    def record(self, trainee_text: str, decision: Decision, persona_text: str, meta: dict | None = None) -> Reply:
        self.transcript.turns.append(Turn(role="trainee", text=check_message(trainee_text)))
        turn = Turn(role="persona", text=persona_text)
        if meta:
            turn.meta = meta  # type: ignore[attr-defined]  # extra fields are kept by the model
        self.transcript.turns.append(turn)
        self.state = decision.state
        pending = getattr(self, "_pending_used", None)
        if pending and pending[0] == persona_text:
            self._used = pending[1]
        self._pending_used = None
        return Reply(persona_text, decision, decision.hung_up, meta or {})

    def say(self, text: str) -> Reply:
        decision = self.decide(text)
        return self.record(text, decision, self.scripted_line(decision))

    def end(self) -> None:
        self.ended = True

    # -- results ------------------------------------------------------------------------------------
    def outcome(self) -> Outcome:
        c = self.state.commitment
        promise = Promise(due=c.due, amount=c.amount) if c else None
        return Outcome(promise=promise, hung_up=self.state.hung_up)

    def score(self, rubric_id: str = "collection-call") -> Report:
        from simulator.rubric import load_rubric, score_transcript
        return score_transcript(self.transcript, load_rubric(rubric_id))

    def result_json(self, rubric_id: str = "collection-call") -> dict[str, Any]:
        """``dojo play --json``: transcript, report and outcome (CONTRACT section 1)."""
        return {"transcript": self.transcript.to_json(), "report": self.score(rubric_id).to_json(),
                "outcome": self.outcome().to_json(), "card": self.card()}

    @classmethod
    def replay(cls, persona: LoadedPersona, trainee_messages: list[str], **options: Any) -> "Call":
        call = cls(persona, **options)
        for text in trainee_messages:
            if call.over:
                break
            call.say(text)
        return call
