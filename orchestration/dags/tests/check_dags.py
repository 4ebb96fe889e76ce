"""CI checks of the Airflow DAG files, without Airflow (it cannot be installed here).

  python3 check_dags.py                 syntax, imports, task graphs, retries/timeouts, params
  python3 check_dags.py --dump-commands prints {dag_id: {task_id: [CLI args]}} as JSON, with
                                        templates rendered from sample values, for the CLI's
                                        own parser (jobs module, DagCommandLinesTest)
Exit code 0 when every check passes; otherwise the failures are printed and the exit code is 1.
"""
import ast
import importlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DAGS = os.path.dirname(HERE)

EXPECTED = {
    "micromodels_nightly": {
        "tasks": ["ingest", "features", "train", "backtest", "gate", "publish"],
        "edges": [("ingest", "features"), ("features", "train"), ("train", "backtest"),
                  ("backtest", "gate"), ("gate", "publish")],
    },
    "micromodels_weekly": {
        "tasks": ["walk_forward_backtest", "drift_report"],
        "edges": [("walk_forward_backtest", "drift_report")],
    },
    "micromodels_adhoc_backtest": {"tasks": ["backtest"], "edges": []},
}
# Module-level imports a DAG file may make: the scheduler parses these files constantly.
LIGHT_IMPORTS = {"airflow", "datetime", "micromodels_common", "shlex", "json", "os", "pendulum"}
SAMPLE = {
    "ds": "2025-10-01", "run_id": "manual__2025-10-01T00:00:00+00:00",
    "var.value.micromodels_configs": "/opt/micromodels/clients",
    "var.value.micromodels_incoming": "s3a://events/incoming",
    "params.clients | join(',')": "dashfood,voltmart", "params.folds": "4",
    "params.hypothesis": "Basket n-grams lift PR-AUC on alcohol orders",
    "params.objective": "pr_auc:+0.01", "params.config_overrides | tojson": "{}",
}
GOOD_CONF = {"clients": ["dashfood"], "hypothesis": "Stronger email features catch more rings",
             "objective": "pr_auc:+0.01", "folds": 4, "config_overrides": {}}
BAD_CONFS = [
    ({"hypothesis": "too short"}, "hypothesis shorter than 10 characters"),
    ({"clients": []}, "no client"),
    ({"clients": ["../x"]}, "client id that is a path"),
    ({"folds": 0}, "zero folds"),
    ({"folds": "four"}, "folds not an integer"),
    ({"objective": "better"}, "objective without metric:change"),
    ({"config_overrides": "x"}, "overrides not an object"),
]


def main():
    failures = []
    modules = load(failures)
    dags = {}
    for module in modules:
        for value in vars(module).values():
            if type(value).__name__ == "DAG":
                dags[value.dag_id] = value
    check_graphs(dags, failures)
    check_tasks(dags, failures)
    check_params(dags.get("micromodels_adhoc_backtest"), failures)
    if "--dump-commands" in sys.argv:
        common = importlib.import_module("micromodels_common")
        print(json.dumps({d: {t: [render(a) for a in args] for t, args in tasks.items()}
                          for d, tasks in common.CLI_ARGS.items()}, indent=1))
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
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Try):
                continue  # the Airflow 2/3 operator fallback
            for imported in names:
                if imported.split(".")[0] not in LIGHT_IMPORTS:
                    failures.append("%s: heavy import at parse time: %s" % (name, imported))
        modules.append(importlib.import_module(name[:-3]))
    return modules


def check_graphs(dags, failures):
    if sorted(dags) != sorted(EXPECTED):
        failures.append("DAGs %s, expected %s" % (sorted(dags), sorted(EXPECTED)))
    for dag_id, expected in EXPECTED.items():
        dag = dags.get(dag_id)
        if dag is None:
            continue
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
            if not dag.default_args.get("retries") and not task.kwargs.get("retries"):
                failures.append(where + ": no retries")
            if task.kwargs.get("execution_timeout") is None:
                failures.append(where + ": no execution_timeout")
            command = task.kwargs.get("bash_command", "")
            if not command.startswith("spark-submit ") or "{{ var.value.micromodels_jar }}" not in command:
                failures.append(where + ": does not spark-submit the jobs jar from a Variable")
            if "{{" in command.split("{{ var.value.micromodels_warehouse }}", 1)[-1]:
                failures.append(where + ": a run-time value is pasted into the shell command")


def check_params(dag, failures):
    if dag is None:
        return
    schemas = {name: param.schema for name, param in dag.params.items()}
    errors = validate(GOOD_CONF, schemas)
    if errors:
        failures.append("adhoc: a good conf is rejected: %s" % errors)
    for change, why in BAD_CONFS:
        conf = dict(GOOD_CONF, **change)
        if not validate(conf, schemas):
            failures.append("adhoc: a bad conf is accepted (%s): %s" % (why, change))


def validate(conf, schemas):
    """The JSON Schema subset the Params use: type, items, minItems, minLength, pattern, ranges."""
    errors = []
    for name, schema in schemas.items():
        if name not in conf:
            errors.append(name + " missing")
            continue
        errors += check_value(name, conf[name], schema)
    return errors


def check_value(name, value, schema):
    kinds = {"array": list, "string": str, "object": dict}
    kind = schema.get("type")
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
        if len(value) < schema.get("minLength", 0):
            errors.append(name + " too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(name + " does not match " + schema["pattern"])
    if kind == "array":
        if len(value) < schema.get("minItems", 0):
            errors.append(name + " has too few items")
        for i, item in enumerate(value):
            errors += check_value("%s[%d]" % (name, i), item, schema.get("items", {}))
    return errors


def render(arg):
    def replace(match):
        key = match.group(1).strip()
        if key not in SAMPLE:
            raise SystemExit("no sample value for template {{ %s }}" % key)
        return SAMPLE[key]
    return re.sub(r"\{\{(.*?)\}\}", replace, arg)


if __name__ == "__main__":
    sys.exit(main())
