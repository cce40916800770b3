//! RFC 3339 timestamps: shown in the offset the data gives, compared as instants.

/// A parsed RFC 3339 timestamp, kept in its own offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    /// Offset from UTC in minutes.
    offset_minutes: i32,
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(range)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let seps_ok = b[4] == b'-' && b[7] == b'-' && b[13] == b':' && b[16] == b':';
        if !seps_ok {
            return None;
        }
        let ts = Timestamp {
            year: i32::try_from(num(0..4)?).ok()?,
            month: num(5..7)?,
            day: num(8..10)?,
            hour: num(11..13)?,
            minute: num(14..16)?,
            second: num(17..19)?,
            offset_minutes: 0,
        };
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &frac[digits..];
        }
        let offset_minutes = match rest {
            "Z" | "z" => 0,
            _ => {
                let rb = rest.as_bytes();
                if rb.len() != 6 || rb[3] != b':' {
                    return None;
                }
                let sign = match rb[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let hh: i32 = rest[1..3].parse().ok()?;
                let mm: i32 = rest[4..6].parse().ok()?;
                if hh > 23 || mm > 59 {
                    return None;
                }
                sign * (hh * 60 + mm)
            }
        };
        let valid = (1..=12).contains(&ts.month)
            && ts.day >= 1
            && ts.day <= days_in_month(ts.year, ts.month)
            && ts.hour < 24
            && ts.minute < 60
            && ts.second < 61;
        valid.then_some(Timestamp {
            offset_minutes,
            ..ts
        })
    }

    /// `YYYY-MM-DD HH:MM:SS` in the timestamp's own offset.
    pub fn format_datetime(&self) -> String {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// `YYYY-MM-DD` in the timestamp's own offset.
    pub fn format_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Year × 12 + month (0-based), in the timestamp's own offset: equal for the same month.
    pub fn month_index(&self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering instants given in different offsets.
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let local = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        local - i64::from(self.offset_minutes) * 60
    }
}

/// The date and time to show for an RFC 3339 string, or the string itself when it does not parse.
pub fn display_datetime(s: &str) -> String {
    Timestamp::parse(s).map_or_else(|| s.to_owned(), |t| t.format_datetime())
}

/// The date to show for an RFC 3339 string, or the string itself when it does not parse.
pub fn display_date(s: &str) -> String {
    Timestamp::parse(s).map_or_else(|| s.to_owned(), |t| t.format_date())
}

/// The instant of an RFC 3339 string; unparsable dates sort as the oldest.
pub fn sort_key(s: &str) -> i64 {
    Timestamp::parse(s).map_or(i64::MIN, |t| t.unix_seconds())
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_the_given_offset() {
        let t = Timestamp::parse("2025-03-14T09:05:07+08:00").expect("valid");
        assert_eq!(t.format_datetime(), "2025-03-14 09:05:07");
        assert_eq!(t.format_date(), "2025-03-14");
        assert_eq!(
            display_datetime("2024-12-31T23:59:59-05:30"),
            "2024-12-31 23:59:59"
        );
        assert_eq!(
            display_datetime("2025-01-02T03:04:05.123Z"),
            "2025-01-02 03:04:05"
        );
    }

    #[test]
    fn unparsable_dates_are_shown_as_given() {
        for bad in [
            "",
            "2025-03-14",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-03-14T09:30:00",
            "2025-03-14T25:00:00Z",
            "2025-03-14T09:30:00+8:00",
            "２０２５-03-14T09:30:00Z",
            "2025-03-14T09:30:00.Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
            assert_eq!(display_date(bad), bad);
        }
        assert!(
            Timestamp::parse("2024-02-29T00:00:00Z").is_some(),
            "leap day"
        );
    }

    #[test]
    fn instants_compare_across_offsets() {
        assert_eq!(sort_key("1970-01-01T00:00:00Z"), 0);
        assert_eq!(sort_key("1970-01-01T08:00:00+08:00"), 0);
        assert_eq!(sort_key("2000-03-01T00:00:00Z"), 951_868_800);
        assert!(sort_key("2025-01-01T07:00:00+08:00") < sort_key("2025-01-01T00:00:00Z"));
        assert_eq!(sort_key("garbage"), i64::MIN);
    }
}
