"""micromodels_adhoc_backtest: a data scientist's backtest, triggered with a conf.

The conf is declared as Params with JSON Schemas, so Airflow refuses an invalid submission before
a run exists; the CLI validates the same values again. Trigger it from the command line with
`micromodels backtest --submit --airflow-url URL --clients ... --hypothesis ... --objective ...`.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models.param import Param

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

from micromodels_common import DEFAULT_ARGS, micromodels_task

PARAMS = {
    "clients": Param(["dashfood"], type="array", items={"type": "string",
                     "pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"}, minItems=1,
                     description="client ids to backtest"),
    "hypothesis": Param("", type="string", minLength=10,
                        description="what the change is expected to do, in a sentence"),
    "objective": Param("pr_auc:+0.01", type="string",
                       pattern="^[a-z_]+:(\\+|-)?[0-9]*\\.?[0-9]+$",
                       description="metric and required change vs the champion, e.g. pr_auc:+0.01"),
    "folds": Param(4, type="integer", minimum=1, maximum=12),
    "config_overrides": Param({}, type="object",
                              description="client config keys to override, as JSON"),
}

with DAG(
    dag_id="micromodels_adhoc_backtest",
    description="Hypothesis-driven backtest submitted by a data scientist",
    schedule=None,
    start_date=datetime(2025, 1, 1),
    catchup=False,
    params=PARAMS,
    default_args=DEFAULT_ARGS,
    tags=["micromodels", "adhoc"],
) as dag:
    micromodels_task(BashOperator, dag, "backtest",
                     ["backtest", "--configs", "{{ var.value.micromodels_configs }}",
                      "--clients", "{{ params.clients | join(',') }}",
                      "--as-of", "{{ ds }}", "--folds", "{{ params.folds }}",
                      "--hypothesis", "{{ params.hypothesis }}",
                      "--objective", "{{ params.objective }}",
                      "--config-overrides", "{{ params.config_overrides | tojson }}",
                      "--report-id", "{{ run_id }}"],
                     timedelta(hours=6))
