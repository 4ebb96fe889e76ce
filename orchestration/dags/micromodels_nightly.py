"""micromodels_nightly: ingest -> features -> train -> backtest -> gate -> publish, all clients.

One task per stage, so a failed stage is retried alone and every stage's log is one place.
Each stage is idempotent (ingest skips stored events, features replace their date partitions,
publish writes a version slot once), so retries and backfills rewrite rather than duplicate.
The logical date ({{ ds }}) is the as-of date: a backfill of 2025-09-01 builds what was known then.
"""
from datetime import datetime, timedelta

from micromodels_common import micromodels_dag, micromodels_task

with micromodels_dag("micromodels_nightly",
                     "Nightly retraining and release of every client's model",
                     "0 3 * * *", datetime(2025, 1, 1)) as dag:
    configs = "{{ var.value.micromodels_configs }}"
    ingest = micromodels_task(dag, "ingest",
                              ["ingest", "{{ var.value.micromodels_incoming }}/{{ ds }}"],
                              timedelta(hours=2))
    features = micromodels_task(dag, "features",
                                ["features", "--configs", configs, "--from", "{{ ds }}",
                                 "--to", "{{ ds }}", "--as-of", "{{ ds }}"],
                                timedelta(hours=3))
    train = micromodels_task(dag, "train",
                             ["train", "--configs", configs, "--as-of", "{{ ds }}"],
                             timedelta(hours=4))
    backtest = micromodels_task(dag, "backtest",
                                ["backtest", "--configs", configs, "--as-of", "{{ ds }}",
                                 "--holdout"],
                                timedelta(hours=4))
    # Exit code 3 means "blocked by a gate": a decision, not a fault. The task is then skipped
    # (so publish is skipped too) instead of being retried and failing the run.
    gate = micromodels_task(dag, "gate",
                            ["gate", "--configs", configs, "--as-of", "{{ ds }}"],
                            timedelta(minutes=30), skip_on_exit_code=3, retries=0)
    publish = micromodels_task(dag, "publish",
                               ["publish", "--configs", configs, "--as-of", "{{ ds }}"],
                               timedelta(minutes=30))
    ingest >> features >> train >> backtest >> gate >> publish
