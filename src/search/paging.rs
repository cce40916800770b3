//! One page of search results: the column filter, the counts per column, and the page window.

use super::engine::Hit;

/// What one results page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultPage {
    /// The hits on this page, in result order.
    pub shown: Vec<Hit>,
    /// How many hits pass the column filter.
    pub total: usize,
    /// Whether some of those still have to be confirmed against their text.
    pub approximate: bool,
    /// (column index, hits in it) for every column with hits, in column order.
    pub columns: Vec<(u16, usize)>,
    /// This page, clamped to the pages there are (1 when there are none).
    pub page: u32,
    pub total_pages: u32,
}

/// Page `page` (clamped) of `hits`, `size` per page, keeping only column `column` when given;
/// `doc_columns` gives each document's column.
pub fn result_page(
    hits: &[Hit],
    doc_columns: &[u16],
    column: Option<u16>,
    page: u32,
    size: u32,
) -> ResultPage {
    let column_of = |h: &Hit| doc_columns.get(h.doc as usize).copied();
    let mut columns: Vec<(u16, usize)> = Vec::new();
    for c in hits.iter().filter_map(column_of) {
        match columns.binary_search_by_key(&c, |e| e.0) {
            Ok(i) => columns[i].1 += 1,
            Err(i) => columns.insert(i, (c, 1)),
        }
    }
    let filtered: Vec<Hit> = hits
        .iter()
        .filter(|h| column.is_none() || column_of(h) == column)
        .copied()
        .collect();
    let size = size.max(1) as usize;
    let total_pages = filtered.len().div_ceil(size).max(1) as u32;
    let page = page.clamp(1, total_pages);
    let shown = filtered
        .iter()
        .skip((page as usize - 1) * size)
        .take(size)
        .copied()
        .collect();
    ResultPage {
        shown,
        total: filtered.len(),
        approximate: filtered.iter().any(|h| !h.verified),
        columns,
        page,
        total_pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(doc: u32) -> Hit {
        Hit {
            doc,
            title_matches: 0,
            verified: doc != 3,
        }
    }

    #[test]
    fn filters_counts_and_pages() {
        let hits: Vec<Hit> = (0..7).map(hit).collect();
        let columns = [0, 1, 0, 1, 0, 0, 2];
        let all = result_page(&hits, &columns, None, 2, 3);
        assert_eq!(
            all.shown.iter().map(|h| h.doc).collect::<Vec<_>>(),
            [3, 4, 5]
        );
        assert_eq!((all.total, all.page, all.total_pages), (7, 2, 3));
        assert_eq!(all.columns, [(0, 4), (1, 2), (2, 1)]);
        assert!(all.approximate);
        let ones = result_page(&hits, &columns, Some(1), 1, 3);
        assert_eq!(ones.shown.iter().map(|h| h.doc).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(ones.columns.len(), 3, "counts ignore the filter");
        let zeros = result_page(&hits, &columns, Some(0), 1, 10);
        assert!(!zeros.approximate);
    }

    #[test]
    fn clamps_pages_and_survives_bad_data() {
        let hits: Vec<Hit> = (0..4).map(hit).collect();
        assert_eq!(result_page(&hits, &[0; 4], None, 99, 3).page, 2);
        assert_eq!(result_page(&hits, &[0; 4], None, 0, 3).page, 1);
        let none = result_page(&[], &[], Some(5), 3, 0);
        assert_eq!((none.total, none.page, none.total_pages), (0, 1, 1));
        // A document the manifest has no column for is counted nowhere and filtered out.
        assert_eq!(result_page(&hits, &[0, 0], Some(0), 1, 10).total, 2);
    }
}
