//! Everyday use through the binary: the shipped corpus stays available whatever a user adds,
//! `-` for stdin and stdout, Word input, shell completions and the manual page.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use crate::bin::decldiff;
use crate::fixtures;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    decldiff().current_dir(dir).args(args).output().expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn the_shipped_corpus_survives_a_new_corpus_folder() {
    let home = tempfile::tempdir().expect("temp dir");
    // A user's first write creates ./corpora with one collection of their own…
    ok(&run_in(home.path(), &["corpus", "simulate", "--series", "2", "--collection", "sim"]));
    assert!(home.path().join("corpora/sim").is_dir());
    // …and the shipped texts are still there, by id, beside it.
    let compared = ok(&run_in(home.path(), &["compare", "--width", "100"]));
    assert!(compared.contains("sco-2020-rev1"), "{compared}");
    let list = ok(&run_in(home.path(), &["corpus", "list", "--width", "120"]));
    for collection in ["examples", "sco", "sim"] {
        assert!(list.lines().any(|l| l.contains(&format!("│ {collection} "))), "{collection} missing:\n{list}");
    }
    // Adding one year to `sco` starts from the shipped catalog: nothing is hidden.
    let year = home.path().join("2021.txt");
    let text = std::fs::read_to_string(fixtures::repo().join("tests/data/years/dev/pair1/old.txt")).expect("text");
    std::fs::write(&year, text).expect("write");
    ok(&run_in(home.path(), &["corpus", "add", "2021.txt", "--collection", "sco", "--id", "sco-2021"]));
    let list = ok(&run_in(home.path(), &["corpus", "list", "--collection", "sco", "--width", "120"]));
    assert!(list.contains("25 declarations, 2 with text"), "{list}");
    assert!(list.lines().any(|l| l.contains("sco-2020") && l.contains("shipped")), "{list}");
    assert!(list.lines().any(|l| l.contains("sco-2021") && l.contains("user file")), "{list}");
    ok(&run_in(home.path(), &["compare", "sco-2020", "sco-2021", "--width", "100"]));
}

/// Runs the binary with `input` on stdin.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = decldiff()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn a_dash_is_standard_input_and_standard_output() {
    let file = fixtures::repo().join("tests/data/years/dev/pair1/old.txt");
    let bytes = std::fs::read(&file).expect("text");
    let piped = with_stdin(&["compare", "sco-2020", "-", "--format", "json"], &bytes);
    let named = decldiff().args(["compare", "sco-2020"]).arg(&file).args(["--format", "json"]).output().expect("run");
    let (piped, named) = (ok(&piped), ok(&named));
    assert!(piped.contains("\"name\": \"stdin\""), "the input is named stdin");
    assert_eq!(piped.replace("\"stdin\"", "\"old.txt\""), named);

    let scratch = tempfile::tempdir().expect("temp dir");
    let page = run_in(scratch.path(), &["report", "-o", "-"]);
    assert!(ok(&page).starts_with("<!DOCTYPE html>"));
    assert!(!scratch.path().join("-").exists(), "no file called `-`");
    let written = run_in(scratch.path(), &["report", "-o", "redline.html"]);
    ok(&written);
    let size = std::fs::metadata(scratch.path().join("redline.html")).expect("written").len();
    let stderr = String::from_utf8_lossy(&written.stderr);
    assert!(stderr.starts_with("wrote the report to redline.html (") && stderr.contains(" KB)"), "{stderr} ({size})");
    let chart = ok(&run_in(scratch.path(), &["timeline", "--chart", "-"]));
    assert!(chart.starts_with("<svg") && !chart.contains("Year over year"));
    assert!(!scratch.path().join("-").exists());

    let twice = with_stdin(&["compare", "-", "-"], &bytes);
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr.contains("one input only") && stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn report_refuses_to_pour_html_onto_a_terminal() {
    // `script` gives the command a terminal; where it is missing the check cannot be run.
    let command = format!("{} report", env!("CARGO_BIN_EXE_decldiff"));
    let Ok(output) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(fixtures::repo())
        .output()
    else {
        eprintln!("skipped: no `script` to give the command a terminal");
        return;
    };
    let seen = String::from_utf8_lossy(&output.stdout);
    assert!(seen.contains("error: report writes an HTML page: name a file with -o"), "{seen}");
    assert!(!seen.contains("<!DOCTYPE"), "{seen}");
}
