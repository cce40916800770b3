//! The UI's own strings, in zh-CN (the default) and English. Every string the reader sees comes
//! from here; components get the current table with `components::strings()`.

mod tables;

pub use tables::{EN, ZH};

use crate::format::group_thousands;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language for a BCP 47 tag: English for `en…`, Chinese otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// This language's strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// One language's UI strings.
#[derive(Debug)]
pub struct Strings {
    pub lang: Lang,
    /// The name of this language in itself, for the language switch.
    pub language_name: &'static str,
    pub home: &'static str,
    pub latest: &'static str,
    pub columns_nav: &'static str,
    pub article_list: &'static str,
    pub sitemap: &'static str,
    pub sitemap_columns: &'static str,
    pub breadcrumb: &'static str,
    pub pagination: &'static str,
    pub prev_page: &'static str,
    pub next_page: &'static str,
    pub no_such_page: &'static str,
    pub no_such_page_hint: &'static str,
    pub first_page: &'static str,
    pub empty_list: &'static str,
    pub published: &'static str,
    pub views: &'static str,
    pub source: &'static str,
    pub author: &'static str,
    pub tags: &'static str,
    pub related: &'static str,
    pub related_all: &'static str,
    pub related_none: &'static str,
    pub adjacent_nav: &'static str,
    pub prev_article: &'static str,
    pub next_article: &'static str,
    pub back_to_list: &'static str,
    pub back_to_article: &'static str,
    pub no_body: &'static str,
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    pub back_home: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub err_network: &'static str,
    pub err_offline: &'static str,
    /// The notice of a new deploy, and its button.
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub err_timeout: &'static str,
    pub err_decode: &'static str,
    pub config_error: &'static str,
    pub config_error_hint: &'static str,
    pub skip_to_content: &'static str,
    pub app_name: &'static str,
    pub dark_mode: &'static str,
    /// The elder-friendly mode's switch (长辈版).
    pub elder_mode: &'static str,
    pub font_size: &'static str,
    pub font_smaller: &'static str,
    pub font_larger: &'static str,
    pub search: &'static str,
    pub search_label: &'static str,
    pub search_results: &'static str,
    pub search_prompt: &'static str,
    pub search_columns: &'static str,
    pub search_all_columns: &'static str,
    pub search_shortcut: &'static str,
    pub search_unavailable: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub share_failed: &'static str,
    /// The footer's labels of who runs the site: 主办单位, 承办单位, 联系方式, 网站标识码.
    pub org_sponsor: &'static str,
    pub org_operator: &'static str,
    pub org_contact: &'static str,
    pub org_site_code: &'static str,
    /// The caption and row labels of an article's 信息公开 table, in `Disclosure::FIELDS` order.
    pub disclosure: &'static str,
    pub disclosure_fields: [&'static str; 6],
}

impl Strings {
    /// "服务器出错（HTTP 500），请稍后重试。"
    pub fn server_error(&self, status: u16) -> String {
        match self.lang {
            Lang::Zh => format!("服务器出错（HTTP {status}），请稍后重试。"),
            Lang::En => format!("The server failed (HTTP {status}). Please retry later."),
        }
    }

    /// "浏览 1,234 次" / "1,234 views"
    pub fn views(&self, n: u64) -> String {
        match self.lang {
            Lang::Zh => format!("浏览 {} 次", group_thousands(n)),
            Lang::En => format!("{} views", group_thousands(n)),
        }
    }

    /// The view count alone, grouped: "1,234".
    pub fn count(&self, n: u64) -> String {
        group_thousands(n)
    }

    /// The accessible name of a numbered page link: "第 3 页" / "Page 3".
    pub fn page_label(&self, n: u32) -> String {
        match self.lang {
            Lang::Zh => format!("第 {n} 页"),
            Lang::En => format!("Page {n}"),
        }
    }

    /// "共 5 页" / "5 pages"
    pub fn total_pages(&self, n: u32) -> String {
        match self.lang {
            Lang::Zh => format!("共 {n} 页"),
            Lang::En => format!("{n} pages"),
        }
    }

    /// "共 44 篇" / "44 articles"
    pub fn total_items(&self, n: u32) -> String {
        match self.lang {
            Lang::Zh => format!("共 {n} 篇"),
            Lang::En => format!("{n} articles"),
        }
    }

    /// The related view's heading: "相关新闻：标题".
    pub fn related_heading(&self, title: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{}：{title}", self.related),
            Lang::En => format!("{}: {title}", self.related),
        }
    }

    /// "约 3 分钟读完" / "3 min read"
    pub fn reading_time(&self, minutes: u32) -> String {
        match self.lang {
            Lang::Zh => format!("约 {minutes} 分钟读完"),
            Lang::En => format!("{minutes} min read"),
        }
    }

    /// A column's article count in the site map.
    pub fn column_count(&self, n: u32) -> String {
        self.total_items(n)
    }

    /// The search page's heading: "搜索：冷链" / "Search: cold chain".
    pub fn search_heading(&self, q: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{}：{q}", self.search),
            Lang::En => format!("{}: {q}", self.search),
        }
    }

    /// "找到 12 篇文章" / "12 articles found"; "约" / "about" when some results are still to
    /// be confirmed against their text.
    pub fn search_count(&self, n: usize, approximate: bool) -> String {
        let n = group_thousands(n as u64);
        match (self.lang, approximate) {
            (Lang::Zh, false) => format!("找到 {n} 篇文章"),
            (Lang::Zh, true) => format!("找到约 {n} 篇文章"),
            (Lang::En, false) => format!("{n} articles found"),
            (Lang::En, true) => format!("About {n} articles found"),
        }
    }

    /// "没有找到包含“冷链”的文章。"
    pub fn search_none(&self, q: &str) -> String {
        match self.lang {
            Lang::Zh => format!("没有找到包含“{q}”的文章。请换个关键词，或检查错别字。"),
            Lang::En => {
                format!("No articles contain “{q}”. Try other words, or check the spelling.")
            }
        }
    }

    /// A column filter link's text: "通知公告（3）" / "Notices (3)".
    pub fn column_with_count(&self, name: &str, n: usize) -> String {
        match self.lang {
            Lang::Zh => format!("{name}（{n}）"),
            Lang::En => format!("{name} ({n})"),
        }
    }

    /// The label before a value in the article's meta line: "来源：" / "Source: ".
    pub fn label(&self, name: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{name}："),
            Lang::En => format!("{name}: "),
        }
    }
}

/// The document title: "Page — Site".
pub fn document_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        site.to_owned()
    } else {
        format!("{page} — {site}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_formats() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(ZH.views(1234), "浏览 1,234 次");
        assert_eq!(EN.views(1234), "1,234 views");
        assert_eq!(ZH.page_label(3), "第 3 页");
        assert_eq!(EN.total_items(44), "44 articles");
        assert_eq!(ZH.related_heading("标题"), "相关新闻：标题");
        assert_eq!(EN.label(EN.source), "Source: ");
        assert_eq!(Lang::En.other().strings().lang, Lang::Zh);
        assert_eq!(document_title("最新文章", "站"), "最新文章 — 站");
        assert_eq!(ZH.search_count(1234, false), "找到 1,234 篇文章");
        assert_eq!(EN.search_count(3, true), "About 3 articles found");
        assert_eq!(ZH.column_with_count("通知公告", 3), "通知公告（3）");
    }
}
