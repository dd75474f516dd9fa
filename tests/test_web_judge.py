"""The trainer's 'Ask the LLM judge' in the Review tab, against the fake OpenAI-compatible server."""

from __future__ import annotations

import json

import pytest

from simulator.llm.fake_server import running_fake_server
from simulator.rubric import load_rubric, score_transcript
from simulator.store import Store, call_transcript_json
from simulator.transcript import Transcript
from simulator.web.trainee import Practice
from simulator.web.trainer import Trainer
from web_helpers import PASSWORD, make_ctx, request

from test_web_handlers import _finished  # a scripted call played to the end through the handlers

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def app(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'web.sqlite3'}") as store, running_fake_server() as server:
        store.add_user("ana", "trainee", PASSWORD)
        store.add_user("tina", "trainer", PASSWORD)
        ctx = make_ctx(store, llm_options={"base_url": server.base_url, "model": None, "api_key": None})
        yield store, server, Practice(ctx), Trainer(ctx)
        ctx.close()


def test_the_judge_shows_beside_the_rubric_and_flags_disagreement(app):
    store, server, practice, trainer = app
    cid = _finished(practice, "ana", 1)
    record = store.get_call(cid, store.get_user("tina"))
    transcript = Transcript.model_validate(call_transcript_json(record))
    report = score_transcript(transcript, load_rubric())
    answer = {"criteria": [{"id": c.id, "status": c.status, "rationale": "<i>as scored</i>",
                            "evidence": [{"turn": e.turn, "quote": e.quote} for e in c.evidence]}
                           for c in report.criteria]}
    answer["criteria"][0] = {**answer["criteria"][0], "status": "missed", "evidence": []}
    server.policy = lambda body: json.dumps(answer)
    html = trainer.judge(cid, request("tina"))
    assert "LLM judge" in html and "disagrees" in html and "dojo-disagree" in html
    assert "&lt;i&gt;as scored&lt;/i&gt;" in html and "<i>" not in html
    assert store.get_call(cid, store.get_user("tina")).report == record.report  # shown, never stored


def test_the_judge_needs_a_trainer_and_says_why_when_the_endpoint_is_down(app, tmp_path):
    store, server, practice, trainer = app
    cid = _finished(practice, "ana", 2)
    with pytest.warns(UserWarning):
        trainer.judge(cid, request("ana"))  # a trainee: refused
    trainer.ctx.llm_options = {"base_url": "http://127.0.0.1:9/v1", "model": "m", "api_key": None}
    with pytest.warns(UserWarning, match="LLM judge"):
        trainer.judge(cid, request("tina"))
