"""Bundled syllabus data (JSON), one file per subject."""
