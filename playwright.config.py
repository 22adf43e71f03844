"""Harness settings, in one place. Each can be overridden by an environment variable
MOCK_COURT_<NAME> (for example MOCK_COURT_BASE_URL=https://mock.example.org), and pytest's own
options (--base-url, --headed, --video, --tracing, --screenshot) win over both."""

# None starts an embedded mock; a URL points every script at a running deployment.
BASE_URL = None

# Where each real site lives, relative to BASE_URL or as an absolute URL of its own.
# {court} is a court id: mad, moeb, txwd.
SITE_ROOTS = {
    "pacer": "/pacer",
    "psc": "/psc",
    "login": "/login",
    "recaptcha": "/recaptcha",
    "court": "/court/{court}",
    "ecf": "/ecf/{court}",
}

BROWSER = "chromium"
HEADLESS = True
VIEWPORT = {"width": 1280, "height": 720}

# Milliseconds Playwright waits for an action, an expect, a navigation.
TIMEOUT_MS = 10_000
NAVIGATION_TIMEOUT_MS = 15_000

# Artifacts of pytest runs: off | on | retain-on-failure (kept only for a failed test, and
# linked from test-results/report.html).
VIDEO = "retain-on-failure"
TRACING = "retain-on-failure"
# The page at the end of a failed test, embedded in the report: off | on | only-on-failure.
SCREENSHOT = "only-on-failure"
