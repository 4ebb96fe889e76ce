"""micromodels_weekly: walk-forward backtests of the production models, then the drift report."""
from datetime import datetime, timedelta

from micromodels_common import micromodels_dag, micromodels_task

with micromodels_dag("micromodels_weekly",
                     "Walk-forward backtests and drift report of the production models",
                     "0 5 * * 1", datetime(2025, 1, 6)) as dag:
    configs = "{{ var.value.micromodels_configs }}"
    walk_forward = micromodels_task(dag, "walk_forward_backtest",
                                    ["backtest", "--configs", configs, "--as-of", "{{ ds }}",
                                     "--folds", "4", "--train-days", "90",
                                     "--label-delay", "60", "--test-days", "7"],
                                    timedelta(hours=6))
    drift = micromodels_task(dag, "drift_report",
                             ["run", "weekly", "--configs", configs, "--as-of", "{{ ds }}"],
                             timedelta(hours=2))
    walk_forward >> drift
