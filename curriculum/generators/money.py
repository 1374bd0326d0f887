"""Generators: money (being written)."""
