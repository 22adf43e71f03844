"""Record several guides side by side, say how each step went, and write every artifact.

Each guide's main path and each troubleshooting tip that names a scenario flow is one job.
Jobs run on as many workers as the machine has cores, each worker a thread with its own
Playwright and browser (the sync API belongs to one thread) and each job in its own browser
context, against a mock of its own: `mocks` gives each job one (the command gives each a fresh
namespace of one mock, embedded or running), reset just before the job.
A guide recorded at another court than its own is told with that court's names (its name,
its filing menus) in every card, caption, page and PDF. When all is recorded, a browser prints
each guide's page as its PDF.
"""

from __future__ import annotations

import json
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from e2e.browsers import use_project_browsers
from e2e.catalog import Entry, Guide, load_guides
from e2e.config import Settings, load_settings
from e2e.mock_control import MockControl
from e2e.pages.ecf.menu_bar import FILING_MENUS
from e2e.remote_browser import open_browser
from e2e.runner import StepResult, describe, failure_line
from e2e.scrubbing.command import leaks_in
from e2e.secrets import scrub
from e2e.sites import Sites
from e2e.walkthrough.artifacts import GuideRecord, TipVideo, step_cues, write_guide, write_index
from e2e.walkthrough.narration import Narrator
from e2e.walkthrough.printing import print_guide
from e2e.walkthrough.recorder import PACES, Recording, Scene, record_guide, record_tip
from fixtures.courts import load_courts

MockFactory = Callable[[], AbstractContextManager[str]]  # yields the base URL of a mock in test mode
PERSONA_SECRETS = ("password", "ecf_password", "activation_code", "otp_secret")
SAME_KIND = ("kind", "linked", "shared", "upgraded", "problem", "status")


@dataclass(frozen=True)
class Job:
    guide: Guide
    court: str
    tip: Entry | None = None

    @property
    def name(self) -> str:
        return self.guide.id + (f"/{self.tip.id}" if self.tip else "")


def plan(guides: list[Guide], court: str | None = None, tips: bool = True) -> list[Job]:
    """Every guide's main path first (the longest jobs), then the tips with a scenario flow."""
    mains = [Job(g, court or g.court) for g in guides]
    scenarios = [Job(g, court or g.court, e) for g in guides for e in g.entries if e.kind == "tip" and e.flow]
    return mains + (scenarios if tips else [])


def court_name(court: str) -> str:
    return load_courts().get(court, {}).get("name", court)


def court_names(court: str) -> dict[str, str]:
    """What a guide calls a court: its full and short names, and its filing menus."""
    profile = load_courts()[court]
    menus = " and ".join(FILING_MENUS[profile["kind"]])
    return {"name": profile["name"], "short_name": profile["short_name"], "filing_menus": menus}


def told_at(guide: Guide, court: str) -> Guide:
    """The guide with its own court's names replaced by `court`'s (itself at its own court)."""
    if court == guide.court or guide.court not in load_courts() or court not in load_courts():
        return guide
    own, there = court_names(guide.court), court_names(court)
    return guide.renamed({own[key]: there[key] for key in own})


def persona_for(guide: Guide, court: str, personas: dict[str, dict]) -> dict | None:
    """The guide's persona; at another court, the same kind of person who files there."""
    if not guide.persona:
        return None
    chosen = personas[guide.persona]
    if chosen.get("ecf_court") in (None, court):
        return chosen
    alike = [
        p
        for p in personas.values()
        if p.get("ecf_court") == court and all(p.get(k) == chosen.get(k) for k in SAME_KIND)
    ]
    return alike[0] if alike else chosen


def persona_secrets(personas: dict[str, dict]) -> set[str]:
    found: set[str] = set()
    for persona in personas.values():
        found.update(str(persona[k]) for k in PERSONA_SECRETS if persona.get(k))
        found.update(persona.get("security_answers") or ())
        found.update(persona.get("backup_codes") or ())
    return found


class Console:
    """Progress lines for people, kept in DIR/walkthrough.log as well."""

    def __init__(self, log: Path, echo: Callable[[str], None]) -> None:
        self.lock = threading.Lock()
        self.echo = echo
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log.open("w", encoding="utf-8")

    def say(self, line: str) -> None:
        with self.lock:
            self.echo(line)
            self.log.write(line + "\n")
            self.log.flush()

    def close(self) -> None:
        self.log.close()


