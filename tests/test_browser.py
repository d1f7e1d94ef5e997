"""An example's HTML report in real headless Chromium: it loads with no console error and no
request leaving the page, reads at desktop and phone width, and prints to A4 without cut tables.

Playwright's Python package drives the system's Chromium (no browser download); the test is
skipped only where no Chromium can be found.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "electronics-penang.yaml"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium() -> str | None:
    named = os.environ.get("SIP_CHROMIUM")
    if named:
        return named
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser_binary() -> str:
    binary = chromium()
    if binary is None:
        pytest.skip(
            "no Chromium found: install Debian's chromium package (apt-get install "
            "chromium) or name a binary in SIP_CHROMIUM"
        )
    return binary


def test_an_example_report_in_headless_chromium(sip, tmp_path, browser_binary):
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    out = sip("render", "--as-of", AS_OF, "--out", page_file, EXAMPLE)
    assert out.exit_code == 0, out.stderr
    url = page_file.as_uri()
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=browser_binary,
            headless=True,
            args=FLAGS,
            viewport=DESKTOP,
        )
        try:
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url, wait_until="load")

            assert page.title().startswith("SIP-2026-011: Recruitment fees")
            assert page.locator("h1").count() == 1
            tables = page.locator("table")
            assert tables.count() > 10
            assert page.locator("table:not(:has(caption))").count() == 0
            charts = page.locator("svg")
            assert charts.count() >= 3
            assert page.locator("svg:not([role=img])").count() == 0
            assert page.locator("svg:not(:has(title))").count() == 0
            page.screenshot(path=tmp_path / "desktop.png", full_page=True)
            if os.environ.get("SIP_UPDATE_SCREENSHOT") == "1":
                page.screenshot(path=ROOT / "docs" / "report.png")

            page.set_viewport_size(PHONE)
            # On a phone the page never scrolls sideways: only a wide table scrolls in its box.
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            page.screenshot(path=tmp_path / "phone.png", full_page=True)

            page.emulate_media(media="print")
            page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the page margins
            cut = page.evaluate("""() => [...document.querySelectorAll('table')]
                .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
                .map(t => t.querySelector('caption').textContent)""")
            assert cut == []
            pdf = page.pdf(path=tmp_path / "report.pdf", format="A4", print_background=True)
        finally:
            context.close()
    assert errors == []
    assert requests == [url]  # the page itself, and nothing else
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") > 3
    assert (tmp_path / "desktop.png").stat().st_size > 10_000
    assert (tmp_path / "phone.png").stat().st_size > 10_000


def _open(playwright, binary: str, tmp_path, viewport: dict):
    return playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=binary, headless=True, args=FLAGS, viewport=viewport
    )


def _watch(page, errors: list[str], requests: list[str]) -> None:
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))


def test_a_public_page_with_a_disputed_finding_at_both_widths(sip, tmp_path, browser_binary):
    """The site's response stands beside its finding, at desktop and phone width (issue 19)."""
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "public.html"
    out = sip("render", "--as-of", AS_OF, "--audience", "public", "--out", page_file, EXAMPLE)
    assert out.exit_code == 0, out.stderr
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = _open(playwright, browser_binary, tmp_path, DESKTOP)
        try:
            page = context.new_page()
            _watch(page, errors, requests)
            page.goto(page_file.as_uri(), wait_until="load")
            for viewport in (DESKTOP, PHONE):
                page.set_viewport_size(viewport)
                heading = page.locator("h3#F-3").bounding_box()
                response = page.locator("section.finding:has(h3#F-3) .disputed").bounding_box()
                details = page.locator("section.finding:has(h3#F-3) dl.facts").bounding_box()
                assert heading and response and details
                assert heading["y"] < response["y"] < details["y"]  # beside the finding, before its details
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
                page.locator("h3#F-3").scroll_into_view_if_needed()
                page.screenshot(path=tmp_path / f"disputed-{viewport['width']}.png")
        finally:
            context.close()
    assert errors == []
    assert requests == [page_file.as_uri()]


def test_the_portfolio_page_at_both_widths(sip, tmp_path, browser_binary, monkeypatch):
    """A site's index with the portfolio month by month: SVG charts, no script, readable at 390 px."""
    from playwright.sync_api import sync_playwright

    from tests.portfolio_repo import portfolio_repo

    repo = portfolio_repo(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    out = sip("render", "--as-of", AS_OF, "--out", tmp_path / "site", "plans")
    assert out.exit_code == 0, out.stderr
    index = (tmp_path / "site" / "index.html").as_uri()
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = _open(playwright, browser_binary, tmp_path, DESKTOP)
        try:
            page = context.new_page()
            _watch(page, errors, requests)
            page.goto(index, wait_until="load")
            assert page.locator("script").count() == 0
            charts = page.locator("figure.month-chart svg")
            assert charts.count() >= 4
            assert page.locator("figure.month-chart svg:not([role=img])").count() == 0
            page.screenshot(path=tmp_path / "portfolio-1280.png", full_page=True)
            if os.environ.get("SIP_UPDATE_SCREENSHOT") == "1":
                top = page.locator("#portfolio").bounding_box()
                end = page.locator("#by-country").bounding_box()
                assert top and end
                page.screenshot(
                    path=ROOT / "docs" / "portfolio.png",
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": DESKTOP["width"], "height": end["y"] - 10},
                )
            page.set_viewport_size(PHONE)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            # a chart fills the phone's width, so its words keep their size (drawn 340 units wide)
            width = charts.first.bounding_box()
            assert width and 300 <= width["width"] <= PHONE["width"]
            page.screenshot(path=tmp_path / "portfolio-390.png", full_page=True)
        finally:
            context.close()
    assert errors == []
    assert requests == [index]
    assert (tmp_path / "portfolio-1280.png").stat().st_size > 10_000
