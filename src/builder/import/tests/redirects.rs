//! Redirects of a feed's URL, from a local HTTP server (never the internet): followed up to five,
//! the URL they end at known (the command prints it).

use std::io::Write;
use std::net::TcpListener;
use std::thread;

use super::request_path;
use crate::builder::import::read_source;

const FEED: &str = "<rss version=\"2.0\"><channel><item><guid>r</guid><title>R</title><pubDate>2018-09-18 08:00</pubDate><description>x</description></item></channel></rss>";

/// Serves `/hop/N` as a redirect to `/hop/N-1`, and `/hop/0` as a feed, until the client stops.
fn serve() -> (String, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = format!("http://{}", listener.local_addr().expect("an address"));
    let server = thread::spawn(move || {
        while let Ok((mut stream, _)) = listener.accept() {
            let path = request_path(&stream);
            let hops: u32 = path
                .strip_prefix("/hop/")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let head = if path == "/stop" {
                return;
            } else if hops > 0 {
                format!("HTTP/1.1 302 Found\r\nLocation: /hop/{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", hops - 1)
            } else {
                format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{FEED}", FEED.len())
            };
            let _ = stream.write_all(head.as_bytes());
        }
    });
    (address, server)
}

#[test]
fn redirects_are_followed_up_to_five_and_the_final_url_is_known() {
    let (address, server) = serve();
    let direct = read_source(&format!("{address}/hop/0")).expect("fetched");
    assert_eq!(direct.redirected(), None);
    let url = format!("{address}/hop/5");
    let moved = read_source(&url).expect("five redirects are followed");
    assert_eq!(
        moved.redirected(),
        Some(format!("{address}/hop/0").as_str())
    );
    assert_eq!(
        moved.location.as_deref(),
        Some(url.as_str()),
        "the origin is the URL given"
    );
    let far = format!("{address}/hop/6");
    assert_eq!(
        read_source(&far),
        Err(format!("{far}: more than 5 redirects, not followed"))
    );
    let _ = read_source(&format!("{address}/stop"));
    server.join().expect("the server stops");
}
