"""Column addition and subtraction: the steps children write, and the mistakes they make."""

from __future__ import annotations

PLACES_EN = ("ones", "tens", "hundreds", "thousands", "ten thousands", "lakhs", "ten lakhs")
PLACES_HI = ("इकाई", "दहाई", "सैकड़ा", "हज़ार", "दस हज़ार", "लाख", "दस लाख")


def digits(n: int, width: int) -> list[int]:
    """Digits of n from the ones place up, padded to `width`."""
    found = []
    for _ in range(width):
        n, digit = divmod(n, 10)
        found.append(digit)
    return found


def width(*numbers: int) -> int:
    return max(len(str(n)) for n in numbers)


def carries(a: int, b: int) -> int:
    """How many columns carry when adding a and b."""
    count = carry = 0
    while a or b:
        a, x = divmod(a, 10)
        b, y = divmod(b, 10)
        carry = 1 if x + y + carry >= 10 else 0
        count += carry
    return count


def borrows(a: int, b: int) -> int:
    """How many columns borrow when subtracting b from a (a >= b)."""
    count = borrow = 0
    while a:
        a, x = divmod(a, 10)
        b, y = divmod(b, 10)
        borrow = 1 if x - borrow < y else 0
        count += borrow
    return count


def add_without_carrying(a: int, b: int) -> int:
    """The sum a child gets who writes each column's last digit and drops the carry."""
    w = width(a, b)
    return sum(
        ((x + y) % 10) * 10**i
        for i, (x, y) in enumerate(zip(digits(a, w), digits(b, w), strict=True))
    )


def subtract_smaller_digit(a: int, b: int) -> int:
    """The difference a child gets who takes the smaller digit from the larger in each column."""
    w = width(a, b)
    return sum(
        abs(x - y) * 10**i for i, (x, y) in enumerate(zip(digits(a, w), digits(b, w), strict=True))
    )


def borrow_without_reducing(a: int, b: int) -> int:
    """Borrowing but forgetting to take one away from the column lent from."""
    w = width(a, b)
    total = 0
    for i, (x, y) in enumerate(zip(digits(a, w), digits(b, w), strict=True)):
        total += ((x + 10 - y) if x < y else (x - y)) * 10**i
    return total


def addition_steps(a: int, b: int) -> tuple[str, str]:
    """The column-by-column working of a + b in English and Hindi."""
    w = width(a, b)
    en, hi, carry = [], [], 0
    for i, (x, y) in enumerate(zip(digits(a, w), digits(b, w), strict=True)):
        total = x + y + carry
        plus = f" + {carry}" if carry else ""
        if total >= 10 and i < w - 1:
            en.append(f"{PLACES_EN[i]}: {x} + {y}{plus} = {total}, write {total % 10}, carry 1")
            hi.append(f"{PLACES_HI[i]}: {x} + {y}{plus} = {total}, {total % 10} लिखो, 1 हासिल")
        else:
            en.append(f"{PLACES_EN[i]}: {x} + {y}{plus} = {total}")
            hi.append(f"{PLACES_HI[i]}: {x} + {y}{plus} = {total}")
        carry = 1 if total >= 10 else 0
    return "; ".join(en) + f". So {a} + {b} = {a + b}.", "; ".join(
        hi
    ) + f"। इसलिए {a} + {b} = {a + b}।"


def subtraction_steps(a: int, b: int) -> tuple[str, str]:
    """The column-by-column working of a - b (a >= b) in English and Hindi."""
    w = width(a)
    en, hi, borrow = [], [], 0
    for i, (x, y) in enumerate(zip(digits(a, w), digits(b, w), strict=True)):
        top = x - borrow
        if top < y:
            en.append(f"{PLACES_EN[i]}: borrow 1, {top + 10} - {y} = {top + 10 - y}")
            hi.append(f"{PLACES_HI[i]}: 1 उधार लो, {top + 10} - {y} = {top + 10 - y}")
            borrow = 1
        else:
            en.append(f"{PLACES_EN[i]}: {top} - {y} = {top - y}")
            hi.append(f"{PLACES_HI[i]}: {top} - {y} = {top - y}")
            borrow = 0
    return "; ".join(en) + f". So {a} - {b} = {a - b}.", "; ".join(
        hi
    ) + f"। इसलिए {a} - {b} = {a - b}।"
