"""The accessibility check can fail: a serious violation fails, a minor one is only listed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.accessibility import check_page, page_key
from e2e.sites import page_path
from tests import accessibility_check
from tests.accessibility_check import PageGate

ORIGIN = "http://court.test"
PAGE = """<!doctype html><html lang="en"><head><title>Form</title></head><body><main>
<h1>Apply</h1>{body}</main></body></html>"""
UNLABELLED_INPUT = '<input type="text" id="surname">'  # label: critical
DEPRECATED_ROLE = '<div role="directory">Courts</div>'  # aria-deprecated-role: minor


@pytest.fixture
def serve(page):
    """Serves a body at ORIGIN + path and opens it."""

    def open_(body: str, path: str = "/form") -> None:
        page.route(ORIGIN + path, lambda route: route.fulfill(content_type="text/html", body=PAGE.format(body=body)))
        page.goto(ORIGIN + path)

    return open_


def test_an_input_without_a_label_fails_naming_rule_impact_and_target(page, serve):
    serve(f"<label for='given'>Given name</label><input id='given'>{UNLABELLED_INPUT}")

    result = check_page(page)

    assert [(v.id, v.impact, v.targets) for v in result.failures] == [("label", "critical", ("#surname",))]
    assert result.failure_lines() == ["/form | Form | Apply: label (critical) at #surname"]
    assert result.as_dict()["violations"][0]["nodes"] == 1


def test_a_minor_violation_is_listed_but_does_not_fail(page, serve):
    serve(DEPRECATED_ROLE)

    result = check_page(page)

    assert [(v.id, v.impact) for v in result.violations] == [("aria-deprecated-role", "minor")]
    assert result.failures == []
    assert "note aria-deprecated-role (minor, 1 nodes)" in result.summary()


def test_axe_comes_with_the_package_not_from_the_network(page, serve):
    serve(UNLABELLED_INPUT)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    assert check_page(page).failures
    assert requests == []


def test_a_violation_inside_a_frame_is_found(page, serve):
    serve(f"<iframe title='Widget' srcdoc='<main>{UNLABELLED_INPUT}</main>'></iframe>")
    expect(page.frame_locator("iframe").locator("#surname")).to_be_attached()

    assert [(v.id, v.targets) for v in check_page(page).failures] == [("label", ("iframe >> #surname",))]


def test_a_labelled_form_passes(page, serve):
    serve("<label for='given'>Given name</label><input id='given'><button>Next</button>")

    assert check_page(page).violations == []


def test_the_gate_checks_a_screen_once_and_reports_it_to_the_test_that_showed_it(page, serve, monkeypatch):
    monkeypatch.setattr(accessibility_check, "checked", {})  # as in a fresh process
    first, second = PageGate(ORIGIN), PageGate(ORIGIN)
    serve(UNLABELLED_INPUT, path="/_ns/abc/form?step=2")

    first.check(page)
    second.check(page)

    assert list(accessibility_check.checked) == ["/form | Form | Apply"]
    assert [r.key for r in first.new] == ["/form | Form | Apply"] and second.new == []
    assert first.failure_lines() == second.failure_lines() == ["/form | Form | Apply: label (critical) at #surname"]


def test_a_plain_text_answer_is_not_a_page_to_check(page):
    page.route(ORIGIN + "/fault", lambda route: route.fulfill(status=500, content_type="text/plain", body="fault"))
    page.goto(ORIGIN + "/fault")
    gate = PageGate(ORIGIN)

    gate.check(page)

    assert page_key(page) is None and gate.seen == []


def test_a_page_of_another_site_is_not_checked(page, serve):
    gate = PageGate("http://elsewhere.test")
    serve(UNLABELLED_INPUT)

    gate.check(page)

    assert gate.seen == [] and gate.new == []


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("http://127.0.0.1:5000/_ns/ab12/psc/pscof/registration.jsf?x=1", "/psc/pscof/registration.jsf"),
        ("http://127.0.0.1:5000/psc/pscof/registration.jsf#top", "/psc/pscof/registration.jsf"),
        ("http://127.0.0.1:5000/_ns/ab12", "/"),
        ("http://127.0.0.1:5000/", "/"),
    ],
)
def test_a_page_path_leaves_out_the_namespace_and_the_query(url, path):
    assert page_path(url) == path


def test_a_screen_is_told_apart_by_its_headings_on_one_url(page, serve):
    serve("<h2>User Information</h2>")
    user_information = page_key(page)
    serve("<h2>Payment Information</h2>")

    assert page_key(page) != user_information
