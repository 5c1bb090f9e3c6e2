#!/usr/bin/env python3
"""Browser smoke test: starts the real server, opens every top-level page in headless
Chromium, and fails on a non-200 page, a console error or a broken internal link.
Screenshots go to a temporary folder (printed at the end).

Usage: python3 Tests/browser/smoke.py --binary .build/debug/infraprep
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Results:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"FAIL: {what}", flush=True)


def start_server(binary, data_dir, port):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env["NO_COLOR"] = "1"
    log = open(os.path.join(data_dir, "server.log"), "w")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--data-dir", os.path.join(data_dir, "data"), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}; see {log.name}")
        try:
            if http_status(f"http://127.0.0.1:{port}/readyz") == 200:
                return process
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit("server did not become ready within 60 s")


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def submit_and_wait(driver, element):
    """Submits the form of `element` and waits until the next page has replaced this one,
    so that later lookups never find an element of the old page."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.submit()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--screenshots", default=None)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="infraprep-browser-")
    shots = args.screenshots or os.path.join(work, "screenshots")
    os.makedirs(shots, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(os.path.abspath(args.binary), work, port)
    results = Results()
    driver = make_driver()
    try:
        with urllib.request.urlopen(base + "/api/v1/sections", timeout=10) as response:
            sections = json.load(response)
        results.check(len(sections) == 12, f"12 sections listed, got {len(sections)}")
        checked_links = {}
        for section in sections:
            url = base + section["path"]
            results.check(http_status(url) == 200, f"{section['path']} answers 200")
            driver.get(url)
            results.check(driver.title.startswith(section["title"]), f"{section['path']} has title {section['title']!r} (got {driver.title!r})")
            errors = console_errors(driver)
            results.check(not errors, f"{section['path']} has no console errors: {errors}")
            current = driver.find_elements(By.CSS_SELECTOR, 'nav a[aria-current="page"]')
            results.check(len(current) == 1 and current[0].text == section["title"], f"{section['path']} marks itself in the navigation")
            if not section["available"]:
                results.check("Not built yet." in driver.find_element(By.TAG_NAME, "main").text, f"{section['path']} says it is not built yet")
            for anchor in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
                href = anchor.get_attribute("href")
                if not href.startswith(base):
                    results.check(href.startswith("#"), f"{section['path']} links off-site to {href}")
                    continue
                target = urllib.parse.urldefrag(href)[0]
                if target not in checked_links:
                    checked_links[target] = http_status(target)
                results.check(checked_links[target] == 200, f"link {target} on {section['path']} answers {checked_links[target]}")
            driver.save_screenshot(os.path.join(shots, f"{section['id']}.png"))

        # A sample of every kind of item: the page answers, the answer is folded, and it opens.
        for kind in ("technical", "system-design", "troubleshooting", "behavioral", "ask-interviewer", "cheatsheet"):
            with urllib.request.urlopen(f"{base}/api/v1/questions?kind={kind}&limit=2", timeout=10) as response:
                sample = json.load(response)["items"]
            results.check(len(sample) > 0, f"the bank has {kind} items")
            for entry in sample:
                path = ("/cheatsheets/" if kind == "cheatsheet" else "/questions/") + entry["id"]
                results.check(http_status(base + path) == 200, f"{path} answers 200")
                driver.get(base + path)
                results.check(not console_errors(driver), f"{path} has no console errors")
                reveals = driver.find_elements(By.CSS_SELECTOR, "details.reveal")
                if kind == "cheatsheet":
                    results.check(not reveals, f"{path} shows the whole sheet")
                    continue
                results.check(len(reveals) == 1 and reveals[0].get_attribute("open") is None, f"{path} folds its answer")
                reveals[0].find_element(By.TAG_NAME, "summary").click()
                results.check(reveals[0].get_attribute("open") is not None, f"{path} opens its answer on click")
            driver.save_screenshot(os.path.join(shots, f"item-{kind}.png"))

        # Search from the Questions page.
        driver.get(base + "/questions")
        box = driver.find_element(By.ID, "q")
        box.send_keys("kv cache")
        submit_and_wait(driver, box)
        first = driver.find_elements(By.CSS_SELECTOR, "ol.items li a")
        results.check(bool(first), "searching 'kv cache' lists results")
        results.check(bool(first) and "kv" in first[0].text.lower(), f"the first result is about the KV cache ({first[0].text if first else None!r})")
        driver.save_screenshot(os.path.join(shots, "questions-search.png"))

        # The Settings form keeps what was typed when it refuses it, then saves a valid profile.
        driver.get(base + "/settings")
        zone = driver.find_element(By.ID, "timeZone")
        zone.clear()
        zone.send_keys("Mars/Olympus")
        submit_and_wait(driver, zone)
        results.check(driver.find_element(By.ID, "timeZone").get_attribute("value") == "Mars/Olympus", "refused value is kept")
        results.check("is not an IANA time zone name" in driver.find_element(By.ID, "timeZone-error").text, "error shown next to the field")
        driver.save_screenshot(os.path.join(shots, "settings-error.png"))
        # The refused form is answered 422 on purpose; Chromium logs that status and nothing else is allowed.
        unexpected = [m for m in console_errors(driver) if "status of 422" not in m]
        results.check(not unexpected, f"refused settings form has no other console errors: {unexpected}")
        zone = driver.find_element(By.ID, "timeZone")
        zone.clear()
        zone.send_keys("Europe/Berlin")
        submit_and_wait(driver, zone)
        results.check("Saved." in driver.find_element(By.TAG_NAME, "main").text, "valid profile saved")
        results.check(not console_errors(driver), "settings has no console errors")

        # Dark mode and phone width.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        driver.get(base + "/")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        results.check(background == "rgb(22, 24, 27)", f"dark mode follows the OS (body background {background})")
        driver.save_screenshot(os.path.join(shots, "today-dark.png"))
        driver.set_window_size(390, 844)
        driver.get(base + "/settings")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        results.check(overflow <= 0, f"no horizontal page scroll at phone width (overflow {overflow}px)")
        driver.save_screenshot(os.path.join(shots, "settings-phone.png"))
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    print(f"screenshots: {shots}")
    print(f"browser: {results.passed} passed, {len(results.failures)} failed")
    return 1 if results.failures else 0


if __name__ == "__main__":
    sys.exit(main())
