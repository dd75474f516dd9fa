"""The web app's handlers called directly, as gradio would call them (no server, no browser)."""

from __future__ import annotations

import html
import json
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from simulator.call import Call
from simulator.persona import load_persona
from simulator.store import Store
from simulator.web.history import History
from simulator.web.trainee import Practice, Session
from simulator.web.trainer import Trainer, cohort_frames
from web_helpers import (PASSWORD, XSS, collect, collect_one, content_text, field, is_skip, make_ctx,
                         promise_script, request)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'web.sqlite3'}") as s:
        yield s


@pytest.fixture
def team(store):
    """Accounts mode: two trainees and a trainer."""
    for name, role in (("ana", "trainee"), ("ben", "trainee"), ("tina", "trainer")):
        store.add_user(name, role, PASSWORD)
    return store


@pytest.fixture
def app(store):
    ctx = make_ctx(store)
    practice = Practice(ctx)
    yield ctx, practice, History(ctx, practice), Trainer(ctx)
    ctx.close()


def start(practice: Practice, user: str | None = None, seed: int = 42, persona: str = "next_month",
          coach_on: bool = False, session: str = "s1") -> Session:
    update = practice.start(persona, "easy", "en", "scripted", seed, coach_on, None, request(user, session))
    sess = field(update, "state")
    assert isinstance(sess, Session) and sess.live is not None, "the call did not start"
    return sess


@dataclass
class Said:
    accepted: tuple        # ACCEPT_OUT
    replies: list[tuple]   # REPLY_OUT, one per streamed update
    after: tuple           # OUT, from after_send


def say(practice: Practice, sess: Session, text: str | None, user: str | None = None,
        coach_on: bool = False) -> Said:
    """What the browser does for one message: accept, then reply (streamed), then after_send."""
    accepted, *replies = collect(practice.send(text, coach_on, sess, request(user)))
    return Said(accepted, replies, practice.after_send(coach_on, sess, request(user)))


def play(practice: Practice, sess: Session, user: str | None = None) -> None:
    for text in promise_script(sess.live.call.card()):
        say(practice, sess, text, user)


# -- a call ---------------------------------------------------------------------------------------

def test_a_call_streams_each_reply_and_commits_both_turns_first(app, team):
    ctx, practice, _, _ = app
    sess = start(practice, "ana")
    card = sess.live.call.card()
    said = say(practice, sess, f"Hello, am I speaking with {card['debtor']}?", "ana")
    assert field(said.accepted, "msg") == ""
    assert field(said.accepted, "chatbot") == [{"role": "user", "content": f"Hello, am I speaking with {card['debtor']}?"}]
    chat = field(said.replies[0], "chatbot")
    reply = sess.live.call.transcript.turns[-1].text
    assert chat[-2]["role"] == "user" and chat[-1]["role"] == "assistant"
    assert reply.startswith(chat[-1]["content"].strip())
    assert len(chat[-1]["content"]) < len(reply), "the first update carries the first word, not the whole reply"
    assert len(said.replies) == min(len(reply.split()), 8)
    shown_words = [len(content_text(field(u, "chatbot")[-1]).split()) for u in said.replies]
    assert shown_words == sorted(shown_words) and shown_words[0] == 1, "word order, first word alone"
    assert content_text(field(said.replies[-1], "chatbot")[-1]) == reply
    record = team.get_call(sess.live.call_id, team.get_user("ana"))
    assert [t["role"] for t in record.turns] == ["trainee", "persona"] and record.turns[1]["text"] == reply
    assert 'class="turns">1<' in field(said.after, "status_html")
    # streaming updates carry plain values: gradio rebuilds a component for every gr.update/gr.skip
    assert not [v for u in said.replies for v in u if isinstance(v, dict) and v.get("__type__") == "update"]


