"""Generators: fractions (being written)."""
