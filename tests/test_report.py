"""The report: data/report.html with its charts, drawn from the published warehouse, opening offline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

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
