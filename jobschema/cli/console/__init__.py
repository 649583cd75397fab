"""What the commands print: rich on a terminal, plain text when piped; one module per command's output.

``terminal`` holds the shared consoles and the ``generate``/``docs`` summaries; ``audit``, ``plan``,
``migrate`` and ``bringin`` (``import``/``inspect``) the rest. Kept apart from ``report``, whose formatters
turn findings into text and never touch a terminal.
"""
