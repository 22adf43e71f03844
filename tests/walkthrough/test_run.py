"""Planning a walkthrough: which recordings, in what order, as whom."""

import pytest

from e2e.catalog import parse_guide
from e2e.walkthrough.run import persona_for, persona_secrets, plan
from fixtures.personas import build_personas

LINKING = parse_guide(
    {
        "id": "linking",
        "title": "Link",
        "court": "txwd",
        "source": "s",
        "persona": "filer-txwd",
        "steps": [
            {
                "id": "link",
                "title": "Link",
                "flow": "linking.link",
                "entries": [
                    {"id": "a-note", "kind": "note", "title": "A note"},
                    {"id": "tip-with-flow", "kind": "tip", "title": "Tip: do it", "flow": "linking.tip"},
                    {"id": "tip-without-flow", "kind": "tip", "title": "Tip: read it"},
                ],
            }
        ],
    }
)
REGISTRATION = parse_guide(
    {
        "id": "registration",
        "title": "Register",
        "court": "mad",
        "source": "s",
        "steps": [{"id": "register", "title": "Register", "flow": "registration.register"}],
    }
)


@pytest.fixture(scope="module")
def personas():
    return {p["id"]: p for p in build_personas()}


def test_main_paths_come_first_then_the_tips_that_name_a_scenario():
    jobs = plan([LINKING, REGISTRATION])
    assert [(j.name, j.court) for j in jobs] == [
        ("linking", "txwd"),
        ("registration", "mad"),
        ("linking/tip-with-flow", "txwd"),
    ]


def test_without_tips_only_the_main_paths():
    assert [j.name for j in plan([LINKING, REGISTRATION], tips=False)] == ["linking", "registration"]


def test_a_court_given_replaces_each_guide_s_own():
    assert {j.court for j in plan([LINKING, REGISTRATION], "moeb")} == {"moeb"}


def test_the_guide_s_persona_at_its_own_court(personas):
    assert persona_for(LINKING, "txwd", personas)["id"] == "filer-txwd"


def test_at_another_court_the_same_kind_of_filer_who_files_there(personas):
    assert persona_for(LINKING, "mad", personas)["id"] == "filer-mad"


def test_a_guide_without_a_persona_has_none(personas):
    assert persona_for(REGISTRATION, "mad", personas) is None


def test_persona_secrets_hold_every_password_answer_and_code(personas):
    secrets = persona_secrets(personas)
    for persona in personas.values():
        assert persona["password"] in secrets
        assert set(persona["security_answers"]) <= secrets
        if persona.get("ecf_password"):
            assert persona["ecf_password"] in secrets
