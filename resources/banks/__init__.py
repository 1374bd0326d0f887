"""Bundled item banks (JSON Lines), one file per subject and class."""
