/**
 * The release gate and the objective of an ad-hoc backtest (issue 5, DESIGN.md §4 Gate): {@link
 * io.micromodels.evaluation.gate.Gate} checks a candidate's metrics against the client's {@link
 * io.micromodels.features.config.GateSpec}s, {@link io.micromodels.evaluation.gate.HappyPathTable}
 * shows the result in the terminal and as JSON, and {@link
 * io.micromodels.evaluation.gate.Objective} states whether a hypothesis' objective was met. Plain
 * Java: the inputs are metric values by name, computed elsewhere.
 */
package io.micromodels.evaluation.gate;
