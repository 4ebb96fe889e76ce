/** Java client of Airflow's REST API (v1 for Airflow 2, v2 for Airflow 3). */
package io.micromodels.orchestration.airflow;
