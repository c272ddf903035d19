//! The commitment ladders: ordered scales of wording (stance, modality, intensity) read from
//! `data/ladders.toml` or a user's file (docs/ladders.md).

use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::error::{Error, Result};

/// The built-in ladders.
pub const DEFAULT_LADDERS: &str = include_str!("../../data/ladders.toml");

/// Commitment ladders.
#[derive(Debug, Clone)]
pub struct Ladders {
    /// The ladders.
    pub ladders: Vec<Ladder>,
    /// SHA-256 (16 hex digits) of the file the ladders came from.
    pub hash: String,
    /// Adverbs that strengthen the verb after them (高度, 进一步): one added or dropped before
    /// an unchanged verb is a shift of intensity.
    pub intensifiers: Vec<String>,
    /// The verbs an intensifier strengthens (重视, 加强); before anything else it is an
    /// adjective (切实措施).
    pub intensified_verbs: Vec<String>,
    /// Every ladder word once, longest first (then as listed): (word, ladder, step).
    pub(super) words: Vec<(String, usize, usize)>,
    /// Finds them leftmost-longest in one pass.
    matcher: AhoCorasick,
}

impl PartialEq for Ladders {
    fn eq(&self, other: &Ladders) -> bool {
        self.ladders == other.ladders
            && self.intensifiers == other.intensifiers
            && self.intensified_verbs == other.intensified_verbs
            && self.hash == other.hash
    }
}

impl Eq for Ladders {}

/// One ladder: steps from weakest to strongest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Its name, the scale (`stance`, `modal_obligation`).
    pub name: String,
    /// What it measures: `stance`, `modality` or `intensity` (`stance` when not given).
    #[serde(default = "default_kind")]
    pub kind: String,
    /// Words of each step, weakest first.
    pub steps: Vec<Vec<String>>,
}

fn default_kind() -> String {
    "stance".to_owned()
}

impl Ladders {
    /// The built-in ladders.
    pub fn builtin() -> Ladders {
        Ladders::parse(Path::new("data/ladders.toml"), DEFAULT_LADDERS)
            .expect("the built-in ladders are valid (tested)")
    }

    /// Reads ladders from a TOML file.
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Rules`] naming the file and line of a malformed one.
    pub fn read(path: &Path) -> Result<Ladders> {
        Ladders::parse(path, &crate::files::read_text(path)?)
    }

    /// Parses ladders.
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and line of a malformed file, or an empty ladder.
    pub fn parse(path: &Path, text: &str) -> Result<Ladders> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            ladder: Vec<Ladder>,
            #[serde(default)]
            intensifiers: Vec<String>,
            #[serde(default)]
            intensified_verbs: Vec<String>,
        }
        let file: File = toml::from_str(text)
            .map_err(|e| Error::Rules { path: path.to_owned(), what: crate::error::toml_message(text, &e) })?;
        if let Some(bad) = file.ladder.iter().find(|l| l.steps.len() < 2 || l.steps.iter().any(|s| s.is_empty())) {
            return Err(Error::Rules {
                path: path.to_owned(),
                what: format!("ladder `{}` needs at least two non-empty steps", bad.name),
            });
        }
        if let Some(bad) = file.ladder.iter().find(|l| !["stance", "modality", "intensity"].contains(&l.kind.as_str()))
        {
            return Err(Error::Rules {
                path: path.to_owned(),
                what: format!("ladder `{}`: kind `{}` is not stance, modality or intensity", bad.name, bad.kind),
            });
        }
        let mut intensifiers = file.intensifiers;
        intensifiers.retain(|w| !w.is_empty());
        // Longest first, so that 进一步 is tried before a shorter word it contains.
        intensifiers.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let mut verbs = file.intensified_verbs;
        verbs.retain(|w| !w.is_empty());
        verbs.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Ladders::new(file.ladder, [intensifiers, verbs], crate::sha256_hex(text.as_bytes())[..16].to_owned())
            .map_err(|what| Error::Rules { path: path.to_owned(), what })
    }

    fn new(ladders: Vec<Ladder>, intensity: [Vec<String>; 2], hash: String) -> std::result::Result<Ladders, String> {
        let [intensifiers, intensified_verbs] = intensity;
        // Longest first; among equal lengths, the first ladder and step listed; a word listed
        // twice counts where it is first listed.
        let mut words: Vec<(String, usize, usize)> = Vec::new();
        for (l, ladder) in ladders.iter().enumerate() {
            for (s, step) in ladder.steps.iter().enumerate() {
                for word in step.iter().filter(|w| !w.is_empty()) {
                    if !words.iter().any(|(w, _, _)| w == word) {
                        words.push((word.clone(), l, s));
                    }
                }
            }
        }
        words.sort_by_key(|(word, _, _)| std::cmp::Reverse(word.len()));
        // A few dozen short words: a contiguous NFA builds in a fraction of a DFA's time and
        // searches these short texts as fast.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(words.iter().map(|(word, _, _)| word))
            .map_err(|e| format!("the ladder words do not make a matcher: {e}"))?;
        Ok(Ladders { ladders, hash, intensifiers, intensified_verbs, words, matcher })
    }

    /// Every occurrence of a ladder word in `text`: (byte start, word, ladder index, step).
    /// Longer words win where two overlap (坚定支持 over 支持): one pass, leftmost-longest.
    pub(super) fn occurrences(&self, text: &str) -> Vec<(usize, &str, usize, usize)> {
        self.matcher
            .find_iter(text)
            .map(|found| {
                let (word, ladder, step) = &self.words[found.pattern().as_usize()];
                (found.start(), word.as_str(), *ladder, *step)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_ladders_name_the_line() {
        let err = Ladders::parse(Path::new("l.toml"), "[[ladder]]\nname = \"x\"\nsteps = [[\"a\"]]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs at least two non-empty steps"), "{err}");
        let err = Ladders::parse(Path::new("l.toml"), "[[ladder]]\nname = 3\n").unwrap_err().to_string();
        assert!(err.starts_with("l.toml: line 2"), "{err}");
        let err = Ladders::parse(
            Path::new("l.toml"),
            "[[ladder]]\nname = \"x\"\nkind = \"mood\"\nsteps = [[\"a\"], [\"b\"]]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("kind `mood` is not stance, modality or intensity"), "{err}");
        let err = Ladders::parse(
            Path::new("l.toml"),
            "[[ladder]]\nname = \"x\"\nsteps = [[\"a\"], [\"b\"]]\nintensifiers = []\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown field"), "{err}");
    }
}
