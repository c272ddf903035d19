//! The redline report in a real browser: headless Chromium driven through ChromeDriver (the
//! W3C WebDriver protocol, over HTTP on localhost). Opens the report of the shipped
//! illustrative pair from disk and checks the change table, the number of marked insertions
//! and deletions, a moved row's link, and that a count's click hides the other themes; saves
//! a screenshot to a scratch folder (`target/tmp/screenshots/`); `scripts/refresh-screenshots.sh`
//! copies them into docs/ for the README.
//!
//! Needs Debian's `chromium` and `chromium-driver` (scripts/install-browser.sh, which CI and
//! the README's test command run). Without them the test fails and says so: it never passes
//! silently. `DECLDIFF_CHROMIUM` and `DECLDIFF_CHROMEDRIVER` override the paths.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};

fn executable(variable: &str, default: &str) -> PathBuf {
    let path = std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "the browser test needs {} (not found; set {variable} or run `bash scripts/install-browser.sh`)",
        path.display()
    );
    path
}

/// A ChromeDriver process, stopped when dropped.
struct Driver {
    process: Child,
    base: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        let binary = executable("DECLDIFF_CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { process, base: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = ureq::get(format!("{}/status", driver.base))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                return driver;
            }
            assert!(Instant::now() < deadline, "chromedriver did not become ready in 20 s");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn post(&self, path: &str, body: Value) -> Value {
        let mut response = ureq::post(format!("{}{path}", self.base))
            .config()
            .http_status_as_error(false)
            .build()
            .send_json(&body)
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        let value: Value = response.body_mut().read_json().unwrap();
        assert!(response.status().is_success(), "POST {path}: {value}");
        value["value"].clone()
    }

    fn get(&self, path: &str) -> Value {
        let value: Value = ureq::get(format!("{}{path}", self.base))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
            .body_mut()
            .read_json()
            .unwrap();
        value["value"].clone()
    }
}

/// A browser session on a page.
struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = ureq::delete(format!("{}/session/{}", self.driver.base, self.id)).call();
    }
}

impl Session<'_> {
    fn open<'d>(driver: &'d Driver, profile: &Path) -> Session<'d> {
        let chromium = executable("DECLDIFF_CHROMIUM", "/usr/bin/chromium");
        // Off the network: no background requests, updates, sync or QUIC.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--window-size=1280,1000",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ];
        let value = driver.post(
            "/session",
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": chromium, "args": args}
            }}}),
        );
        Session { driver, id: value["sessionId"].as_str().expect("a session id").to_owned() }
    }

    fn path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.id)
    }

    fn script(&self, script: &str) -> Value {
        self.driver.post(&self.path("/execute/sync"), json!({"script": script, "args": []}))
    }

    fn click(&self, css: &str) {
        let element = self.driver.post(&self.path("/element"), json!({"using": "css selector", "value": css}));
        let id = element.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).expect("an element id");
        self.driver.post(&self.path(&format!("/element/{id}/click")), json!({}));
    }
}

