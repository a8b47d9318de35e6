"""_fast."""
