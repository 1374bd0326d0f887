-- Opt-in telemetry (off unless the user turns it on) and read-only copies of server-owned rows.

CREATE TABLE IF NOT EXISTS telemetry_events (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    event TEXT NOT NULL,
    route TEXT,
    version TEXT NOT NULL,
    latency_ms INTEGER,
    ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
    occurred_at TEXT NOT NULL
) STRICT;

-- Written only by sync from the server's copy; the desktop never decides a tier.
CREATE TABLE IF NOT EXISTS user_subscriptions (
    user_id TEXT PRIMARY KEY NOT NULL,
    tier TEXT NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'paid')),
    current_period_end TEXT,
    worksheets_generated_this_month INTEGER NOT NULL DEFAULT 0,
    month_reset_at TEXT,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS payment_events (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    razorpay_order_id TEXT NOT NULL,
    razorpay_payment_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('created', 'captured', 'failed', 'refunded')),
    amount_paise INTEGER NOT NULL CHECK (amount_paise >= 0),
    plan_tier TEXT NOT NULL DEFAULT 'paid',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
