"""Benchmarks: speed and memory of the package, measured, never asserted in unit tests."""
