/**
 * The model registry in plain Java (DESIGN.md §3.4, §3.5, §4 Publish): model references and
 * statuses, the registry's event log and the state it replays to, metric manifests (built, filtered
 * for secrets and validated against {@code manifest.schema.json}), artifact checksums and the
 * ingest feed. The Delta and file-system side lives in {@link io.micromodels.registry.spark}.
 */
package io.micromodels.registry;
