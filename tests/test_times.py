"""Promise times resolve against the call's start, in both languages."""

from datetime import datetime

import pytest

from simulator.understanding.text import fold
from simulator.understanding.times import find_times

MONDAY_10 = datetime(2026, 11, 23, 10, 0)


def first_due(text: str, language: str = "en") -> datetime | None:
    refs = [r for r in find_times(fold(text), language, MONDAY_10)]
    assert refs, f"no time found in {text!r}"
    return refs[0].due


@pytest.mark.parametrize("text,language,expected", [
    ("tonight", "en", datetime(2026, 11, 23, 23, 0)),
    ("tomorrow morning", "en", datetime(2026, 11, 24, 12, 0)),
    ("tomorrow by noon", "en", datetime(2026, 11, 24, 12, 0)),
    ("Friday", "en", datetime(2026, 11, 27, 23, 59)),
    ("the 28th", "en", datetime(2026, 11, 28, 23, 59)),
    ("on the 5th", "en", datetime(2026, 12, 5, 23, 59)),
    ("next Friday", "en", datetime(2026, 12, 4, 23, 59)),
    ("before noon", "en", datetime(2026, 11, 23, 12, 0)),
    ("by 5 pm", "en", datetime(2026, 11, 23, 17, 0)),
    ("in two days", "en", datetime(2026, 11, 25, 23, 59)),
    ("right now", "en", MONDAY_10),
    ("the day after tomorrow", "en", datetime(2026, 11, 25, 23, 59)),
    ("pasado mañana", "es", datetime(2026, 11, 25, 23, 59)),
    ("el lunes a las 10", "es", datetime(2026, 11, 30, 10, 0)),
    ("mañana por la mañana", "es", datetime(2026, 11, 24, 12, 0)),
    ("hoy antes de las 6 de la tarde", "es", datetime(2026, 11, 23, 18, 0)),
    ("el viernes", "es", datetime(2026, 11, 27, 23, 59)),
    ("el 28", "es", datetime(2026, 11, 28, 23, 59)),
    ("mañana antes del mediodía", "es", datetime(2026, 11, 24, 12, 0)),
    ("esta noche", "es", datetime(2026, 11, 23, 23, 0)),
])
def test_resolves(text, language, expected):
    assert first_due(text, language) == expected


@pytest.mark.parametrize("text,language", [
    ("next month", "en"), ("when I get paid", "en"), ("soon", "en"),
    ("el mes que viene", "es"), ("cuando cobre", "es"), ("pronto", "es"),
])
def test_vague_has_no_due(text, language):
    refs = find_times(fold(text), language, MONDAY_10)
    assert refs and all(r.due is None and r.vague for r in refs)


def test_each_day_keeps_its_own_clock_time():
    refs = find_times(fold("today before 6 pm or tomorrow morning at the latest"), "en", MONDAY_10)
    assert [r.due for r in refs] == [datetime(2026, 11, 23, 18, 0), datetime(2026, 11, 24, 12, 0)]


def test_amounts_are_not_dates():
    assert find_times(fold("Le debo 3.000 euros"), "es", MONDAY_10) == []


def test_the_quick_gate_changes_nothing_on_the_labelled_sets(monkeypatch):
    """find_times skips messages with no time stem; on every utterance we have, that must not
    change a single result."""
    import json
    import re
    from pathlib import Path

    from simulator.understanding import times

    gates = dict(times._GATE)
    for path in sorted((Path(__file__).parent / "data").glob("*.jsonl")):
        language = "es" if "_es" in path.name else "en"
        for line in path.read_text(encoding="utf-8").splitlines():
            folded = fold(json.loads(line)["text"])
            monkeypatch.setattr(times, "_GATE", gates)
            gated = find_times(folded, language, MONDAY_10)
            monkeypatch.setattr(times, "_GATE", {"en": re.compile(""), "es": re.compile("")})
            assert gated == find_times(folded, language, MONDAY_10), folded
