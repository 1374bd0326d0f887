"""Tests of worksheet assembly and PDF rendering."""
