"""Grading, mastery, engagement (stars, streaks, achievements) and analytics."""
