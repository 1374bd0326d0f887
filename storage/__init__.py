"""The local SQLite store: migrations, repositories, transactional outbox, clock, backups."""
