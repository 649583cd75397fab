"""Every lint rule, one module each: ``schema/js1NN_*.py`` (model), ``migration/js2NN_*.py`` (SQL files),
``suppression/js0NN_*.py``. ``registry.load_all`` imports them all."""