#[test]
fn the_report_works_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = |args: &[&str]| {
        let out = crate::bin::decldiff().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    run(&["report", "-o", page.to_str().unwrap()]);
    // What the page must show, from the same comparison as JSON.
    let report: Value = serde_json::from_slice(&run(&["compare", "--format", "json"])).unwrap();
    let changes = report["changes"].as_array().unwrap();
    let marked = |side: &str| -> usize {
        changes
            .iter()
            .flat_map(|c| c["diff"].as_array().unwrap())
            .filter(|s| s["op"] == "change" && s[side].as_str().is_some_and(|t| !t.is_empty()))
            .count()
    };
    let themes = report["themes"].as_array().unwrap().len();

    let driver = Driver::start();
    let session = Session::open(&driver, &dir.path().join("profile"));
    driver.post(&session.path("/url"), json!({"url": format!("file://{}", page.display())}));

    // The change table: a row per theme and the total.
    assert_eq!(session.script("return document.querySelectorAll('table.themes tbody tr').length"), json!(themes + 1));
    // Every insertion and deletion of the report is marked.
    assert_eq!(session.script("return document.querySelectorAll('main ins').length"), json!(marked("new")));
    assert_eq!(session.script("return document.querySelectorAll('main del').length"), json!(marked("old")));
    // A moved row links to where it stood, and the target exists.
    let moved = session.script(
        "const links = [...document.querySelectorAll('a.moved-from')];\
         return [links.length, links.every(a => document.getElementById(a.getAttribute('href').slice(1)) !== null)]",
    );
    assert!(moved[0].as_u64().unwrap() >= 1 && moved[1] == json!(true), "{moved}");
    // Following it opens the collapsed run the old neighbour stands in.
    session.click("a.moved-from");
    let target = session.script(
        "const t = document.getElementById(document.querySelector('a.moved-from').getAttribute('href').slice(1));\
         const row = t.closest('article.row'); return row.getBoundingClientRect().height > 0",
    );
    assert_eq!(target, json!(true), "the moved row's old place is shown");

    // Clicking a count filters to its theme: the other themes' rows are hidden.
    let theme = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["added"].as_u64().unwrap_or(0) > 0)
        .expect("a theme with added paragraphs")["theme"]
        .as_str()
        .unwrap()
        .to_owned();
    let expected =
        report["themes"].as_array().unwrap().iter().find(|t| t["theme"] == theme.as_str()).unwrap()["added"].clone();
    session.click(&format!("a.count[data-theme=\"{theme}\"][data-group=\"added\"]"));
    let shown = session.script(&format!(
        "const rows = [...document.querySelectorAll('article.row')].filter(r => r.getBoundingClientRect().height > 0);\
         return [rows.length, rows.filter(r => r.dataset.theme !== '{theme}').length,\
                 rows.filter(r => r.dataset.kind === 'added').length]"
    ));
    assert_eq!(shown, json!([expected, 0, expected]), "after clicking the added count of {theme}");
    // The chip clears the filter; the theme select filters the same way.
    session.click("#f-group");
    let all_changes = session.script("return document.querySelectorAll('article.row.change:not([hidden])').length");
    assert_eq!(all_changes, json!(changes.len()));

    // The search box highlights a term in both texts (and opens the runs that hold it).
    let hits = session.script(
        "const box = document.getElementById('f-search'); box.value = '成员国';\
         box.dispatchEvent(new Event('input'));\
         const marks = [...document.querySelectorAll('main mark')];\
         return [marks.length, marks.some(m => m.closest('.text.old')), marks.some(m => m.closest('.text.new')),\
                 document.getElementById('f-hits').textContent]",
    );
    assert!(hits[0].as_u64().unwrap() > 10 && hits[1] == json!(true) && hits[2] == json!(true), "{hits}");
    assert_eq!(hits[3], json!(format!("{} found", hits[0])));
    session.script(
        "const box = document.getElementById('f-search'); box.value = ''; box.dispatchEvent(new Event('input'))",
    );
    assert_eq!(session.script("return document.querySelectorAll('main mark').length"), json!(0));
    // n and p move between changes.
    let keys = session.script(
        "const key = k => document.body.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true}));\
         key('n'); const first = document.querySelector('.row.current').id;\
         key('n'); const second = document.querySelector('.row.current').id;\
         key('p'); const back = document.querySelector('.row.current').id;\
         return [first, second, back]",
    );
    assert!(keys[0] != keys[1] && keys[0] == keys[2], "{keys}");

    // No layout that breaks: at a small laptop's and a phone's width nothing overflows the
    // page sideways (the change table scrolls in its own box).
    for width in [1024, 390] {
        driver.post(&session.path("/window/rect"), json!({"width": width, "height": 900}));
        let overflow =
            session.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assert_eq!(overflow, json!(0), "horizontal overflow at {width} px");
    }
    driver.post(&session.path("/window/rect"), json!({"width": 1280, "height": 1000}));

    // A screenshot of the page as a reader first sees it, for the README.
    session.script(
        "window.scrollTo(0, 0); document.querySelectorAll('.current').forEach(e => e.classList.remove('current'))",
    );
    let png = base64::engine::general_purpose::STANDARD
        .decode(driver.get(&session.path("/screenshot")).as_str().unwrap())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    save_screenshot("report-screenshot.png", &png);
}

