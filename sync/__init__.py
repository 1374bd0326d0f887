"""Sync with the cloud: push/pull engine, auth session, scheduler, cloud API clients."""
