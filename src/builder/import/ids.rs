//! Article ids for imported items, stable from one import to the next: the feed's own id when it
//! can be one, else a slug of it (or of the link), else a hash of the title and body.

use crate::contract::is_valid_id;

/// The longest slug kept whole; a longer one is cut and given a hash of the whole.
const SLUG_CHARS: usize = 100;

/// Where an item's id came from, when not from the feed's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFrom {
    /// The feed's id (`guid`, `id`), as it is or as a slug.
    FeedId,
    /// The item's link: it had no id.
    Link,
    /// A hash of the title and body: it had neither id nor link.
    ContentHash,
}

fn present(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The id of an item with the feed's `id` (trimmed; empty counts as none), `link`, `title` and
/// `body`.
pub fn derive_id(
    id: Option<&str>,
    link: Option<&str>,
    title: &str,
    body: &str,
) -> (String, IdFrom) {
    if let Some(id) = present(id) {
        return (id_of(id), IdFrom::FeedId);
    }
    if let Some(link) = present(link) {
        return (id_of(link), IdFrom::Link);
    }
    (
        format!("item-{:016x}", stable_hash(&[title, body])),
        IdFrom::ContentHash,
    )
}

/// `text` when it is a valid id, else its slug: ASCII letters and digits lowercased, every other
/// run of characters one `-` (`https://example.org/posts/1` → `https-example-org-posts-1`). A slug
/// longer than 100 characters is cut and ends in a hash of `text`; text with no ASCII letter or
/// digit becomes `item-` and its hash.
pub fn id_of(text: &str) -> String {
    if is_valid_id(text) {
        return text.to_owned();
    }
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let hash = || format!("{:016x}", stable_hash(&[text]));
    if slug.is_empty() {
        format!("item-{}", hash())
    } else if slug.len() > SLUG_CHARS {
        format!(
            "{}-{}",
            slug[..SLUG_CHARS - 17].trim_end_matches('-'),
            hash()
        )
    } else {
        slug.to_owned()
    }
}

/// `id` made different from another item's that has the same one: `id-` and a hash of `key` (what
/// tells the items apart).
pub fn disambiguate(id: &str, key: &str) -> String {
    let hash = format!("{:08x}", stable_hash(&[key]) as u32);
    let stem: String = id.chars().take(128 - 9).collect();
    format!("{}-{hash}", stem.trim_end_matches('-'))
}

/// FNV-1a (64-bit) over `parts`, each followed by a 0xff byte (which UTF-8 never contains): the
/// same on every machine and release, unlike `std`'s hasher.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_id_then_the_link_then_the_content() {
        let cases = [
            (
                Some("plain-2"),
                Some("https://x.org/a"),
                "plain-2",
                IdFrom::FeedId,
            ),
            (
                Some("https://example.org/posts/1"),
                None,
                "https-example-org-posts-1",
                IdFrom::FeedId,
            ),
            (
                Some("  "),
                Some("https://x.org/a?id=7"),
                "https-x-org-a-id-7",
                IdFrom::Link,
            ),
            (
                None,
                Some("/news/2018/09/18/3.html"),
                "news-2018-09-18-3-html",
                IdFrom::Link,
            ),
        ];
        for (id, link, want, from) in cases {
            assert_eq!(
                derive_id(id, link, "t", "b"),
                (want.to_owned(), from),
                "{id:?} {link:?}"
            );
        }
        let (id, from) = derive_id(None, None, "标题", "正文");
        assert_eq!(from, IdFrom::ContentHash);
        assert!(id.starts_with("item-") && is_valid_id(&id), "{id}");
        assert_eq!(derive_id(None, None, "标题", "正文").0, id, "stable");
        assert_ne!(derive_id(None, None, "标题", "正文2").0, id);
        assert_ne!(
            derive_id(None, None, "标题正", "文").0,
            id,
            "parts are separated"
        );
    }

    #[test]
    fn slugs_are_valid_ids_whatever_the_input() {
        let long = format!("https://example.org/{}", "a/".repeat(80));
        let cases = [
            "标题",
            "---",
            "tag:example.org,2018:post/1",
            &long,
            "A_B-c",
            "-x-",
        ];
        for text in cases {
            let id = id_of(text);
            assert!(is_valid_id(&id), "{text:?} → {id:?}");
        }
        assert_eq!(id_of("A_B-c"), "A_B-c", "a valid id is kept as it is");
        assert_eq!(
            id_of("tag:example.org,2018:post/1"),
            "tag-example-org-2018-post-1"
        );
        assert!(id_of("标题").starts_with("item-"));
        let cut = id_of(&long);
        assert!(cut.len() <= 100, "{cut}");
        assert_ne!(
            cut,
            id_of(&format!("{long}b")),
            "cut slugs differ by their hash"
        );
        assert_eq!(id_of("-x-"), "x");
    }

    #[test]
    fn disambiguated_ids_stay_valid_and_stable() {
        let id = disambiguate(&"a".repeat(128), "key");
        assert!(is_valid_id(&id), "{id}");
        assert_eq!(id, disambiguate(&"a".repeat(128), "key"));
        assert_ne!(disambiguate("x", "k1"), disambiguate("x", "k2"));
    }

    #[test]
    fn the_hash_is_fixed() {
        // FNV-1a of the empty input followed by 0xff: a change here renames imported files.
        assert_eq!(stable_hash(&[""]), 0xaf64_724c_8602_eb6e);
    }
}
