"""Tests: one folder per package, mirroring the source tree."""
