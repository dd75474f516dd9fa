"""Every phrasing of every persona reads back as what the policy meant by it.

The scorer reads persona lines with the same dialogue understanding as real calls; this is what
keeps "what the persona did" and "what the scorer finds" in agreement.
"""

from datetime import datetime

import pytest

from simulator.persona import all_personas
from simulator.persona.facts import draw_facts, template_values
from simulator.persona.policy import Commitment, Policy, slot_due
from simulator.understanding import Move, understand

START = datetime(2026, 11, 23, 10, 0)
CASES = [(p, lang) for p in all_personas() for lang in p.persona.languages]
PROMISING_ACTS = {"commit", "confirm", "far_date"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0].id}-{c[1]}")
def test_lines_mean_what_the_policy_decided(case):
    loaded, language = case
    persona = loaded.persona
    for seed in range(3):
        facts = draw_facts(persona, language, seed, START)
        commitment = Policy(persona, persona.difficulty, facts, START)._commitment()
        for variant, lines in loaded.lines_by_reason.items():
            values = template_values(facts, language, START, commitment)
            for act, by_language in lines.items():
                for text in by_language.get(language, []):
                    line = text.format(**values)
                    heard = understand(line, language, "persona", START)
                    where = f"{persona.id}/{variant}/{act}: {line!r}"
                    if act in ("reveal_reason", "realize_shortfall"):
                        assert heard.has(Move.GIVES_REASON), where
                    if act in ("commit", "confirm") and persona.counterpart == "debtor":
                        commits = [d for d in heard.detections if d.move is Move.COMMITS]
                        assert commits, where
                        dues = [t.due for d in commits for t in d.times if t.due] or [t.due for t in heard.times if t.due]
                        assert min(dues) == commitment.due, where
                    if act not in PROMISING_ACTS:
                        assert not heard.has(Move.COMMITS), where
                        assert not heard.has(Move.AGREES), where


def test_part_payments_and_shortfalls_are_what_is_owed():
    persona = next(p for p in all_personas() if p.id == "already_paid").persona
    facts = draw_facts(persona, "en", 1, START)
    c = Policy(persona, "medium", facts, START)._commitment()
    assert c.amount == facts.amount - facts.paid_amount
    assert isinstance(c, Commitment) and c.due == slot_due(facts.slot, START)
