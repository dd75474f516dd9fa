"""Dialogue understanding: moves, evidence spans, negations and traps; and the utterance-set floor."""

from pathlib import Path

import pytest

from simulator.understanding import Move, understand
from simulator.understanding.evaluation import evaluate, load_set

DATA = Path(__file__).parent / "data"


def moves(text, role="trainee", language="en", counterpart="debtor"):
    return understand(text, language, role, counterpart=counterpart).moves


def test_quotes_are_exact_substrings_of_the_message():
    text = "Hi. This is Dana from Northwind Credit. Your installment is overdue, I need you to pay it today."
    u = understand(text)
    assert u.detections
    for d in u.detections:
        assert d.quote == text[d.start:d.end] and d.quote.strip()


@pytest.mark.parametrize("text,move", [
    ("I need you to make that payment today.", Move.ASK_PAYMENT_TODAY),
    ("Can you pay it today or tomorrow?", Move.ASK_PAYMENT_TODAY),
    ("When do you think you can pay?", Move.ASK_WHEN),
    ("What happened this month that left you short?", Move.ASK_REASON),
    ("Every day late adds a penalty fee.", Move.EXPLAIN_CONSEQUENCE),
    ("Could you borrow it from someone until payday?", Move.SUGGEST_FUNDING),
    ("So to confirm: $420 by bank transfer, tomorrow before noon.", Move.CONFIRM_COMMITMENT),
    ("We'll send someone to your house.", Move.THREAT),
    ("You're a deadbeat.", Move.ABUSE),
    ("Necesito que haga el pago hoy mismo.", Move.ASK_PAYMENT_TODAY),
])
def test_detects(text, move):
    language = "es" if "pago" in text else "en"
    assert move in moves(text, language=language)


@pytest.mark.parametrize("text,move", [
    ("How are you today?", Move.ASK_PAYMENT_TODAY),
    ("Did you pay today?", Move.ASK_PAYMENT_TODAY),
    ("I'm not saying it will hurt your credit.", Move.EXPLAIN_CONSEQUENCE),
    ("We will never contact your employer.", Move.THREAT),
    ("This is serious.", Move.EXPLAIN_CONSEQUENCE),
    ("I'm not calling you a liar.", Move.ABUSE),
])
def test_traps_and_negations(text, move):
    assert move not in moves(text)


def test_lawful_legal_consequence_is_not_a_threat():
    got = moves("If it stays unpaid, the account may be referred to our legal department.")
    assert Move.EXPLAIN_CONSEQUENCE in got and Move.THREAT not in got


def test_wage_seizure_without_court_is_a_threat():
    got = moves("Pues dígale que si no paga, mañana mismo vamos a embargarle el sueldo.", language="es")
    assert Move.THREAT in got and Move.EXPLAIN_CONSEQUENCE not in got


@pytest.mark.parametrize("text,expected", [
    ("I could transfer the full $420 tomorrow by noon.", Move.COMMITS),
    ("Yes, tomorrow before noon.", Move.COMMITS),
    ("I'll pay next month.", Move.VAGUE_PROMISE),
    ("I'll try to pay tomorrow.", Move.VAGUE_PROMISE),
    ("I can't pay tomorrow.", Move.REFUSES),
    ("I already paid that last week.", Move.CLAIMS_PAID),
    ("My car broke down and the repair ate my whole paycheck.", Move.GIVES_REASON),
])
def test_persona_side(text, expected):
    got = moves(text, role="persona")
    assert expected in got
    if expected is not Move.COMMITS:
        assert Move.COMMITS not in got


def test_hedged_or_negated_promises_are_not_commitments():
    for text in ("I'll try to pay tomorrow.", "Maybe tomorrow.", "Hoy no.", "No puedo pagar mañana."):
        language = "es" if text in ("Hoy no.", "No puedo pagar mañana.") else "en"
        assert Move.COMMITS not in moves(text, role="persona", language=language), text


def test_handles_any_input():
    for text in ("", "   ", "asdfgh qwerty zxcv", "x" * 4000, "🙂🙂🙂", "¿¿¿???"):
        u = understand(text)
        assert all(d.quote == text[d.start:d.end] for d in u.detections)


def test_other_language_is_noticed():
    assert understand("¿Por qué no me paga usted la deuda que tiene con nosotros?", "en").other_language
    assert not understand("Why haven't you paid the loan?", "en").other_language


# Floors: a drop below them fails. The labelled set (tests/data/utterances_*) is what the cues
# were written against; the fresh set (tests/data/fresh_*) was written independently and is never
# used for tuning, so its floor is lower and it measures generalisation. Measured figures and the
# 0.9 target are printed by benchmarks/understanding_metrics.py.
FLOORS = {  # (file stem, language): (macro F1 floor, per-move F1 floor)
    ("utterances", "en"): (0.95, 0.85),
    ("utterances", "es"): (0.95, 0.85),
    ("fresh", "en"): (0.55, 0.20),
    ("fresh", "es"): (0.60, 0.30),
}


@pytest.mark.parametrize("stem,language", sorted(FLOORS))
def test_utterance_set_floor(stem, language):
    rows = load_set(DATA / f"{stem}_{language}.jsonl")
    assert len(rows) >= (450 if stem == "utterances" else 250)
    scores, _ = evaluate(rows, language)
    supported = [s for s in scores.values() if s.tp + s.fn > 0]
    assert len(supported) == 22
    macro = sum(s.f1 for s in supported) / len(supported)
    macro_floor, move_floor = FLOORS[(stem, language)]
    assert macro >= macro_floor, f"macro F1 {macro:.3f}"
    worst = min(supported, key=lambda s: s.f1)
    assert worst.f1 >= move_floor, f"{worst.move} F1 {worst.f1:.3f}"
