"""micromodels_weekly: walk-forward backtests of the production models with their drift report.

One task: `run weekly` backtests every client that has a production model over 4 folds of 7 days
(each fold's candidate trained as of its cut-off, the production model scored on every fold) and
measures each test window's drift from the production model's training window (feature and score
PSI) in the same Spark application, so the feature rows are built once. Nothing is published;
the task rewrites the same run folder when retried.
"""
from datetime import datetime, timedelta

from micromodels_common import micromodels_dag, micromodels_task

with micromodels_dag("micromodels_weekly",
                     "Walk-forward backtests and drift report of the production models",
                     "0 5 * * 1", datetime(2025, 1, 6)) as dag:
    configs = "{{ var.value.micromodels_configs }}"
    weekly = micromodels_task(dag, "weekly",
                              ["run", "weekly", "--configs", configs, "--as-of", "{{ ds }}",
                               "--folds", "4", "--test-days", "7"],
                              timedelta(hours=8))
