//! The taxonomy of themes by content (`data/taxonomy.toml`): six themes with their ids, display
//! names, the section titles of real declarations that map onto each, and a weighted lexicon.
//! See docs/themes.md; the labelling conventions are those of tests/data/themes/README.md.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::normalize::{comparison_keys, fold_simplified, fold_width, split_numbering};

/// The built-in taxonomy.
pub const DEFAULT_TAXONOMY: &str = include_str!("../../data/taxonomy.toml");

/// The largest weight a keyword group may carry.
pub const MAX_WEIGHT: f64 = 10.0;

/// A taxonomy: its themes in display order, with their lexicon and section titles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Taxonomy {
    /// The themes, in display order.
    pub themes: Vec<TaxonomyTheme>,
    /// Every section title (comparison key) → index of its theme.
    #[serde(skip)]
    sections: BTreeMap<String, usize>,
}

/// One theme of a taxonomy.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyTheme {
    /// Its id (`security`): lowercase ASCII letters and `_`.
    pub id: String,
    /// Its short Chinese display name (`安全`).
    pub name: String,
    /// Section titles of real declarations that map onto it (comparison keys, no numbering).
    #[serde(default)]
    pub sections: Vec<String>,
    /// Weighted groups of words and phrases that mark it.
    #[serde(default)]
    pub keywords: Vec<KeywordGroup>,
}

/// Words with one weight.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeywordGroup {
    /// How much one occurrence counts (0 < weight ≤ [`MAX_WEIGHT`]).
    pub weight: f64,
    /// The words (comparison keys: Simplified, widths folded).
    pub words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(rename = "theme")]
    themes: Vec<TaxonomyTheme>,
}

/// The 1-based line of the `nth` (0-based) occurrence of `"needle"` in `text`, or 0.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let quoted = format!("\"{needle}\"");
    text.match_indices(&quoted).nth(nth).map_or(0, |(at, _)| 1 + text[..at].matches('\n').count())
}

