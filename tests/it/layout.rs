//! Tables at terminal widths: at 80 and 100 columns every table fits without splitting a
//! number, an id or a word (short headers with a legend, then fewer columns); `--wide` shows
//! every column; `COLUMNS` is honoured when the output is piped.

use std::process::Output;

use crate::bin::decldiff;

fn run(args: &[&str], columns: Option<&str>) -> Output {
    let mut command = decldiff();
    command.args(args);
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    command.output().expect("the binary runs")
}

fn text(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

/// The table lines (borders and rows) of an output.
fn table_lines(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with(['┌', '│', '╞', '├', '└'])).collect()
}

/// Every table line within `width`, and no cell of a whole column split over two lines: a row
/// continued on the next line has blank cells wherever the column holds numbers or ids.
fn assert_fits(out: &str, width: usize) {
    for line in table_lines(out) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= width, "over {width}: {line}");
    }
}

#[test]
fn compare_at_80_and_100_columns() {
    for width in ["80", "100"] {
        let out = text(&run(&["compare", "--width", width, "--color", "never"], None));
        assert_fits(&out, width.parse().unwrap());
        for split in ["rewo", "(218", "0.0\n"] {
            assert!(!out.contains(&format!("{split} │")), "{split}");
        }
        let table: String =
            out.lines().take_while(|l| !l.starts_with("themes by content")).collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(format!("compare_at_{width}"), table);
    }
}

#[test]
fn wide_shows_every_column_and_columns_is_honoured_when_piped() {
    let wide = text(&run(&["compare", "--width", "80", "--wide", "--color", "never"], None));
    assert!(wide.contains("reworded") && wide.contains("20 (2740)") && wide.contains("(net +1)"), "{wide}");
    let from_env = text(&run(&["compare", "--color", "never"], Some("80")));
    let given = text(&run(&["compare", "--width", "80", "--color", "never"], None));
    assert_eq!(from_env, given);
    let default = text(&run(&["compare", "--color", "never"], None));
    assert_fits(&default, 100);
    let list = text(&run(&["corpus", "list", "--wide", "--width", "80"], None));
    assert!(list.contains("St Petersburg") && list.contains("in person") && list.contains("上海合作组织成立宣言"));
}

#[test]
fn timeline_align_and_corpus_list_at_80_columns() {
    for (name, args) in [
        ("timeline_at_80", &["timeline", "--collection", "sco", "--width", "80"][..]),
        ("align_at_80", &["align", "sco-2020", "examples/sco-2020-rev1", "--width", "80"]),
        ("corpus_list_at_80", &["corpus", "list", "--width", "80"]),
    ] {
        let out = text(&run(args, None));
        assert_fits(&out, 80);
        let head: String = out.lines().take(14).collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(name, head);
    }
}
