"""``dojo llm check`` against the real fake server and a dead port."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.llm import check
from simulator.llm import client as client_module
from simulator.llm.fake_server import demo_policy, running_fake_server


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No LLM settings leak in from the developer's environment or home directory."""
    for name in ("DOJO_LLM_BASE_URL", "DOJO_LLM_MODEL", "DOJO_LLM_API_KEY", "DOJO_LLM_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))

    async def no_wait(delay: float) -> None:
        return None

    monkeypatch.setattr(client_module, "_sleep", no_wait)


def lines(output: str) -> dict[str, str]:
    """Report lines keyed by check name: {"reachable": "✓ reachable ..."}."""
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) > 1 and parts[0] in "✓✗–":
            name = "JSON mode" if parts[1] == "JSON" else parts[1]
            found[name] = line
    return found


def test_all_checks_pass_against_a_working_server(capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server(latency=0.01) as server:
        code = check.run(["--base-url", server.base_url, "--model", "fake-model"])
    out = capsys.readouterr().out
    report = lines(out)
    assert code == 0, out
    assert list(report) == ["reachable", "model", "completion", "streaming", "JSON mode", "latency"]
    assert all(line.startswith("✓") for line in report.values()), out
    assert "fake-model" in report["reachable"]
    assert "first token after" in report["streaming"] and "usage reported" in report["streaming"]
    assert "json_schema works" in report["JSON mode"]
    assert "All 6 checks passed." in out


def test_the_demo_server_passes_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's offline demo (`fake_server --demo`) must look like a working endpoint."""
    with running_fake_server(policy=demo_policy) as server:
        code = check.run(["--base-url", server.base_url])
    out = capsys.readouterr().out
    assert code == 0 and "All 6 checks passed." in out, out


def test_dead_port_fails_with_a_fix_and_skips_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    assert check.run(["--base-url", "http://127.0.0.1:9/v1", "--model", "m"]) == 1
    out = capsys.readouterr().out
    report = lines(out)
    assert report["reachable"].startswith("✗")
    assert "cannot reach http://127.0.0.1:9/v1: connection refused" in report["reachable"]
    assert "is the server running?" in report["reachable"]
    assert all(report[name].startswith("–") for name in ("model", "completion", "streaming", "JSON mode", "latency"))
    assert "1 of 6 checks failed." in out


def test_missing_base_url_is_a_config_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert check.run([]) == 2
    out = capsys.readouterr().out
    assert "✗ configuration" in out and "DOJO_LLM_BASE_URL" in out


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server() as server:
        monkeypatch.setenv("DOJO_LLM_BASE_URL", server.base_url)
        assert check.run([]) == 0
    out = capsys.readouterr().out
    assert "(from DOJO_LLM_BASE_URL)" in out
    assert "none configured; using 'fake-model'" in lines(out)["model"]


def test_unserved_model_fails_and_names_the_served_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server(models=["llama-3-8b", "qwen-7b"]) as server:
        assert check.run(["--base-url", server.base_url, "--model", "gpt-4"]) == 1
    report = lines(capsys.readouterr().out)
    assert report["model"].startswith("✗") and "set DOJO_LLM_MODEL to one of: llama-3-8b, qwen-7b" in report["model"]
    assert report["completion"].startswith("✗") and "model 'gpt-4' not found" in report["completion"]
    assert report["streaming"].startswith("–")


def test_wrong_api_key_fails(capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server(api_key="secret") as server:
        assert check.run(["--base-url", server.base_url, "--model", "fake-model", "--api-key", "wrong"]) == 1
    assert "DOJO_LLM_API_KEY" in lines(capsys.readouterr().out)["completion"]


def test_fallbacks_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server(response_formats=(), reject_stream_options=True) as server:
        assert check.run(["--base-url", server.base_url, "--model", "fake-model"]) == 0
    report = lines(capsys.readouterr().out)
    assert "refused stream_options" in report["streaming"]
    assert "response_format refused; JSON is asked for in the prompt only" in report["JSON mode"]


def test_reply_that_is_not_json_fails_json_mode(capsys: pytest.CaptureFixture[str]) -> None:
    with running_fake_server(policy=lambda body: "OK, sure!") as server:
        assert check.run(["--base-url", server.base_url, "--model", "fake-model"]) == 1
    report = lines(capsys.readouterr().out)
    assert report["completion"].startswith("✓")
    assert report["JSON mode"].startswith("✗") and "not JSON" in report["JSON mode"]


def test_check_does_not_import_gradio() -> None:
    code = "import sys, simulator.llm.check; assert 'gradio' not in sys.modules, 'gradio imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
