//! Stock formulas with other content: two paragraphs that say the same thing of different
//! states, or welcome different initiatives, are different paragraphs however much wording
//! they share (成员国决定启动接收X为成员国的程序; 成员国注意到X关于…的倡议).
//!
//! Two checks, on comparison keys:
//! - **states**: both paragraphs name states and no state is named by both — unless their
//!   numbers differ too, which is the annual update of a rotating role (the chair, the next
//!   host: 乌兹别克斯坦共和国将担任2021—2022年… → 印度共和国将担任2022—2023年…);
//! - **initiatives**: both name initiatives, documents or events (a 《title》, the object of
//!   关于…的倡议, the event after 举办/举行) and none of one is like one of the other (dates and
//!   editions aside).
//!
//! A process of the same state that advances (启动接收伊朗… → 伊朗签署…备忘录) names the same
//! state and passes.

/// States the declarations name, short forms (a full name contains its short form:
/// 伊朗伊斯兰共和国 ⊃ 伊朗). Members, observers, dialogue partners and the states of hotspots.
const STATES: &[&str] = &[
    "中国",
    "中华人民共和国",
    "俄罗斯",
    "哈萨克斯坦",
    "吉尔吉斯",
    "塔吉克斯坦",
    "乌兹别克斯坦",
    "印度共和国",
    "巴基斯坦",
    "伊朗",
    "白俄罗斯",
    "阿富汗",
    "蒙古国",
    "斯里兰卡",
    "土耳其",
    "柬埔寨",
    "阿塞拜疆",
    "尼泊尔",
    "亚美尼亚",
    "埃及",
    "卡塔尔",
    "沙特",
    "科威特",
    "马尔代夫",
    "缅甸",
    "阿联酋",
    "阿拉伯联合酋长国",
    "巴林",
    "老挝",
    "土库曼斯坦",
    "叙利亚",
    "朝鲜",
    "乌克兰",
];

/// Words that name an initiative or a proposal: the object of 关于…的倡议 is what it is about.
const INITIATIVE_WORDS: &[&str] = &["的倡议", "的建议", "的提议", "的构想"];

/// Words of a state's status in the organisation: accession, membership, observer or partner
/// status.
const STATUS_WORDS: &[&str] = &[
    "为上合组织成员国",
    "为本组织成员国",
    "成为上合组织",
    "加入上合组织",
    "成员国地位",
    "观察员国地位",
    "对话伙伴地位",
];

/// What the checks read of one block, computed once per block (a block stands in many pairs).
#[derive(Debug, Default)]
pub(crate) struct Facts {
    states: Vec<&'static str>,
    numbers: Vec<u64>,
    initiatives: Vec<String>,
    /// Which of `initiatives` are 《titles》 (the first ones).
    titles: usize,
    about_status: bool,
}

impl Facts {
    pub(crate) fn of(key: &str) -> Facts {
        let mut facts = Facts::default();
        // One pass over the key for every listed state and status word.
        for found in words().find_iter(key) {
            let k = found.pattern().as_usize();
            match STATES.get(k) {
                Some(state) => facts.states.push(state),
                None => facts.about_status = true,
            }
        }
        if facts.states.contains(&"中华人民共和国") {
            facts.states.retain(|s| *s != "中华人民共和国");
            facts.states.push("中国");
        }
        facts.states.sort_unstable();
        facts.states.dedup();
        if key.bytes().any(|b| b.is_ascii_digit()) {
            facts.numbers = numbers(key);
        }
        if key.contains('《') || key.contains("关于") || EVENT_VERBS.iter().any(|v| key.contains(v)) {
            (facts.initiatives, facts.titles) = initiatives_in(key);
        }
        facts
    }

    /// The 《titles》 the block names, without the organisation's name, stock words and years:
    /// a strategy or programme renewed for its next period keeps its title here.
    pub(crate) fn titles(&self) -> impl Iterator<Item = &str> {
        self.initiatives[..self.titles].iter().map(String::as_str).filter(|t| t.chars().count() >= 2)
    }
}

