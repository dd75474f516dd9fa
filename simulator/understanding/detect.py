"""Reading one message: which moves it makes, with the exact span of text that shows each.

A pure function of the text, the speaker's role, the language and the call's start time. Patterns
come from ``lexicon_en`` / ``lexicon_es``; this module combines them (e.g. "ask for payment today"
needs a payment cue, a time that resolves to today and a request form in one sentence) and
applies negation scopes ("I'm not saying it will hurt your credit").
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from types import ModuleType

from simulator.understanding import lexicon_en, lexicon_es
from simulator.understanding.moves import (ConsequenceKind, Detection, Move, PaymentDetail, TimeRef,
                                           Understanding)
from simulator.understanding.text import Sentence, clause_before, fold, sentences
from simulator.understanding.times import END_OF_DAY, find_times

_LEXICONS: dict[str, ModuleType] = {"en": lexicon_en, "es": lexicon_es}
MAX_QUOTE = 220


class _Lex:
    """A language's lexicon, compiled once."""

    def __init__(self, mod: ModuleType) -> None:
        def c(name: str) -> re.Pattern:
            return re.compile(getattr(mod, name))

        for name in ("NEGATION", "NEGATION_EXEMPT", "HEDGE", "PAY", "TODAY", "REQUEST", "PAST_QUESTION",
                     "CONFIRM_IDENTITY", "IDENTITY_TARGET", "IDENTITY_TRAP", "IDENTIFY_SELF",
                     "IDENTIFY_SELF_TRAP", "DEBT", "DEBT_TRAP", "ASK_WHEN", "ASK_REASON", "ASK_REASON_TRAP",
                     "FUNDING", "PRESS", "CONFIRM", "CONFIRM_NEEDS_TIME", "EMPATHY", "EMPATHY_TRAP",
                     "VERIFY_CONTEXT", "CALLBACK", "THIRD_PARTY_PAY", "ABUSE", "ABUSE_TRAP", "THREAT",
                     "THREAT_COURT_OK", "THREAT_TRAP", "REASON", "REASON_TRAP", "COMMIT_VERB", "AFFIRM",
                     "IDENTITY_ANSWER", "PAY_NOW", "VAGUE_PAY", "REFUSE", "CLAIMS_PAID"):
            setattr(self, name, c(name))
        self.CONSEQUENCE = {kind: re.compile(p) for kind, p in mod.CONSEQUENCE.items()}
        self.VERIFY = {kind: re.compile(p) for kind, p in mod.VERIFY.items()}


@lru_cache(maxsize=None)
def _lex(language: str) -> _Lex:
    return _Lex(_LEXICONS.get(language, lexicon_en))


_STOP_EN = re.compile(r"\b(?:the|you|your|is|are|and|what|when|will|can|pay|today|please|i|to|it|my|this)\b")
_STOP_ES = re.compile(r"\b(?:el|la|los|usted|que|es|de|por|para|pagar|hoy|su|no|lo|yo|una|mi|con|esta)\b")
_AMOUNT = re.compile(
    r"(?:[$€£]\s?(\d[\d.,]*\d|\d)(?:\s?(?:k|mil)\b)?|(\d[\d.,]*\d|\d)\s?(?:dollars|dolares|euros?|usd|eur|pesos|bucks|€|\$)|"
    r"\b(?:the|los|las|pay|pagar|of|de|full|entire|total|only|solo|just)\s(\d{2,}(?:[.,]\d{3})*(?:[.,]\d{1,2})?)\b(?!\s*(?:am|pm|a\.m|p\.m|st|nd|rd|th|:|days?|dias?|hours?|horas?|minutes?|de (?:la|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|o'clock|%|percent|por ciento)))")


def parse_amount(raw: str) -> float | None:
    """'3.000' and '3,000' are thousands; '1,250.50' and '1.250,50' carry decimals."""
    s = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s):
        return float(re.sub(r"[.,]", "", s))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*\.\d{1,2}", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{1,2}", s):
        return float(s.replace(".", "").replace(",", "."))
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def find_amounts(folded: str) -> tuple[float, ...]:
    out = []
    for m in _AMOUNT.finditer(folded):
        raw = m.group(1) or m.group(2) or m.group(3)
        value = parse_amount(raw) if raw else None
        if value is not None:
            tail = folded[m.end(): m.end() + 5]
            if m.group(1) and re.match(r"\s?(?:k|mil)\b", folded[m.start() + len(m.group(0)) - 4: m.end()] or ""):
                value *= 1000
            out.append(value)
            del tail
    return tuple(out)


