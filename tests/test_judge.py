"""The LLM judge over real HTTP against the fake server: checked verdicts, one retry, and a
failed judgement is "no verdict" — never a pass. Also ``dojo score --judge llm`` and
``dojo judge-agreement`` as subprocesses."""

from __future__ import annotations

import asyncio
import copy
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.errors import DojoInputError
from simulator.llm.client import LLMClient
from simulator.llm.config import LLMConfig
from simulator.llm.fake_server import FakeServer, running_fake_server
from simulator.llm.judge import NO_VERDICT, JudgeResult, judge_report_sync, judge_transcript
from simulator.rubric import load_rubric, score_transcript
from simulator.transcript import Transcript, read_transcript

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "judge_labels"
GOOD = LABELS / "good_call_en.json"
RUBRIC = load_rubric("collection-call")


def honest_answer(transcript: Transcript, **overrides: Any) -> dict[str, Any]:
    """What a judge that reads like the rubric scorer would answer; overrides replace whole items."""
    report = score_transcript(transcript, RUBRIC)
    items = []
    for c in report.criteria:
        item = {"id": c.id, "status": c.status, "rationale": "as scored",
                "evidence": [{"turn": e.turn, "quote": e.quote} for e in c.evidence]}
        if c.id in overrides:
            item = overrides[c.id]
        if item is not None:
            items.append(item)
    return {"criteria": items}


@pytest.fixture(scope="module")
def shared_server() -> Iterator[FakeServer]:
    with running_fake_server() as server:
        yield server


@pytest.fixture
def server(shared_server: FakeServer) -> FakeServer:
    shared_server.reset(policy=None)
    return shared_server


def judge(server: FakeServer, transcript: Transcript) -> JudgeResult:
    async def go() -> JudgeResult:
        async with LLMClient(LLMConfig(server.base_url, model="fake-model", max_retries=0)) as client:
            return await judge_transcript(transcript, RUBRIC, client)
    return asyncio.run(go())


def test_happy_path_one_request_and_checked_verdicts(server: FakeServer) -> None:
    transcript = read_transcript(GOOD)
    server.replies.append(json.dumps(honest_answer(transcript)))
    result = judge(server, transcript)
    assert server.request_count == 1 and result.attempts == 1 and result.problems == []
    assert {cid: result.status(cid) for cid in result.verdicts} == {
        "ask_payment_today": "met", "find_reason": "met", "explain_consequences": "met", "secure_promise": "met"}
    assert all(q.quote in transcript.turns[q.turn].text for v in result.verdicts.values() if v for q in v.evidence)
    body = server.chat_requests[0].body
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"]["properties"]["criteria"]["items"]["properties"]["id"][
        "enum"] == [c.id for c in RUBRIC.criteria]
    assert "[5] Debtor: I had a dental emergency" in body["messages"][1]["content"]


def fabricated(transcript: Transcript) -> dict[str, Any]:
    return {"id": "secure_promise", "status": "met", "rationale": "",
            "evidence": [{"turn": 11, "quote": "I promise to pay $380 today at 5 pm."}]}


FAILED_ANSWERS = {
    "malformed_json": lambda t: '{"criteria": [{"id": "ask_payment_today", "status": ',
    "empty_answer": lambda t: "",
    "not_an_object": lambda t: json.dumps(["met", "met", "met", "met"]),
    "fabricated_quote": lambda t: json.dumps(honest_answer(t, secure_promise=fabricated(t))),
    "quote_from_another_turn": lambda t: json.dumps(honest_answer(t, secure_promise={
        "id": "secure_promise", "status": "met", "rationale": "",
        "evidence": [{"turn": 10, "quote": "I'll pay the $380 tomorrow before noon."}]})),
    "missing_criterion": lambda t: json.dumps(honest_answer(t, secure_promise=None)),
    "unknown_status": lambda t: json.dumps(honest_answer(t, secure_promise={
        "id": "secure_promise", "status": "pass", "rationale": "", "evidence": []})),
    "met_without_evidence": lambda t: json.dumps(honest_answer(t, secure_promise={
        "id": "secure_promise", "status": "met", "rationale": "", "evidence": []})),
    "turn_out_of_range": lambda t: json.dumps(honest_answer(t, secure_promise={
        "id": "secure_promise", "status": "met", "rationale": "", "evidence": [{"turn": 99, "quote": "Yes"}]})),
}
WHOLE = {"malformed_json", "empty_answer", "not_an_object"}  # nothing in the answer can be used


