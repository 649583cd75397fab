"""``jobschema lint``: coded rules over the schema model and over migration SQL files.

``registry`` holds the rules (one module each under ``rules/``), ``suppress`` reads the YAML and SQL
suppressions, ``runner`` walks the project and returns ``Finding``s; ``docs`` renders docs/rules.md.
"""
