"""Generators: english (being written)."""
