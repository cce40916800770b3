use super::*;

/// One number per distinct term, as the builder assigns them.
fn term_id(term: &str) -> u32 {
    thread_local! {
        static IDS: std::cell::RefCell<HashMap<String, u32>> = Default::default();
    }
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        let next = ids.len() as u32;
        *ids.entry(term.to_owned()).or_insert(next)
    })
}

fn input(column: u32, tags: &[u32], month: i32, terms: &[&str]) -> RelatedInput {
    RelatedInput {
        column,
        tags: tags.to_vec(),
        month,
        terms: terms.iter().map(|t| term_id(t)).collect(),
    }
}

#[test]
fn hugo_normalization_by_hand() {
    // Weights 100 / 80 / 10: min 10, max 100.
    assert_eq!(normalize(100, 10, 100), 100); // same column
    assert_eq!(normalize(80, 10, 100), 78); // one tag: below the threshold of 80
    assert_eq!(normalize(90, 10, 100), 89); // one tag and the month
    assert_eq!(normalize(10, 10, 100), 0); // the month alone
    assert_eq!(normalize(160, 10, 100), 167); // two tags
    assert_eq!(normalize(50, 50, 50), 100);
}

#[test]
fn weighted_scores_threshold_and_no_newer_articles() {
    // Newest first. Scores for article 0 (column 1, tags 1 and 2, month 100):
    let inputs = [
        input(1, &[1, 2], 100, &[]),
        input(1, &[], 100, &[]),    // 1: column + month = 110 → 111
        input(2, &[1], 99, &[]),    // 2: one tag = 80 → 78, dropped
        input(2, &[1, 2], 99, &[]), // 3: two tags = 160 → 167
        input(2, &[1], 100, &[]),   // 4: tag + month = 90 → 89
        input(1, &[1], 98, &[]),    // 5: column + tag = 180 → 189
        input(3, &[], 100, &[]),    // 6: month = 10 → 0, dropped
    ];
    let config = RelatedConfig::default();
    let related = rank_all(&inputs, &config);
    assert_eq!(related[0], [5, 3, 1, 4]);
    // Article 1 (column 1, no tags, month 100) among older ones: only 5 shares its column.
    assert_eq!(related[1], [5]);
    // The oldest article has nothing older.
    assert!(related[6].is_empty());
    // Never the article itself, whatever the settings.
    let newer = RelatedConfig {
        include_newer: true,
        ..config
    };
    let related = rank_all(&inputs, &newer);
    assert_eq!(related[5], [0, 1]);
    assert!(related.iter().enumerate().all(|(i, r)| !r.contains(&i)));
}

#[test]
fn ties_are_broken_by_text_similarity() {
    let inputs = [
        input(1, &[], 10, &["冷链", "运输"]),
        input(1, &[], 11, &["学校", "食堂"]),
        input(1, &[], 12, &["冷链", "运输", "温度"]),
        input(1, &[], 13, &["学校", "食堂"]),
    ];
    // All three score 100 (same column); the one sharing words comes first, then newest first.
    assert_eq!(rank_all(&inputs, &RelatedConfig::default())[0], [2, 1, 3]);
}

#[test]
fn at_most_count() {
    let inputs: Vec<_> = (0..20).map(|m| input(1, &[7], m, &["x"])).collect();
    let config = RelatedConfig {
        count: 5,
        ..RelatedConfig::default()
    };
    assert_eq!(rank_all(&inputs, &config)[0], [1, 2, 3, 4, 5]);
}
