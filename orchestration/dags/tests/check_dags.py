"""CI checks of the Airflow DAG files, without Airflow (it cannot be installed here).

  python3 check_dags.py                  syntax, parse-time imports, task graphs, retries,
                                         timeouts, spark-submit settings, the ad-hoc Params
  python3 check_dags.py --dump-commands  also prints {dag_id: {task_id: [CLI args]}} as JSON on
                                         stdout: each task's rendered bash command, split like a
                                         shell would, keeping the arguments after the jobs jar
                                         (for the CLI's own parser: jobs DagCommandLinesTest)
Exit code 0 when every check passes; otherwise the failures are printed on stderr and the exit
code is 1. Needs python3 (standard library only); a tiny fake `airflow` package stands in.
"""
import ast
import importlib
import json
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DAGS = os.path.dirname(HERE)

EXPECTED = {
    "micromodels_nightly": {
        "schedule": "0 3 * * *",
        "tasks": ["ingest", "features", "train", "backtest", "gate", "publish"],
        "edges": [("ingest", "features"), ("features", "train"), ("train", "backtest"),
                  ("backtest", "gate"), ("gate", "publish")],
    },
    "micromodels_weekly": {
        "schedule": "0 5 * * 1",
        "tasks": ["weekly"],
        "edges": [],
    },
    "micromodels_adhoc_backtest": {"schedule": None, "tasks": ["backtest"], "edges": []},
}
# Module-level imports a DAG file may make: the scheduler parses these files constantly.
LIGHT_IMPORTS = {"airflow", "datetime", "micromodels_common", "shlex", "json", "os", "pendulum"}
JAR = "s3a://artifacts/micromodels/micromodels.jar"
SAMPLE = {
    "ds": "2025-10-01", "run_id": "manual__2025-10-01T00:00:00+00:00",
    "var.value.get('micromodels_spark_master', 'yarn')": "yarn",
    "var.value.get('micromodels_deploy_mode', 'client')": "client",
    "var.value.micromodels_jar": JAR,
    "var.value.micromodels_warehouse": "s3a://lake/warehouse",
    "var.value.micromodels_configs": "/opt/micromodels/clients",
    "var.value.micromodels_incoming": "s3a://events/incoming",
    "params.clients | join(',')": "dashfood,voltmart", "params.folds": "4",
    "params.hypothesis": "Basket n-grams lift PR-AUC on \"alcohol\" orders; 'really'",
    "params.objective": "pr_auc:+0.01", "params.as_of or ds": "2025-10-01",
    "params.config_overrides | tojson": "{\"label.scope\": \"order\"}",
}
GOOD_CONF = {"clients": ["dashfood"], "hypothesis": "Stronger email features catch more rings",
             "objective": "pr_auc:+0.01", "folds": 4, "config_overrides": {}}


def without(key):
    return {k: v for k, v in GOOD_CONF.items() if k != key}


def changed(**values):
    return dict(GOOD_CONF, **values)


# Confs Airflow must refuse (no run is created): each breaks one rule of the Params' schemas.
BAD_CONFS = [
    (without("hypothesis"), "missing hypothesis"),
    (without("clients"), "missing clients"),
    (without("objective"), "missing objective"),
    ({}, "empty conf"),
    (changed(hypothesis="too short"), "hypothesis shorter than 10 characters"),
    (changed(clients=[]), "no client"),
    (changed(clients="dashfood"), "clients not a list"),
    (changed(clients=["../x"]), "client id that is a path"),
    (changed(folds=0), "zero folds"),
    (changed(folds=13), "too many folds"),
    (changed(folds="four"), "folds not an integer"),
    (changed(folds=True), "folds a boolean"),
    (changed(objective="better"), "objective without metric:change"),
    (changed(as_of="yesterday"), "as-of not a date"),
    (changed(config_overrides="x"), "overrides not an object"),
]
# Confs Airflow must accept: defaults fill what is left out.
GOOD_CONFS = [(GOOD_CONF, "every key"), (without("folds"), "folds from its default"),
              (changed(as_of="2025-09-01"), "an as-of date"),
              (without("config_overrides"), "no overrides")]


