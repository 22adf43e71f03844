"""Starting a guide part-way, through the mock's control API (`POST /_mock/journeys/...`).

A test about a later step asks the mock for the state the earlier steps leave (a registration
whose forms are filled up to a step, an account signed on, accounts linked) and opens that
step's page, instead of clicking through every step before it. The calls go through the
browser context's own request API, so the cookies they set land in the browser.

`start_at(ctx, guide, step)` reaches any main-path step: from the nearest start at or before it
(the steps with an entry in STARTS), walking the rest in the browser.
"""

from __future__ import annotations

from collections.abc import Callable

from e2e.catalog import Guide
from e2e.flows import FlowContext, walk
from e2e.flows.registration import card, registrant
from fixtures.registrants import Card, Registrant


class JourneyRefused(RuntimeError):
    """The mock would not make the start asked for: its answer says why."""


def _start(ctx: FlowContext, kind: str, payload: dict) -> str:
    """Ask the mock for a start, through the browser context (its cookies land there); the page to open."""
    url = ctx.sites.base_url + f"_mock/journeys/{kind}"
    response = ctx.page.context.request.post(url, data=payload, fail_on_status_code=False)
    if not response.ok:
        raise JourneyRefused(f"POST {url}: {response.status} {response.text()}")
    return response.json()["url"]


def account_form(person: Registrant) -> dict[str, str]:
    """Account Information as the page posts it."""
    return {
        "first_name": person.first_name,
        "middle_name": person.middle_name,
        "last_name": person.last_name,
        "date_of_birth": person.date_of_birth,
        "firm": person.firm,
        "address1": person.address1,
        "city": person.city,
        "state": person.state,
        "county": person.county,
        "zip": person.zip,
        "country": person.country,
        "primary_phone": person.primary_phone,
        "email": person.email,
        "confirm_email": person.email,
        "user_type": person.user_type,
    }


def user_form(person: Registrant) -> dict[str, str]:
    """User Information as the page posts it."""
    questions = {f"question{n}": q for n, q in enumerate(person.questions, start=1)}
    answers = {f"answer{n}": a for n, a in enumerate(person.answers, start=1)}
    return {"username": person.username, "password": person.password, "confirm_password": person.password,
            **questions, **answers}  # fmt: skip


def payment_form(given: Card | None) -> dict[str, str]:
    """Payment Information as the page posts it: the card with the billing address copied, or nothing."""
    if given is None:
        return {}
    return {
        "card_holder": given.holder,
        "card_type": given.type,
        "card_number": given.number,
        "expiry_month": given.expiry_month,
        "expiry_year": given.expiry_year,
        "use_billing_address": "1",
        "authorize": "1",
    }


def registration_at(ctx: FlowContext, at: str) -> None:
    """The registrant's registration (ctx.data) at `at`, its earlier forms filled: that page open.
    Every form is sent; the mock takes those of the steps before `at`."""
    person = registrant(ctx)
    forms = {"account": account_form(person), "user": user_form(person), "payment": payment_form(card(ctx))}
    ctx.page.goto(_start(ctx, "registration", {"at": at, **forms}))


def signed_on(ctx: FlowContext, site: str = "ecf") -> None:
    """The context's persona signed on (at its court's CM/ECF, or Manage My Account): that page open."""
    persona = _persona(ctx)
    ctx.page.goto(_start(ctx, "signed-on", {"username": persona["username"], "court": ctx.court, "site": site}))


def linked(ctx: FlowContext) -> None:
    """The context's persona's PACER and CM/ECF accounts linked at its court, as Link would."""
    persona = _persona(ctx)
    _start(ctx, "linked", {"username": persona["username"], "court": ctx.court, "ecf_login": persona["ecf_login"]})


def _persona(ctx: FlowContext) -> dict:
    if ctx.persona is None:
        raise ValueError("this start signs a persona on, and the FlowContext has none")
    return ctx.persona


# The steps a guide can start at without the steps before them: a step's flow, and the start
# that leaves the browser where that flow begins.
STARTS: dict[str, Callable[[FlowContext], None]] = {
    "registration.fill_user_information": lambda ctx: registration_at(ctx, "user_information"),
    "registration.fill_payment": lambda ctx: registration_at(ctx, "payment_information"),
    "registration.acknowledge_policies": lambda ctx: registration_at(ctx, "policies"),
    "linking.open_link_menu": lambda ctx: signed_on(ctx, "ecf"),
    "mfa.open_mfa_settings": lambda ctx: signed_on(ctx, "psc"),
}


def start_at(ctx: FlowContext, guide: Guide, step: str) -> None:
    """Leave the browser where the guide's step `step` begins: from the nearest start at or
    before it, walking the steps in between."""
    ids = [entry.id for entry in guide.steps]
    if step not in ids:
        raise ValueError(f"{guide.id} has no step '{step}'")
    earlier = guide.steps[: ids.index(step) + 1]
    nearest = next(((entry.id, STARTS[entry.flow]) for entry in reversed(earlier) if entry.flow in STARTS), None)
    if nearest is None:
        walk(ctx, guide, until=step)
        return
    start_id, begin = nearest
    begin(ctx)
    walk(ctx, guide, start=start_id, until=step)
