-- Erasure that erases (issue 17): the server's audit rows of erased children, pulled so that
-- every device purges a child erased elsewhere. A row names the child only by a digest of
-- its id (storage/erasure.py); it holds no name, no id and no answer.
CREATE TABLE IF NOT EXISTS child_erasures (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,              -- the account that asked for the erasure
    child_digest TEXT NOT NULL CHECK (length(child_digest) = 64),
    erased_at TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS child_erasures_by_digest ON child_erasures (child_digest);
