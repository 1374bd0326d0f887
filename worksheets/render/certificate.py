"""A certificate for a mastered chapter: name, chapter, date, number and verification code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import DEFAULT_FONTS, FontChoice, font_set
from worksheets.render.layout import MARGIN, Measure
from worksheets.render.painter import Painter


@dataclass(frozen=True)
class CertificateView:
    child_name: str
    chapter_title: str
    subject_line: str  # e.g. "Maths, Class 3"
    issued_on: str  # as printed, e.g. 21 Nov 2026
    number: str
    verification_code: str
    school_name: str = ""


def render_certificate(
    view: CertificateView, path: Path, fonts: FontChoice = DEFAULT_FONTS
) -> None:
    """One landscape A4 page; long names and chapter titles shrink to fit, never overflow."""
    width, height = landscape(A4)
    chosen = font_set(fonts)
    measure = Measure(chosen)
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    painter = Painter(canvas, chosen)
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
        font = chosen.for_text(text).name(bold)
        while size > 9 and measure.width(text, font, size) > usable:
            size -= 1  # shrink a long name rather than run off the page
        painter.text((width - measure.width(text, font, size)) / 2, y, text, font, size)
        y -= size * 1.9
    footer = (
        f"Date: {view.issued_on}     Certificate no. {view.number}     "
        f"Verification code: {view.verification_code}"
    )
    check = "Check this certificate with its verification code in PracticeCraft."
    for text, size, at in ((footer, 11, MARGIN + 18 * mm), (check, 9, MARGIN + 12 * mm)):
        font = chosen.for_text(text).regular
        painter.text((width - measure.width(text, font, size)) / 2, at, text, font, size)
    canvas.showPage()
    canvas.save()
