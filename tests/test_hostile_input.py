"""No input may crash sip, hang it, or end without a located diagnostic."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates
from tests.conftest import DATA, ROOT

# Copied from the team's shared corpus with its licence, so the test runs in any checkout.
CORPUS = DATA / "yaml-test-suite"


def test_every_yaml_test_suite_file_gets_a_located_diagnostic(tmp_path):
    files = sorted(CORPUS.glob("*.yaml"))
    assert len(files) > 300, f"the YAML test suite corpus is missing at {CORPUS}"
    # A real process, so that a crash in a C extension would show as a signal, not pass unseen.
    done = subprocess.run(
        [sys.executable, "-m", "sip", "validate", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    document = json.loads(done.stdout)
    assert document["files"] == len(files)
    by_file: dict[str, list[dict]] = {}
    for d in document["diagnostics"]:
        by_file.setdefault(d["file"], []).append(d)
        assert d["line"] >= 1 and d["column"] >= 1 and d["code"].startswith("SIP")
    unlocated = [f.name for f in files if not by_file.get(str(f))]
    assert unlocated == []  # none of them is a plan, so each must say why


yaml_scalars = st.one_of(
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "yes",
            "no",
            "1",
            "1.0",
            ".inf",
            "0x1F",
            "2026-02-30",
            "'quoted'",
            '"dq"',
            "&a x",
            "*a",
            "!!python/object x",
            "!tag v",
            "|",
            ">",
            "- ",
            "? ",
            ": ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "#",
            "---",
            "...",
            "%YAML 1.2",
            "sip",
            "id",
            "findings",
            "\t",
            "\ufeff",
            "é",
        ]
    ),
    st.text(max_size=12),
)
yaml_lines = st.lists(st.tuples(st.integers(0, 8), st.lists(yaml_scalars, max_size=5)), max_size=30)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines)
def test_yaml_shaped_input_never_crashes(lines):
    text = "\n".join(" " * indent + " ".join(parts) for indent, parts in lines)
    _assert_handled(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(raw):
    _assert_handled(raw)


def _assert_handled(raw: bytes) -> None:
    result = check_bytes(raw, "fuzz.yaml", Settings())
    assert result.diagnostics, "a file that is not a plan must get at least one diagnostic"
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert d.code.startswith("SIP") and d.message


def test_plan_shaped_mutations_never_crash():
    """Each line of a real plan, deleted or doubled: every result is located."""
    plan = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8").splitlines()
    for i in range(len(plan)):
        for variant in (
            plan[:i] + plan[i + 1 :],
            plan[:i] + [plan[i], plan[i]] + plan[i + 1 :],
            plan[:i] + [" " + plan[i]] + plan[i + 1 :],
        ):
            result = check_bytes("\n".join(variant).encode(), "plan.yaml", Settings())
            for d in result.diagnostics:
                assert d.line >= 1 and d.column >= 1


def _leaf_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaf_paths(value, (*path, index))
    yield path


SPEC_EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "spec-example.yaml").read_bytes()
_TEMPLATES = Templates()
_PATHS = [p for p in _leaf_paths(__import__("sip.read.loader").read.loader.load(SPEC_EXAMPLE).data) if p]
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-08-10",
            "F-1",
            "A-1",
            "RC-1",
            "R-1",
            "SP-1",
            "S-1",
            "SIP506",
            "SIP101",
            "critical",
            "remedy",
            "repatriation",
            "verified",
            "cancelled",
            "closed",
            "draft",
            "+60 12-345 6789",
            "A12345678",
            "",
            " ",
        ]
    ),
    st.lists(st.sampled_from(["F-1", "A-1", "RC-1", "X", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "kind", "x"]), st.text(max_size=5), max_size=2),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PATHS), _VALUES), min_size=1, max_size=4))
def test_any_value_anywhere_in_a_real_plan_is_handled(changes):
    """The spec's example with values swapped for anything: the schema check, the rules and
    the waivers must all answer with located diagnostics, never an exception."""
    import yaml

    from sip.read.loader import load

    data = load(SPEC_EXAMPLE).data
    for path, value in changes:
        node = data
        for step in path[:-1]:
            if not isinstance(node, (dict, list)):
                break
            node = (
                node[step]
                if isinstance(node, dict)
                and step in node
                or (isinstance(node, list) and isinstance(step, int) and step < len(node))
                else None
            )
        if isinstance(node, dict) or (
            isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node)
        ):
            node[path[-1]] = value
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = check_bytes(raw, "plan.yaml", Settings(), keep_plan=True)
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.code.startswith("SIP") and d.message
    event("rendered" if result.plan is not None else "not rendered")
    if result.plan is not None:  # a plan that reads renders, whatever its values
        for format, public in (("html", False), ("md", True)):
            report = plan_report(
                result.plan,
                result.diagnostics,
                as_of=dt.date(2026, 8, 10),
                public=public,
                source_file="plan.yaml",
                forced=True,
            )
            assert _TEMPLATES.render(f"report.{format}.j2", report=report)


_FREE_TEXT = {
    "title",
    "description",
    "action",
    "cause",
    "risk",
    "name",
    "role",
    "reference",
    "summary",
    "reason",
    "contingency",
    "measure",
    "evidence",
    "method",
    "by",
    "company",
}
_TEXT_PATHS = [p for p in _PATHS if isinstance(p[-1], str) and p[-1] in _FREE_TEXT]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TEXT_PATHS),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
                str.strip
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_free_text_renders_in_both_formats(changes):
    """Free text is data: markup, Markdown, control and right-to-left characters included."""
    import yaml

    from sip.read.loader import load

    data = load(SPEC_EXAMPLE).data
    for path, value in changes:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = check_bytes(raw, "plan.yaml", Settings(), keep_plan=True)
    event("rendered" if result.plan is not None else "not rendered")
    if result.plan is None:
        return
    for format, public in (("html", False), ("html", True), ("md", False), ("md", True)):
        report = plan_report(
            result.plan,
            result.diagnostics,
            as_of=dt.date(2026, 8, 10),
            public=public,
            source_file="plan.yaml",
            forced=True,
        )
        text = _TEMPLATES.render(f"report.{format}.j2", report=report)
        assert "<script" not in text.lower() or format == "md"


# -- issue 10: hostile inputs through the real command line, one table per point of the issue --

import os  # noqa: E402
import re  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

from tests.conftest import AS_OF, EXAMPLES  # noqa: E402
from tests.gitrepo import Repo  # noqa: E402

SPEC = (EXAMPLES / "spec-example.yaml").read_text("utf-8")


def _spec_with(**changes) -> str:
    plan = yaml.safe_load(SPEC)
    for dotted, value in changes.items():
        node = plan
        *parents, last = dotted.split("__")
        for step in parents:
            node = node[int(step)] if step.isdigit() else node[step]
        node[int(last) if last.isdigit() else last] = value
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


def test_point_1_a_first_time_users_public_report_leaks_nothing_and_promises_only_what_is_done(sip, write):
    text = _spec_with(
        findings__0__description="Worker with passport 09876543 and NI number "
        "QQ123456C, phone +60\u00a012\u2011345\u00a06789, mail rahimk at gmail dot com"
    )
    public = sip(
        "render", "-f", "md", "--as-of", AS_OF, "--audience", "public", write("plan.yaml", text)
    ).stdout
    for secret in ("09876543", "QQ123456C", "345\u00a06789", "rahimk"):
        assert secret not in public
    assert (
        "Left out: evidence and where it is kept, source references, the owner's and "
        "reviewers' names and the owner's e-mail"
        in public
        and "waivers and validation" in public
    )
    assert "names and contact details of people" not in public  # no promise it cannot keep


@pytest.mark.parametrize("target", ["/dev/null", "/proc/version"])
def test_point_2_sip_never_writes_over_a_special_or_system_file(sip, write, target):
    out = sip("validate", "--as-of", AS_OF, "--output", f"json={target}", write("p.yaml", SPEC))
    assert out.exit_code == 2 and "sip writes only regular files" in out.stderr


def _zero_link(folder):
    link = folder / "zero.yaml"
    link.symlink_to("/dev/zero")
    return link


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_zero_link, "is a character device, not a regular file"),
        (
            lambda folder: (os.mkfifo(folder / "pipe.yaml"), folder / "pipe.yaml")[1],
            "is a named pipe (FIFO), not a regular file",
        ),
        (
            lambda folder: (
                (folder / "big.yaml").write_bytes(b"#" * (5 * 1024 * 1024 + 1)) and folder / "big.yaml"
            ),
            "is 5,242,881 bytes, over the limit of 5,242,880",
        ),
        (
            lambda folder: (
                (folder / "loop1.yaml").symlink_to("loop2.yaml"),
                (folder / "loop2.yaml").symlink_to("loop1.yaml"),
                folder / "loop1.yaml",
            )[2],
            "a loop of symbolic links",
        ),
    ],
)
def test_point_3_special_and_oversized_files_in_a_folder_are_located_problems_never_read(
    sip, tmp_path, make, message
):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.yaml").write_text(SPEC, "utf-8")
    name = make(folder)
    for command in ("validate", "status"):
        out = sip(command, "--as-of", AS_OF, folder)
        assert out.exit_code == (1 if command == "validate" else 0), out.stderr
    out = sip("validate", "--as-of", AS_OF, folder)
    assert f"{name}:1:1: SIP004 " in out.stdout and message in out.stdout


def test_point_3_standard_input_is_read_only_up_to_the_limit(sip):
    out = sip("validate", "-", input=b"#" * (5 * 1024 * 1024 + 10))
    assert out.exit_code == 1
    assert "-:1:1: SIP004 the file is larger, over the limit of 5,242,880" in out.stdout


def test_point_3_a_committed_blob_over_the_limit_is_never_read(sip, tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write("plans/a.yaml", SPEC)
    repo.commit("one")
    repo.write("plans/a.yaml", SPEC + "#" * (5 * 1024 * 1024))
    repo.commit("two")
    monkeypatch.chdir(repo.root)
    out = sip("diff", "HEAD~1", "HEAD")
    assert out.exit_code == 0, out.stderr
    assert "SIP004" in out.stdout and "over the limit" in out.stdout


def test_point_3_a_plan_replaced_by_a_link_to_dev_zero_is_never_read_by_diff_or_changed_since(
    sip, tmp_path, monkeypatch
):
    repo = Repo(tmp_path / "repo")
    repo.write("a.yaml", SPEC)
    repo.commit("one")
    (repo.root / "a.yaml").unlink()
    (repo.root / "a.yaml").symlink_to("/dev/zero")
    monkeypatch.chdir(repo.root)
    out = sip("diff")
    assert out.exit_code == 0 and "is a symbolic link out of its git work tree" in out.stdout
    repo.commit("zero")
    out = sip("validate", "--changed-since", "HEAD~1", ".")
    assert out.exit_code == 1 and "a.yaml:1:1: SIP004 the file cannot be read" in out.stdout


def test_point_3_a_50_kb_line_is_excerpted_a_screenful_wide(sip, write):
    line = "title: " + "x" * 50_000 + " [\n"
    out = sip("validate", "--color", write("p.yaml", "sip: 1\nid: X\n" + line))
    assert out.exit_code == 1
    assert max(len(re.sub(r"\x1b\[[0-9;]*m", "", row)) for row in out.stdout.splitlines()) < 300


def test_point_3_diagnostics_are_capped_per_file_with_the_rest_counted(sip, write):
    findings = ", ".join(["{}"] * 3000)
    text = SPEC.split("findings:")[0] + f"findings: [{findings}]\n"
    out = sip("validate", "--format", "json", "--as-of", AS_OF, write("p.yaml", text))
    document = json.loads(out.stdout)
    assert len(document["diagnostics"]) == 201
    assert [d["code"] for d in document["diagnostics"] if "(sip stops at 200 a file)" in d["message"]] == [
        "SIP004"
    ]


CRASHES = [  # (plan text, command line, exit status, what the user is told)
    (
        SPEC.replace("workers: 2400", "workers: " + "9" * 5000),
        ["validate"],
        1,
        "SIP004 a number of 5,000 digits",
    ),
    (
        re.sub(r"committed: [0-9.]+", "committed: 1.7e308", SPEC),
        ["status", "--format", "json"],
        0,
        '"format_valid": false',
    ),
    (re.sub(r"committed: [0-9.]+", "committed: 1.7e308", SPEC), ["render", "--force"], 1, "not rendered"),
    (
        re.sub(r"identified: [0-9-]+", "identified: 9999-12-20", SPEC, count=1),
        ["validate"],
        1,
        "identified must be between 1900-01-01 and 2999-12-31",
    ),
    (SPEC, ["validate", "--as-of", "9999-12-31"], 2, "not a date between 1900-01-01 and 2999-12-31"),
    (
        re.sub(r"(site:\n  name: )[^\n]*", r"\1F [/] 3 [link=h]x[/link]", SPEC),
        ["status"],
        0,
        "F [/] 3 [link=h]x[/link]",
    ),
    (
        SPEC.replace("title: ", "title: Tab\there ", 1).replace("country: MY", "country: my"),
        ["fix"],
        1,
        "cannot read this file",
    ),
]


@pytest.mark.parametrize(
    ("text", "args", "status", "told"),
    CRASHES,
    ids=[
        "5000-digits",
        "1.7e308-json",
        "1.7e308-render",
        "year-9999",
        "as-of-9999",
        "rich-markup",
        "fix-tab",
    ],
)
def test_point_4_edges_are_located_diagnostics_or_exit_2_never_a_crash(sip, write, text, args, status, told):
    plan = write("p.yaml", text)
    as_of = [] if "--as-of" in args or args[0] == "fix" else ["--as-of", AS_OF]
    out = sip(*args, *as_of, plan)
    assert out.exit_code == status, out.stderr
    assert "internal error" not in out.stderr and "Infinity" not in out.stdout
    assert told in out.stdout + out.stderr


def test_point_4_a_billion_day_deadline_is_exit_2(sip, write):
    write("sip.toml", "[deadlines]\ncritical = 1000000000\n")
    out = sip("validate", "--as-of", AS_OF, write("p.yaml", SPEC))
    assert out.exit_code == 2 and "at most 36,500 (100 years)" in out.stderr


def test_point_4_sip_diff_on_a_list_status_and_a_file_name_with_a_line_break(sip, tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write("a.yaml", SPEC)
    repo.write("new\nline.yaml", SPEC)
    repo.commit("one")
    repo.edit("a.yaml", "    status: in-progress", "    status: [in-progress]")
    repo.edit("new\nline.yaml", "title: ", "title: Changed ")
    monkeypatch.chdir(repo.root)
    for format in ("text", "json", "md"):
        out = sip("diff", "--format", format)
        assert out.exit_code == 0, out.stderr
    assert "new\\nline.yaml" in sip("diff").stdout


def test_point_4_a_committed_non_utf8_file_name_gives_valid_json_in_sip_diff(sip, tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    name = b"pl\xffan.yaml".decode("utf-8", "surrogateescape")
    with open(repo.root / name, "w", encoding="utf-8") as handle:
        handle.write(SPEC)
    repo.commit("one")
    with open(repo.root / name, "a", encoding="utf-8") as handle:
        handle.write("# changed\n")
    (repo.root / name).write_text(SPEC.replace("title: ", "title: New ", 1), "utf-8")
    monkeypatch.chdir(repo.root)
    out = sip("diff", "--format", "json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["plans"][0]["new_path"] == "pl\ufffdan.yaml"


def test_point_4_non_utf8_file_names_give_valid_utf8_in_every_format(sip, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = b"pl\xffan.yaml".decode("utf-8", "surrogateescape")
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(SPEC.replace("country: MY", "country: my"))
    for format in ("json", "sarif", "gitlab", "junit"):
        out = sip("validate", "--format", format, "--as-of", AS_OF, ".")
        assert out.exit_code == 1, (format, out.stderr)
        out.stdout.encode("utf-8")  # no lone surrogate: valid UTF-8 when written
        assert "pl\ufffdan.yaml" in out.stdout or "pl%EF%BF%BDan.yaml" in out.stdout
    for format in ("json", "csv"):
        out = sip("status", "--format", format, "--as-of", AS_OF, ".")
        assert out.exit_code == 0 and "pl\ufffdan.yaml" in out.stdout
    out = sip("render", "--force", "--as-of", AS_OF, "--out", tmp_path / "site", ".")
    assert out.exit_code == 1 and "internal error" not in out.stderr  # listed as unreadable
    assert "pl\ufffdan.yaml" in (tmp_path / "site" / "index.html").read_text("utf-8")


INJECTIONS = [  # (field, hostile value, command line, what must not appear, what does)
    (
        "findings__0__severity",
        "x\n::error file=a,line=1::forged\n::add-mask::secret",
        ["validate", "--format", "github"],
        "\n::error file=a",
        "%0A::error file=a",
    ),
    (
        "findings__0__severity",
        "x\n::error::forged\x1b]0;pwned\x07",
        ["validate"],
        "\n::error::forged",
        "\\x1b",
    ),
    (
        "site__name",
        '=HYPERLINK("http://evil.test")',
        ["status", "--format", "csv"],
        ',"=HYPERLINK',
        "'=HYPERLINK",
    ),
    ("site__name", "@SUM(1+1)", ["status", "--format", "csv"], ",@SUM", "'@SUM"),
    ("site__name", "+1+cmd|' /C calc'!A0", ["status", "--format", "csv"], ",+1+cmd", "'+1+cmd"),
]


@pytest.mark.parametrize(
    ("field", "value", "args", "absent", "present"),
    INJECTIONS,
    ids=["github-commands", "text-lines-and-escapes", "csv-hyperlink", "csv-at", "csv-plus"],
)
def test_point_5_plan_text_is_data_in_every_output(sip, write, field, value, args, absent, present):
    plan = write("p.yaml", _spec_with(**{field: value}))  # a severity's error quotes its value
    out = sip(*args, "--as-of", AS_OF, plan)
    assert "internal error" not in out.stderr
    assert absent not in out.stdout
    assert present is None or present in out.stdout


def test_point_5_the_step_summary_escapes_html(sip, write, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = _spec_with(findings__0__severity="<img src=x onerror=alert(1)>")
    sip("validate", "--format", "github", "--as-of", AS_OF, write("p.yaml", text))
    written = summary.read_text("utf-8")
    assert "<img" not in written and "&lt;img" in written


def test_point_5_a_reviewers_line_breaks_cannot_forge_lines_in_sip_diff(sip, tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write("a.yaml", SPEC)
    repo.commit("one")
    plan = yaml.safe_load(SPEC)
    plan.setdefault("reviews", []).append(
        {"date": "2026-08-09", "by": "Auditor\n  ! forged refusal\n## Approved", "summary": "ok"}
    )
    repo.write("a.yaml", yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    monkeypatch.chdir(repo.root)
    text = sip("diff", "--as-of", AS_OF).stdout
    assert "\n  ! forged" not in text and "Auditor\\n  ! forged refusal\\n## Approved" in text
    markdown = sip("diff", "--as-of", AS_OF, "--format", "md").stdout
    assert "\n## Approved" not in markdown and "\n  ! forged" not in markdown


def test_point_6_a_cut_pipe_never_exits_0(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for n in range(300):
        (folder / f"p{n}.yaml").write_text("sip: 1\nid: [\n", "utf-8")
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{sys.executable} -m sip validate {folder} | head -n 1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["validate examples/spec-example.yaml", "rules", "render examples/"])
def test_a_closed_standard_output_is_a_usage_error_not_a_bug(command):
    """`sip ... >&-`: Python starts with sys.stdout None, and sip said "internal error
    (AttributeError); this is a bug in sip" with exit 3."""
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m sip {command} >&-"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2
    assert done.stderr == (
        "sip: standard output is closed, so nothing can be written: send it to a file or /dev/null\n"
    )


