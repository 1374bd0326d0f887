"""The pages a buyer's browser sees: checkout, payment received, payment failed.

Everything put into a page is escaped: text with html.escape, and the checkout options as JSON
with <, >, & and the JavaScript line separators escaped, so nothing can close the script.
"""

from __future__ import annotations

import html
import json
from typing import Any

CHECKOUT_JS = "https://checkout.razorpay.com/v1/checkout.js"
# No page of ours may be framed (clickjacking). Nothing stricter: Razorpay's checkout script
# loads frames, scripts and images from hosts of its own choosing, and a policy that blocked
# one of them would break payments where no test here can see it.
CSP = "frame-ancestors 'none'"
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;"
    "color:#1d2a35;line-height:1.5}h1{font-size:1.5rem}button{font-size:1.1rem;"
    "padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#2b6cb0;color:#fff}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · PracticeCraft</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def rupees(amount_paise: int) -> str:
    rupees_part, paise = divmod(amount_paise, 100)
    return f"₹{rupees_part:,}" + (f".{paise:02d}" if paise else "")


def checkout(options: dict[str, Any], what: str, amount_paise: int) -> str:
    """The page that opens Razorpay Checkout for one order (at once, and from its button)."""
    body = (
        f"<h1>PracticeCraft: {html.escape(what)}</h1>"
        f"<p>Amount: <strong>{html.escape(rupees(amount_paise))}</strong></p>"
        '<p><button id="pay" type="button">Pay with Razorpay</button></p>'
        "<p>When the payment is done, return to PracticeCraft: it shows your new plan within"
        " a few seconds.</p>"
        f'<script src="{CHECKOUT_JS}"></script>'
        f"<script>var options = {script_json(options)};"
        "var checkout = new Razorpay(options);"
        "document.getElementById('pay').onclick = function () { checkout.open(); };"
        "checkout.open();</script>"
    )
    return _page("Pay", body)


def paid(period_end: str | None) -> str:
    until = f" Your plan runs until {html.escape(period_end)}." if period_end else ""
    body = (
        "<h1>Payment received — return to PracticeCraft</h1>"
        f"<p>Thank you. PracticeCraft shows your new plan within a few seconds.{until}</p>"
        "<p>You can close this page.</p>"
    )
    return _page("Payment received", body)


def not_paid(reason: str) -> str:
    body = (
        "<h1>The payment did not go through</h1>"
        f"<p>{html.escape(reason)}</p>"
        "<p>If money left your account, it comes back automatically within a few days."
        " You can try again from PracticeCraft's Upgrade page.</p>"
    )
    return _page("Payment not completed", body)


def message(title: str, text: str) -> str:
    return _page(title, f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>")
