//! Where a feed comes from: a file, or an http(s) URL fetched with ureq (its `Content-Type`
//! charset kept for decoding, its final URL as the base of relative links).

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};

use ureq::ResponseExt;
use url::Url;

/// The most a feed may weigh: far more than any real feed, well below any machine's memory.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most redirects a fetch follows.
const MAX_REDIRECTS: u32 = 5;

/// How long a fetch may take, redirects and body included.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A feed's bytes and what came with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The file or URL as given, for messages.
    pub name: String,
    pub bytes: Vec<u8>,
    /// The `charset` of the HTTP `Content-Type` header.
    pub charset: Option<String>,
    /// The URL the feed was read from, after redirects.
    pub url: Option<String>,
    /// Where the feed lives, recorded in every file imported from it: the URL as given, or the
    /// file's absolute path. `None` counts as `name`.
    pub location: Option<String>,
    /// When the feed last changed (the file's time, the HTTP `Last-Modified` header): the date
    /// of items when neither they nor the feed have one.
    pub modified: Option<String>,
}

/// Reads `arg`: a URL when it starts with `http://` or `https://`, else a file.
pub fn read_source(arg: &str) -> Result<Source, String> {
    let lower = arg.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        fetch(arg)
    } else {
        let bytes = std::fs::read(arg).map_err(|e| format!("{arg}: {e}"))?;
        let modified = std::fs::metadata(arg).and_then(|m| m.modified()).ok();
        let absolute = std::fs::canonicalize(arg).map(|p| p.to_string_lossy().into_owned());
        Ok(Source {
            name: arg.to_owned(),
            bytes,
            location: absolute.ok(),
            modified: modified
                .map(|m| DateTime::<Utc>::from(m).to_rfc3339_opts(SecondsFormat::Secs, true)),
            ..Source::default()
        })
    }
}

fn fetch(url: &str) -> Result<Source, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("news-builder/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, */*;q=0.8",
        )
        .call()
        .map_err(|e| match e {
            ureq::Error::TooManyRedirects => {
                format!("{url}: more than {MAX_REDIRECTS} redirects, not followed")
            }
            e => format!("{url}: {e}"),
        })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("{url}: the server answered {status}"));
    }
    let final_url = response.get_uri().to_string();
    let charset = response.body().charset().map(str::to_owned);
    let modified = response
        .headers()
        .get("last-modified")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| format!("{url}: {e}"))?;
    Ok(Source {
        name: url.to_owned(),
        bytes,
        charset,
        url: Some(final_url),
        location: Some(url.to_owned()),
        modified,
    })
}

impl Source {
    /// The URL the feed was read from when redirects led away from the URL given.
    pub fn redirected(&self) -> Option<&str> {
        let url = self.url.as_deref()?;
        let same = url == self.name
            || Url::parse(url)
                .ok()
                .is_some_and(|u| Url::parse(&self.name).ok() == Some(u));
        (!same).then_some(url)
    }
}
