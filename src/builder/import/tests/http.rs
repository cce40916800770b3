//! A feed fetched from a local HTTP server (a thread on 127.0.0.1, never the internet): the
//! charset of its `Content-Type` decodes it, its URL is the base of relative links.

use std::io::Write;
use std::net::TcpListener;
use std::thread;

use super::{article, request_path, run};
use crate::builder::import::read_source;

/// Serves `responses` (path → status line, content type, body), one request each, then stops.
fn serve(
    responses: Vec<(&'static str, &'static str, &'static str, Vec<u8>)>,
) -> (String, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = format!("http://{}", listener.local_addr().expect("an address"));
    let server = thread::spawn(move || {
        for _ in 0..responses.len() {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let path = request_path(&stream);
            let (status, content_type, body) = responses
                .iter()
                .find(|(p, ..)| *p == path)
                .map(|(_, s, t, b)| (*s, *t, b.as_slice()))
                .unwrap_or(("404 Not Found", "text/plain", b"not here"));
            let head = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nLast-Modified: Tue, 18 Sep 2018 06:00:00 GMT\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    (address, server)
}

#[test]
fn a_gbk_feed_from_a_url_is_decoded_by_its_header() {
    let feed = include_bytes!("../fixtures/rss-gbk.xml").to_vec();
    let relative = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item><guid>r</guid><title>R</title><description>&lt;img src=\"img/r.png\"&gt;</description></item><item><guid>s</guid><title>S</title><link>/2018/s.html</link><pubDate>2018-09-18 08:00</pubDate><content:encoded><![CDATA[<img src=\"s.png\">]]></content:encoded></item></channel></rss>";
    let (address, server) = serve(vec![
        (
            "/feed.xml",
            "200 OK",
            "application/rss+xml; charset=gbk",
            feed,
        ),
        (
            "/news/rel.xml",
            "200 OK",
            "application/rss+xml",
            relative.as_bytes().to_vec(),
        ),
    ]);
    let gbk = read_source(&format!("{address}/feed.xml")).expect("fetched");
    assert_eq!(gbk.charset.as_deref(), Some("gbk"));
    let rel = read_source(&format!("{address}/news/rel.xml")).expect("fetched");
    server.join().expect("the server stops");

    let done = run(&[gbk, rel]);
    assert_eq!(
        done.summaries[0],
        format!("{address}/feed.xml: RSS 2.0, GBK, 1 items")
    );
    let a = article(&done, "gbk-1");
    assert_eq!(a.title, "张喆同志任职通知");
    assert!(
        done.warnings.iter().all(|w| !w.contains("U+FFFD")),
        "{:?}",
        done.warnings
    );
    // No date in the item or the feed: the Last-Modified header; relative URLs against the URL.
    let r = article(&done, "r");
    assert_eq!(r.date, "2018-09-18T06:00:00+00:00");
    assert!(
        r.body
            .contains(&format!("src=\"{address}/news/img/r.png\"")),
        "{}",
        r.body
    );
}

#[test]
fn a_failed_fetch_names_the_url_and_the_answer() {
    let (address, server) = serve(vec![(
        "/gone.xml",
        "404 Not Found",
        "text/plain",
        b"gone".to_vec(),
    )]);
    let url = format!("{address}/gone.xml");
    assert_eq!(
        read_source(&url),
        Err(format!("{url}: the server answered 404 Not Found"))
    );
    server.join().expect("the server stops");
    // Nothing listens on a port just freed.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a port")
        .port();
    let closed = format!("http://127.0.0.1:{port}/feed.xml");
    assert!(read_source(&closed)
        .expect_err("no server")
        .starts_with(&closed));
}
