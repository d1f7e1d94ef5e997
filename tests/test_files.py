"""What sip writes: only regular files, by its own atomic rename (or in place when a rename
would lose hard links or the owner), following symlinks, keeping line endings and modes."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from tests.conftest import AS_OF, DATA, EXAMPLES

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("country: VN", "country: vn")
FIXED = MINIMAL

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="changing a file's owner (chown) and mknod need root",
)


def test_fix_follows_a_symlinked_plan_and_writes_its_target(sip, write, tmp_path):
    target = write("real/plan.yaml", BROKEN)
    link = tmp_path / "plan.yaml"
    link.symlink_to(target)
    out = sip("fix", link)
    assert out.exit_code == 0, out.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text("utf-8") == FIXED


def test_fix_keeps_hard_links(sip, write, tmp_path):
    plan = write("plan.yaml", BROKEN)
    other = tmp_path / "other-name.yaml"
    os.link(plan, other)
    out = sip("fix", plan)
    assert out.exit_code == 0, out.stderr
    assert os.stat(plan).st_ino == os.stat(other).st_ino and os.stat(plan).st_nlink == 2
    assert other.read_text("utf-8") == FIXED


def test_fix_keeps_windows_line_endings(sip, write):
    plan = write("plan.yaml", BROKEN.replace("\n", "\r\n").encode("utf-8"))
    out = sip("fix", plan)
    assert out.exit_code == 0, out.stderr
    assert plan.read_bytes() == FIXED.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("flow", ["addresses: [F-1]", "findings: [F-1]", "addresses: [RC-1, R-1]"])
def test_fix_keeps_windows_line_endings_after_a_blank_line_that_follows_a_flow_list(sip, write, flow):
    # ruamel drops such a blank line when it reads CR LF: the guard refused every such file
    spaced = MINIMAL.replace(f"{flow}\n", f"{flow}\n\n", 1)
    plan = write(
        "plan.yaml", spaced.replace("country: VN", "country: vn").replace("\n", "\r\n").encode("utf-8")
    )
    out = sip("fix", plan)
    assert out.exit_code == 0, out.stderr
    assert plan.read_bytes() == spaced.replace("\n", "\r\n").encode("utf-8")


def test_fix_refuses_mixed_line_endings_and_says_why(sip, write):
    text = BROKEN.replace("\n", "\r\n", 3)
    plan = write("plan.yaml", text.encode("utf-8"))
    out = sip("fix", plan)
    assert out.exit_code == 1
    assert "mixes Windows and Unix line endings" in out.stderr
    assert plan.read_bytes() == text.encode("utf-8")


def test_fix_refuses_a_read_only_plan_unless_forced(sip, write):
    plan = write("plan.yaml", BROKEN)
    os.chmod(plan, 0o444)
    out = sip("fix", plan)
    assert out.exit_code == 1
    assert f"{plan}: not fixed: the file is read-only; use --force" in out.stderr
    assert plan.read_text("utf-8") == BROKEN
    out = sip("fix", "--force", plan)
    assert out.exit_code == 0, out.stderr
    assert plan.read_text("utf-8") == FIXED
    assert stat.S_IMODE(os.stat(plan).st_mode) == 0o444


@needs_root
def test_fix_keeps_a_foreign_owner_and_permissions(sip, write):
    plan = write("plan.yaml", BROKEN)
    os.chown(plan, 4321, 4321)
    os.chmod(plan, 0o640)
    out = sip("fix", plan)
    assert out.exit_code == 0, out.stderr
    info = os.stat(plan)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4321, 0o640)
    assert plan.read_text("utf-8") == FIXED


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (BROKEN.replace("title: ", "title: Tab\tinside ", 1), "cannot read this file"),
        (BROKEN.replace("status: active\n", "status: active\nstatus: active\n", 1), None),
    ],
)
def test_fix_on_what_ruamel_cannot_round_trip_is_refused_not_a_crash(sip, write, text, why):
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert out.exit_code in (1, 2) and "internal error" not in out.stderr
    assert why is None or why in out.stderr
    assert plan.read_text("utf-8") == text


# -- output targets --------------------------------------------------------------------------------


def _plan(write):
    return write("plans/plan.yaml", (EXAMPLES / "spec-example.yaml").read_text("utf-8"))


@pytest.mark.parametrize("target", ["/dev/null", "/proc/version", "/dev/stdout"])
def test_validate_output_into_a_system_file_is_refused_before_the_run(sip, write, target):
    before = os.stat(target, follow_symlinks=False) if os.path.exists(target) else None
    out = sip("validate", "--as-of", AS_OF, "--output", f"json={target}", _plan(write))
    assert out.exit_code == 2 and out.stdout == ""
    assert "sip writes only regular files" in out.stderr
    if before is not None and target == "/dev/null":
        assert stat.S_ISCHR(os.stat(target).st_mode)


def test_output_to_a_fifo_a_folder_or_a_symlink_to_a_device_is_refused(sip, write, tmp_path):
    plan = _plan(write)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "zero.html"
    link.symlink_to("/dev/zero")
    for args in (
        ["validate", "--output", f"json={fifo}"],
        ["validate", "--output", f"json={tmp_path}"],
        ["render", "--force", "--out", str(link)],
        ["render", "--force", "--out", str(fifo)],
    ):
        out = sip(*args, "--as-of", AS_OF, plan)
        assert out.exit_code == 2, (args, out.stderr)
        assert (
            "not a regular file" in out.stderr
            or "sip writes only regular files" in out.stderr
            or "is a folder" in out.stderr
        )
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()


@needs_root
def test_a_device_node_is_never_replaced(sip, write, tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    out = sip("validate", "--as-of", AS_OF, "--output", f"json={device}", _plan(write))
    assert out.exit_code == 2
    assert stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.parametrize("where", ["file-as-folder", "unwritable"])
def test_unwritable_output_folders_are_exit_2(sip, write, tmp_path, where):
    plan = _plan(write)
    if where == "file-as-folder":
        target = write("a-file", "x") / "report.json"
    else:
        if os.geteuid() == 0:
            pytest.skip("root may write into any folder")
        folder = tmp_path / "locked"
        folder.mkdir(mode=0o500)
        target = folder / "report.json"
    out = sip("validate", "--as-of", AS_OF, "--output", f"json={target}", plan)
    assert out.exit_code == 2, out.stderr
    assert "internal error" not in out.stderr


def test_an_unreadable_template_is_exit_2(sip, write, tmp_path):
    plan = _plan(write)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.html.j2").write_bytes(b"\xff\xfe not UTF-8 {{ report.title }}")
    out = sip("render", "--as-of", AS_OF, "--templates", templates, plan)
    assert out.exit_code == 2, out.stderr
    assert "internal error" not in out.stderr


def test_reports_are_replaced_by_a_rename_in_their_own_folder(sip, write, tmp_path):
    plan = _plan(write)
    target = write("out/report.json", "old")
    before = os.stat(target).st_ino
    out = sip("validate", "--as-of", AS_OF, "--output", f"json={target}", plan)
    assert out.exit_code == 0, out.stderr
    assert os.stat(target).st_ino != before  # a new file, renamed over the old one
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]  # no temporary left


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip(reason="POSIX file semantics")
