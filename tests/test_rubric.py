"""The rubric scorer against every CONTRACT rule, the shared examples, and adversarial calls."""

import json
from datetime import datetime

import pytest

from simulator.errors import DojoInputError
from simulator.rubric import load_rubric, score_transcript
from simulator.transcript import Transcript, parse_transcript, read_transcript

RUBRIC = load_rubric()
START = "2026-11-23T10:00:00"  # Monday


def call(*pairs, counterpart="debtor", language="en", started_at=START):
    turns = []
    for trainee, persona in pairs:
        turns.append({"role": "trainee", "text": trainee})
        if persona is not None:
            turns.append({"role": "persona", "text": persona})
    return Transcript.model_validate({"language": language, "started_at": started_at,
                                      "counterpart": counterpart, "turns": turns})


def statuses(t):
    report = score_transcript(t, RUBRIC)
    return {c.id: c.status for c in report.criteria}, report


@pytest.mark.parametrize("name", ["good_call", "weak_call", "third_party"])
def test_contract_examples(examples_dir, name):
    doc = json.loads((examples_dir / f"{name}.json").read_text(encoding="utf-8"))
    got, report = statuses(read_transcript(examples_dir / f"{name}.json"))
    for cid in ("ask_payment_today", "find_reason", "explain_consequences", "secure_promise"):
        assert got[cid] == doc["expected"][cid], cid
    assert sorted({v.id for v in report.violations}) == sorted(doc["expected"]["violations"])
    texts = [t["text"] for t in doc["turns"]]
    for c in report.criteria:
        for e in c.evidence:
            assert e.quote in texts[e.turn]
    for v in report.violations:
        assert v.quote in texts[v.turn]


def test_only_asking_when_is_the_classic_mistake():
    got, report = statuses(call(("When can you pay?", "Next month.")))
    assert got["ask_payment_today"] == "missed"
    crit = next(c for c in report.criteria if c.id == "ask_payment_today")
    assert "ask for payment today" in crit.feedback.lower()


def test_today_or_tomorrow_counts_as_asking_for_today():
    got, _ = statuses(call(("Can you pay it today or tomorrow?", "Maybe.")))
    assert got["ask_payment_today"] == "met"


def test_reason_asked_but_not_given_is_partial():
    got, _ = statuses(call(("What happened? Why wasn't it paid?", "I'd rather not say.")))
    assert got["find_reason"] == "partial"
    got, _ = statuses(call(("What happened?", "I lost my job last month.")))
    assert got["find_reason"] == "met"


def test_vague_seriousness_is_not_a_consequence():
    got, _ = statuses(call(("This is serious, you know.", "Okay.")))
    assert got["explain_consequences"] == "missed"
    got, _ = statuses(call(("Late fees are added every day it stays overdue.", "Okay.")))
    assert got["explain_consequences"] == "met"


def test_threat_never_counts_as_a_consequence():
    got, report = statuses(call(("Pay or we will call the police and you'll go to jail.", "What?")))
    assert got["explain_consequences"] == "missed"
    assert [v.id for v in report.violations] == ["threat"]


@pytest.mark.parametrize("persona_line,expected", [
    ("I'll pay it today by 5 pm.", "met"),
    ("I can transfer it tomorrow morning.", "met"),
    ("I'll pay on Wednesday.", "met"),               # Monday call: the second day after
    ("I'm sending it right now.", "met"),
    ("I'll pay on the 15th.", "partial"),
    ("I'll pay next Friday.", "partial"),
    ("I'll pay next month.", "missed"),
    ("I'll pay when I get paid.", "missed"),
    ("I'll try.", "missed"),
    ("Soon, I promise.", "missed"),
])
def test_promise_windows(persona_line, expected):
    got, _ = statuses(call(("I need you to pay today. When exactly can you pay?", persona_line)))
    assert got["secure_promise"] == expected, persona_line


def test_a_proposal_needs_the_personas_agreement():
    got, _ = statuses(call(("Can you pay tomorrow at 10 am?", "I don't know.")))
    assert got["secure_promise"] == "missed"
    got, report = statuses(call(("Can you pay tomorrow at 10 am?", "Yes, that works.")))
    assert got["secure_promise"] == "met"
    assert report.promise.due == datetime(2026, 11, 24, 10, 0)


def test_a_promise_the_persona_denies_is_no_promise():
    got, _ = statuses(call(("So you'll pay tomorrow at 10, right?", "No, I never said that. I can't pay tomorrow.")))
    assert got["secure_promise"] == "missed"


def test_keywords_without_meaning_do_not_score():
    got, _ = statuses(call(("Fees, credit, today, pay — just kidding, how are you today?", "Fine, thanks.")))
    assert got["ask_payment_today"] == "missed"


def test_a_violation_blocks_an_otherwise_perfect_call():
    t = call(("Am I speaking with Ms. Rivera? This is Dana from Northwind Credit. I need you to pay the $420 today.",
              "I can't, my car broke down."),
             ("What happened exactly?", "The repair took my whole paycheck."),
             ("Every day adds a late fee and it goes on your credit record. Pay or you're a deadbeat.", "Wow."),
             ("Can you pay tomorrow before noon?", "Yes, I'll transfer it tomorrow before noon."))
    got, report = statuses(t)
    assert set(got.values()) == {"met"}
    assert report.passed is False and report.blocked_by == ["abusive_language"]
    assert "Blocked" in report.summary


def test_third_party_disclosure_and_no_payment_ask_of_a_relative():
    t = call(("Is Mr. Gomez there?", "No, I'm his wife."),
             ("He owes us $3,000 and is two months overdue. Could you pay it for him today?", "What?"),
             counterpart="third_party")
    got, report = statuses(t)
    assert got["ask_payment_today"] == "missed"
    assert "third_party_disclosure" in {v.id for v in report.violations}


def test_a_discreet_third_party_call_has_no_violation():
    t = call(("Is Mr. Gomez there?", "No, I'm his wife."),
             ("When would be a good time to reach him? Could you ask him to call me back?", "After seven."),
             counterpart="third_party")
    _, report = statuses(t)
    assert report.violations == []


def test_text_transcripts_score_like_json():
    text = "Trainee: I need you to pay the $420 today.\nDebtor: I'll pay it tomorrow morning.\n"
    t = parse_transcript(text, "call.txt")
    assert [x.role for x in t.turns] == ["trainee", "persona"]
    got, _ = statuses(t)
    assert got["ask_payment_today"] == "met" and got["secure_promise"] == "met"


def test_bad_transcripts_are_one_line_errors(tmp_path):
    for content, needle in (("{not json", "invalid JSON"), ('{"turns": [{"role": "boss", "text": "x"}]}', "turns.0.role"),
                            ("hello there", "expected 'Trainee: ...'"), ("[]", "expected a JSON object")):
        path = tmp_path / "t.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(DojoInputError) as exc:
            read_transcript(path)
        assert needle in str(exc.value) and "\n" not in str(exc.value)


def test_score_is_in_range_and_all_criteria_present():
    _, report = statuses(call(("hello", None)))
    assert 0 <= report.score <= 100
    assert {c.id for c in report.criteria} >= {"ask_payment_today", "find_reason", "explain_consequences", "secure_promise"}


def test_spanish_feedback():
    _, report = statuses(call(("¿Cuándo puede pagar?", "El mes que viene."), language="es"))
    crit = next(c for c in report.criteria if c.id == "ask_payment_today")
    assert "pida el pago hoy" in crit.feedback.lower()
