class Param:
    def __init__(self, default=None, **schema):
        self.default = default
        self.schema = schema
