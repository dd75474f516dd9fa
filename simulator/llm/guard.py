"""The guard: checks an LLM-voiced persona line against the policy's decision before it is recorded.

The persona policy decides what a persona concedes; the LLM only puts it into words. So a line is
rejected when what the rubric scorer would read in it differs from what the decision allows — a
promise the policy did not make or at another time, a reason it has not released, a payment claim
contrary to the facts — or when it breaks the fiction (speaks as the collector or as an AI,
mentions its instructions, is empty, too long or in the wrong language).

It reads lines with the scorer's own ``understand()`` and ``commitments()``, so the guard protects
exactly what the score is computed from. The dialogue reader is not perfect, so move checks are
calibrated on the persona's own scripted phrasings for the same acts: whatever those may show, the
LLM line may show too (the guard never demands more than the scripted voice would do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from simulator.persona import Decision
from simulator.rubric.scorer import ReadTurn, commitments
from simulator.transcript import Transcript
from simulator.understanding import Move, Understanding, understand
from simulator.understanding.text import fold

MAX_LINE_CHARS = 600

# Trainee moves that mean the persona is speaking the collector's part. Others the reader finds in
# persona lines ("I understand", "my brother could lend it", "the installment I owe") are normal.
COLLECTOR_MOVES = frozenset({Move.ASK_PAYMENT_TODAY, Move.EXPLAIN_CONSEQUENCE, Move.PRESS_COMMITMENT,
                             Move.CONFIRM_COMMITMENT, Move.VERIFY_PAYMENT, Move.THREAT, Move.THIRD_PARTY_PAY,
                             Move.ASK_CALLBACK})
# Acts whose natural wording echoes the collector: reacting to a consequence repeats it, and so on.
_ECHO_ALLOWED: dict[str, frozenset[Move]] = {
    "consequence_moved": frozenset({Move.EXPLAIN_CONSEQUENCE}),
    "consequence_shrug": frozenset({Move.EXPLAIN_CONSEQUENCE}),
    "why_hurry": frozenset({Move.EXPLAIN_CONSEQUENCE}),
    "commit": frozenset({Move.PRESS_COMMITMENT, Move.CONFIRM_COMMITMENT}),
    "confirm": frozenset({Move.PRESS_COMMITMENT, Move.CONFIRM_COMMITMENT}),
    "cannot_today": frozenset({Move.ASK_PAYMENT_TODAY}),
}

_CHARACTER_BREAK = {
    "en": re.compile(
        r"\bas an ai\b|\ban ai\b|\bai (?:model|assistant)\b|\blanguage model\b|\bi'?m an assistant\b|"
        r"\bi am an assistant\b|\bvirtual assistant\b|\bchatgpt\b|\bopenai\b|\bsystem prompt\b|\bprompt\b|"
        r"\binstructions?\b|\brole-?play\b|\bin character\b|\bprivate direction\b|\bscript(?:ed)?\b"),
    "es": re.compile(
        r"\bcomo (?:una )?ia\b|\bsoy una ia\b|\binteligencia artificial\b|\bmodelo de (?:lenguaje|idioma)\b|"
        r"\bsoy (?:un|una) asistente\b|\basistente virtual\b|\bchatgpt\b|\bopenai\b|\bprompt\b|"
        r"\binstrucci(?:on|ones)\b|"
        r"\bindicaciones\b|\bjuego de rol\b|\bguion\b"),
}
_ROLE_LABEL = re.compile(r"(?:^|\n|\s)(?:collector|trainee|agent|debtor|persona|customer|user|assistant|system|"
                         r"cobrador|agente|deudor|cliente|usuario|asistente|sistema)\s*:")
_DENIES_PAYMENT = {
    "en": re.compile(r"\b(?:haven'?t|have not|never|didn'?t|did not|hasn'?t)\s+(?:yet\s+|actually\s+)?pa(?:id|y)\b"),
    "es": re.compile(r"\bno (?:he|hemos|lo he|le he|se lo he) pagado\b|\bnunca (?:he pagado|pague|pagamos)\b|"
                     r"\btodavia no (?:he )?pag"),
}


@dataclass(frozen=True)
class GuardContext:
    """Everything the guard compares a line with: the decision, the call so far and the reference lines."""

    language: str
    started_at: datetime
    counterpart: str
    decision: Decision
    history: tuple[tuple[str, str], ...]   # (role, text) of the turns before this one
    trainee_text: str
    scripted: str                          # the line the scripted voice would say for this decision
    reference: tuple[str, ...]             # every scripted phrasing of the decision's acts, rendered
    act_names: frozenset[str]
    paid_persona: bool                     # the persona's hidden facts say it did pay (part of) the debt


@dataclass(frozen=True)
class Verdict:
    """``ok``, or the first problem found: a short code (recorded as the fallback reason) and a detail."""

    ok: bool
    reason: str | None = None
    detail: str = ""


PASS = Verdict(True)

# Why a line was rejected, as the LLM is told when asked to try again.
PROBLEMS = {
    "empty": "it was empty",
    "too_long": f"it was longer than {MAX_LINE_CHARS} characters; say it in one to three short sentences",
    "character": "it stepped out of the role (it mentioned being an AI, instructions, a prompt or a script)",
    "collector": "it spoke the collector's part; say only your own words",
    "wrong_language": "it was in the wrong language",
    "over_concedes": "it agreed to pay at a specific time, which you have not agreed to",
    "wrong_time": "it named a different payment time or date from the one you agreed to",
    "misses_commitment": "it did not say the payment time and amount you agree to",
    "wrong_amount": "it named a different amount from the one you agree to",
    "reveals_reason": "it gave a reason for not paying that you are not ready to tell",
    "claims_paid": "it claimed that you already paid, which is not true",
    "denies_payment": "it denied a payment you made",
}


def read(text: str, language: str, role: str, started_at: datetime, counterpart: str) -> Understanding:
    """``understand()`` (memoised there): the guard, the reference lines and the scorer read the same texts.

    A persona line is read as the scorer reads it (the classifier may find a reason the cues miss);
    reading it as collector speech uses the cues alone, so the classifier's recall never makes a
    persona's words count as the collector's."""
    return understand(text, language, role, started_at, counterpart, use_classifier=role == "persona")


def read_turns(transcript: Transcript) -> list[ReadTurn]:
    """The scorer's ``read_turns`` through the cache, so scoring a guarded call costs little."""
    lang, start, counterpart = transcript.language, transcript.started_at, transcript.counterpart
    return [ReadTurn(i, t.role, read(t.text, lang, t.role, start, counterpart), lang)
            for i, t in enumerate(transcript.turns)]


