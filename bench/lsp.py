"""How soon `sip lsp` publishes diagnostics after an edit to a large plan, once warm.

    python -m pip install -e '.[lsp]'
    python bench/lsp.py [--lines 1500] [--edits 20] [--warm 5]

One plan of about --lines lines is generated (bench/generate.py), opened in the server over
stdio (pygls's client, as an editor), and edited --edits times, one edit after the diagnostics
of the one before arrived: each edit turns a reference into a dangling one or back (so every
edit changes what is published, and the figure is checked, not just timed: SIP202 appears,
then the list is the one published on opening again). The time of an
edit is from sending didChange to receiving that version's publishDiagnostics, so it includes
the server's debounce (sip/lsp/server.py's DEBOUNCE), the check and both ends' JSON. The first
--warm edits are not counted (imports and caches).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import generate  # bench/ is on the path when a script runs
from lsprotocol import types
from pygls.lsp.client import LanguageClient

AS_OF = "2026-08-10"  # the date the generated plans are clean on


async def measure(plan: Path, edits: int, warm: int) -> list[float]:
    client = LanguageClient("sip-bench", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version] = time.perf_counter()
        codes[params.version] = [d.code for d in params.diagnostics]
        event.set()

    codes: dict[int, list] = {}
    await client.start_io(sys.executable, "-m", "sip", "lsp", "--as-of", AS_OF)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = plan.resolve().as_uri()
    text = plan.read_text("utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await wait(arrived, event, 1)
    baseline = sorted(codes[1])  # what the plan has before the edits (nothing, when clean)
    match = re.search(r"addresses: \[(F-1)\b", text)
    assert match, "no response addresses F-1"
    start = text.count("\n", 0, match.start(1))
    column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1)
    current = "F-1"
    times = []
    for version in range(2, 2 + warm + edits):
        new = "F-999" if current == "F-1" else "F-1"
        change = types.TextDocumentContentChangePartial(
            range=types.Range(
                start=types.Position(line=start, character=column),
                end=types.Position(line=start, character=column + len(current)),
            ),
            text=new,
        )
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        await wait(arrived, event, version)
        got = sorted(codes[version])
        if (new == "F-999" and "SIP202" not in got) or (new == "F-1" and got != baseline):
            sys.exit(f"edit {version} ({current} -> {new}): got {got}, before the edits {baseline}")
        if version >= 2 + warm:
            times.append(arrived[version] - sent)
        current = new
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


async def wait(arrived: dict[int, float], event: asyncio.Event, version: int) -> None:
    async def until() -> None:
        while version not in arrived:
            event.clear()
            await event.wait()

    await asyncio.wait_for(until(), 60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1500)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--warm", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(1, Path(folder), 7, args.lines)
        (plan,) = Path(folder).glob("*.yaml")
        lines = plan.read_text("utf-8").count("\n")
        times = asyncio.run(measure(plan, args.edits, args.warm))
    ms = sorted(t * 1000 for t in times)
    print(f"sip lsp, a {lines:,}-line plan, {len(ms)} edits after {args.warm} warm-up edits:")
    print(
        f"  diagnostics after a change: median {statistics.median(ms):.0f} ms, "
        f"fastest {ms[0]:.0f} ms, slowest {ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
