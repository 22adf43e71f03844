"""`make bench` (`python -m e2e.bench`): the harness's figures from one run, beside the targets of
issue 8, printed as one table and written to test-results/bench.json.

Parts: `suite` (the e2e suite serial and with `-n 2`, CPU seconds per test), `guides` (each
guide's flow time), `load` (the served mock's requests per second), `shared` (four pytest
processes against one served mock give the results one gives), `walkthrough` (the fast
walkthrough of every guide), and, only when asked for, `full` (the whole `make test`).
"""
