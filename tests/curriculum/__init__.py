"""Tests of the syllabus, generators and item banks."""
