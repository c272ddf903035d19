//! `corpus fetch` against a loopback server (no network): pages we write in the shapes of the
//! real hosts (a news agency's UTF-8 page, a ministry's GBK page with and without a charset
//! header, a Big5 mirror, a gzip and a deflate body, a redirect chain, a plain text), and every failure
//! shape, each with its one-line reason; a failure never leaves a partial text or a changed
//! catalog.

use std::collections::HashMap;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use crate::bin::decldiff;
use crate::fetch_server::{Route, Server};
use crate::fixtures;

/// An illustrative declaration of the test set: (id, text file under tests/data/years).
const TEXTS: &[(&str, &str)] = &[
    ("sco-2012", "heldout5/pair7/old.txt"),
    ("sco-2013", "heldout5/pair7/new.txt"),
    ("sco-2014", "heldout4/pair6/old.txt"),
    ("sco-2015", "heldout4/pair6/new.txt"),
    ("sco-2016", "heldout3/pair5/old.txt"),
    ("sco-2017", "heldout3/pair5/new.txt"),
    ("sco-2018", "dev/pair2/old.txt"),
    ("sco-2019", "dev/pair2/new.txt"),
    ("sco-2021", "dev/pair1/old.txt"),
    ("sco-2022", "dev/pair1/new.txt"),
    ("sco-2023", "heldout2/pair4/old.txt"),
    ("sco-2024", "heldout2/pair4/new.txt"),
];

fn text_of(id: &str) -> String {
    if id == "sco-2020" {
        return fixtures::seed();
    }
    let (_, file) = TEXTS.iter().find(|(i, _)| *i == id).expect("a test text");
    std::fs::read_to_string(fixtures::repo().join("tests/data/years").join(file)).expect("test text")
}

fn title_of(id: &str) -> String {
    let catalog: toml::Value = toml::from_str(&fixtures::shipped_catalog()).expect("catalog");
    let entries = catalog["declaration"].as_array().expect("entries");
    let entry = entries.iter().find(|e| e["id"].as_str() == Some(id)).expect("entry");
    entry["title_zh"].as_str().expect("title").to_owned()
}

/// A news agency's article page: menus, the headline, a dateline, the text, a share bar.
fn news_page(id: &str, charset_meta: Option<&str>) -> String {
    let title = title_of(id);
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let paragraphs: String = text_of(id)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l.trim())))
        .collect();
    let meta = charset_meta.map(|c| format!("<meta charset=\"{c}\">")).unwrap_or_default();
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>{title}_新闻频道</title></head><body>\n\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/world\">国际</a> <a href=\"/china\">时政</a></div>\n\
         <div class=\"article\"><h1>{title}</h1>\n<div class=\"source\">来源：新闻网 责任编辑：王某</div>\n\
         {paragraphs}</div>\n<div class=\"share\">分享到：微信 微博 QQ空间</div>\n\
         <div class=\"footer\">关于我们 | 联系我们 | 版权所有</div></body></html>\n"
    )
}

/// A site's list of links: every title, no text.
fn index_page() -> String {
    let links: String = TEXTS
        .iter()
        .map(|(id, _)| format!("<li><a href=\"/{id}.html\">{}</a> 2024-07-05</li>\n", title_of(id)))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>上合组织文件</title></head><body><ul>{links}</ul></body></html>"
    )
}

/// A page in GBK, as ministries served them (GBK has no no-break space).
fn gbk_page(id: &str, meta: Option<&str>) -> Vec<u8> {
    fixtures::encode(encoding_rs::GBK, &news_page(id, meta).replace('\u{a0}', " "))
}

fn html(body: String, content_type: &str) -> Route {
    Route::Page { content_type: content_type.to_owned(), body: body.into_bytes() }
}

fn bytes(body: Vec<u8>, content_type: &str) -> Route {
    Route::Page { content_type: content_type.to_owned(), body }
}