def test_a_call_to_a_promise_is_scored_and_stored(app, team):
    ctx, practice, _, _ = app
    sess = start(practice, "ana")
    play(practice, sess, "ana")
    update = practice.end(sess, request("ana"))
    assert field(update, "score_col")["visible"] is True and field(update, "call_col")["visible"] is False
    html = field(update, "score_html")
    assert 'data-score="100"' in html and html.count("pill met") == 4 and "Promise: $" in html
    assert field(update, "report_btn").endswith(f"dojo-call-{sess.live.call_id}.html")
    record = team.get_call(sess.live.call_id, team.get_user("ana"))
    assert record.status == "finished" and record.score == 100 and len(record.turns) == 14
    assert record.promise_due is not None and record.trainee == "ana"


def test_an_empty_message_does_nothing(app):
    _, practice, _, _ = app
    sess = start(practice)
    for text in ("", "   ", None):
        said = say(practice, sess, text)
        assert all(is_skip(v) for v in said.accepted[:-1])
        assert [field(u, "chatbot") for u in said.replies] == [{"__type__": "update"}]
    assert sess.live.call.transcript.turns == []


def test_a_too_long_message_is_refused_with_a_notice_and_kept(app, store):
    _, practice, _, _ = app
    sess = start(practice)
    with pytest.warns(UserWarning, match="4000"):
        said = say(practice, sess, "x" * 4001)
    assert is_skip(field(said.accepted, "msg")), "the text stays in the box to be shortened"
    assert store.get_call(sess.live.call_id, None).turns == []
    say(practice, sess, "y" * 4000)
    assert len(store.get_call(sess.live.call_id, None).turns) == 2


@pytest.mark.parametrize("payload", XSS)
def test_the_chat_shows_typed_markup_as_text(app, payload):
    _, practice, _, _ = app
    sess = start(practice)
    said = say(practice, sess, payload)
    assert "<" not in field(said.accepted, "chatbot")[0]["content"]
    shown = field(said.replies[-1], "chatbot")[0]["content"]
    assert "<" not in shown and "&lt;" in shown
    assert sess.live.call.transcript.turns[0].text == payload, "the transcript keeps exactly what was typed"


def test_the_persona_can_hang_up_and_the_call_is_scored(app, store):
    _, practice, _, _ = app
    sess = start(practice)
    for _ in range(6):  # through the API: accept + reply only, no after_send
        collect(practice.send("You stupid idiot, pay up now!", False, sess, request()))
        if sess.live.call.over:
            break
    assert sess.live.finished and sess.live.call.state.hung_up
    record = store.get_call(sess.live.call_id, None)
    assert record.status == "finished" and record.hung_up, "the reply itself closes the call in the store"
    shown = practice.after_send(False, sess, request())
    assert field(shown, "score_col")["visible"] is True
    assert "hung up" in field(shown, "score_html") and "Blocker" in field(shown, "score_html")
    assert all(is_skip(v) for v in practice.after_send(False, sess, request())), "shown once"
    assert 'id="dojo-scorecard"' in field(practice.end(sess, request()), "score_html"), "end shows it again"
    with pytest.warns(UserWarning, match="Start a call"):
        say(practice, sess, "Hello?")


def test_retry_is_the_same_call_and_new_call_goes_back(app, store):
    _, practice, _, _ = app
    sess = start(practice, seed=None)
    first = sess.live
    say(practice, sess, "Hello, is that you?")
    with pytest.warns(UserWarning, match="End the current call"):
        practice.retry(False, sess, request())
    practice.end(sess, request())
    update = practice.retry(False, sess, request())
    assert sess.live is not first and sess.live.call.seed == first.call.seed
    assert sess.live.call.card()["debtor"] == first.call.card()["debtor"] and sess.live.call_id != first.call_id
    assert field(update, "call_col")["visible"] is True and field(update, "chatbot") == []
    practice.end(sess, request())
    update = practice.new_call(sess)
    assert sess.live is None and field(update, "setup_col")["visible"] is True


