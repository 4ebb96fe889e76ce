"""A stand-in for the few Airflow names the DAG files import, for CI without Airflow.

It records what a DAG declares (tasks, dependencies, params, operator arguments); it runs nothing.
"""
_current = []


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.params = kwargs.get("params", {})
        self.default_args = kwargs.get("default_args", {})
        self.tasks = {}
        self.edges = set()

    def __enter__(self):
        _current.append(self)
        return self

    def __exit__(self, *exc):
        _current.pop()
        return False
