"""The scripted voice: a decision put into words from the persona's phrasings, seeded.

Phrasings already used in the call are avoided until none is left, and a reply never repeats the
previous persona line verbatim.
"""

from __future__ import annotations

import random

from simulator.persona.model import Lines


def pick(options: list[str], used: set[str], rng: random.Random) -> str:
    fresh = [o for o in options if o not in used]
    choice = rng.choice(fresh or options)
    used.add(choice)
    return choice


def render(acts: tuple[str, ...], lines: Lines, language: str, values: dict[str, str], rng: random.Random,
           used: set[str], previous: str | None) -> str:
    """Join one phrasing per act; re-draw if the whole reply equals the previous persona line."""
    for attempt in range(4):
        parts = [pick(lines[act][language], used, rng).format(**values) for act in acts]  # type: ignore[index]
        text = " ".join(p.strip() for p in parts if p.strip())
        if text != previous:
            return text
    fillers = {"en": ["Look,", "Like I said,", "Listen,"], "es": ["Mire,", "Como le dije,", "Oiga,"]}[language]
    return f"{rng.choice(fillers)} {text[0].lower()}{text[1:]}"