/// An entry's sources in a scratch catalog: (id, [(path on the server, kind)]).
type Listed = (&'static str, Vec<(&'static str, &'static str)>);

/// Every page of the test server, and the sources each entry's catalog lists (in catalog
/// order), and what `fetch --all` should say of each entry.
fn scenario() -> (HashMap<String, Route>, Vec<Listed>) {
    let gbk = |id: &str, meta: Option<&str>| gbk_page(id, meta);
    let mut routes: HashMap<String, Route> = HashMap::new();
    let mut add = |path: &str, route: Route| routes.insert(path.to_owned(), route);
    add("/xinhua/2012.htm", html(news_page("sco-2012", Some("utf-8")), "text/html; charset=utf-8"));
    add("/mfa/2013.shtml", bytes(gbk("sco-2013", None), "text/html; charset=GBK"));
    add("/people/2014.html", bytes(gbk("sco-2014", Some("gb2312")), "text/html"));
    let big5 = fixtures::encode(encoding_rs::BIG5, &fixtures::to_traditional(&news_page("sco-2015", None)));
    add("/big5/2015.html", bytes(big5, "text/html; charset=big5"));
    add(
        "/gz/2016.html",
        Route::Gzip { content_type: "text/html; charset=utf-8".into(), body: news_page("sco-2016", None).into_bytes() },
    );
    add("/moved/2017", Route::Redirect("/moved/2017-a".into()));
    add("/moved/2017-a", Route::Redirect("/moved/2017-b".into()));
    add("/moved/2017-b", Route::Redirect("/final/2017.html".into()));
    add("/final/2017.html", html(news_page("sco-2017", Some("utf-8")), "text/html"));
    let busy = html(news_page("sco-2018", Some("utf-8")), "text/html");
    add("/busy/2018.html", Route::FailFirst { status: 500, times: 1, then: Box::new(busy), seen: AtomicUsize::new(0) });
    add("/good/2019.html", html(news_page("sco-2019", Some("utf-8")), "text/html; charset=utf-8"));
    add("/lying/2020.html", bytes(gbk("sco-2020", None), "text/html; charset=utf-8"));
    let wire = format!("{}\n\n{}", title_of("sco-2021"), text_of("sco-2021"));
    add("/wire/2021.txt", html(wire, "text/plain; charset=utf-8"));
    add("/mirror/2022.html", html(news_page("sco-2021", Some("utf-8")), "text/html"));
    add("/mfa/2022.html", html(news_page("sco-2022", Some("utf-8")), "text/html"));
    add(
        "/news/2023.html",
        Route::Deflate { content_type: "text/html".into(), body: news_page("sco-2023", Some("utf-8")).into_bytes() },
    );
    add("/news/2024.html", html(news_page("sco-2024", Some("utf-8")), "text/html"));
    // Failures.
    add("/stall/2002.html", Route::Stall(Duration::from_secs(4)));
    let cut = news_page("sco-2013", Some("utf-8")).into_bytes();
    add("/cut/2003.html", Route::Truncated { claimed: cut.len() + 5000, body: cut[..cut.len() / 2].to_vec() });
    add("/huge/2004.html", Route::Huge(17 << 20));
    for i in 0..7 {
        add(&format!("/loop/{i}"), Route::Redirect(format!("/loop/{}", i + 1)));
    }
    add("/index/2006.html", html(index_page(), "text/html; charset=utf-8"));
    add("/bishkek/2013.html", html(news_page("sco-2013", Some("utf-8")), "text/html"));
    add("/down/2008.html", Route::Status(500));
    add("/image/2010.png", bytes(vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3], "image/png"));
    add("/other/2011.html", html(news_page("sco-2019", Some("utf-8")), "text/html"));

    let sources = vec![
        ("sco-2001", vec![("/missing/2001.html", "official")]),
        ("sco-2002", vec![("/stall/2002.html", "press")]),
        ("sco-2003", vec![("/cut/2003.html", "press")]),
        ("sco-2004", vec![("/huge/2004.html", "press")]),
        ("sco-2005", vec![("/loop/0", "mirror")]),
        ("sco-2006", vec![("/index/2006.html", "official")]),
        ("sco-2007", vec![("/bishkek/2013.html", "mirror")]),
        ("sco-2008", vec![("/down/2008.html", "press")]),
        ("sco-2009", vec![]),
        ("sco-2010", vec![("/image/2010.png", "mirror")]),
        ("sco-2011", vec![("/other/2011.html", "mirror")]),
        ("sco-2012", vec![("/xinhua/2012.htm", "press")]),
        ("sco-2013", vec![("/mfa/2013.shtml", "official")]),
        ("sco-2014", vec![("/people/2014.html", "press")]),
        ("sco-2015", vec![("/big5/2015.html", "mirror")]),
        ("sco-2016", vec![("/gz/2016.html", "press")]),
        ("sco-2017", vec![("/moved/2017", "official")]),
        ("sco-2018", vec![("/busy/2018.html", "press")]),
        ("sco-2019", vec![("/gone/2019.html", "official"), ("/good/2019.html", "press")]),
        ("sco-2020", vec![("/lying/2020.html", "press")]),
        ("sco-2021", vec![("/wire/2021.txt", "press")]),
        ("sco-2022", vec![("/mirror/2022.html", "mirror"), ("/mfa/2022.html", "official")]),
        ("sco-2023", vec![("/news/2023.html", "press")]),
        ("sco-2024", vec![("/news/2024.html", "press")]),
        ("sco-2025", vec![("/missing/2025.html", "press")]),
    ];
    (routes, sources)
}

