"""Benchmarks and their runner: `python -m bench NAME [--json]` prints one JSON object each."""
