"""`sip new`: a draft that validates clean however it was started, asked on a terminal."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import select
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

OPTIONS = {
    "--id": "SUP-2027.04",
    "--title": 'Fees: recruitment and "deposits" # at Factory 7',
    "--site": "Factory 7, Klang",
    "--country": "malaysia",
    "--languages": "Nepali, my",
    "--company": "yes",  # YAML 1.1 would read it as true
    "--owner-role": "Head of Responsible Sourcing",
    "--opened": "2027-01-31",
}


def test_every_combination_of_options_validates_clean(sip, tmp_path):
    plans = tmp_path / "plans"
    for count in range(len(OPTIONS) + 1):
        for n, chosen in enumerate(itertools.combinations(OPTIONS, count)):
            path = plans / f"plan-{count}-{n}.yaml"
            args = [a for option in chosen for a in (option, OPTIONS[option])]
            out = sip("new", path, "--yes", *args)
            assert out.exit_code == 0, out.stderr
            text = path.read_text(encoding="utf-8")
            if count == len(OPTIONS):
                assert "\nid: SUP-2027.04 " in text and "\nopened: 2027-01-31 " in text
                assert "  country: MY " in text and '\ncompany: "yes" ' in text
                assert "\n  languages: [ne, my] " in text and "\n    languages: [ne, my] " in text
                assert '\ntitle: "Fees: recruitment and \\"deposits\\" # at Factory 7"' in text
    # The plans share ids (SIP203): each is checked as if on its own.
    out = sip("validate", "--format", "json", "--ignore", "SIP203", plans)
    assert out.exit_code == 0, out.stdout
    assert '"files": 256,\n  "errors": 0,\n  "warnings": 0,' in out.stdout


def test_the_draft_is_linked_and_commented(sip, tmp_path):
    path = tmp_path / "plan.yaml"
    assert sip("new", path, "-y", "--opened", "2026-09-01").exit_code == 0
    text = path.read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schemas" / "sip-plan-1.schema.json").read_text(encoding="utf-8"))
    assert text.startswith(f"# yaml-language-server: $schema={schema['$id']}\n")  # the published one
    for line in (
        "status: draft ",
        "    addresses: [F-1] ",
        "    findings: [F-1] ",
        "    root_causes: [RC-1] ",
        "    addresses: [RC-1, R-1] ",
        "    source: S-1 ",
        "    due: 2026-09-15 ",
        "reviews: [] ",
        "waivers: [] ",
    ):
        assert f"\n{line}" in text, line
    # The comments are the models' own descriptions.
    assert (
        "severity: major                     # critical: forced labour, trafficking, child "
        "labour or imminent danger: critical | major | minor\n" in text
    )
    # Made active with every TODO written, the linked draft passes the structural rules.
    active = text.replace("status: draft", "status: active").replace("TODO", "Written")
    path.write_text(active, encoding="utf-8")
    out = sip("validate", "--as-of", "2026-09-02", path)
    assert "SIP2" not in out.stdout and "SIP30" not in out.stdout, out.stdout


def test_refuses_to_replace_a_file(sip, write):
    plan = write("plan.yaml", "mine\n")
    out = sip("new", plan, "--yes")
    assert out.exit_code == 2
    assert out.stderr == f"sip: {plan}: exists; sip new never replaces a file\n"
    assert plan.read_text() == "mine\n"


@pytest.mark.parametrize("dangling", [True, False])
def test_refuses_a_symlink_and_creates_nothing_through_it(sip, tmp_path, dangling):
    elsewhere = tmp_path / "elsewhere" / "deep" / "plan.yaml"
    if not dangling:
        elsewhere.parent.mkdir(parents=True)
    link = tmp_path / "plan.yaml"
    link.symlink_to(elsewhere)
    out = sip("new", link, "--yes")
    assert out.exit_code == 2
    assert (
        out.stderr == f"sip: {link}: is a symbolic link; sip new writes only a new file, not through a link\n"
    )
    assert not elsewhere.exists() and (dangling is not (tmp_path / "elsewhere").exists())


def test_creates_the_folders_it_is_named_and_none_through_a_dangling_link(sip, tmp_path):
    named = tmp_path / "plans" / "2027" / "plan.yaml"
    assert sip("new", named, "--yes").exit_code == 0
    assert named.is_file()
    # a folder in the path is a link to a folder that does not exist: sip makes no folder there
    (tmp_path / "drafts").symlink_to(tmp_path / "nowhere" / "deep")
    out = sip("new", tmp_path / "drafts" / "plan.yaml", "--yes")
    assert out.exit_code == 2
    assert (
        out.stderr
        == f"sip: {tmp_path / 'drafts' / 'plan.yaml'}: cannot write there: {tmp_path / 'drafts'} is a link to nothing\n"
    )
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--id", "-x", "--id: '-x' is not an id"),
        ("--country", "Atlantis", "--country: 'Atlantis' is not a country"),
        ("--opened", "31/01/2027", "--opened: '31/01/2027' is not a date; write it as YYYY-MM-DD"),
        ("--title", "  ", "--title: it cannot be blank"),
    ],
)
def test_a_bad_option_is_a_usage_error(sip, tmp_path, option, value, message):
    out = sip("new", tmp_path / "plan.yaml", option, value)
    assert out.exit_code == 2
    assert out.stderr.startswith(f"sip: {message}")
    assert not (tmp_path / "plan.yaml").exists()


def _converse(args: list[str], answers: list[tuple[str, str]], cwd) -> str:
    """Run sip on a pseudo-terminal; answer each prompt (waiting for its text) in turn."""
    controller, terminal = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")} | {
        "LANG": "en_MY.UTF-8",
        "TERM": "dumb",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "sip", *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=cwd,
        env=env,
    )
    os.close(terminal)
    seen = b""
    deadline = time.monotonic() + 60
    try:
        for prompt, answer in [*answers, ("", None)]:
            while prompt.encode() not in seen.rsplit(b"\n", 1)[-1] or not seen.endswith(b": "):
                if answer is None and process.poll() is not None:
                    break
                assert time.monotonic() < deadline, seen.decode()
                if select.select([controller], [], [], 0.2)[0]:
                    try:
                        seen += os.read(controller, 4096)
                    except OSError:
                        break
            if answer is None:
                break
            os.write(controller, answer.encode() + b"\r")
            seen += b"\n"  # the next prompt is looked for after this answer
        assert process.wait(timeout=60) == 0, seen.decode()
        while select.select([controller], [], [], 0.2)[0]:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    return seen.decode(errors="replace")


def test_asks_on_a_terminal_for_what_was_not_given(sip, tmp_path):
    today = dt.date.today()
    shown = _converse(
        ["new", "plan.yaml", "--title", "Fees at Factory 7"],
        [
            ("Plan id [SIP-", "bad id!"),  # asked again, with the reason
            ("Plan id [SIP-", "SIP-9"),
            ("Site (the facility, agent, farm or ship) [TODO]", "Factory 7"),
            # no default: a guess (the locale's territory, or GB) would be taken unread
            ("Country of the site (ISO code or name): ", ""),
            ("Country of the site (ISO code or name): ", "Malaysia"),
            ("Enter: not known yet): ", "NE"),  # asked again: ne is Nepali, but is that meant?
            ("Enter: not known yet): ", "MY"),  # Malaysia's code: my is Burmese, Malay is ms
            ("Enter: not known yet): ", "Nepali, Burmese"),
            ("Company that owns the plan [TODO]", "Example plc"),
            ("Accountable role [Head of Responsible Sourcing]", ""),
            (f"Opened on (YYYY-MM-DD) [{today}]", "2027-02-30"),
            ("Opened on (YYYY-MM-DD)", "2027-02-28"),
        ],
        tmp_path,
    )
    assert "Title" not in shown  # given as an option, not asked
    assert "Error: 'bad id!' is not an id" in shown
    assert "Error: '2027-02-30' is not a date" in shown
    assert "Error: 'NE': language codes are lower case, and ne is Nepali\r" in shown
    assert (
        "Error: 'MY': language codes are lower case, and my is Burmese; MY is also the country code "
        "of Malaysia: for Malay write ms"
    ) in shown
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    for line in (
        "id: SIP-9 ",
        "title: Fees at Factory 7 ",
        "  name: Factory 7 ",
        "  country: MY ",
        "  languages: [ne, my] ",
        "    languages: [ne, my] ",
        "company: Example plc ",
        "  role: Head of Responsible Sourcing ",
        "opened: 2027-02-28 ",
    ):
        assert f"\n{line}" in text, line
    assert "TODO check" not in text  # an answer, not a guess
    assert "Country of the site (ISO code or name) [" not in shown
    assert sip("validate", tmp_path / "plan.yaml").exit_code == 0


def test_yes_never_asks_on_a_terminal(tmp_path):
    shown = _converse(["new", "plan.yaml", "--yes", "--country", "VN"], [], tmp_path)
    assert "[" not in shown and "wrote plan.yaml" in shown
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert f"\nopened: {dt.date.today()} " in text and "  country: VN " in text
    # the languages are not guessed: a line to fill in, and the channel's marked for checking
    assert (
        "\n  # languages: [TODO] " in text
        and "\n    languages: [en]                     # TODO check: " in text
    )


# A user going down the draft of a fees case, as they would: each line, in order, that starts
# with the key is given its real value (its comment kept); a commented optional line is
# uncommented by writing it.
FILLED = [
    ("title: TODO", "title: Workers from Nepal and Myanmar paid recruitment fees and owe the agents"),
    ("status:", "status: active"),
    ("reference: TODO", "reference: Announced social audit by an APSCA auditor, report of 2026-06-26"),
    ("title: TODO", "title: Workers paid agents' fees of MYR 3,800 to 5,200 and repay loans for them"),
    ("severity:", "severity: critical"),
    ("indicators:", "indicators: [debt-bondage, deception]"),
    ("# determination:", "determination: substantiated"),
    ("worker_groups:", "worker_groups: [migrant]"),
    ("# workers_affected:", "workers_affected: 412"),
    ("# former_workers:", "former_workers: 37"),
    ("# fees_documented:", "fees_documented:"),
    ("#   low:", "  low: 3800"),
    ("#   high:", "  high: 5200"),
    ("#   currency:", "  currency: MYR"),
    (
        "summary: TODO",
        "summary: 40 workers interviewed; most repay loans for the fees; 3 want another employer",
    ),
    ("name: TODO", "name: Example Migrant Workers Centre, Kuala Lumpur"),
    ("role: TODO", "role: Interviews away from the factory, case management, tracing of former workers"),
    ("# consulted:", "consulted: 2026-07-02"),
    ("method: TODO", "method: Meetings away from the factory with the centre, in Nepali and Burmese"),
    ("summary: TODO", "summary: Workers asked to be repaid into their own accounts, in one payment"),
    ("name: TODO", "name: The centre's helpline, by phone and messaging app"),
    ("operated_by:", "operated_by: third-party"),
    ("anonymous:", "anonymous: true"),
    ("action: TODO", "action: No worker is dismissed or sent home while the fees are repaid"),
    ("owner: TODO", "owner: Factory HR Manager"),
    ("contingency: TODO", "contingency: The centre tells Example Brands of any dismissal the same day"),
    ("action: TODO", "action: Repay every worker's fees, to former workers through the centre"),
    ("owner: TODO", "owner: Factory General Manager"),
    ("# workers_covered:", "workers_covered: 412"),
    ("# former_workers:", "former_workers: 37"),
    ("# amount:", "amount:"),
    ("#   committed:", "  committed: 2060000"),
    ("#   currency:", "  currency: MYR"),
    ("# payer:", "payer: site"),
    ("# extent:", "extent: full"),
    ("contingency: TODO", "contingency: Example Brands pays what is not repaid by the due date"),
    (
        "cause: TODO",
        "cause: The factory hired through agents that charged workers, and never asked what they paid",
    ),
    ("risk: TODO", "risk: Workers charged fees by agents in their home countries"),
    ("name: TODO", "name: Recruitment of migrant workers through agents"),
    (
        "action: TODO",
        "action: The Employer Pays Principle in the supplier code and the contracts with agents",
    ),
    ("owner: TODO", "owner: Head of Responsible Sourcing"),
    (
        "action: TODO",
        "action: A worker found to have paid a fee is repaid within 30 days, and the centre told",
    ),
    ("owner: TODO", "owner: Head of Responsible Sourcing"),
]


def _fill(text: str, answers: list[tuple[str, str]]) -> str:
    lines = text.split("\n")
    at = 0
    for start, written in answers:
        while not lines[at].lstrip().startswith(start):
            at += 1  # down the file, never back: each answer is for the next such line
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        comment = lines[at].find("   # ", len(indent) + 1)
        lines[at] = indent + written + (lines[at][comment:] if comment > 0 else "")
    return "\n".join(lines)


def test_filled_in_as_a_user_would_an_active_plan_asks_only_what_is_not_done_yet(sip, tmp_path):
    """Issue 21 item 6: what an active plan with a forced-labour finding asks for is in the draft
    in its shape (worker engagement, a needs assessment, the determination, former workers and
    documented fees, a remedy with its amount, coverage, payer, extent, an incident-response
    improvement, a grievance channel in the site's languages), so a user who fills it in gets no
    schema error, and no warning but what the plan has not done yet."""
    path = tmp_path / "plan.yaml"
    args = ["--id", "SIP-2026-031", "--site", "Example Gloves Sdn Bhd, Factory 3", "--country", "MY"]
    args += ["--languages", "ne, my", "--company", "Example Brands plc", "--opened", "2026-07-01"]
    assert sip("new", path, "--yes", *args).exit_code == 0
    draft = path.read_text(encoding="utf-8")
    for shaped in (
        "\nworker_engagement:",
        "\n    needs_assessment:",
        "\n    # determination: suspected ",
        "\n    # former_workers: 0 ",
        "\n    # fees_documented:",
        "\n    # not_covered: TODO ",
        "\n    remedy: reimbursement ",
        "\n    # amount:",
        "\n    # workers_covered: 0 ",
        "\n    # payer: site ",
        "\n    # extent: full ",
        "\n    # unclaimed:",
        "\n    #   held_by: SP-1 ",
        "\n    element: incident-response ",
        "\n  languages: [ne, my] ",
        "\ngrievance_channels:",
        "\n    # since: 2026-07-01 ",
    ):
        assert shaped in draft, shaped
    # the comments are the models' descriptions, the nested ones too
    assert "# optional: what each affected worker paid, per worker, as documented (format 1.2)" in draft
    assert "#   claim_until: 2027-09-29         # until when workers can still claim it\n" in draft

    filled = _fill(draft, FILLED)
    path.write_text(filled, encoding="utf-8")
    out = sip("validate", "--as-of", "2026-07-10", "--format", "json", path)
    assert out.exit_code == 0 and json.loads(out.stdout)["diagnostics"] == [], out.stdout
    # Later, nothing done yet: the protection is overdue, and that is all sip says.
    out = sip("validate", "--as-of", "2026-07-20", "--format", "json", path)
    assert [(d["code"], d["line"]) for d in json.loads(out.stdout)["diagnostics"]] == [
        ("SIP504", filled.split("\n").index("    due: 2026-07-15                     # when it is due") + 1)
    ]

    # The channel as the draft wrote it claims nothing: left as it was, SIP411 asks.
    path.write_text(
        filled.replace("operated_by: third-party", "operated_by: site").replace(
            "anonymous: true", "anonymous: false"
        ),
        encoding="utf-8",
    )
    out = sip("validate", "--as-of", "2026-07-10", path)
    assert "SIP411" in out.stdout and "is run by the site and is not anonymous" in out.stdout
    # A placeholder forgotten once the plan is active is named (SIP602).
    path.write_text(filled.replace("Factory General Manager", "TODO"), encoding="utf-8")
    out = sip("validate", "--as-of", "2026-07-10", "--format", "json", path)
    assert {d["code"] for d in json.loads(out.stdout)["diagnostics"]} == {"SIP602"}
