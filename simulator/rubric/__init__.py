"""The rubric: criteria and compliance rules as data (``rubrics/*.yaml``), and the scorer."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from simulator.datafiles import data_dir, load_model
from simulator.errors import DojoInputError
from simulator.rubric.model import Rubric
from simulator.rubric.scorer import score_transcript

DEFAULT_RUBRIC = "collection-call"


def rubric_files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(data_dir("rubrics").glob("*.yaml"))}


@lru_cache(maxsize=None)
def load_rubric(rubric_id: str = DEFAULT_RUBRIC) -> Rubric:
    """A shipped rubric by id, or a rubric file by path."""
    path = Path(rubric_id)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return load_model(path, Rubric)
    files = rubric_files()
    if rubric_id not in files:
        known = ", ".join(files) or "none"
        raise DojoInputError(f"unknown rubric {rubric_id!r} (known: {known})")
    rubric = load_model(files[rubric_id], Rubric)
    if rubric.id != rubric_id:
        raise DojoInputError(f"{files[rubric_id]}: id {rubric.id!r} does not match the file name")
    return rubric


__all__ = ["Rubric", "load_rubric", "rubric_files", "score_transcript", "DEFAULT_RUBRIC"]
