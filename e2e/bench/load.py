"""Requests per second of a served mock: client threads with keep-alive connections, in client
processes of their own (so that the clients share no GIL with each other or with the bench),
all starting together and stopping at one deadline.

Each thread keeps the session cookie it is given, as a browser reloading the page does.
"""

from __future__ import annotations

import http.client
import multiprocessing
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

START_TIMEOUT_S = 60


@dataclass
class Load:
    requests: int = 0
    seconds: float = 0.0
    latencies_s: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)  # status -> count; 0: no answer at all

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def not_ok(self) -> int:
        return sum(count for status, count in self.statuses.items() if status != 200)

    def percentile_ms(self, p: int) -> float:
        if len(self.latencies_s) < 2:
            return 1000 * (self.latencies_s[0] if self.latencies_s else 0.0)
        return 1000 * statistics.quantiles(self.latencies_s, n=100, method="inclusive")[p - 1]

    def add(self, other: Load) -> None:
        self.requests += other.requests
        self.seconds = max(self.seconds, other.seconds)
        self.latencies_s += other.latencies_s
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count


def _get(connection: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, str]:
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    answer = connection.getresponse()
    answer.read()
    given = answer.getheader("Set-Cookie")
    if answer.getheader("Connection", "").lower() == "close":
        connection.close()  # the next request opens a new one
    return answer.status, given.split(";", 1)[0] if given else cookie


def _client(url: str, deadline: float, found: Load) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    path, cookie = parts.path or "/", ""
    while time.perf_counter() < deadline:
        sent = time.perf_counter()
        try:
            status, cookie = _get(connection, path, cookie)
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
        found.latencies_s.append(time.perf_counter() - sent)
        found.statuses[status] = found.statuses.get(status, 0) + 1
        found.requests += 1
    connection.close()


def _process(url: str, threads: int, seconds: float, barrier, results) -> None:
    import threading

    barrier.wait(START_TIMEOUT_S)
    started = time.perf_counter()
    loads = [Load() for _ in range(threads)]
    workers = [threading.Thread(target=_client, args=(url, started + seconds, load)) for load in loads]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    total = Load()
    for load in loads:
        total.add(load)
    total.seconds = time.perf_counter() - started
    results.put(total)


def measure(url: str, seconds: float, processes: int = 2, threads: int = 4) -> Load:
    """`processes` client processes of `threads` keep-alive connections each, GETting `url` for
    `seconds` (every request under way at the deadline is finished and counted)."""
    context = multiprocessing.get_context("spawn")  # no copy of the bench's threads or browsers
    barrier, results = context.Barrier(processes + 1), context.Queue()
    work = (url, threads, seconds, barrier, results)
    clients = [context.Process(target=_process, args=work) for _ in range(processes)]
    for client in clients:
        client.start()
    barrier.wait(START_TIMEOUT_S)
    total = Load()
    for _ in clients:
        total.add(results.get(timeout=seconds + START_TIMEOUT_S))
    for client in clients:
        client.join()
    return total
