//! Page numbers from the query string, and which page links to show.

/// The page a `?page=` value asks for: anything missing, non-numeric or below 1 is page 1;
/// numbers past `u32::MAX` saturate (and then are "no such page").
pub fn parse_page(raw: Option<&str>) -> u32 {
    let Some(raw) = raw.map(str::trim) else {
        return 1;
    };
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        raw.parse::<u32>().unwrap_or(u32::MAX).max(1)
    } else {
        1
    }
}

/// One entry of the numbered page links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    /// A link to this page number.
    Page(u32),
    /// Pages left out ("…").
    Gap,
}

/// The numbered links for `current` of `total` pages: the first and last page, and `current`
/// with two neighbours each side; a gap of one page is shown as that page rather than "…".
pub fn page_links(current: u32, total: u32) -> Vec<PageLink> {
    if total == 0 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let lo = current.saturating_sub(2).max(1);
    let hi = current.saturating_add(2).min(total);
    // In order already (1 ≤ lo ≤ hi ≤ total): no sort, which keeps one out of the wasm.
    let mut pages: Vec<u32> = vec![1];
    pages.extend(lo..=hi);
    pages.push(total);
    pages.dedup();
    let mut links = Vec::with_capacity(pages.len() + 2);
    let mut prev = 0;
    for p in pages {
        match p - prev {
            1 => {}
            2 => links.push(PageLink::Page(p - 1)),
            _ => links.push(PageLink::Gap),
        }
        links.push(PageLink::Page(p));
        prev = p;
    }
    links
}

/// The previous page, if `current` is past the first.
pub fn prev_page(current: u32) -> Option<u32> {
    (current > 1).then(|| current - 1)
}

/// The next page, if `current` is before the last of `total`.
pub fn next_page(current: u32, total: u32) -> Option<u32> {
    (current < total).then(|| current + 1)
}

#[cfg(test)]
mod tests {
    use super::PageLink::{Gap, Page};
    use super::*;

    #[test]
    fn bad_page_values_mean_page_one() {
        let cases = [
            (None, 1),
            (Some(""), 1),
            (Some("0"), 1),
            (Some("-1"), 1),
            (Some("abc"), 1),
            (Some("2abc"), 1),
            (Some("1e3"), 1),
            (Some("+2"), 1),
            (Some(" 3 "), 3),
            (Some("2"), 2),
            (Some("007"), 7),
            (Some("99999"), 99_999),
            (Some("99999999999999999999"), u32::MAX),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_page(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn page_windows() {
        assert_eq!(page_links(1, 0), vec![]);
        assert_eq!(page_links(1, 1), vec![Page(1)]);
        assert_eq!(page_links(1, 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(
            page_links(1, 10),
            vec![Page(1), Page(2), Page(3), Gap, Page(10)]
        );
        assert_eq!(
            page_links(6, 10),
            vec![
                Page(1),
                Gap,
                Page(4),
                Page(5),
                Page(6),
                Page(7),
                Page(8),
                Page(9),
                Page(10)
            ]
        );
        assert_eq!(
            page_links(6, 12),
            vec![
                Page(1),
                Gap,
                Page(4),
                Page(5),
                Page(6),
                Page(7),
                Page(8),
                Gap,
                Page(12)
            ]
        );
        // A gap of exactly one page shows the page.
        assert_eq!(
            page_links(4, 10),
            vec![
                Page(1),
                Page(2),
                Page(3),
                Page(4),
                Page(5),
                Page(6),
                Gap,
                Page(10)
            ]
        );
        assert_eq!(
            page_links(10, 10),
            vec![Page(1), Gap, Page(8), Page(9), Page(10)]
        );
        // Out-of-range pages are clamped rather than producing nonsense.
        assert_eq!(page_links(u32::MAX, 2), vec![Page(1), Page(2)]);
    }

    #[test]
    fn prev_and_next() {
        assert_eq!(prev_page(1), None);
        assert_eq!(prev_page(2), Some(1));
        assert_eq!(next_page(2, 2), None);
        assert_eq!(next_page(1, 2), Some(2));
        assert_eq!(next_page(u32::MAX, u32::MAX), None);
    }
}
