#!/usr/bin/python3
"""Reference values for CalibratorsTest, computed with scikit-learn.

The committed output (reference.json next to this script) is what the tests read; scikit-learn is
needed only to regenerate it:

    apt-get install -y python3-sklearn        # Debian bookworm: scikit-learn 1.2.1
    /usr/bin/python3 training/src/test/resources/calibration/make_reference.py \
        > training/src/test/resources/calibration/reference.json

Platt: sklearn.calibration._sigmoid_calibration (Platt's smoothed targets, p = expit(-(a f + b)));
we store slope = -a and intercept = -b. Isotonic: IsotonicRegression(out_of_bounds="clip") with
its kept knots (X_thresholds_, y_thresholds_). Each fixture lists probe points (the inputs plus
points beyond them) and scikit-learn's probabilities there.
"""
import json
import sys

import numpy as np
import sklearn
from scipy.special import expit
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(20261201)


def probes(x):
    lo, hi = float(np.min(x)), float(np.max(x))
    extra = [lo - 3.0, lo - 0.5, (lo + hi) / 2 + 0.0123, hi + 0.5, hi + 3.0]
    return sorted(set([float(v) for v in x] + extra))


def platt(name, x, y):
    a, b = _sigmoid_calibration(np.asarray(x, float), np.asarray(y, float))
    p = probes(x)
    return {"name": name, "method": "PLATT", "log_odds": list(map(float, x)),
            "labels": list(map(float, y)), "slope": float(-a), "intercept": float(-b),
            "probe": p, "expected": [float(v) for v in expit(-(a * np.asarray(p) + b))]}


def isotonic(name, x, y):
    model = IsotonicRegression(out_of_bounds="clip").fit(np.asarray(x, float), np.asarray(y, float))
    p = probes(x)
    return {"name": name, "method": "ISOTONIC", "log_odds": list(map(float, x)),
            "labels": list(map(float, y)), "knots": [float(v) for v in model.X_thresholds_],
            "probabilities": [float(v) for v in model.y_thresholds_],
            "probe": p, "expected": [float(v) for v in model.predict(np.asarray(p))]}


def noisy(n, slope, intercept):
    x = rng.normal(0.0, 2.0, n)
    y = (rng.random(n) < expit(slope * x + intercept)).astype(float)
    return x, y


def tied(n, values):
    x = rng.choice(values, n)
    y = (rng.random(n) < expit(0.8 * x - 1.0)).astype(float)
    return x, y


fixtures = []
x, y = noisy(300, 1.5, -2.0)
fixtures.append(platt("platt_noisy", x, y))
fixtures.append(isotonic("isotonic_noisy", x, y))
x = np.linspace(-4, 4, 40)
y = (x > 0.3).astype(float)
fixtures.append(platt("platt_separable", x, y))
fixtures.append(isotonic("isotonic_separable", x, y))
x, y = tied(250, np.array([-3.0, -1.5, -0.25, 0.0, 0.5, 1.75, 4.0]))
fixtures.append(platt("platt_ties", x, y))
fixtures.append(isotonic("isotonic_ties", x, y))
x = np.array([0.0, 1.0, 1.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0, 6.0])
y = np.array([0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0])
fixtures.append(isotonic("isotonic_small_violators", x, y))
x = rng.normal(0.0, 1.0, 50)
fixtures.append(platt("platt_no_positives", x, np.zeros(50)))
fixtures.append(isotonic("isotonic_no_positives", x, np.zeros(50)))
fixtures.append(platt("platt_no_negatives", x, np.ones(50)))
fixtures.append(isotonic("isotonic_no_negatives", x, np.ones(50)))
x = np.full(30, 1.25)
y = (np.arange(30) % 3 == 0).astype(float)
single = platt("platt_single_x", x, y)
# With one distinct input only the prediction at that input is identified; probe it alone.
single["probe"] = [1.25]
single["expected"] = [float(expit(-(-single["slope"] * 1.25 - single["intercept"])))]
fixtures.append(single)
fixtures.append(isotonic("isotonic_single_x", x, y))

json.dump({"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
           "fixtures": fixtures}, sys.stdout, indent=1)
sys.stdout.write("\n")
