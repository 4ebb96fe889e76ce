class BashOperator:
    def __init__(self, task_id, dag, **kwargs):
        self.task_id = task_id
        self.dag = dag
        self.kwargs = kwargs
        dag.tasks[task_id] = self

    def __rshift__(self, other):
        self.dag.edges.add((self.task_id, other.task_id))
        return other
