package io.micromodels.orchestration.airflow;

/** One task instance of a DAG run. {@code state} is null while it has not been scheduled. */
public record TaskInstance(String taskId, String state, int tryNumber) {}
