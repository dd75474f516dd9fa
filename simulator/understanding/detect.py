"""Reading one message: which moves it makes, with the exact span of text that shows each.

A pure function of the text, the speaker's role, the language and the call's start time. Patterns
come from ``lexicon_en`` / ``lexicon_es``; this module combines them (e.g. "ask for payment today"
needs a payment cue, a time that resolves to today and a request form in one sentence) and
applies negation scopes ("I'm not saying it will hurt your credit").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from types import ModuleType

from simulator.understanding import lexicon_en, lexicon_es
from simulator.understanding.moves import (ConsequenceKind, Detection, Move, TimeRef,
                                           Understanding)
from simulator.understanding.text import Sentence, clause_before, fold, sentences
from simulator.understanding.times import END_OF_DAY, find_times

_LEXICONS: dict[str, ModuleType] = {"en": lexicon_en, "es": lexicon_es}
MAX_QUOTE = 220
_BARE_NAME = re.compile(r"^[¿¡\W]*((?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\s?){1,3})\W*$")
_NAME_AFTER = re.compile(r"\W*(?:\w+\W+){0,2}?([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)")


_NEVER = re.compile(r"(?!)")
_CAP_WORD = re.compile(r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+")


class _Lex:
    """A language's lexicon, compiled once: every upper-case string (or dict of strings) in the module."""

    def __init__(self, mod: ModuleType) -> None:
        for name in dir(mod):
            if not name.isupper():
                continue
            value = getattr(mod, name)
            if isinstance(value, str):
                setattr(self, name, re.compile(value))
            elif isinstance(value, dict):
                setattr(self, name, {k: re.compile(p) for k, p in value.items()})
                # One pass that says whether any of the kinds can match (most sentences have none).
                setattr(self, name + "_ANY", re.compile("|".join(f"(?:{p})" for p in value.values())))

    def __getattr__(self, name: str) -> re.Pattern:
        # A cue a language does not define never matches.
        if name.isupper():
            setattr(self, name, _NEVER)  # looked up once, then a plain attribute
            return _NEVER
        raise AttributeError(name)


