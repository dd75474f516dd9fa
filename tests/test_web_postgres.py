"""The web app on PostgreSQL (DOJO_DATABASE_URL in production): a call to a promise, a trainer's
review and override, and several trainees at once through the HTTP app. Skips without PostgreSQL
server binaries, except under CI=true."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import pytest
from argon2 import PasswordHasher
from gradio_client import Client

from simulator.store import Store
from simulator.web.history import History
from simulator.web.trainee import Practice
from simulator.web.trainer import Trainer
from web_helpers import PASSWORD, collect, content_text, field, make_ctx, promise_script, request, running_app

try:
    from tests import pg
except ImportError:  # pragma: no cover - tests/ run as the rootdir
    import pg  # type: ignore[no-redef]

pytestmark = [pytest.mark.postgres, pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")]
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)




@pytest.fixture
def store(pg_server: str) -> Iterator[Store]:
    with Store(pg.fresh_database(pg_server), hasher=FAST_HASHER) as s:
        for name, role in (("ana", "trainee"), ("ben", "trainee"), ("tina", "trainer")):
            s.add_user(name, role, PASSWORD)
        yield s


def test_a_call_review_and_override_on_postgresql(store):
    assert store.dialect == "postgresql"
    ctx = make_ctx(store)
    practice, trainer = Practice(ctx), Trainer(ctx)
    sess = field(practice.start("next_month", "easy", "en", "scripted", 42, False, None, request("ana")), "state")
    for text in promise_script(sess.live.call.card()):
        collect(practice.send(text, False, sess, request("ana")))
    practice.end(sess, request("ana"))
    cid = sess.live.call_id
    record = store.get_call(cid, store.get_user("ana"))
    assert record.status == "finished" and record.score == 100 and len(record.turns) == 14
    head, *_ = trainer.override(cid, "secure_promise", "partial", "confirm the amount", request("tina"))
    assert "Trainer: Partial" in head
    frame, count, *_ = trainer.table(outcome="promise", request=request("tina"))
    assert count == "1 call" and list(frame["Overrides"]) == [1]
    assert len(History(ctx, practice).refresh(request("ben"))[0]) == 0, "ben sees none of ana's calls"
    ctx.close()


def test_trainees_at_once_over_http_on_postgresql(store):
    with running_app(store) as url:
        def trainee(name: str) -> list[str]:
            client = Client(url, auth=(name, PASSWORD), verbose=False)
            client.predict("next_month", "easy", "en", "scripted", 7, False, api_name="/start")
            said = [f"{name}: hello, turn {i}" for i in range(5)]
            for text in said:
                chat = client.submit(text, False, api_name="/say").result()
                assert content_text(chat[-2]) == text
            client.predict(api_name="/end")
            return said

        with ThreadPoolExecutor(2) as pool:
            said = dict(zip(("ana", "ben"), pool.map(trainee, ("ana", "ben"))))
    for name in ("ana", "ben"):
        (row,) = store.list_calls(store.get_user(name), trainee=name)
        turns = store.get_call(row.id, store.get_user(name)).turns
        assert [t["text"] for t in turns if t["role"] == "trainee"] == said[name]
        assert [t["role"] for t in turns] == ["trainee", "persona"] * 5
