use super::*;

fn texts(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

#[test]
fn every_han_character_starts_one_token() {
    assert_eq!(texts("食品安全"), ["食品", "品安", "安全", "全"]);
    assert_eq!(
        texts("每个月都抽检"),
        ["每个", "个月", "月都", "都抽", "抽检", "检"]
    );
    let kinds: Vec<Kind> = tokenize("菜，汤面").iter().map(|t| t.kind).collect();
    assert_eq!(kinds, [Kind::Single, Kind::Pair, Kind::Tail]);
}

#[test]
fn similarity_terms_leave_out_tails() {
    assert_eq!(terms("食品安全 菜"), ["食品", "品安", "安全", "菜"]);
}

#[test]
fn mixed_scripts_and_width() {
    assert_eq!(texts("HACCP体系"), ["haccp", "体系", "系"]);
    assert_eq!(texts("ＨＡＣＣＰ　体系"), ["haccp", "体系", "系"]);
    assert_eq!(
        texts("2025年抽检3,000批次"),
        ["2025", "年抽", "抽检", "检", "3", "000", "批次", "次"]
    );
    assert_eq!(texts("Food-Safety rules!"), ["food", "safety", "rules"]);
    assert_eq!(texts("カタカナ"), ["カタ", "タカ", "カナ", "ナ"]);
    assert!(texts("，。！？ ").is_empty());
}

#[test]
fn compatibility_characters_are_folded() {
    assert_eq!(normalize("５㎏，２５℃，①，ｶﾀｶﾅ"), "5kg,25°c,1,カタカナ");
    // A CJK compatibility ideograph and a Kangxi radical fold to the unified character.
    assert_eq!(normalize("\u{F900}\u{2F00}"), "豈一");
    assert_eq!(normalize("ﬁle"), "file");
}

#[test]
fn positions_count_tokens() {
    let t = tokenize("冷链 food");
    let positions: Vec<u32> = t.iter().map(|t| t.position).collect();
    assert_eq!(positions, [0, 1, 2]);
}

#[test]
fn runs_split_on_class_and_separators() {
    let r = runs("HACCP体系，认证 ok");
    let expected = [
        (Class::Word, "haccp"),
        (Class::Cjk, "体系"),
        (Class::Cjk, "认证"),
        (Class::Word, "ok"),
    ];
    assert_eq!(r.len(), expected.len());
    for ((c, s), (ec, es)) in r.iter().zip(expected) {
        assert_eq!((*c, s.as_str()), (ec, es));
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_table_is_nfkc() {
    use unicode_normalization::UnicodeNormalization;
    for &(a, b) in nfkc_table::RANGES {
        for c in (a..=b).filter_map(char::from_u32) {
            let expected: String = c.to_string().nfkc().collect();
            let ours = compatibility(c).map_or_else(|| c.to_string(), str::to_owned);
            assert_eq!(ours, expected, "U+{:04X}", c as u32);
        }
    }
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "５㎏食品";
    let mut spans = Vec::new();
    for_each_token_span(text, |t, _, _, s| {
        spans.push((
            t.to_owned(),
            &text[s.start..s.end],
            &text[s.start..s.first_end],
        ))
    });
    assert_eq!(
        spans,
        [
            ("5kg".to_owned(), "５㎏", "５"),
            ("食品".to_owned(), "食品", "食"),
            ("品".to_owned(), "品", "品"),
        ]
    );
}

#[test]
fn trigrams_come_from_consecutive_pairs() {
    let mut trigrams = Trigrams::default();
    let mut found = Vec::new();
    for_each_token("食品安全，冷链 abc 一二三", |t, p, k| {
        if let Some(g) = trigrams.next(t, p, k) {
            found.push(g.to_owned());
        }
    });
    assert_eq!(found, ["食品安", "品安全", "一二三"]);
}

#[test]
fn lower_case_agrees_with_unicode_where_it_applies() {
    let ranges = [0x41..=0x5A, 0xC0..=0x17F, 0x391..=0x3AB, 0x400..=0x42F];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let unicode: Vec<char> = c.to_lowercase().collect();
        if let [single] = unicode[..] {
            assert_eq!(lower(c), single, "U+{:04X}", c as u32);
        }
    }
    assert_eq!(normalize("ÉCOLE Ωμέγα ПРИВЕТ"), "école ωμέγα привет");
}