def test_coach_mode_ticks_tasks_and_warns_the_moment_a_line_is_crossed(app):
    _, practice, _, _ = app
    sess = start(practice, coach_on=True)
    script = promise_script(sess.live.call.card())
    said = say(practice, sess, script[1], coach_on=True)
    coach_html = field(said.after, "coach_html")
    assert 'class="met" data-task="ask_payment_today"' in coach_html
    assert 'class="missed" data-task="find_reason"' in coach_html
    with pytest.warns(UserWarning, match="Compliance"):  # the moment it is sent, before any reply
        practice_accept = collect_one(practice.accept(
            "Pay today or we will call your employer and have you arrested.", True, sess, request()))
    assert sess.live.pending and field(practice_accept, "msg") == ""
    collect(practice.reply(True, sess, request()))
    assert "dojo-alert" in field(practice.after_send(True, sess, request()), "coach_html")
    visible, html = practice.toggle_coach(False, sess)
    assert visible["visible"] is False
    visible, html = practice.toggle_coach(True, sess)
    assert visible["visible"] is True and "dojo-alert" in html


def test_sessions_do_not_share_calls(app):
    _, practice, _, _ = app
    one, two = start(practice, session="a"), start(practice, session="b", seed=7)
    say(practice, one, "Hello from one")
    say(practice, two, "Hello from two")
    assert [t.text for t in one.live.call.transcript.turns if t.role == "trainee"] == ["Hello from one"]
    assert [t.text for t in two.live.call.transcript.turns if t.role == "trainee"] == ["Hello from two"]


def test_without_sign_in_once_accounts_exist_nothing_starts(app, team):
    _, practice, history, trainer = app
    with pytest.warns(UserWarning, match="Sign-in is required"):
        update = practice.start("next_month", "easy", "en", "scripted", 1, False, None, request(None))
    assert field(update, "state").live is None
    assert team.list_calls(team.get_user("tina")) == []


