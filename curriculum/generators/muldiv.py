"""Generators: muldiv (being written)."""
