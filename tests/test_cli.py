"""End to end: the CLI on the seed documents and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEEDS, audit_json, run_cli

CLAIM_KEYS = {
    "id", "document", "line", "column", "end_line", "end_column", "text", "sentence", "value", "low",
    "high", "qualifier", "unit", "metric", "counted", "group", "place", "scope", "definition", "source",
    "source_text", "as_of", "as_of_basis", "since",
}
FINDING_KEYS = {"id", "rule", "level", "title", "message", "explanation", "claims", "suggestion", "fingerprint", "path", "line"}
DOCUMENT_KEYS = {"path", "title", "published", "published_basis", "language", "claims", "warnings"}


def test_seeds_give_exactly_the_toll_decrease_with_the_typo_suggestion():
    data, code = audit_json(SEEDS)
    assert code == 1
    assert len(data["findings"]) == 1
    finding = data["findings"][0]
    claims = {c["id"]: c for c in data["claims"]}
    wrong, other = (claims[i] for i in finding["claims"])
    assert finding["rule"] == "casualties/cumulative-decrease"
    assert finding["level"] == "error"
    assert (wrong["value"], wrong["as_of"], wrong["document"].split("/")[-1][:3]) == (445581, "2025-01-04", "003")
    assert (other["value"], other["as_of"], other["document"].split("/")[-1][:3]) == (70369, "2025-12-12", "000")
    assert wrong["source"] == other["source"] == "gaza_health_ministry"
    assert "45,581" in finding["suggestion"]
    assert "445,581" in finding["message"] and "70,369" in finding["message"]


def test_json_follows_the_contract_key_for_key():
    data, _ = audit_json(SEEDS)
    assert set(data) == {"schema_version", "tool", "documents", "claims", "findings", "summary"}
    assert data["schema_version"] == 1
    assert all(set(c) == CLAIM_KEYS for c in data["claims"])
    assert all(set(f) == FINDING_KEYS for f in data["findings"])
    assert all(set(d) == DOCUMENT_KEYS for d in data["documents"])


def test_hebrew_seed_has_its_language_and_no_date():
    data, _ = audit_json(SEEDS)
    hebrew = next(d for d in data["documents"] if d["path"].endswith("004_cc3011eb7b10d63d.txt"))
    assert hebrew["language"] == "he"
    assert hebrew["published"] is None
    assert "no publication date found" in hebrew["warnings"]


def test_nonexistent_path_exits_2_with_one_line():
    proc = subprocess.run(
        [sys.executable, "-m", "figcheck.cli", "audit", "no/such/folder"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no/such/folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_markdown_report_written_with_o(tmp_path):
    out = tmp_path / "report.md"
    result = run_cli("audit", str(SEEDS), "-o", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!-- figcheck:report -->")
    assert "1 conflict found (1 error)" in text
    assert "**at least 445,581**" in text
    assert "**Why:**" in text and "**Suggested action:**" in text


def test_output_into_missing_folder_is_a_clear_error(tmp_path):
    result = run_cli("audit", str(SEEDS), "-o", str(tmp_path / "missing" / "r.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_fail_level_never_exits_zero():
    result = run_cli("audit", str(SEEDS), "--fail-level", "never", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["errors"] == 1


def test_extract_jsonl_one_claim_per_line():
    result = run_cli("extract", str(SEEDS), "--format", "jsonl")
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines and all(set(x) == CLAIM_KEYS for x in lines)


def test_a_report_written_into_the_audited_folder_is_not_read_as_news(tmp_path):
    """`figcheck audit . -o report.md` twice: the second run skips the first run's report with a note."""
    for name in ("000.txt", "003.txt"):
        src = next(SEEDS.glob(f"{name[:3]}_*.txt"))
        (tmp_path / name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    first = run_cli("audit", str(tmp_path), "-o", str(tmp_path / "report.md"))
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("<!-- figcheck:report -->")
    again, code = audit_json(tmp_path)
    assert code == first.exit_code == 1
    assert [d["path"] for d in again["documents"]] == [str(tmp_path / "000.txt"), str(tmp_path / "003.txt")]
    assert [f["rule"] for f in again["findings"]] == ["casualties/cumulative-decrease"]
    notes = run_cli("audit", str(tmp_path)).stderr
    assert f"{tmp_path / 'report.md'}: skipped, a figcheck report" in notes
