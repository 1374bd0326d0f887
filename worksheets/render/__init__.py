"""PDF rendering of worksheets, answer keys, class sets and certificates (reportlab)."""
