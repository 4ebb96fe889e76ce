/**
 * The registry on Delta and Hadoop file systems: the index table (an append-only event log with
 * optimistic-concurrency commits), artifact folders, publish, and the registry operations. The
 * rules (statuses, transitions, manifests, feed) are plain Java in {@link io.micromodels.registry}.
 */
package io.micromodels.registry.spark;
