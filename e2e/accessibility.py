"""Section 508 checks of a page: axe-core's WCAG 2.1 A and AA rules, run in the browser.

axe-playwright-python ships axe.min.js, so the check works offline. A serious or critical
violation fails; moderate and minor ones are only listed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from axe_playwright_python.base import AXE_SCRIPT
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error, Page

from e2e.sites import page_path

WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
FAILING_IMPACTS = frozenset({"serious", "critical"})
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": list(WCAG_21_AA)}, "resultTypes": ["violations"]}

# A screen is its path, title and headings: psc's registration steps post back to one URL.
_HEADINGS = """() => {
  const text = (selector) => (document.querySelector(selector)?.textContent || '').replace(/\\s+/g, ' ').trim();
  const page = document.contentType === 'text/html' && location.protocol.startsWith('http');
  return [page, document.title.trim(), text('h1'), text('h2')];
}"""
_axe = Axe()


def page_key(page: Page) -> str | None:
    """What tells one screen from another: path, title, first headings; None for a document that
    is not a page of the site (a fault's plain-text answer, the browser's own error page)."""
    is_page, title, h1, h2 = page.evaluate(_HEADINGS)
    if not is_page:
        return None
    return " | ".join(part for part in (page_path(page.url), title, h1, h2) if part)


@dataclass(frozen=True)
class Violation:
    id: str
    impact: str
    help: str
    help_url: str
    targets: tuple[str, ...]

    @property
    def failing(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def line(self, key: str) -> str:
        return f"{key}: {self.id} ({self.impact}) at {', '.join(self.targets)}"

    def as_dict(self) -> dict:
        return {"id": self.id, "impact": self.impact, "help": self.help, "help_url": self.help_url,
                "nodes": len(self.targets), "targets": list(self.targets)}  # fmt: skip


@dataclass
class PageCheck:
    key: str
    violations: list[Violation] = field(default_factory=list)
    seconds: float = 0.0  # what the check cost

    @property
    def failures(self) -> list[Violation]:
        return [v for v in self.violations if v.failing]

    def failure_lines(self) -> list[str]:
        return [v.line(self.key) for v in self.failures]

    def summary(self) -> str:
        """A few lines for a report: the page, then each violation."""
        if not self.violations:
            return f"{self.key}: no violations"
        marks = [f"  {'FAIL' if v.failing else 'note'} {v.id} ({v.impact}, {len(v.targets)} nodes): {v.help}"
                 for v in self.violations]  # fmt: skip
        return "\n".join([self.key, *marks])

    def as_dict(self) -> dict:
        return {"page": self.key, "seconds": self.seconds, "violations": [v.as_dict() for v in self.violations]}


def _selector(target: list) -> str:
    # axe names a node inside frames by one selector per frame, and inside a shadow root by a list
    return " >> ".join(" >>> ".join(part) if isinstance(part, list) else part for part in target)


def check_page(page: Page, key: str | None = None) -> PageCheck:
    """axe-core's WCAG 2.1 AA rules on the page as it is shown now."""
    started = time.perf_counter()
    for frame in page.frames[1:]:  # axe checks a frame (the reCAPTCHA widget) only if it runs there too
        try:
            frame.evaluate(AXE_SCRIPT)
        except Error:  # a frame that went away has nothing left to check
            continue
    found = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    violations = [
        Violation(
            id=v["id"],
            impact=v.get("impact") or "minor",
            help=v["help"],
            help_url=v["helpUrl"],
            targets=tuple(_selector(node["target"]) for node in v["nodes"]),
        )
        for v in found
    ]
    return PageCheck(key or page_key(page) or page_path(page.url), violations, round(time.perf_counter() - started, 3))
