"""Generators of the built-in benchmark data, one module per category (see tools/generate_builtin_data.py)."""