/// A scratch corpus: the shipped `sco` catalog with no texts, its sources on `server`.
fn scratch_corpus(server: &Server, sources: &[Listed]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut catalog: toml::Value = toml::from_str(&fixtures::shipped_catalog()).expect("catalog");
    for entry in catalog["declaration"].as_array_mut().expect("entries") {
        let table = entry.as_table_mut().expect("entry");
        let id = table["id"].as_str().expect("id").to_owned();
        table.insert("present".into(), toml::Value::Boolean(false));
        table.remove("sha256");
        table.remove("bytes");
        table.remove("import");
        let listed = sources.iter().find(|(i, _)| *i == id).map(|(_, s)| s.clone()).unwrap_or_default();
        let list: Vec<toml::Value> = listed
            .iter()
            .map(|(path, kind)| {
                let mut source = toml::map::Map::new();
                source.insert("url".into(), toml::Value::String(server.url(path)));
                source.insert("language".into(), toml::Value::String("zh".into()));
                source.insert("kind".into(), toml::Value::String((*kind).into()));
                toml::Value::Table(source)
            })
            .collect();
        table.insert("sources".into(), toml::Value::Array(list));
    }
    std::fs::create_dir_all(dir.path().join("sco")).expect("mkdir");
    std::fs::write(dir.path().join("sco/catalog.toml"), toml::to_string(&catalog).expect("toml")).expect("write");
    dir
}

fn fetch(corpus: &Path, args: &[&str]) -> Output {
    decldiff()
        .arg("--corpus")
        .arg(corpus)
        .args(["corpus", "fetch", "--delay", "0", "--timeout", "2", "--width", "400"])
        .args(args)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("run decldiff")
}

fn row<'a>(stdout: &'a str, id: &str) -> &'a str {
    stdout.lines().find(|l| l.contains(&format!(" {id} "))).unwrap_or_else(|| panic!("no row for {id} in\n{stdout}"))
}

