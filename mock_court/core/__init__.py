"""Shared parts of the mock: the store, seeding, hashing, the clock, faults and the control API."""
