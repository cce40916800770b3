//! Unit tests of `html.rs`.

use url::Url;

use super::super::html::*;

fn base() -> Url {
    Url::parse("https://example.org/news/2018/item.html").expect("valid")
}

#[test]
fn relative_urls_become_absolute_and_the_rest_stays() {
    let html = r##"<p><a href="/about">a</a> <img src="img/1.png" srcset="img/1.png 1x, https://cdn.example/2.png 2x"> <a href="https://other.example/x">b</a> <a href="#top">c</a> <a href="mailto:a@b.c">d</a></p>"##;
    let r = resolve_urls(html, Some(&base()));
    assert_eq!((r.resolved, r.unresolved), (3, 0));
    assert_eq!(
        r.html.as_deref(),
        Some(
            r##"<p><a href="https://example.org/about">a</a> <img src="https://example.org/news/2018/img/1.png" srcset="https://example.org/news/2018/img/1.png 1x, https://cdn.example/2.png 2x"> <a href="https://other.example/x">b</a> <a href="#top">c</a> <a href="mailto:a@b.c">d</a></p>"##
        )
    );
}

#[test]
fn a_body_without_relative_urls_is_left_byte_for_byte() {
    for html in [
        "<p>正文</p>",
        "<P>no urls<br>",
        r#"<a href="https://x.org/">x</a>"#,
    ] {
        assert_eq!(resolve_urls(html, Some(&base())).html, None, "{html}");
    }
    let r = resolve_urls(r#"<img src="a.png">"#, None);
    assert_eq!((r.html, r.resolved, r.unresolved), (None, 0, 1));
}

#[test]
fn everything_else_is_written_back_as_it_was_tokenized() {
    let html = "<div><span style=\"display:none\">博彩</span><p>a &amp; b &lt; c<script>if (a < b && c) x(\"</p>\")</script><!-- note --><textarea>&lt;t&gt;</textarea><img src='a.png' alt=\"say &quot;hi&quot;\"/></div></p>";
    let out = resolve_urls(html, Some(&base())).html.expect("resolved");
    assert_eq!(out, "<div><span style=\"display:none\">博彩</span><p>a &amp; b &lt; c<script>if (a < b && c) x(\"</p>\")</script><!-- note --><textarea>&lt;t&gt;</textarea><img src=\"https://example.org/news/2018/a.png\" alt=\"say &quot;hi&quot;\" /></div></p>");
}

#[test]
fn text_of_html() {
    assert_eq!(
        text_of("<p>第一段</p><p>第二 &amp; 段</p><script>x</script>"),
        "第一段 第二 & 段"
    );
    assert_eq!(text_of("  plain\n text "), "plain text");
    assert_eq!(text_of("It&#8217;s"), "It\u{2019}s");
}