@pytest.mark.parametrize("kind", list(FAILED_ANSWERS))
def test_a_failed_judgement_is_retried_once_then_no_verdict(server: FakeServer, kind: str) -> None:
    transcript = read_transcript(GOOD)
    bad = FAILED_ANSWERS[kind](transcript)
    server.replies.extend([bad, bad])
    result = judge(server, transcript)
    assert server.request_count == 2 and result.attempts == 2  # one retry, no more
    failed = set(result.verdicts) if kind in WHOLE else {"secure_promise"}
    for cid in result.verdicts:
        if cid in failed:
            assert result.verdicts[cid] is None and result.status(cid) == NO_VERDICT
        else:
            assert result.status(cid) == "met"
    assert result.problems
    retry = server.chat_requests[1].body["messages"]
    assert retry[-1]["role"] == "user" and "could not be used" in retry[-1]["content"]


def test_the_retry_can_repair_a_failed_judgement(server: FakeServer) -> None:
    transcript = read_transcript(GOOD)
    server.replies.extend([json.dumps(honest_answer(transcript, secure_promise=fabricated(transcript))),
                           json.dumps(honest_answer(transcript))])
    result = judge(server, transcript)
    assert server.request_count == 2 and result.status("secure_promise") == "met"
    assert all(v is not None for v in result.verdicts.values())


