"""HTML rendering, exports and the coach checklist: escaping, highlighting, self-contained reports."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from html.parser import HTMLParser

import pytest

from simulator.call import Call
from simulator.persona import all_personas, load_persona
from simulator.store import Store
from simulator.transcript import Transcript, Turn
from simulator.web import coach, exports, views
from web_helpers import XSS, promise_script

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
STARTED = datetime(2025, 3, 3, 10, 0)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


def played(messages: list[str] | None = None, seed: int = 42) -> Call:
    call = Call(load_persona("next_month"), seed=seed, difficulty="easy", started_at=STARTED)
    for text in messages if messages is not None else promise_script(call.card()):
        call.say(text)
    return call


def test_esc_escapes_markup_and_quotes():
    assert views.esc('<img src=x onerror="a()">') == "&lt;img src=x onerror=&quot;a()&quot;&gt;"
    assert views.esc(None) == ""


@pytest.mark.parametrize("payload", XSS)
def test_transcript_and_score_card_escape_what_the_trainee_typed(payload):
    call = played(["Hello " + payload, "What happened? " + payload])
    report = call.score().to_json()
    page = views.transcript_html([t.model_dump() for t in call.transcript.turns], report) + \
        views.score_card(report, call.outcome().to_json())
    assert "<script" not in page and "<img" not in page and "onerror=\"" not in page
    assert views.esc(payload) in page


def test_evidence_and_violations_are_marked_in_the_transcript():
    call = played(["Hello, is this Ms. Nguyen?", "Pay today or I will tell your employer, you idiot.",
                   "What happened?"])
    report = call.score().to_json()
    assert report["violations"], "the test message should break a compliance rule"
    page = views.transcript_html([t.model_dump() for t in call.transcript.turns], report)
    assert '<mark class="viol"' in page
    assert '<mark class="ev"' in page
    quote = next(e["quote"] for c in report["criteria"] for e in c["evidence"])
    assert views.esc(quote) in re.sub(r"<[^>]+>", "", page)


def test_highlight_merges_overlaps_and_keeps_text_intact():
    text = "I need you to pay <b>today</b> please"
    out = views.highlight(text, [("pay <b>today</b>", "ev", "Ask"), ("today", "viol", "threat"), ("absent", "ev", "x")])
    assert re.sub(r"<[^>]+>", "", out) == views.esc(text)
    assert '<mark class="viol" title="Ask, threat">today</mark>' in out
    assert "<b>" not in out


def test_score_card_shows_criteria_outcome_and_blockers():
    call = played()
    report, outcome = call.score().to_json(), call.outcome().to_json()
    page = views.score_card(report, outcome)
    assert 'data-score="100"' in page and "Passed" in page
    assert page.count("pill met") == 4
    assert "Promise: $" in page and "Tue 4 Mar 2025" in page
    blocked = played(["You idiot, pay today or I will tell your employer."]).score().to_json()
    page = views.score_card(blocked, None)
    assert "Blocker:" in page and "Not passed" in page


def test_score_card_shows_override_beside_the_automatic_verdict():
    call = played()
    report = call.score().to_json()
    override = {"criterion_id": "find_reason", "status": "partial", "comment": "<b>probe more</b>",
                "trainer": "tina", "created_at": STARTED}
    page = views.score_card(report, None, overrides=[override])
    row = page.split('data-criterion="find_reason"')[1].split("</tr>")[0]
    assert "pill met" in row and "Automatic" in row and "Trainer: Partial" in row
    assert "&lt;b&gt;probe more&lt;/b&gt;" in row


def test_persona_cards_show_only_the_public_card():
    personas = all_personas()
    page = views.persona_cards(personas)
    for loaded in personas:
        assert views.esc(loaded.persona.title.en) in page
        for reason in loaded.persona.hidden.reasons:
            for lines in (reason.lines.get("reveal_reason") or {}).values():
                assert not any(views.esc(line) in page for line in lines)


def test_status_bar_ticks_only_while_live():
    assert "data-dojo-elapsed" in views.status_bar(turns=2, elapsed=65, live=True)
    ended = views.status_bar(turns=2, elapsed=65, live=False)
    assert "data-dojo-elapsed" not in ended and "01:05" in ended and "Call ended" in ended


# -- coach --------------------------------------------------------------------------------------

def test_coach_checklist_ticks_as_tasks_are_done():
    call = Call(load_persona("next_month"), seed=42, difficulty="easy", started_at=STARTED)
    assert coach.checklist(call.transcript).done == []
    script = promise_script(call.card())
    seen = []
    for text in script:
        call.say(text)
        seen.append(coach.checklist(call.transcript).done)
    assert "ask_payment_today" in seen[1] and "find_reason" not in seen[1]
    assert "find_reason" in seen[2]
    assert "explain_consequences" in seen[3]
    assert set(seen[-1]) == {"ask_payment_today", "find_reason", "explain_consequences", "secure_promise"}


def test_coach_warns_on_the_message_that_crosses_a_line():
    assert coach.crossed_line("You idiot, pay now.", "en", "debtor", STARTED)
    assert coach.crossed_line("Pay or we will have you arrested.", "en", "debtor", STARTED)
    assert coach.crossed_line("What happened?", "en", "debtor", STARTED) == []
    assert coach.crossed_line("Your husband owes us $300, can you pay it?", "en", "third_party", STARTED)


# -- exports ------------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'views.sqlite3'}") as s:
        yield s


def _stored(store: Store, call: Call) -> int:
    cid = store.start_call(viewer=None, persona_id=call.persona.id, language=call.language,
                           difficulty=call.difficulty, seed=call.seed, started_at=call.started_at)
    for t in call.transcript.turns:
        store.add_turn(cid, t.role, t.text)
    store.finish_call(cid, report=call.score().to_json(), outcome=call.outcome().to_json())
    return cid


def test_csv_and_jsonl_export_every_row_and_defuse_formulas(store):
    _stored(store, played())
    transcript = Transcript(turns=[Turn(role="trainee", text="Hi"), Turn(role="persona", text="Hello")])
    store.save_uploaded(None, transcript.to_json(), {"rubric": "collection-call", "score": 0, "passed": False,
                                                     "criteria": [], "violations": []}, '=HYPERLINK("x")')
    rows = store.list_calls(None)
    table = list(csv.DictReader(io.StringIO(exports.to_csv(rows))))
    assert [r["id"] for r in table] == [str(r.id) for r in rows]
    assert set(exports.COLUMNS) == set(table[0])
    upload = next(r for r in table if r["source"] == "upload")
    assert upload["title"].startswith("'=")
    lines = exports.to_jsonl(rows).splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r.id for r in rows]
    practice = next(json.loads(line) for line in lines if json.loads(line)["source"] == "practice")
    assert practice["score"] == 100 and practice["secure_promise"] == "met" and practice["promise_due"]


def test_html_report_is_self_contained_and_escaped(store):
    call = played(["Hello " + XSS[0], "What happened? " + XSS[1]])
    record = store.get_call(_stored(store, call), None)
    page = exports.report_html(record)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    tags = Tags()
    tags.feed(page)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & {t for t, _ in tags.seen}
    assert not [(t, a) for t, attrs in tags.seen for a, _ in attrs if a in ("src", "href") or a.startswith("on")]
    style = page.split("<style>")[1].split("</style>")[0]
    assert "@import" not in style and "url(" not in style
    assert views.esc(XSS[0]) in page and "Transcript" in page and 'data-score="' in page


def test_line_chart_draws_every_point_and_escapes_names():
    day = datetime(2025, 3, 3, 10, 0)
    one = views.line_chart({"ana": [(day, 80.0)]}, title="Trend")
    assert one.count("<circle") == 1 and "<polyline" not in one
    many = views.line_chart({"<b>x</b>": [(day, 50.0), (day.replace(hour=11), 90.0)], "ben": [(day, 100.0)]},
                            title="Cohort")
    assert many.count("<circle") == 3 and many.count("<polyline") == 1 and "&lt;b&gt;x&lt;/b&gt;" in many
    assert "<b>" not in many
    assert "No scored calls" in views.line_chart({}, title="Trend")


def test_stream_groups_keep_every_word_in_order():
    from simulator.web.trainee import chunks, group
    words = chunks("  one two three four five six seven eight nine ten eleven twelve thirteen")
    for most in (1, 2, 5, 8, 30):
        pieces = group(words, most)
        assert "".join(w for p in pieces for w in p) == "".join(words)
        assert pieces[0] == words[:1] and len(pieces) <= max(2, most)
    assert group(chunks("Yes."), 8) == [["Yes."]]
