"""Shared pieces of the micromodels DAGs: how a task runs the jobs jar with spark-submit.

Kept free of heavy imports: the scheduler parses DAG files often. Nothing here reads Airflow
Variables at parse time; every deployment value is a Jinja template rendered when the task runs.

Variables (Admin > Variables):
  micromodels_jar          location of the jobs jar (cluster profile), e.g. s3a://bucket/micromodels.jar
  micromodels_warehouse    warehouse URI of the Delta tables, e.g. s3a://bucket/warehouse
  micromodels_configs      folder of the client configs visible to the driver
  micromodels_incoming     root of the incoming event files; a run reads <root>/<ds>/
  micromodels_spark_master spark-submit --master (default yarn)
  micromodels_deploy_mode  spark-submit --deploy-mode (default client: the tasks read the exit code, docs/operations.md §3)
"""
import shlex
from datetime import timedelta

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

MAIN_CLASS = "io.micromodels.jobs.cli.MicromodelsCli"

DEFAULT_ARGS = {
    "owner": "micromodels",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
}

SPARK_SUBMIT = (
    "spark-submit"
    " --master {{ var.value.get('micromodels_spark_master', 'yarn') }}"
    " --deploy-mode {{ var.value.get('micromodels_deploy_mode', 'client') }}"
    " --class " + MAIN_CLASS +
    " {{ var.value.micromodels_jar }}"
    " --warehouse {{ var.value.micromodels_warehouse }}"
)


def micromodels_dag(dag_id, description, schedule, start_date, **extra):
    """A DAG with the settings every micromodels DAG shares: explicit backfills only, one run
    at a time, retries with backoff on every task."""
    settings = dict(catchup=False, max_active_runs=1, default_args=DEFAULT_ARGS,
                    tags=["micromodels"])
    settings.update(extra)
    return DAG(dag_id=dag_id, description=description, schedule=schedule,
               start_date=start_date, **settings)


def micromodels_task(dag, task_id, args, timeout, **operator_args):
    """A task that runs `micromodels <args>` through spark-submit.

    Templated arguments (those holding '{{') travel as environment variables, so a value from a
    DAG run's conf (a hypothesis with quotes, say) can never break out of the shell command.
    """
    env = {}
    words = []
    for i, arg in enumerate(args):
        if "{{" in arg:
            name = "MM_ARG_%d" % i
            env[name] = arg
            words.append('"$%s"' % name)
        else:
            words.append(shlex.quote(arg))
    return BashOperator(
        task_id=task_id,
        bash_command=SPARK_SUBMIT + " " + " ".join(words),
        env=env,
        append_env=True,
        execution_timeout=timeout,
        dag=dag,
        **operator_args,
    )
