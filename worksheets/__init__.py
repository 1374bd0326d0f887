"""Worksheet assembly (selection, adaptive mix, versions) and PDF rendering."""
