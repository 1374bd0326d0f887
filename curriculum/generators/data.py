"""Generators: data (being written)."""
