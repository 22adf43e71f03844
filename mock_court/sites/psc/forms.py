"""The PACER Service Center's forms: what each registration step accepts, field by field.

Pure rules, no state: each `validate_*` takes the submitted form and answers the cleaned data
to keep, or raises InvalidForm with the message for each refused field. Messages are the mock's
own wording where the real site's is not public (../shared/reference/real-sites.md). The state
(the wizard, the accounts) is in models.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from fixtures.personas import SECURITY_QUESTIONS  # the real list is not public; personas use the first two
from mock_court.core.clock import today
from mock_court.core.exceptions import refuse_if
from mock_court.core.fields import PASSWORD_MAX, TEXT_MAX, ascii_digits, length_errors
from mock_court.core.hashing import hash_answer, hash_secret
from mock_court.sites.psc import places

ACCOUNT_TYPES = {
    "pacer-case-search-only": "PACER - Case Search Only",
    "attorney-filers-cmecf": "Attorney Filers (CM/ECF)",
    "non-attorney-filers-cmecf": "Non-Attorney Filers (CM/ECF)",
    "group-billing": "PACER Administrative Account",
}
DEFAULT_TYPE = "pacer-case-search-only"

PREFIXES = ("Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Hon.")
GENERATIONS = ("Jr.", "Sr.", "II", "III", "IV", "V")
SUFFIXES = ("Esq.", "CPA", "JD", "MD", "PhD")

# The full list is not public; the real one ends with Individual and has a "Government Accounts" group.
USER_TYPES = (
    (
        "Legal",
        (
            "Attorney",
            "Law Firm",
            "Paralegal / Legal Assistant",
            "Law School / Law Library",
            "Bankruptcy Petition Preparer",
            "Pro Se Litigant",
        ),
    ),
    (
        "Business",
        (
            "Commercial Business",
            "Creditor/Creditor's Representative",
            "Media / Press",
            "Research / Academic",
            "Bank / Financial Institution",
        ),
    ),
    (
        "Government Accounts",
        (
            "Federal Government Agency",
            "State Government Agency",
            "Local Government Agency",
            "Federal Judiciary",
            "Federal Public Defender",
            "U.S. Attorney's Office",
        ),
    ),
    ("Individual Accounts", ("Individual",)),
)
USER_TYPE_NAMES = tuple(name for _group, names in USER_TYPES for name in names)

CARD_TYPES = ("Visa", "MasterCard", "Discover", "American Express")
# Test numbers (Luhn-valid): accepted ones, and one the mock's processor always declines.
TEST_CARDS = {
    "Visa": "4111111111111111",
    "MasterCard": "5555555555554444",
    "Discover": "6011111111111117",
    "American Express": "378282246310005",
}
DECLINED_TEST_NUMBER = "4000000000000002"

PASSWORD_MIN = 14  # and at most fields.PASSWORD_MAX
USERNAME_MIN = 8
# Criteria of the pop-up note, in order: (key, text). The JS note checks the same ones.
PASSWORD_CRITERIA = (
    ("length", f"Be {PASSWORD_MIN} to {PASSWORD_MAX} characters long"),
    ("lower", "Include at least one lowercase letter"),
    ("upper", "Include at least one uppercase letter"),
    ("special", "Include at least one special character, such as ! @ # $ % & *"),
    ("personal", "Not contain any part of your first or last name, username or email address"),
)
PASSWORD_MESSAGES = {
    "length": f"Password must be {PASSWORD_MIN} to {PASSWORD_MAX} characters.",
    "lower": "Password must include a lowercase letter.",
    "upper": "Password must include an uppercase letter.",
    "special": "Password must include a special character.",
    "personal": "Password must not contain any part of your first or last name, username or email address.",
}

NAME_RE = re.compile(r"^[^\W\d_]+(?:[ .'\-]+[^\W\d_]+)*\.?$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
US_ZIP_RE = re.compile(r"^\d{5}(?:-\d{4})?$", re.ASCII)
USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]+$")
# "Part" of a name, username or email for the password rule: any run of 3 or more letters
# (case-insensitive) in the first name, the last name, the username, or the email's local part.
NAME_PART_RE = re.compile(r"[^\W\d_]{3,}")
ACCOUNT_NUMBER_START = 5000001  # numbers given by registration; personas have 41xxxxx


def _clean(form, name: str) -> str:
    return (form.get(name) or "").strip()


def _phone_ok(value: str, us: bool) -> bool:
    if not re.fullmatch(r"[\d\s().+\-]+", value, re.ASCII):
        return False
    digits = re.sub(r"\D", "", value, flags=re.ASCII)
    if us:
        return len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")
    return 7 <= len(digits) <= 15


def parse_date(value: str) -> date | None:
    """A date as a date input sends it (YYYY-MM-DD) or as a person types it (MM/DD/YYYY)."""
    for pattern in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            pass
    return None


# ---- Step 1: Account Information -------------------------------------------------------------

ACCOUNT_FIELDS = (
    # name, label, required
    ("prefix", "Prefix", False),
    ("first_name", "First Name", True),
    ("middle_name", "Middle Name", False),
    ("last_name", "Last Name", True),
    ("generation", "Generation", False),
    ("suffix", "Suffix", False),
    ("date_of_birth", "Date of Birth", True),
    ("firm", "Firm/Office", False),
    ("unit", "Unit/Department", False),
    ("address1", "Address", True),
    ("address2", "Address line 2", False),
    ("address3", "Address line 3", False),
    ("room", "Room/Suite", False),
    ("city", "City", True),
    ("state", "State", False),
    ("county", "County", False),
    ("zip", "Zip/Postal Code", True),
    ("country", "Country", True),
    ("primary_phone", "Primary Phone", True),
    ("alternate_phone", "Alternate Phone", False),
    ("text_phone", "Text Phone", False),
    ("fax", "Fax Number", False),
    ("email", "Email", True),
    ("confirm_email", "Confirm Email", True),
    ("user_type", "User Type", True),
)
ACCOUNT_LABELS = {name: label for name, label, _required in ACCOUNT_FIELDS}
CHOICES = {"prefix": PREFIXES, "generation": GENERATIONS, "suffix": SUFFIXES, "user_type": USER_TYPE_NAMES}


def validate_account_information(form, verification_error: str | None) -> dict:
    """Step 1: the cleaned data, or InvalidForm. `verification_error` is the captcha's message, or None."""
    data: dict[str, Any] = {name: _clean(form, name) for name, _label, _required in ACCOUNT_FIELDS}
    data["country"] = data["country"] or places.UNITED_STATES
    data["cja_panel"] = bool(form.get("cja_panel"))
    errors: dict[str, str] = {}
    us = data["country"] == places.UNITED_STATES
    for name, label, required in ACCOUNT_FIELDS:
        value = data[name]
        if not value:
            if required or (name == "state" and us):
                errors[name] = f"{label} is required."
        elif len(value) > TEXT_MAX:
            errors[name] = f"{label} must be at most {TEXT_MAX} characters."
        elif name in CHOICES and value not in CHOICES[name]:
            errors[name] = f"Select a {label} from the list."
    for name in ("first_name", "middle_name", "last_name"):
        if name not in errors and data[name] and not NAME_RE.match(data[name]):
            errors[name] = f"{ACCOUNT_LABELS[name]} may contain only letters, spaces, hyphens, apostrophes and periods."
    if "date_of_birth" not in errors:
        born = parse_date(data["date_of_birth"])
        if born is None or born.year < 1900:
            errors["date_of_birth"] = "Enter a valid Date of Birth (MM/DD/YYYY)."
        elif born > today():
            errors["date_of_birth"] = "Date of Birth cannot be in the future."
        else:
            data["date_of_birth"] = born.isoformat()
    if "country" not in errors and data["country"] not in places.countries():
        errors["country"] = "Select a Country from the list."
    if data["state"] and "state" not in errors:
        if places.state_name(data["state"]) is None:
            errors["state"] = "Select a State from the list."
        elif data["county"] and data["county"] not in places.counties(data["state"]):
            errors["county"] = "Select a County of the chosen State."
    if data["zip"] and us and "zip" not in errors and not US_ZIP_RE.match(data["zip"]):
        errors["zip"] = "Enter a 5-digit Zip Code, or ZIP+4 (12345-6789)."
    for name in ("primary_phone", "alternate_phone", "text_phone", "fax"):
        if data[name] and name not in errors and not _phone_ok(data[name], us):
            errors[name] = "Enter a valid phone number, e.g. 617-555-0100."
    if data["email"] and "email" not in errors and not EMAIL_RE.match(data["email"]):
        errors["email"] = "Enter a valid email address, e.g. name@example.com."
    both_emails = data["confirm_email"] and data["email"] and not {"confirm_email", "email"} & errors.keys()
    if both_emails and data["confirm_email"].lower() != data["email"].lower():
        errors["confirm_email"] = "Email addresses do not match."
    if verification_error:
        errors["user_verification"] = verification_error
    refuse_if(errors, shown={"cja_panel": data["cja_panel"]})
    data.pop("confirm_email")
    return data


