"""The language server's wiring: which request goes to which module, when plans are checked,
and the guard that keeps bad input from ending the server.

A plan is checked when it is opened or saved, and `DEBOUNCE` seconds after the last change
while it is being typed (a burst of keystrokes is checked once). Every handler answers
"nothing" rather than fail: hostile or half-typed text, a file that is not a plan, or a bug
in sip is logged to the editor and the server goes on with the next request.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sys
import traceback
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from sip import __version__
from sip.lsp.actions import FIXABLE_CODES, code_actions, outcome
from sip.lsp.completion import TRIGGERS, complete
from sip.lsp.definition import definition
from sip.lsp.diagnostics import SOURCE, to_lsp
from sip.lsp.document import Analysis, Options, Snapshot, analyse, snapshot
from sip.lsp.hover import hover
from sip.lsp.text import Text

DEBOUNCE = 0.04  # seconds of quiet after a change before the plan is checked
logger = logging.getLogger(__name__)


class SipServer(LanguageServer):
    def __init__(self, options: Options) -> None:
        super().__init__("sip", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = options
        self.analyses: dict[str, Analysis] = {}
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.fixes: dict[tuple[str, str], object] = {}  # (uri, text) -> sip fix's outcome

    # -- checking ---------------------------------------------------------------------------

    def document(self, uri: str) -> TextDocument | None:
        """A document the editor opened; None for any other. (pygls would read any other
        from disk: a file the editor never opened, a FIFO, /dev/zero.)"""
        return self.workspace.text_documents.get(unquote(uri))

    def refresh(self, uri: str) -> None:
        self.pending.pop(uri, None)
        document = self.document(uri)
        if document is None:  # saved or changed without being opened: nothing to check
            return
        text = Text(document.source, document.position_codec)
        path = _path(uri)
        try:
            analysis = analyse(text.source, path, self.options)
            if analysis is None:
                diagnostics: list[types.Diagnostic] = []
                self.analyses.pop(uri, None)
            else:
                self.analyses[uri] = analysis
                diagnostics = to_lsp(analysis, text)
        except Exception as error:  # a bug in sip: say so in the file, keep serving
            self.log(f"checking {uri} failed:\n{traceback.format_exc()}")
            diagnostics = [
                types.Diagnostic(
                    range=types.Range(
                        start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
                    ),
                    message=f"sip: internal error ({type(error).__name__}) while checking this file; "
                    "this is a bug in sip: the editor's log has the details",
                    source=SOURCE,
                )
            ]
        self.published[uri] = diagnostics
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics)
        )

    def schedule(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a synchronous transport): check at once
            self.refresh(uri)
            return
        self.pending[uri] = loop.call_later(DEBOUNCE, self.refresh, uri)

    def forget(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.analyses.pop(uri, None)
        self.published.pop(uri, None)
        self.fixes = {key: value for key, value in self.fixes.items() if key[0] != uri}
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def current(self, uri: str) -> tuple[Snapshot, Analysis | None, Text] | None:
        """The document as it is now: the last check if the text has not changed since, else a
        fresh load (no rules) for the ids and positions. None if the editor has not opened it."""
        document = self.document(uri)
        if document is None:
            return None
        text = Text(document.source, document.position_codec)
        analysis = self.analyses.get(uri)
        if analysis is not None and analysis.snapshot.source == text.source:
            return analysis.snapshot, analysis, text
        settings = analysis.settings if analysis else None
        return snapshot(text.source, settings), None, text

    def log(self, message: str) -> None:
        logger.error(message)
        with contextlib.suppress(Exception):  # the client went away: nothing to tell
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


def guarded(handler):
    """Bad input, or a bug, answers nothing rather than ending the server."""

    @functools.wraps(handler)
    def run(server: SipServer, params):
        try:
            return handler(server, params)
        except Exception:
            server.log(f"{handler.__name__} failed:\n{traceback.format_exc()}")
            return None

    return run


def build(options: Options) -> SipServer:
    server = SipServer(options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(server: SipServer, params: types.DidOpenTextDocumentParams) -> None:
        server.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(server: SipServer, params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded
    def did_save(server: SipServer, params: types.DidSaveTextDocumentParams) -> None:
        server.refresh(params.text_document.uri)  # the configuration may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(server: SipServer, params: types.DidCloseTextDocumentParams) -> None:
        server.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    def on_hover(server: SipServer, params: types.HoverParams) -> types.Hover | None:
        if (now := server.current(params.text_document.uri)) is None:
            return None
        shot, analysis, text = now
        return hover(shot, analysis, text, params.position)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded
    def on_definition(server: SipServer, params: types.DefinitionParams) -> types.Location | None:
        if (now := server.current(params.text_document.uri)) is None:
            return None
        shot, _, text = now
        return definition(shot, text, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))
    @guarded
    def on_completion(server: SipServer, params: types.CompletionParams) -> types.CompletionList | None:
        if (now := server.current(params.text_document.uri)) is None:
            return None
        shot, _, text = now
        return complete(shot, text, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    @guarded
    def on_code_action(server: SipServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if (now := server.current(uri)) is None:
            return None
        _, analysis, text = now
        if analysis is None or not any(d.code in FIXABLE_CODES for d in analysis.diagnostics):
            return None
        key = (uri, text.source)
        if key not in server.fixes:  # ruamel's round trip is slow: once per text
            server.fixes = {k: v for k, v in server.fixes.items() if k[0] != uri}
            server.fixes[key] = outcome(text.source, analysis.settings.max_file_size)
        wanted = params.context.only
        actions = code_actions(
            uri,
            text.source,
            server.fixes[key],  # type: ignore[arg-type]
            server.published.get(uri, []),
        )
        first, last = params.range.start.line, params.range.end.line
        return [
            a
            for a in actions
            if (not wanted or any(a.kind and a.kind.startswith(w) for w in wanted))
            and (a.kind == types.CodeActionKind.SourceFixAll or _touches(a, first, last))
        ]

    return server


def _touches(action: types.CodeAction, first: int, last: int) -> bool:
    edits = (action.edit.changes or {}).values() if action.edit else []
    return any(
        first <= edit.range.start.line <= last
        or edit.range.start.line <= first < max(edit.range.end.line, edit.range.start.line + 1)
        for group in edits
        for edit in group
    )


def serve(options: Options) -> int:
    """Serve on standard input and output; the exit status the protocol asks for."""
    from pygls.protocol import JsonRPCProtocol

    from sip.lsp.transport import Connection

    # A refused message is answered, and said once on standard error (sip/lsp/transport.py):
    # pygls's own traceback for the same message would only bury that line.
    logging.getLogger(JsonRPCProtocol.__module__).addFilter(
        lambda record: not str(record.msg).startswith("Unable to deserialize message")
    )
    server = build(options)
    connection = Connection(server.protocol, sys.stdin.buffer, sys.stdout.buffer)
    return asyncio.run(connection.run())
