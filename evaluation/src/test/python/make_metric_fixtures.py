#!/usr/bin/python3
"""Reference values for io.micromodels.evaluation.metrics, computed with scikit-learn/scipy/numpy.

Rerun (from the repository root, with Debian's packages, not a pyenv python):

    apt-get install -y python3-sklearn python3-pandas
    /usr/bin/python3 evaluation/src/test/python/make_metric_fixtures.py

It rewrites evaluation/src/test/resources/metrics/*.json deterministically (seeded). The Java
tests read those files and never run Python. Generated with scikit-learn 1.2.1, scipy 1.10.1,
numpy 1.24.2, pandas 1.5.3 (Debian bookworm); the versions used are stored in each file.
Undefined values are written as null (read as NaN by the tests).
"""

import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.stats
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "metrics"
VERSIONS = {"sklearn": sklearn.__version__, "scipy": scipy.__version__,
            "numpy": np.__version__, "pandas": pd.__version__}
ECE_BINS = [10, 7]
PSI_EPSILON = 1e-4


def sklearn_or_error(metric, *args, **kwargs):
    """What scikit-learn returns (or raises) on an edge case, noted beside our own definition."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = float(metric(*args, **kwargs))
        except ValueError as error:
            return {"raises": str(error)}
    note = {"returns": value}
    if caught:
        note["warns"] = str(caught[0].message)
    return note


def expected_calibration_error(y, p, bins):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy="uniform")
    # calibration_curve drops empty bins and does not return counts: count with its own binning.
    edges = np.linspace(0.0, 1.0, bins + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], p), minlength=bins)
    counts = counts[counts != 0]
    assert len(counts) == len(prob_true)
    return float(np.sum(counts / len(p) * np.abs(prob_pred - prob_true)))


def binary_case(name, scores, probabilities, fraud):
    y = np.asarray(fraud, dtype=int)
    p = np.asarray(probabilities, dtype=float)
    both_classes = 0 < y.sum() < len(y)
    case = {
        "name": name,
        "scores": [float(s) for s in scores],
        "probabilities": [float(v) for v in p],
        "fraud": [bool(v) for v in y],
        "average_precision": float(average_precision_score(y, scores)) if both_classes else None,
        "roc_auc": float(roc_auc_score(y, scores)) if both_classes else None,
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(brier_score_loss(y, p, pos_label=1)),
        "calibration_difference": float(abs(p.mean() - y.mean())),
        "expected_calibration_error": {str(b): expected_calibration_error(y, p, b)
                                       for b in ECE_BINS},
    }
    if not both_classes:
        case["sklearn_average_precision"] = sklearn_or_error(average_precision_score, y, scores)
        case["sklearn_roc_auc"] = sklearn_or_error(roc_auc_score, y, scores)
    return case


def realistic(rng, n):
    """Scores 0-100 (1 decimal) of a model that separates fraud somewhat, ~8 % fraud."""
    fraud = rng.random(n) < 0.08
    logit = -2.8 + 2.2 * fraud + rng.normal(0, 1.2, n)
    probability = 1 / (1 + np.exp(-logit))
    champion_logit = logit + rng.normal(0, 0.6, n)
    champion = np.round(100 / (1 + np.exp(-champion_logit)), 1)
    return fraud, probability, np.round(100 * probability, 1), champion


def binary_cases(rng):
    cases = [binary_case("tiny", [0.1, 0.4, 0.35, 0.8, 0.7],
                         [0.1, 0.4, 0.35, 0.8, 0.7], [False, False, True, True, False])]
    # Ties: scores rounded to one decimal, probabilities equal to them (incl. exactly 0, 1 and
    # every inner bin edge, which tests clipping and the ECE edge rule).
    fraud = rng.random(300) < 0.3
    tied = np.round(np.clip(0.25 + 0.35 * fraud + rng.normal(0, 0.25, 300), 0, 1), 1)
    cases.append(binary_case("ties", tied, tied, fraud))
    # Probabilities on inner bin edges belong to the lower bin; gaps of both signs, so the rule
    # changes the ECE.
    edges = [0.0, 0.1, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 0.15, 0.25, 0.6]
    cases.append(binary_case("bin_edges", edges, edges,
                             [True, False, True, False, False, True, False, True, True, False,
                              True, False]))
    negatives = np.round(rng.random(20), 1)
    cases.append(binary_case("all_negative", negatives, negatives, np.zeros(20, dtype=bool)))
    cases.append(binary_case("all_positive", negatives, negatives, np.ones(20, dtype=bool)))
    cases.append(binary_case("single_row", [0.3], [0.3], [True]))
    fraud, probability, score, champion = realistic(rng, 2000)
    case = binary_case("realistic", score, probability, fraud)
    case["champion_scores"] = [float(s) for s in champion]
    case["champion_average_precision"] = float(average_precision_score(fraud, champion))
    case["champion_roc_auc"] = float(roc_auc_score(fraud, champion))
    cases.append(case)
    return cases


def precision_at_k(days, customers, scores, fraud, k):
    frame = pd.DataFrame({"day": days, "customer": customers, "score": scores, "fraud": fraud})
    per_customer = frame.groupby(["day", "customer"], as_index=False).agg(
        score=("score", "max"), fraud=("fraud", "any"))
    precisions = []
    for _, day in per_customer.groupby("day"):
        top = day.sort_values(["score", "customer"], ascending=[False, True]).head(k)
        precisions.append(top["fraud"].sum() / min(k, len(day)))
    return float(np.mean(precisions))


def precision_at_k_cases(rng):
    cases = []
    tiny = {  # c2 and c3 tie on 0.9 on day 1: c2 wins by id, c3's fraud is not counted at k=2.
        "day": ["2026-01-01"] * 5 + ["2026-01-02"] * 2,
        "customer": ["c1", "c3", "c2", "c1", "c4", "c9", "c8"],
        "score": [0.95, 0.9, 0.9, 0.2, 0.1, 0.5, 0.4],
        "fraud": [False, True, False, True, False, False, True],
    }
    for k in (1, 2, 3, 10):
        cases.append(dict(tiny, name=f"tiny_k{k}", k=k))
    n = 2000
    days = [str(np.datetime64("2026-03-01") + int(d)) for d in rng.integers(0, 30, n)]
    customers = [f"cust-{c:03d}" for c in rng.integers(0, 300, n)]
    fraud = rng.random(n) < 0.08
    scores = np.round(np.clip(30 + 25 * fraud + rng.normal(0, 15, n), 0, 100), 0)
    for k in (5, 50, 100):
        cases.append({"name": f"realistic_k{k}", "day": days, "customer": customers,
                      "score": [float(s) for s in scores], "fraud": [bool(f) for f in fraud],
                      "k": k})
    for case in cases:
        case["expected"] = precision_at_k(case["day"], case["customer"], case["score"],
                                          case["fraud"], case["k"])
    return cases


def card_precision_at_k(days, customers, scores, fraud, k):
    """Card precision top-k as in Le Borgne et al., "Reproducible Machine Learning for Credit Card
    Fraud Detection - Practical Handbook" (card_precision_top_k with
    remove_detected_compromised_cards=True): days in time order; a customer already found as
    fraud in an earlier day's top k is removed before ranking; each remaining customer is its
    highest score that day and fraud if any of its events is; the day's value is frauds in the
    top k / k, also when fewer than k customers remain (0 when none does); the mean over every
    day that has events. Equal scores: customer id ascending (the handbook leaves their order to
    pandas' sort)."""
    frame = pd.DataFrame({"day": days, "customer": customers, "score": scores, "fraud": fraud})
    detected = set()
    precisions = []
    for _, day in frame.groupby("day", sort=True):  # ISO dates sort in time order
        day = day[~day["customer"].isin(detected)]
        cards = day.groupby("customer", as_index=False).agg(
            score=("score", "max"), fraud=("fraud", "any"))
        top = cards.sort_values(["score", "customer"], ascending=[False, True]).head(k)
        found = list(top.loc[top["fraud"].astype(bool), "customer"])
        detected.update(found)
        precisions.append(len(found) / k)
    return float(np.mean(precisions))


def event_precision_at_k(days, event_ids, scores, fraud, k):
    """Per day the top k events by score (equal scores: event id ascending), frauds / k also
    when the day has fewer than k events; the mean over the days that have events."""
    frame = pd.DataFrame({"day": days, "event_id": event_ids, "score": scores, "fraud": fraud})
    precisions = []
    for _, day in frame.groupby("day", sort=True):
        top = day.sort_values(["score", "event_id"], ascending=[False, True]).head(k)
        precisions.append(top["fraud"].sum() / k)
    return float(np.mean(precisions))


def daily_precision_cases(rng):
    """Cases for card and event precision at k, each with its expected values for several k."""
    tiny = {  # Day 1: c1 (0.9, fraud by its 0.1 event) is found. Day 2: c1 is removed; c2 and
        # c3 tie on 0.8, c2 first by id, so fraud c3 is found only at k >= 2. Day 3: one
        # customer (fewer than k). Day 4: only c1 and c3, both found by then at k >= 2, so no
        # customer remains and the day counts 0.
        "name": "tiny",
        "day": ["2026-01-01"] * 4 + ["2026-01-02"] * 4 + ["2026-01-03"] + ["2026-01-04"] * 2,
        "customer": ["c1", "c2", "c3", "c1", "c1", "c3", "c2", "c4", "c5", "c1", "c3"],
        "event_id": ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10",
                     "e11"],
        "score": [0.9, 0.4, 0.3, 0.1, 0.95, 0.8, 0.8, 0.2, 0.5, 0.7, 0.6],
        "fraud": [False, False, True, True, True, True, False, False, True, True, True],
        "k": [1, 2, 3, 10],
    }
    cases = [tiny]
    # Compromised customers stay fraud from their compromise day on, so detected customers come
    # back on later days; scores are whole numbers (ties); 2026-03-09 has only 3 events.
    n, customers = 1500, 250
    day_index = rng.integers(0, 14, n)
    small_day = 8
    day_index[day_index == small_day] = small_day + 1
    day_index[:3] = small_day
    customer = rng.integers(0, customers, n)
    compromised_from = np.where(rng.random(customers) < 0.15, rng.integers(0, 14, customers), 99)
    fraud = (day_index >= compromised_from[customer]) & (rng.random(n) < 0.7)
    scores = np.round(np.clip(35 + 25 * fraud + rng.normal(0, 15, n), 0, 100), 0)
    cases.append({
        "name": "realistic",
        "day": [str(np.datetime64("2026-03-01") + int(d)) for d in day_index],
        "customer": [f"cust-{c:03d}" for c in customer],
        # Ids in an order unrelated to the rows', so ties are not broken by row order.
        "event_id": [f"ev-{i:05d}" for i in rng.permutation(n)],
        "score": [float(s) for s in scores],
        "fraud": [bool(f) for f in fraud],
        "k": [1, 5, 20, 100],
    })
    for case in cases:
        case["expected"] = [
            {"k": k,
             "card": card_precision_at_k(case["day"], case["customer"], case["score"],
                                         case["fraud"], k),
             "event": event_precision_at_k(case["day"], case["event_id"], case["score"],
                                           case["fraud"], k)}
            for k in case.pop("k")]
    return cases


