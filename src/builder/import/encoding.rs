//! A feed's bytes as UTF-8 text, in the encoding its byte order mark, the HTTP `Content-Type`
//! charset or its XML declaration names (in that order), transcoded by encoding_rs: GB2312, GBK,
//! GB18030, Big5, ISO-8859-x, Windows-125x, UTF-16 and the rest of the Encoding Standard.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use quick_xml::encoding::{detect_encoding, DetectedEncoding};
use quick_xml::events::Event;
use quick_xml::Reader;

/// A feed's text, and what was noticed on the way.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding the text was read in (`GBK`, `UTF-8`…).
    pub encoding: &'static str,
    /// Each one a warning for the whole feed, prefixed with `name` (and a line where it has one).
    pub warnings: Vec<String>,
}

/// Decodes `bytes` of the feed `name`; `http_charset` is the `charset` of a `Content-Type`
/// header. Bytes that are not valid in the encoding become U+FFFD, with a warning.
pub fn decode(name: &str, bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    let mut warnings = Vec::new();
    let header = http_charset.and_then(|label| {
        let found = Encoding::for_label(label.trim().trim_matches('"').as_bytes());
        if found.is_none() {
            warnings.push(format!(
                "{name}: unknown charset {label:?} in the HTTP header, ignored"
            ));
        }
        found
    });
    let (encoding, skip) = if let Some((bom, len)) = Encoding::for_bom(bytes) {
        if let Some(h) = header.filter(|h| *h != bom) {
            warnings.push(format!(
                "{name}: the byte order mark says {}, the HTTP header {}: read as {}",
                bom.name(),
                h.name(),
                bom.name()
            ));
        }
        (bom, len)
    } else {
        let declared = declared(name, bytes, &mut warnings);
        match (header, declared) {
            (Some(h), Some(d)) if h != d => (choose(name, bytes, h, d, &mut warnings), 0),
            (Some(h), _) => (h, 0),
            (None, Some(d)) => (d, 0),
            (None, None) => (UTF_8, 0),
        }
    };
    let bytes = &bytes[skip..];
    let text = match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => text.into_owned(),
        None => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let line = first_invalid_line(encoding, bytes);
            warnings.push(format!(
                "{name}:{line}: bytes that are not valid {}, each replaced with U+FFFD",
                encoding.name()
            ));
            text.into_owned()
        }
    };
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// The encoding the XML declaration names (read by quick-xml), or UTF-16 when the document
/// starts like one without a byte order mark.
fn declared(name: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Option<&'static Encoding> {
    match detect_encoding(bytes) {
        Some(DetectedEncoding::Utf16LeLike) => return Some(UTF_16LE),
        Some(DetectedEncoding::Utf16BeLike) => return Some(UTF_16BE),
        _ => {}
    }
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    // Only whitespace may come before the declaration.
    for _ in 0..2 {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Decl(decl)) => {
                let label = decl.encoding()?.ok()?;
                let found = Encoding::for_label(label.trim().as_bytes());
                if found.is_none() {
                    warnings.push(format!(
                        "{name}:1: unknown encoding {label:?} in the XML declaration, read as UTF-8"
                    ));
                }
                // The declaration was read as ASCII, so the bytes are not UTF-16 (browsers
                // read such a document as UTF-8 too).
                if found.is_some_and(|e| e == UTF_16LE || e == UTF_16BE) {
                    warnings.push(format!(
                        "{name}:1: the XML declaration says {label:?}, but the document is not UTF-16: read as UTF-8"
                    ));
                    return Some(UTF_8);
                }
                return found;
            }
            Ok(Event::Text(t)) if t.trim().is_empty() => buf.clear(),
            _ => return None,
        }
    }
    None
}

