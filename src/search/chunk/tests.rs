use super::*;

type Docs<'a> = &'a [(u32, &'a [u32], &'a [u32])];

fn chunk(terms: &[(&str, Docs<'_>)]) -> (Vec<u8>, Vec<u8>) {
    let mut writer = ChunkWriter::default();
    for (term, docs) in terms {
        let mut postings = PostingsWriter::default();
        for (doc, title, body) in *docs {
            postings.push(*doc, title, body);
        }
        writer.push(term, &postings);
    }
    let (chunk, positions) = writer.finish();
    (chunk, positions.map(|p| p.1).unwrap_or_default())
}

#[test]
fn round_trips() {
    let (bytes, positions) = chunk(&[
        ("冷链", &[(0, &[1], &[]), (7, &[], &[3, 200, 70_000])]),
        ("食品", &[(2, &[0, 5], &[9])]),
    ]);
    let c = Chunk::parse(bytes).unwrap();
    assert_eq!(c.positions_file(), Some(content_name(&positions).as_str()));
    assert_eq!(c.positions_file_len(), positions.len());
    let docs = c.docs("冷链").unwrap();
    assert_eq!(
        docs.iter().map(|d| (d.doc, d.in_title)).collect::<Vec<_>>(),
        [(0, true), (7, false)]
    );
    let p = c.positions("冷链", &positions).unwrap();
    assert_eq!(p[1].body, [3, 200, 70_000]);
    assert_eq!(c.positions("食品", &positions).unwrap()[0].title, [0, 5]);
    assert!(c.docs("安全").unwrap().is_empty());
    assert_eq!(c.terms_with_prefix("冷").collect::<Vec<_>>(), ["冷链"]);
}

#[test]
fn appending_rebases_the_first_document() {
    let (mut a, mut b) = (PostingsWriter::default(), PostingsWriter::default());
    a.push(3, &[], &[1]);
    b.push(10, &[2], &[]);
    b.push(12, &[], &[4]);
    a.append(b);
    let mut w = ChunkWriter::default();
    w.push("t", &a);
    let (bytes, positions) = w.finish();
    let positions = positions.unwrap().1;
    let docs = Chunk::parse(bytes)
        .unwrap()
        .positions("t", &positions)
        .unwrap();
    let summary: Vec<(u32, bool, Vec<u32>)> = docs
        .into_iter()
        .map(|d| (d.doc, d.in_title, d.title))
        .collect();
    assert_eq!(
        summary,
        [(3, false, vec![]), (10, true, vec![2]), (12, false, vec![])]
    );
}

#[test]
fn document_only_terms_have_no_positions() {
    let mut p = PostingsWriter::default();
    p.push_doc(4, true);
    p.push_doc(9, false);
    let mut w = ChunkWriter::default();
    w.push("食品安", &p);
    let (bytes, positions) = w.finish();
    assert!(positions.is_none());
    let c = Chunk::parse(bytes).unwrap();
    assert_eq!(c.positions_file(), None);
    let docs = c.docs("食品安").unwrap();
    assert_eq!(
        docs.iter().map(|d| (d.doc, d.in_title)).collect::<Vec<_>>(),
        [(4, true), (9, false)]
    );
    assert!(c.positions("食品安", &[]).is_err());
}

#[test]
fn malformed_chunks_are_errors_not_panics() {
    let (good, positions) = chunk(&[("a", &[(1, &[0], &[2])]), ("b", &[(0, &[], &[1])])]);
    for cut in 0..good.len() {
        if let Ok(c) = Chunk::parse(good[..cut].to_vec()) {
            let _ = c.positions("a", &positions);
        }
    }
    let c = Chunk::parse(good).unwrap();
    for cut in 0..positions.len() {
        assert!(c.positions("b", &positions[..cut]).is_err());
    }
    assert!(Chunk::parse(vec![0xFF; 8]).is_err());
    // A positions file name that is not a content name (say, a path) is refused.
    let mut traversal = Vec::new();
    put_varint(&mut traversal, 6);
    traversal.extend_from_slice(b"../x.b");
    assert!(Chunk::parse(traversal).is_err());
    assert!(is_content_name(&content_name(b"x")) && !is_content_name("../0123456789abcdef.bin"));
    let (unsorted, _) = chunk(&[("b", &[(0, &[], &[1])]), ("a", &[(0, &[], &[1])])]);
    assert!(Chunk::parse(unsorted).is_err());
    // A document count far beyond the bytes: refused before allocating.
    let mut huge = vec![0];
    put_varint(&mut huge, 1);
    huge.push(b'x');
    put_varint(&mut huge, 5);
    put_varint(&mut huge, u32::MAX);
    put_varint(&mut huge, 0);
    let c = Chunk::parse(huge).unwrap();
    assert!(c.docs("x").is_err());
}
