"""Use cases: take plain values, return frozen dataclasses; one transaction per action."""
