/**
 * The sample event-log generator: simulated clients, customers and fraudsters (plain Java, one
 * deterministic random stream per customer so any shard can be generated anywhere).
 */
package io.micromodels.jobs.sample;