def main():
    failures = []
    dags = {}
    for module in load(failures):
        for value in vars(module).values():
            if type(value).__name__ == "DAG":
                dags[value.dag_id] = value
    check_graphs(dags, failures)
    check_tasks(dags, failures)
    check_params(dags.get("micromodels_adhoc_backtest"), failures)
    if "--dump-commands" in sys.argv or "--dump" in sys.argv:
        print(json.dumps({d.dag_id: {t.task_id: cli_args(t, failures) for t in d.tasks.values()}
                          for d in dags.values()}, indent=1))
    if failures:
        print("\n".join("FAIL " + f for f in failures), file=sys.stderr)
        return 1
    print("dag checks: %d DAGs, %d tasks, all passed" % (
        len(dags), sum(len(d.tasks) for d in dags.values())), file=sys.stderr)
    return 0


def load(failures):
    sys.path[:0] = [os.path.join(HERE, "fake_airflow"), DAGS]
    modules = []
    for name in sorted(os.listdir(DAGS)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(DAGS, name)
        with open(path, encoding="utf-8") as f:
            source = f.read()
        try:
            tree = ast.parse(source, path)
        except SyntaxError as e:
            failures.append("%s: syntax error: %s" % (name, e))
            continue
        for imported in parse_time_imports(tree.body):
            if imported.split(".")[0] not in LIGHT_IMPORTS:
                failures.append("%s: heavy import at parse time: %s" % (name, imported))
        try:
            modules.append(importlib.import_module(name[:-3]))
        except Exception as e:  # noqa: BLE001 - any import error is a failed check
            failures.append("%s: import failed: %s: %s" % (name, type(e).__name__, e))
    return modules


def parse_time_imports(statements):
    """Modules imported when the file is parsed: module level, including try/if/with blocks,
    but not inside functions (those run at task time)."""
    for node in statements:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            yield node.module or ""
        elif isinstance(node, ast.Try):
            yield from parse_time_imports(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                yield from parse_time_imports(handler.body)
        elif isinstance(node, (ast.If, ast.With)):
            yield from parse_time_imports(node.body + getattr(node, "orelse", []))


def check_graphs(dags, failures):
    if sorted(dags) != sorted(EXPECTED):
        failures.append("DAGs %s, expected %s" % (sorted(dags), sorted(EXPECTED)))
    for dag_id, expected in EXPECTED.items():
        dag = dags.get(dag_id)
        if dag is None:
            continue
        if dag.kwargs.get("schedule") != expected["schedule"]:
            failures.append("%s: schedule %r, expected %r" % (
                dag_id, dag.kwargs.get("schedule"), expected["schedule"]))
        if sorted(dag.tasks) != sorted(expected["tasks"]):
            failures.append("%s: tasks %s, expected %s" % (dag_id, sorted(dag.tasks),
                                                           sorted(expected["tasks"])))
        if dag.edges != set(expected["edges"]):
            failures.append("%s: edges %s, expected %s" % (dag_id, sorted(dag.edges),
                                                           sorted(expected["edges"])))


def check_tasks(dags, failures):
    for dag in dags.values():
        for task in dag.tasks.values():
            where = "%s.%s" % (dag.dag_id, task.task_id)
            # A gate's verdict (skip_on_exit_code) is a decision, not a fault: retrying it
            # cannot change it, so it alone may run without retries.
            if not task.kwargs.get("retries", dag.default_args.get("retries")) \
                    and "skip_on_exit_code" not in task.kwargs:
                failures.append(where + ": no retries")
            if task.kwargs.get("execution_timeout") is None:
                failures.append(where + ": no execution_timeout")
            command = task.kwargs.get("bash_command", "")
            for needed in ("{{ var.value.micromodels_jar }}",
                           "--master {{ var.value.get('micromodels_spark_master'",
                           "--deploy-mode {{ var.value.get('micromodels_deploy_mode'",
                           "--warehouse {{ var.value.micromodels_warehouse }}"):
                if not command.startswith("spark-submit ") or needed not in command:
                    failures.append(where + ": does not spark-submit the jobs jar with "
                                    + needed.split(" {{")[0].split("{{")[0].strip() + " from a Variable")
            if "{{" in command.split("{{ var.value.micromodels_warehouse }}", 1)[-1]:
                failures.append(where + ": a run-time value is pasted into the shell command")
            args = cli_args(task, failures)
            if args and "--as-of" in args and args[args.index("--as-of") + 1] != SAMPLE["ds"]:
                failures.append(where + ": --as-of is not the logical date {{ ds }}")
            if args and "--as-of" not in args and args[2:3] != ["ingest"]:
                failures.append(where + ": no --as-of {{ ds }}: backfills would use today")


def cli_args(task, failures):
    """The arguments after the jar of the task's rendered command, split as bash would."""
    env = {name: render(value) for name, value in task.kwargs.get("env", {}).items()}
    command = render(task.kwargs.get("bash_command", ""))
    command = re.sub(r'"\$([A-Z_0-9]+)"', lambda m: shlex.quote(env[m.group(1)]), command)
    words = shlex.split(command)
    if JAR not in words:
        failures.append("%s.%s: no jar in %s" % (task.dag.dag_id, task.task_id, words))
        return []
    return words[words.index(JAR) + 1:]


def check_params(dag, failures):
    if dag is None:
        return
    for name, param in dag.params.items():
        if type(param).__name__ != "Param" or "type" not in param.schema:
            failures.append("adhoc: param %s has no JSON Schema type" % name)
    for conf, why in GOOD_CONFS:
        errors = validate(conf, dag.params)
        if errors:
            failures.append("adhoc: a good conf is rejected (%s): %s" % (why, errors))
    for conf, why in BAD_CONFS:
        if not validate(conf, dag.params):
            failures.append("adhoc: a bad conf is accepted (%s): %s" % (why, conf))


def validate(conf, params):
    """What Airflow does when a run is created: merge the conf over the Param defaults, then
    check every Param against its schema (the JSON Schema subset our Params use)."""
    errors = []
    for name, param in params.items():
        if name in conf:
            errors += check_value(name, conf[name], param.schema)
        elif not param.has_value:
            errors.append(name + " missing and has no default")
        else:
            errors += check_value(name, param.value, param.schema)
    return errors


def check_value(name, value, schema):
    kinds = {"array": list, "string": str, "object": dict}
    kind = schema.get("type")
    if isinstance(kind, list):  # e.g. ["null", "string"]
        if value is None:
            return [] if "null" in kind else [name + " is null"]
        kind = [k for k in kind if k != "null"][0]
    elif value is None:
        return [name + " is null"]
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return [name + " is not an integer"]
        if value < schema.get("minimum", value) or value > schema.get("maximum", value):
            return [name + " out of range"]
        return []
    if kind in kinds and not isinstance(value, kinds[kind]):
        return [name + " is not " + kind]
    errors = []
    if kind == "string":
        if not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value)):
            errors.append(name + " has a bad length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(name + " does not match " + schema["pattern"])
    if kind == "array":
        if len(value) < schema.get("minItems", 0):
            errors.append(name + " has too few items")
        for i, item in enumerate(value):
            errors += check_value("%s[%d]" % (name, i), item, schema.get("items", {}))
    return errors


def render(text):
    def replace(match):
        key = match.group(1).strip()
        if key not in SAMPLE:
            raise SystemExit("check_dags: no sample value for template {{ %s }}; add it to SAMPLE"
                             % key)
        return SAMPLE[key]
    return re.sub(r"\{\{(.*?)\}\}", replace, text)


if __name__ == "__main__":
    sys.exit(main())
