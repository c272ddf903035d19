//! Terms followed through a series: per year, each term's count and rate per 10,000
//! characters, the themes and blocks where it stands, its first and last years, its gaps and
//! the years it came back. Variant forms count as one through an alias list kept as data
//! (data/aliases.toml).

use serde::{Deserialize, Serialize};

use super::Member;

const DEFAULT_ALIASES: &str = include_str!("../../data/aliases.toml");

/// Variant forms of terms.
#[derive(Debug, Clone, Deserialize)]
pub struct Aliases {
    alias: Vec<AliasGroup>,
}

#[derive(Debug, Clone, Deserialize)]
struct AliasGroup {
    forms: Vec<String>,
}

impl Aliases {
    /// The built-in alias list.
    pub fn builtin() -> Aliases {
        toml::from_str(DEFAULT_ALIASES).expect("the built-in aliases are valid (tested)")
    }

    /// The forms counted for `term`: its alias group (the group's first form as the name), or
    /// the term alone.
    pub fn forms(&self, term: &str) -> (String, Vec<String>) {
        match self.alias.iter().find(|g| g.forms.iter().any(|f| f == term)) {
            Some(group) => (group.forms[0].clone(), group.forms.clone()),
            None => (term.to_owned(), vec![term.to_owned()]),
        }
    }
}

/// One term in one year.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TermYear {
    /// The year.
    pub year: i32,
    /// Occurrences (all forms, without overlaps).
    pub count: usize,
    /// Occurrences per 10,000 characters of the declaration.
    pub rate: f64,
    /// The themes of the blocks it stands in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// The blocks it stands in, 0-based.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<usize>,
    /// Those blocks as a reader cites them: `¶N` (block + 1, docs/numbering.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<usize>,
}

/// One term through the series.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TermSeries {
    /// The term's name (an alias group's first form).
    pub term: String,
    /// The forms counted.
    pub forms: Vec<String>,
    /// Every year of the series.
    pub years: Vec<TermYear>,
    /// The first year it appears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<i32>,
    /// The last year it appears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<i32>,
    /// Runs of years without it between its first and last: [from, to].
    pub gaps: Vec<[i32; 2]>,
    /// The years it came back after a gap.
    pub returns: Vec<i32>,
}

/// Follows `terms` through the members of a series (in year order).
pub fn follow(members: &[Member], terms: &[String], aliases: &Aliases) -> Vec<TermSeries> {
    terms
        .iter()
        .map(|term| {
            let (name, mut forms) = aliases.forms(term);
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            let years: Vec<TermYear> = members.iter().map(|m| term_year(m, &forms)).collect();
            let present: Vec<i32> = years.iter().filter(|y| y.count > 0).map(|y| y.year).collect();
            let all_years: Vec<i32> = members.iter().map(|m| m.year).collect();
            let (mut gaps, mut returns) = (Vec::new(), Vec::new());
            for pair in present.windows(2) {
                let missing: Vec<i32> = all_years.iter().copied().filter(|y| *y > pair[0] && *y < pair[1]).collect();
                if let (Some(&from), Some(&to)) = (missing.first(), missing.last()) {
                    gaps.push([from, to]);
                    returns.push(pair[1]);
                }
            }
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            TermSeries {
                term: name,
                forms,
                years,
                first: present.first().copied(),
                last: present.last().copied(),
                gaps,
                returns,
            }
        })
        .collect()
}

fn term_year(member: &Member, forms: &[String]) -> TermYear {
    let (mut count, mut themes, mut blocks) = (0, Vec::new(), Vec::new());
    let mut chars = 0;
    for block in &member.document.blocks {
        chars += block.key.chars().count();
        let n = occurrences(&block.key, forms);
        if n > 0 {
            count += n;
            blocks.push(block.index);
            if !themes.contains(&block.theme) {
                themes.push(block.theme.clone());
            }
        }
    }
    let rate = if chars == 0 { 0.0 } else { crate::round4(count as f64 * 10_000.0 / chars as f64) };
    let paragraphs = crate::report::numbers(&blocks);
    TermYear { year: member.year, count, rate, themes, blocks, paragraphs }
}

/// Non-overlapping occurrences of any of `forms` (longest first) in `text`.
fn occurrences(text: &str, forms: &[String]) -> usize {
    let (mut count, mut at) = (0, 0);
    while at < text.len() {
        let rest = &text[at..];
        match forms.iter().find(|f| !f.is_empty() && rest.starts_with(f.as_str())) {
            Some(form) => {
                count += 1;
                at += form.len();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Document;

    fn member(year: i32, text: &str) -> Member {
        Member { id: format!("t-{year}"), year, document: Document::parse("t", text), profile: None }
    }

    #[test]
    fn aliases_gaps_and_returns() {
        let members = vec![
            member(2001, "上海合作组织成员国支持上合组织发展。\n"),
            member(2002, "成员国支持合作。\n"),
            member(2003, "成员国支持合作。\n"),
            member(2004, "上合组织成员国支持合作。\n"),
        ];
        let found = follow(&members, &["上合组织".to_owned()], &Aliases::builtin());
        let sco = &found[0];
        assert_eq!(sco.term, "上海合作组织");
        assert_eq!(sco.years.iter().map(|y| y.count).collect::<Vec<_>>(), vec![2, 0, 0, 1]);
        assert_eq!((sco.first, sco.last), (Some(2001), Some(2004)));
        assert_eq!(sco.gaps, vec![[2002, 2003]]);
        assert_eq!(sco.returns, vec![2004]);
        assert!(sco.years[0].rate > 0.0);
        assert_eq!(occurrences("合作合作组织", &["合作组织".to_owned(), "合作".to_owned()]), 2);
    }
}
