"""Text normalisation that keeps character offsets, so every match maps back to an exact quote."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def _fold_char(c: str) -> str:
    low = c.lower()
    if len(low) != 1:
        low = c
    if low in "’‘`´":
        return "'"
    if low in "“”«»":
        return '"'
    if low in "\u00a0\u2009\u202f":
        return " "
    if ord(low) < 128:
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() else low


_FOLD_TABLE: dict[int, str] = {i: _fold_char(chr(i)) for i in range(128)}


def fold(text: str) -> str:
    """Lower-case, accent-free, same length as ``text`` (character i maps to character i)."""
    if text.isascii():
        return text.lower().replace("`", "'")
    table = _FOLD_TABLE
    for c in set(text):
        if ord(c) not in table:
            table[ord(c)] = _fold_char(c)
    return text.translate(table)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str      # original text of the sentence
    folded: str    # folded text of the sentence (same length)


_SENTENCE_END = re.compile(r"[.!?;\n]+|[¿¡]")


def sentences(text: str, folded: str) -> list[Sentence]:
    """Split into sentences, keeping offsets; decimal points and abbreviations do not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(folded):
        s, e = m.start(), m.end()
        if m.group() == "." and _is_soft_dot(folded, s):
            continue
        if m.group() in "¿¡":
            if s > start:
                spans.append((start, s))
            start = s
            continue
        spans.append((start, e))
        start = e
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, text[s:e], folded[s:e]))
    return out


_ABBREV = re.compile(r"(?:\b(?:mr|mrs|ms|dr|sr|sra|srta|st|vs|etc|approx|dept|a\.m|p\.m|a|p)|\d)$")


def _is_soft_dot(folded: str, i: int) -> bool:
    before = folded[max(0, i - 6):i]
    after = folded[i + 1:i + 2]
    if before[-1:].isdigit() and after.isdigit():
        return True  # 1.250 / 3.000 / 10.30
    if _ABBREV.search(before) and not before[-1:].isdigit():
        return True
    if before.endswith(("a.m", "p.m")) or (before[-1:] in "ap" and folded[i + 1:i + 2] == "m"):
        return True
    return False


def clause_before(folded_sentence: str, pos: int) -> str:
    """The part of the sentence's clause that precedes ``pos`` (for negation scopes)."""
    head = folded_sentence[:pos]
    cut = max(head.rfind(","), head.rfind(" but "), head.rfind(" pero "), head.rfind(":"),
              head.rfind(" - "), head.rfind(" and if "), head.rfind(" y si "))
    return head[cut + 1:] if cut >= 0 else head
