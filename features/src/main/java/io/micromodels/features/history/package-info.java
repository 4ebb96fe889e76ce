/**
 * Point-in-time aggregates over an entity's event history (DESIGN.md §3.3): sliding windows that
 * only see the past. Plain Java, shared by the Spark feature job and a live scorer.
 */
package io.micromodels.features.history;
