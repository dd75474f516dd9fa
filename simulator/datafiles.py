"""Loading trainer-authored YAML into pydantic models, with errors that name file, field and line.

PyYAML's composer gives every node a position; we keep the positions of mapping keys and sequence
items, so a pydantic error location such as ``('lines', 'excuse', 'en', 2)`` can be reported as
``personas/next_month.yaml:41: lines.excuse.en.2: ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.errors import DojoInputError

M = TypeVar("M", bound=BaseModel)

try:  # the C loader is much faster; fall back to the pure-Python one where it is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def _construct(node: yaml.Node, loader: yaml.SafeLoader, path: tuple, lines: dict) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, loader, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loader, path + (i,), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_text(path: str | Path, what: str = "") -> str:
    """A user-named text file, or a one-line DojoInputError saying why it cannot be read."""
    path = Path(path)
    label = f" ({what})" if what else ""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DojoInputError(f"{path}: no such file{label}") from None
    except IsADirectoryError:
        raise DojoInputError(f"{path}: is a directory, expected a file{label}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DojoInputError(f"{path}: cannot read it ({exc.__class__.__name__}){label}") from None


def load_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Parse one YAML file; return its data and a map from key paths to 1-based line numbers."""
    text = read_text(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        data = _construct(node, loader, (), lines) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DojoInputError(f"{path}{where}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    return data, lines


def describe_validation_error(exc: ValidationError, path: Path, lines: dict[tuple, int]) -> str:
    """The first error of a pydantic ValidationError as ``file:line: field: message``."""
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    line = None
    for cut in range(len(loc), -1, -1):  # nearest enclosing node that has a known line
        line = lines.get(loc[:cut])
        if line is not None:
            break
    field = ".".join(str(p) for p in loc) or "(top level)"
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {field}: {err['msg']}{suffix}"


def load_model(path: Path, model: type[M], **context: Any) -> M:
    """Load and validate a YAML file as ``model``; raise DojoInputError naming file, field, line."""
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise DojoInputError(f"{path}:1: expected a mapping at the top level, got {type(data).__name__}")
    try:
        return model.model_validate(data, context={"path": path, **context})
    except ValidationError as exc:
        raise DojoInputError(describe_validation_error(exc, path, lines)) from None


def data_dir(kind: str) -> Path:
    """Where the shipped ``personas``/``rubrics`` live: inside the wheel, or the source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data" / kind
    return packaged if packaged.is_dir() else here.parent / kind
