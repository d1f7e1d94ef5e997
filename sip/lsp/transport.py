"""The editor's messages read from standard input, frame by frame: sip's own loop in place of
pygls's `start_io`, which (2.1) let one frame end or stall the server.

pygls reads a `Content-Length` of any size at once (99999999999 bytes is a MemoryError that
ends the process), never finds its way back after a header it cannot read (every later
message, `shutdown` included, goes unanswered), and answers nothing to a request whose params
do not fit the protocol's types. Here:

- a frame over `MAX_FRAME` bytes, a header that is not `Name: value`, or a frame without a
  `Content-Length` is refused: an error answer with a null id (JSON-RPC's rule when the id
  cannot be read), a line on standard error, and the reader skips to the next frame. A JSON
  body cannot hold a raw line break inside a string, so `Content-Length: N` followed by CR LF
  at the end of a line is always the next frame's header, never part of a body;
- a body that is not JSON is answered -32700, a message that is not a JSON-RPC 2.0 object
  -32600, a request whose params the protocol's types refuse -32602, with the request's id;
- after `shutdown`, a request other than `exit` is answered -32600, as the protocol says;
- `exit` ends the server with status 1 unless `shutdown` came first (the protocol's rule).

pygls still decodes each message and runs the handlers; only the reading is sip's.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from pygls.protocol import JsonRPCProtocol

from sip.exits import Exit

# The largest message read: a didOpen of a plan at a large `max-file-size` fits many times
# over (JSON escaping at most sextuples the text); anything larger is refused unread.
MAX_FRAME = 64 * 1024 * 1024
MAX_HEADER_LINE = 1024  # bytes: a header line longer than this is garbage, not a header
_TAIL = 64  # bytes kept between reads while looking for the next frame

_HEADER = re.compile(rb"([A-Za-z][A-Za-z0-9-]*):[ \t]*([^\r\n]*?)[ \t]*\r?\n")
_NEXT_FRAME = re.compile(rb"Content-Length:[ \t]*(\d{1,20})\r\n\Z", re.IGNORECASE)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602


@dataclass(frozen=True)
class Refused:
    """A frame that could not be read; the reader has moved on to look for the next one."""

    reason: str


class Frames:
    """Message bodies from a byte stream, bounded in size, resynchronising after bad frames."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sip-lsp-stdin")
        self.lost = False  # looking for the next frame's header
        self.tail = b""
        self.again: bytes | None = None  # a line to read once more, now that the frame is lost

    async def _line(self) -> bytes:
        if self.again is not None:
            line, self.again = self.again, None
            return line
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.stream.readline, MAX_HEADER_LINE)

    async def _body(self, length: int) -> bytes:
        loop = asyncio.get_running_loop()
        parts: list[bytes] = []
        missing = length
        while missing:
            part = await loop.run_in_executor(self.executor, self.stream.read, missing)
            if not part:
                break
            parts.append(part)
            missing -= len(part)
        return b"".join(parts)

    def _lose(self, line: bytes, reason: str) -> Refused:
        # `line` is read again while looking for the next frame: a garbage line may end with
        # the next frame's header
        self.lost, self.tail, self.again = True, b"", line or None
        return Refused(reason)

    async def next(self) -> bytes | Refused | None:
        """The next message's body, a refusal, or None at the end of the input."""
        length: int | None = None
        headers = 0
        while True:
            line = await self._line()
            if not line:
                return None
            if self.lost:
                seen = self.tail + line
                found = _NEXT_FRAME.search(seen)
                if found is None:
                    self.tail = b"" if line.endswith(b"\n") else seen[-_TAIL:]
                    continue
                self.lost, self.tail = False, b""
                line = found.group(0)
            if not line.strip():
                if not headers:
                    continue  # a stray line break between frames
                if length is None:
                    return self._lose(b"", "a message without a Content-Length header")
                body = await self._body(length)
                return body if len(body) == length else None
            header = _HEADER.fullmatch(line)
            if header is None:
                return self._lose(line, f"a header line that is not 'Name: value': {_shown(line)}")
            headers += 1
            if header.group(1).lower() == b"content-length":
                value = header.group(2)
                if not value.isdigit() or len(value) > 20:
                    return self._lose(b"", f"Content-Length is not a number of bytes: {_shown(value)}")
                if int(value) > MAX_FRAME:
                    return self._lose(
                        b"", f"a message of {int(value):,} bytes, over sip lsp's limit of {MAX_FRAME:,}"
                    )
                length = int(value)

    def close(self) -> None:
        self.executor.shutdown(wait=False)


def _shown(raw: bytes) -> str:
    text = raw[:80].decode("utf-8", "backslashreplace")
    return repr(text + ("..." if len(raw) > 80 else ""))


class Connection:
    """One editor on standard input and output: frames in, pygls's handlers, errors out."""

    def __init__(self, protocol: JsonRPCProtocol, stdin: BinaryIO, stdout: BinaryIO) -> None:
        from pygls.io_ import StdoutWriter

        self.protocol = protocol
        self.stdout = stdout
        self.frames = Frames(stdin)
        self.shut_down = False
        protocol.set_writer(StdoutWriter(stdout))

    def answer_error(self, message_id: object, code: int, reason: str) -> None:
        """An error answer the protocol owes: written here, since pygls has no public way."""
        if not (message_id is None or isinstance(message_id, str | int)) or isinstance(message_id, bool):
            message_id = None
        body = json.dumps(
            {"jsonrpc": "2.0", "id": message_id, "error": {"code": code, "message": f"sip lsp: {reason}"}}
        ).encode("utf-8")
        self.stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.stdout.flush()

    def refuse(self, message_id: object, code: int, reason: str) -> None:
        print(f"sip lsp: {reason}", file=sys.stderr, flush=True)
        self.answer_error(message_id, code, reason)

    def handle(self, body: bytes) -> int | None:
        """Hand one message to pygls; the exit status once the editor says `exit`."""
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            self.refuse(None, PARSE_ERROR, "a message that is not JSON")
            return None
        if not isinstance(data, dict) or data.get("jsonrpc") != "2.0":
            self.refuse(
                data.get("id") if isinstance(data, dict) else None,
                INVALID_REQUEST,
                "a message that is not a JSON-RPC 2.0 object",
            )
            return None
        method, message_id = data.get("method"), data.get("id")
        is_request = "id" in data and isinstance(method, str)
        if self.shut_down and is_request and method != "exit":
            self.refuse(message_id, INVALID_REQUEST, f"{method} after shutdown")
            return None
        try:
            message = self.protocol.structure_message(data)
        except Exception:
            if is_request:
                self.refuse(message_id, INVALID_PARAMS, f"invalid params for {method}")
            else:
                print(
                    f"sip lsp: ignored a notification that does not fit the protocol ({method})",
                    file=sys.stderr,
                )
            return None
        if is_request and method == "shutdown":
            self.shut_down = True
        try:
            self.protocol.handle_message(message)
        except SystemExit:  # pygls's `exit` handler
            return Exit.OK if self.shut_down else Exit.FAILED  # the protocol's 0 and 1
        return None

    async def run(self) -> int:
        try:
            while True:
                frame = await self.frames.next()
                if frame is None:
                    return Exit.OK  # the editor closed the stream
                if isinstance(frame, Refused):
                    self.refuse(None, INVALID_REQUEST, frame.reason)
                    continue
                status = self.handle(frame)
                if status is not None:
                    return status
        finally:
            self.frames.close()
