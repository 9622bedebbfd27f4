"""The HTML report: self-contained, deterministic, and drawn by a real headless Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hand_bank import quiz_exam

from pipeline.report import write_report
from pipeline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHARTS = ["chart-subjects", "chart-types", "chart-difficulty", "chart-rejections", "chart-kinds", "chart-exams"]


@pytest.fixture
def report(hand_bank: Path, tmp_path: Path) -> Path:
    with Store(hand_bank) as store:
        store.save_exam(quiz_exam())
        return write_report(store, tmp_path / "out" / "report.html")


def test_report_is_one_self_contained_file(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert list(report.parent.iterdir()) == [report]
    assert "<script src" not in text and "<link" not in text       # nothing fetched
    assert "window.vegaEmbed=" in text                              # the JS is inline
    for cid in CHARTS:
        assert f'id="{cid}"' in text
    assert "$0.023" in text and "answer leaked in stem" in text      # gap tables list the uncovered fact and the reason


def test_report_is_deterministic(hand_bank_file: Path, tmp_path: Path) -> None:
    with Store(hand_bank_file, read_only=True) as store:
        first = write_report(store, tmp_path / "a.html").read_bytes()
        second = write_report(store, tmp_path / "b.html").read_bytes()
    assert first == second


def test_empty_bank_report_says_so(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        text = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "The bank is empty" in text and 'id="chart-' not in text


def test_heat_map_has_a_cell_for_every_kind_and_type_even_across_decks(hand_bank: Path) -> None:
    from dataclasses import replace

    from hand_bank import d2_build

    from pipeline.report import _kind_chart

    d2 = d2_build()
    tf = replace(d2.questions[0], question_id="TF1", type="truefalse")   # a type no d1 question has
    with Store(hand_bank) as store:
        store.write_build(replace(d2, questions=(*d2.questions, tf)))
        chart = _kind_chart(store)
    assert chart is not None
    cells = {(r["kind"], r["type"]): r["n_accepted"] for r in chart.to_dict()["data"]["values"]}
    kinds, types = {k for k, _ in cells}, {t for _, t in cells}
    assert len(cells) == len(kinds) * len(types)
    assert cells[("duration", "truefalse")] == 0 and cells[("size", "truefalse")] == 1


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])   # a laptop screen and a phone
def test_report_charts_render_offline_in_chromium_and_fit_their_panels(report: Path, tmp_path: Path,
                                                                        width: int) -> None:
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.skip("Debian chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("http*://**", lambda route: route.abort())   # offline: any fetch would fail
            page.goto(report.as_uri())
            page.wait_for_function(
                "ids => ids.every(id => document.getElementById(id).dataset.rendered)", arg=CHARTS, timeout=20_000)
            states = {cid: page.get_attribute(f"#{cid}", "data-rendered") for cid in CHARTS}
            # data marks only (axes and legends have other roles): bars and heatmap cells
            marks = {cid: page.locator(f"#{cid} svg g.mark-rect.role-mark path").count() for cid in CHARTS}
            heat_labels = page.evaluate(
                "[...document.querySelectorAll('#chart-kinds svg g.mark-text.role-mark text')].map(t => t.textContent)")
            # every chart inside its panel: no horizontal scrolling, the drawing no wider than the panel's inside
            fit = page.evaluate("""ids => ids.map(id => {
                const chart = document.getElementById(id), panel = chart.closest('.panel');
                const inner = panel.clientWidth - parseFloat(getComputedStyle(panel).paddingLeft)
                              - parseFloat(getComputedStyle(panel).paddingRight);
                return [id, panel.scrollWidth <= panel.clientWidth,
                        chart.querySelector('svg').getBoundingClientRect().width <= inner + 0.5];
            })""", CHARTS)
            page_width = page.evaluate("document.documentElement.scrollWidth")
            tiles = page.locator(".tile .value").all_inner_texts()
            page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=True)
        finally:
            browser.close()
    assert states == dict.fromkeys(CHARTS, "true")
    assert all(n > 0 for n in marks.values()), marks
    assert fit == [[cid, True, True] for cid in CHARTS]
    assert page_width <= width
    # hand_bank.py: 3 subjects with facts × covered/uncovered; 7 (type, status) pairs; 5 accepted questions
    # with a difficulty, in 5 different (bin, type) bars; 3 rejection reasons; 5 kinds × 5 types
    # the quiz exam: 3 bands + 2 types with items, and 2 blueprint ticks (easy, hard; ticks are rect marks)
    assert marks == {"chart-subjects": 6, "chart-types": 7, "chart-difficulty": 5, "chart-rejections": 3,
                     "chart-kinds": 25, "chart-exams": 7}
    assert len(heat_labels) == 25 and all(t.isdigit() for t in heat_labels)    # a cell with no question says 0
    assert tiles[:3] == ["67%", "80%", "6"]
    assert not errors
    assert [u for u in requests if not u.startswith("file:")] == []


def test_the_javascript_bundle_is_made_once_and_kept_in_the_cache(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundling vega costs ~2 s per build; a second process reads it back, and an empty file is made again."""
    import vl_convert

    from pipeline import report

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    report._vega_bundle.cache_clear()
    made = report._vega_bundle()
    files = list((tmp_path / "qbank").glob("vega-bundle-*.js"))
    assert len(files) == 1 and files[0].read_text(encoding="utf-8") == made and "vegaEmbed" in made

    def no_bundling(**kwargs: object) -> str:
        raise AssertionError("bundled again although the cache holds it")

    monkeypatch.setattr(vl_convert, "javascript_bundle", no_bundling)
    report._vega_bundle.cache_clear()
    assert report._vega_bundle() == made
    files[0].write_text("", encoding="utf-8")
    monkeypatch.setattr(vl_convert, "javascript_bundle", lambda **kwargs: "bundle")
    report._vega_bundle.cache_clear()
    assert report._vega_bundle() == "bundle" and files[0].read_text(encoding="utf-8") == "bundle"
    report._vega_bundle.cache_clear()
