"""The app in Debian's chromium (Playwright): a trainee plays a call to a promise and sees the score
card; a trainer finds it, overrides a criterion and exports CSV; typed markup never runs.

Screenshots of every page go to test-artifacts/ (look at them: a cluttered page is a bug)."""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

from simulator.llm.fake_server import demo_policy, running_fake_server
from simulator.store import Store
from web_helpers import ARTIFACTS, PASSWORD, XSS, promise_script, require, running_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    require(CHROMIUM.exists(), f"{CHROMIUM} not found (apt-get install chromium)")
    require(importlib.util.find_spec("playwright") is not None, "playwright is not installed (pip install playwright)")
    from playwright import sync_api
    ARTIFACTS.mkdir(exist_ok=True)
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.sqlite3'}")
    for name, role in (("ana", "trainee"), ("ben", "trainee"), ("tina", "trainer")):
        store.add_user(name, role, PASSWORD)
    with running_app(store, word_pause=0.02) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield {"url": url, "store": store, "browser": browser, "expect": sync_api.expect}
        browser.close()
    store.close()


def shot(page, name: str) -> None:
    page.wait_for_timeout(300)  # let plots and fonts settle; the screenshot is for eyes, not asserts
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def sign_in(env, name: str, screenshot: str | None = None):
    context = env["browser"].new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(env["url"])
    page.get_by_label("username").fill(name)
    page.get_by_label("password").fill(PASSWORD)
    if screenshot:
        shot(page, screenshot)
    page.get_by_role("button", name="Login").click()
    env["expect"](page.locator("#dojo-whoami")).to_contain_text(f"Signed in as {name}", timeout=30_000)
    return context, page


