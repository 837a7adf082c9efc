"""Render a figcheck markdown report to HTML and take a PNG of it in headless Chromium, so people
can see what an editor sees: ``python scripts/screenshot_report.py [PATHS...] [--out DIR]``.

Needs the markdown package (``pip install -e '.[test]'``) and Debian's chromium. Writes
DIR/report.md, DIR/report_files/*.svg, DIR/report.html and DIR/report.png (default DIR: build/screenshot).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; max-width: 980px; margin: 24px auto;
       padding: 0 24px; color: #1f2328; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
tr:nth-child(even) td { background: #f6f8fa; }
blockquote { border-left: 4px solid #d0d7de; margin: 8px 0; padding: 2px 12px; color: #57606a; }
code { background: #eff1f3; padding: 1px 4px; border-radius: 4px; font-size: 12px; }
h3 { border-top: 1px solid #d0d7de; padding-top: 16px; }
img { max-width: 100%; border: 1px solid #d0d7de; }
"""

# Runs in the page: how many finding sections, and did every image load? Read back via --dump-dom.
PROBE = """
<script>
window.addEventListener('load', () => {
  const imgs = [...document.images];
  const out = document.createElement('pre');
  out.id = 'figcheck-probe';
  out.textContent = JSON.stringify({
    sections: [...document.querySelectorAll('h3')].map(h => h.textContent),
    images: imgs.map(i => ({src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0}))
  });
  document.body.appendChild(out);
});
</script>
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def to_html(report_md: Path, probe: bool = False) -> Path:
    """report.md → report.html beside it (so the relative chart links still resolve)."""
    import markdown

    body = markdown.markdown(report_md.read_text(encoding="utf-8"), extensions=["tables", "md_in_html"])
    html = report_md.with_suffix(".html")
    html.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>figcheck report</title><style>{STYLE}</style>"
        f"</head><body>{body}{PROBE if probe else ''}</body></html>",
        encoding="utf-8",
    )
    return html


def run_chromium(*args: str, timeout: int = 90) -> subprocess.CompletedProcess[str]:
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("no chromium binary (apt-get install chromium)")
    base = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--allow-file-access-from-files", "--virtual-time-budget=5000"]
    return subprocess.run([*base, *args], capture_output=True, text=True, timeout=timeout, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["seeds"])
    parser.add_argument("--out", type=Path, default=Path("build/screenshot"))
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=2600)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = args.out / "report.md"
    subprocess.run([sys.executable, "-m", "figcheck.cli", "audit", *args.paths, "-o", str(report),
                    "--fail-level", "never"], check=True)
    html = to_html(report)
    png = args.out / "report.png"
    run_chromium(f"--screenshot={png.resolve()}", f"--window-size={args.width},{args.height}", html.resolve().as_uri())
    if not png.exists():
        print(f"screenshot_report: chromium wrote no {png}", file=sys.stderr)
        return 1
    print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
