"""``jobschema code``: the application's code read with real parsers and held against the schema and the
live database — the third side of the check that ``audit`` (schema against database) cannot make alone.

``files`` finds the sources, one extractor per language (``typescript``, ``python``) turns each into the
neutral ``uses`` (tables, columns, values, declared value sets, with the literal's own file:line:col),
``sqltext`` reads SQL found in strings with sqlglot, ``checker`` compares the uses with the model (and the
live catalog), and ``run`` ties it together for ``api.code``.
"""
