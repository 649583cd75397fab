"""Rules about suppressions themselves (JS0xx)."""
