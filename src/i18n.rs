//! The UI's own strings, in zh-CN (the default) and English. Every string the reader sees comes
//! from here; components get the current table with `components::strings()`.

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
    pub err_timeout: &'static str,
    pub err_decode: &'static str,
    pub config_error: &'static str,
    pub config_error_hint: &'static str,
    pub skip_to_content: &'static str,
    pub app_name: &'static str,
    pub dark_mode: &'static str,
    pub font_size: &'static str,
    pub font_smaller: &'static str,
    pub font_larger: &'static str,
}

/// zh-CN.
pub static ZH: Strings = Strings {
    lang: Lang::Zh,
    language_name: "中文",
    home: "首页",
    latest: "最新文章",
    columns_nav: "栏目",
    article_list: "文章列表",
    sitemap: "网站地图",
    sitemap_columns: "栏目列表",
    breadcrumb: "面包屑",
    pagination: "分页",
    prev_page: "上一页",
    next_page: "下一页",
    no_such_page: "没有这一页",
    no_such_page_hint: "这个栏目没有这么多页。",
    first_page: "返回第一页",
    empty_list: "这里还没有文章。",
    published: "发布时间",
    views: "浏览次数",
    source: "来源",
    author: "作者",
    tags: "标签",
    related: "相关新闻",
    related_all: "查看全部相关新闻",
    related_none: "暂无相关新闻。",
    adjacent_nav: "上一篇和下一篇",
    prev_article: "上一篇",
    next_article: "下一篇",
    back_to_list: "返回列表",
    back_to_article: "返回文章",
    no_body: "这篇文章没有正文。",
    not_found: "页面不存在",
    not_found_hint: "您要找的页面不存在，可能已被删除或地址有误。",
    back_home: "返回首页",
    loading: "正在加载…",
    load_failed: "加载失败",
    retry: "重试",
    err_network: "网络连接失败，请检查网络后重试。",
    err_timeout: "请求超时（15 秒无响应），请稍后重试。",
    err_decode: "内容无法读取：数据格式有误。",
    config_error: "配置错误",
    config_error_hint: "站点配置文件 config.json 无法使用，请联系网站管理员。",
    skip_to_content: "跳到正文",
    app_name: "新闻阅读器",
    dark_mode: "深色模式",
    font_size: "字号",
    font_smaller: "缩小字号",
    font_larger: "放大字号",
};

/// English.
pub static EN: Strings = Strings {
    lang: Lang::En,
    language_name: "English",
    home: "Home",
    latest: "Latest articles",
    columns_nav: "Columns",
    article_list: "Articles",
    sitemap: "Site map",
    sitemap_columns: "All columns",
    breadcrumb: "Breadcrumb",
    pagination: "Pages",
    prev_page: "Previous page",
    next_page: "Next page",
    no_such_page: "No such page",
    no_such_page_hint: "This list does not have that many pages.",
    first_page: "Back to page 1",
    empty_list: "No articles here yet.",
    published: "Published",
    views: "Views",
    source: "Source",
    author: "Author",
    tags: "Tags",
    related: "Related news",
    related_all: "All related news",
    related_none: "No related news.",
    adjacent_nav: "Previous and next articles",
    prev_article: "Previous",
    next_article: "Next",
    back_to_list: "Back to the list",
    back_to_article: "Back to the article",
    no_body: "This article has no text.",
    not_found: "Page not found",
    not_found_hint: "The page you are looking for does not exist: it may have been removed, or the address is wrong.",
    back_home: "Back to the home page",
    loading: "Loading…",
    load_failed: "Could not load",
    retry: "Retry",
    err_network: "The network connection failed. Check your connection and retry.",
    err_timeout: "The request timed out (no answer in 15 s). Please retry later.",
    err_decode: "The content could not be read: the data is malformed.",
    config_error: "Configuration error",
    config_error_hint: "The site configuration file config.json cannot be used. Please contact the site operator.",
    skip_to_content: "Skip to content",
    app_name: "News reader",
    dark_mode: "Dark mode",
    font_size: "Text size",
    font_smaller: "Smaller text",
    font_larger: "Larger text",
};

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
    }
}