/// The states, then the status words, as one automaton.
fn words() -> &'static aho_corasick::AhoCorasick {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        // Leftmost-longest: 中华人民共和国 rather than the 中国 a longer name never holds.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(STATES.iter().chain(STATUS_WORDS))
            .expect("the word lists are valid patterns")
    })
}

/// Whether two paragraphs follow one state's (or group's) status in the organisation, a process
/// that advances from year to year (启动接收X为成员国的程序 → 欢迎X正式成为成员国): the same
/// states named, and both about status. Such a pair is linked however much its wording changed.
pub(crate) fn same_status_process(old: &Facts, new: &Facts) -> bool {
    old.about_status && new.about_status && !old.states.is_empty() && old.states.len() <= 6 && old.states == new.states
}

/// Whether status paragraphs of single states were merged into one about all of them (两国签署
/// 备忘录 in two paragraphs → both welcomed as members in one): every part about status, the
/// parts' states disjoint and together the whole's.
pub(crate) fn status_parts(whole: &Facts, parts: &[&Facts]) -> bool {
    let mut states: Vec<&str> = Vec::new();
    for part in parts {
        if !part.about_status || part.states.is_empty() || part.states.iter().any(|s| states.contains(s)) {
            return false;
        }
        states.extend(part.states.iter().copied());
    }
    states.sort_unstable();
    whole.about_status && states == whole.states
}

/// Whether two closing lines name the same state (a signatory with a new person or office).
pub(crate) fn same_state(old: &Facts, new: &Facts) -> bool {
    !old.states.is_empty() && old.states == new.states
}

/// Whether two blocks name a state or a 《title》 in common.
pub(crate) fn share_a_name(old: &Facts, new: &Facts) -> bool {
    old.states.iter().any(|s| new.states.contains(s)) || old.titles().any(|t| new.titles().any(|u| u == t))
}

/// Whether two blocks name the same two or more states (a joint project, a trilateral format).
pub(crate) fn same_state_group(old: &Facts, new: &Facts) -> bool {
    old.states.len() >= 2 && old.states == new.states
}

/// Whether two paragraphs are the same formula about different states or initiatives.
pub(crate) fn different_content(old: &Facts, new: &Facts) -> bool {
    different_states(old, new) || different_initiatives(old, new)
}

fn different_states(old: &Facts, new: &Facts) -> bool {
    let (a, b) = (&old.states, &new.states);
    !a.is_empty() && !b.is_empty() && a.iter().all(|s| !b.contains(s)) && old.numbers == new.numbers
}

/// The numbers of a key, in order (each run of digits; a run too long for a u64 saturates).
fn numbers(key: &str) -> Vec<u64> {
    key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap_or(u64::MAX)).collect()
}

fn different_initiatives(old: &Facts, new: &Facts) -> bool {
    let (a, b) = (&old.initiatives, &new.initiatives);
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| alike(x, y)))
}

/// The titles (《…》, outermost) and the objects of 关于…的倡议 in a key, and how many of
/// them (the first ones) are titles.
fn initiatives_in(key: &str) -> (Vec<String>, usize) {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in key.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    found.push(significant(&key[start..i]));
                }
            }
            _ => {}
        }
    }
    found.retain(|s| !s.is_empty());
    let titles = found.len();
    for word in INITIATIVE_WORDS {
        for (end, _) in key.match_indices(word) {
            let before = &key[..end];
            if let Some(open) = before.rfind("关于") {
                let object = &before[open + "关于".len()..];
                if !object.contains(['。', '，', '；', '《']) && !object.is_empty() {
                    found.push(significant(object));
                }
            }
        }
    }
    for verb in EVENT_VERBS {
        for (at, _) in key.match_indices(verb) {
            let rest = &key[at + verb.len()..];
            let rest = rest.strip_prefix('的').unwrap_or(rest);
            let object = rest.split(['，', '。', '；', '、']).next().unwrap_or("");
            found.push(significant(&without_ordinals(object)));
        }
    }
    found.retain(|s| !s.is_empty());
    (found, titles)
}