def check_line(line: str, ctx: GuardContext) -> Verdict:
    """Pass, or the first reason this line must not be recorded for this decision."""
    text = line.strip()
    if not text:
        return Verdict(False, "empty")
    if len(text) > MAX_LINE_CHARS:
        return Verdict(False, "too_long", f"{len(text)} characters")
    folded = fold(text)
    hit = _character_break(text, folded, ctx)
    if hit:
        return Verdict(False, "character", hit)
    persona = _read(text, "persona", ctx)
    if persona.other_language and not any(_read(r, "persona", ctx).other_language for r in ctx.reference):
        return Verdict(False, "wrong_language")
    verdict = _commitment_check(text, persona, ctx)
    if not verdict.ok:
        return verdict
    # The scripted phrasings of the same acts are read only when the line needs comparing to them.
    def in_reference(move: Move) -> bool:
        return any(_read(r, "persona", ctx).has(move) for r in ctx.reference)

    if persona.has(Move.GIVES_REASON) and "reason" not in ctx.decision.released \
            and not in_reference(Move.GIVES_REASON):
        return Verdict(False, "reveals_reason", persona.first(Move.GIVES_REASON).quote)  # type: ignore[union-attr]
    if persona.has(Move.CLAIMS_PAID) and not ctx.paid_persona and not in_reference(Move.CLAIMS_PAID):
        return Verdict(False, "claims_paid", persona.first(Move.CLAIMS_PAID).quote)  # type: ignore[union-attr]
    denial = _DENIES_PAYMENT.get(ctx.language, _DENIES_PAYMENT["en"])
    if ctx.paid_persona and denial.search(folded) and not any(denial.search(fold(r)) for r in ctx.reference):
        return Verdict(False, "denies_payment")
    collector = _collector_moves(text, ctx)
    collector = collector - _allowed_collector_moves(ctx) if collector else collector
    if collector:  # last: the reader sees collector moves in some persona words ("fine" as a fee)
        return Verdict(False, "collector", ", ".join(sorted(m.value for m in collector)))
    return PASS


