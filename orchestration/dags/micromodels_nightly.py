"""micromodels_nightly: ingest -> features -> train -> backtest -> gate -> publish, all clients.

One task per stage, so a failed stage is retried alone and every stage's log is one place.
Each stage is idempotent (ingest skips stored events, features replace their date partitions,
publish writes a version slot once), so retries and backfills rewrite rather than duplicate.
The logical date ({{ ds }}) is the as-of date: a backfill of 2025-09-01 builds what was known then.
"""
from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

from micromodels_common import DEFAULT_ARGS, micromodels_task

with DAG(
    dag_id="micromodels_nightly",
    description="Nightly retraining and release of every client's model",
    schedule="0 3 * * *",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["micromodels"],
) as dag:
    configs = "{{ var.value.micromodels_configs }}"
    ingest = micromodels_task(BashOperator, dag, "ingest",
                              ["ingest", "{{ var.value.micromodels_incoming }}/{{ ds }}"],
                              timedelta(hours=2))
    features = micromodels_task(BashOperator, dag, "features",
                                ["features", "--configs", configs, "--from", "{{ ds }}",
                                 "--to", "{{ ds }}", "--as-of", "{{ ds }}"],
                                timedelta(hours=3))
    train = micromodels_task(BashOperator, dag, "train",
                             ["train", "--configs", configs, "--as-of", "{{ ds }}"],
                             timedelta(hours=4))
    backtest = micromodels_task(BashOperator, dag, "backtest",
                                ["backtest", "--configs", configs, "--as-of", "{{ ds }}",
                                 "--folds", "1"],
                                timedelta(hours=4))
    gate = micromodels_task(BashOperator, dag, "gate",
                            ["gate", "--configs", configs, "--as-of", "{{ ds }}"],
                            timedelta(minutes=30))
    publish = micromodels_task(BashOperator, dag, "publish",
                               ["publish", "--configs", configs, "--as-of", "{{ ds }}"],
                               timedelta(minutes=30))
    ingest >> features >> train >> backtest >> gate >> publish
