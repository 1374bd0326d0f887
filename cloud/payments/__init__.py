"""The payments service: Razorpay orders, checkout, callbacks, webhooks and reconciliation.

A small stateless ASGI service (Starlette on uvicorn) deployed beside Supabase. It is the only
thing that changes a tier: it makes orders at the price in the server's price table, serves
the checkout page, verifies Razorpay's signatures (the callback's against the order id it
stored, a webhook's over the raw body with the webhook secret) and records each payment through
the `private.payments_*` functions of the database, which apply it exactly once.
"""
