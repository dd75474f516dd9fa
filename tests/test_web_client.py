"""The app over HTTP with gradio_client: sessions stay apart, and sign-in is required once accounts exist."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client
from gradio_client.exceptions import AuthenticationError

from simulator.llm.fake_server import demo_policy, running_fake_server
from simulator.store import Store
from web_helpers import PASSWORD, content_text, running_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")
TABLE_ARGS = dict(trainee="any", persona="any", date_from=None, date_to=None, outcome="any", sort_by="started_at",
                  descending=True)
# outputs of the practice endpoints through the API (layout columns and gr.State are not in it)
CARD, CHAT, STATUS, COACH, MSG, SCORE, REPORT = range(7)


def say(client: Client, text: str) -> list:
    """accept, then the streamed reply, as the browser chains them; returns the final chat."""
    msg, chat = client.predict(text, False, api_name="/accept")
    assert msg == "" and content_text(chat[-1]) == text
    return client.predict(False, api_name="/reply")


def say_once(client: Client, text: str) -> list:
    """The API's one call per turn."""
    job = client.submit(text, False, api_name="/say")
    updates = list(job)
    assert len(updates) >= 1
    return job.result()


@pytest.fixture
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'client.sqlite3'}") as s:
        yield s


def start(client: Client, seed: int) -> tuple:
    return client.predict("next_month", "easy", "en", "scripted", seed, False, api_name="/start")


def test_two_clients_at_once_never_see_each_others_call(store):
    with running_app(store) as url:
        one, two = Client(url, verbose=False), Client(url, verbose=False)
        card_one, card_two = start(one, 1)[CARD], start(two, 2)[CARD]
        assert "seed 1<" in card_one and "seed 2<" in card_two

        def talk(client: Client, who: str) -> list:
            chat = []
            for turn in range(4):
                speak = say if turn % 2 else say_once
                chat = speak(client, f"{who} says hello, turn {turn}")
            return chat

        with ThreadPoolExecutor(2) as pool:
            chat_one, chat_two = pool.map(talk, (one, two), ("one", "two"))
        said_one = [content_text(m) for m in chat_one if m["role"] == "user"]
        said_two = [content_text(m) for m in chat_two if m["role"] == "user"]
        assert said_one == [f"one says hello, turn {i}" for i in range(4)]
        assert said_two == [f"two says hello, turn {i}" for i in range(4)]
        ended = one.predict(api_name="/end")
        assert 'id="dojo-scorecard"' in ended[SCORE]
        # the other session's call is still going, untouched by the first one's end
        assert content_text(say(two, "two is still here")[-2]) == "two is still here"
        assert "On call" in two.predict(False, api_name="/after_send")[STATUS]
    by_seed = {r.id: r for r in store.list_calls(None)}
    texts = {cid: [t["text"] for t in store.get_call(cid, None).turns if t["role"] == "trainee"]
             for cid in by_seed}
    assert sorted(map(len, texts.values())) == [4, 5]
    for said in texts.values():
        who = said[0].split()[0]
        assert all(text.startswith(who) for text in said)


def test_sign_in_is_required_once_accounts_exist(store):
    store.add_user("ana", "trainee", PASSWORD)
    store.add_user("tina", "trainer", PASSWORD)
    with running_app(store) as url:
        with pytest.raises(AuthenticationError):
            Client(url, verbose=False)
        with pytest.raises(ValueError, match="login"):
            Client(url, auth=("ana", "not-the-password"), verbose=False)
        ana = Client(url, auth=("ana", PASSWORD), verbose=False)
        assert "Signed in as <b>ana</b>" in ana.predict(api_name="/whoami")[0]
        start(ana, 3)
        say(ana, "Hello from ana")
        ana.predict(api_name="/end")
        # a trainee gets nothing from the trainer endpoints
        assert all(v == {"__type__": "update"} for v in ana.predict(api_name="/calls", **TABLE_ARGS))
        tina = Client(url, auth=("tina", PASSWORD), verbose=False)
        table, count, *_ = tina.predict(api_name="/calls", **TABLE_ARGS)
        assert count == "1 call" and table["data"][0][2] == "ana"


def test_local_mode_says_so(store):
    with running_app(store) as url:
        who, banner = Client(url, verbose=False).predict(api_name="/whoami")
        assert "local mode" in who and "no accounts" in banner


def test_an_llm_voiced_call_runs_over_http_end_to_end(store):
    """The app with the LLM voice against the fake server, all over real sockets: the persona's line
    comes from the endpoint, passes the guard, is stored as an LLM turn, and the call scores."""
    with running_fake_server(policy=demo_policy) as llm:
        options = {"base_url": llm.base_url, "model": "fake-model", "api_key": None}
        with running_app(store, llm_options=options) as url:
            client = Client(url, verbose=False)
            assert "seed 7<" in client.predict("next_month", "easy", "en", "llm", 7, False, api_name="/start")[CARD]
            chat = say_once(client, "Hello, this is Sam from Northwind Credit. Am I speaking with the account holder?")
            reply = content_text(chat[-1])
            ended = client.predict(api_name="/end")
        assert len(llm.chat_requests) == 1 and llm.chat_requests[0].body["stream"] is True
    assert 'id="dojo-scorecard"' in ended[SCORE]
    [call] = store.list_calls(None)
    turns = store.get_call(call.id, None).turns
    assert [t["role"] for t in turns] == ["trainee", "persona"]
    assert turns[1]["text"] == reply and turns[1]["meta"]["voice"] == "llm" and "fallback" not in turns[1]["meta"]
