"""Documentation generated from the schema and from the code itself, so it cannot drift.

``tables``       model → one Markdown page per table and an index page per module with a Mermaid ER diagram
``markdown``     cell escaping and code spans shared by every page
``json_schema``  the loader's key tables → ``jobschema/schema.json`` (the editor schema for the YAML format)
"""
