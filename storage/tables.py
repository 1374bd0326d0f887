"""Which tables sync, of which kind, and with which columns: what every writer works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

SYNC_COLUMNS = ("id", "owner_id", "hlc", "deleted_at", "created_at", "updated_at")


class Kind(Enum):
    EDITABLE = "editable"  # per-field last-writer-wins by clock stamp; delete wins
    APPEND_ONLY = "append_only"  # inserted once, never updated; erasure sets deleted_at


@dataclass(frozen=True)
class SyncedTable:
    name: str
    kind: Kind
    columns: tuple[str, ...]  # the table's own columns, after SYNC_COLUMNS
    json_columns: frozenset[str] = field(default_factory=frozenset)
    # Columns the cloud keeps as timestamptz / boolean (text / 0-1 here): sync converts them.
    time_columns: frozenset[str] = field(default_factory=frozenset)
    bool_columns: frozenset[str] = field(default_factory=frozenset)

    @property
    def all_columns(self) -> tuple[str, ...]:
        return SYNC_COLUMNS + self.columns

    @property
    def insert_sql(self) -> str:
        names = ", ".join(self.all_columns)
        marks = ", ".join("?" * len(self.all_columns))
        return f"INSERT INTO {self.name} ({names}) VALUES ({marks})"


USER_PROFILES = SyncedTable(
    "user_profiles",
    Kind.EDITABLE,
    (
        "role",
        "active_role",
        "display_name",
        "school_name",
        "subjects",
        "grades",
        "worksheet_language",
        "paper_size",
    ),
    frozenset({"subjects", "grades"}),
)
CHILDREN = SyncedTable(
    "children",
    Kind.EDITABLE,
    ("name", "grade", "board", "date_of_birth", "age_band", "roll_number", "archived_at"),
    time_columns=frozenset({"archived_at"}),
)
TEACHER_CLASSES = SyncedTable(
    "teacher_classes",
    Kind.EDITABLE,
    ("name", "grade", "subject", "syllabus_source", "academic_year", "archived_at"),
    time_columns=frozenset({"archived_at"}),
)
CLASS_MEMBERS = SyncedTable(
    "class_members",
    Kind.EDITABLE,
    ("class_id", "child_id", "roll_number", "left_at"),
    time_columns=frozenset({"left_at"}),
)
TOPIC_PREFERENCES = SyncedTable(
    "topic_preferences",
    Kind.EDITABLE,
    ("child_id", "subject", "selected_topics"),
    frozenset({"selected_topics"}),
)
WORKSHEETS = SyncedTable(
    "worksheets",
    Kind.EDITABLE,
    (
        "child_id",
        "class_id",
        "code",
        "title",
        "subject",
        "grade",
        "mode",
        "version_label",
        "seed",
        "generator_version",
        "questions",
        "settings",
        "verification_hash",
    ),
    frozenset({"questions", "settings"}),
)
ATTEMPT_EVENTS = SyncedTable(
    "attempt_events",
    Kind.APPEND_ONLY,
    (
        "student_id",
        "worksheet_id",
        "question_id",
        "skill_tag",
        "given_answer",
        "result",
        "error_type",
        "answered_at",
        "mastery_before",
        "mastery_after",
        "response_time_ms",
        "graded_by",
    ),
    time_columns=frozenset({"answered_at"}),
)
GUARDIAN_CONSENTS = SyncedTable(
    "guardian_consents",
    Kind.APPEND_ONLY,
    (
        "child_id",
        "guardian_name",
        "guardian_contact",
        "relation",
        "purpose",
        "consent_given",
        "notice_version",
        "notice_sha256",
        "consented_at",
        "app_version",
    ),
    time_columns=frozenset({"consented_at"}),
    bool_columns=frozenset({"consent_given"}),
)
CERTIFICATES = SyncedTable(
    "certificates",
    Kind.APPEND_ONLY,
    (
        "child_id",
        "chapter_key",
        "chapter_title",
        "certificate_number",
        "verification_code",
        "issued_at",
    ),
    time_columns=frozenset({"issued_at"}),
)
TELEMETRY_EVENTS = SyncedTable(
    "telemetry_events",
    Kind.APPEND_ONLY,
    ("event", "route", "version", "latency_ms", "ok", "occurred_at"),
    time_columns=frozenset({"occurred_at"}),
    bool_columns=frozenset({"ok"}),
)

CUSTOM_SKILLS = SyncedTable(
    "custom_skills",
    Kind.EDITABLE,
    ("skill_tag", "subject", "grade", "chapter_title", "skill_title", "concept"),
)
BANK_ITEMS = SyncedTable(
    "bank_items", Kind.EDITABLE, ("item_id", "skill_tag", "item"), frozenset({"item"})
)

SYNCED_TABLES: dict[str, SyncedTable] = {
    table.name: table
    for table in (
        USER_PROFILES,
        CHILDREN,
        TEACHER_CLASSES,
        CLASS_MEMBERS,
        TOPIC_PREFERENCES,
        WORKSHEETS,
        ATTEMPT_EVENTS,
        GUARDIAN_CONSENTS,
        CERTIFICATES,
        TELEMETRY_EVENTS,
        CUSTOM_SKILLS,
        BANK_ITEMS,
    )
}


@dataclass(frozen=True)
class ServerOwnedTable:
    """A read-only copy of rows only the server writes (a tier, a payment); sync fills it."""

    name: str
    key: str  # the local primary key column
    columns: tuple[str, ...]  # every local column, key included
    time_columns: frozenset[str] = field(default_factory=frozenset)


SERVER_OWNED_TABLES: dict[str, ServerOwnedTable] = {
    table.name: table
    for table in (
        ServerOwnedTable(
            "user_subscriptions",
            "user_id",
            (
                "user_id",
                "tier",
                "current_period_end",
                "worksheets_generated_this_month",
                "month_reset_at",
                "updated_at",
            ),
            frozenset({"current_period_end", "month_reset_at", "updated_at"}),
        ),
        ServerOwnedTable(
            "payment_events",
            "id",
            (
                "id",
                "user_id",
                "razorpay_order_id",
                "razorpay_payment_id",
                "status",
                "amount_paise",
                "plan_tier",
                "created_at",
                "updated_at",
            ),
            frozenset({"created_at", "updated_at"}),
        ),
        # The audit row of an erased child (storage/erasure.py): a digest, when, which account.
        ServerOwnedTable(
            "child_erasures",
            "id",
            ("id", "user_id", "child_digest", "erased_at", "created_at"),
            frozenset({"erased_at", "created_at"}),
        ),
    )
}
