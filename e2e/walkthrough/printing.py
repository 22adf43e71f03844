"""The printable guide: `guide.pdf`, printed by the browser from the illustrated guide page
with its print styles (no video, no links to follow), the court's name at the head of every
page and the page numbers at its foot. Its text is the page's text: selectable, searchable."""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, Route

# The guide's folder, as the browser sees it: served from here, for the browser may be on another
# machine (a browser server) where a file: address would find nothing.
GUIDE_ORIGIN = "http://guide.localhost"

HEAD = (
    '<div style="width: 100%; padding: 0 16mm; font: 9px Georgia, serif; color: #444; display: flex;'
    ' justify-content: space-between"><span>{court}</span><span>{title}</span></div>'
)
FOOT = (
    '<div style="width: 100%; font: 9px Arial, sans-serif; color: #444; text-align: center">'
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)


def print_guide(browser: Browser, page_file: Path, pdf: Path, court_name: str, title: str) -> None:
    """Print the guide page `page_file` (its pictures beside it) to `pdf`, US Letter."""
    page = browser.new_page()
    try:
        open_guide_page(page, page_file)
        page.emulate_media(media="print")
        page.pdf(
            path=pdf,
            format="Letter",
            print_background=True,
            display_header_footer=True,
            header_template=HEAD.format(court=escape(court_name), title=escape(title)),
            footer_template=FOOT,
            margin={"top": "22mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            outline=True,
            tagged=True,
        )
    finally:
        page.close()


def open_guide_page(page: Page, page_file: Path) -> None:
    """Open `page_file` with the files beside it, served to the browser from this process."""
    folder = page_file.resolve().parent
    page.route(f"{GUIDE_ORIGIN}/**", lambda route: _serve(route, folder))
    page.goto(f"{GUIDE_ORIGIN}/{page_file.name}", wait_until="load")


def _serve(route: Route, folder: Path) -> None:
    """A file of the guide's folder, or 404 for anything outside it or missing."""
    path = urlsplit(route.request.url).path
    wanted = (folder / unquote(path).lstrip("/")).resolve()
    if wanted.is_relative_to(folder) and wanted.is_file():
        route.fulfill(path=wanted)
    else:
        route.fulfill(status=404)