def _blank(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def _find(pattern: re.Pattern, folded: str, mask: re.Pattern) -> re.Match | None:
    """``pattern`` searched in ``folded`` with ``mask`` blanked out (masking only when there is a hit)."""
    m = pattern.search(folded)
    if m is None or mask is _NEVER:
        return m
    return pattern.search(_mask(folded, mask))


def _mask(folded: str, pattern: re.Pattern) -> str:
    """``folded`` with the matches of ``pattern`` blanked out (same length, so offsets still hold)."""
    if pattern is _NEVER:
        return folded
    return pattern.sub(_blank, folded)


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
        self._prev_recap = False
        self.today_or_in_message = bool(self.lex.TODAY_OR_TOMORROW.search(self.folded))

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
        if self.lex.NEGATION.search(" ".join(scope.split()[-2:])) and not self.lex.NEGATION_EXEMPT.search(scope[-25:]):
            return True  # "no habrá ningún recargo": the negation sits right before the cue
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
    def _name_follows(self, sent: Sentence, pos: int) -> bool:
        """A capitalised name within the next few words of the original text (not a weekday or 'I')."""
        m = _NAME_AFTER.match(sent.text, pos - sent.start if pos >= sent.start else pos)
        return bool(m and not self.lex.IDENTIFY_SELF_NOT_NAME.match(m.group(1)))

    def _name_within(self, sent: Sentence, start: int, end: int) -> bool:
        """A capitalised name inside the cue ("Is Sarah Jones there?"), not the sentence's first word."""
        for cm in _CAP_WORD.finditer(sent.text, start, end):
            if sent.text[:cm.start()].strip(" \t¿¡\"'(") and not self.lex.IDENTIFY_SELF_NOT_NAME.match(cm.group()):
                return True
        return False

    def _lower_name(self, sent: Sentence) -> re.Match | None:
        """"is this kevin brennan?" typed all in lower case: two words that are not common words."""
        if any(c.isupper() for c in sent.text):
            return None
        m = self.lex.IDENTITY_LOWER_NAME.search(sent.folded)
        if m and not any(self.lex.COMMON_WORD.fullmatch(w) for w in m.group(1).split()):
            return m
        return None

    def _bare_name(self, sent: Sentence) -> re.Match | None:
        """"¿Ana Belén?" — a question that is nothing but a capitalised name."""
        m = _BARE_NAME.match(sent.text)
        if m and not any(self.lex.IDENTIFY_SELF_NOT_NAME.match(w) for w in m.group(1).split()):
            return m
        return None

    def trainee(self, sent: Sentence) -> None:
        L, f = self.lex, sent.folded
        times = self.sentence_times(sent)
        question = "?" in sent.text or self.text[sent.end:sent.end + 1] == "?" or sent.text.startswith("¿")
        third_party = self.counterpart == "third_party"

        # Who is on the line, and who is calling.
        m = L.CONFIRM_IDENTITY.search(f)
        if m:
            after = m.end() + len(f[m.end():]) - len(f[m.end():].lstrip())
            if L.IDENTITY_TRAP.match(f, after) or not (L.IDENTITY_TARGET.search(f, m.start())
                                                       or self._name_follows(sent, sent.start + m.end())
                                                       or self._name_within(sent, m.start(), m.end())):
                m = None
        if not m:
            # A security check: "confirm your date of birth", "¿me indica su fecha de nacimiento?"
            m = L.IDENTITY_SECURITY.search(f) if L.IDENTITY_SECURITY_GATE.search(f) else None
        if not m and question:
            m = L.IDENTITY_BARE.search(f) or self._bare_name(sent)
        if not m:
            m = self._lower_name(sent)
        if m:
            self.add(Move.CONFIRM_IDENTITY, sent, m)
        m = L.IDENTIFY_SELF.search(f)
        if m and L.IDENTIFY_SELF_TRAP.match(f, m.start()):
            m = None
        if not m:
            lower_only = not any(c.isupper() for c in sent.text)
            for nm in L.IDENTIFY_SELF_NAME.finditer(f):
                word = sent.text[nm.start(1):nm.end(1)]
                if L.IDENTIFY_SELF_TRAP.match(f, nm.start()) or L.IDENTIFY_SELF_NOT_NAME.match(word):
                    continue
                if word[:1].isupper() or (lower_only and L.IDENTIFY_SELF_COMPANY.match(f, nm.end())):
                    m = nm
                    break
        if m:
            self.add(Move.IDENTIFY_SELF, sent, m)
        debt = _find(L.DEBT, f, L.DEBT_MASK)
        if debt:
            self.add(Move.STATE_DEBT, sent, debt)

        # Asking for the payment today, or asking when (the classic mistake).
        pay = L.PAY.search(f)
        request = L.REQUEST.search(f)
        # A resolved time decides; with none (or only vague ones: "as soon as we hang up") the today cues do.
        dated = [t for t in times if t.due is not None]
        today = [t for t in dated if self.is_today(t)] if dated else ([None] if L.TODAY.search(f) else [])
        past = L.PAST_QUESTION.search(f) or L.PAST_QUESTION_ORIG.search(sent.text.lower())
        recap = _find(L.CONFIRM, f, L.CONFIRM_MASK)
        if recap and L.CONFIRM_NEEDS_TIME.match(f, recap.start()) and not times:
            recap = None
        if recap and L.TAG_ONLY.fullmatch(f) and not self._prev_recap:
            recap = None  # "…: 612 345 678, ¿verdad?": the tag belongs to a sentence that recaps nothing
        reason = L.ASK_REASON.search(f)
        if reason and L.ASK_REASON_TRAP.search(f):
            reason = None
        funding = L.FUNDING.search(f)
        if funding and (self.negated(sent, funding.start()) or L.FUNDING_TRAP.search(f)):
            funding = None
        asked_today = False
        today_or_any = L.TODAY_OR_TOMORROW.search(f)
        today_or = today_or_any if "?" in self.text else None
        hypothetical = L.CONDITIONAL_START.match(f) or L.RETRACTED.search(f)
        if ((pay and today and (request or question) and not (past and past.start() < pay.start() + 12 and not request)
                and not (reason and not request)) or today_or) and not recap and not hypothetical:
            anchor = pay or today_or
            if not self.negated(sent, anchor.start()) or request:
                if third_party:
                    self.add(Move.THIRD_PARTY_PAY, sent, anchor, times=times)
                else:
                    self.add(Move.ASK_PAYMENT_TODAY, sent, anchor, times=times)
                    asked_today = True
        m = _find(L.ASK_WHEN, f, L.ASK_WHEN_MASK)
        if m and not asked_today:
            self.add(Move.ASK_WHEN, sent, m)
        if reason:
            self.add(Move.ASK_REASON, sent, reason)

        threat = self._threat(sent)
        fc = None
        for kind, pattern in (L.CONSEQUENCE.items() if L.CONSEQUENCE_ANY.search(f) else ()):
            m = pattern.search(f)
            if m and L.CONSEQUENCE_MASK is not _NEVER:
                fc = _mask(f, L.CONSEQUENCE_MASK) if fc is None else fc
                m = pattern.search(fc)
            if m and not self.negated(sent, m.start()) and not L.CONSEQUENCE_NEG_AFTER.match(f, m.end()) \
                    and not (threat and kind == ConsequenceKind.LEGAL.value):
                self.add(Move.EXPLAIN_CONSEQUENCE, sent, m, kind=kind)
        if funding and not third_party and not recap:  # channels named in a recap are not suggestions
            self.add(Move.SUGGEST_FUNDING, sent, funding)
        # In a third-party call, asking the person on the line to pay is third_party_pay.
        # ...but only when paying is what is asked of them, not a message to relay ("ask him to call me about his payment").
        if third_party and pay and (request or question) and L.YOU.search(f) and not asked_today \
                and L.PAY_VERB.search(f) and not L.RELAY.search(f):
            self.add(Move.THIRD_PARTY_PAY, sent, pay)

        # Pressing for a specific time: a clock time, or a day other than today, in a request.
        clock = L.CLOCK_CUE.search(f)
        specific = any(t.due is not None and (t.due.date() != self.started_at.date() or clock) for t in times) \
            and (clock or not today_or_any)
        callback = _find(L.CALLBACK, f, L.CALLBACK_MASK)
        verify = L.VERIFY_ANY.search(f) and L.VERIFY_CONTEXT.search(f) and not L.VERIFY_FUTURE.search(f) and \
            [(kind, vm) for kind, pattern in L.VERIFY.items() if (vm := pattern.search(f))]
        not_press = L.PRESS_MASK.search(f)
        fp = _mask(f, L.PRESS_MASK) if not_press else f
        if not clock and (today_or_any or self.today_or_in_message):
            fp = _mask(_mask(fp, L.TODAY_OR_TOMORROW), L.PRESS_CHOICE)  # "Hoy o mañana, ¿qué le viene mejor?"
        m = L.PRESS.search(fp)
        if callback or verify or (recap and (not question or L.CONFIRM_TAG.search(f))) or ((threat or not_press) and not m):
            pass  # "what time is he usually home?" / "what time did you pay?" / a recap / a threat's deadline: not pressing
        elif m:
            self.add(Move.PRESS_COMMITMENT, sent, m, times=times)
        elif pay and (request or question) and specific and not past and not reason:
            self.add(Move.PRESS_COMMITMENT, sent, pay, times=times)
        m = recap
        if m and not (L.CONFIRM_TRAP.search(f) and not times):
            self.add(Move.CONFIRM_COMMITMENT, sent, m, times=times)
        # What the next sentence's bare tag ("¿verdad?") would confirm: a time named here, outside any masked check.
        self._prev_recap = bool(times) and not L.CONFIRM_MASK.search(f) and not L.CONFIRM_TRAP.search(f)
        m = _find(L.EMPATHY, f, L.EMPATHY_MASK)
        if m and not L.EMPATHY_TRAP.search(f) and not self.negated(sent, m.start()):
            self.add(Move.EMPATHISE, sent, m)
        for kind, vm in verify or ():
            self.add(Move.VERIFY_PAYMENT, sent, vm, kind=kind)
        m = callback
        if m and not debt and third_party:  # reaching the debtor only makes sense when someone else answers  # a call-back request that says what it is about is a disclosure, not a callback
            self.add(Move.ASK_CALLBACK, sent, m)
        m = L.THIRD_PARTY_PAY.search(f)
        if m and (third_party or not L.THIRD_PARTY_NEEDS_COUNTERPART.search(m.group(0))):
            self.add(Move.THIRD_PARTY_PAY, sent, m)
        m = _find(L.ABUSE, f, L.ABUSE_MASK)
        if m and not L.ABUSE_TRAP.search(f) and not self._abuse_negated(sent, m.start()):
            self.add(Move.ABUSE, sent, m)
        if threat:
            self.add(Move.THREAT, sent, threat)

    def _abuse_negated(self, sent: Sentence, pos: int) -> bool:
        """"You're not stupid" takes the insult back; "Don't give me that crap, you liar" and "no seas idiota" don't."""
        near = " ".join(clause_before(sent.folded, pos).split()[-3:])
        return bool(self.lex.NEGATION.search(near)) and not self.lex.ABUSE_IMPERATIVE.search(near)

    def _threat(self, sent: Sentence) -> re.Match | None:
        L, f = self.lex, sent.folded
        for m in L.THREAT.finditer(f):
            word = m.group(0)
            if re.match(r"(?:seiz|confiscat|repossess|garnish|embarg|tak|quitar|incautar|confiscar|bailiff)", word) and L.THREAT_COURT_OK.search(f):
                continue
            if L.THREAT_TRAP.search(f) or self.negated(sent, m.start()):
                continue
            return m
        return None

    # -- persona -----------------------------------------------------------------------------------
    def persona(self, sent: Sentence, first: bool) -> None:
        L, f = self.lex, sent.folded
        times = self.sentence_times(sent)
        claims = L.CLAIMS_PAID.search(f) or L.CLAIMS_PAID_ORIG.search(sent.text.lower())
        if claims and not L.CLAIMS_PAID_QUESTION.search(f) and (
                self.negated(sent, claims.start()) or "?" in sent.text or sent.text.startswith("¿")):
            claims = None  # "¿Pagué el mes pasado?" asks; "I haven't paid" denies
        if claims:
            self.add(Move.CLAIMS_PAID, sent, claims)
        m = _find(L.REASON, f, L.REASON_MASK)
        reason = m and not L.REASON_TRAP.search(f)
        if reason:
            self.add(Move.GIVES_REASON, sent, m)
        refuse = _find(L.REFUSE, f, L.REFUSE_MASK)
        if refuse and reason and L.REFUSE_WEAK.match(f, refuse.start()):
            refuse = None  # "the rent went up and I couldn't cover everything": the cause, not a refusal
        hedge = L.HEDGE.search(f) or L.CONDITION.search(f)
        question = "?" in L.TAG_QUESTION.sub("", sent.text.lower()) or sent.text.startswith("¿")
        committed = False
        now = L.PAY_NOW.search(f)
        if now and not hedge and not claims and not question:
            self.add(Move.COMMITS, sent, now, times=times)
            committed = True
        # "I can't pay now, but I'll pay you as soon as I'm back on my feet": "now" sits in the refused clause.
        specific = [t for t in times if t.due is not None
                    and not self._commit_negated(clause_before(f, t.start - sent.start))]
        verb = L.COMMIT_VERB.search(f)
        affirm = L.AFFIRM.search(f)
        if not committed and specific and not hedge and not question and not claims:
            anchor = verb or affirm or self._bare_time(f, times)
            if anchor and not self._commit_negated(clause_before(f, anchor.end()) + f[anchor.end():anchor.end() + 12]):
                self.add(Move.COMMITS, sent, anchor, times=times)
                committed = True
        if not committed and not claims and not question:
            vague = _find(L.VAGUE_PAY, f, L.VAGUE_MASK)
            vague_time = next((t for t in times if t.vague), None)
            hedged_time = hedge and (specific or vague_time) and self._bare_time(f, times, hedge=True)
            candidates = [vague] if vague else ([verb, hedged_time] if (hedge or vague_time) else [])
            # "Ojalá mañana, pero no le prometo nada": the negated verb does not cancel the hedged time.
            anchor = next((c for c in candidates if c and not self._commit_negated(clause_before(f, c.end()))), None)
            if anchor:
                self.add(Move.VAGUE_PROMISE, sent, anchor)
        if affirm and first and not L.IDENTITY_ANSWER.search(self.folded) and not L.AGREE_TRAP.search(self.folded) and not refuse \
                and not claims and not question and not re.search(r"\b(?:but|pero)\b", f):
            self.add(Move.AGREES, sent, affirm)
        if refuse and not (committed and refuse.start() > (verb.start() if verb else 0)):
            self.add(Move.REFUSES, sent, refuse)

    def _bare_time(self, f: str, times: tuple[TimeRef, ...], hedge: bool = False) -> re.Match | None:
        """A sentence that is little more than a time ("Tomorrow before noon." / "Maybe Friday."): its anchor."""
        if self.lex.BARE_TIME_TRAP.search(f):
            return None
        rest = f
        for t in times:
            rest = rest.replace(t.text, " ")
        if hedge:
            rest = _mask(rest, self.lex.HEDGE)
        rest = _mask(rest, self.lex.COMMIT_FILLER)
        if len(re.findall(r"[a-z]{2,}", rest)) <= 1:
            return re.search(r"\S+", f)
        return None

    def _commit_negated(self, f: str) -> bool:
        if self.language == "es":
            f = re.sub(r"\bno (?:hay problema|se preocupe|te preocupes)\b", "", f)
            return bool(re.search(r"\bno\b|\bnunca\b|\bimposible\b|\bni hablar\b", f))
        f = re.sub(r"\b(?:no problem|not a problem|no worries|why not|don'?t worry|can'?t wait)\b", "", f)
        return bool(re.search(r"\b(?:can'?t|cannot|won'?t|will not|not|never|unable|no|don'?t|couldn'?t|nope)\b|n't\b", f))

    def read(self) -> Understanding:
        sents = sentences(self.text, self.folded)
        for i, sent in enumerate(sents):
            if self.role == "trainee":
                self.trainee(sent)
            else:
                self.persona(sent, first=i == 0)
        # Written in the other language: its function words outnumber ours three to one (counted only when it has any).
        if self.language == "en":
            es = len(_STOP_ES.findall(self.folded))
            other = es >= 3 and len(_STOP_EN.findall(self.folded)) <= es // 3
        else:
            en = len(_STOP_EN.findall(self.folded))
            other = en >= 3 and len(_STOP_ES.findall(self.folded)) <= en // 3
        return Understanding(self.text, tuple(self.found), tuple(self.times), find_amounts(self.folded), other)


def understand(text: str, language: str = "en", role: str = "trainee",
               started_at: datetime | None = None, counterpart: str = "debtor",
               use_classifier: bool = True) -> Understanding:
    """Read one message (memoised: the policy, the LLM guard and the scorer read the same turns)."""
    return _understand(text or "", language, role, started_at or datetime.now().replace(microsecond=0),
                       counterpart, use_classifier)


@lru_cache(maxsize=8192)
def _understand(text: str, language: str, role: str, started_at: datetime, counterpart: str,
                use_classifier: bool) -> Understanding:
    """Read one message. ``role`` is 'trainee' or 'persona'; times resolve against ``started_at``.

    ``use_classifier=False`` gives the cues' reading alone; ``with_classifier`` adds the rest later
    (the scorer does that only where a criterion would otherwise be missed).
    """
    start = started_at
    reader = _Reader(text, language, role, start, counterpart)
    u = reader.read()
    return _with_classifier(u, reader.folded, language, role) if use_classifier and u.text.strip() else u


def with_classifier(u: Understanding, language: str, role: str) -> Understanding:
    """The hybrid reading of a message first read with ``use_classifier=False``."""
    return _with_classifier(u, fold(u.text), language, role) if u.text.strip() else u


# Moves the classifier may add where the cues missed them: the ones whose false positive can
# neither block a trainee (a violation) nor invent a promise. The cues alone decide the rest.
CLASSIFIER_MAY_ADD = frozenset({
    Move.CONFIRM_IDENTITY, Move.IDENTIFY_SELF, Move.STATE_DEBT, Move.ASK_PAYMENT_TODAY, Move.ASK_WHEN,
    Move.ASK_REASON, Move.EXPLAIN_CONSEQUENCE, Move.SUGGEST_FUNDING, Move.PRESS_COMMITMENT,
    Move.CONFIRM_COMMITMENT, Move.EMPATHISE, Move.VERIFY_PAYMENT, Move.ASK_CALLBACK, Move.GIVES_REASON,
})


def _with_classifier(u: Understanding, folded: str, language: str, role: str) -> Understanding:
    """Raise recall with the n-gram classifier (simulator/understanding/classifier.py), which
    generalises to wordings the cues were not written for; its detections quote the sentence
    it is most confident about. Cue detections are always kept (the t_low rule is not applied)."""
    from simulator.understanding import classifier

    m = classifier.model(language, role)
    if m is None:
        return u
    found = {d.move.value for d in u.detections}
    extra = []
    for name in m.added_moves(folded, found):
        move = Move(name)
        if move in CLASSIFIER_MAY_ADD:
            s, e = classifier.best_sentence(u.text, language, role, name)
            extra.append(Detection(move, s, e, u.text[s:e]))
    return replace(u, detections=u.detections + tuple(extra)) if extra else u
