"""The namespaces a schema folder's module.yaml files declare, read without loading anything else.

An audit reads the live catalog of the namespaces the schema uses; the module.yaml files are a few lines
each, so an audit can start reading the catalog with their namespaces while the tables load. This is a
guess the audit checks against the loaded project (a table or a view may name a namespace of its own):
a wrong or missing answer only costs the overlap, never a different result.
"""

from __future__ import annotations

import os

from ..errors import LoadError
from .yaml_source import load_yaml


def declared_namespaces(root: str) -> dict[str, tuple[str, ...]] | None:
    """Module name → (its namespace, then its ``schemas``), as ``load_project`` would read them; None when
    a module.yaml is missing or unreadable (the load reports that)."""
    if not os.path.isdir(root):
        return None
    out: dict[str, tuple[str, ...]] = {}
    for name in sorted(os.listdir(root)):
        if name.startswith((".", "_")) or not os.path.isdir(os.path.join(root, name)):
            continue
        try:
            meta = load_yaml(os.path.join(root, name, "module.yaml"))
        except LoadError:
            return None
        if not isinstance(meta, dict):
            return None
        namespace = meta.get("namespace") or "public"
        schemas = meta.get("schemas") or []
        if not isinstance(namespace, str) or not isinstance(schemas, list) or \
                not all(isinstance(s, str) for s in schemas):
            return None
        out[name] = (namespace, *schemas)
    return out