# ---- Step 2: User Information ----------------------------------------------------------------


def name_parts(*values: str) -> set[str]:
    """Runs of 3+ letters in names, usernames and email local parts, lowercased."""
    parts: set[str] = set()
    for value in values:
        value = value or ""
        if "@" in value:
            value = value.split("@", 1)[0]
        parts.update(p.lower() for p in NAME_PART_RE.findall(value))
    return parts


def password_checks(password: str, personal: set[str]) -> dict[str, bool]:
    """Each criterion of PASSWORD_CRITERIA: met or not."""
    lowered = password.lower()
    return {
        "length": PASSWORD_MIN <= len(password) <= PASSWORD_MAX,
        "lower": any(c.islower() for c in password),
        "upper": any(c.isupper() for c in password),
        "special": any(not c.isalnum() and not c.isspace() for c in password),
        "personal": not any(part in lowered for part in personal),
    }


def password_errors(password: str, first_name: str, last_name: str, username: str, email: str) -> list[str]:
    """The messages of the unmet criteria, in order; the first is the one shown."""
    if not password:
        return ["Password is required."]
    checks = password_checks(password, name_parts(first_name, last_name, username, email))
    return [PASSWORD_MESSAGES[key] for key, _text in PASSWORD_CRITERIA if not checks[key]]


