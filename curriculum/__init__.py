"""Syllabus (boards, grades, subjects, chapters, skills) and the question generators."""
