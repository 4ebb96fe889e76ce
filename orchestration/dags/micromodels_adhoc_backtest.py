"""micromodels_adhoc_backtest: a data scientist's backtest, triggered with a conf.

The conf is declared as Params with JSON Schemas, so Airflow refuses an invalid submission before
a run exists; the CLI validates the same values again. Trigger it from the command line with
`micromodels backtest --submit --airflow-url URL --clients ... --hypothesis ... --objective ...`.
"""
from datetime import datetime, timedelta

from airflow.models.param import Param

from micromodels_common import micromodels_dag, micromodels_task

# Params without a default are mandatory: a trigger without them creates no run.
PARAMS = {
    "clients": Param(type="array", minItems=1,
                     items={"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"},
                     description="client ids to backtest, e.g. [\"dashfood\"]"),
    "hypothesis": Param(type="string", minLength=10, maxLength=2000,
                        description="what the change is expected to do, in a sentence"),
    "objective": Param(type="string", pattern="^[a-z_]+:[+-]?[0-9]*[.]?[0-9]+$",
                       description="metric and required change vs the champion, e.g. pr_auc:+0.01"),
    "as_of": Param(None, type=["null", "string"], pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}",
                   description="as-of date (or ISO instant) of the backtest; default: the run's"
                               " logical date"),
    "folds": Param(4, type="integer", minimum=1, maximum=12,
                   description="walk-forward folds"),
    "config_overrides": Param({}, type="object",
                              description="client config keys to override, as JSON"),
}

with micromodels_dag("micromodels_adhoc_backtest",
                     "Hypothesis-driven backtest submitted by a data scientist",
                     None, datetime(2025, 1, 1), params=PARAMS, max_active_runs=4,
                     tags=["micromodels", "adhoc"]) as dag:
    micromodels_task(dag, "backtest",
                     ["backtest", "--configs", "{{ var.value.micromodels_configs }}",
                      "--clients", "{{ params.clients | join(',') }}",
                      "--as-of", "{{ params.as_of or ds }}", "--folds", "{{ params.folds }}",
                      "--hypothesis", "{{ params.hypothesis }}",
                      "--objective", "{{ params.objective }}",
                      "--config-overrides", "{{ params.config_overrides | tojson }}",
                      "--report-id", "{{ run_id }}"],
                     timedelta(hours=6))
