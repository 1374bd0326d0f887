"""Generators: clock (being written)."""
