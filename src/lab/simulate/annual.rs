//! Annual updates: what a paragraph carried over to the next year's declaration changes. Recent
//! dates and years move on a year, recurring year ranges to the next period, ordinals
//! (第十九次 → 第二十次, 第75届 → 第76届) and anniversaries count on, meeting cities and the
//! chair change. Years far from the declaration's own (a treaty of 1987, the 2030 Agenda) stay.

use super::Rng;
use super::yearly::Phrases;

/// Where next year's summit meets: its date and city, shared by the opening line, the date line
/// and the source line.
#[derive(Debug, Clone)]
pub(super) struct Summit {
    /// The declaration's own year (the year of its opening line).
    pub year: u64,
    pub month: u64,
    pub day: u64,
    pub city: String,
}

impl Summit {
    /// Next year's summit after a declaration of `year`.
    pub fn next(year: u64, phrases: &Phrases, rng: &mut Rng) -> Summit {
        let month = 6 + rng.below(6) as u64;
        let day = 1 + rng.below(28) as u64;
        let city = rng.pick(&phrases.cities).cloned().unwrap_or_default();
        Summit { year, month, day, city }
    }
}

/// How the updates of a paragraph are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Every update, dates and cities those of the summit (opening, date and source lines).
    Summit,
    /// About half the updates (at least one), dates and cities picked at random.
    Some,
}

/// The year of a text's first full date (`2020年11月10日`), or of its first year.
pub(super) fn year_of(text: &str) -> Option<u64> {
    (0..text.len()).filter(|&i| text.is_char_boundary(i)).find_map(|i| {
        let (year, end) = digits(text, i)?;
        (end - i == 4
            && text[end..].starts_with('年')
            && (i == 0 || !text[..i].ends_with(|c: char| c.is_ascii_digit())))
        .then_some(year)
    })
}