/// Verbs whose object is an event: the same formula welcoming another festival or forum is
/// another paragraph; the next session of the same meeting is the same one.
const EVENT_VERBS: &[&str] = &["举办", "举行", "召开", "开幕"];

/// An event's name without its edition (首届, 第十五次, 第2届).
fn without_ordinals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("首届") {
            rest = &rest["首届".len()..];
            continue;
        }
        if c == '第' {
            let numeral_end = rest['第'.len_utf8()..]
                .char_indices()
                .find(|&(_, d)| !(d.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(d)))
                .map(|(k, _)| k + '第'.len_utf8());
            if let Some(end) = numeral_end.filter(|&e| e > '第'.len_utf8()) {
                let after = &rest[end..];
                if let Some(unit) = ['届', '次'].into_iter().find(|&u| after.starts_with(u)) {
                    rest = &after[unit.len_utf8()..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// An initiative's words without the organisation's name, stock verbs and numbers.
fn significant(text: &str) -> String {
    static STOCK: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let stock = STOCK.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(["上海合作组织", "上合组织", "成员国", "建立", "制定", "举办", "草案", "成果", "活动"])
            .expect("valid patterns")
    });
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for found in stock.find_iter(text) {
        out.push_str(&text[at..found.start()]);
        at = found.end();
    }
    out.push_str(&text[at..]);
    out.retain(|c| !c.is_ascii_digit() && !"〈〉“”、—-年至".contains(c));
    out
}

/// Two initiatives are alike when 60 % of their character pairs are shared (Dice ≥ 0.6), or
/// when 70 % of the shorter one's pairs are in the longer (an event welcomed with another
/// beside it: 青年交流营活动 → 青年交流营和青年创业国际论坛).
fn alike(a: &str, b: &str) -> bool {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs
    };
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return a == b;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < pa.len() && j < pb.len() {
        match pa[i].cmp(&pb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = pa.len().min(pb.len());
    10 * shared >= 3 * (pa.len() + pb.len()) || (shorter >= 3 && 10 * shared >= 7 * shorter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn different_content(old: &str, new: &str) -> bool {
        super::different_content(&Facts::of(old), &Facts::of(new))
    }

    fn same_status_process(old: &str, new: &str) -> bool {
        super::same_status_process(&Facts::of(old), &Facts::of(new))
    }

    fn same_state(old: &str, new: &str) -> bool {
        super::same_state(&Facts::of(old), &Facts::of(new))
    }

    #[test]
    fn other_states_in_the_same_formula_differ() {
        assert!(different_content(
            "成员国决定启动接收伊朗伊斯兰共和国为上合组织成员国的程序。",
            "成员国决定启动接收白俄罗斯共和国为上合组织成员国的程序。"
        ));
        // The same state, one step further.
        assert!(!different_content(
            "成员国决定启动接收伊朗伊斯兰共和国为上合组织成员国的程序。",
            "成员国欢迎伊朗伊斯兰共和国签署关于承担义务以获得上合组织成员国地位的备忘录。"
        ));
        // A rotating role: the state changes with the year.
        assert!(!different_content(
            "乌兹别克斯坦共和国将担任2021—2022年上合组织轮值主席国。",
            "印度共和国将担任2022—2023年上合组织轮值主席国。"
        ));
    }

    #[test]
    fn a_status_process_of_the_same_state_advances() {
        assert!(same_status_process(
            "成员国决定启动接收白俄罗斯共和国为上合组织成员国的程序。",
            "成员国欢迎白俄罗斯共和国正式成为上合组织成员国，认为这将增强本组织的潜力。"
        ));
        assert!(!same_status_process(
            "成员国决定启动接收白俄罗斯共和国为上合组织成员国的程序。",
            "成员国欢迎伊朗伊斯兰共和国正式成为上合组织成员国。"
        ));
        assert!(!same_status_process(
            "成员国支持白俄罗斯共和国举办论坛。",
            "成员国欢迎白俄罗斯共和国正式成为上合组织成员国。"
        ));
        assert!(same_state("印度共和国总理莫迪", "印度共和国外交部长苏杰生"));
        let (a, b) = (
            Facts::of("成员国欢迎蒙古国签署关于承担义务以获得上合组织成员国地位的备忘录。"),
            Facts::of("成员国欢迎土库曼斯坦签署关于承担义务以获得上合组织成员国地位的备忘录。"),
        );
        let both = Facts::of("成员国欢迎蒙古国和土库曼斯坦正式成为上合组织成员国。");
        assert!(status_parts(&both, &[&a, &b]));
        assert!(!status_parts(&both, &[&a, &a]));
        assert!(!status_parts(&Facts::of("成员国欢迎蒙古国和土库曼斯坦举办论坛。"), &[&a, &b]));
    }

    #[test]
    fn titles_without_their_years_and_groups_of_states() {
        let old = Facts::of("成员国将落实《上合组织成员国2018—2023年禁毒战略》，抓紧制定新的战略。");
        let new = Facts::of("成员国将落实《上合组织成员国2024—2029年禁毒战略》及其行动计划。");
        assert_eq!(old.titles().collect::<Vec<_>>(), vec!["禁毒战略"]);
        assert!(old.titles().eq(new.titles()));
        // The object of 关于…的倡议 is an initiative, not a title.
        assert_eq!(Facts::of("成员国注意到俄罗斯联邦关于建立大学校长论坛的倡议。").titles().count(), 0);
        let group = Facts::of("成员国欢迎推进中国—吉尔吉斯斯坦—乌兹别克斯坦铁路项目。");
        assert!(same_state_group(
            &group,
            &Facts::of("成员国欢迎中华人民共和国、吉尔吉斯共和国和乌兹别克斯坦共和国签署协定。")
        ));
        assert!(!same_state_group(&group, &Facts::of("成员国欢迎中国和吉尔吉斯斯坦签署协定。")));
        assert!(!same_state_group(&Facts::of("白俄罗斯共和国"), &Facts::of("白俄罗斯共和国")));
    }

    #[test]
    fn other_initiatives_of_the_same_state_differ() {
        assert!(different_content(
            "成员国注意到乌兹别克斯坦共和国关于制定《上合组织成员国数字素养发展构想》草案的倡议。",
            "成员国注意到乌兹别克斯坦共和国关于制定《上合组织成员国发展互联互通和建立高效交通走廊构想》草案的倡议。"
        ));
        assert!(different_content(
            "成员国注意到俄罗斯联邦关于建立上合组织成员国大学校长论坛的倡议。",
            "成员国注意到俄罗斯联邦关于建立上合组织成员国青年创业孵化网络的倡议。"
        ));
        // Another festival, a year on, in the same welcome; the next session of one meeting.
        assert!(different_content(
            "成员国欢迎2014年5月在杜尚别举办首届上合组织成员国大学生艺术节。",
            "成员国欢迎2015年6月在乌法举办首届上合组织成员国青年创业论坛。"
        ));
        assert!(!different_content(
            "成员国积极评价2014年在杜尚别举行的上合组织成员国交通部长第五次会议成果。",
            "成员国积极评价2015年在乌法举行的上合组织成员国交通部长第六次会议成果，愿落实其决定。"
        ));
        // A programme renewed for the next period is the same programme.
        assert!(!different_content(
            "成员国将继续落实《上合组织成员国打击恐怖主义、分裂主义和极端主义2019年至2021年合作纲要》。",
            "成员国将落实《上合组织成员国打击恐怖主义、分裂主义和极端主义2022年至2024年合作纲要》。"
        ));
    }
}
