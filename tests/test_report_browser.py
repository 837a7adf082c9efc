"""Look at it: report.md rendered to HTML and opened in headless Chromium, as an editor would see it."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
from conftest import REPO, SEEDS, audit_json, run_cli

_spec = importlib.util.spec_from_file_location("screenshot_report", REPO / "scripts" / "screenshot_report.py")
assert _spec and _spec.loader
shot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shot)


@pytest.mark.skipif(shot.chromium() is None, reason="no chromium binary on PATH; .ci/run installs Debian's chromium")
@pytest.mark.parametrize("corpus", [SEEDS, REPO / "tests" / "snapshots" / "corpus"], ids=["seeds", "snapshot-corpus"])
def test_report_in_chromium_has_one_section_per_finding_and_every_chart_loads(tmp_path, corpus):
    report = tmp_path / "report.md"
    run_cli("audit", str(corpus), "-o", str(report))
    html = shot.to_html(report, probe=True)
    proc = shot.run_chromium("--dump-dom", html.as_uri())
    found = re.search(r'<pre id="figcheck-probe">(.*?)</pre>', proc.stdout, re.S)
    assert found, f"chromium did not run the page: {proc.stderr[-500:]}"
    probe = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    data, _ = audit_json(corpus)
    assert len(probe["sections"]) == len(data["findings"]) > 0
    for section, finding in zip(probe["sections"], data["findings"]):
        assert finding["rule"] in section
    assert probe["images"], "a broken series must come with its chart"
    assert all(img["loaded"] for img in probe["images"]), probe["images"]
