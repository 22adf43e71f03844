"""Templates compiled once a process: every app made in it (each test makes its own) loads the
code the first one compiled, instead of lexing, parsing and compiling every template again.
Jinja checks each template's source against the code it kept, so an edited template compiles anew."""

from __future__ import annotations

from flask import Flask
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class ProcessBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = ProcessBytecodeCache()


def init_app(app: Flask) -> None:
    app.jinja_env.bytecode_cache = COMPILED