/// The HTTP header and the XML declaration disagree: UTF-8 when either names it and the bytes
/// are valid UTF-8 (a server's default charset must not turn a UTF-8 feed into mojibake, and
/// single-byte encodings read any bytes); else the header (RFC 7303) unless the bytes are not
/// valid in its encoding and are in the declaration's.
fn choose(
    name: &str,
    bytes: &[u8],
    header: &'static Encoding,
    declared: &'static Encoding,
    warnings: &mut Vec<String>,
) -> &'static Encoding {
    let fits = |e: &'static Encoding| {
        e.decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    };
    let utf8_named = header == UTF_8 || declared == UTF_8;
    let chosen = if utf8_named && std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else if !fits(header) && fits(declared) {
        declared
    } else {
        header
    };
    warnings.push(format!(
        "{name}: the HTTP header says {}, the XML declaration {}: read as {}",
        header.name(),
        declared.name(),
        chosen.name()
    ));
    chosen
}

/// The line of the first byte sequence that is not valid in `encoding`.
fn first_invalid_line(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 64 * 1024];
    let mut read_total = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            encoding_rs::DecoderResult::OutputFull => continue,
            _ => break,
        }
    }
    let at = read_total.min(bytes.len());
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let newline: &[u8] = if encoding == UTF_16LE {
            b"\n\0"
        } else {
            b"\0\n"
        };
        return bytes[..at].chunks(2).filter(|c| *c == newline).count() + 1;
    }
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], header: Option<&str>) -> (String, &'static str, Vec<String>) {
        let d = decode("f", bytes, header);
        (d.text, d.encoding, d.warnings)
    }

    #[test]
    fn the_declaration_names_the_encoding() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"gb2312\"?><t>标题</t>");
        let (text, encoding, warnings) = read(&gbk, None);
        assert_eq!(
            (text.as_str(), encoding),
            (
                "<?xml version=\"1.0\" encoding=\"gb2312\"?><t>标题</t>",
                "GBK"
            )
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let latin = b"<?xml version='1.0' encoding='ISO-8859-1'?>\n<t>caf\xe9</t>";
        assert_eq!(
            read(latin, None).0,
            "<?xml version='1.0' encoding='ISO-8859-1'?>\n<t>café</t>"
        );
    }

    #[test]
    fn byte_order_marks_win() {
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "<t>标题</t>".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(read(&utf16, None).0, "<t>标题</t>");
        let utf8 = [b"\xef\xbb\xbf".as_slice(), "<t>标题</t>".as_bytes()].concat();
        let (text, encoding, warnings) = read(&utf8, Some("gbk"));
        assert_eq!((text.as_str(), encoding), ("<t>标题</t>", "UTF-8"));
        assert_eq!(
            warnings,
            ["f: the byte order mark says UTF-8, the HTTP header GBK: read as UTF-8"]
        );
    }

    #[test]
    fn the_http_header_names_it_when_the_document_does_not() {
        let (gbk, _, _) = encoding_rs::GBK.encode("{\"title\":\"标题\"}");
        assert_eq!(read(&gbk, Some("GBK")).0, "{\"title\":\"标题\"}");
        // A header that contradicts the declaration loses when its encoding cannot read the bytes.
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"gbk\"?><t>标题</t>");
        let (text, encoding, warnings) = read(&gbk, Some("utf-8"));
        assert_eq!((text.contains("标题"), encoding), (true, "GBK"));
        assert_eq!(
            warnings,
            ["f: the HTTP header says UTF-8, the XML declaration GBK: read as GBK"]
        );
    }

    #[test]
    fn invalid_bytes_are_replaced_with_a_warning_naming_the_line() {
        let (text, _, warnings) = read(b"<t>\n\n\xff\xfe ok</t>", None);
        assert!(text.contains('\u{fffd}') && text.contains("ok"));
        assert_eq!(
            warnings,
            ["f:3: bytes that are not valid UTF-8, each replaced with U+FFFD"]
        );
        let (_, _, warnings) = read(
            b"<?xml version=\"1.0\" encoding=\"klingon\"?><t/>",
            Some("martian"),
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
