"""Regex alone vs classifier alone vs hybrid, per move, on k-fold CV of the training data and on fresh.

    .venv/bin/python benchmarks/classifier_metrics.py [--split cv|fresh|both] [--options ngram,shared,wordllama,concat]

Training data: tests/data/utterances_*.jsonl. tests/data/fresh_*.jsonl is only scored (thresholds
come from the CV out-of-fold probabilities, never from fresh).

Options: ``ngram`` (a) word+char n-grams, one model per language and role (the shipped design;
its fresh figures use the shipped weights through the stdlib inference of classifier.py);
``shared`` (a) trained on en+es together; ``wordllama`` (b) WordLlama l2_supercat 256-d mean
embeddings + LR; ``concat`` (c) both. (b)/(c) need ``pip install wordllama`` (not a project
dependency): without it they are skipped. WordLlama 0.4.0's ``WordLlama.load()`` looks for its
tokenizer in ``wordllama/tokenizer/`` but the wheel ships ``wordllama/tokenizers/``, so it tries to
download; we load the wheel's files directly (offline).

Also prints the classifier's CPU cost: import + weights load (in a fresh interpreter) and µs per
message for ``classify_many`` over a 30-message transcript.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.understanding import classifier as C  # noqa: E402
from simulator.understanding import train_classifier as T  # noqa: E402


# -- WordLlama, offline from the wheel -------------------------------------------------------------
def load_wordllama():
    t0 = time.perf_counter()
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference
    t1 = time.perf_counter()
    root = Path(wordllama.__file__).parent
    tok = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np", device="cpu") as f:
        emb = f.get_tensor("embedding.weight")
    wl = WordLlamaInference(emb, tok)
    return wl, (t1 - t0) * 1e3, (time.perf_counter() - t1) * 1e3


def embed(wl, rows) -> np.ndarray:
    return np.asarray(wl.embed([r.text for r in rows], norm=True), dtype=np.float32)


# -- one option: OOF probabilities on training, probabilities on fresh ----------------------------
def option_probs(name, tr_rows, fr_rows, moves, wl=None, shared_rows=None):
    """(P_oof, P_fresh) for ``tr_rows`` / ``fr_rows`` of one language and role."""
    sets_tr = T.feature_sets(tr_rows)
    sets_fr = T.feature_sets(fr_rows)
    if name in ("ngram", "shared"):
        rows_fit = tr_rows if name == "ngram" else shared_rows
        sets_fit = sets_tr if name == "ngram" else T.feature_sets(shared_rows)
        if name == "ngram":
            P = T.oof(tr_rows, moves, T.ngram_x(sets_tr))
        else:  # folds over the union, scored on this language's rows
            ids = T.fold_ids(shared_rows)
            Pall = T.oof(shared_rows, moves, T.ngram_x(sets_fit), groups=ids)
            pos = [i for i, r in enumerate(shared_rows) if r.language == tr_rows[0].language]
            P = Pall[pos]
        vocab = T.vocabulary(sets_fit)
        W, b = T.train_lr(T.matrix(sets_fit, vocab), T.labels(rows_fit, moves))
        return P, T.predict(T.matrix(sets_fr, vocab), W, b)
    E_tr, E_fr = embed(wl, tr_rows), embed(wl, fr_rows)
    Y = T.labels(tr_rows, moves)
    fit_e = lambda X, Y_: T.train_lr(X, Y_, l2=1e-4, lr=0.05)  # noqa: E731
    if name == "wordllama":
        P = T.oof(tr_rows, moves, lambda a, c: (E_tr[a], E_tr[c]), fit=fit_e)
        W, b = fit_e(E_tr, Y)
        return P, T.predict(E_fr, W, b)
    # concat: n-gram block + embedding block (both rows have unit-ish norm)
    def make(a, c):
        vocab = T.vocabulary([sets_tr[i] for i in a])
        return (np.hstack([T.matrix([sets_tr[i] for i in a], vocab), E_tr[a]]),
                np.hstack([T.matrix([sets_tr[i] for i in c], vocab), E_tr[c]]))
    P = T.oof(tr_rows, moves, make)
    vocab = T.vocabulary(sets_tr)
    W, b = T.train_lr(np.hstack([T.matrix(sets_tr, vocab), E_tr]), Y)
    return P, T.predict(np.hstack([T.matrix(sets_fr, vocab), E_fr]), W, b)


def shipped_probs(rows, language, role, moves) -> np.ndarray:
    out = C.classify_many([r.text for r in rows], language, [role] * len(rows))
    return np.array([[d[m] for m in moves] for d in out], dtype=np.float32)


# -- printing ---------------------------------------------------------------------------------------
def table(title, want, systems, moves):
    print(f"\n{title}")
    head = "".join(f" | {name:^20}" for name in systems)
    print(f"{'move':20} {'n':>3}{head}")
    print(f"{'':24}" + " | prec   rec    f1   " * len(systems))
    scores = {name: T.prf(got, want, moves) for name, got in systems.items()}
    for m in moves:
        n = scores[next(iter(systems))][m][3]
        if not n:
            continue
        cells = "".join(f" | {s[m][0]:.2f}  {s[m][1]:.2f}  {s[m][2]:.2f} " for s in scores.values())
        print(f"{m:20} {n:3d}{cells}")
    cells = "".join(f" | macro F1     {T.macro_f1(s):.3f} " for s in scores.values())
    print(f"{'':24}{cells[1:]}")
    micro = []
    for got in systems.values():
        tp = sum(len(g & w) for g, w in zip(got, want))
        n_got, n_want = sum(map(len, got)), sum(map(len, want))
        micro.append(f" | micro {tp / max(n_got, 1):.2f}  {tp / max(n_want, 1):.2f}       ")
    print(f"{'':24}{''.join(micro)[1:]}")
    return {name: T.macro_f1(s) for name, s in scores.items()}


def cost(n_repeat: int = 30) -> None:
    code = ("import time; import simulator.understanding.detect; t=time.perf_counter();"
            "from simulator.understanding import classifier as C; t1=time.perf_counter();"
            "[C.model(l, r) for l in ('en','es') for r in ('trainee','persona')]; t2=time.perf_counter();"
            "import sys; print((t1-t)*1e3, (t2-t1)*1e3, 'numpy' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.split()
            for _ in range(5)]
    imp = min(float(r[0]) for r in runs)
    load = min(float(r[1]) for r in runs)
    print(f"\ncost: import classifier.py {imp:.1f} ms (after detect); load both languages' weights "
          f"{load:.1f} ms (one language: about half); numpy imported: {runs[0][2]}")
    rows = [r for lang in ("en",) for r in T.load_rows(lang, "fresh")][:30]
    texts, roles = [r.text for r in rows], [r.role for r in rows]
    C.classify_many(texts, "en", roles)
    best = 1e9
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(n_repeat):
            C.classify_many(texts, "en", roles)
        best = min(best, (time.perf_counter() - t0) / n_repeat / len(texts) * 1e6)
    from simulator.understanding.detect import understand
    t0 = time.perf_counter()
    for _ in range(n_repeat):
        for r in rows:
            understand(r.text, "en", r.role, T.EVAL_START)
    rx = (time.perf_counter() - t0) / n_repeat / len(rows) * 1e6
    print(f"cost: classify_many {best:.1f} µs/message (30-message transcript, best of 5); "
          f"regex understand() {rx:.1f} µs/message for reference")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["cv", "fresh", "both"], default="both")
    ap.add_argument("--options", default="ngram,shared,wordllama,concat")
    ap.add_argument("--no-cost", action="store_true")
    args = ap.parse_args()
    options = args.options.split(",")
    wl = None
    if {"wordllama", "concat"} & set(options):
        try:
            wl, imp_ms, load_ms = load_wordllama()
            batch = ["Hello, am I speaking with Ms. Rivera? I'm calling about your overdue payment."] * 30
            wl.embed(batch)
            t0 = time.perf_counter()
            for _ in range(50):
                wl.embed(batch, norm=True)
            us = (time.perf_counter() - t0) / 50 / 30 * 1e6
            print(f"wordllama: import {imp_ms:.0f} ms (incl. numpy, tokenizers, safetensors, requests, pydantic), "
                  f"load {load_ms:.0f} ms, embed {us:.1f} µs/message in 30-batches (+ LR)")
        except ImportError:
            print("wordllama not installed: options wordllama/concat skipped")
            options = [o for o in options if o not in ("wordllama", "concat")]
    train = {lang: T.load_rows(lang) for lang in T.LANGUAGES}
    fresh = {lang: T.load_rows(lang, "fresh") for lang in T.LANGUAGES}
    summary = []
    for lang in T.LANGUAGES:
        rx_tr, rx_fr = T.regex_moves(train[lang]), T.regex_moves(fresh[lang])
        for role in T.ROLES:
            moves = T.ROLE_MOVES[role]
            idx_tr = [i for i, r in enumerate(train[lang]) if r.role == role]
            idx_fr = [i for i, r in enumerate(fresh[lang]) if r.role == role]
            tr, fr = [train[lang][i] for i in idx_tr], [fresh[lang][i] for i in idx_fr]
            want_tr, want_fr = [r.moves for r in tr], [r.moves for r in fr]
            g_tr, g_fr = [rx_tr[i] for i in idx_tr], [rx_fr[i] for i in idx_fr]
            shared = [r for lg in T.LANGUAGES for r in train[lg] if r.role == role]
            for opt in options:
                t0 = time.perf_counter()
                P, Pf = option_probs(opt, tr, fr, moves, wl, shared)
                th = T.choose_thresholds(P, T.labels(tr, moves), moves, g_tr, want_tr)
                if opt == "ngram":  # the fresh figures of the shipped weights, through classifier.py
                    Ps = shipped_probs(fr, lang, role, moves)
                    print(f"\n[{lang}/{role}] shipped vs numpy-retrained fresh probabilities: max |diff| "
                          f"{float(np.abs(Ps - Pf).max()):.4f}; shipped thresholds "
                          f"{ {k: getattr(C.model(lang, role), k) for k in ('t_alone', 't_high', 't_low')} }")
                    m = C.model(lang, role)
                    th = {"t_alone": m.t_alone, "t_high": m.t_high, "t_low": m.t_low}
                    Pf = Ps
                label = f"{lang}/{role} option={opt} thresholds={th} ({time.perf_counter() - t0:.0f} s)"
                res = {}
                if args.split in ("cv", "both"):
                    res["cv"] = table(f"CV {T.FOLDS}-fold, {label}", want_tr, {
                        "regex": g_tr, "classifier": T.above(P, moves, th["t_alone"]),
                        "hybrid": T.combine(g_tr, P, moves, th["t_high"], th["t_low"])}, moves)
                if args.split in ("fresh", "both"):
                    res["fresh"] = table(f"FRESH, {label}", want_fr, {
                        "regex": g_fr, "classifier": T.above(Pf, moves, th["t_alone"]),
                        "hybrid": T.combine(g_fr, Pf, moves, th["t_high"], th["t_low"])}, moves)
                summary.append((lang, role, opt, res))
    print("\nSUMMARY: macro F1 (regex / classifier / hybrid)")
    for lang, role, opt, res in summary:
        cells = "  ".join(f"{k}: {v['regex']:.3f} / {v['classifier']:.3f} / {v['hybrid']:.3f}" for k, v in res.items())
        print(f"  {lang}/{role:8} {opt:9} {cells}")
    if not args.no_cost:
        cost()


if __name__ == "__main__":
    main()
