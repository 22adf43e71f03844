"""Hashing of passwords, security answers and activation codes: nothing secret is stored plain."""

from werkzeug.security import check_password_hash, generate_password_hash

# The mock hashes so that no secret is ever stored plain, not to resist cracking: a light
# PBKDF2 keeps seeding (dozens of secrets at start-up and per test process) well under a second.
HASH_METHOD = "pbkdf2:sha256:20000"


def hash_secret(value: str) -> str:
    return generate_password_hash(value, method=HASH_METHOD)


def check_secret(hashed: str | None, value: str) -> bool:
    return hashed is not None and hashed != "" and check_password_hash(hashed, value)


def hash_answer(answer: str) -> str:
    """Security answers compare without regard to case or surrounding space."""
    return hash_secret(answer.strip().lower())


def check_answer(hashed: str | None, answer: str) -> bool:
    return check_secret(hashed, answer.strip().lower())


def hash_random_code(code: str) -> str:
    """Codes drawn at random (backup codes: about 50 bits) need no key stretching, only a salt:
    one round keeps seeding the enrolled personas' codes, and checking a batch, quick."""
    return generate_password_hash(code, method="pbkdf2:sha256:1")
