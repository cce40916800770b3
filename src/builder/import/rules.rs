//! The lenient rules for an item's title, dates and tags: what a feed left out or bent is taken
//! from elsewhere, and each time a note says so.

use super::dates::parse_date;
use super::html::text_of;
use super::markdown::FeedContext;
use super::{Body, Item};

/// How long a title made from the text may be, in characters.
const TITLE_CHARS: usize = 30;

/// The item's title, or the start of `body`'s text when it has none.
pub fn title(item: &Item, body: &str, notes: &mut Vec<String>) -> Result<String, String> {
    if let Some(title) = item
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return Ok(title.to_owned());
    }
    let text = text_of(body);
    if text.is_empty() {
        return Err("no title, and no text to make one of".to_owned());
    }
    notes.push("no title, used the start of the text".to_owned());
    let mut title: String = text.chars().take(TITLE_CHARS).collect();
    if text.chars().count() > TITLE_CHARS {
        title.push('…');
    }
    Ok(title)
}

/// An item's dates, RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dates {
    pub date: String,
    pub updated: Option<String>,
    /// Whose date stands in for the item's (`the feed's date`…), when it has none of its own:
    /// such a date changes whenever the feed is written again.
    pub stand_in: Option<&'static str>,
}

/// The date and updated date: the published date, else the updated one, else the feed's, each
/// assumption noted. A date that cannot be read counts as none (noted); an error when no date is
/// left.
pub fn dates(feed: &FeedContext, item: &Item, notes: &mut Vec<String>) -> Result<Dates, String> {
    let zone = feed.options.timezone;
    let read = |key: &str, text: &str, notes: &mut Vec<String>| {
        match parse_date(text, zone) {
        Some(d) => {
            if let Some(note) = d.note {
                notes.push(format!("{key} {text:?}: {note}"));
            }
            Ok(d.rfc3339)
        }
        None => Err(format!(
            "{key} {text:?} is not a date this import reads (RFC 3339, RFC 2822, 2018-09-18 14:38:10, 2018/9/18, 2018年9月18日)"
        )),
    }
    };
    let updated = match item.updated.as_deref() {
        Some(text) => read("updated", text, notes)
            .map_err(|e| notes.push(format!("{e}: left out")))
            .ok(),
        None => None,
    };
    let mut unreadable = None;
    let published = item.published.as_deref().and_then(|text| {
        read("date", text, notes)
            .map_err(|e| {
                notes.push(format!("{e}: read as no date"));
                unreadable = Some(e);
            })
            .ok()
    });
    let (date, stand_in) = match (published, &updated, feed.date) {
        (Some(date), _, _) => (date, None),
        (None, Some(updated), _) => {
            notes.push("no date, used the updated date".to_owned());
            (updated.clone(), None)
        }
        (None, None, Some((text, whose))) => {
            let date = read(whose, text, notes).map_err(|e| unreadable.take().unwrap_or(e))?;
            notes.push(no_date_note(whose));
            (date, Some(whose))
        }
        (None, None, None) => {
            let none = "no date, and the feed has none either".to_owned();
            return Err(unreadable.map_or(none, |e| format!("{e}, and the feed has no date")));
        }
    };
    let updated = updated.filter(|u| *u != date);
    Ok(Dates {
        date,
        updated,
        stand_in,
    })
}

/// The note on an item dated by `whose` date.
pub fn no_date_note(whose: &str) -> String {
    format!("no date, used {whose}")
}

/// Tags trimmed, those given as one comma-separated string split (noted), repeats dropped.
pub fn tags(tags: &[String], notes: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags {
        if tag.contains([',', '，']) {
            notes.push(format!("tag {tag:?} split at its commas"));
            out.extend(tag.split([',', '，']).map(|t| t.trim().to_owned()));
        } else {
            out.push(tag.trim().to_owned());
        }
    }
    distinct(out)
}

/// `items` without empty ones and repeats, in their order.
pub fn distinct(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A summary as plain text.
pub fn summary_text(summary: &Body) -> String {
    match summary {
        Body::Html(html) => text_of(html),
        Body::Text(text) => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_given_as_one_string_are_split_and_said_so() {
        let mut notes = Vec::new();
        let given =
            ["workflow,omnifocus", " 食品安全，学校食堂 ", "workflow", ""].map(String::from);
        assert_eq!(
            tags(&given, &mut notes),
            ["workflow", "omnifocus", "食品安全", "学校食堂"]
        );
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("\"workflow,omnifocus\" split"));
        let mut none = Vec::new();
        assert_eq!(tags(&["a".into(), "b".into()], &mut none), ["a", "b"]);
        assert!(none.is_empty());
    }

    #[test]
    fn a_missing_title_is_the_start_of_the_text() {
        let mut notes = Vec::new();
        let item = Item::default();
        let long = "<p>没有标题的一条消息，正文比三十个字还要长一些，好让标题被截断。</p>";
        let title = title(&item, long, &mut notes).expect("made");
        assert_eq!(
            title,
            "没有标题的一条消息，正文比三十个字还要长一些，好让标题被截断…"
        );
        assert_eq!(notes, ["no title, used the start of the text"]);
        assert!(super::title(&item, "<p> </p>", &mut notes).is_err());
    }
}
