#!/usr/bin/env python3
"""scikit-learn's LogisticRegression(solver="liblinear") on the files `micromodels bench sklearn`
writes, for benchmark (c) of issue 4 (docs/benchmarks.md). Not a runtime or test dependency:
needs scikit-learn (Debian: apt-get install python3-sklearn).

Reads a training and a held-out file in LIBSVM format (0-based indices), fits at the given C and
tolerance, times the fit only (wall and process CPU seconds, the median of --repeats runs after one
warm-up), and prints one JSON object: AP on the held-out rows, fit seconds, versions. With --our-scores it also computes the AP
of the other model's held-out scores with the same sklearn function, and with --decision-out it
writes its held-out log-odds (one per line) for a coefficient-level comparison.

Our objective is 0.5 |w|^2 + C sum logloss with an unpenalised intercept. scikit-learn's liblinear
appends a synthetic feature of value intercept_scaling and penalises its weight like any other, so
the intercept b costs 0.5 (b / intercept_scaling)^2: a large intercept_scaling makes that penalty
negligible and the two objectives the same.
"""
import argparse
import json
import platform
import statistics
import time

import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--dimension", type=int, required=True)
    parser.add_argument("--c", type=float, required=True)
    parser.add_argument("--tol", type=float, required=True)
    parser.add_argument("--intercept-scaling", type=float, default=1e4)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--our-scores", help="held-out scores of the other model, one per line")
    parser.add_argument("--decision-out", help="write held-out log-odds here, one per line")
    args = parser.parse_args()

    x_train, y_train = load_svmlight_file(args.train, n_features=args.dimension, zero_based=True)
    x_test, y_test = load_svmlight_file(args.test, n_features=args.dimension, zero_based=True)

    def fit():
        model = LogisticRegression(solver="liblinear", penalty="l2", C=args.c, tol=args.tol,
                                   intercept_scaling=args.intercept_scaling, max_iter=1000)
        start, cpu = time.perf_counter(), time.process_time()
        model.fit(x_train, y_train)
        return model, time.perf_counter() - start, time.process_time() - cpu

    fit()  # warm-up, as on the Java side
    runs = [fit() for _ in range(args.repeats)]
    model = runs[-1][0]
    decision = model.decision_function(x_test)
    result = {
        "ap": float(average_precision_score(y_test, decision)),
        "fit_seconds": statistics.median(seconds for _, seconds, _ in runs),
        "fit_seconds_runs": [seconds for _, seconds, _ in runs],
        "fit_cpu_seconds": statistics.median(cpu for _, _, cpu in runs),
        "intercept": float(model.intercept_[0]),
        "non_zero_weights": int(np.count_nonzero(model.coef_)),
        "n_iter": int(np.max(model.n_iter_)),
        "train_rows": int(x_train.shape[0]),
        "test_rows": int(x_test.shape[0]),
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
    }
    if args.our_scores:
        ours = np.loadtxt(args.our_scores)
        result["ap_of_our_scores"] = float(average_precision_score(y_test, ours))
    if args.decision_out:
        np.savetxt(args.decision_out, decision, fmt="%.17g")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
