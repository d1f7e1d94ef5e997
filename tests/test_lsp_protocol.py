"""`sip lsp` at the protocol's edge: the bytes a broken or hostile editor sends. The real server
runs as a process, frames are written raw to its standard input, and every answer is read
from its standard output while the input stays open (an answer that comes only when the
editor gives up is no answer)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from queue import Empty, Queue

import pytest

from tests.conftest import EXAMPLES, ROOT

TIMEOUT = 30  # seconds: generous, for a machine shared by many test runs
GAPS = EXAMPLES / "invalid" / "gaps.yaml"


def frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Wire:
    """An editor that writes whatever bytes it is given."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sip", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        self.messages: Queue[dict] = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.send(frame({"id": 0, "method": "initialize", "params": {"capabilities": {}}}))
        self.answer(0)
        self.send(frame({"method": "initialized", "params": {}}))

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, raw: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(raw)
        self.process.stdin.flush()

    def answer(self, message_id: object) -> dict:
        """The answer to a request, skipping the server's notifications."""
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except Empty:
                raise AssertionError(f"no answer to request {message_id!r} while the input is open") from None
            if "method" not in message and message.get("id") == message_id:
                return message

    def finish(self, *, shutdown: bool = True) -> tuple[int, str]:
        """Exit as the editor says; the exit status and what the server said on standard error."""
        if shutdown:
            self.send(frame({"id": "bye", "method": "shutdown"}))
            assert self.answer("bye") == {"jsonrpc": "2.0", "id": "bye", "result": None}
        self.send(frame({"method": "exit"}))
        status = self.process.wait(timeout=TIMEOUT)
        assert self.process.stderr is not None
        return status, self.process.stderr.read().decode("utf-8", "replace")


@pytest.fixture
def wire():
    editor = Wire()
    yield editor
    if editor.process.poll() is None:
        editor.process.kill()
        editor.process.wait()


def test_a_frame_over_the_size_limit_is_refused_unread_and_the_server_goes_on(wire):
    # 100 GB announced: reading it at once was a MemoryError that ended the server
    wire.send(b"Content-Length: 99999999999\r\n\r\n{}")
    refused = wire.answer(None)
    assert refused["error"]["code"] == -32600
    assert "over sip lsp's limit" in refused["error"]["message"]
    status, stderr = wire.finish()
    assert status == 0
    assert "99,999,999,999 bytes, over sip lsp's limit" in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "garbage",
    [
        b"Content-Length: abc\r\n\r\n{}",  # not a number
        b"Content-Length: -5\r\n\r\n{}",
        b"hello\r\n\r\n{}",  # not a header at all
        b"Content-Type: text/plain\r\n\r\n{}",  # no Content-Length
        b"Content-Length: 2\r\n\r\n{}}}}}",  # too short: the rest is garbage before the next frame
    ],
)
def test_after_a_frame_it_cannot_read_the_server_finds_the_next_one(wire, garbage):
    wire.send(garbage)
    wire.send(frame({"id": 1, "method": "textDocument/hover", "params": _hover("file:///nowhere.yaml")}))
    assert wire.answer(1)["result"] is None  # answered while the editor is still there
    status, stderr = wire.finish()
    assert status == 0
    assert "Traceback" not in stderr


def test_a_body_that_is_not_json_rpc_gets_the_protocols_error(wire):
    wire.send(b"Content-Length: 3\r\n\r\n{{{")
    assert wire.answer(None)["error"]["code"] == -32700  # parse error
    wire.send(b"Content-Length: 5\r\n\r\n[1,2]")
    assert wire.answer(None)["error"]["code"] == -32600  # not a request object
    deep = b"[" * 100_000 + b"]" * 100_000
    wire.send(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    assert wire.answer(None)["error"]["code"] == -32700
    assert wire.finish()[0] == 0


POSITION = {"textDocument": {"uri": GAPS.as_uri()}, "position": {"line": 0, "character": 0}}


@pytest.mark.parametrize(
    "params",
    [
        None,
        1,
        "text",
        {},
        {**POSITION, "position": {"line": -1, "character": 0}},
        {**POSITION, "position": {"line": 2**80, "character": 0}},
    ],
)
def test_a_request_with_invalid_params_is_answered_invalid_params(wire, params):
    for number, method in enumerate(
        ["textDocument/hover", "textDocument/definition", "textDocument/completion"]
    ):
        wire.send(frame({"id": number, "method": method, "params": params}))
        answer = wire.answer(number)
        assert answer["error"]["code"] == -32602, answer
        assert method in answer["error"]["message"]
    status, stderr = wire.finish()
    assert status == 0
    assert "Traceback" not in stderr


def test_requests_on_a_file_the_editor_did_not_open_answer_empty(wire, tmp_path):
    # the server never reads a file it was not given: not the plan on disk, not /dev/zero
    for number, uri in enumerate([GAPS.as_uri(), "file:///dev/zero", (tmp_path / "gone.yaml").as_uri()]):
        for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
            wire.send(frame({"id": f"{number}{method}", "method": method, "params": _hover(uri)}))
            assert wire.answer(f"{number}{method}") == {
                "jsonrpc": "2.0",
                "id": f"{number}{method}",
                "result": None,
            }
        wire.send(frame({"method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}}))
    wire.send(frame({"id": "last", "method": "textDocument/hover", "params": _hover(GAPS.as_uri())}))
    assert wire.answer("last")["result"] is None
    status, stderr = wire.finish()
    assert status == 0
    assert "Traceback" not in stderr and "FileNotFoundError" not in stderr


def test_exit_without_shutdown_exits_1_and_with_it_0(wire):
    status, stderr = wire.finish(shutdown=False)
    assert status == 1
    assert "Traceback" not in stderr


def test_a_request_after_shutdown_is_refused_and_exit_still_ends_the_server(wire):
    wire.send(frame({"id": 1, "method": "shutdown"}))
    assert wire.answer(1)["result"] is None
    wire.send(frame({"id": 2, "method": "textDocument/hover", "params": _hover(GAPS.as_uri())}))
    assert wire.answer(2)["error"]["code"] == -32600
    wire.send(frame({"method": "exit"}))
    assert wire.process.wait(timeout=TIMEOUT) == 0


def _hover(uri: str) -> dict:
    return {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
