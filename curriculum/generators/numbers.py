"""Generators: numbers (being written)."""
