"""``dojo validate``: check persona and rubric files the way the app loads them."""

from __future__ import annotations

import sys
from pathlib import Path

from simulator.datafiles import load_yaml
from simulator.errors import DojoInputError


def validate_file(path: Path) -> str:
    """Validate one file; return what it is. Raises DojoInputError naming file, field and line."""
    data, _ = load_yaml(path)
    if not isinstance(data, dict):
        raise DojoInputError(f"{path}:1: expected a mapping at the top level")
    if path.name == "_common.yaml" or set(data) == {"lines"}:
        from simulator.datafiles import load_model
        from simulator.persona.model import CommonLines
        load_model(path, CommonLines)
        return "common persona lines"
    if "criteria" in data or "violations" in data:
        from simulator.datafiles import load_model
        from simulator.rubric.model import Rubric
        rubric = load_model(path, Rubric)
        return f"rubric {rubric.id}"
    from simulator.persona.catalog import load_persona_file
    loaded = load_persona_file(path)
    return f"persona {loaded.id} ({len(loaded.lines_by_reason)} reason variants)"


def validate_files(files: list[str]) -> int:
    failures = 0
    for name in files:
        path = Path(name)
        try:
            what = validate_file(path)
        except DojoInputError as exc:
            failures += 1
            sys.stderr.write(f"dojo: {exc}\n")
            continue
        sys.stdout.write(f"ok  {path}: {what}\n")
    return 2 if failures else 0