def spearman(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = scipy.stats.spearmanr(x, y).correlation
    return None if np.isnan(value) else float(value)


def spearman_cases(rng):
    x = rng.random(500)
    cases = [
        {"name": "tiny", "x": [1.0, 2.0, 3.0, 4.0, 5.0], "y": [5.0, 6.0, 7.0, 8.0, 7.0]},
        {"name": "ties", "x": [float(v) for v in np.round(x, 1)],
         "y": [float(v) for v in np.round(x + rng.normal(0, 0.3, 500), 1)]},
        {"name": "realistic", "x": [float(v) for v in x],
         "y": [float(v) for v in x ** 2 + rng.normal(0, 0.1, 500)]},
        {"name": "constant", "x": [1.0, 2.0, 3.0], "y": [4.0, 4.0, 4.0]},
        {"name": "two_rows", "x": [1.0, 2.0], "y": [3.0, 1.0]},
    ]
    for case in cases:
        case["expected"] = spearman(case["x"], case["y"])
    # Importances over the union of names, missing = 0 (the Java test builds the maps).
    a = {"email": 0.5, "device": 0.3, "velocity": 0.1, "amount": 0.3}
    b = {"email": 0.4, "device": 0.35, "country": 0.2}
    names = sorted(set(a) | set(b))
    cases.append({"name": "importances", "a": a, "b": b,
                  "expected": spearman([a.get(k, 0.0) for k in names],
                                       [b.get(k, 0.0) for k in names])})
    return cases


def psi(expected, actual):
    edges = np.linspace(0, 100, 11)
    e = np.histogram(expected, bins=edges)[0] / len(expected)
    a = np.histogram(actual, bins=edges)[0] / len(actual)
    e = np.where(e == 0, PSI_EPSILON, e)
    a = np.where(a == 0, PSI_EPSILON, a)
    return float(np.sum((a - e) * np.log(a / e)))


def psi_cases(rng):
    _, _, candidate, champion = realistic(rng, 2000)
    edges = [0.0, 10.0, 20.0, 30.0, 89.9, 90.0, 99.9, 100.0]
    cases = [
        {"name": "realistic", "expected": champion, "actual": candidate},
        {"name": "edges", "expected": edges, "actual": [0.0, 9.99, 10.0, 10.0, 50.0, 100.0]},
        {"name": "identical", "expected": champion, "actual": champion},
        {"name": "shifted_with_empty_bins", "expected": np.clip(rng.normal(20, 5, 800), 0, 100),
         "actual": np.clip(rng.normal(70, 5, 600), 0, 100)},
    ]
    for case in cases:
        case["expected"] = [float(v) for v in case["expected"]]
        case["actual"] = [float(v) for v in case["actual"]]
        case["psi"] = psi(case["expected"], case["actual"])
    return cases


def label_completeness_cases(rng):
    evaluated_at = np.datetime64("2026-06-01T00:00:00", "s")
    delays = np.round(rng.gamma(2.0, 12.0, 400), 3)
    ages = rng.integers(-2 * 86400, 90 * 86400, 300)  # seconds; a few events after evaluation
    event_times = evaluated_at - ages.astype("timedelta64[s]")
    history = np.sort(delays)
    cdf = np.searchsorted(history, ages / 86400.0, side="right") / len(history)
    return [{"name": "gamma_history", "delay_days": [float(d) for d in delays],
             "evaluated_at": str(evaluated_at) + "Z",
             "event_times": [str(t) + "Z" for t in event_times],
             "expected": float(np.mean(cdf))}]


def write(name, cases):
    body = {"generator": "evaluation/src/test/python/make_metric_fixtures.py",
            "versions": VERSIONS, "cases": cases}
    (OUT / f"{name}.json").write_text(json.dumps(body, indent=1, allow_nan=False) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20260501)
    write("binary", binary_cases(rng))
    write("precision_at_k", precision_at_k_cases(rng))
    write("spearman", spearman_cases(rng))
    write("psi", psi_cases(rng))
    write("label_completeness", label_completeness_cases(rng))
    # Its own seed, so the files above stay as they were generated.
    write("daily_precision_at_k",
          daily_precision_cases(np.random.default_rng(20260611)))


if __name__ == "__main__":
    main()
