"""The people the fixtures make keep secrets that cannot be mistaken for what the pages show,
so a check that finds one in an artifact (a page, a log, a video frame read by OCR) finds a leak."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import asdict
from pathlib import Path

import pytest

from e2e.walkthrough.run import PERSONA_SECRETS
from fixtures.courts import court_ids
from fixtures.personas import build_personas
from fixtures.registrants import new_registrant

ROOT = Path(__file__).resolve().parents[2]
PAGE_TEXT = [*ROOT.glob("mock_court/templates/**/*.html"), *ROOT.glob("fixtures/guides/*.yaml")]
REGISTRANT_SECRETS = ("password", "answers", "card")

PERSONAS = build_personas()
REGISTRANTS = [new_registrant(f"registrant-{court}") for court in court_ids()]
# Named by whose answer each is: a test id is printed in every log, where no secret may be.
ANSWERS = [
    pytest.param(answer, id=f"{owner}-answer-{number}")
    for owner, answers in [(p["id"], p["security_answers"]) for p in PERSONAS]
    + [(f"registrant-{court}", r.answers) for court, r in zip(court_ids(), REGISTRANTS, strict=True)]
    for number, answer in enumerate(answers, 1)
]


@pytest.fixture(scope="module")
def shown_about_people() -> str:
    """Every value of the personas and registrants that a page may show: all but their secrets."""
    values = [v for p in PERSONAS for k, v in p.items() if k not in {*PERSONA_SECRETS, "security_answers"}]
    values += [v for r in REGISTRANTS for k, v in asdict(r).items() if k not in REGISTRANT_SECRETS]
    return "\n".join(str(value) for value in values)


@pytest.fixture(scope="module")
def page_words() -> set[str]:
    assert PAGE_TEXT, "no templates or guide catalogs found"
    return {word.lower() for path in PAGE_TEXT for word in re.findall(r"[A-Za-z]+", path.read_text())}


@pytest.mark.parametrize("answer", ANSWERS)
def test_a_security_answer_is_no_word_of_the_pages_and_nobody_is_called_by_it(answer, page_words, shown_about_people):
    assert len(answer) >= 6
    assert not {word.lower() for word in answer.split()} <= page_words
    assert not re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", shown_about_people, re.I)
    assert [param.values[0] for param in ANSWERS].count(answer) == 1


def test_each_caller_gets_personas_of_its_own():
    expected = deepcopy(build_personas())
    mine = build_personas()
    mine[0]["password"] = "changed"
    mine[0]["security_answers"].append("added")
    assert build_personas() == expected
