"""Generators: patterns (being written)."""
