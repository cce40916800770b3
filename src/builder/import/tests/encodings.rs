//! One feed per encoding, each written in it: named by the XML declaration, a byte order mark,
//! or (for a feed that names none) the HTTP header.

use super::{article, fixture, run};

#[test]
fn gb2312_named_by_the_declaration() {
    let done = run(&[fixture!("rss-gb2312.xml")]);
    assert_eq!(done.summaries, ["rss-gb2312.xml: RSS 2.0, GBK, 1 items"]);
    let a = article(&done, "gb-1");
    assert_eq!(a.title, "关于做好秋季开学食品安全工作的通知");
    assert_eq!(
        a.body.trim(),
        "各乡镇人民政府，县直各有关单位：请认真落实。"
    );
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn gbk_named_by_the_http_header_and_otherwise_replaced_with_a_warning() {
    let mut with_header = fixture!("rss-gbk.xml");
    with_header.charset = Some("gbk".to_owned());
    let done = run(&[with_header]);
    assert_eq!(article(&done, "gbk-1").title, "张喆同志任职通知");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    // A feed that names no encoding is UTF-8: its GBK bytes are replaced, and the import says so.
    let done = run(&[fixture!("rss-gbk.xml")]);
    assert!(article(&done, "gbk-1").title.contains('\u{fffd}'));
    assert_eq!(
        done.warnings,
        ["rss-gbk.xml:4: bytes that are not valid UTF-8, each replaced with U+FFFD"]
    );
}

#[test]
fn big5() {
    let done = run(&[fixture!("rss-big5.xml")]);
    let a = article(&done, "big5-1");
    assert_eq!(
        (a.title.as_str(), a.body.trim()),
        ("颱風警報解除", "各機關學校恢復上班上課。")
    );
}

#[test]
fn iso_8859_1() {
    let done = run(&[fixture!("atom-latin1.xml")]);
    // The Encoding Standard reads the ISO-8859-1 label as windows-1252, its superset.
    assert_eq!(
        done.summaries,
        ["atom-latin1.xml: Atom 1.0, windows-1252, 1 items"]
    );
    let a = article(&done, "urn-example-latin-1");
    assert_eq!(a.title, "Crème brûlée © 2020");
    assert_eq!(a.body.trim(), "<p>Señor Müller a été là.</p>");
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let done = run(&[fixture!("rss-utf16le-bom.xml")]);
    assert_eq!(
        done.summaries,
        ["rss-utf16le-bom.xml: RSS 2.0, UTF-16LE, 1 items"]
    );
    let a = article(&done, "utf16-1");
    assert_eq!(a.title, "双字节编码的标题");
    assert_eq!(a.body.trim(), "正文：UTF-16 小端，带字节顺序标记。");
}

#[test]
fn utf8_with_a_byte_order_mark() {
    let done = run(&[fixture!("rss-utf8-bom.xml")]);
    let a = article(&done, "bom-1");
    assert_eq!(a.title, "带字节顺序标记的标题");
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

fn read(bytes: &[u8], header: Option<&str>) -> (String, &'static str, Vec<String>) {
    let d = super::super::encoding::decode("f", bytes, header);
    (d.text, d.encoding, d.warnings)
}

#[test]
fn valid_utf8_named_by_either_is_utf8() {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>café 标题</t>";
    for header in ["ISO-8859-1", "windows-1252"] {
        let (text, encoding, warnings) = read(doc.as_bytes(), Some(header));
        assert_eq!((text.as_str(), encoding), (doc, "UTF-8"), "{header}");
        assert_eq!(
            warnings,
            ["f: the HTTP header says windows-1252, the XML declaration UTF-8: read as UTF-8"]
        );
    }
    // Bytes that are not UTF-8 under a UTF-8 header: the declaration's encoding.
    let latin = b"<?xml version='1.0' encoding='ISO-8859-1'?><t>caf\xe9</t>";
    assert_eq!(read(latin, Some("utf-8")).1, "windows-1252");
}

#[test]
fn a_utf16_declaration_on_ascii_bytes_is_read_as_utf8() {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>标题</t>";
    let (text, encoding, warnings) = read(doc.as_bytes(), None);
    assert_eq!((text.as_str(), encoding), (doc, "UTF-8"));
    assert_eq!(
        warnings,
        ["f:1: the XML declaration says \"UTF-16\", but the document is not UTF-16: read as UTF-8"]
    );
}
