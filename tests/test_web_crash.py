"""A crash mid-call loses nothing: `dojo serve` is killed with SIGKILL, restarted, and the call resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from gradio_client import Client

from simulator.store import Store
from web_helpers import content_text, free_port, promise_script, wait_for_port

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")
CARD, CHAT, STATUS, COACH, MSG, SCORE, REPORT = range(7)


def say(client: Client, text: str) -> list:
    """accept, then the streamed reply (the browser chains them); returns the final chat."""
    msg, chat = client.predict(text, False, api_name="/accept")
    assert msg == ""
    return client.predict(False, api_name="/reply")


def serve(database: str, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "DOJO_DATABASE_URL": ""}
    out = log.open("ab")
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--database", database], stdout=out, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    try:
        wait_for_port(port, 90)
    except TimeoutError:
        proc.kill()
        raise AssertionError(f"dojo serve did not start:\n{log.read_text(errors='replace')[-2000:]}") from None
    return proc


def test_kill_9_mid_call_then_restart_and_resume(tmp_path):
    database = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    log = tmp_path / "serve.log"
    port = free_port()
    proc = serve(database, port, log)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        card = client.predict("next_month", "easy", "en", "scripted", 11, False, api_name="/start")[CARD]
        assert "seed 11" in card
        with Store(database) as store:
            call_id = store.open_calls(None)[0].id
            script = promise_script({"debtor": _card_value(card, "Debtor"), "lender": _card_value(card, "Lender"),
                                     "amount_text": _card_value(card, "Overdue")})
        for text in script[:3]:
            say(client, text)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)

    with Store(database) as store:
        record = store.get_call(call_id, None)
        assert record.status == "in_progress"
        assert [t["text"] for t in record.turns if t["role"] == "trainee"] == script[:3]
        assert len(record.turns) == 6

    port = free_port()
    proc = serve(database, port, log)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        _, _, _, open_dd, _ = client.predict(api_name="/history")
        assert [c[1] for c in open_dd["choices"]] == [call_id]
        resumed = client.predict(call_id, False, api_name="/resume")
        assert [content_text(m) for m in resumed[CHAT] if m["role"] == "user"] == script[:3]
        for text in script[3:]:
            say(client, text)
        ended = client.predict(api_name="/end")
        assert 'data-score="100"' in ended[SCORE]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)

    with Store(database) as store:
        record = store.get_call(call_id, None)
        assert record.status == "finished" and record.score == 100 and len(record.turns) == 14
        assert [t["text"] for t in record.turns if t["role"] == "trainee"] == script


def _card_value(card_html: str, key: str) -> str:
    import html
    import re
    m = re.search(rf'<div class="k">{key}</div><div class="v">(.*?)</div>', card_html)
    assert m, key
    return html.unescape(m.group(1))