def test_point_6_symlinked_folders_are_followed_and_loops_end(sip, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.yaml").write_text(SPEC.replace("country: MY", "country: my"), "utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "linked").symlink_to(real)
    (real / "back").symlink_to(plans)  # a loop of folders
    out = sip("validate", "--as-of", AS_OF, plans)
    assert out.exit_code == 1 and "a.yaml:" in out.stdout and "1 file checked" in out.stdout


def test_a_link_out_of_the_work_tree_is_never_read_whoever_finds_it(sip, tmp_path, monkeypatch):
    """A pull request could add `plans/x.yaml -> /etc/passwd` (its first line would be printed
    as the excerpt of a SIP004) or `plans/all -> /` (the walk would read the runner's disk)."""
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", "utf-8")
    outside = tmp_path / "elsewhere"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "other.yaml").write_text("token: s3cr3t\n", "utf-8")
    repo = Repo(tmp_path / "repo")
    repo.write("plans/good.yaml", SPEC)
    repo.write("plans/inside/real.yaml", SPEC.replace("SIP-2026-007", "SIP-2026-008"))
    repo.commit("plans")
    (repo.root / "plans" / "x.yaml").symlink_to(secret)
    (repo.root / "plans" / "all").symlink_to(outside)
    (repo.root / "plans" / "linked.yaml").symlink_to("inside/real.yaml")  # inside: followed
    monkeypatch.chdir(repo.root)
    why = "is a symbolic link out of its git work tree"
    out = sip("validate", "--as-of", AS_OF, "plans")
    assert out.exit_code == 1
    assert f"plans/x.yaml:1:1: SIP004 the file cannot be read: {why}" in out.stdout
    assert (
        f"plans/all:1:1: SIP004 this folder cannot be read, so the plans in it were not checked: {why}"
        in out.stdout
    )
    assert "hunter2" not in out.stdout and "other.yaml" not in out.stdout and "s3cr3t" not in out.stdout
    assert "4 files checked" in out.stdout  # good.yaml, inside/real.yaml (once), x.yaml, all
    named = sip("validate", "plans/x.yaml")
    assert named.exit_code == 1 and why in named.stdout and "hunter2" not in named.stdout
    for command in (
        ["status", "plans"],
        ["fix", "plans/x.yaml"],
        ["render", "plans", "--out", "site", "--force"],
    ):
        done = sip(*command)
        assert done.exit_code in (0, 1, 2) and "Traceback" not in done.stderr, command
        assert "hunter2" not in done.stdout + done.stderr, command
    assert "hunter2" not in "".join(p.read_text("utf-8") for p in (repo.root / "site").rglob("*.*"))


