"""A small offline move classifier that backs up the regex detector (``detect.py``).

One-vs-rest logistic regression over the *set* of word 1-2-grams and character n-grams of the
accent-folded message (binary features, L2-normalised per message). One model per language and
role (trainee moves are only scored on trainee lines, persona moves on persona lines). Trained by
``python -m simulator.understanding.train_classifier`` from ``tests/data/utterances_*.jsonl``.

Inference is stdlib-only on purpose: importing numpy alone costs ~80 ms, most of the start-up
budget of ``dojo score``. The per-move weights of one feature are packed into one Python integer
(fixed-point fields, offset so they stay non-negative), so a message's scores for all moves are a
single big-integer sum over its features, unpacked once. Weights load lazily, once per model.

    classify(text, language, role)            -> {move: probability}
    classify_many(texts, language, roles)     -> [{move: probability}, ...]
    best_sentence(text, language, role, move) -> (start, end) of the sentence that shows the move best
    hybrid_moves(regex_moves, probs, language, role) -> the moves after the hybrid rule
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from simulator.understanding.text import fold, sentences

MODEL_DIR = Path(__file__).resolve().parent / "model"
_WORD = re.compile(r"[a-z0-9ñ]+(?:'[a-z]+)?|[?$€£%!]")
_DIGIT = re.compile(r"\d")


def features(folded: str, word_n: int = 2, char_ns: tuple[int, ...] = (4,)) -> set[str]:
    """The feature set of an already folded text (shared by training and inference)."""
    if _DIGIT.search(folded):
        folded = _DIGIT.sub("0", folded)
    words = _WORD.findall(folded)
    feats = set(map("w ".__add__, words))
    if word_n >= 2 and len(words) > 1:
        feats.update(map("b {}_{}".format, words, words[1:]))
    s = " " + " ".join(words) + " "
    get = s.__getitem__
    for n in char_ns:  # every n-character slice, built in C rather than a Python loop
        feats.update(map(get, map(slice, range(len(s) - n + 1), range(n, len(s) + 1))))
    return feats


class Model:
    """One language and role: the moves it scores, the packed weights and the hybrid thresholds."""

    def __init__(self, data: dict) -> None:
        self.moves: list[str] = data["moves"]
        self.word_n: int = data["word_n"]
        self.char_ns: tuple[int, ...] = tuple(data["char_ns"])
        self.scale: float = data["scale"]
        self.width: int = data["width"]
        self.offset: int = data["offset"]
        self.bias: list[float] = data["bias"]
        self.t_high: float = data["t_high"]
        self.t_low: float = data["t_low"]
        self.t_alone: float = data["t_alone"]
        self.max_feats: int = (1 << self.width) // (2 * self.offset) - 1
        self.packed: dict[str, int] = dict(zip(data["features"], (int(h, 16) for h in data["packed"])))
        self._keys = frozenset(self.packed)  # set & frozenset walks the smaller side
        self._mask = (1 << self.width) - 1
        t = min(max(self.t_high, 1e-9), 1 - 1e-9)
        self._z_high = math.log(t / (1 - t))

    def _unpack(self, found: set[str], n: int) -> list[float]:
        """Logits from the features found in the vocabulary (``n``: the message's feature count)."""
        get = self.packed.__getitem__
        found_l = list(found)
        width, mask, k_moves = self.width, self._mask, len(self.moves)
        sums = [0] * k_moves
        for c in range(0, len(found_l), self.max_feats):
            chunk = found_l[c:c + self.max_feats]
            total = sum(map(get, chunk))  # every field stays below 2**width: no carries
            base = self.offset * len(chunk)
            for k in range(k_moves):
                sums[k] += ((total >> (width * k)) & mask) - base
        norm = 1.0 / (self.scale * math.sqrt(n))
        return [b + s * norm for b, s in zip(self.bias, sums)]

    def added_moves(self, folded: str, present: set[str]) -> list[str]:
        """Moves not in ``present`` whose probability reaches t_high (compared as logits)."""
        feats = features(folded, self.word_n, self.char_ns)
        found = feats & self._keys
        zs = self._unpack(found, len(feats)) if found else self.bias
        z_high = self._z_high
        return [m for m, z in zip(self.moves, zs) if z >= z_high and m not in present]

    def probs(self, folded: str) -> dict[str, float]:
        feats = features(folded, self.word_n, self.char_ns)
        found = self._keys & feats
        zs = self._unpack(found, len(feats)) if found else self.bias
        return {m: _sigmoid(z) for m, z in zip(self.moves, zs)}


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=None)
def model(language: str, role: str) -> Model | None:
    """The shipped model of a language and role, loaded once (None when it is not shipped)."""
    path = MODEL_DIR / f"moves_{language}.json"
    if not path.exists():
        path = MODEL_DIR / "moves_en.json"
        if not path.exists():
            return None
    data = json.loads(path.read_text(encoding="utf-8"))
    part = data["roles"].get("trainee" if role == "trainee" else "persona")
    return Model(part) if part else None


def classify(text: str, language: str = "en", role: str = "trainee") -> dict[str, float]:
    """Probability of each move of ``role`` in the message (empty when no model is shipped)."""
    m = model(language, role)
    if m is None or not text:
        return {} if m is None else {mv: _sigmoid(b) for mv, b in zip(m.moves, m.bias)}
    return m.probs(fold(text))


def classify_many(texts: list[str], language: str, roles: list[str]) -> list[dict[str, float]]:
    """``classify`` for the messages of one transcript (one model look-up per role)."""
    out = []
    for text, role in zip(texts, roles):
        out.append(classify(text, language, role))
    return out


def best_sentence(text: str, language: str, role: str, move: str) -> tuple[int, int]:
    """(start, end) in ``text`` of the sentence with the highest probability of ``move``.

    ``text[start:end]`` is an exact substring; a message without sentences gives its stripped whole.
    """
    folded = fold(text)
    sents = sentences(text, folded)
    if not sents:
        s = len(text) - len(text.lstrip())
        return s, len(text.rstrip())
    m = model(language, role)
    if m is None or move not in m.moves or len(sents) == 1:
        return sents[0].start, sents[0].end
    k = m.moves.index(move)
    best, best_z = sents[0], -math.inf
    for sent in sents:
        feats = features(sent.folded, m.word_n, m.char_ns)
        found = m._keys & feats
        z = m._unpack(found, len(feats))[k] if found else m.bias[k]
        if z > best_z:
            best, best_z = sent, z
    return best.start, best.end


def hybrid_moves(regex_moves: set[str], probs: dict[str, float], language: str, role: str) -> set[str]:
    """The hybrid rule: keep the regex's moves unless the classifier gives one < t_low; add the
    classifier's moves with probability >= t_high. Thresholds are chosen by cross-validation."""
    m = model(language, role)
    if m is None:
        return set(regex_moves)
    kept = {mv for mv in regex_moves if probs.get(mv, 1.0) >= m.t_low}
    added = {mv for mv, p in probs.items() if p >= m.t_high}
    return kept | added
