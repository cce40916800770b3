//! The app's plain shell (Trunk's `index.html`, kept as `404.html`) as the frame of every
//! pre-rendered page.

/// Where leptos_meta puts a page's `<title>` and `<meta>` tags, and where hydration finds them.
const HEAD_MARKER: &str = "<!--HEAD-->";

/// The shell cut around its `<body>`, its own title and description taken out (each page has
/// its own).
#[derive(Debug, Clone)]
pub struct Shell {
    head: String,
    tail: String,
}

impl Shell {
    /// Reads the shell; it must have a `<title>`, a `<body>` and a `</body>`, and must not be a
    /// pre-rendered page itself.
    pub fn parse(html: &str) -> Result<Shell, String> {
        if html.contains(HEAD_MARKER) || html.contains(crate::api::page_data::ELEMENT_ID) {
            return Err("the shell is a pre-rendered page, not the app's index.html".into());
        }
        if !html.contains("</head>") {
            return Err("the shell has no </head>".into());
        }
        let title_start = html.find("<title>").ok_or("the shell has no <title>")?;
        let title_end = html[title_start..]
            .find("</title>")
            .map(|i| title_start + i + "</title>".len())
            .ok_or("the shell's <title> is not closed")?;
        let mut head = format!(
            "{}{HEAD_MARKER}{}",
            &html[..title_start],
            &html[title_end..]
        );
        head = without_description(&head);
        let body_open = head.find("<body").ok_or("the shell has no <body>")?;
        let body_open = head[body_open..]
            .find('>')
            .map(|i| body_open + i + 1)
            .ok_or("the shell's <body> is not closed")?;
        let body_close = head.rfind("</body>").ok_or("the shell has no </body>")?;
        let tail = head[body_close..].to_owned();
        head.truncate(body_open);
        Ok(Shell { head, tail })
    }

    /// A whole page: `body` (the app's HTML) and the page-data block in the shell, with `lang` on
    /// `<html>`. The title and meta tags are added by leptos_meta at the marker.
    pub fn page(&self, lang: &str, body: &str, page_data: &str) -> String {
        let head = set_html_lang(&self.head, lang);
        format!(
            "{head}{body}<script type=\"application/json\" id=\"{}\">{page_data}</script>{}",
            crate::api::page_data::ELEMENT_ID,
            self.tail
        )
    }
}

/// Removes the shell's `<meta name="description" …>`.
fn without_description(html: &str) -> String {
    let Some(start) = html.find("<meta name=\"description\"") else {
        return html.to_owned();
    };
    match html[start..].find('>') {
        Some(end) => {
            let rest = html[start + end + 1..].trim_start_matches([' ', '\n']);
            format!("{}{rest}", &html[..start])
        }
        None => html.to_owned(),
    }
}

fn set_html_lang(head: &str, lang: &str) -> String {
    let Some(start) = head.find("<html lang=\"") else {
        return head.to_owned();
    };
    let value = start + "<html lang=\"".len();
    match head[value..].find('"') {
        Some(end) => format!(
            "{}{}{}",
            &head[..value],
            escape_attr(lang),
            &head[value + end..]
        ),
        None => head.to_owned(),
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n  <head>\n    <title>新闻阅读器</title>\n    <meta name=\"description\" content=\"x\" />\n    <link rel=\"stylesheet\" href=\"main.css\">\n  </head>\n  <body>\n    <noscript>需要 JavaScript</noscript>\n  </body>\n</html>\n";

    #[test]
    fn a_page_replaces_title_description_and_body() {
        let shell = Shell::parse(SHELL).expect("shell");
        let page = shell.page("en", "<main>hi</main>", "{}");
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page.contains("<!--HEAD-->"));
        assert!(!page.contains("<title>"));
        assert!(!page.contains("description"));
        assert!(!page.contains("noscript"));
        assert!(page.contains(
            "<body><main>hi</main><script type=\"application/json\" id=\"page-data\">{}</script></body>"
        ));
        assert!(page.contains("main.css"));
    }

    #[test]
    fn a_pre_rendered_page_is_not_a_shell() {
        let shell = Shell::parse(SHELL).expect("shell");
        let page = shell.page("zh-CN", "<main></main>", "{}");
        assert!(Shell::parse(&page).is_err());
        assert!(Shell::parse("<html><body></body></html>").is_err());
    }
}
