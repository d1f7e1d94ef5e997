"""`sip render` of a site reads and checks each plan once, and each page still shows everything
the run found in its plan, also what only comparing the files finds (SIP203)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import sip.check.file
from tests.conftest import AS_OF, DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def _count_reads(monkeypatch) -> Counter[str]:
    """How often each plan file's bytes are read (a site this small is made in this process)."""
    reads: Counter[str] = Counter()
    read = sip.check.file.read_bytes

    def counted(name: str, limit: int | None = None) -> bytes:
        reads[Path(name).name] += 1
        return read(name, limit)

    monkeypatch.setattr(sip.check.file, "read_bytes", counted)
    return reads


def test_a_site_reads_each_plan_once(sip, write, tmp_path, monkeypatch):
    for number in (1, 2, 3):
        write(f"plans/p{number}.yaml", MINIMAL.replace("SIP-TEST-001", f"SIP-TEST-00{number}"))
    reads = _count_reads(monkeypatch)
    out = sip("render", "--as-of", AS_OF, "--out", tmp_path / "site", tmp_path / "plans")
    assert out.exit_code == 0, out.stderr
    assert reads == {"p1.yaml": 1, "p2.yaml": 1, "p3.yaml": 1}
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "SIP-TEST-001.html",
        "SIP-TEST-002.html",
        "SIP-TEST-003.html",
        "index.html",
    ]


def test_a_page_shows_what_comparing_the_files_found(sip, write, tmp_path):
    """SIP203 is known only once every plan is checked: the later plan's page lists it anyway."""
    write("plans/a.yaml", MINIMAL)
    write("plans/b.yaml", MINIMAL.replace("title: ", "title: Second copy of ", 1))
    site = tmp_path / "site"
    out = sip("render", "-f", "md", "--as-of", AS_OF, "--force", "--out", site, tmp_path / "plans")
    assert out.exit_code == 0, out.stderr
    first, second = (
        (site / "SIP-TEST-001.md").read_text("utf-8"),
        (site / "SIP-TEST-001-2.md").read_text("utf-8"),
    )
    assert "SIP203" not in first
    assert "SIP203 plan id SIP-TEST-001 is already used by" in second
    index = (site / "README.md").read_text("utf-8")
    assert "(SIP-TEST-001.md)" in index and "(SIP-TEST-001-2.md)" in index
