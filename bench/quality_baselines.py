#!/usr/bin/env python3
"""Python baselines of the model-quality benchmark (`micromodels bench quality`, issue 26 item 5;
docs/benchmarks.md). Not a runtime or test dependency: needs numpy, pandas and scikit-learn
(Debian: apt-get install python3-sklearn python3-pandas); no pyarrow (reads the CSV.gz copies).

Reads the manifest the Java command writes beside its export (`<export>/manifest.json`): per client,
the folder holding `train.csv.gz` and `test.csv.gz` (the last walk-forward fold's rows, exactly as
our backtest trained and scored them), the numeric input columns, and whether the client has enough
test frauds. For each such client it fits, on exactly the exported training rows and inputs:

- logistic_regression: missing values imputed with the training mean plus a missing indicator per
  column that has missing values in training (SimpleImputer(add_indicator=True)), StandardScaler,
  LogisticRegression(C=1.0, max_iter=10000), otherwise scikit-learn's defaults;
- gradient_boosting: HistGradientBoostingClassifier with the library's defaults (NaN handled
  natively; random_state fixed, which only seeds its automatic early-stopping split);

scores the test rows, and computes average precision (average_precision_score) and ROC AUC for
these two and for our model's exported test scores (`micromodels_score`, the number the backtest's
own pr_auc reads), with percentile 95 % intervals from --bootstrap resamples of the test rows (one
seeded set of resamples shared by the three models, so differences are paired), and the paired
difference micromodels - logistic_regression (and - gradient_boosting) of AP with its interval.

Prints one JSON object on stdout (per-client results, bootstrap settings, versions) and a table on
stderr; --out also writes the JSON to a file.
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

MODELS = ("micromodels", "logistic_regression", "gradient_boosting")


def fit_scores(train, test, inputs, seed):
    x_train = train[inputs].to_numpy(dtype=float)
    y_train = train["label"].to_numpy(dtype=int)
    x_test = test[inputs].to_numpy(dtype=float)
    timings = {}
    start = time.perf_counter()
    logistic = make_pipeline(SimpleImputer(strategy="mean", add_indicator=True), StandardScaler(),
                             LogisticRegression(C=1.0, max_iter=10000))
    logistic.fit(x_train, y_train)
    timings["logistic_regression_fit_seconds"] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    boosting = HistGradientBoostingClassifier(random_state=seed)
    boosting.fit(x_train, y_train)
    timings["gradient_boosting_fit_seconds"] = round(time.perf_counter() - start, 3)
    scores = {
        "micromodels": test["micromodels_score"].to_numpy(dtype=float),
        "logistic_regression": logistic.predict_proba(x_test)[:, 1],
        "gradient_boosting": boosting.predict_proba(x_test)[:, 1],
    }
    details = {
        "logistic_regression_iterations": int(np.max(logistic[-1].n_iter_)),
        "logistic_regression_features": int(logistic[-1].coef_.shape[1]),
        "gradient_boosting_iterations": int(boosting.n_iter_),
        "gradient_boosting_early_stopping": bool(boosting.do_early_stopping_),
    }
    return scores, timings, details


def percentile_interval(values):
    lo, hi = np.percentile(values, [2.5, 97.5])
    return [round(float(lo), 6), round(float(hi), 6)]


def evaluate(y, scores, resamples, rng):
    n = len(y)
    out = {"ap": {}, "roc_auc": {}}
    for m in MODELS:
        out["ap"][m] = round(float(average_precision_score(y, scores[m])), 6)
        out["roc_auc"][m] = round(float(roc_auc_score(y, scores[m])), 6)
    ap = {m: [] for m in MODELS}
    auc = {m: [] for m in MODELS}
    skipped = 0
    for _ in range(resamples):
        idx = rng.integers(0, n, size=n)
        yb = y[idx]
        positives = int(yb.sum())
        if positives == 0 or positives == n:  # a metric is undefined on one class
            skipped += 1
            continue
        for m in MODELS:
            sb = scores[m][idx]
            ap[m].append(average_precision_score(yb, sb))
            auc[m].append(roc_auc_score(yb, sb))
    ap = {m: np.asarray(v) for m, v in ap.items()}
    out["ap_ci95"] = {m: percentile_interval(ap[m]) for m in MODELS}
    out["roc_auc_ci95"] = {m: percentile_interval(np.asarray(auc[m])) for m in MODELS}
    out["ap_difference"] = {}
    for other in ("logistic_regression", "gradient_boosting"):
        out["ap_difference"]["micromodels_minus_" + other] = {
            "value": round(out["ap"]["micromodels"] - out["ap"][other], 6),
            "ci95": percentile_interval(ap["micromodels"] - ap[other]),
        }
    out["bootstrap_resamples_used"] = resamples - skipped
    return out


def verdict(result):
    ours, logistic = result["ap"]["micromodels"], result["ap"]["logistic_regression"]
    lo, hi = result["ap_ci95"]["micromodels"]
    diff_lo, diff_hi = result["ap_difference"]["micromodels_minus_logistic_regression"]["ci95"]
    return {
        # the rule: at least logistic regression's AP, or its AP inside our 95 % interval
        "ap_at_least_logistic_regression": bool(ours >= logistic or lo <= logistic <= hi),
        "logistic_regression_ap_inside_our_ci95": bool(lo <= logistic <= hi),
        # stricter, paired: the difference's interval reaches zero or above
        "paired_difference_ci95_reaches_zero": bool(diff_hi >= 0),
        "paired_difference_ci95_excludes_zero": bool(diff_lo > 0 or diff_hi < 0),
    }


def table(clients, summary):
    rows = ["client       test rows  frauds   AP ours  AP logreg  AP gbt   AUC ours  AUC logreg"
            "  AUC gbt  AP ours - logreg [95% CI]",
            "-" * 118]
    for c in clients:
        d = c["ap_difference"]["micromodels_minus_logistic_regression"]
        rows.append("%-12s %9d %7d  %7.4f  %9.4f  %7.4f  %8.4f  %10.4f  %7.4f  %+.4f [%+.4f, %+.4f]%s" % (
            c["client"], c["test_rows"], c["test_frauds"], c["ap"]["micromodels"],
            c["ap"]["logistic_regression"], c["ap"]["gradient_boosting"],
            c["roc_auc"]["micromodels"], c["roc_auc"]["logistic_regression"],
            c["roc_auc"]["gradient_boosting"], d["value"], d["ci95"][0], d["ci95"][1],
            "" if c["targets"]["ap_at_least_logistic_regression"] else "  < logreg"))
    if clients:
        rows.append("mean AP: ours %.4f, logistic regression %.4f, gradient boosting %.4f" % (
            summary["mean_ap"]["micromodels"], summary["mean_ap"]["logistic_regression"],
            summary["mean_ap"]["gradient_boosting"]))
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True, help="<export>/manifest.json")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamples of the test rows")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="also write the JSON here")
    args = parser.parse_args()

    with open(args.manifest) as f:
        manifest = json.load(f)
    base = os.path.dirname(os.path.abspath(args.manifest))
    rng = np.random.default_rng(args.seed)
    clients = []
    for entry in manifest["clients"]:
        if not entry["evaluated"]:
            continue
        folder = os.path.join(base, entry["directory"])
        train = pd.read_csv(os.path.join(folder, "train.csv.gz"))
        test = pd.read_csv(os.path.join(folder, "test.csv.gz"))
        inputs = entry["inputs"]
        scores, timings, details = fit_scores(train, test, inputs, args.seed)
        y = test["label"].to_numpy(dtype=int)
        result = {"client": entry["client"], "test_rows": int(len(test)),
                  "test_frauds": int(y.sum()), "train_rows": int(len(train)),
                  "train_frauds": int(train["label"].sum())}
        result.update(evaluate(y, scores, args.bootstrap, rng))
        result["targets"] = verdict(result)
        result["baselines"] = dict(details, **timings)
        clients.append(result)
        print("evaluated %s: %s" % (entry["client"], json.dumps(result["ap"])), file=sys.stderr)

    summary = {}
    if clients:
        mean = {m: round(float(np.mean([c["ap"][m] for c in clients])), 6) for m in MODELS}
        summary = {
            "mean_ap": mean,
            "every_client_ap_at_least_logistic_regression": all(
                c["targets"]["ap_at_least_logistic_regression"] for c in clients),
            "mean_ap_gap_to_gradient_boosting": round(mean["gradient_boosting"]
                                                      - mean["micromodels"], 6),
            "mean_ap_within_0_02_of_gradient_boosting": bool(
                mean["gradient_boosting"] - mean["micromodels"] <= 0.02),
        }
    result = {
        "clients": clients,
        "summary": summary,
        "bootstrap": {"resamples": args.bootstrap, "seed": args.seed,
                      "method": "percentile, test rows resampled with replacement, the same"
                                " resamples for all models (paired); resamples with one class only"
                                " are skipped"},
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "pandas": pd.__version__,
    }
    print(table(clients, summary), file=sys.stderr)
    text = json.dumps(result, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
