"""The people the fixtures make keep secrets that cannot be mistaken for a word on the pages,
so a check that finds one in an artifact (a page, a log, a video frame read by OCR) finds a leak."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures.personas import build_personas
from fixtures.registrants import new_registrant

ROOT = Path(__file__).resolve().parents[2]
PAGE_TEXT = [*ROOT.glob("mock_court/templates/**/*.html"), *ROOT.glob("fixtures/guides/*.yaml")]


def answers() -> list[str]:
    found = [answer for persona in build_personas() for answer in persona["security_answers"]]
    found += [answer for court in ("mad", "moeb", "txwd") for answer in new_registrant(f"registrant-{court}").answers]
    return found


@pytest.fixture(scope="module")
def page_words() -> set[str]:
    assert PAGE_TEXT, "no templates or guide catalogs found"
    return {word.lower() for path in PAGE_TEXT for word in re.findall(r"[A-Za-z]+", path.read_text())}


@pytest.mark.parametrize("answer", answers())
def test_a_security_answer_is_no_word_of_the_pages(answer, page_words):
    assert len(answer) >= 6
    assert not {word.lower() for word in answer.split()} <= page_words
