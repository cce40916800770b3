//! Unit tests of `dates.rs`.

use chrono::FixedOffset;

use super::super::dates::*;

fn china() -> FixedOffset {
    parse_offset("+08:00").expect("valid")
}

fn read(text: &str) -> (String, Option<String>) {
    let d = parse_date(text, china()).unwrap_or_else(|| panic!("{text:?} is a date"));
    (d.rfc3339, d.note)
}

#[test]
fn reads_the_common_forms() {
    let cases = [
        ("2018-09-18T14:38:10+08:00", "2018-09-18T14:38:10+08:00"),
        ("2018-09-18T06:38:10Z", "2018-09-18T06:38:10Z"),
        (
            "2018-09-18T14:38:10.5+0800",
            "2018-09-18T14:38:10.500+08:00",
        ),
        ("2018-09-18 14:38:10 +0800", "2018-09-18T14:38:10+08:00"),
        (
            "Tue, 18 Sep 2018 14:38:10 +0800",
            "2018-09-18T14:38:10+08:00",
        ),
        ("Tue, 18 Sep 2018 06:38:10 GMT", "2018-09-18T06:38:10+00:00"),
        ("18 Sep 2018 06:38:10 +0000", "2018-09-18T06:38:10+00:00"),
        ("Tue, 18 Sep 2018 06:38:10 UTC", "2018-09-18T06:38:10+00:00"),
        (
            "Tue, 18 Sep 2018 14:38:10 +08:00",
            "2018-09-18T14:38:10+08:00",
        ),
        (
            "  Tue,  18 Sep 2018 14:38:10 +0800 ",
            "2018-09-18T14:38:10+08:00",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), (want.to_owned(), None), "{text}");
    }
}

#[test]
fn dates_without_an_offset_are_read_in_the_zone_and_say_so() {
    let note = Some("no time zone, read as +08:00".to_owned());
    let cases = [
        ("2018-09-18 14:38:10", "2018-09-18T14:38:10+08:00"),
        ("2018-09-18T14:38:10", "2018-09-18T14:38:10+08:00"),
        ("2018-09-18 14:38", "2018-09-18T14:38:00+08:00"),
        ("2018/9/18 14:38:10", "2018-09-18T14:38:10+08:00"),
        ("2018年9月18日 14:38", "2018-09-18T14:38:00+08:00"),
        ("2018-09-18", "2018-09-18T00:00:00+08:00"),
        ("2018年09月18日", "2018-09-18T00:00:00+08:00"),
        ("Tue, 18 Sep 2018 14:38:10", "2018-09-18T14:38:10+08:00"),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), (want.to_owned(), note.clone()), "{text}");
    }
    let utc = parse_offset("Z").expect("valid");
    let d = parse_date("2018-09-18 14:38:10", utc).expect("a date");
    assert_eq!(d.rfc3339, "2018-09-18T14:38:10+00:00");
}

#[test]
fn what_was_assumed_is_noted() {
    let (date, note) = read("Mon, 18 Sep 2018 14:38:10 +0800");
    assert_eq!(date, "2018-09-18T14:38:10+08:00");
    assert_eq!(
        note.as_deref(),
        Some("weekday does not match 2018-09-18, ignored")
    );
    let (date, note) = read("Tue, 18 Sep 2018 14:38:10 CST");
    assert_eq!(date, "2018-09-18T14:38:10-06:00");
    assert_eq!(note.as_deref(), Some("zone CST read as -06:00 (RFC 2822)"));
}

#[test]
fn non_dates_are_none() {
    for text in [
        "",
        "yesterday",
        "2018-13-40",
        "2018-02-30 10:00:00",
        "Tue, 99 Foo 2018",
        "12345",
    ] {
        assert_eq!(parse_date(text, china()), None, "{text}");
    }
}

#[test]
fn offsets() {
    let minutes = |t: &str| parse_offset(t).map(|o| o.local_minus_utc() / 60);
    assert_eq!(minutes("+08:00"), Some(480));
    assert_eq!(minutes("-0530"), Some(-330));
    assert_eq!(minutes("+8"), Some(480));
    assert_eq!(minutes("UTC"), Some(0));
    for bad in ["08:00", "+24:00", "+8:60", "", "+", "+abc", "+123:00"] {
        assert_eq!(minutes(bad), None, "{bad}");
    }
}
