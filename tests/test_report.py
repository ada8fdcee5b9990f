"""The report: data/report.html with its charts, drawn from the published warehouse, opening offline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.test_pipeline import metadata

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def specs(html: str) -> dict:
    return json.loads(re.search(r"const specs = (.*);\n", html).group(1))


def test_the_run_writes_the_report_beside_the_published_warehouse(analyst_run):
    workspace, result = analyst_run
    report = workspace / "report.html"
    assert metadata(result, "report", "path") == str(report)
    assert metadata(result, "report", "open") == report.resolve().as_uri()
    html = report.read_text()
    drawn = specs(html)
    assert {"events", "speakers", "rejected"} <= set(drawn) and any(name.startswith("figures_") for name in drawn)
    assert metadata(result, "report", "charts") == len(drawn)
    assert "Vladimir Putin" in html and "inbox/empty.txt" in html  # the quotes and the rejected inputs listed


def test_the_report_fetches_nothing(analyst_run):
    workspace, _ = analyst_run
    html = (workspace / "report.html").read_text()
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", html, re.I)
    assert "vegaEmbed" in html and html.count("<script") == 2  # the inlined bundle, then the charts


def test_the_charts_draw_in_a_headless_browser_with_no_network(analyst_run, tmp_path: Path):
    if CHROMIUM is None or shutil.which("unshare") is None:
        pytest.skip("Debian's chromium (apt-get install chromium) and unshare are needed to draw the report")
    workspace, _ = analyst_run
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000"]
    command += [f"--user-data-dir={tmp_path}", "--dump-dom", (workspace / "report.html").as_uri()]
    done = subprocess.run(["unshare", "-n", *command], capture_output=True, text=True, timeout=120)
    if done.returncode != 0 and "unshare" in done.stderr:
        pytest.skip(f"no network namespace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr[-2000:]
    drawn = re.findall(r'<div class="chart vega-embed" id="chart-([a-z_]+)"[^>]*><svg', done.stdout)
    assert sorted(drawn) == sorted(specs((workspace / "report.html").read_text()))


def test_the_report_of_an_empty_warehouse_says_there_is_nothing_to_draw(workspace):
    from tests.test_pipeline import materialize

    materialize(workspace)
    html = (workspace / "report.html").read_text()
    assert specs(html) == {} and "No quotes." in html and "every input became an article" in html


def test_the_report_is_drawn_again_only_when_what_it_shows_has_changed(analyst_run, tmp_path: Path):
    workspace, _ = analyst_run
    warehouse = shutil.copy(workspace / "warehouse.duckdb", tmp_path / "warehouse.duckdb")
    page = tmp_path / "report.html"
    draw = [sys.executable, "-c", DRAW_AND_SAY_WHAT_WAS_LOADED, str(warehouse)]

    first = json.loads(subprocess.run(draw, capture_output=True, text=True, check=True).stdout)
    assert first == {"redrawn": True, "altair_loaded": True}
    drawn_at, html = page.stat().st_mtime_ns, page.read_text()

    again = json.loads(subprocess.run(draw, capture_output=True, text=True, check=True).stdout)
    assert again == {"redrawn": False, "altair_loaded": False}  # same data, same code: the page stays
    assert page.stat().st_mtime_ns == drawn_at and page.read_text() == html

    with duckdb.connect(str(warehouse)) as conn:
        conn.execute("delete from core.rejected")
    changed = json.loads(subprocess.run(draw, capture_output=True, text=True, check=True).stdout)
    assert changed == {"redrawn": True, "altair_loaded": True}
    assert "inbox/empty.txt" in html and "inbox/empty.txt" not in page.read_text()


DRAW_AND_SAY_WHAT_WAS_LOADED = """
import json, sys
from pathlib import Path
from pipelines.lib.report.writer import write_report_of
written = write_report_of(Path(sys.argv[1]))
print(json.dumps({"redrawn": written.redrawn, "altair_loaded": "altair" in sys.modules}))
"""


def test_the_vega_script_is_built_once_and_then_read_from_the_cache_folder(tmp_path: Path):
    from pipelines.lib.report.page import vega_bundle

    built = vega_bundle(tmp_path)
    (kept,) = tmp_path.glob("vega-bundle-*.js")  # one file per vl-convert version
    assert kept.read_text() == built and "vegaEmbed" in built
    kept.write_text(built + "// read back")
    assert vega_bundle(tmp_path).endswith("// read back")


def test_a_cache_folder_that_cannot_be_written_only_costs_building_the_script_again(tmp_path: Path):
    from pipelines.lib.report.page import vega_bundle

    taken = tmp_path / "cache"
    taken.write_text("a file where the folder should be")
    assert "vegaEmbed" in vega_bundle(taken)