def password_pair_errors(
    password: str,
    confirm: str,
    first_name: str,
    last_name: str,
    username: str,
    email: str,
    confirm_label: str = "Confirm Password",
) -> dict[str, str]:
    """A password and its confirmation: the messages for "password" and "confirm_password"."""
    errors = {}
    problems = password_errors(password, first_name, last_name, username, email)
    if problems:
        errors["password"] = problems[0]
    if not confirm:
        errors["confirm_password"] = f"{confirm_label} is required."
    elif password and confirm != password:
        errors["confirm_password"] = "Passwords do not match."
    return errors


# The password's own rule holds it to PASSWORD_MAX, and its confirmation must equal it.
USER_LIMITS = {
    "answer1": ("Answer 1", TEXT_MAX),
    "answer2": ("Answer 2", TEXT_MAX),
}


def validate_user_information(form, account: dict, is_taken: Callable[[str], bool]) -> dict:
    """Step 2: the data to keep, hashes only (never the password or an answer), or InvalidForm."""
    username = _clean(form, "username")
    password = form.get("password") or ""
    confirm = form.get("confirm_password") or ""
    errors: dict[str, str] = length_errors(form, USER_LIMITS)
    if not username:
        errors["username"] = "Username is required."
    elif len(username) < USERNAME_MIN:
        errors["username"] = f"Username must be at least {USERNAME_MIN} characters."
    elif len(username) > TEXT_MAX:
        errors["username"] = f"Username must be at most {TEXT_MAX} characters."
    elif not USERNAME_RE.match(username):
        errors["username"] = "Username may contain only letters, numbers, periods (.), underscores (_) and hyphens (-)."
    elif is_taken(username):
        errors["username"] = "This username is already taken. Choose another."
    errors.update(
        password_pair_errors(password, confirm, account["first_name"], account["last_name"], username, account["email"])
    )
    questions = {}
    for n in (1, 2):
        question, answer = _clean(form, f"question{n}"), _clean(form, f"answer{n}")
        if not question:
            errors[f"question{n}"] = f"Security Question {n} is required."
        elif question not in SECURITY_QUESTIONS:
            errors[f"question{n}"] = "Select a security question from the list."
        if not answer:
            errors[f"answer{n}"] = f"Answer {n} is required."
        elif len(answer) < 3:
            errors[f"answer{n}"] = f"Answer {n} must be at least 3 characters."
        questions[n] = (question, answer)
    if questions[1][0] and questions[1][0] == questions[2][0] and "question2" not in errors:
        errors["question2"] = "Choose a question different from Security Question 1."
    refuse_if(errors, shown={"username": username, "question1": questions[1][0], "question2": questions[2][0]})
    return {
        "username": username,
        "password_hash": hash_secret(password),
        "question1": questions[1][0],
        "answer1_hash": hash_answer(questions[1][1]),
        "question2": questions[2][0],
        "answer2_hash": hash_answer(questions[2][1]),
    }


CARD_FIELDS = ("card_holder", "card_type", "card_number", "expiry_month", "expiry_year")
BILLING_FIELDS = (
    ("billing_address1", "Billing Address", True),
    ("billing_address2", "Billing Address line 2", False),
    ("billing_city", "Billing City", True),
    ("billing_state", "Billing State", False),
    ("billing_zip", "Billing Zip/Postal Code", True),
    ("billing_country", "Billing Country", True),
)


def luhn_ok(number: str) -> bool:
    total = 0
    for i, digit in enumerate(reversed(number)):
        d = int(digit) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def card_matches_type(number: str, card_type: str) -> bool:
    n = len(number)
    if card_type == "Visa":
        return number.startswith("4") and n in (13, 16, 19)
    if card_type == "MasterCard":
        return n == 16 and (51 <= int(number[:2]) <= 55 or 2221 <= int(number[:4]) <= 2720)
    if card_type == "Discover":
        return n in (16, 19) and (number.startswith(("6011", "65")) or 644 <= int(number[:3]) <= 649)
    return n == 15 and number.startswith(("34", "37"))  # American Express