/// The page as printed: the print rules applied to the screen (CSSOM, which the page's
/// Content-Security-Policy allows) at the width of an A4 page's text, then checked and
/// photographed; and the browser's own PDF of the page.
#[test]
fn the_report_prints_with_the_table_on_the_page_and_changes_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let out = crate::bin::decldiff().args(["report", "-o", page.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let driver = Driver::start();
    let session = Session::open(&driver, &dir.path().join("profile"));
    driver.post(&session.path("/url"), json!({"url": format!("file://{}", page.display())}));

    // The browser's PDF of the page (A4): a real PDF of several pages.
    let pdf = driver.post(&session.path("/print"), json!({"page": {"width": 21.0, "height": 29.7}}));
    let pdf = base64::engine::general_purpose::STANDARD.decode(pdf.as_str().expect("base64 PDF")).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    save_screenshot("report-print.pdf", &pdf);

    // A4 less the margins is 186 mm: 703 CSS pixels.
    driver.post(&session.path("/window/rect"), json!({"width": 703, "height": 1000}));
    session.script(
        "for (const sheet of document.styleSheets) for (const rule of [...sheet.cssRules]) \
           if (rule.media && rule.media.mediaText === 'print') \
             for (const inner of [...rule.cssRules]) if (!inner.cssText.startsWith('@page')) \
               sheet.insertRule(inner.cssText, sheet.cssRules.length);",
    );
    let fits = session.script(
        "const t = document.querySelector('table.themes').getBoundingClientRect();\
         return [t.right <= document.documentElement.clientWidth, t.left >= 0,\
                 document.documentElement.scrollWidth - document.documentElement.clientWidth]",
    );
    assert_eq!(fits, json!([true, true, 0]), "the change table fits the printed page");
    // Without colour a deletion still reads as one: brackets and a grey band around it.
    let marks = session.script(
        "const del = document.querySelector('main del'), ins = document.querySelector('main ins');\
         return [getComputedStyle(del, '::before').content, getComputedStyle(del, '::after').content,\
                 getComputedStyle(ins, '::before').content, getComputedStyle(del).backgroundColor,\
                 getComputedStyle(del).color === getComputedStyle(del.closest('.text')).color]",
    );
    assert_eq!(marks, json!(["\"[-\"", "\"-]\"", "\"{+\"", "rgb(208, 208, 208)", true]), "{marks}");
    let png = base64::engine::general_purpose::STANDARD
        .decode(driver.get(&session.path("/screenshot")).as_str().unwrap())
        .unwrap();
    save_screenshot("report-print.png", &png);
}

#[test]
fn the_timeline_chart_renders_in_headless_chromium() {
    let corpus = crate::series::simulated("25", "2001");
    let chart = corpus.path().join("timeline.svg");
    let timeline = crate::series::ok(&crate::series::decldiff(
        corpus.path(),
        &["timeline", "--collection", "sim", "--format", "json", "--chart", chart.to_str().unwrap()],
    ));
    let timeline: Value = serde_json::from_str(&timeline).unwrap();
    let bars: usize = timeline["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["shares"].as_array().unwrap().iter().filter(|s| s["paragraphs"].as_u64().unwrap() > 0).count())
        .sum();
    let driver = Driver::start();
    let session = Session::open(&driver, &corpus.path().join("profile"));
    driver.post(&session.path("/window/rect"), json!({"width": 960, "height": 880}));
    driver.post(&session.path("/url"), json!({"url": format!("file://{}", chart.display())}));
    // A bar per year and theme present, a line per theme, and every label laid out by a font.
    assert_eq!(session.script("return document.querySelectorAll('rect > title').length"), json!(bars));
    let themes = timeline["themes"].as_array().unwrap().len();
    assert_eq!(session.script("return document.querySelectorAll('polyline').length"), json!(themes));
    let unrendered =
        session.script("return [...document.querySelectorAll('text')].filter(t => t.getBBox().width === 0).length");
    assert_eq!(unrendered, json!(0), "every label has a width: its glyphs were found");
    let png = base64::engine::general_purpose::STANDARD
        .decode(driver.get(&session.path("/screenshot")).as_str().unwrap())
        .unwrap();
    save_screenshot("timeline-chart.png", &png);
}

/// Writes a screenshot to the scratch folder `target/tmp/screenshots/`, never into the
/// repository: `scripts/refresh-screenshots.sh` refreshes docs/ from there on purpose.
fn save_screenshot(name: &str, png: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}
