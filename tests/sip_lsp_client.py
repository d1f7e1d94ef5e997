"""An editor for tests: pygls's language client driving `python -m sip lsp` over stdio, as VS Code
or Neovim would. `async with Editor() as editor: uri = await editor.open(path)`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.conftest import ROOT

TIMEOUT = 30  # seconds: generous, for a machine shared by many test runs


class Editor:
    def __init__(self, *args: str, cwd: Path = ROOT) -> None:
        self.args = args
        self.cwd = cwd
        self.client = LanguageClient("sip-tests", "1")
        self.published: list[types.PublishDiagnosticsParams] = []
        self.arrived = asyncio.Event()
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.logs: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)
            self.arrived.set()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

    async def __aenter__(self) -> Editor:
        await self.client.start_io(sys.executable, "-m", "sip", "lsp", *self.args, cwd=str(self.cwd))
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=self.cwd.as_uri())
            ),
            TIMEOUT,
        )
        self.capabilities = result.capabilities
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await asyncio.wait_for(self.client.stop(), TIMEOUT)

    @property
    def alive(self) -> bool:
        server = self.client._server
        return server is not None and server.returncode is None

    async def open(self, path: Path, text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        self.texts[uri] = path.read_text("utf-8") if text is None else text
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="yaml", version=1, text=self.texts[uri]
                )
            )
        )
        return uri

    async def replace(self, uri: str, old: str, new: str) -> int:
        """Edit as a person types: replace the first `old` in the text with `new` (an
        incremental change, as the server asked for). The new version."""
        text = self.texts[uri]
        offset = text.index(old)
        start = _position(text, offset)
        end = _position(text, offset + len(old))
        self.texts[uri] = text[:offset] + new + text[offset + len(old) :]
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=new)
                ],
            )
        )
        return self.versions[uri]

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for this version of the document (the latest if none)."""
        version = version or self.versions[uri]

        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in reversed(self.published):
                    if params.uri == uri and params.version == version:
                        return params.diagnostics
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(wait(), TIMEOUT)

    def position(self, uri: str, needle: str, after: str = "", offset: int = 0) -> types.Position:
        """Where `needle` is (searched after `after`), `offset` characters in."""
        text = self.texts[uri]
        start = text.index(after) + len(after) if after else 0
        return _position(text, text.index(needle, start) + offset)

    async def request(self, method: str, params: object) -> object:
        return await asyncio.wait_for(self.client.protocol.send_request_async(method, params), TIMEOUT)


def _position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return types.Position(line=line, character=column)  # ASCII examples: characters = UTF-16


def run(coroutine) -> object:
    return asyncio.run(coroutine)
