"""The progress charts, drawn by QtCharts: skills by level over time, and right answers by month."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.pages.progress_levels import level_word, line
from progress.analytics import LevelChange, MonthActivity

CHART_LEVELS = ("mastered", "improving", "learning")  # "not started" is never on the timeline
MONTHS_SHOWN = 6  # more bars than this get too thin to label
LevelCounts = dict[str, int]


def level_counts_by_day(
    timeline: Mapping[str, Sequence[LevelChange]],
) -> list[tuple[date, LevelCounts]]:
    """How many skills were at each level at the end of each day a level changed."""
    changes: dict[str, list[tuple[str, str]]] = {}
    for tag, steps in timeline.items():
        for step in steps:
            changes.setdefault(step.day, []).append((tag, step.level))
    current: dict[str, str] = {}
    counted = []
    for day in sorted(changes):
        current.update(changes[day])
        levels = Counter(current.values())
        counted.append((date.fromisoformat(day), {lv: levels.get(lv, 0) for lv in CHART_LEVELS}))
    return counted


def step_points(
    counts: Sequence[tuple[date, LevelCounts]], level: str, until: date
) -> list[tuple[date, int]]:
    """A step line: each change drawn as a rise or fall on its day, flat until the next one."""
    points: list[tuple[date, int]] = []
    before = 0
    for day, levels in counts:
        points += [(day, before), (day, levels[level])]
        before = levels[level]
    if points and until > points[-1][0]:
        points.append((until, before))
    return points


def skills_chart(timeline: Mapping[str, Sequence[LevelChange]], today: date) -> QChartView:
    """Skills learning / improving / mastered over time, one step line per level."""
    chart = _chart("Skills by level over time")
    counts = level_counts_by_day(timeline)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTickCount(5)
    y_axis = _count_axis(max((max(c.values()) for _, c in counts), default=1), "skills")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for level in CHART_LEVELS:
        series = QLineSeries()
        series.setName(level_word(level))
        series.setPen(QPen(line(level), 2.5))
        for day, value in step_points(counts, level, today):
            series.append(_ms(day), value)
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    if counts:
        x_axis.setRange(_datetime(counts[0][0]), _datetime(max(today, counts[-1][0])))
    return _view(chart)


def months_chart(months: Sequence[MonthActivity]) -> QChartView:
    """Per month (the last few): the share of answers that were right, with the sheets done."""
    chart = _chart("Right answers by month")
    bars = QBarSet("% right")
    bars.setColor(QColor("#60a5fa"))
    bars.setBorderColor(QColor("#2563eb"))
    labels = []
    for month in months[-MONTHS_SHOWN:]:
        bars.append(round(100 * month.correct / month.answers) if month.answers else 0)
        sheets = "sheet" if month.worksheets == 1 else "sheets"
        labels.append(f"{_month_name(month.month)}<br>{month.worksheets} {sheets}")
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(labels)
    x_axis.setTruncateLabels(False)  # the sheets done go on a second line
    y_axis = QValueAxis()
    y_axis.setRange(0, 100)
    y_axis.setLabelFormat("%d")
    y_axis.setTitleText("% right")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    chart.legend().hide()
    return _view(chart)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _count_axis(highest: int, title: str) -> QValueAxis:
    """Whole numbers only, 0 to a little above the highest."""
    axis = QValueAxis()
    step = max(1, math.ceil(highest / 5))
    axis.setRange(0, step * max(1, math.ceil((highest + 0.5) / step)))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    return axis


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(view.fontMetrics().height() * 16)
    return view


def _datetime(day: date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))


def _ms(day: date) -> float:
    return float(_datetime(day).toMSecsSinceEpoch())


def _month_name(month: str) -> str:
    """2026-11 -> Nov 2026."""
    return date.fromisoformat(f"{month}-01").strftime("%b %Y")