def copy_billing_address(account: dict) -> dict:
    """What "Use billing address" fills in: step 1's address."""
    return {
        "billing_address1": account.get("address1", ""),
        "billing_address2": account.get("address2", ""),
        "billing_city": account.get("city", ""),
        "billing_state": account.get("state", ""),
        "billing_zip": account.get("zip", ""),
        "billing_country": account.get("country", ""),
    }


CARD_LIMITS = {
    "card_holder": ("Card Holder Name", TEXT_MAX),
    "card_number": ("Card Number", 23),
    "expiry_month": ("Expiration Month", 2),
    "expiry_year": ("Expiration Year", 4),
}


def validate_payment_information(form, account: dict) -> dict:
    """Step 3: the data to keep, or InvalidForm. Blank card fields mean no card; with a card every card rule applies.

    The data it answers keeps the card's type, holder, expiry and last four digits, never the number.
    """
    too_long = length_errors(form, {**CARD_LIMITS, **{name: (label, TEXT_MAX) for name, label, _ in BILLING_FIELDS}})
    data = {name: _clean(form, name) for name in CARD_FIELDS}
    number = re.sub(r"[\s-]", "", data.pop("card_number"))
    billing = {name: _clean(form, name) for name, _label, _required in BILLING_FIELDS}
    if form.get("use_billing_address"):
        billing = {name: billing[name] or value for name, value in copy_billing_address(account).items()}
    if not any(data.values()) and not number:
        return {"card": False}
    errors: dict[str, str] = {}
    if not data["card_holder"]:
        errors["card_holder"] = "Card Holder Name is required."
    if not data["card_type"]:
        errors["card_type"] = "Card Type is required."
    elif data["card_type"] not in CARD_TYPES:
        errors["card_type"] = "Select a Card Type from the list."
    if not number:
        errors["card_number"] = "Card Number is required."
    elif not ascii_digits(number) or not 13 <= len(number) <= 19 or not luhn_ok(number):
        errors["card_number"] = "Enter a valid Card Number."
    elif "card_type" not in errors and not card_matches_type(number, data["card_type"]):
        errors["card_number"] = "The Card Number does not match the Card Type."
    expiry = None
    for part in ("expiry_month", "expiry_year"):  # the month and the year share the message beside "expiry"
        if part in too_long:
            too_long["expiry"] = too_long.pop(part)
    # A part longer than its field is not read: int() refuses 4,300 digits and more.
    if ascii_digits(data["expiry_month"]) and ascii_digits(data["expiry_year"]) and "expiry" not in too_long:
        month, year = int(data["expiry_month"]), int(data["expiry_year"])
        expiry = (year, month) if 1 <= month <= 12 else None
    if expiry is None:
        errors["expiry"] = "Expiration Date is required."
    elif expiry < (today().year, today().month):
        errors["expiry"] = "The card has expired."
    us = (billing["billing_country"] or places.UNITED_STATES) == places.UNITED_STATES
    for name, label, required in BILLING_FIELDS:
        if not billing[name] and (required or (name == "billing_state" and us)):
            errors[name] = f"{label} is required."
    if billing["billing_zip"] and us and not US_ZIP_RE.match(billing["billing_zip"]):
        errors["billing_zip"] = "Enter a 5-digit Zip Code, or ZIP+4 (12345-6789)."
    errors.update(too_long)
    if not form.get("authorize"):
        errors["authorize"] = "You must authorize the PACER Service Center to charge this card."
    if not errors and number == DECLINED_TEST_NUMBER:
        errors["card_number"] = (
            "The card was declined. Use another card, or leave this page blank to register without one."
        )
    kept = {
        "card": True,
        "card_holder": data["card_holder"],
        "card_type": data["card_type"],
        "card_last4": number[-4:] if ascii_digits(number) else "",
        "card_expiry": f"{expiry[1]:02d}/{expiry[0]}" if expiry else "",
        "expiry_month": data["expiry_month"],
        "expiry_year": data["expiry_year"],
        **billing,
    }
    refuse_if(errors, shown=kept)
    return kept


ACKNOWLEDGE_MESSAGE = "You must acknowledge the policies and procedures."


def recommend_type(answers: dict) -> str:
    """The Registration Wizard's advice from its three yes/no answers."""
    if answers.get("billing") == "yes":
        return "group-billing"
    if answers.get("efile") == "yes":
        return "attorney-filers-cmecf" if answers.get("attorney") == "yes" else "non-attorney-filers-cmecf"
    return "pacer-case-search-only"