def wait_turns(store: Store, call_id: int, count: int, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        turns = store.get_call(call_id, store.get_user("tina")).turns
        if len(turns) >= count:
            return turns[count - 1]
        time.sleep(0.1)
    raise AssertionError(f"call {call_id} never reached {count} turns")


def say(env, page, call_id: int, number: int, text: str) -> None:
    expect = env["expect"]
    box = page.locator("#dojo-msg textarea")
    box.fill(text)
    box.press("Enter")
    persona = wait_turns(env["store"], call_id, 2 * number)
    bots = page.locator('#dojo-chat [data-testid="bot"]')
    expect(bots).to_have_count(number, timeout=20_000)
    expect(bots.last).to_have_text(re.compile(r"\s*" + re.escape(persona["text"]) + r"\s*"), timeout=20_000)


def start_call(env, page, seed: int, coach_on: bool = False) -> int:
    expect = env["expect"]
    card = page.locator('.dojo-pcard[data-persona="next_month"]')
    card.click()
    expect(card).to_have_class(re.compile(r"\bselected\b"))
    expect(page.locator(".dojo-pcard.selected")).to_have_count(1)
    page.locator("#dojo-difficulty").get_by_label("easy").check()
    page.locator("#dojo-seed").locator("input, textarea").first.fill(str(seed))
    before = {r.id for r in env["store"].list_calls(env["store"].get_user("tina"))}
    page.locator("#dojo-start").click()
    expect(page.locator("#dojo-card")).to_contain_text(f"seed {seed}", timeout=20_000)
    if coach_on:
        page.locator("#dojo-coach-toggle input").check()
        expect(page.locator("#dojo-coach")).to_contain_text("Ask for payment today")
    after = {r.id for r in env["store"].list_calls(env["store"].get_user("tina"))}
    (call_id,) = after - before
    return call_id


def test_trainee_plays_to_a_promise_and_trainer_reviews_it(env):
    expect, store = env["expect"], env["store"]
    context, page = sign_in(env, "ana", screenshot="login")
    expect(page.get_by_role("tab", name="Trainer")).to_have_count(0)
    expect(page.locator("#dojo-cards")).to_contain_text("I'll pay next month")
    expect(page.locator(".dojo-pcard.selected")).to_have_count(1)  # the default scenario is marked
    shot(page, "setup")
    call_id = start_call(env, page, 42, coach_on=True)
    debtor = page.locator("#dojo-card .v").first.inner_text().strip()
    card = {"debtor": debtor, "lender": page.locator("#dojo-card .v").nth(1).inner_text().strip(),
            "amount_text": page.locator("#dojo-card .v").nth(2).inner_text().strip()}
    script = promise_script(card)
    for number, text in enumerate(script[:4], start=1):
        say(env, page, call_id, number, text)
    expect(page.locator("#dojo-status .turns")).to_have_text("4")
    expect(page.locator("#dojo-status .timer")).not_to_have_text("00:00", timeout=10_000)  # it ticks
    expect(page.locator('#dojo-coach li.met')).to_have_count(3)
    shot(page, "call")
    for number, text in enumerate(script[4:], start=5):
        say(env, page, call_id, number, text)
    expect(page.locator('#dojo-coach li.met')).to_have_count(4)
    page.locator("#dojo-end").click()
    scorecard = page.locator("#dojo-scorecard")
    expect(scorecard).to_be_visible(timeout=20_000)
    expect(scorecard.locator(".dojo-score-num")).to_contain_text("100")
    expect(scorecard.locator(".pill.met")).to_have_count(4)
    expect(page.locator("#dojo-outcome")).to_contain_text("Promise: $")
    expect(page.locator("#dojo-scorecard-box mark.ev").first).to_be_visible()
    expect(page.locator("#dojo-retry")).to_be_visible()
    shot(page, "score")
    page.get_by_role("tab", name="My history").click()
    expect(page.locator("#dojo-history")).to_contain_text("next_month", timeout=20_000)
    shot(page, "history")
    context.close()

    record = store.get_call(call_id, store.get_user("tina"))
    assert record.status == "finished" and record.score == 100 and record.trainee == "ana"

    context, page = sign_in(env, "tina")
    page.get_by_role("tab", name="Trainer").click()
    table = page.locator("#dojo-calls")
    expect(table).to_contain_text("ana", timeout=20_000)
    shot(page, "trainer-calls")
    row = table.locator('[role="row"]').filter(has=page.locator('[role="gridcell"]')).filter(has_text="ana").first
    row.locator('[role="gridcell"]').first.click()
    review = page.locator("#dojo-review")
    expect(review).to_contain_text(f"#{call_id}", timeout=20_000)
    expect(page.locator("#dojo-review-transcript mark.ev").first).to_be_visible()
    page.locator("#dojo-o-criterion input").click()
    page.get_by_role("option", name="Find the real reason").click()
    page.locator("#dojo-o-status").get_by_label("partial").check()
    page.locator("#dojo-o-comment textarea").fill("Good first question; ask a follow-up before moving on.")
    page.locator("#dojo-o-save").click()
    expect(review.locator('tr[data-criterion="find_reason"]')).to_contain_text("Trainer: Partial", timeout=20_000)
    expect(review.locator('tr[data-criterion="find_reason"] .pill.met + .auto')).to_have_text("Automatic")
    shot(page, "trainer-review")
    assert store.get_call(call_id, store.get_user("tina")).overrides[-1].status == "partial"

    page.get_by_role("tab", name="Calls").click()
    page.locator("#dojo-apply").click()
    expect(table).to_contain_text("ana", timeout=20_000)
    with page.expect_download() as download:
        page.locator("#dojo-csv").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("id,date,trainee") and f"\n{call_id}," in csv_text and ",ana," in csv_text
    page.get_by_role("tab", name="Cohort").click()
    expect(page.locator("#dojo-p-pass")).to_be_visible()
    page.wait_for_timeout(1500)
    shot(page, "trainer-cohort")
    page.get_by_role("tab", name="Upload").click()
    page.locator("#dojo-up-text textarea").fill(
        "Trainee: Hello, this is Sam from Northwind. I need you to pay the $300 today.\n"
        "Debtor: I can't, my car broke down.\nTrainee: What happened?\nDebtor: The repair took my paycheck.\n")
    page.locator("#dojo-up-title textarea").fill("Monday queue, call 3")
    page.locator("#dojo-up-score").click()
    expect(page.locator("#dojo-up-result")).to_contain_text("Ask for payment today", timeout=20_000)
    shot(page, "trainer-upload")
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    context.close()


def test_typed_markup_is_shown_as_text_and_never_runs(env):
    expect, store = env["expect"], env["store"]
    context, page = sign_in(env, "ben")
    call_id = start_call(env, page, 7)
    for number, payload in enumerate(XSS, start=1):
        say(env, page, call_id, number, "Hello " + payload)
    users = page.locator('#dojo-chat [data-testid="user"]')
    expect(users.first).to_contain_text(XSS[0])
    expect(users.nth(1)).to_contain_text(XSS[1])
    page.locator("#dojo-end").click()
    expect(page.locator("#dojo-scorecard-box")).to_contain_text(XSS[1], timeout=20_000)
    shot(page, "xss-trainee")
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    context.close()

    context, page = sign_in(env, "tina")
    page.get_by_role("tab", name="Trainer").click()
    page.get_by_role("tab", name="Review").click()
    page.locator("#dojo-call-no input").fill(str(call_id))
    page.locator("#dojo-open-call").click()
    expect(page.locator("#dojo-review-transcript")).to_contain_text(XSS[0], timeout=20_000)
    page.get_by_role("tab", name="Upload").click()
    page.locator("#dojo-up-text textarea").fill("Trainee: Hi " + XSS[0] + "\nDebtor: Hello " + XSS[1] + "\n")
    page.locator("#dojo-up-title textarea").fill("Escaped " + XSS[1])
    page.locator("#dojo-up-score").click()
    expect(page.locator("#dojo-up-result")).to_contain_text("Hello " + XSS[1], timeout=20_000)
    page.get_by_role("tab", name="Calls").click()
    expect(page.locator("#dojo-calls")).to_contain_text("Escaped <img", timeout=20_000)
    shot(page, "xss-trainer")
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    assert store.get_call(call_id, store.get_user("tina")).turns[0]["text"] == "Hello " + XSS[0]
    context.close()


def test_stop_cancels_a_streaming_llm_reply_and_the_call_goes_on(env, tmp_path):
    """With the LLM voice, Stop during a streaming reply closes the LLM request (the endpoint sees
    the client leave), the scripted line stands in, and the trainee speaks on."""
    expect = env["expect"]
    with running_fake_server(policy=demo_policy, token_latency=1.0) as llm, \
            Store(f"sqlite:///{tmp_path / 'stop.sqlite3'}") as store:
        options = {"base_url": llm.base_url, "model": "fake-model", "api_key": None}
        with running_app(store, llm_options=options, word_pause=0.02) as url:
            context = env["browser"].new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.locator('.dojo-pcard[data-persona="next_month"]').click()
            page.locator("#dojo-voice").get_by_label("LLM voice").check()
            page.locator("#dojo-start").click()
            expect(page.locator("#dojo-card")).to_contain_text("seed", timeout=20_000)
            stop = page.locator("#dojo-stop")
            expect(stop).to_be_visible()
            box = page.locator("#dojo-msg textarea")
            box.fill("Hello, this is Sam from Northwind Credit. Am I speaking with the account holder?")
            box.press("Enter")
            bots = page.locator('#dojo-chat [data-testid="bot"]')
            expect(bots).to_have_count(1, timeout=10_000)
            shot(page, "llm-streaming")
            stop.click()
            deadline = time.monotonic() + 10
            while llm.disconnects < 1 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert llm.disconnects == 1, "the LLM request was not closed"
            [record] = store.list_calls(None)
            turns = store.get_call(record.id, None).turns
            assert [t["role"] for t in turns] == ["trainee", "persona"]
            assert turns[1]["meta"] == {"notice": "llm_failed"}  # the scripted line stood in
            expect(bots.last).to_have_text(re.compile(r"\s*" + re.escape(turns[1]["text"]) + r"\s*"))
            llm.token_latency = 0.0
            box.fill("I understand. What happened?")
            box.press("Enter")
            expect(bots).to_have_count(2, timeout=20_000)
            assert [t["role"] for t in store.get_call(record.id, None).turns] == ["trainee", "persona"] * 2
            context.close()
