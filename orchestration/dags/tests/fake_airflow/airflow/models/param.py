NOTSET = object()


class Param:
    """Airflow's Param: a default (NOTSET when the value is mandatory) and a JSON Schema."""

    def __init__(self, default=NOTSET, description=None, **schema):
        self.value = default
        self.description = description
        self.schema = schema

    @property
    def has_value(self):
        return self.value is not NOTSET
