"""Batch evaluation end to end (subprocess): the scripted trainees as the personas' regression
suite, resume, reproducibility, the summary and its HTML page, and the LLM trainee and voice
against the fake server."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.batch.summary import summarize
from simulator.llm.fake_server import FakeServer, running_fake_server
from simulator.persona import all_personas

ROOT = Path(__file__).resolve().parent.parent
PERSONAS = all_personas()
DEBTORS = [p.id for p in PERSONAS if p.persona.counterpart == "debtor"]
THIRD_PARTIES = [p.id for p in PERSONAS if p.persona.counterpart == "third_party"]
CONTENT = re.compile(r"Content to convey, in your own words: «(.*?)»", re.S)


def batch(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The batch command in a subprocess (``simulator.batch.cli``, which ``dojo batch`` delegates to)."""
    return subprocess.run([sys.executable, "-m", "simulator.batch.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=300)


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines() if line]


def status(record: dict[str, Any], criterion: str) -> str:
    return next(c["status"] for c in record["report"]["criteria"] if c["id"] == criterion)


# -- the scripted trainees are the personas' regression suite ------------------------------------

def every_persona_once(tmp_path_factory: pytest.TempPathFactory, trainee: str) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp(trainee)
    done = batch("--trainee", trainee, "--personas", "all", "--language", "all", "--difficulty", "all",
                 "--runs", "1", "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return records(out)


@pytest.fixture(scope="module")
def good_run(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return every_persona_once(tmp_path_factory, "scripted-good")


@pytest.fixture(scope="module")
def poor_run(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return every_persona_once(tmp_path_factory, "scripted-poor")


def test_every_persona_language_and_difficulty_was_called(good_run: list[dict[str, Any]]) -> None:
    expected = {(p.id, lang, d) for p in PERSONAS for lang in p.persona.languages for d in ("easy", "medium", "hard")}
    assert {(r["persona"], r["language"], r["difficulty"]) for r in good_run} == expected
    assert all(r["status"] == "done" for r in good_run)


@pytest.mark.parametrize("persona", DEBTORS)
def test_scripted_good_obtains_a_promise_from_every_debtor(good_run: list[dict[str, Any]], persona: str) -> None:
    for r in (r for r in good_run if r["persona"] == persona):
        where = f"{r['key']}: " + " | ".join(t["text"] for t in r["transcript"]["turns"][-4:])
        assert r["outcome"]["promise"] is not None, where
        assert status(r, "secure_promise") == "met", where
        assert r["report"]["violations"] == [], where


@pytest.mark.parametrize("persona", THIRD_PARTIES or [pytest.param("relative_answers", marks=pytest.mark.skip(
    reason="no third-party persona yet"))])
def test_scripted_good_gets_a_callback_from_a_third_party_without_disclosure(
        good_run: list[dict[str, Any]], persona: str) -> None:
    for r in (r for r in good_run if r["persona"] == persona):
        assert r["state"]["callback_given"] and not r["state"]["disclosed"], r["key"]
        assert r["report"]["violations"] == [], r["key"]


@pytest.mark.parametrize("persona", DEBTORS)
def test_scripted_poor_obtains_no_met_promise(poor_run: list[dict[str, Any]], persona: str) -> None:
    mine = [r for r in poor_run if r["persona"] == persona]
    assert mine
    for r in mine:
        assert status(r, "secure_promise") != "met", r["key"]
        assert not r["report"]["passed"], r["key"]


# -- resume, reproducibility, summary --------------------------------------------------------------

SMALL = ("--trainee", "scripted-good", "--personas", "next_month", "--runs", "3", "--language", "all")


def test_a_second_run_skips_finished_calls(tmp_path: Path) -> None:
    out = tmp_path / "b"
    first = batch(*SMALL, "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = (out / "results.jsonl").read_text(encoding="utf-8")
    assert len(before.splitlines()) == 6 and "pass^3" in first.stdout
    second = batch(*SMALL, "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert "resumed: 6 of 6 calls were already done" in second.stderr
    assert (out / "results.jsonl").read_text(encoding="utf-8") == before  # nothing ran again
    assert json.loads((out / "summary.json").read_text())["batch"]["ran"] == 0
    more = batch(*SMALL[:-4], "--runs", "4", "--language", "all", "--out", str(out), "--quiet")
    assert more.returncode == 0, more.stderr
    assert len(records(out)) == 8 and json.loads((out / "summary.json").read_text())["batch"]["ran"] == 2


def test_a_call_cut_off_mid_write_is_run_again(tmp_path: Path) -> None:
    out = tmp_path / "b"
    assert batch(*SMALL, "--out", str(out), "--quiet").returncode == 0
    path = out / "results.jsonl"
    data = path.read_text(encoding="utf-8")
    last = data.rstrip("\n").rsplit("\n", 1)[-1]
    path.write_text(data[: len(data) - len(last) // 2 - 1], encoding="utf-8")  # killed while writing the last record
    again = batch(*SMALL, "--out", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    assert json.loads((out / "summary.json").read_text())["batch"]["ran"] == 1
    timeless = [{k: v for k, v in r.items() if k != "duration_s"} for r in records(out)]
    redone = {k: v for k, v in json.loads(last).items() if k != "duration_s"}
    assert len(timeless) == 6 and redone in timeless  # the same call again, whole this time


def test_another_batch_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "b"
    assert batch(*SMALL, "--out", str(out), "--quiet").returncode == 0
    other = batch("--trainee", "scripted-poor", "--personas", "next_month", "--out", str(out), "--quiet")
    assert other.returncode == 2 and "trainee='scripted-good'" in other.stderr and other.stderr.count("\n") == 1


@pytest.mark.parametrize("args,message", [
    (("--difficulty", "extreme"), "unknown difficulty 'extreme'"),
    (("--personas", "nobody"), "unknown persona 'nobody'"),
    (("--runs", "0"), "--runs must be at least 1"),
    (("--trainee", "llm", "--llm-base-url", "ftp://x"), "must start with http"),
])
def test_bad_options_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    base = ["--trainee", "scripted-good", "--out", str(tmp_path / "b")]
    done = batch(*base, *args)
    assert done.returncode == 2 and message in done.stderr and done.stderr.count("\n") == 1, done.stderr


def transcripts(out: Path) -> dict[str, list[str]]:
    return {r["key"]: [t["text"] for t in r["transcript"]["turns"]] for r in records(out)}


def test_same_seed_same_calls_other_seed_other_calls(tmp_path: Path) -> None:
    runs = {}
    for name, seed, workers in (("a", "7", "1"), ("b", "7", "2"), ("c", "8", "1")):
        done = batch(*SMALL, "--personas", "all", "--runs", "2", "--seed", seed, "--out", str(tmp_path / name),
                     "--quiet", "--concurrency", "3", "--workers", workers)
        assert done.returncode == 0, done.stderr
        runs[name] = transcripts(tmp_path / name)
    assert runs["a"] == runs["b"]  # and it does not matter how many processes ran them
    assert len(runs["a"]) == 2 * sum(len(p.persona.languages) for p in PERSONAS)
    assert set(runs["a"]) != set(runs["c"])  # other seeds, so other keys
    assert sorted(runs["a"].values()) != sorted(runs["c"].values())


def test_summary_json_and_html(tmp_path: Path, good_run: list[dict[str, Any]]) -> None:
    out = tmp_path / "b"
    assert batch(*SMALL, "--out", str(out), "--quiet").returncode == 0
    summary = json.loads((out / "summary.json").read_text())
    o = summary["overall"]
    assert o["calls"] == 6 and o["k"] == 3 and o["complete_groups"] == 2
    assert {c["id"] for c in summary["criteria"]} >= {"ask_payment_today", "find_reason", "explain_consequences",
                                                      "secure_promise"}
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "pass^3" in html
    assert not re.search(r"\b(?:src|href)\s*=", html) and "<script" not in html and "<link" not in html


def test_pass_hat_k_needs_every_run_of_a_group() -> None:
    def rec(persona: str, run: int, passed: bool) -> dict[str, Any]:
        return {"key": f"{persona}/en/easy/{run}", "persona": persona, "language": "en", "difficulty": "easy",
                "run": run, "status": "done", "counterpart": "debtor", "turns": 3, "fallbacks": 0,
                "transcript": {"turns": []}, "outcome": {"promise": None, "hung_up": False},
                "state": {"callback_given": False, "disclosed": False},
                "report": {"passed": passed, "score": 100 if passed else 0, "criteria": [], "violations": []}}
    rows = [rec("a", 0, True), rec("a", 1, True), rec("a", 2, True),
            rec("b", 0, True), rec("b", 1, False), rec("b", 2, True),
            rec("c", 0, True), rec("c", 1, True)]  # c is incomplete: not a k-group
    o = summarize(rows, 3)["overall"]
    assert o["pass_hat_k"] == 0.5 and o["complete_groups"] == 2 and o["pass_at_1"] == round(7 / 8, 4)


# -- the LLM trainee (and voice) against the fake server -----------------------------------------

AGENT_LINES = [
    "Hello, am I speaking with {debtor}?",
    "<script>alert('x')</script> This is Sam from {lender}. Your payment is overdue and I need you to pay it today.",
    "I understand. What happened? What's stopping you from paying?",
    "I'm sorry to hear that. Can you tell me more about what happened?",
    "Every day it stays overdue adds late fees, and it will be reported to your credit record.",
    "Could you borrow it from a relative until payday, or pay part of it today online?",
    "Can you pay today before 6 pm, or tomorrow morning at the latest?",
    "I need a specific time. Can you commit to paying it by tomorrow at noon?",
    "Thank you. So to confirm, I'll note that on your account. Goodbye.",
]


def fake_llm(body: dict[str, Any]) -> str:
    """Plays the agent (by the line number of the call) or the persona voice (says its content)."""
    system = body["messages"][0]["content"]
    if system.startswith("You are a debt collector") or "AGENT UNDER TEST" in system:
        debtor = re.search(r"calling (.+?) about", system)
        said = sum(1 for m in body["messages"] if m["role"] == "assistant")
        line = AGENT_LINES[min(said, len(AGENT_LINES) - 1)]
        return line.format(debtor=debtor.group(1) if debtor else "you", lender="Northwind Credit")
    found = CONTENT.findall(body["messages"][-1]["content"]) or CONTENT.findall(body["messages"][-3]["content"])
    return "Well... " + found[-1]


@pytest.fixture(scope="module")
def llm_server() -> Iterator[FakeServer]:
    with running_fake_server(policy=fake_llm) as server:
        yield server


def llm_env(server: FakeServer) -> dict[str, str]:
    return {"DOJO_LLM_BASE_URL": server.base_url, "DOJO_LLM_MODEL": "fake-model"}


def test_llm_trainee_against_scripted_personas(tmp_path: Path, llm_server: FakeServer) -> None:
    out = tmp_path / "b"
    done = batch("--trainee", "llm", "--personas", "next_month", "--language", "en", "--runs", "2",
                 "--difficulty", "easy", "--out", str(out), env=llm_env(llm_server))
    assert done.returncode == 0, done.stderr
    rows = records(out)
    assert len(rows) == 2
    for r in rows:
        trainee = [t["text"] for t in r["transcript"]["turns"] if t["role"] == "trainee"]
        assert trainee[0].startswith("Hello, am I speaking with ") and trainee[0] != AGENT_LINES[0]
        assert trainee[1:] == [line.format(lender="Northwind Credit") for line in AGENT_LINES[1:len(trainee)]]
        assert r["ended"] in ("goodbye", "hung_up") and r["turns"] == len(trainee)
        assert r["outcome"]["promise"] is not None and r["report"]["passed"]
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html and "<script>" not in html


def test_trainee_prompt_file_and_max_turns(tmp_path: Path, llm_server: FakeServer) -> None:
    prompt = tmp_path / "agent.md"
    prompt.write_text("AGENT UNDER TEST. You are calling $debtor about $amount_text. Never say goodbye.\n")
    llm_server.requests.clear()
    out = tmp_path / "b"
    done = batch("--trainee", "llm", "--trainee-prompt", str(prompt), "--personas", "next_month", "--language", "en",
                 "--max-turns", "3", "--out", str(out), "--quiet", env=llm_env(llm_server))
    assert done.returncode == 0, done.stderr
    (r,) = records(out)
    assert r["turns"] == 3 and r["ended"] == "max_turns"
    systems = {q.body["messages"][0]["content"] for q in llm_server.chat_requests}
    card_amount = re.search(r"about (\$[\d,]+)\.", next(iter(systems)))
    assert len(systems) == 1 and card_amount and "$debtor" not in next(iter(systems))
    missing = batch("--trainee", "llm", "--trainee-prompt", str(tmp_path / "nope.md"), "--personas", "next_month",
                    "--out", str(tmp_path / "c"), env=llm_env(llm_server))
    assert missing.returncode == 2 and "nope.md: no such file" in missing.stderr


def test_llm_trainee_and_llm_voice_through_the_same_runner(tmp_path: Path, llm_server: FakeServer) -> None:
    runs = []
    for name, workers in (("a", "1"), ("b", "2")):
        out = tmp_path / name
        done = batch("--trainee", "llm", "--voice", "llm", "--personas", "next_month", "--runs", "2",
                     "--concurrency", "4", "--workers", workers, "--out", str(out), "--quiet", env=llm_env(llm_server))
        assert done.returncode == 0, done.stderr
        runs.append(transcripts(out))
        for r in records(out):
            personas = [t for t in r["transcript"]["turns"] if t["role"] == "persona"]
            assert personas
            assert all(t["meta"] == {"voice": "llm"} and t["text"].startswith("Well... ") for t in personas)
            assert r["fallbacks"] == 0
    assert runs[0] == runs[1]  # reproducible by seed with a deterministic endpoint, in one process or two
    summary = json.loads((tmp_path / "a" / "summary.json").read_text())
    assert summary["batch"]["completions"] > 0 and summary["overall"]["fallbacks"] == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_agent_fails_those_calls_and_a_rerun_retries_them(tmp_path: Path,
                                                                         llm_server: FakeServer) -> None:
    out = tmp_path / "b"
    down = {"DOJO_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1", "DOJO_LLM_MODEL": "fake-model"}
    failed = batch("--trainee", "llm", "--personas", "next_month", "--runs", "2", "--language", "en", "--out", str(out),
                   "--quiet", env=down)
    assert failed.returncode == 1
    assert [r["status"] for r in records(out)] == ["error", "error"]
    retried = batch("--trainee", "llm", "--personas", "next_month", "--runs", "2", "--language", "en",
                    "--out", str(out), "--quiet", env=llm_env(llm_server))
    assert retried.returncode == 0, retried.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["batch"]["ran"] == 2 and summary["overall"]["done"] == 2 and summary["overall"]["errors"] == 0


def test_dojo_batch_is_delegated_by_the_main_cli(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "simulator", "batch", "--trainee", "scripted-good", "--personas",
                           "next_month", "--language", "en", "--out", str(tmp_path / "b"), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(records(tmp_path / "b")) == 1
