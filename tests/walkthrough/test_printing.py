"""The guide page is printed from files served to the browser by this process, not from a file:
address, which a browser on another machine (a browser server's) could not open."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from e2e.walkthrough.printing import GUIDE_ORIGIN, open_guide_page

GUIDE_PAGE = '<h1>Step one</h1><img alt="step one" src="steps/01-one.png">'


def test_the_guide_page_shows_the_pictures_beside_it_and_nothing_outside_its_folder(page: Page, tmp_path):
    (tmp_path / "outside.txt").write_text("not the guide's")
    folder = tmp_path / "guide"
    (folder / "steps").mkdir(parents=True)
    page.set_content("<p style='margin:0'>picture</p>")
    (folder / "steps" / "01-one.png").write_bytes(page.screenshot(clip={"x": 0, "y": 0, "width": 40, "height": 30}))
    (folder / "index.html").write_text(GUIDE_PAGE)
    open_guide_page(page, folder / "index.html")
    expect(page.get_by_role("heading", name="Step one")).to_be_visible()
    expect(page.get_by_role("img", name="step one")).to_have_js_property("naturalWidth", 40)
    answers = page.evaluate(
        "async urls => Promise.all(urls.map(async u => (await fetch(u)).status))",
        [f"{GUIDE_ORIGIN}/../outside.txt", f"{GUIDE_ORIGIN}/..%2Foutside.txt", f"{GUIDE_ORIGIN}/missing.png"],
    )
    assert answers == [404, 404, 404]
