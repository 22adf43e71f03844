"""Menus after linking: the confirmation keeps the old ones, the next page shows the filing menus;
each troubleshooting cause keeps them stale through a normal refresh and yields only to its own tip.

The tips, as a browser does them, on the test client:
  hard reload (Ctrl+F5)          the same page asked for with Cache-Control: no-cache, Pragma: no-cache
  log out, close browser, log in Log Out, then a new client keeping only persistent cookies, sign on
  clear cookies and cache, log in a new client with no cookies at all, sign on
A normal refresh asks for the page again with Cache-Control: max-age=0, as a browser's reload does.
"""

from __future__ import annotations

import pytest

from fixtures.courts import court_ids
from mock_court.sites.ecf.models import MENU_COOKIE, menu_items
from tests.unit.signon_helpers import ecf_url, link_accounts, menu_labels, sign_on_to_court

PACER = ["Query", "Reports", "Utilities", "Help", "Log Out"]
FILER = {
    "district": ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"],
    "bankruptcy": ["Bankruptcy", "Adversary", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"],
}
COURT_KIND = {"mad": "district", "moeb": "bankruptcy", "txwd": "district"}
UTILITIES = "DisplayMenu.pl?Utilities"


@pytest.mark.parametrize("kind", ["district", "bankruptcy"])
def test_menu_sets(kind):
    assert [label for label, _ in menu_items("pacer", kind)] == PACER
    assert [label for label, _ in menu_items("filer", kind)] == FILER[kind]


def test_menu_links_are_the_real_ones():
    links = dict(menu_items("filer", "district")) | dict(menu_items("filer", "bankruptcy"))
    assert links == {
        "Civil": "DisplayMenu.pl?CivilEvents",
        "Criminal": "DisplayMenu.pl?CriminalEvents",
        "Bankruptcy": "DisplayMenu.pl?BankruptcyEvents",
        "Adversary": "DisplayMenu.pl?AdversaryEvents",
        "Query": "iquery.pl",
        "Reports": "DisplayMenu.pl?Reports",
        "Utilities": "DisplayMenu.pl?Utilities",
        "Search": "DisplayMenu.pl?Search",
        "Help": "DisplayMenu.pl?Help",
        "Log Out": "login.pl?logout",
    }


def normal_refresh(client, court, path):
    return client.get(ecf_url(court, path), headers={"Cache-Control": "max-age=0"})


@pytest.mark.parametrize("court", court_ids())
def test_the_confirmation_shows_the_old_menus_and_the_next_page_the_filing_menus(client, court):
    sign_on_to_court(client, f"filer-{court}", court)
    assert menu_labels(link_accounts(client, f"filer-{court}", court)) == PACER
    assert menu_labels(client.get(ecf_url(court, "DisplayMenu.pl?Reports"))) == FILER[COURT_KIND[court]]


@pytest.mark.parametrize(
    "choice", ["DisplayMenu.pl?Reports", "DisplayMenu.pl?Help", "iquery.pl", UTILITIES, "LinkConfirm.pl"]
)
def test_any_other_menu_choice_or_a_reload_refreshes_them(client, choice):
    sign_on_to_court(client, "filer-txwd", "txwd")
    link_accounts(client, "filer-txwd")
    assert menu_labels(normal_refresh(client, "txwd", choice)) == FILER["district"]


# --- the troubleshooting causes ----------------------------------------------------------------


def hard_reload(app, client, court, persona_id):
    page = client.get(ecf_url(court, UTILITIES), headers={"Cache-Control": "no-cache", "Pragma": "no-cache"})
    return client, page


def log_out_close_browser_log_in(app, client, court, persona_id):
    client.get(ecf_url(court, "login.pl?logout"))
    reopened = app.test_client()
    kept = client.get_cookie(MENU_COOKIE, path=f"/ecf/{court}/")  # persistent: survives a browser restart
    if kept is not None:
        reopened.set_cookie(MENU_COOKIE, kept.value, path=f"/ecf/{court}/", max_age=3600)
    return reopened, sign_on_to_court(reopened, persona_id, court)


def clear_cookies_log_in(app, client, court, persona_id):
    reopened = app.test_client()
    return reopened, sign_on_to_court(reopened, persona_id, court)


TIPS = {
    "stale-cache": hard_reload,
    "stale-session": log_out_close_browser_log_in,
    "stale-cookies": clear_cookies_log_in,
}


def linked_with_stale_menus(app, persona_id, court="txwd"):
    client = app.test_client()
    sign_on_to_court(client, persona_id, court)
    assert menu_labels(link_accounts(client, persona_id, court)) == PACER
    for path in (UTILITIES, "DisplayMenu.pl?Reports"):
        assert menu_labels(client.get(ecf_url(court, path))) == PACER  # "any other menu choice"
    assert menu_labels(normal_refresh(client, court, "DisplayMenu.pl?Reports")) == PACER
    return client


def with_court_fault(app, court, cause):
    app.test_client().post("/_mock/faults", json={f"menus@{court}": cause})


CASES = [(cause, tip) for cause in TIPS for tip in TIPS]


@pytest.mark.parametrize(("cause", "tip"), CASES, ids=[f"{c}-by-{t}" for c, t in CASES])
def test_each_cause_yields_only_to_its_own_tip(app, cause, tip):
    persona_id = f"{cause}-filer"
    client = linked_with_stale_menus(app, persona_id)
    client, page = TIPS[tip](app, client, "txwd", persona_id)
    expected = FILER["district"] if tip == cause else PACER
    assert menu_labels(page) == expected
    assert menu_labels(normal_refresh(client, "txwd", "DisplayMenu.pl?Reports")) == expected


@pytest.mark.parametrize("cause", list(TIPS))
def test_the_fix_lasts(app, cause):
    persona_id = f"{cause}-filer"
    client = linked_with_stale_menus(app, persona_id)
    client, _page = TIPS[cause](app, client, "txwd", persona_id)
    for path in ("showpage.pl?16", "iquery.pl", UTILITIES):
        assert menu_labels(client.get(ecf_url("txwd", path))) == FILER["district"]


@pytest.mark.parametrize(
    ("court", "cause"), [("txwd", "stale-cache"), ("mad", "stale-session"), ("moeb", "stale-cookies")]
)
def test_a_court_fault_gives_any_filer_the_cause(app, court, cause):
    with_court_fault(app, court, cause)
    client = linked_with_stale_menus(app, f"filer-{court}", court)
    for tip in TIPS.values():
        if tip is not TIPS[cause]:
            client, page = tip(app, client, court, f"filer-{court}")
            assert menu_labels(page) == PACER
    _client, page = TIPS[cause](app, client, court, f"filer-{court}")
    assert menu_labels(page) == FILER[COURT_KIND[court]]


def test_before_linking_a_cause_changes_nothing(app):
    client = app.test_client()
    assert menu_labels(sign_on_to_court(client, "stale-cache-filer", "txwd")) == PACER
    assert menu_labels(client.get(ecf_url("txwd", UTILITIES), headers={"Pragma": "no-cache"})) == PACER


def test_the_stale_cookie_is_persistent_and_scoped_to_the_court(app):
    client = linked_with_stale_menus(app, "stale-cookies-filer")
    cookie = client.get_cookie(MENU_COOKIE, path="/ecf/txwd/")
    assert cookie is not None and cookie.expires is not None
    assert cookie.value.endswith(".pacer")


def test_a_menu_cookie_of_someone_else_is_ignored(app):
    client = linked_with_stale_menus(app, "stale-cookies-filer")
    client.get(ecf_url("txwd", "login.pl?logout"))
    assert menu_labels(sign_on_to_court(client, "linked-filer-txwd", "txwd")) == FILER["district"]


def test_the_confirmation_reload_of_a_stale_cache_filer_stays_stale(app):
    client = app.test_client()
    sign_on_to_court(client, "stale-cache-filer", "txwd")
    link_accounts(client, "stale-cache-filer")
    assert menu_labels(normal_refresh(client, "txwd", "LinkConfirm.pl")) == PACER
    assert (
        menu_labels(client.get(ecf_url("txwd", "LinkConfirm.pl"), headers={"Cache-Control": "no-cache"}))
        == FILER["district"]
    )


@pytest.mark.parametrize(
    ("method", "logout"),
    [
        ("get", "/login/csologin/logout.jsf"),
        ("post", "/psc/pscof/logout"),
    ],
)
def test_every_logout_ends_a_stale_session(app, method, logout):
    client = linked_with_stale_menus(app, "stale-session-filer")
    getattr(client, method)(logout)
    assert menu_labels(sign_on_to_court(app.test_client(), "stale-session-filer", "txwd")) == FILER["district"]


def test_reset_forgets_the_menu_states(app):
    linked_with_stale_menus(app, "stale-cache-filer")
    app.test_client().post("/_mock/reset")
    with app.app_context():
        from mock_court.core.store import get_db

        assert get_db().execute("SELECT COUNT(*) FROM menu_states").fetchone()[0] == 0
