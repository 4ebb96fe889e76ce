"""micromodels_weekly: walk-forward backtests of the production models, then the drift report."""
from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

from micromodels_common import DEFAULT_ARGS, micromodels_task

with DAG(
    dag_id="micromodels_weekly",
    description="Walk-forward backtests and drift report of the production models",
    schedule="0 5 * * 1",
    start_date=datetime(2025, 1, 6),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["micromodels"],
) as dag:
    configs = "{{ var.value.micromodels_configs }}"
    walk_forward = micromodels_task(BashOperator, dag, "walk_forward_backtest",
                                    ["backtest", "--configs", configs, "--as-of", "{{ ds }}",
                                     "--folds", "4", "--train-days", "90",
                                     "--label-delay", "60", "--test-days", "7"],
                                    timedelta(hours=6))
    drift = micromodels_task(BashOperator, dag, "drift_report",
                             ["run", "weekly", "--configs", configs, "--as-of", "{{ ds }}"],
                             timedelta(hours=2))
    walk_forward >> drift