def test_a_failed_save_keeps_the_call_and_saves_later(app, store, monkeypatch):
    _, practice, _, _ = app
    sess = start(practice)
    real = store.add_turn
    monkeypatch.setattr(store, "add_turn", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.warns(UserWarning, match="Could not save"):
        say(practice, sess, "Hello, is that you?")
    assert len(sess.live.call.transcript.turns) == 2 and len(sess.live.unsaved) == 2
    monkeypatch.setattr(store, "add_turn", real)
    say(practice, sess, "What happened?")
    turns = store.get_call(sess.live.call_id, None).turns
    assert [t["text"] for t in turns if t["role"] == "trainee"] == ["Hello, is that you?", "What happened?"]


# -- history and resume ------------------------------------------------------------------------------

def test_history_shows_my_calls_and_trend(app, team):
    _, practice, history, _ = app
    for seed in (1, 2):
        sess = start(practice, "ana", seed=seed)
        play(practice, sess, "ana")
        practice.end(sess, request("ana"))
    start(practice, "ben", seed=3)
    table, trend, stats, open_dd, open_group, past_dd = history.refresh(request("ana"))
    assert len(table) == 2 and trend.count("<circle") == 2 and "<polyline" in trend
    assert ">2<" in stats and open_group["visible"] is False and len(past_dd["choices"]) == 2
    table, *_, open_dd, open_group, _ = history.refresh(request("ben"))
    assert len(table) == 1 and open_group["visible"] is True and len(open_dd["choices"]) == 1


def test_a_call_resumes_after_a_restart_exactly_where_it_stopped(store):
    ctx = make_ctx(store)
    practice = Practice(ctx)
    sess = start(practice, seed=11)
    script = promise_script(sess.live.call.card())
    for text in script[:3]:
        say(practice, sess, text)
    call_id = sess.live.call_id
    del sess, practice  # the server died; only the database is left

    ctx2 = make_ctx(store)
    practice2 = Practice(ctx2)
    history2 = History(ctx2, practice2)
    *_, open_dd, open_group, _ = history2.refresh(request())
    assert open_group["visible"] and open_dd["value"] == call_id
    result = history2.resume(call_id, False, None, request())
    sess2 = field(result[:-1], "state")
    assert result[-1]["selected"] == "practice"
    assert len(field(result[:-1], "chatbot")) == 6
    for text in script[3:]:
        say(practice2, sess2, text)
    practice2.end(sess2, request())
    expected = Call.replay(load_persona("next_month"), script, seed=11, difficulty="easy",
                           started_at=sess2.live.call.started_at)
    record = store.get_call(call_id, None)
    assert [t["text"] for t in record.turns] == [t.text for t in expected.transcript.turns]
    assert record.status == "finished" and record.score == 100


def test_resume_says_a_missing_last_reply_and_stores_it(store):
    ctx = make_ctx(store)
    practice = Practice(ctx)
    sess = start(practice, seed=5)
    say(practice, sess, "Hello, is that Ms. Rivera?")
    store.add_turn(sess.live.call_id, "trainee", "What happened?")  # the reply never made it to disk
    history = History(ctx, Practice(ctx))
    result = history.resume(sess.live.call_id, False, None, request())
    turns = store.get_call(sess.live.call_id, None).turns
    assert [t["role"] for t in turns] == ["trainee", "persona", "trainee", "persona"]
    assert field(result[:-1], "chatbot")[-1]["content"] == html.escape(turns[-1]["text"], quote=False)


def test_nobody_resumes_or_opens_someone_elses_call(app, team):
    _, practice, history, trainer = app
    sess = start(practice, "ana")
    say(practice, sess, "Hello", "ana")
    cid = sess.live.call_id
    with pytest.warns(UserWarning, match="not one of your unfinished calls"):
        result = history.resume(cid, False, None, request("ben"))
    assert field(result[:-1], "state").live is None
    with pytest.warns(UserWarning, match="not one of your unfinished calls"):
        history.resume(cid, False, None, request("tina"))
    with pytest.warns(UserWarning, match="no such call"):
        history.open_past(cid, request("ben"))
    with pytest.warns(UserWarning, match="Only trainers"):
        assert all(v == {"__type__": "update"} for v in trainer.table(request=request("ben")))
    with pytest.warns(UserWarning, match="Only trainers"):
        trainer.open_call(cid, request("ben"))
    with pytest.warns(UserWarning, match="Only trainers"):
        trainer.override(cid, "find_reason", "met", "", request("ana"))


def test_abandon_closes_an_unfinished_call(app, store):
    _, practice, history, _ = app
    sess = start(practice)
    cid = sess.live.call_id
    with pytest.warns(UserWarning, match="open in Practice"):
        history.abandon(cid, sess, request())
    other = history.abandon(cid, None, request())
    assert store.get_call(cid, None).status == "abandoned" and other[4]["visible"] is False


# -- trainer -------------------------------------------------------------------------------------

def _finished(practice: Practice, user: str, seed: int, messages: list[str] | None = None) -> int:
    sess = start(practice, user, seed=seed)
    if messages is None:
        play(practice, sess, user)
    else:
        for text in messages:
            say(practice, sess, text, user)
    practice.end(sess, request(user))
    return sess.live.call_id


def test_trainer_table_filters_sorts_and_exports(app, team, tmp_path):
    _, practice, _, trainer = app
    good = _finished(practice, "ana", 1)
    poor = _finished(practice, "ben", 2, ["Hello", "When can you pay?"])
    frame, count, csv_btn, jsonl_btn = trainer.table(request=request("tina"))
    assert count == "2 calls" and list(frame["ID"]) == [poor, good]
    assert list(frame.columns[:6]) == ["ID", "Date", "Trainee", "Persona", "Difficulty", "Score"]
    frame, *_ = trainer.table("ana", request=request("tina"))
    assert list(frame["ID"]) == [good]
    frame, *_ = trainer.table(outcome="promise", request=request("tina"))
    assert list(frame["ID"]) == [good]
    frame, *_ = trainer.table(sort_by="score", descending=False, request=request("tina"))
    assert list(frame["Score"]) == sorted(frame["Score"])
    today = datetime.now().date()
    frame, *_ = trainer.table(date_from=str(today + timedelta(days=1)), request=request("tina"))
    assert frame.empty
    frame, *_, csv_btn, jsonl_btn = trainer.table(date_from=str(today), date_to=str(today), request=request("tina"))
    assert len(frame) == 2
    csv_text = open(csv_btn["value"], encoding="utf-8").read()
    assert csv_text.splitlines()[0].startswith("id,date,trainee,persona,difficulty")
    assert len(csv_text.splitlines()) == 3
    assert [json.loads(x)["id"] for x in open(jsonl_btn["value"], encoding="utf-8")] == [poor, good]
    with pytest.warns(UserWarning, match="not a date"):
        trainer.table(date_from="yesterday", request=request("tina"))


def test_trainer_override_is_stored_beside_the_automatic_verdict(app, team):
    _, practice, _, trainer = app
    cid = _finished(practice, "ana", 1)
    html, transcript, criteria, report_btn, selected = trainer.open_call(cid, request("tina"))
    assert selected == cid and len(criteria["choices"]) == 4 and report_btn["visible"]
    assert '<mark class="ev"' in transcript and "Transcript" in transcript
    html, transcript, criteria, report_btn, selected, comment = trainer.override(
        cid, "find_reason", "partial", "Ask <b>one</b> more question", request("tina"))
    record = team.get_call(cid, team.get_user("tina"))
    assert record.criteria["find_reason"] == "met" and record.report["criteria"][1]["status"] == "met"
    assert record.overrides[-1].status == "partial" and record.effective_status("find_reason") == "partial"
    row = html.split('data-criterion="find_reason"')[1].split("</tr>")[0]
    assert "pill met" in row and "Automatic" in row and "Trainer: Partial" in row and "&lt;b&gt;one&lt;/b&gt;" in row
    assert comment == "" and selected == cid
    frame, *_ = trainer.table(request=request("tina"))
    assert list(frame["Overrides"]) == [1]
    mine = History(trainer.ctx, practice).open_past(cid, request("ana"))[0]
    assert "Trainer: Partial" in mine, "the trainee sees the trainer's verdict on their call"


def test_overrides_need_a_trainer_account_in_local_mode(app):
    _, practice, _, trainer = app
    cid = _finished(practice, None, 1)
    with pytest.warns(UserWarning, match="trainer account"):
        trainer.override(cid, "find_reason", "partial", "", request())


def test_cohort_plots_and_agreement(app, team):
    _, practice, _, trainer = app
    a = _finished(practice, "ana", 1)
    _finished(practice, "ben", 2, ["Hello", "When can you pay?"])
    pass_rate, per_persona, over_time, agreement, note = trainer.cohort(request("tina"))
    assert dict(zip(pass_rate["criterion"], pass_rate["pass rate (%)"]))["Reason"] == 50.0
    assert list(per_persona["persona"]) == ["next_month"]
    assert over_time.count("<circle") == 2 and ">ana<" in over_time and ">ben<" in over_time
    assert agreement.empty and "No trainer overrides" in note
    trainer.override(a, "find_reason", "met", "agree", request("tina"))
    trainer.override(a, "secure_promise", "partial", "not concrete enough", request("tina"))
    *_, agreement, note = trainer.cohort(request("tina"))
    assert dict(zip(agreement["criterion"], agreement["agreement (%)"])) == {"Reason": 100.0, "Promise": 0.0}
    assert "<span>Secure a concrete promise</span><span>1</span><span>0</span><b>0%</b>" in note
    pass_rate, *_ = trainer.cohort(request("tina"))
    assert dict(zip(pass_rate["criterion"], pass_rate["pass rate (%)"]))["Promise"] == 0.0


def test_cohort_frames_with_no_calls_are_empty_frames():
    pass_rate, per_persona, over_time, agreement, note = cohort_frames([], {})
    assert list(pass_rate["pass rate (%)"]) == [0.0] * 4 and per_persona.empty and "<svg" not in over_time


def test_uploaded_transcripts_are_scored_into_the_table(app, team, tmp_path):
    _, _, _, trainer = app
    text = ("Trainee: Hello, this is Sam from Northwind. I need you to pay the $300 today.\n"
            "Debtor: I can't, my car broke down.\nTrainee: What happened?\nDebtor: The repair took my paycheck.\n")
    html, cleared = trainer.upload(None, text, XSS[1], request("tina"))
    assert "Ask for payment today" in html and "<img" not in html and cleared is None
    path = tmp_path / "real-call.json"
    path.write_text(json.dumps({"language": "en", "turns": [{"role": "trainee", "text": "Hi"},
                                                            {"role": "persona", "text": "Hello"}]}))
    trainer.upload(str(path), "", "", request("tina"))
    frame, *_ = trainer.table(request=request("tina"))
    assert len(frame) == 2 and all(p.startswith("upload") for p in frame["Persona"])
    assert any("real-call" in p for p in frame["Persona"])
    bad = tmp_path / "bad.txt"
    bad.write_text("hello there\n")
    with pytest.warns(UserWarning, match="expected 'Trainee: ...'"):
        trainer.upload(str(bad), "", "", request("tina"))
    with pytest.warns(UserWarning, match="Only trainers"):
        trainer.upload(None, text, "", request("ana"))


# -- the LLM voice ----------------------------------------------------------------------------------

class FakeVoice:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    async def stream(self, call, text):
        decision = call.decide(text)
        line = "LLM says: " + call.scripted_line(decision)
        if self.fail:
            yield "LLM "
            raise RuntimeError("connection reset")
        for word in line.split(" "):
            yield word + " "
        yield call.record(text, decision, line, {"voice": "llm"})


def test_llm_voice_is_offered_only_when_configured(app, monkeypatch):
    ctx = app[0]
    monkeypatch.delenv("DOJO_LLM_BASE_URL", raising=False)
    assert ctx.llm_available is False
    monkeypatch.setenv("DOJO_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    import importlib.util
    assert ctx.llm_available is (importlib.util.find_spec("simulator.llm.voice") is not None)


@pytest.mark.parametrize("fail", [False, True])
def test_llm_turns_stream_and_fall_back_to_the_scripted_line(app, store, fail):
    ctx, practice, _, _ = app
    sess = start(practice)
    sess.live.mode = "llm"
    ctx._voice = FakeVoice(fail)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        said = say(practice, sess, "Hello, is that you?")
    turns = store.get_call(sess.live.call_id, None).turns
    assert [t["role"] for t in turns] == ["trainee", "persona"]
    assert turns[1]["text"].startswith("LLM says:") is (not fail)
    assert turns[1]["text"] == sess.live.call.transcript.turns[-1].text
    assert len(said.replies) > 2 and field(said.replies[-1], "chatbot")[-1]["content"].startswith(
        "LLM says:" if not fail else turns[1]["text"][:5])


def test_a_second_message_waits_for_the_reply(app, store, capsys):
    _, practice, _, _ = app
    sess = start(practice)
    first = collect_one(practice.accept("Hello, is that you?", False, sess, request()))
    assert field(first, "msg") == "" and sess.live.pending == "Hello, is that you?"
    second = collect_one(practice.accept("Are you there?", False, sess, request()))
    assert is_skip(field(second, "msg")), "the second message stays in the box"
    assert "Wait for the reply" in capsys.readouterr().out  # gr.Info prints outside a running app
    collect(practice.reply(False, sess, request()))
    assert [t["text"] for t in store.get_call(sess.live.call_id, None).turns if t["role"] == "trainee"] == [
        "Hello, is that you?"]
    assert all(is_skip(v) for v in collect(practice.reply(False, sess, request()))[0][:-1]), "nothing pending"


def test_the_trainee_turn_is_on_disk_before_the_first_word(app, store):
    import asyncio
    _, practice, _, _ = app
    sess = start(practice)
    collect_one(practice.accept("Hello, is that you?", False, sess, request()))

    async def first_word() -> list:
        agen = practice.reply(False, sess, request())
        await agen.__anext__()
        on_disk = [t["role"] for t in store.get_call(sess.live.call_id, None).turns]
        async for _ in agen:
            pass
        return on_disk

    assert asyncio.run(first_word())[:1] == ["trainee"]
    assert [t["role"] for t in store.get_call(sess.live.call_id, None).turns] == ["trainee", "persona"]


class SlowVoice:
    """Streams a little, then hangs until cancelled (the trainee closed the tab)."""

    async def stream(self, call, text):
        import asyncio
        yield "Well "
        await asyncio.sleep(3600)


def awaiting_a_slow_llm_reply(app) -> tuple[Practice, Session]:
    """A call with the LLM voice whose first message is accepted; its reply will hang after a word."""
    ctx, practice, _, _ = app
    sess = start(practice)
    sess.live.mode = "llm"
    ctx._voice = SlowVoice()
    collect_one(practice.accept("Hello, is that you?", False, sess, request()))
    return practice, sess


def test_a_cancelled_llm_turn_keeps_the_call_and_the_store_in_step(app, store):
    import asyncio
    practice, sess = awaiting_a_slow_llm_reply(app)

    async def cancel_mid_stream() -> None:
        agen = practice.reply(False, sess, request())
        await agen.__anext__()  # "…"
        await agen.__anext__()  # "Well "
        await agen.aclose()     # what gradio does when the browser goes away

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        asyncio.run(cancel_mid_stream())
    sess.live.mode = "scripted"
    say(practice, sess, "What happened?")
    turns = store.get_call(sess.live.call_id, None).turns
    assert [t["role"] for t in turns] == ["trainee", "persona"] * 2
    assert [t["text"] for t in turns] == [t.text for t in sess.live.call.transcript.turns]


def test_stop_cancels_the_reply_and_shows_the_call_as_it_stands(app, store):
    """What the Stop button does: gradio cancels the task streaming the reply, then ``stop`` runs."""
    import asyncio
    practice, sess = awaiting_a_slow_llm_reply(app)

    async def stop_mid_stream() -> tuple:
        shown = []

        async def streaming() -> None:
            async for update in practice.reply(False, sess, request()):
                shown.append(update)

        task = asyncio.create_task(streaming())
        while len(shown) < 2:  # "…", then "Well "
            await asyncio.sleep(0.01)
        task.cancel()  # gradio's cancels=: the task, not the generator, is cancelled
        return await practice.stop(False, sess, request())

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stopped = asyncio.run(stop_mid_stream())
    call = sess.live.call
    assert [t.role for t in call.transcript.turns] == ["trainee", "persona"]
    stand_in = call.transcript.turns[1]
    assert stand_in.meta == {"notice": "llm_failed"}  # the scripted line stood in for the stopped reply
    assert [m["content"] for m in field(stopped, "chatbot")][-1] == stand_in.text
    turns = store.get_call(sess.live.call_id, None).turns
    assert [t["text"] for t in turns] == [t.text for t in call.transcript.turns], "saved by stop itself"
    sess.live.mode = "scripted"
    said = say(practice, sess, "What happened?")  # the call goes on
    assert len(said.replies) >= 1 and len(call.transcript.turns) == 4


def test_stop_before_the_reply_began_puts_the_message_back_unsent(app, store):
    _, practice, _, _ = app
    sess = start(practice)
    collect_one(practice.accept("Hello, is that you?", False, sess, request()))
    stopped = collect_one(practice.stop(False, sess, request()))  # the reply event never ran
    assert field(stopped, "msg") == "Hello, is that you?"
    assert field(stopped, "chatbot") == [] and sess.live.pending is None
    assert store.get_call(sess.live.call_id, None).turns == []
    said = say(practice, sess, "Hello, is that you?")  # it can be sent again
    assert [t.role for t in sess.live.call.transcript.turns] == ["trainee", "persona"] and said.replies
    idle = collect_one(practice.stop(False, sess, request()))  # with no reply under way: nothing changes
    assert [m["content"] for m in field(idle, "chatbot")] == [t.text for t in sess.live.call.transcript.turns]
    assert len(sess.live.call.transcript.turns) == 2 and is_skip(field(idle, "msg"))
