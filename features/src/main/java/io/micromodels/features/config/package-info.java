/**
 * Client configuration: one YAML file per client parsed into validated records (DESIGN.md §5).
 * Plain Java; loaded and checked before any Spark work starts.
 */
package io.micromodels.features.config;
