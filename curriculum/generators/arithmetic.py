"""Generators: arithmetic (being written)."""
