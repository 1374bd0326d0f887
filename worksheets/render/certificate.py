"""A certificate for a mastered chapter: name, chapter, date, number and verification code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import font_set
from worksheets.render.layout import MARGIN, Measure


@dataclass(frozen=True)
class CertificateView:
    child_name: str
    chapter_title: str
    subject_line: str  # e.g. "Maths, Class 3"
    issued_on: str  # as printed, e.g. 21 Nov 2026
    number: str
    verification_code: str
    school_name: str = ""


def render_certificate(view: CertificateView, path: Path) -> None:
    """One landscape A4 page; long names and chapter titles shrink to fit, never overflow."""
    width, height = landscape(A4)
    fonts, measure = font_set(), Measure()
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    canvas.setTitle(f"Certificate {view.number}")
    canvas.setStrokeGray(0.35)
    canvas.setLineWidth(3)
    canvas.rect(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN)
    canvas.setLineWidth(0.8)
    canvas.rect(MARGIN + 6, MARGIN + 6, width - 2 * MARGIN - 12, height - 2 * MARGIN - 12)
    lines = [
        (view.school_name or "PracticeCraft", 16, False),
        ("Certificate of Mastery", 34, True),
        ("This is to certify that", 15, False),
        (view.child_name, 30, True),
        ("has mastered the chapter", 15, False),
        (view.chapter_title, 24, True),
        (view.subject_line, 15, False),
    ]
    usable = width - 2 * MARGIN - 40 * mm
    y = height - MARGIN - 30 * mm
    for text, size, bold in lines:
        face = fonts.for_text(text)
        font = face.bold if bold else face.regular
        while size > 9 and measure.width(text, font, size) > usable:
            size -= 1  # shrink a long name rather than run off the page
        canvas.setFont(font, size)
        canvas.drawCentredString(width / 2, y, face.prepare(text, size))
        y -= size * 1.9
    canvas.setFont(fonts.latin.regular, 11)
    footer = (
        f"Date: {view.issued_on}     Certificate no. {view.number}     "
        f"Verification code: {view.verification_code}"
    )
    canvas.drawCentredString(width / 2, MARGIN + 18 * mm, footer)
    canvas.setFont(fonts.latin.regular, 9)
    canvas.drawCentredString(
        width / 2,
        MARGIN + 12 * mm,
        "Check this certificate with its verification code in PracticeCraft.",
    )
    canvas.showPage()
    canvas.save()
