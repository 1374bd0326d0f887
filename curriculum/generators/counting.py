"""How a Class 1 child adds and takes away within 20: counting on and back, and through 10.

Columns, carrying and borrowing come in Class 2 and 3; a Class 1 worked answer never names
them (NCERT's Joyful Mathematics 1 adds by counting on and by making 10).
"""

from __future__ import annotations


def _said(numbers: range) -> str:
    return ", ".join(str(n) for n in numbers)


def add_steps(a: int, b: int) -> tuple[str, str]:
    """Count on from the bigger number, or (past 10) make 10 first: 8 + 5 = 8 + 2 + 3."""
    big, small = max(a, b), min(a, b)
    total = a + b
    if small <= 3 or total <= 10 or big >= 10:
        counted = _said(range(big + 1, total + 1))
        return (
            f"Start at {big} and count on {small}: {counted}. So {a} + {b} = {total}.",
            f"{big} से शुरू करके {small} आगे गिनो: {counted}। इसलिए {a} + {b} = {total}।",
        )
    to_ten, rest = 10 - big, small - (10 - big)
    work = f"{big} + {small} = {big} + {to_ten} + {rest} = 10 + {rest} = {total}"
    return (
        f"Make 10 first: {work}.",
        f"पहले 10 बनाओ: {work}।",
    )


def subtract_steps(a: int, b: int) -> tuple[str, str]:
    """Count back a little, take away the ones of a teen number, or go back to 10 first."""
    difference = a - b
    if b <= 3 or a <= 10:
        counted = _said(range(a - 1, difference - 1, -1))
        return (
            f"Start at {a} and count back {b}: {counted}. So {a} - {b} = {difference}.",
            f"{a} से शुरू करके {b} पीछे गिनो: {counted}। इसलिए {a} - {b} = {difference}।",
        )
    ones = a - 10
    if b <= ones:
        work = f"{ones} - {b} = {ones - b}, and the 10 stays: {a} - {b} = {difference}"
        return f"Take away from the ones: {work}.", f"इकाइयों में से घटाओ: {ones} - {b} = " + (
            f"{ones - b}, और 10 वैसे ही रहता है: {a} - {b} = {difference}।"
        )
    rest = b - ones
    return (
        f"Go back to 10 first: {a} - {ones} = 10, then 10 - {rest} = {difference}. "
        f"So {a} - {b} = {difference}.",
        f"पहले 10 तक पीछे जाओ: {a} - {ones} = 10, फिर 10 - {rest} = {difference}। "
        f"इसलिए {a} - {b} = {difference}।",
    )