impl Taxonomy {
    /// The built-in taxonomy, parsed once.
    pub fn builtin() -> &'static Taxonomy {
        static BUILTIN: OnceLock<Taxonomy> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Written in Simplified characters: its keys need no conversion (which would load
            // OpenCC's dictionaries in every process).
            Taxonomy::parse_in(Path::new("data/taxonomy.toml"), DEFAULT_TAXONOMY, Script::Simplified)
                .expect("the built-in taxonomy is valid (tested)")
        })
    }

    /// Reads a taxonomy (TOML).
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Rules`] naming the file and line.
    pub fn read(path: &Path) -> Result<Taxonomy> {
        Taxonomy::parse(path, &crate::files::read_text(path)?)
    }

    /// Parses and validates a taxonomy: at least one theme; ids of lowercase ASCII letters
    /// (and `_`), unique; names not empty; weights in (0, [`MAX_WEIGHT`]]; words and section
    /// titles not empty, each in one theme only.
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and the line.
    pub fn parse(path: &Path, text: &str) -> Result<Taxonomy> {
        Taxonomy::parse_in(path, text, Script::Any)
    }

    fn parse_in(path: &Path, text: &str, script: Script) -> Result<Taxonomy> {
        let fail =
            |line: usize, what: String| Error::Rules { path: path.to_owned(), what: format!("line {line}: {what}") };
        let file: TaxonomyFile = toml::from_str(text)
            .map_err(|e| Error::Rules { path: path.to_owned(), what: crate::error::toml_message(text, &e) })?;
        if file.themes.is_empty() {
            return Err(Error::Rules { path: path.to_owned(), what: "no [[theme]] tables".to_owned() });
        }
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut words: BTreeMap<String, (usize, usize)> = BTreeMap::new(); // key → (theme, seen)
        let mut sections: BTreeMap<String, usize> = BTreeMap::new();
        let mut seen_titles: BTreeMap<&str, usize> = BTreeMap::new();
        for (k, theme) in file.themes.iter().enumerate() {
            let id_line = line_of(text, &theme.id, 0);
            if theme.id.is_empty() || !theme.id.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(fail(id_line, format!("theme id `{}` is not lowercase ASCII letters", theme.id)));
            }
            if ids.insert(&theme.id, k).is_some() {
                return Err(fail(line_of(text, &theme.id, 1), format!("theme id `{}` appears twice", theme.id)));
            }
            if theme.name.trim().is_empty() {
                return Err(fail(id_line, format!("theme `{}` has an empty name", theme.id)));
            }
            for group in &theme.keywords {
                if !(group.weight > 0.0 && group.weight <= MAX_WEIGHT) {
                    let line = group.words.first().map_or(id_line, |w| line_of(text, w, 0));
                    return Err(fail(
                        line,
                        format!("theme `{}`: keyword weight {} is not in (0, {MAX_WEIGHT}]", theme.id, group.weight),
                    ));
                }
                let refs: Vec<&str> = group.words.iter().map(String::as_str).collect();
                for (word, key) in group.words.iter().zip(keys_in(&refs, script)) {
                    if key.is_empty() {
                        return Err(fail(line_of(text, word, 0), format!("theme `{}`: an empty keyword", theme.id)));
                    }
                    let seen = words.entry(key).or_insert((k, 0));
                    seen.1 += 1;
                    if seen.1 > 1 {
                        return Err(fail(
                            line_of(text, word, 1),
                            format!("keyword `{word}` appears twice (a word belongs to one theme)"),
                        ));
                    }
                }
            }
            for title in &theme.sections {
                let key = section_key(&keys_in(&[title.as_str()], script).swap_remove(0));
                let nth = *seen_titles.entry(title).and_modify(|n| *n += 1).or_insert(0);
                if key.is_empty() {
                    return Err(fail(
                        line_of(text, title, nth),
                        format!("theme `{}`: an empty section title", theme.id),
                    ));
                }
                if sections.insert(key, k).is_some() {
                    return Err(fail(
                        line_of(text, title, nth),
                        format!("section title `{title}` appears twice (a title maps to one theme)"),
                    ));
                }
            }
        }
        Ok(Taxonomy { themes: file.themes, sections })
    }

    /// The theme ids, in display order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.themes.iter().map(|t| t.id.as_str())
    }

    /// The position of theme `id`, if the taxonomy has it.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    /// The built-in taxonomy's display names, in order, read from its `name = "…"` lines
    /// without parsing the whole file (a warm comparison needs only their order).
    pub fn builtin_names() -> Vec<String> {
        DEFAULT_TAXONOMY
            .lines()
            .filter_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"').map(str::to_owned))
            .collect()
    }

    /// The display names of the themes, in order.
    pub fn names(&self) -> Vec<String> {
        self.themes.iter().map(|t| t.name.clone()).collect()
    }

    /// The display name of a theme id.
    pub fn name(&self, id: &str) -> Option<&str> {
        self.themes.iter().find(|t| t.id == id).map(|t| t.name.as_str())
    }

    /// The theme id a section title maps onto, or `None` when the title is unknown. The title
    /// is in Simplified characters, as a block's key is; numbering, full-width forms and a
    /// closing colon are folded away; `安全领域合作` and `安全方面合作` also match `安全合作`.
    pub fn theme_of_section(&self, title: &str) -> Option<&str> {
        let key = section_key(title);
        let candidates = [key.clone(), key.replace("领域", ""), key.replace("方面", "")];
        candidates.iter().find_map(|c| self.sections.get(c)).map(|&k| self.themes[k].id.as_str())
    }
}

/// A Simplified section title's key: numbering stripped, widths folded, without closing
/// punctuation.
fn section_key(title: &str) -> String {
    let folded = fold_width(title.trim());
    let (_, rest) = split_numbering(&folded);
    fold_simplified(rest).trim_end_matches(['：', ':', '。', ' ']).to_owned()
}

/// The script a taxonomy file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Simplified characters only (the built-in files): keys are folded, not converted.
    Simplified,
    /// Either script (a user's file): converted to Simplified where it is Traditional.
    Any,
}

/// The comparison keys of some words or titles written in `script`.
pub(crate) fn keys_in(texts: &[&str], script: Script) -> Vec<String> {
    match script {
        Script::Simplified => texts.iter().map(|t| fold_simplified(t)).collect(),
        Script::Any => comparison_keys(texts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        Taxonomy::parse(Path::new("t.toml"), text).unwrap_err().to_string()
    }

    #[test]
    fn the_builtin_names_are_read_without_parsing() {
        assert_eq!(Taxonomy::builtin_names(), Taxonomy::builtin().names());
    }

    #[test]
    fn the_builtin_taxonomy_has_the_six_themes() {
        let ids: Vec<&str> = Taxonomy::builtin().ids().collect();
        assert_eq!(ids, ["principles", "security", "economy", "environment", "humanitarian", "organisation"]);
        assert_eq!(Taxonomy::builtin().name("security"), Some("安全"));
    }

    #[test]
    fn malformed_taxonomies_name_the_file_and_line() {
        assert!(error("[[theme]]\nid = 1\n").starts_with("t.toml: line 2"));
        assert!(error("[[theme]]\nid = \"a\"\nname = \"甲\"\ncolour = \"red\"\n").starts_with("t.toml: line 4"));
        assert_eq!(error("theme = []\n"), "t.toml: no [[theme]] tables");
        let twice = "[[theme]]\nid = \"a\"\nname = \"甲\"\n[[theme.keywords]]\nweight = 1\nwords = [\"安全\"]\n\
                     [[theme]]\nid = \"b\"\nname = \"乙\"\n[[theme.keywords]]\nweight = 1\nwords = [\"安全\"]\n";
        assert_eq!(error(twice), "t.toml: line 12: keyword `安全` appears twice (a word belongs to one theme)");
        let weight = "[[theme]]\nid = \"a\"\nname = \"甲\"\n[[theme.keywords]]\nweight = 0\nwords = [\"安全\"]\n";
        assert!(error(weight).starts_with("t.toml: line 6: theme `a`: keyword weight 0"), "{}", error(weight));
        let id = "[[theme]]\nid = \"Security\"\nname = \"甲\"\n";
        assert!(error(id).starts_with("t.toml: line 2: theme id `Security`"));
        let sections = "[[theme]]\nid = \"a\"\nname = \"甲\"\nsections = [\"安全合作\"]\n\
                        [[theme]]\nid = \"b\"\nname = \"乙\"\nsections = [\"安全合作\"]\n";
        assert!(error(sections).starts_with("t.toml: line 8: section title `安全合作` appears twice"));
    }

    #[test]
    fn section_titles_map_onto_themes() {
        let t = Taxonomy::builtin();
        for (title, id) in [
            ("安全合作", Some("security")),
            ("一、政治合作", Some("principles")),
            ("（三）经贸合作：", Some("economy")),
            ("经济合作", Some("economy")),
            ("人文合作", Some("humanitarian")),
            ("环境保护", Some("environment")),
            ("国际交往", Some("organisation")),
            ("对外交往", Some("organisation")),
            ("议会合作", Some("organisation")),
            ("司法合作", Some("organisation")),
            ("安全领域合作", Some("security")),
            ("总结", None),
        ] {
            assert_eq!(t.theme_of_section(title), id, "{title}");
        }
    }
}