/// `text` with next year's updates, or `None` when it has nothing to update.
pub(super) fn update(text: &str, summit: &Summit, mode: Mode, phrases: &Phrases, rng: &mut Rng) -> Option<String> {
    let sites = sites(text, summit, mode, phrases, rng);
    if sites.is_empty() {
        return None;
    }
    let mut chosen: Vec<bool> = sites.iter().map(|_| mode == Mode::Summit || rng.below(2) == 0).collect();
    if !chosen.contains(&true) {
        chosen[rng.below(sites.len())] = true;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for ((start, end, replacement), keep) in sites.into_iter().zip(chosen) {
        if keep {
            out.push_str(&text[at..start]);
            out.push_str(&replacement);
            at = end;
        }
    }
    out.push_str(&text[at..]);
    (out != text).then_some(out)
}

/// The chair paragraph (`俄罗斯联邦2019—2020年轮值主席国`): the next state in the order of the
/// data, the next term, and sometimes a sentence naming the chair after it.
pub(super) fn chair(text: &str, phrases: &Phrases, rng: &mut Rng) -> Option<String> {
    let marker = text.find("年轮值主席国")?;
    let (second, second_start) = number_before(&text[..marker])?;
    let before_second = text[..second_start].strip_suffix('—')?;
    let (first, first_start) = number_before(before_second)?;
    let head = &before_second[..first_start];
    let (k, state) = phrases.states.iter().enumerate().find(|(_, s)| head.ends_with(s.as_str()))?;
    let next = &phrases.states[(k + 1) % phrases.states.len()];
    let after = &phrases.states[(k + 2) % phrases.states.len()];
    let prefix = &head[..head.len() - state.len()];
    let mut out = format!("{prefix}{next}{}—{}{}", first + 1, second + 1, &text[marker..]);
    if rng.below(2) == 0 {
        let years = format!("{}—{}", first + 2, second + 2);
        out.push_str(&phrases.next_chair.replace("{state}", after).replace("{years}", &years));
    }
    Some(out)
}

/// The four ASCII digits ending `text`: their value and where they start.
fn number_before(text: &str) -> Option<(u64, usize)> {
    let start = text.len().checked_sub(4)?;
    if !text.is_char_boundary(start) || !text[start..].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((text[start..].parse().ok()?, start))
}

/// The updatable places of `text`, in order and not overlapping: (start, end, replacement).
fn sites(text: &str, summit: &Summit, mode: Mode, phrases: &Phrases, rng: &mut Rng) -> Vec<(usize, usize, String)> {
    let recent = |year: u64| year + 1 >= summit.year && year <= summit.year + 1;
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let after_digit = text[..i].ends_with(|c: char| c.is_ascii_digit());
        if let Some((end, replacement)) =
            (!after_digit).then(|| site_at(text, i, summit, mode, phrases, rng, &recent)).flatten()
        {
            found.push((i, end, replacement));
            i = end;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

fn site_at(
    text: &str,
    i: usize,
    summit: &Summit,
    mode: Mode,
    phrases: &Phrases,
    rng: &mut Rng,
    recent: &dyn Fn(u64) -> bool,
) -> Option<(usize, String)> {
    let rest = &text[i..];
    if let Some((value, end)) = digits(text, i) {
        let width = end - i;
        let tail = &text[end..];
        // A full date, perhaps with the last day of a span: 2020年5月23日至27日.
        if width == 4 && recent(value) {
            if let Some((_, day, stop)) = month_day(text, end + '年'.len_utf8()).filter(|_| tail.starts_with('年')) {
                let (m, d) = match mode {
                    Mode::Summit => (summit.month, summit.day),
                    Mode::Some => (1 + rng.below(12) as u64, 1 + rng.below(27) as u64),
                };
                let mut replacement = format!("{}年{m}月{d}日", value + 1);
                let mut stop = stop;
                if let Some((last, span_end)) = text[stop..].strip_prefix('至').and_then(|_| {
                    let from = stop + '至'.len_utf8();
                    digits(text, from)
                        .filter(|&(_, e)| text[e..].starts_with('日'))
                        .map(|(v, e)| (v, e + '日'.len_utf8()))
                }) {
                    replacement.push_str(&format!("至{}日", (d + last.saturating_sub(day)).min(28)));
                    stop = span_end;
                }
                return Some((stop, replacement));
            }
            // A range of years: 2019—2021 (a programme) moves to the next period or on a year.
            if tail.starts_with('—') {
                let second_at = end + '—'.len_utf8();
                if let Some((second, second_end)) = digits(text, second_at).filter(|&(_, e)| e - second_at == 4) {
                    if recent(second) || recent(second.saturating_sub(1)) {
                        let step = if second > value + 1 && rng.below(2) == 0 { second - value + 1 } else { 1 };
                        return Some((second_end, format!("{}—{}", value + step, second + step)));
                    }
                    return None;
                }
            }
            if tail.starts_with('年') {
                return Some((end, (value + 1).to_string()));
            }
        }
        if tail.starts_with("周年") && width <= 3 {
            return Some((end, (value + 1).to_string()));
        }
        // A month and day without a year (the source line).
        if mode == Mode::Summit
            && width <= 2
            && tail.starts_with('月')
            && let Some((_, _, stop)) = month_day(text, i)
        {
            return Some((stop, format!("{}月{}日", summit.month, summit.day)));
        }
        return None;
    }
    if let Some(after) = rest.strip_prefix('第') {
        let from = i + '第'.len_utf8();
        let (number, end, chinese) = match digits(text, from) {
            Some((v, e)) => (v, e, false),
            None => {
                let len = after
                    .chars()
                    .take_while(|c| "一二三四五六七八九十".contains(*c))
                    .map(char::len_utf8)
                    .sum::<usize>();
                (parse_chinese(&after[..len])?, from + len, true)
            }
        };
        let tail = &text[end..];
        if (tail.starts_with('次') || tail.starts_with('届')) && !tail[3..].starts_with("世界大战") {
            let next = if chinese { format_chinese(number + 1)? } else { (number + 1).to_string() };
            return Some((end, format!("第{next}")));
        }
        return None;
    }
    if rest.starts_with("以视频方式") {
        let city = match mode {
            Mode::Summit => summit.city.clone(),
            Mode::Some => rng.pick(&phrases.cities).cloned().unwrap_or_default(),
        };
        return Some((i + "以视频方式".len(), format!("在{city}")));
    }
    let city = phrases.cities.iter().find(|c| rest.starts_with(c.as_str()))?;
    let replacement = match mode {
        Mode::Summit => summit.city.clone(),
        Mode::Some => {
            let others: Vec<&String> = phrases.cities.iter().filter(|c| *c != city).collect();
            (*rng.pick(&others)?).clone()
        }
    };
    Some((i + city.len(), replacement))
}

/// ASCII digits at `at`: their value and end.
fn digits(text: &str, at: usize) -> Option<(u64, usize)> {
    let len = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 9 {
        return None;
    }
    Some((text[at..at + len].parse().ok()?, at + len))
}

/// `11月10日` at `at`: month, day and the end.
fn month_day(text: &str, at: usize) -> Option<(u64, u64, usize)> {
    let (month, end) = digits(text, at).filter(|&(m, e)| (1..=12).contains(&m) && text[e..].starts_with('月'))?;
    let day_at = end + '月'.len_utf8();
    let (day, end) = digits(text, day_at).filter(|&(d, e)| (1..=31).contains(&d) && text[e..].starts_with('日'))?;
    Some((month, day, end + '日'.len_utf8()))
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 一 … 九十九.
pub(super) fn parse_chinese(text: &str) -> Option<u64> {
    let value = |c: char| DIGITS.iter().position(|&d| d == c).map(|v| v as u64).filter(|&v| v > 0);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => value(*c),
        ['十', u] => Some(10 + value(*u)?),
        [t, '十'] => Some(value(*t)? * 10),
        [t, '十', u] => Some(value(*t)? * 10 + value(*u)?),
        _ => None,
    }
}

/// 1 … 99 in Chinese numerals.
pub(super) fn format_chinese(n: u64) -> Option<String> {
    let digit = |v: u64| DIGITS[v as usize];
    match n {
        1..=9 => Some(digit(n).to_string()),
        10 => Some("十".to_owned()),
        11..=19 => Some(format!("十{}", digit(n - 10))),
        20..=99 if n.is_multiple_of(10) => Some(format!("{}十", digit(n / 10))),
        21..=99 => Some(format!("{}十{}", digit(n / 10), digit(n % 10))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, mode: Mode) -> Option<String> {
        let phrases = Phrases::builtin();
        let summit = Summit { year: 2020, month: 9, day: 17, city: "杜尚别".to_owned() };
        update(text, &summit, mode, phrases, &mut Rng::new(3))
    }

    #[test]
    fn updates_move_on_a_year() {
        assert_eq!(
            run("成员国领导人于2020年11月10日以视频方式举行元首理事会会议", Mode::Summit).unwrap(),
            "成员国领导人于2021年9月17日在杜尚别举行元首理事会会议"
        );
        assert_eq!(run("（新华社莫斯科11月10日电）", Mode::Summit).unwrap(), "（新华社杜尚别9月17日电）");
        assert_eq!(run("将在第75届联合国大会上", Mode::Summit).unwrap(), "将在第76届联合国大会上");
        assert_eq!(run("第十九次会议", Mode::Summit).unwrap(), "第二十次会议");
        assert_eq!(run("第二次世界大战胜利75周年", Mode::Summit).unwrap(), "第二次世界大战胜利76周年");
        assert_eq!(run("“团结协作2020—2021”", Mode::Summit).unwrap(), "“团结协作2021—2022”");
        assert_eq!(run("1987年签署的条约和2030年议程", Mode::Summit), None);
        assert_eq!(run("2019年至2021年合作纲要", Mode::Summit).unwrap(), "2020年至2022年合作纲要");
        assert!(run("2020年5月23日至27日举行", Mode::Some).is_some());
    }

    #[test]
    fn the_chair_passes_on() {
        let phrases = Phrases::builtin();
        let text = "成员国高度评价俄罗斯联邦2019—2020年轮值主席国工作，认为其成果巩固了合作。";
        let out = chair(text, phrases, &mut Rng::new(1)).unwrap();
        assert!(
            out.starts_with("成员国高度评价塔吉克斯坦共和国2020—2021年轮值主席国工作，认为其成果巩固了合作。"),
            "{out}"
        );
    }

    #[test]
    fn chinese_numerals_round_trip() {
        for n in 1..100 {
            assert_eq!(parse_chinese(&format_chinese(n).unwrap()), Some(n));
        }
    }
}
