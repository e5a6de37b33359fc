"""Runs three independent PDF accessibility checkers on every PDF given and prints what each says.

outloud (PDF/UA-1, WCAG 2.2 and semantic checks), page-validation (the `page` validator with its
PDF/UA-1 profile) and pdfua (the machine-checkable subset of PDF/UA-1). Installed from PyPI into a
virtual environment by `make a11y-check`. Exits 1 when any checker reports an error.
"""
import json
import subprocess
import sys
from pathlib import Path

import page

BIN = Path(sys.executable).parent


def outloud(pdf):
    r = subprocess.run([BIN / "outloud", "--json", "-", "--fail-on", "never", pdf], capture_output=True, text=True)
    result = json.loads(r.stdout)["results"][0]
    if result.get("error"):
        return 1, 0, [f"could not check: {result['error']}"]
    details = [f"{f['severity']} {f['rule']}: {f['message']}" for f in result["findings"] if f["severity"] != "info"]
    return result["counts"]["error"], result["counts"]["warning"], details


def page_ua1(pdf):
    r = page.validate_pdf(pdf, profile="ua1")
    details = [f"{f.rule_id}: {f.message}" for f in r.failures]
    return r.rules.failed, 0, details + [f"rules: {r.rules.failed} failed of {r.rules.total}; compliant: {r.is_compliant}"]


def pdfua(pdf):
    r = subprocess.run([BIN / "pdfua", "check", "--format", "json", pdf], capture_output=True, text=True)
    report = json.loads(r.stdout)
    details = [f"{f['severity']} {f['rule_id']} ({f.get('location', '')}): {f['message']}" for f in report["findings"]]
    return report["summary"]["errors"], report["summary"]["warnings"], details


def main(pdfs):
    failed = False
    totals = {}
    for pdf in pdfs:
        print(pdf)
        for name, check in (("outloud", outloud), ("page --profile ua1", page_ua1), ("pdfua", pdfua)):
            errors, warnings, details = check(pdf)
            failed |= errors > 0
            e, w = totals.get(name, (0, 0))
            totals[name] = (e + errors, w + warnings)
            print(f"  {name:<20} {errors} error(s), {warnings} warning(s)")
            for d in details if errors or warnings else []:
                print(f"      {d}")
    print(f"{len(pdfs)} PDFs checked")
    for name, (e, w) in totals.items():
        print(f"  {name:<20} {e} error(s), {w} warning(s) in all")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