def _quote(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The evidence span in the message: the sentence, or the clause around the match if long."""
    if sentence.end - sentence.start <= MAX_QUOTE:
        return sentence.start, sentence.end
    local_s, local_e = start - sentence.start, end - sentence.start
    text = sentence.text
    left = max(text.rfind(",", 0, local_s), text.rfind(" - ", 0, local_s), local_s - 100)
    right_c = [i for i in (text.find(",", local_e), text.find(" - ", local_e)) if i != -1]
    right = min(right_c + [local_e + 100, len(text)])
    a, b = sentence.start + max(left + 1, 0), sentence.start + right
    while a < b and sentence.text[a - sentence.start].isspace():
        a += 1
    return a, b


class _Reader:
    """Detections for one message (a small object so the per-move rules read as a list)."""

    def __init__(self, text: str, language: str, role: str, started_at: datetime, counterpart: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.language = language
        self.lex = _lex(language)
        self.role = role
        self.started_at = started_at
        self.counterpart = counterpart
        self.times = find_times(self.folded, language, started_at)
        self.found: list[Detection] = []

    # -- helpers -------------------------------------------------------------------------------
    def add(self, move: Move, sent: Sentence, m: re.Match, kind: str | None = None,
            times: tuple[TimeRef, ...] = ()) -> None:
        s, e = sent.start + m.start(), sent.start + m.end()
        qs, qe = _quote(sent, s, e)
        self.found.append(Detection(move, qs, qe, self.text[qs:qe], kind, times))

    def sentence_times(self, sent: Sentence) -> tuple[TimeRef, ...]:
        return tuple(t for t in self.times if sent.start <= t.start < sent.end)

    def negated(self, sent: Sentence, pos: int) -> bool:
        scope = clause_before(sent.folded, pos)
        neg = self.lex.NEGATION.search(scope)
        if not neg:
            return False
        exempt = self.lex.NEGATION_EXEMPT.search(scope)
        return not (exempt and exempt.start() <= neg.start())

    def is_today(self, t: TimeRef) -> bool:
        return t.due is not None and t.due.date() == self.started_at.date()

    def is_specific(self, t: TimeRef) -> bool:
        """A time a promise can be held to: a clock time, or a named day other than 'today'."""
        if t.due is None:
            return False
        return t.due.date() != self.started_at.date() or t.due.time() != END_OF_DAY

    # -- trainee ---------------------------------------------------------------------------------
    def trainee(self, sent: Sentence) -> None:
        L, f = self.lex, sent.folded
        times = self.sentence_times(sent)
        question = "?" in sent.text or self.text[sent.end:sent.end + 1] == "?" or sent.text.startswith("¿")

        m = L.CONFIRM_IDENTITY.search(f)
        if m and not L.IDENTITY_TRAP.match(f, m.end(), m.end() + 25) and (
                L.IDENTITY_TARGET.search(f, m.start()) or re.search(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+", sent.text[m.end():])):
            self.add(Move.CONFIRM_IDENTITY, sent, m)
        m = L.IDENTIFY_SELF.search(f)
        if m and not L.IDENTIFY_SELF_TRAP.search(f):
            self.add(Move.IDENTIFY_SELF, sent, m)
        m = L.DEBT.search(f)
        if m and not L.DEBT_TRAP.search(f):
            self.add(Move.STATE_DEBT, sent, m)

        pay = L.PAY.search(f)
        request = L.REQUEST.search(f)
        today = [t for t in times if self.is_today(t)] if times else ([None] if L.TODAY.search(f) else [])
        past = L.PAST_QUESTION.search(f)
        asked_today = False
        if pay and today and (request or question) and not (past and past.start() < pay.start() + 12 and not request):
            if not self.negated(sent, pay.start()) or request:
                self.add(Move.ASK_PAYMENT_TODAY, sent, pay, times=times)
                asked_today = True
        m = L.ASK_WHEN.search(f)
        if m and not asked_today:
            self.add(Move.ASK_WHEN, sent, m)
        m = L.ASK_REASON.search(f)
        if m and not L.ASK_REASON_TRAP.search(f):
            self.add(Move.ASK_REASON, sent, m)

        threat = self._threat(sent)
        for kind, pattern in L.CONSEQUENCE.items():
            m = pattern.search(f)
            if m and not self.negated(sent, m.start()) and not (threat and kind == ConsequenceKind.LEGAL.value):
                self.add(Move.EXPLAIN_CONSEQUENCE, sent, m, kind=kind)
        m = L.FUNDING.search(f)
        if m and not self.negated(sent, m.start()):
            self.add(Move.SUGGEST_FUNDING, sent, m)

        m = L.PRESS.search(f)
        if m:
            self.add(Move.PRESS_COMMITMENT, sent, m, times=times)
        elif pay and (request or question) and any(self.is_specific(t) for t in times) and not past:
            self.add(Move.PRESS_COMMITMENT, sent, pay, times=times)
        m = L.CONFIRM.search(f)
        if m and (not L.CONFIRM_NEEDS_TIME.match(f, m.start()) or times):
            self.add(Move.CONFIRM_COMMITMENT, sent, m, times=times)
        m = L.EMPATHY.search(f)
        if m and not L.EMPATHY_TRAP.search(f) and not self.negated(sent, m.start()):
            self.add(Move.EMPATHISE, sent, m)
        if L.VERIFY_CONTEXT.search(f):
            for kind, pattern in L.VERIFY.items():
                m = pattern.search(f)
                if m:
                    self.add(Move.VERIFY_PAYMENT, sent, m, kind=kind)
        m = L.CALLBACK.search(f)
        if m:
            self.add(Move.ASK_CALLBACK, sent, m)
        m = L.THIRD_PARTY_PAY.search(f)
        if m:
            self.add(Move.THIRD_PARTY_PAY, sent, m)
        m = L.ABUSE.search(f)
        if m and not L.ABUSE_TRAP.search(f) and not self.negated(sent, m.start()):
            self.add(Move.ABUSE, sent, m)
        if threat:
            self.add(Move.THREAT, sent, threat)

    def _threat(self, sent: Sentence) -> re.Match | None:
        L, f = self.lex, sent.folded
        for m in L.THREAT.finditer(f):
            word = m.group(0)
            if re.match(r"(?:seize|confiscate|repossess|garnish|embarg|take|quitar|incautar|confiscar)", word) and L.THREAT_COURT_OK.search(f):
                continue
            if L.THREAT_TRAP.search(f) or self.negated(sent, m.start()):
                continue
            return m
        return None

    # -- persona -----------------------------------------------------------------------------------
    def persona(self, sent: Sentence, first: bool) -> None:
        L, f = self.lex, sent.folded
        times = self.sentence_times(sent)
        m = L.REASON.search(f)
        if m and not L.REASON_TRAP.search(f) and not re.search(r"\b(?:because|porque) (?:i |yo )?(?:just )?(?:don'?t|do not|no) (?:have|tengo)\b", f):
            self.add(Move.GIVES_REASON, sent, m)
        claims = L.CLAIMS_PAID.search(f)
        if claims and not self.negated(sent, claims.start()):
            self.add(Move.CLAIMS_PAID, sent, claims)
        refuse = L.REFUSE.search(f)
        hedge = L.HEDGE.search(f)
        question = "?" in sent.text or sent.text.startswith("¿")
        committed = False
        now = L.PAY_NOW.search(f)
        if now and not hedge and not claims:
            self.add(Move.COMMITS, sent, now, times=times)
            committed = True
        specific = [t for t in times if t.due is not None]
        verb = L.COMMIT_VERB.search(f)
        affirm = L.AFFIRM.search(f)
        short = len(f.split()) <= 9
        if not committed and specific and not hedge and not question and not claims:
            anchor = verb or affirm or (re.search(r"\S", f) if short else None)
            if anchor and not self._commit_negated(f) and not (refuse and refuse.start() < (verb.start() if verb else len(f))):
                self.add(Move.COMMITS, sent, anchor, times=times)
                committed = True
        if not committed and not claims and not question:
            vague = L.VAGUE_PAY.search(f)
            vague_time = next((t for t in times if t.vague), None)
            if (vague or (verb and (hedge or vague_time))) and not self._commit_negated(f):
                self.add(Move.VAGUE_PROMISE, sent, vague or verb)
        if affirm and first and not L.IDENTITY_ANSWER.search(f) and not refuse and not claims and not question \
                and not re.search(r"\b(?:but|pero)\b", f):
            self.add(Move.AGREES, sent, affirm)
        if refuse and not committed:
            self.add(Move.REFUSES, sent, refuse)

    def _commit_negated(self, f: str) -> bool:
        if self.language == "es":
            f = re.sub(r"\bno (?:hay problema|se preocupe|te preocupes)\b", "", f)
            return bool(re.search(r"\bno\b|\bnunca\b|\bimposible\b|\bni hablar\b", f))
        f = re.sub(r"\b(?:no problem|not a problem|no worries|why not|don'?t worry)\b", "", f)
        return bool(re.search(r"\b(?:can'?t|cannot|won'?t|will not|not|never|unable|no|don'?t|couldn'?t|nope)\b|n't\b", f))

    def read(self) -> Understanding:
        sents = sentences(self.text, self.folded)
        for i, sent in enumerate(sents):
            if self.role == "trainee":
                self.trainee(sent)
            else:
                self.persona(sent, first=i == 0)
        en = len(_STOP_EN.findall(self.folded))
        es = len(_STOP_ES.findall(self.folded))
        other = (es >= 3 and en <= es // 3) if self.language == "en" else (en >= 3 and es <= en // 3)
        return Understanding(self.text, tuple(self.found), tuple(self.times), find_amounts(self.folded), other)


def understand(text: str, language: str = "en", role: str = "trainee",
               started_at: datetime | None = None, counterpart: str = "debtor") -> Understanding:
    """Read one message. ``role`` is 'trainee' or 'persona'; times resolve against ``started_at``."""
    start = started_at or datetime.now().replace(microsecond=0)
    return _Reader(text or "", language, role, start, counterpart).read()
