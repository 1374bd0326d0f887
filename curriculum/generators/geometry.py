"""Generators: geometry (being written)."""
