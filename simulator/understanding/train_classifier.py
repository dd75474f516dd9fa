"""Train the offline move classifier from the labelled utterances and write its weights.

    .venv/bin/python -m simulator.understanding.train_classifier [--check]

Trains ONLY on ``tests/data/utterances_{en,es}.jsonl`` (both splits) and ``train_extra_{en,es}.jsonl``. ``tests/data/fresh_*`` is never
read here. The hybrid thresholds are chosen from out-of-fold probabilities of a k-fold
cross-validation on the same data:

* ``t_alone``: the classifier-alone threshold that maximises the CV macro F1;
* ``t_high``: the lowest threshold at which the pooled CV precision of the classifier's detections
  reaches ``PRECISION_TARGET`` (a move the regex missed is added at >= t_high). Not "maximise the
  hybrid's CV F1": the regexes were tuned on this very data, so on it they miss almost nothing and
  that criterion would say "never add", which is not what fresh text looks like;
* ``t_low``: a regex detection is dropped below it; chosen by maximising the hybrid's CV macro F1
  over a small grid that starts at 0 (off).

numpy is needed to train, not to predict (``classifier.py`` is stdlib-only).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from simulator.understanding.classifier import MODEL_DIR, features
from simulator.understanding.moves import PERSONA_MOVES, TRAINEE_MOVES
from simulator.understanding.text import fold

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
LANGUAGES = ("en", "es")
ROLES = ("trainee", "persona")
ROLE_MOVES = {"trainee": sorted(m.value for m in TRAINEE_MOVES), "persona": sorted(m.value for m in PERSONA_MOVES)}
EVAL_START = datetime(2026, 11, 23, 10, 0)

# Hyper-parameters (picked by the CV figures of benchmarks/classifier_metrics.py).
WORD_N = 2
CHAR_NS = (4,)
MIN_DF = 2
L2 = 1e-4
ITERS = 300
LR = 0.5
POS_WEIGHT = 3.0
FOLDS = 5
SEED = 7
PRECISION_TARGET = 0.95
T_LOW_GRID = (0.0, 0.01, 0.02, 0.05)
# Packing of the weights for the stdlib inference (see classifier.Model).
WIDTH = 24
OFFSET = 1 << 11


@dataclass
class Row:
    text: str
    role: str
    moves: set[str]
    language: str
    counterpart: str = "debtor"
    primary: str = ""
    folded: str = field(default="", repr=False)


def load_rows(language: str, kind: str = "utterances") -> list[Row]:
    path = DATA / f"{kind}_{language}.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        moves = r["moves"]
        out.append(Row(r["text"], r["role"], set(moves), language, r.get("counterpart", "debtor"),
                       moves[0] if moves else "none-" + r["role"], fold(r["text"])))
    return out


# -- features and the learner ------------------------------------------------------------------
def feature_sets(rows: list[Row], word_n: int = WORD_N, char_ns: tuple[int, ...] = CHAR_NS) -> list[set[str]]:
    return [features(r.folded, word_n, char_ns) for r in rows]


def vocabulary(sets: list[set[str]], min_df: int = MIN_DF) -> dict[str, int]:
    df = Counter(f for s in sets for f in s)
    return {f: i for i, f in enumerate(sorted(f for f, c in df.items() if c >= min_df))}


def matrix(sets: list[set[str]], vocab: dict[str, int]) -> np.ndarray:
    """Binary features of the vocabulary, divided by sqrt(#features of the message) as at inference."""
    X = np.zeros((len(sets), len(vocab)), dtype=np.float32)
    for i, s in enumerate(sets):
        idx = [vocab[f] for f in s if f in vocab]
        if idx and s:
            X[i, idx] = 1.0 / np.sqrt(len(s))
    return X


def labels(rows: list[Row], moves: list[str]) -> np.ndarray:
    return np.array([[m in r.moves for m in moves] for r in rows], dtype=np.float32)


def train_lr(X: np.ndarray, Y: np.ndarray, l2: float = L2, iters: int = ITERS, lr: float = LR,
             pos_weight: float = POS_WEIGHT) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest logistic regression, full-batch Adam, deterministic (zero init, fixed steps)."""
    n, d = X.shape
    k = Y.shape[1]
    W = np.zeros((d, k), dtype=np.float32)
    prior = np.clip(Y.mean(0), 1e-3, 1 - 1e-3)
    b = np.log(prior / (1 - prior)).astype(np.float32)
    sw = np.where(Y > 0, pos_weight, 1.0).astype(np.float32)
    mW = np.zeros_like(W); vW = np.zeros_like(W); mb = np.zeros_like(b); vb = np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iters + 1):
        Z = X @ W + b
        P = 1.0 / (1.0 + np.exp(-Z))
        G = (P - Y) * sw / n
        gW = X.T @ G + l2 * W
        gb = G.sum(0)
        mW = b1 * mW + (1 - b1) * gW; vW = b2 * vW + (1 - b2) * gW * gW
        mb = b1 * mb + (1 - b1) * gb; vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        W -= lr * (mW / c1) / (np.sqrt(vW / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return W, b


def predict(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(X @ W + b)))


def fold_ids(rows: list[Row], k: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Folds stratified by the primary move (first label, or 'none-<role>')."""
    rng = np.random.default_rng(seed)
    ids = np.zeros(len(rows), dtype=int)
    by: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by.setdefault(r.primary, []).append(i)
    start = 0
    for key in sorted(by):
        idx = np.array(by[key])
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            ids[i] = (start + j) % k
        start += len(idx)
    return ids


# -- regex detector output (the other half of the hybrid) ----------------------------------------
def regex_moves(rows: list[Row]) -> list[set[str]]:
    from simulator.understanding.detect import understand
    out = []
    for r in rows:
        allowed = set(ROLE_MOVES[r.role])
        u = understand(r.text, r.language, r.role, EVAL_START, r.counterpart)
        out.append({m.value for m in u.moves} & allowed)
    return out


# -- scoring and thresholds ------------------------------------------------------------------------
def prf(got: list[set[str]], want: list[set[str]], moves: list[str]) -> dict[str, tuple[float, float, float, int]]:
    out = {}
    for m in moves:
        tp = sum(1 for g, w in zip(got, want) if m in g and m in w)
        fp = sum(1 for g, w in zip(got, want) if m in g and m not in w)
        fn = sum(1 for g, w in zip(got, want) if m not in g and m in w)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[m] = (p, r, f, tp + fn)
    return out


def macro_f1(scores: dict[str, tuple[float, float, float, int]]) -> float:
    vals = [s[2] for s in scores.values() if s[3]]
    return float(np.mean(vals)) if vals else 0.0


def above(P: np.ndarray, moves: list[str], t: float) -> list[set[str]]:
    return [{m for m, p in zip(moves, row) if p >= t} for row in P]


def combine(regex: list[set[str]], P: np.ndarray, moves: list[str], t_high: float, t_low: float) -> list[set[str]]:
    out = []
    for got, row in zip(regex, P):
        pm = dict(zip(moves, row))
        kept = {m for m in got if pm.get(m, 1.0) >= t_low}
        out.append(kept | {m for m, p in pm.items() if p >= t_high})
    return out


def choose_thresholds(P: np.ndarray, Y: np.ndarray, moves: list[str], regex: list[set[str]],
                      want: list[set[str]]) -> dict[str, float]:
    grid = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
    t_alone = max(grid, key=lambda t: (macro_f1(prf(above(P, moves, t), want, moves)), -abs(t - 0.5)))
    t_high = grid[-1]
    for t in grid:  # lowest threshold whose pooled precision reaches the target
        pred = P >= t
        tp = float((pred & (Y > 0)).sum())
        if pred.sum() and tp / pred.sum() >= PRECISION_TARGET:
            t_high = t
            break
    t_low = max(T_LOW_GRID, key=lambda t: (macro_f1(prf(combine(regex, P, moves, t_high, t), want, moves)), -t))
    return {"t_alone": float(t_alone), "t_high": float(t_high), "t_low": float(t_low)}


def oof(rows: list[Row], moves: list[str], make_x, fit=train_lr, k: int = FOLDS, seed: int = SEED,
        groups: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold probabilities. ``make_x(train_idx, test_idx) -> (X_train, X_test)``."""
    ids = fold_ids(rows, k, seed) if groups is None else groups
    Y = labels(rows, moves)
    P = np.zeros_like(Y)
    for f in range(k):
        tr, te = np.where(ids != f)[0], np.where(ids == f)[0]
        Xtr, Xte = make_x(tr, te)
        W, b = fit(Xtr, Y[tr])
        P[te] = predict(Xte, W, b)
    return P


def ngram_x(sets: list[set[str]], min_df: int = MIN_DF):
    def make(tr, te):
        vocab = vocabulary([sets[i] for i in tr], min_df)
        return matrix([sets[i] for i in tr], vocab), matrix([sets[i] for i in te], vocab)
    return make


# -- the shipped model -----------------------------------------------------------------------------
def pack(W: np.ndarray, vocab: dict[str, int]) -> tuple[float, list[str], list[str]]:
    """Quantise to signed ints below OFFSET and pack each feature's moves into one hex integer."""
    keep = np.where(np.abs(W).max(1) > 0)[0]
    scale = (OFFSET - 1) / float(np.abs(W).max() or 1.0)
    Q = np.rint(W * scale).astype(np.int64) + OFFSET
    inv = {i: f for f, i in vocab.items()}
    feats, packed = [], []
    for i in keep:
        if not np.any(Q[i] != OFFSET):
            continue  # all-zero after quantisation: a feature that changes nothing
        v = 0
        for kk, q in enumerate(Q[i].tolist()):
            v |= int(q) << (WIDTH * kk)
        feats.append(inv[i])
        packed.append(format(v, "x"))
    return scale, feats, packed


def training_rows(language: str) -> list[Row]:
    """What the classifier learns from: the labelled set plus the extra, more varied training set."""
    rows = load_rows(language)
    if (DATA / f"train_extra_{language}.jsonl").exists():
        rows += load_rows(language, "train_extra")
    return rows


def train_language(language: str, log=print) -> dict:
    rows = training_rows(language)
    regex_all = regex_moves(rows)
    out = {"language": language, "roles": {}}
    for role in ROLES:
        rr = [r for r in rows if r.role == role]
        rx = [g for g, r in zip(regex_all, rows) if r.role == role]
        moves = ROLE_MOVES[role]
        sets = feature_sets(rr)
        P = oof(rr, moves, ngram_x(sets))
        Y = labels(rr, moves)
        want = [r.moves for r in rr]
        th = choose_thresholds(P, Y, moves, rx, want)
        cv = {"classifier": macro_f1(prf(above(P, moves, th["t_alone"]), want, moves)),
              "regex": macro_f1(prf(rx, want, moves)),
              "hybrid": macro_f1(prf(combine(rx, P, moves, th["t_high"], th["t_low"]), want, moves))}
        vocab = vocabulary(sets)
        W, b = train_lr(matrix(sets, vocab), Y)
        scale, feats, packed = pack(W, vocab)
        log(f"{language}/{role}: {len(rr)} rows, {len(feats)} features, thresholds {th}, "
            f"CV macro F1 regex {cv['regex']:.3f} classifier {cv['classifier']:.3f} hybrid {cv['hybrid']:.3f}")
        out["roles"][role] = {"moves": moves, "word_n": WORD_N, "char_ns": list(CHAR_NS), "scale": scale,
                              "width": WIDTH, "offset": OFFSET, "bias": [round(float(x), 6) for x in b],
                              **th, "cv_macro_f1": {k: round(v, 4) for k, v in cv.items()},
                              "features": feats, "packed": packed}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write moves_<lang>.json")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        t0 = time.perf_counter()
        data = train_language(language)
        path = args.out / f"moves_{language}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
