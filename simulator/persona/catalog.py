"""Loading personas from ``personas/*.yaml``, merged over ``personas/_common.yaml``, and checking
that every act the policy can reach has phrasings in every language the persona speaks."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from simulator.datafiles import data_dir, load_model, load_yaml
from simulator.errors import DojoInputError
from simulator.persona.facts import TEMPLATE_FIELDS
from simulator.persona.model import CommonLines, Lines, Persona

COMMON_FILE = "_common.yaml"
MIN_PHRASINGS = 2


@dataclass(frozen=True)
class LoadedPersona:
    persona: Persona
    lines_by_reason: dict[str, Lines]   # reason variant id -> the merged lines for that variant
    path: Path

    @property
    def id(self) -> str:
        return self.persona.id


def _merge(*layers: Lines) -> Lines:
    out: Lines = {}
    for layer in layers:
        for act, by_lang in layer.items():
            out.setdefault(act, {}).update(by_lang)
    return out


def _check(persona: Persona, lines: Lines, path: Path, where: dict[tuple, int], variant: str | None) -> None:
    def fail(key: tuple, message: str) -> None:
        line = where.get(key) or where.get(key[:2]) or where.get(("lines",))
        raise DojoInputError(f"{path}:{line or 1}: {'.'.join(map(str, key))}: {message}")

    for act in persona.acts():
        for lang in persona.languages:
            options = lines.get(act, {}).get(lang) or []
            label = f" (reason {variant})" if variant else ""
            if len(options) < MIN_PHRASINGS:
                fail(("lines", act, lang), f"needs at least {MIN_PHRASINGS} phrasings{label}, has {len(options)}")
    for act, by_lang in lines.items():
        for lang, options in by_lang.items():
            for i, text in enumerate(options):
                try:
                    names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                except ValueError as exc:
                    fail(("lines", act, lang, i), f"bad template: {exc}")
                unknown = names - TEMPLATE_FIELDS
                if unknown:
                    fail(("lines", act, lang, i), f"unknown placeholder {{{sorted(unknown)[0]}}}; "
                                                  f"known: {', '.join(sorted(TEMPLATE_FIELDS))}")
    if "commit" in persona.acts():
        for lang in persona.languages:
            for i, text in enumerate(lines["commit"][lang]):
                if "{due}" not in text:
                    fail(("lines", "commit", lang, i), "a commit line must say the time: include {due}")


@lru_cache(maxsize=None)
def common_lines(directory: Path | None = None) -> Lines:
    path = (directory or data_dir("personas")) / COMMON_FILE
    if not path.exists():
        return {}
    return load_model(path, CommonLines).lines


def load_persona_file(path: Path, common: Lines | None = None) -> LoadedPersona:
    persona = load_model(path, Persona)
    _, where = load_yaml(path)
    base = _merge(common if common is not None else common_lines(path.parent), persona.lines)
    by_reason = {}
    for variant in persona.hidden.reasons:
        merged = _merge(base, variant.lines)
        _check(persona, merged, path, where, variant.id)
        by_reason[variant.id] = merged
    return LoadedPersona(persona, by_reason, path)


def persona_files(directory: Path | None = None) -> dict[str, Path]:
    d = directory or data_dir("personas")
    return {p.stem: p for p in sorted(d.glob("*.yaml")) if not p.name.startswith("_")}


@lru_cache(maxsize=None)
def load_persona(persona_id: str) -> LoadedPersona:
    files = persona_files()
    if persona_id not in files:
        raise DojoInputError(f"unknown persona {persona_id!r} (known: {', '.join(files)}; see 'dojo personas')")
    loaded = load_persona_file(files[persona_id])
    if loaded.id != persona_id:
        raise DojoInputError(f"{files[persona_id]}: id {loaded.id!r} does not match the file name")
    return loaded


def all_personas() -> list[LoadedPersona]:
    return [load_persona(pid) for pid in persona_files()]