#[test]
fn fetch_all_fills_a_scratch_corpus_and_names_every_failure() {
    let (routes, sources) = scenario();
    let server = Server::start(routes);
    let corpus = scratch_corpus(&server, &sources);
    let output = fetch(corpus.path(), &["--all"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some failed: exit 1\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    for id in ["sco-2012", "sco-2013", "sco-2014", "sco-2015", "sco-2016", "sco-2017", "sco-2018", "sco-2019"]
        .into_iter()
        .chain(["sco-2020", "sco-2021", "sco-2022", "sco-2023", "sco-2024"])
    {
        assert!(row(&stdout, id).contains(" fetched "), "{id}: {}", row(&stdout, id));
    }
    // The official source wins over the mirror listed first; a 404 falls through to the next.
    assert!(row(&stdout, "sco-2022").contains("official"), "{}", row(&stdout, "sco-2022"));
    assert!(row(&stdout, "sco-2019").contains("press"), "{}", row(&stdout, "sco-2019"));
    let expected = [
        ("sco-2001", "HTTP status 404"),
        ("sco-2002", "timed out"),
        ("sco-2003", "truncated body"),
        ("sco-2004", "too large"),
        ("sco-2005", "more than 5 redirects"),
        ("sco-2006", "Chinese characters (an index page or a news story?)"),
        ("sco-2007", "it is dated 2013-09-13, the catalog's date is 2007-08-16"),
        ("sco-2008", "HTTP status 500"),
        ("sco-2009", "no source for the zh text"),
        ("sco-2010", "unreadable"),
        ("sco-2011", "its title is 《上海合作组织成员国元首理事会比什凯克宣言》"),
        ("sco-2025", "HTTP status 404"),
    ];
    for (id, reason) in expected {
        let line = row(&stdout, id);
        assert!(line.contains(" failed ") && line.contains(reason), "{id}: want `{reason}`, got {line}");
    }
    assert!(stdout.contains("25 entries: 13 stored, 12 failed"), "{stdout}");
    assert_provenance(corpus.path(), &server);
    assert_nothing_partial(corpus.path(), &expected.map(|(id, _)| id));
    // Every request named decldiff and its version; the 500 was retried once.
    let hits = server.hits();
    assert!(hits.iter().all(|(_, agent)| agent.starts_with(&format!("decldiff/{}", env!("CARGO_PKG_VERSION")))));
    assert_eq!(hits.iter().filter(|(path, _)| path == "/busy/2018.html").count(), 2);
    assert_eq!(hits.iter().filter(|(path, _)| path == "/down/2008.html").count(), 2);
    assert_series_run(corpus.path());
}

fn assert_provenance(corpus: &Path, server: &Server) {
    let catalog: toml::Value =
        toml::from_str(&std::fs::read_to_string(corpus.join("sco/catalog.toml")).expect("catalog")).expect("toml");
    let entries = catalog["declaration"].as_array().expect("entries");
    let entry = |id: &str| entries.iter().find(|e| e["id"].as_str() == Some(id)).expect("entry");
    let served = gbk_page("sco-2013", None);
    let fetched = &entry("sco-2013")["fetched"];
    assert_eq!(fetched["url"].as_str(), Some(server.url("/mfa/2013.shtml").as_str()));
    assert_eq!(fetched["status"].as_integer(), Some(200));
    assert_eq!(fetched["download_sha256"].as_str(), Some(decldiff::sha256_hex(&served).as_str()));
    assert_eq!(fetched["text_sha256"].as_str(), entry("sco-2013")["sha256"].as_str());
    assert_eq!(fetched["cleaning"].as_integer(), Some(i64::from(decldiff::clean::CLEANING_REVISION)));
    assert!(decldiff::corpus::is_valid_date(fetched["date"].as_str().expect("date")));
    assert_eq!(entry("sco-2013")["import"]["encoding"].as_str(), Some("GBK"));
    // After redirects the final address is recorded beside the one asked for.
    let moved = &entry("sco-2017")["fetched"];
    assert_eq!(moved["final_url"].as_str(), Some(server.url("/final/2017.html").as_str()));
    // The stored texts are the declarations, without the page around them.
    let stored = std::fs::read_to_string(corpus.join("sco/sco-2015.zh.txt")).expect("stored");
    assert!(!stored.contains("分享到") && !stored.contains("首页"), "furniture stored:\n{stored}");
    assert!(stored.contains("烏法") || stored.contains("乌法"), "the Big5 page read as Traditional Chinese");
}

/// A failed entry has no text, no temporary file is left, and the catalog says so.
fn assert_nothing_partial(corpus: &Path, failed: &[&str]) {
    let catalog = std::fs::read_to_string(corpus.join("sco/catalog.toml")).expect("catalog");
    let parsed: toml::Value = toml::from_str(&catalog).expect("toml");
    for id in failed {
        assert!(!corpus.join(format!("sco/{id}.zh.txt")).exists(), "{id}: a text was left");
        let entry = parsed["declaration"].as_array().unwrap().iter().find(|e| e["id"].as_str() == Some(id)).unwrap();
        assert_eq!(entry["present"].as_bool(), Some(false), "{id}");
        assert!(entry.get("fetched").is_none(), "{id}");
    }
    for file in std::fs::read_dir(corpus.join("sco")).expect("collection") {
        let name = file.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(!name.contains("tmp"), "a temporary file was left: {name}");
    }
}

fn assert_series_run(corpus: &Path) {
    for args in [
        &["timeline", "--width", "200"][..],
        &["terms", "--top", "5", "--width", "200"],
        &["lineage", "sco-2024", "--width", "200"],
        &["compare", "sco-2013", "sco-2014", "--width", "200"],
        &["corpus", "check"],
    ] {
        let output = decldiff().arg("--corpus").arg(corpus).args(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
    let timeline = decldiff().arg("--corpus").arg(corpus).args(["timeline", "--width", "300"]).output().expect("run");
    let stdout = String::from_utf8_lossy(&timeline.stdout);
    for year in ["2012", "2015", "2020", "2024"] {
        assert!(stdout.contains(year), "timeline lacks {year}:\n{stdout}");
    }
}

#[test]
fn a_stored_text_is_kept_unless_forced_and_differences_are_summarised() {
    let page = news_page("sco-2014", Some("utf-8"));
    let edited = page.replacen("<p>", "<p>各方一致认为，", 2);
    let mut routes = HashMap::new();
    routes.insert("/a.html".to_owned(), html(page, "text/html"));
    routes.insert("/b.html".to_owned(), html(edited, "text/html"));
    routes.insert("/index.html".to_owned(), html(index_page(), "text/html"));
    let server = Server::start(routes);
    let corpus = scratch_corpus(&server, &[]);
    let text = corpus.path().join("sco/sco-2014.zh.txt");
    let catalog = corpus.path().join("sco/catalog.toml");

    let first = fetch(corpus.path(), &["sco-2014", "--from", &server.url("/a.html")]);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stdout));
    let (stored, listed) = (std::fs::read(&text).expect("text"), std::fs::read(&catalog).expect("catalog"));
    let catalog_text = String::from_utf8_lossy(&listed);
    assert!(catalog_text.contains(&server.url("/a.html")), "the --from page is a source and the provenance");

    let same = fetch(corpus.path(), &["sco-2014", "--from", &server.url("/a.html")]);
    assert!(String::from_utf8_lossy(&same.stdout).contains(" unchanged "));
    let differs = fetch(corpus.path(), &["sco-2014", "--from", &server.url("/b.html")]);
    let out = String::from_utf8_lossy(&differs.stdout);
    assert_eq!(differs.status.code(), Some(0));
    assert!(
        out.contains(" differs ") && out.contains("paragraph(s) new or reworded") && out.contains("--force"),
        "{out}"
    );
    assert_eq!(std::fs::read(&text).expect("text"), stored, "kept without --force");
    assert_eq!(std::fs::read(&catalog).expect("catalog"), listed);

    // A page that is not the declaration changes nothing, even with --force.
    let wrong = fetch(corpus.path(), &["sco-2014", "--force", "--from", &server.url("/index.html")]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stdout).contains("not the declaration"));
    assert_eq!(std::fs::read(&catalog).expect("catalog"), listed);
    let missing = fetch(corpus.path(), &["sco-2014", "--force", "--from", &server.url("/nothing.html")]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(std::fs::read(&text).expect("text"), stored);

    let forced = fetch(corpus.path(), &["sco-2014", "--force", "--from", &server.url("/b.html")]);
    let out = String::from_utf8_lossy(&forced.stdout);
    assert!(out.contains(" replaced ") && out.contains("paragraph(s) new or reworded"), "{out}");
    assert_ne!(std::fs::read(&text).expect("text"), stored);
    let catalog_text = std::fs::read_to_string(&catalog).expect("catalog");
    assert!(catalog_text.contains(&format!("url = \"{}\"", server.url("/b.html"))), "{catalog_text}");
}

#[test]
fn usage_errors_exit_2_and_touch_nothing() {
    let server = Server::start(HashMap::new());
    let corpus = scratch_corpus(&server, &[]);
    let before = std::fs::read(corpus.path().join("sco/catalog.toml")).expect("catalog");
    for (args, message) in [
        (&["sco-2014", "sco-2015", "--from", "http://127.0.0.1:9/x"][..], "exactly one ID"),
        (&[][..], "--all"),
        (&["sco2014"][..], "sco-2014"),
        (&["sco-2014", "--collection", "nope"][..], "no collection"),
    ] {
        let output = fetch(corpus.path(), args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message) && stderr.lines().count() == 1, "{args:?}: {stderr}");
    }
    assert!(server.hits().is_empty());
    assert_eq!(std::fs::read(corpus.path().join("sco/catalog.toml")).expect("catalog"), before);
}

#[test]
fn a_new_corpus_is_seeded_with_the_shipped_collection() {
    let mut routes = HashMap::new();
    routes.insert("/2014.html".to_owned(), html(news_page("sco-2014", Some("utf-8")), "text/html"));
    let server = Server::start(routes);
    let empty = tempfile::tempdir().expect("temp dir");
    let output = fetch(empty.path(), &["sco-2014", "--from", &server.url("/2014.html")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    // The built-in 2020 text came along, so the series has two years.
    assert!(empty.path().join("sco/sco-2020.zh.txt").exists());
    let list = decldiff()
        .arg("--corpus")
        .arg(empty.path())
        .args(["corpus", "list", "--collection", "sco"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&list.stdout).contains("25 declarations, 2 with text"));
}

/// A command run with no network at all: a new network namespace (`unshare -rn`), where even
/// the loopback interface is down. `None` where the system does not allow it.
fn offline(args: &[&str]) -> Option<Output> {
    let probe = std::process::Command::new("unshare").args(["-rn", "true"]).output().ok()?;
    if !probe.status.success() {
        eprintln!("skipped: `unshare -rn` is not available here");
        return None;
    }
    let output = std::process::Command::new("unshare")
        .arg("-rn")
        .arg(env!("CARGO_BIN_EXE_decldiff"))
        .args(args)
        .current_dir(fixtures::repo())
        .env("DECLDIFF_CACHE", "off")
        .env_remove("DECLDIFF_CORPUS")
        .output()
        .expect("run decldiff offline");
    Some(output)
}

#[test]
fn every_other_command_runs_with_the_network_unreachable() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let report = scratch.path().join("r.html");
    let report = report.to_str().expect("utf-8 path");
    let commands: &[&[&str]] = &[
        &["compare", "sco-2020", "examples/sco-2020-rev1", "--width", "120"],
        &["compare", "sco-2020", "examples/sco-2020-rev1", "--format", "json"],
        &["report", "sco-2020", "examples/sco-2020-rev1", "-o", report],
        &["align", "sco-2020", "examples/sco-2020-rev1"],
        &["timeline"],
        &["terms", "--top", "3"],
        &["lineage", "sco-2020"],
        &["corpus", "list"],
        &["corpus", "show", "sco-2020"],
        &["corpus", "check"],
    ];
    for args in commands {
        let Some(output) = offline(args) else { return };
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    // The control: fetching in the same sandbox cannot reach even a server on this machine.
    let server = Server::start(HashMap::new());
    let url = server.url("/x.html");
    let corpus = scratch.path().join("corpora");
    let corpus = corpus.to_str().expect("utf-8 path");
    let Some(output) = offline(&["--corpus", corpus, "corpus", "fetch", "sco-2014", "--from", &url, "--timeout", "2"])
    else {
        return;
    };
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("unreachable"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(server.hits().is_empty());
}

#[test]
fn the_fetch_table_and_json() {
    use decldiff::fetch::{Outcome, Status};
    let outcome = |id: &str, status, url: Option<&str>, kind: Option<&str>, paragraphs, detail: &str| Outcome {
        id: id.to_owned(),
        status,
        url: url.map(str::to_owned),
        kind: kind.map(str::to_owned),
        paragraphs,
        detail: detail.to_owned(),
    };
    let outcomes = [
        outcome("sco-2013", Status::Fetched, Some("http://www.example.gov.cn/2013.shtml"), Some("official"), 58, ""),
        outcome("sco-2014", Status::Present, None, None, 0, "a text is stored (--force fetches it again)"),
        outcome(
            "sco-2015",
            Status::Failed,
            None,
            None,
            0,
            "http://news.example.com/a.html: timed out; http://mirror.example.net/b.html: HTTP status 404",
        ),
        outcome(
            "sco-2016",
            Status::Differs,
            Some("http://news.example.com/2016.html"),
            Some("press"),
            61,
            "differs from the stored text: 2 paragraph(s) new or reworded, 1 not found again (60 → 61 paragraphs); kept the stored text (--force replaces it)",
        ),
    ];
    let options = decldiff::render::TableOptions { width: 100, wide: false };
    insta::assert_snapshot!("fetch_table", decldiff::render::corpus::fetched_table(&outcomes, options));
    insta::assert_snapshot!("fetch_json", decldiff::render::corpus::fetched_json(&outcomes));
}

#[test]
fn from_names_a_page_for_a_new_id_and_refuses_other_schemes() {
    let mut routes = HashMap::new();
    routes.insert("/draft.html".to_owned(), html(news_page("sco-2024", Some("utf-8")), "text/html"));
    let server = Server::start(routes);
    let corpus = scratch_corpus(&server, &[]);
    let output = fetch(corpus.path(), &["astana-draft", "--from", &server.url("/draft.html")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    let catalog = std::fs::read_to_string(corpus.path().join("sco/catalog.toml")).expect("catalog");
    assert!(catalog.contains("id = \"astana-draft\"") && catalog.contains("date = \"2024-07-04\""), "{catalog}");
    let bad = fetch(corpus.path(), &["sco-2014", "--from", "file:///etc/passwd"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("bad address"), "{}", String::from_utf8_lossy(&bad.stdout));
}
