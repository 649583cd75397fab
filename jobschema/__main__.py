"""``python -m jobschema``."""

from .cli import run

run()
