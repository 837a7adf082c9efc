"""Dump every claim figcheck extracts from a fixed body of text, canonically, to compare speed-ups.

    python bench/same_claims.py OUT.json                 # write the dump
    python bench/same_claims.py OUT.json --compare REF.json   # write it and compare with REF byte for byte

A speed change must not change a single claim. The dump covers (a) every file under seeds/,
(b) every gold-set text of tests/gold/*.yaml (read as tests/test_gold.py reads them), (c) the
first 1,000 documents bench/throughput.py generates, and (d) the JSON audit (findings included)
of seeds/ and of those 1,000 documents. Each document's record (language, date, warnings) and
each claim with all its fields are written as sorted JSON, one line per document, so a diff of
two dumps points at the documents that changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import article  # noqa: E402

from figcheck.load import load_file, load_text  # noqa: E402
from figcheck.pipeline import audit, extract_document  # noqa: E402
from figcheck.report import render_json  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _line(label: str, doc) -> str:  # type: ignore[no-untyped-def]
    result = extract_document(doc)
    record = {
        "input": label,
        "document": result.document.model_dump(mode="json"),
        "claims": [c.model_dump(mode="json") for c in result.claims],
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def dump(generated: int = 1000) -> str:
    lines = []
    here = os.getcwd()
    os.chdir(REPO)  # relative paths, as a user types them: claim ids hash the path
    try:
        for path in sorted(p for p in Path("seeds").rglob("*") if p.is_file()):
            lines.append(_line(f"seed:{path}", load_file(str(path))))
    finally:
        os.chdir(here)
    for path in sorted((REPO / "tests" / "gold").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if not (isinstance(case, dict) and case.get("text")):
                continue
            doc = load_text(f"{case['id']}.txt", case["text"] + "\n")
            doc.published, doc.published_basis = case.get("published"), "header"
            lines.append(_line(f"gold:{case['id']}", doc))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        for i in range(generated):
            _, text = article(i)
            path = folder / f"{i // 1000:03d}" / f"{i:06d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            lines.append(_line(f"generated:{i}", load_text(f"generated/{i:06d}.txt", text)))
        for label, cwd, target in (("seeds", REPO, "seeds"), ("generated", Path(tmp), "corpus")):
            here = os.getcwd()
            os.chdir(cwd)
            try:
                report = json.loads(render_json(audit([target])))
            finally:
                os.chdir(here)
            report["tool"] = {}  # the version is not the extraction
            lines.append(json.dumps({"input": f"audit:{label}"}) + "\n" + json.dumps(report, ensure_ascii=False, sort_keys=True))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="a reference dump that OUT must equal byte for byte")
    ap.add_argument("--generated", type=int, default=1000)
    args = ap.parse_args(argv)
    text = dump(args.generated)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10))} lines, {len(text.encode()):,} bytes")
    if args.compare is None:
        return 0
    ref = args.compare.read_text(encoding="utf-8")
    if ref == text:
        print(f"identical to {args.compare}")
        return 0
    a, b = ref.splitlines(), text.splitlines()
    diff = [i for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]]
    print(f"DIFFERENT from {args.compare}: {len(diff)} lines differ, first at line {diff[0] + 1}")
    for i in diff[:5]:
        print("  ref:", (a[i] if i < len(a) else "<none>")[:300])
        print("  new:", (b[i] if i < len(b) else "<none>")[:300])
    return 1


if __name__ == "__main__":
    sys.exit(main())
