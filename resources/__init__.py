"""Bundled data and assets: syllabus data, item banks, icons, stylesheets."""
