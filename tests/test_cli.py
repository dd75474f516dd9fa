"""The dojo command line as a user runs it: subprocesses, exit codes, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def dojo(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "simulator", *args], capture_output=True, text=True,
                          cwd=ROOT, input=stdin, timeout=120)


def test_personas_json():
    r = dojo("personas", "--json")
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert {"id", "title", "languages", "difficulty", "description"} <= set(doc[0])


def test_score_json_and_text(examples_dir, tmp_path):
    r = dojo("score", str(examples_dir / "good_call.json"), "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["score"] == 100
    text = tmp_path / "call.txt"
    text.write_text("Trainee: When can you pay?\nDebtor: Next month.\n", encoding="utf-8")
    r = dojo("score", str(text))
    assert r.returncode == 0 and "missed" in r.stdout


def test_play_with_a_script_is_replayable(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("Hello, am I speaking with the account holder?\n\nI need you to pay it today.\n", encoding="utf-8")
    a = dojo("play", "--persona", "next_month", "--seed", "9", "--trainee-script", str(script), "--json")
    b = dojo("play", "--persona", "next_month", "--seed", "9", "--trainee-script", str(script), "--json")
    assert a.returncode == 0, a.stderr
    doc = json.loads(a.stdout)
    assert set(doc) >= {"transcript", "report", "outcome"}
    assert len(doc["transcript"]["turns"]) == 4
    assert doc["transcript"]["turns"] == json.loads(b.stdout)["transcript"]["turns"]


@pytest.mark.parametrize("args,needle", [
    (["score", "missing.json"], "no such file"),
    (["play", "--persona", "nobody", "--trainee-script", "README.md"], "unknown persona"),
    (["score", "tests/data/sample_call.txt", "--rubric", "nope"], "unknown rubric"),
    (["play", "--persona", "next_month", "--language", "fr"], "invalid choice"),
    (["play", "--persona", "next_month", "--json"], "--json needs --trainee-script"),
])
def test_bad_input_exits_2_with_one_line(args, needle):
    r = dojo(*args)
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_too_long_script_line_names_file_and_line(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("Hello\n" + "x" * 5000 + "\n", encoding="utf-8")
    r = dojo("play", "--persona", "next_month", "--trainee-script", str(script))
    assert r.returncode == 2 and f"{script}:2:" in r.stderr


def test_validate_names_file_field_and_line(tmp_path):
    good = (ROOT / "personas" / "next_month.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "next_month.yaml"
    broken.write_text(good.replace("difficulty: easy", "difficulty: extreme"), encoding="utf-8")
    (tmp_path / "_common.yaml").write_text((ROOT / "personas" / "_common.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    r = dojo("validate", str(broken))
    line = next(i for i, l in enumerate(broken.read_text().splitlines(), 1) if l.startswith("difficulty:"))
    assert r.returncode == 2 and f"{broken}:{line}: difficulty:" in r.stderr
    bad_yaml = tmp_path / "r.yaml"
    bad_yaml.write_text("id: x\ncriteria: [\n", encoding="utf-8")
    r = dojo("validate", str(bad_yaml))
    assert r.returncode == 2 and "invalid YAML" in r.stderr
    r = dojo("validate", *[str(p) for p in sorted((ROOT / "personas").glob("*.yaml"))],
             *[str(p) for p in (ROOT / "rubrics").glob("*.yaml")])
    assert r.returncode == 0, r.stderr


def test_missing_phrasings_are_reported_with_their_act(tmp_path):
    good = (ROOT / "personas" / "next_month.yaml").read_text(encoding="utf-8")
    (tmp_path / "_common.yaml").write_text((ROOT / "personas" / "_common.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "next_month.yaml"
    broken.write_text(good.replace("  far_date:\n", "  far_date_typo:\n"), encoding="utf-8")
    r = dojo("validate", str(broken))
    assert r.returncode == 2 and "lines.far_date" in r.stderr


def test_score_never_imports_gradio(examples_dir):
    code = ("import sys; from simulator.cli import main; main(['score', sys.argv[1], '--json']); "
            "sys.stderr.write('GRADIO=' + str('gradio' in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code, str(examples_dir / "weak_call.json")],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0 and "GRADIO=False" in r.stderr


def test_wheel_ships_the_data(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-500:]
    wheel = next((tmp_path / "dist").glob("*.whl"))
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-500:]
    assert (target / "simulator" / "_data" / "personas" / "next_month.yaml").exists()
    r = subprocess.run([sys.executable, "-m", "simulator", "personas", "--json"], capture_output=True, text=True,
                       cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "next_month" in {p["id"] for p in json.loads(r.stdout)}
