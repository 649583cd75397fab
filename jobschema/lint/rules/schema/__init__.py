"""Rules over the schema model (JS1xx): each gets one table at a time with its module and project."""