def test_report_section_marks_disagreements_and_keeps_the_contract_fields(server: FakeServer) -> None:
    transcript = read_transcript(GOOD)
    disagree = {"id": "find_reason", "status": "partial", "rationale": "vague",
                "evidence": [{"turn": 4, "quote": "What happened this month that left you short?"}]}
    bad = json.dumps(honest_answer(transcript, find_reason=disagree, secure_promise=fabricated(transcript)))
    server.replies.extend([bad, bad])
    report = score_transcript(transcript, RUBRIC).to_json()
    original = copy.deepcopy(report)
    doc = judge_report_sync(transcript, RUBRIC, report, {"base_url": server.base_url, "model": "fake-model"})
    judge_doc = doc.pop("judge")
    assert doc == original  # the scorer's verdict stays the score
    by_id = {c["id"]: c for c in judge_doc["criteria"]}
    assert by_id["find_reason"] == {"id": "find_reason", "judge_status": "partial", "agrees": False,
                                    "rationale": "vague", "evidence": disagree["evidence"]}
    assert by_id["secure_promise"]["judge_status"] == NO_VERDICT and by_id["secure_promise"]["agrees"] is None
    assert by_id["ask_payment_today"]["agrees"] is True
    assert judge_doc["disagreements"] == ["find_reason"] and judge_doc["no_verdict"] == ["secure_promise"]
    assert "\n" not in judge_doc["summary"] and "disagrees on find_reason" in judge_doc["summary"]
    assert "no verdict on secure_promise" in judge_doc["summary"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_endpoint_down_is_a_one_line_input_error() -> None:
    transcript = read_transcript(GOOD)
    report = score_transcript(transcript, RUBRIC).to_json()
    with pytest.raises(DojoInputError) as err:
        judge_report_sync(transcript, RUBRIC, report, {"base_url": f"http://127.0.0.1:{free_port()}/v1",
                                                        "model": "fake-model"})
    assert "cannot reach" in str(err.value) and "\n" not in str(err.value)


def dojo(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "simulator", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=120)


def test_dojo_score_judge_llm(server: FakeServer) -> None:
    transcript = read_transcript(GOOD)
    server.policy = lambda body: json.dumps(honest_answer(transcript))
    done = dojo("score", str(GOOD), "--judge", "llm", "--json", env={"DOJO_LLM_BASE_URL": server.base_url})
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["score"] == 100 and doc["judge"]["disagreements"] == []
    assert [c["agrees"] for c in doc["judge"]["criteria"]] == [True] * 4
    assert server.request_count == 1
    table = dojo("score", str(GOOD), "--judge", "llm", env={"DOJO_LLM_BASE_URL": server.base_url})
    assert table.returncode == 0 and "LLM judge: agrees with the rubric on 4 of 4" in table.stdout


def test_dojo_score_judge_llm_with_the_endpoint_down_exits_2() -> None:
    done = dojo("score", str(GOOD), "--judge", "llm", "--llm-base-url", f"http://127.0.0.1:{free_port()}/v1")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and "LLM judge" in done.stderr


def agreement_policy(body: dict[str, Any]) -> str:
    """A judge that reads like the scorer, except: it calls 'This is quite serious' a consequence in
    the weak call, and cites a quote that does not exist for the unlabelled call's reason."""
    call_text = body["messages"][1]["content"]
    for path in sorted(p for p in LABELS.iterdir() if p.suffix in (".json", ".txt")):
        transcript = read_transcript(path)
        if transcript.turns[0].text in call_text and transcript.turns[2].text in call_text:
            break
    else:
        raise AssertionError("unknown transcript")
    if path.name == "weak_call_en.json":
        answer = honest_answer(transcript, explain_consequences={
            "id": "explain_consequences", "status": "met", "rationale": "",
            "evidence": [{"turn": 4, "quote": "This is quite serious, you know."}]})
    elif path.suffix == ".txt":
        answer = honest_answer(transcript, find_reason={
            "id": "find_reason", "status": "met", "rationale": "",
            "evidence": [{"turn": 3, "quote": "I lost my job."}]})
    else:
        answer = honest_answer(transcript)
    return json.dumps(answer)


def test_judge_agreement(server: FakeServer) -> None:
    server.policy = agreement_policy
    env = {"DOJO_LLM_BASE_URL": server.base_url}
    done = dojo("judge-agreement", str(LABELS), "--json", env=env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    files = sorted(p for p in LABELS.iterdir() if p.suffix in (".json", ".txt"))
    assert doc["transcripts"] == len(files) == 5
    by_id = {c["id"]: c for c in doc["criteria"]}
    assert by_id["explain_consequences"]["judge_vs_rubric"] == 0.8  # 4 of 5 agree
    assert by_id["explain_consequences"]["judge_vs_labels"] == 0.75  # 3 of the 4 labelled
    assert by_id["explain_consequences"]["rubric_vs_labels"] == 1.0
    assert by_id["find_reason"]["no_verdict"] == 1 and by_id["find_reason"]["judge_vs_rubric"] == 1.0
    assert by_id["ask_payment_today"]["labelled"] == 4
    weak = next(f for f in doc["files"] if f["file"] == "weak_call_en.json")
    assert weak["criteria"]["explain_consequences"] == {"rubric": "missed", "judge": "met", "label": "missed"}
    txt = next(f for f in doc["files"] if f["file"].endswith(".txt"))
    assert txt["criteria"]["find_reason"]["judge"] == NO_VERDICT
    assert server.request_count == 6  # five judgements and one retry for the fabricated quote
    table = dojo("judge-agreement", str(LABELS), env=env)
    assert table.returncode == 0 and "j=rubric" in table.stdout and "80%" in table.stdout


def test_judge_agreement_bad_input_exits_2(tmp_path: Path) -> None:
    done = dojo("judge-agreement", str(tmp_path / "missing"), env={"DOJO_LLM_BASE_URL": "http://127.0.0.1:9/v1"})
    assert done.returncode == 2 and "not a folder" in done.stderr and "Traceback" not in done.stderr
