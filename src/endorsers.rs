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
    /// names; a restricted group (有关成员国, 有关各方, a group with a qualifier: 作为…缔约国的
    /// 上合组织成员国) fewer than any whole group
    /// and more than any list the texts name; a whole group (成员国, 各方) the most.
    pub fn scope(&self) -> usize {
        const WHOLE: usize = 1_000;
        const RESTRICTED: usize = 500;
        match self {
            Endorsers::States(states) => states.len(),
            Endorsers::Group(name) if name.starts_with("有关") || name.starts_with("相关") || name.contains('的') => {
                RESTRICTED
            }
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
        if let Some(states) = self.states_in(subject) {
            return Some((Endorsers::States(states), start + verb_at));
        }
        self.group_in(subject).map(|group| (group, start + verb_at))
    }

    /// A group in a subject that is not exactly one: followed by an adverb before the verb
    /// (上合组织成员国一贯主张) or a comma (…成员国，一贯主张), or with a restricting qualifier
    /// before it (作为《…》缔约国的上合组织成员国).
    fn group_in(&self, subject: &str) -> Option<Endorsers> {
        /// An adverb between a subject and its verb (一贯, 始终, 一致) is at most this long.
        const MAX_ADVERB_CHARS: usize = 3;
        let head = subject.split('，').next().unwrap_or(subject);
        self.groups.iter().filter_map(|g| head.rfind(g.as_str()).map(|at| (g, at))).find_map(|(g, at)| {
            let (group, tail) = head.split_at(at + g.len());
            if tail.chars().count() > MAX_ADVERB_CHARS {
                return None;
            }
            if group == g {
                return Some(Endorsers::Group(g.clone()));
            }
            let qualifier = &group[..at];
            qualifier.ends_with('的').then(|| Endorsers::Group(group.to_owned()))
        })
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
        // An adverb before the verb, a comma, a restricting qualifier.
        assert_eq!(rules.of("上合组织成员国一贯主张恪守规定。"), Some(Endorsers::Group("上合组织成员国".into())));
        let qualified = rules.of("作为《不扩散核武器条约》缔约国的上合组织成员国，一贯主张恪守条约规定。").unwrap();
        assert_eq!(qualified, Endorsers::Group("作为《不扩散核武器条约》缔约国的上合组织成员国".into()));
        assert!(qualified.scope() < Endorsers::Group("上合组织成员国".into()).scope());
    }

    #[test]
    fn scopes_order_subjects() {
        let group = |g: &str| Endorsers::Group(g.into());
        assert!(group("有关各方").scope() < group("各方").scope());
        assert_eq!(group("成员国").scope(), group("各方").scope());
        assert!(Endorsers::States(vec!["印度".into(); 7]).scope() < group("有关成员国").scope());
        assert!(Endorsers::States(vec!["印度".into(); 3]).scope() < Endorsers::States(vec!["印度".into(); 7]).scope());
    }
}