def test_point_6_an_unreadable_folder_is_said_and_fails(sip, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    plans = tmp_path / "plans"
    (plans / "locked").mkdir(parents=True)
    (plans / "ok.yaml").write_text(SPEC, "utf-8")
    os.chmod(plans / "locked", 0)
    try:
        out = sip("validate", "--as-of", AS_OF, plans)
    finally:
        os.chmod(plans / "locked", stat.S_IRWXU)
    assert out.exit_code == 1
    assert "locked:1:1: SIP004 this folder cannot be read" in out.stdout


def test_point_6_a_configuration_another_user_left_in_a_parent_folder_is_refused(sip, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("making a file owned by another user (chown) needs root")
    shared = tmp_path / "shared"
    (shared / "me").mkdir(parents=True)
    config = shared / "sip.toml"
    config.write_text('ignore = ["SIP3", "SIP4", "SIP5", "SIP6"]\n', "utf-8")
    os.chown(config, 4242, 4242)
    plan = shared / "me" / "plan.yaml"
    plan.write_text(SPEC, "utf-8")
    out = sip("validate", "--as-of", AS_OF, plan)
    assert out.exit_code == 2
    assert f"{config}: this configuration belongs to another user (uid 4242)" in out.stderr
    assert sip("validate", "--as-of", AS_OF, "--config", config, plan).exit_code == 0
