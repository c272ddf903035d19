//! Who endorses a paragraph: the subject before its first commitment verb, a group
//! (成员国, 各方, 有关成员国…) or a list of named states, recognised by rules kept as data
//! (data/endorsers.toml; docs/series.md).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

const DEFAULT_RULES: &str = include_str!("../data/endorsers.toml");

/// The rules.
#[derive(Debug, Clone)]
pub struct EndorserRules {
    groups: Vec<String>,
    states: Vec<String>,
    separators: Vec<String>,
    openings: Vec<String>,
    /// Finds the first commitment verb of a sentence.
    verbs: AhoCorasick,
}

/// The rules as the data file lists them.
#[derive(Deserialize)]
struct RulesFile {
    groups: Vec<String>,
    states: Vec<String>,
    separators: Vec<String>,
    verbs: Vec<String>,
    openings: Vec<String>,
}

/// Who holds a paragraph's commitment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "names")]
pub enum Endorsers {
    /// A group, as written (`成员国`).
    Group(String),
    /// Named states, in the order written.
    States(Vec<String>),
}

impl Endorsers {
    /// How many hold the commitment, to order two subjects: a named list holds as many as it
    /// names; a restricted group (有关成员国, 相关成员国, 有关各方) fewer than any whole group
    /// and more than any list the texts name; a whole group (成员国, 各方) the most.
    pub fn scope(&self) -> usize {
        const WHOLE: usize = 1_000;
        const RESTRICTED: usize = 500;
        match self {
            Endorsers::States(states) => states.len(),
            Endorsers::Group(name) if name.starts_with("有关") || name.starts_with("相关") => RESTRICTED,
            Endorsers::Group(_) => WHOLE,
        }
    }
}

impl std::fmt::Display for Endorsers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endorsers::Group(name) => f.write_str(name),
            Endorsers::States(states) => f.write_str(&states.join("、")),
        }
    }
}

impl EndorserRules {
    /// The built-in rules.
    pub fn builtin() -> EndorserRules {
        let mut file: RulesFile =
            toml::from_str(DEFAULT_RULES).expect("the built-in endorser rules are valid (tested)");
        // Longest first, so that 中华人民共和国 wins over 中国 and 有关成员国 over 成员国.
        for list in [&mut file.groups, &mut file.states, &mut file.separators] {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        // Only where the first verb starts matters, not which verb it is.
        let verbs = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostFirst)
            .build(file.verbs.iter().filter(|v| !v.is_empty()))
            .expect("the built-in verbs make a matcher (tested)");
        EndorserRules {
            groups: file.groups,
            states: file.states,
            separators: file.separators,
            openings: file.openings,
            verbs,
        }
    }

    /// The endorsers of a paragraph's comparison key, if its first sentence opens with a
    /// recognised subject followed by a commitment verb.
    pub fn of(&self, key: &str) -> Option<Endorsers> {
        let (subject, _) = self.subject(key)?;
        Some(subject)
    }

    /// The endorsers and the byte length of the subject (with any opening) in `key`.
    pub fn subject(&self, key: &str) -> Option<(Endorsers, usize)> {
        let sentence_end = key.find(['。', '；']).unwrap_or(key.len());
        let mut start = 0;
        if let Some(opening) = self.openings.iter().find(|o| key.starts_with(o.as_str())) {
            start = opening.len();
        }
        let rest = &key[start..sentence_end];
        // The subject ends where the first commitment verb starts.
        let verb_at = self.verbs.find(rest)?.start();
        let subject = &rest[..verb_at];
        if subject.is_empty() {
            return None;
        }
        if let Some(group) = self.groups.iter().find(|g| g.as_str() == subject) {
            return Some((Endorsers::Group(group.clone()), start + verb_at));
        }
        let states = self.states_in(subject)?;
        Some((Endorsers::States(states), start + verb_at))
    }

    /// `subject` as a list of named states joined by separators, or `None`.
    fn states_in(&self, subject: &str) -> Option<Vec<String>> {
        let mut states = Vec::new();
        let mut rest = subject;
        while !rest.is_empty() {
            if let Some(separator) = self.separators.iter().find(|s| rest.starts_with(s.as_str())) {
                rest = &rest[separator.len()..];
                continue;
            }
            let state = self.states.iter().find(|s| rest.starts_with(s.as_str()))?;
            states.push(state.clone());
            rest = &rest[state.len()..];
        }
        (!states.is_empty()).then_some(states)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_groups_or_named_states() {
        let rules = EndorserRules::builtin();
        assert_eq!(rules.of("成员国支持该倡议。"), Some(Endorsers::Group("成员国".into())));
        assert_eq!(rules.of("为此，有关成员国重申，…"), Some(Endorsers::Group("有关成员国".into())));
        assert_eq!(
            rules.of("哈萨克斯坦共和国、吉尔吉斯共和国和俄罗斯联邦支持“一带一路”倡议。"),
            Some(Endorsers::States(vec!["哈萨克斯坦共和国".into(), "吉尔吉斯共和国".into(), "俄罗斯联邦".into()]))
        );
        assert_eq!(rules.of("国际关系正经历深刻演变。"), None);
        assert_eq!(rules.of("成员国和观察员国支持。"), None, "an unknown party is not guessed");
        assert_eq!(rules.subject("成员国支持。").map(|s| s.1), Some("成员国".len()));
    }
}
