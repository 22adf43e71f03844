"""One guide, any court: a guide recorded at another court speaks of that court, its name and
its filing menus, in its cards, captions, transcript, page and PDF."""

from __future__ import annotations

import pytest

from e2e.catalog import load_guides
from e2e.runner import StepResult
from e2e.walkthrough.artifacts import GuideRecord, step_card, transcript, write_guide
from e2e.walkthrough.run import court_name, court_names, told_at
from fixtures.courts import court_ids
from tests.walkthrough.conftest import walk
from tests.walkthrough.media import pdf_text

LINKING = "link-accounts-txwd"
TEXAS = ("Western District of Texas", "Civil and Criminal")
MISSOURI = ("U.S. Bankruptcy Court for the Eastern District of Missouri", "Bankruptcy and Adversary")


def every_text(guide) -> str:
    return "\n".join(f"{e.title}\n{e.text}\n{e.observe}" for e in guide.entries) + guide.title


def test_a_guide_at_its_own_court_is_as_written():
    guide = load_guides()[LINKING]
    assert told_at(guide, guide.court) is guide


def test_the_linking_guide_at_a_bankruptcy_court_speaks_of_it():
    told = told_at(load_guides()[LINKING], "moeb")
    text = every_text(told)
    assert all(name in text for name in MISSOURI)
    assert not any(name in text for name in TEXAS)
    step = told.entry("document-filing-system-link")
    assert step.text == (
        "At the Welcome to the U.S. Bankruptcy Court for the Eastern District of Missouri screen, click the link "
        "for Eastern District of Missouri – Document Filing System."
    )
    assert "the Bankruptcy and Adversary filing menus appear" in told.entry("filing-menus-appear").text
    assert [s.flow for s in told.steps] == [s.flow for s in load_guides()[LINKING].steps]


ELSEWHERE = [(g.id, court) for g in load_guides().values() for court in court_ids() if court != g.court]


@pytest.mark.parametrize(("guide_id", "court"), ELSEWHERE)
def test_no_name_of_the_guide_s_own_court_is_left_elsewhere(guide_id, court):
    guide = load_guides()[guide_id]
    own = court_names(guide.court)
    text = every_text(told_at(guide, court))
    assert own["name"] not in text and own["short_name"] not in text
    if court_names(court)["filing_menus"] != own["filing_menus"]:
        assert own["filing_menus"] not in text


def test_cards_transcript_and_page_use_the_court_s_names(tmp_path):
    told = told_at(load_guides()[LINKING], "moeb")
    step = told.entry("document-filing-system-link")
    assert "Eastern District of Missouri" in step_card(told, 3, step)
    results = [StepResult(s.id, s.title, "passed") for s in told.steps]
    record = GuideRecord(told, "moeb", court_name("moeb"), results, [])
    write_guide(tmp_path, record)
    for written in (transcript(record), (tmp_path / "index.html").read_text()):
        assert "Bankruptcy and Adversary" in written and "Eastern District of Missouri" in written
        assert not any(name in written for name in TEXAS)


@pytest.fixture(scope="module")
def at_moeb(tmp_path_factory):
    out = tmp_path_factory.mktemp("at-moeb")
    exit_code, output, _ = walk("--guide", LINKING, "--court", "moeb", "--no-tips", "--out", str(out))
    assert exit_code == 0, output
    return out / LINKING


def test_recorded_at_a_bankruptcy_court_every_artifact_speaks_of_it(at_moeb):
    pdf = "\n".join(pdf_text(at_moeb / "guide.pdf"))
    for name in ("transcript.txt", "index.html", "walkthrough.vtt"):
        written = (at_moeb / name).read_text()
        assert not any(old in written for old in TEXAS), name
    assert all(name in " ".join(pdf.split()) for name in MISSOURI)
    assert not any(old in pdf for old in TEXAS)
    said = (at_moeb / "transcript.txt").read_text()
    assert "Select Utilities" in said and "Type the CM/ECF login" in said