class Walkthrough:
    def __init__(
        self,
        out: Path,
        pace: str,
        mocks: MockFactory,
        workers: int,
        echo: Callable[[str], None],
        faults: dict | None = None,
        settings: Settings | None = None,
        narrate: bool = False,
        tips: bool = True,
        browser_url: Callable[[str], str] = str,
    ) -> None:
        self.out = out
        self.browser_url = browser_url  # an address of the mock, as the browser reaches it
        self.narrate = narrate
        self.tips = tips
        self.pace = PACES[pace]
        self.mocks = mocks
        self.workers = max(1, workers)
        self.faults = faults or {}
        self.settings = settings or load_settings()
        self.console = Console(out / "walkthrough.log", echo)
        self.recordings: dict[Job, Recording] = {}

    # -- recording ---------------------------------------------------------------------------

    def run(self, guides: list[Guide], court: str | None = None) -> int:
        """Record every guide and tip, write the artifacts, print a summary; the exit status."""
        started = time.perf_counter()
        jobs = plan(guides, court, self.tips)
        for guide in guides:
            shutil.rmtree(self.out / guide.id, ignore_errors=True)
        todo: queue.Queue[Job] = queue.Queue()
        for job in jobs:
            todo.put(job)
        workers = min(self.workers, len(jobs))
        self.console.say(
            f"Recording {len(guides)} guide(s) and {len(jobs) - len(guides)} tip(s) "
            f"at {self.pace.name} pace, {workers} at a time, into {self.out}"
        )
        threads = [
            threading.Thread(target=self._work, args=(todo,), name=f"walkthrough-{n}", daemon=True)
            for n in range(workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        records = self._write(guides, jobs)
        self._in_a_browser(lambda browser: self._print(browser, records))
        clean = self._no_secrets_in([self.out / guide.id for guide in guides])
        self._summarize(jobs, time.perf_counter() - started)
        self.console.close()
        return 0 if clean and all(self.recordings[job].passed for job in jobs) else 1

    def _no_secrets_in(self, folders: list[Path]) -> bool:
        """Search what was written, as `mock-court scan-secrets` does, before saying it is done."""
        leaks = leaks_in([folder for folder in folders if folder.exists()])
        for leak in leaks:
            self.console.say(f"FAILED secret in an artifact: {leak}")
        if not leaks:
            self.console.say("No secrets in what was written.")
        return not leaks

    def _work(self, todo: queue.Queue) -> None:
        try:
            self._with_browser(lambda browser: self._drain(todo, lambda job: self._record(job, browser)))
        except Exception as error:  # no browser: every job left fails with the reason
            reason = describe(error)
            self._drain(todo, lambda job: self._broken(job, f"no browser: {reason}"))

    def _with_browser(self, use: Callable[[Browser], None]) -> None:
        """Run `use` with a browser of this thread's own (the sync API belongs to one thread)."""
        use_project_browsers()
        with sync_playwright() as playwright:
            browser = open_browser(playwright.chromium, self.settings)
            try:
                use(browser)
            finally:
                browser.close()

    def _in_a_browser(self, use: Callable[[Browser], None]) -> None:
        """Run `use` with a browser, in a thread of its own, and wait for it."""
        failures: list[str] = []

        def run() -> None:
            try:
                self._with_browser(use)
            except Exception as error:
                failures.append(describe(error))

        thread = threading.Thread(target=run, name="walkthrough-print", daemon=True)
        thread.start()
        thread.join()
        for failure in failures:
            self.console.say(f"could not print the guides: {failure}")

    def _print(self, browser: Browser, records: list[GuideRecord]) -> None:
        """Each guide's page printed as its PDF; a guide whose PDF fails keeps its page, unlinked."""
        for record in records:
            folder = self.out / record.guide.id
            try:
                print_guide(browser, folder / "index.html", folder / "guide.pdf", record.court_name, record.guide.title)
            except Exception as error:
                self.console.say(f"[{record.guide.id}] could not print guide.pdf: {describe(error)}")
                record.pdf = None
                write_guide(folder, record)

    def _drain(self, todo: queue.Queue, record: Callable[[Job], Recording]) -> None:
        while True:
            try:
                job = todo.get_nowait()
            except queue.Empty:
                return
            self.recordings[job] = record(job)

    def _broken(self, job: Job, reason: str) -> Recording:
        entries = [job.tip] if job.tip else list(job.guide.steps)
        results = [StepResult(e.id, e.title, "not-run") for e in entries]
        self.console.say(f"[{job.name}] could not be recorded: {reason}")
        return Recording(job.guide, job.court, job.tip, results, error=f"not recorded: {reason}")

    def _record(self, job: Job, browser) -> Recording:
        secrets: set[str] = set()
        guide = told_at(job.guide, job.court)
        narration = Path(tempfile.mkdtemp(prefix="narration-")) if self.narrate else None
        try:
            with self.mocks() as base_url:
                mock = MockControl(base_url)
                mock.reset()
                if self.faults:
                    mock.set_faults(**self.faults)
                personas = mock.personas()
                secrets = persona_secrets(personas)
                scene = Scene(
                    browser=browser,
                    settings=self.settings,
                    sites=Sites(self.browser_url(base_url), self.settings.site_roots),
                    mock=mock,
                    pace=self.pace,
                    folder=self.out / job.guide.id,
                    court=job.court,
                    court_name=court_name(job.court),
                    persona=persona_for(job.guide, job.court, personas),
                    secrets=secrets,
                    progress=lambda label, result: self._progress(job, label, result),
                    narrator=Narrator(narration) if narration else None,
                )
                if job.tip:
                    return record_tip(guide, guide.entry(job.tip.id), scene)
                return record_guide(guide, scene)
        except Exception as error:  # the recording broke (not a step): say so, keep the others going
            return self._broken(job, scrub(describe(error), extra=secrets))
        finally:
            if narration:
                shutil.rmtree(narration, ignore_errors=True)

    def _progress(self, job: Job, label: str, result: StepResult) -> None:
        title = f"{job.tip.id}: {result.title}" if job.tip else result.title
        line = f"[{job.guide.id}] {label:<10} {title} ... {result.status} ({result.duration_s:.1f}s)"
        if result.error:
            line += f"\n    {result.error}"
        self.console.say(line)

    # -- artifacts and summary ---------------------------------------------------------------

    def _write(self, guides: list[Guide], jobs: list[Job]) -> list[GuideRecord]:
        records = []
        for guide in guides:
            main = next(self.recordings[j] for j in jobs if j.guide is guide and j.tip is None)
            folder = self.out / guide.id
            tips = [self._tip_video(self.recordings[j], folder) for j in jobs if j.guide is guide and j.tip]
            record = GuideRecord(
                guide=told_at(guide, main.court),
                court=main.court,
                court_name=court_name(main.court),
                results=main.results,
                cues=step_cues(main.chapters, main.video_s),
                tips=tips,
                webm=_relative(main.webm, folder),
                mp4=_relative(main.mp4, folder),
                said=[(action.at, text) for action, text in main.actions],
                poster=_relative(folder / "poster.png", folder),
            )
            write_guide(folder, record)
            records.append(record)
        write_index(self.out / "index.html", records + self._earlier_records(guides))
        return records

    def _tip_video(self, recording: Recording, folder: Path) -> TipVideo:
        if recording.tip is None:
            raise ValueError(f"the recording of {recording.guide.id}'s main path is not a tip's")
        return TipVideo(
            recording.tip,
            recording.results[0],
            webm=_relative(recording.webm, folder),
            mp4=_relative(recording.mp4, folder),
        )

    def _earlier_records(self, guides: list[Guide]) -> list[GuideRecord]:
        """Guides recorded into the same folder by an earlier run stay listed in its index."""
        recorded_now = {g.id for g in guides}
        earlier = []
        for guide in load_guides().values():
            report = self.out / guide.id / "report.json"
            if guide.id in recorded_now or not report.exists():
                continue
            data = json.loads(report.read_text(encoding="utf-8"))
            results = [StepResult(**{k: s.get(k) for k in StepResult.__dataclass_fields__}) for s in data["steps"]]
            folder = self.out / guide.id
            earlier.append(
                GuideRecord(
                    guide=guide,
                    court=data["court"],
                    court_name=court_name(data["court"]),
                    results=results,
                    cues=[],
                    webm=_relative(folder / "walkthrough.webm", folder),
                    mp4=_relative(folder / "walkthrough.mp4", folder),
                )
            )
        return earlier

    def _summarize(self, jobs: list[Job], seconds: float) -> None:
        say = self.console.say
        say("")
        say(f"{'guide':<28} {'court':<6} {'steps':<7} {'tips':<6} {'result':<7} time")
        for job in (j for j in jobs if j.tip is None):
            main = self.recordings[job]
            tips = [self.recordings[j] for j in jobs if j.guide is job.guide and j.tip]
            steps = f"{sum(r.status == 'passed' for r in main.results)}/{len(main.results)}"
            tip_count = f"{sum(t.passed for t in tips)}/{len(tips)}" if tips else "-"
            result = "passed" if main.passed and all(t.passed for t in tips) else "FAILED"
            seconds_taken = main.seconds + sum(t.seconds for t in tips)
            say(f"{job.guide.id:<28} {job.court:<6} {steps:<7} {tip_count:<6} {result:<7} {seconds_taken:.1f}s")
        failures = [message for job in jobs for message in self._failures(job)]
        if failures:
            say("")
            for message in failures:
                say(f"FAILED {message}")
        say("")
        say(f"Done in {seconds:.1f}s. Guides and videos: {(self.out / 'index.html').resolve()}")

    def _failures(self, job: Job) -> list[str]:
        recording = self.recordings[job]
        messages = [f"{job.name}: {recording.error}"] if recording.error else []
        for number, result in enumerate(recording.results, start=1):
            if result.status != "failed":
                continue
            if job.tip:
                messages.append(f"{job.guide.id}: tip '{result.title}' ({result.id}): {result.error}")
            else:
                messages.append(failure_line(job.guide, number, result))
        return messages


def _relative(path: Path | None, folder: Path) -> str | None:
    if path is None or not path.exists():
        return None
    return path.relative_to(folder).as_posix()