def _read(text: str, role: str, ctx: GuardContext) -> Understanding:
    return read(text, ctx.language, role, ctx.started_at, ctx.counterpart)


def _character_break(text: str, folded: str, ctx: GuardContext) -> str | None:
    pattern = _CHARACTER_BREAK.get(ctx.language, _CHARACTER_BREAK["en"])
    m = pattern.search(folded) or _CHARACTER_BREAK["en"].search(folded) or _ROLE_LABEL.search(folded)
    if m:
        return text[m.start():m.end()].strip()
    for act in ctx.act_names:
        if ("_" in act and re.search(rf"\b{act}\b", folded)) or f"[{act}]" in folded:
            return act
    if "{" in text or "}" in text:
        return "template braces"
    return None


def _collector_moves(text: str, ctx: GuardContext) -> frozenset[Move]:
    return _read(text, "trainee", ctx).moves & COLLECTOR_MOVES


def _allowed_collector_moves(ctx: GuardContext) -> frozenset[Move]:
    allowed: set[Move] = set()
    for act in ctx.decision.acts:
        allowed |= _ECHO_ALLOWED.get(act, frozenset())
    for ref in ctx.reference:
        allowed |= _collector_moves(ref, ctx)
    return frozenset(allowed)


def _new_commitments(text: str, ctx: GuardContext) -> list:
    """What the scorer would read as a commitment in this line, given the call so far."""
    turns = [ReadTurn(i, role, _read(t, role, ctx), ctx.language) for i, (role, t) in enumerate(ctx.history)]
    turns.append(ReadTurn(len(turns), "trainee", _read(ctx.trainee_text, "trainee", ctx), ctx.language))
    turns.append(ReadTurn(len(turns), "persona", _read(text, "persona", ctx), ctx.language))
    last = len(turns) - 1
    return [c for c in commitments(turns) if c.turn == last]


def _commitment_check(text: str, persona: Understanding, ctx: GuardContext) -> Verdict:
    """No promise the policy did not make, none at another time, and the one it made, said."""
    decision = ctx.decision
    held = decision.state.commitment
    # The scorer reads a commitment only from a persona turn that commits or agrees; most turns do neither.
    found = _new_commitments(text, ctx) if persona.has(Move.COMMITS) or persona.has(Move.AGREES) else []
    allowed = {held.due, held.rest_due} - {None} if held else set()
    for c in found:
        if c.due not in allowed:
            reason = "wrong_time" if held else "over_concedes"
            return Verdict(False, reason, f"{c.quote!r} reads as due {c.due.isoformat(timespec='minutes')}")
    if held is None and persona.has(Move.COMMITS) and not any(_read(r, "persona", ctx).has(Move.COMMITS)
                                                                  for r in ctx.reference):
        return Verdict(False, "over_concedes", persona.first(Move.COMMITS).quote)  # type: ignore[union-attr]
    if held is not None and ({"commit", "confirm"} & set(decision.acts)):
        scripted_found = _new_commitments(ctx.scripted, ctx)
        if any(c.due == held.due for c in scripted_found) and not any(c.due == held.due for c in found):
            return Verdict(False, "misses_commitment")
        expected = {held.amount} | {c.amount for c in scripted_found}
        wrong = [c.amount for c in found if c.amount is not None and c.amount not in expected]
        if wrong:
            return Verdict(False, "wrong_amount", f"{wrong[0]:g}")
    return PASS
