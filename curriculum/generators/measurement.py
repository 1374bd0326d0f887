"""Generators: measurement (being written)."""
