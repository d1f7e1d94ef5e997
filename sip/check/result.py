"""What checking produces: one file's result, and a whole run's.

A long run keeps every file's diagnostics until it writes them (they are sorted with what the
rules over the run find), so a result can be packed: its diagnostics and the ids of the items
they name compressed into one string of bytes in the worker, read back file by file as they are
written. 20,000 plans with twenty warnings each took 710 MB kept as objects (bench/memory.py)."""

from __future__ import annotations

import bisect
import pickle
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, overload

from sip.check.waivers import ActiveWaiver
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.rules.context import PlanFacts

if TYPE_CHECKING:
    from sip.model import Plan  # a result read from the cache imports no pydantic


class Spill:
    """Where a long run keeps what it packed of each file (sip.check.result's docstring): a
    temporary file, so what stays in memory of a file is a few hundred bytes, whatever the
    number of its diagnostics. A write that fails (a full disk) keeps the bytes in memory."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0

    def store(self, result: FileResult) -> FileResult:
        if isinstance(result.packed, bytes):
            result.packed = self._put(result.packed)
        if result.facts is not None:
            result.facts.spill(self._put)
        return result

    def _put(self, data: bytes) -> bytes | Spilled:
        try:
            if self._file is None:
                # open as long as the run; removed by the system when closed, or when sip ends
                self._file = tempfile.TemporaryFile(prefix="sip-run-")  # noqa: SIM115
            self._file.seek(self._end)
            self._file.write(data)
        except OSError:
            return data
        at, self._end = self._end, self._end + len(data)
        return Spilled(self, at, len(data))

    def read(self, at: int, size: int) -> bytes:
        assert self._file is not None
        self._file.flush()
        self._file.seek(at)
        return self._file.read(size)


class Spilled:
    """Bytes a Spill holds: `read()` them back."""

    __slots__ = ("_spill", "_at", "_size")

    def __init__(self, spill: Spill, at: int, size: int) -> None:
        self._spill, self._at, self._size = spill, at, size

    def read(self) -> bytes:
        return self._spill.read(self._at, self._size)


@dataclass(slots=True)
class FileResult:
    file: str
    found: list[Diagnostic] = field(default_factory=list)  # read through `diagnostics`
    rules_ran: bool = False  # False when the file has SIP0xx/SIP1xx errors
    plan_id: str | None = None
    plan_id_position: tuple[int, int] = (1, 1)
    plan: Plan | None = None  # only when asked for (render, status): models are costly to pickle
    # The plan's waivers of run-level rules (SIP203) in force: the run applies them.
    waivers: list[ActiveWaiver] = field(default_factory=list)
    # 'findings[3]' -> 'F-4', for diagnostics' paths; read through `item_ids`
    ids: dict[str, str] = field(default_factory=dict)
    summary: object = None  # what validate(summarise=...) made of the plan in the worker
    facts: PlanFacts | None = None  # what rules over the whole run read (SIP205), once validated
    packed: bytes | Spilled | None = None  # `found` and `ids`, compressed (pack()), maybe spilled
    counts: tuple[int, int, int] = (0, 0, 0)  # errors, warnings, waived: known while packed

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self._unpacked()[0] if self.packed is not None else self.found

    @diagnostics.setter
    def diagnostics(self, value: list[Diagnostic]) -> None:
        ids = self.item_ids
        self.packed, self.found, self.ids = None, value, ids

    @property
    def item_ids(self) -> dict[str, str]:
        return self._unpacked()[1] if self.packed is not None else self.ids

    @item_ids.setter
    def item_ids(self, value: dict[str, str]) -> None:
        found = self.diagnostics
        self.packed, self.found, self.ids = None, found, value

    def pack(self) -> FileResult:
        """This result with its diagnostics and item ids compressed (in place; returned)."""
        if self.packed is None:
            found = self.found
            self.counts = _counts(found)
            self.packed = zlib.compress(pickle.dumps((found, self.ids), pickle.HIGHEST_PROTOCOL), 1)
            self.found, self.ids = [], {}
        if self.facts is not None:
            self.facts.pack()
        return self

    def name_items(self, named: dict[str, str]) -> None:
        """Add ids of items named by diagnostics found over the run (a few files)."""
        ids = self.item_ids
        added = {path: item for path, item in named.items() if path not in ids}
        if added:
            was_packed, found = self.packed is not None, self.diagnostics
            self.packed, self.found, self.ids = None, found, {**ids, **added}
            if was_packed:
                self.pack()

    def _unpacked(self) -> tuple[list[Diagnostic], dict[str, str]]:
        assert self.packed is not None
        packed = self.packed if isinstance(self.packed, bytes) else self.packed.read()
        found, ids = pickle.loads(zlib.decompress(packed))
        return found, ids


def _counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int, int]:
    severities = [d.severity for d in diagnostics]
    return severities.count(ERROR), severities.count(WARNING), severities.count(WAIVED)


class RunDiagnostics(Sequence[Diagnostic]):
    """A run's diagnostics in order, each file's own (packed or not) merged with what the rules
    over the run found in it; a packed file is unpacked only while it is read."""

    def __init__(self, results: list[FileResult], cross: dict[str, list[Diagnostic]]) -> None:
        self._parts = [(r, sorted(cross.get(r.file, []), key=Diagnostic.sort_key)) for r in results]
        self._starts: list[int] = []
        total = 0
        counts = [0, 0, 0]
        for result, found in self._parts:
            self._starts.append(total)
            own = result.counts if result.packed is not None else _counts(result.found)
            extra = _counts(found)
            for i in range(3):
                counts[i] += own[i] + extra[i]
            total += sum(own) + len(found)
        self._len = total
        self.counts = tuple(counts)
        self._last: tuple[int, list[Diagnostic]] | None = None

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Diagnostic]:
        for index in range(len(self._parts)):
            yield from self._part(index)

    @overload
    def __getitem__(self, index: int) -> Diagnostic: ...
    @overload
    def __getitem__(self, index: slice) -> list[Diagnostic]: ...
    def __getitem__(self, index: int | slice) -> Diagnostic | list[Diagnostic]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        part = bisect.bisect_right(self._starts, index) - 1
        while part + 1 < len(self._starts) and self._starts[part + 1] == self._starts[part]:
            part += 1  # empty parts share a start: the one that holds the index is the last
        return self._part(part)[index - self._starts[part]]

    def _part(self, index: int) -> list[Diagnostic]:
        if self._last is not None and self._last[0] == index:
            return self._last[1]
        result, found = self._parts[index]
        own = result.diagnostics
        merged = sorted(own + found, key=Diagnostic.sort_key) if found else own
        self._last = (index, merged)
        return merged


@dataclass
class Run:
    files: list[str]
    results: list[FileResult]
    diagnostics: Sequence[Diagnostic] = field(default_factory=list)

    def count(self, severity: str) -> int:
        if isinstance(self.diagnostics, RunDiagnostics):
            return self.diagnostics.counts[(ERROR, WARNING, WAIVED).index(severity)]
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)

    @property
    def waived(self) -> int:
        return self.count(WAIVED)

    @property
    def not_rule_checked(self) -> int:
        return sum(1 for r in self.results if not r.rules_ran)
