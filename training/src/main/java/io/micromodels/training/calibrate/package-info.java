/**
 * Calibration: fitted maps from the combiner's log-odds to fraud probabilities (Platt and isotonic,
 * as scikit-learn fits them), and the monotone curve they and the score scale share.
 */
package io.micromodels.training.calibrate;
