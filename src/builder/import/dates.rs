//! The dates real feeds write, as the RFC 3339 timestamp with an offset that front matter needs:
//! RFC 3339 and RFC 2822 (with or without the weekday, any zone RFC 2822 names), and the forms
//! CMSs print without an offset (`2018-09-18 14:38:10`, `2018/9/18`, `2018年9月18日 14:38`),
//! which are read in the import's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};

use crate::dates::Timestamp;

/// A date read from a feed: RFC 3339 with an offset, and what the reading had to assume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDate {
    pub rfc3339: String,
    /// Why the date is not exactly what the feed said (a warning), if it is not.
    pub note: Option<String>,
}

/// Forms without an offset, read in the import's time zone.
const NAIVE_DATE_TIMES: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M:%S",
    "%Y年%m月%d日%H:%M",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M",
];

/// Dates without a time, read as midnight in the import's time zone.
const NAIVE_DATES: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%d %b %Y",
];

/// Forms with a numeric offset that neither RFC 3339 nor RFC 2822 reads.
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
    "%Y/%m/%d %H:%M:%S %z",
];

/// Reads `text` as a date; a date without an offset is read in `zone`. `None` when it is no
/// date this import knows.
pub fn parse_date(text: &str, zone: FixedOffset) -> Option<FeedDate> {
    let text = text.trim();
    if Timestamp::parse(text).is_some() {
        return Some(exact(text.to_owned()));
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(exact(rfc3339(date)));
    }
    if let Some(date) = rfc2822(text) {
        return Some(date);
    }
    let text = &collapse_spaces(text);
    for format in WITH_OFFSET {
        if let Ok(date) = DateTime::parse_from_str(text, format) {
            return Some(exact(rfc3339(date)));
        }
    }
    let without_weekday = strip_weekday(text);
    let naive = NAIVE_DATE_TIMES
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(without_weekday, f).ok())
        .or_else(|| {
            NAIVE_DATES
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(without_weekday, f).ok())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    let date = zone.from_local_datetime(&naive).single()?;
    Some(FeedDate {
        rfc3339: rfc3339(date),
        note: Some(format!("no time zone, read as {zone}")),
    })
    .filter(|d| Timestamp::parse(&d.rfc3339).is_some())
}

/// Parses an offset as `--timezone` takes it: `+08:00`, `-0500`, `+8`, `Z`, `UTC`.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if matches!(text, "Z" | "z" | "UTC" | "utc" | "GMT") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (hours, minutes) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None => (rest, "0"),
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

fn exact(rfc3339: String) -> FeedDate {
    FeedDate {
        rfc3339,
        note: None,
    }
}

fn rfc3339(date: DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// RFC 2822, also with a weekday that does not match the date, a colon in the offset or `UTC`.
fn rfc2822(text: &str) -> Option<FeedDate> {
    let fixed = rfc2822_zone(&collapse_spaces(text));
    if let Ok(date) = DateTime::parse_from_rfc2822(&fixed) {
        return Some(rfc2822_read(text, date, None));
    }
    let without_weekday = strip_weekday(&fixed);
    if without_weekday.len() == fixed.len() {
        return None;
    }
    let date = DateTime::parse_from_rfc2822(without_weekday).ok()?;
    let note = format!("weekday does not match {}, ignored", date.date_naive());
    Some(rfc2822_read(text, date, Some(note)))
}

/// `text` with a final `UTC` as `+0000` and a final `+08:00` as `+0800`, as RFC 2822 spells them.
fn rfc2822_zone(text: &str) -> String {
    if let Some(stem) = text.strip_suffix(" UTC") {
        return format!("{stem} +0000");
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    if n > 6 && bytes[n - 3] == b':' && matches!(bytes[n - 6], b'+' | b'-') && bytes[n - 7] == b' '
    {
        return format!("{}{}", &text[..n - 3], &text[n - 2..]);
    }
    text.to_owned()
}

/// An RFC 2822 date, with a note when its zone is a North American one (`CST` is also China
/// Standard Time, which RFC 2822 does not know).
fn rfc2822_read(text: &str, date: DateTime<FixedOffset>, note: Option<String>) -> FeedDate {
    let zone = text.rsplit(' ').next().unwrap_or_default();
    let american = ["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"].contains(&zone);
    let note = note
        .or_else(|| american.then(|| format!("zone {zone} read as {} (RFC 2822)", date.offset())));
    FeedDate {
        rfc3339: rfc3339(date),
        note,
    }
}

/// `text` without a leading `Tue, ` or `Tuesday `.
fn strip_weekday(text: &str) -> &str {
    let word_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    if word_end < 3 {
        return text;
    }
    text[word_end..].trim_start_matches([',', ' '])
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
