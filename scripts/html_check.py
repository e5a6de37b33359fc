"""Opens each HTML pack in headless Chromium and runs axe-core on it with the WCAG 2.2 AA rules.

    html_check.py [--report FILE] [--screenshot PNG] [--print-dir DIR] PACK.html...

Prints one line per page (violations, passes, rules that need a person to look) and every
violation with the elements it names; writes the full results to --report as JSON. With
--screenshot, saves the first screen of the first page (1280 x 800) as a PNG; with --print-dir,
prints each page to PDF as Chromium would on A4, to check the print style sheet.

Exit status: 0 no violations, 1 violations, 77 Chromium could not be started (the caller says
so and skips; it is never silent).
"""
import argparse
import base64
import json
import os
import sys

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--force-device-scale-factor=1", "--lang=en-GB",
                "--hide-scrollbars", "--font-render-hinting=none"]:
        options.add_argument(arg)
    # Debian's chromedriver, named, so Selenium never tries to fetch a driver of its own.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    # The window's size includes the browser's frame; the page itself is to be seen at 1280 x 800.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    return driver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--report")
    parser.add_argument("--screenshot")
    parser.add_argument("--print-dir")
    args = parser.parse_args()

    try:
        from axe_selenium_python import Axe
        driver = start_browser()
    except Exception as error:  # no browser, no driver, no display: say so and let the caller skip
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"SKIP: Chromium could not start ({CHROMIUM}, {CHROMEDRIVER}): {first}")
        return 77

    report = {"tags": WCAG_TAGS, "pages": []}
    failed = False
    try:
        for n, page in enumerate(args.pages):
            driver.get("file://" + os.path.abspath(page))
            axe = Axe(driver)
            axe.inject()
            results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                                  "resultTypes": ["violations", "incomplete"]}))
            version = results.get("testEngine", {}).get("version", "?")
            violations = results["violations"]
            report["axe_core"] = version
            report["pages"].append({"page": page, "violations": violations,
                                    "passes": len(results["passes"]), "incomplete": len(results["incomplete"]),
                                    "inapplicable": len(results["inapplicable"])})
            nodes = sum(len(v["nodes"]) for v in violations)
            print(f"{page}: {len(violations)} violations ({nodes} elements), {len(results['passes'])} rules passed, "
                  f"{len(results['incomplete'])} to check by hand (axe-core {version})")
            for v in violations:
                failed = True
                print(f"  {v['id']} ({v['impact']}): {v['help']}")
                for node in v["nodes"][:5]:
                    print(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
            if n == 0 and args.screenshot:
                driver.execute_script("window.scrollTo(0, 0)")
                driver.save_screenshot(args.screenshot)
            if args.print_dir:
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
                name = os.path.splitext(os.path.basename(page))[0] + ".print.pdf"
                with open(os.path.join(args.print_dir, name), "wb") as f:
                    f.write(base64.b64decode(pdf["data"]))
    finally:
        driver.quit()
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, sort_keys=True)
    total = sum(len(p["violations"]) for p in report["pages"])
    print(f"axe-core {report.get('axe_core', '?')}, tags {','.join(WCAG_TAGS)}: {len(args.pages)} pages, {total} violations")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
