"""Bundled word lists and sentences for the English generators (plain text), one file per list."""
