use super::*;

fn shape(q: &str) -> Vec<Vec<(String, Match, u32)>> {
    Query::parse(q)
        .phrases
        .into_iter()
        .map(|p| {
            p.tokens
                .into_iter()
                .map(|t| (t.text, t.matching, t.offset))
                .collect()
        })
        .collect()
}

fn t(text: &str, m: Match, offset: u32) -> (String, Match, u32) {
    (text.to_owned(), m, offset)
}

#[test]
fn a_han_phrase_is_its_pairs() {
    use Match::*;
    assert_eq!(
        shape("每个月都"),
        [vec![
            t("每个", Exact, 0),
            t("个月", Exact, 1),
            t("月都", Exact, 2)
        ]]
    );
    assert_eq!(shape("菜"), [vec![t("菜", Prefix, 0)]]);
}

#[test]
fn runs_inside_a_part_stay_one_phrase() {
    use Match::*;
    assert_eq!(
        shape("ＨＡＣＣＰ体系"),
        [vec![t("haccp", Exact, 0), t("体系", Exact, 1)]]
    );
    assert_eq!(
        shape("体系HACCP"),
        [vec![
            t("体系", Exact, 0),
            t("系", Exact, 1),
            t("haccp", Prefix, 2)
        ]]
    );
}

#[test]
fn white_space_separates_parts() {
    use Match::*;
    assert_eq!(
        shape("  冷链　food safe，"),
        [
            vec![t("冷链", Exact, 0)],
            vec![t("food", Prefix, 0)],
            vec![t("safe", Prefix, 0)]
        ]
    );
    assert!(Query::parse("，。 ！").is_empty());
    assert!(Query::parse("").is_empty());
}

#[test]
fn trigrams_narrow_long_runs() {
    let p = Query::parse("食品安全").phrases;
    assert_eq!(p[0].trigrams, ["食品安", "品安全"]);
    assert!(!p[0].doc_lists_suffice);
    let three = Query::parse("食品安").phrases;
    assert!(three[0].doc_lists_suffice);
    assert!(Query::parse("冷链").phrases[0].doc_lists_suffice);
    assert!(Query::parse("冷链").phrases[0].trigrams.is_empty());
    assert!(!Query::parse("haccp体系").phrases[0].doc_lists_suffice);
}

#[test]
fn needs_are_deduplicated() {
    let q = Query::parse("冷链 冷链");
    assert_eq!(q.needs().len(), 1);
    // Wanted alone and inside a phrase: its positions are wanted.
    let needs = Query::parse("冷链 冷链食品安全").needs();
    let cold_chain: Vec<bool> = needs
        .iter()
        .filter(|(n, _)| n.text == "冷链")
        .map(|(_, p)| *p)
        .collect();
    assert_eq!(cold_chain, [true]);
    let long = "很".repeat(10_000);
    assert_eq!(
        Query::parse(&long).phrases[0].tokens.len(),
        MAX_QUERY_CHARS - 1
    );
}
