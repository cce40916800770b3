//! The UI's own strings (zh-CN). Every string the reader sees comes from here, so another
//! language can follow by swapping this module's contents.

use crate::format::group_thousands;

pub const HOME: &str = "首页";
pub const LATEST: &str = "最新文章";
pub const COLUMNS_NAV: &str = "栏目";
pub const ARTICLE_LIST: &str = "文章列表";
pub const SITEMAP: &str = "网站地图";
pub const SITEMAP_COLUMNS: &str = "栏目列表";
pub const BREADCRUMB: &str = "面包屑";
pub const PAGINATION: &str = "分页";
pub const PREV_PAGE: &str = "上一页";
pub const NEXT_PAGE: &str = "下一页";
pub const NO_SUCH_PAGE: &str = "没有这一页";
pub const NO_SUCH_PAGE_HINT: &str = "这个栏目没有这么多页。";
pub const FIRST_PAGE: &str = "返回第一页";
pub const EMPTY_LIST: &str = "这里还没有文章。";
pub const PUBLISHED: &str = "发布时间";
pub const VIEWS: &str = "浏览次数";
pub const SOURCE: &str = "来源";
pub const AUTHOR: &str = "作者";
pub const TAGS: &str = "标签";
pub const RELATED: &str = "相关新闻";
pub const RELATED_ALL: &str = "查看全部相关新闻";
pub const RELATED_NONE: &str = "暂无相关新闻。";
pub const ADJACENT_NAV: &str = "上一篇和下一篇";
pub const PREV_ARTICLE: &str = "上一篇";
pub const NEXT_ARTICLE: &str = "下一篇";
pub const BACK_TO_LIST: &str = "返回列表";
pub const BACK_TO_ARTICLE: &str = "返回文章";
pub const NO_BODY: &str = "这篇文章没有正文。";
pub const NOT_FOUND: &str = "页面不存在";
pub const NOT_FOUND_HINT: &str = "您要找的页面不存在，可能已被删除或地址有误。";
pub const BACK_HOME: &str = "返回首页";
pub const LOADING: &str = "正在加载…";
pub const LOAD_FAILED: &str = "加载失败";
pub const RETRY: &str = "重试";
pub const ERR_NETWORK: &str = "网络连接失败，请检查网络后重试。";
pub const ERR_TIMEOUT: &str = "请求超时（15 秒无响应），请稍后重试。";
pub const ERR_DECODE: &str = "内容无法读取：数据格式有误。";
pub const CONFIG_ERROR: &str = "配置错误";
pub const CONFIG_ERROR_HINT: &str = "站点配置文件 config.json 无法使用，请联系网站管理员。";
pub const SKIP_TO_CONTENT: &str = "跳到正文";
pub const APP_NAME: &str = "新闻阅读器";
pub const DARK_MODE: &str = "深色模式";

/// "服务器出错（HTTP 500），请稍后重试。"
pub fn server_error(status: u16) -> String {
    format!("服务器出错（HTTP {status}），请稍后重试。")
}

/// "浏览 1,234 次"
pub fn views(n: u64) -> String {
    format!("浏览 {} 次", group_thousands(n))
}

/// The view count alone, grouped: "1,234".
pub fn count(n: u64) -> String {
    group_thousands(n)
}

/// The accessible name of a numbered page link: "第 3 页".
pub fn page_label(n: u32) -> String {
    format!("第 {n} 页")
}

/// "共 5 页"
pub fn total_pages(n: u32) -> String {
    format!("共 {n} 页")
}

/// "共 44 篇"
pub fn total_items(n: u32) -> String {
    format!("共 {n} 篇")
}

/// "「标题」的相关新闻" → the related view's heading.
pub fn related_heading(title: &str) -> String {
    format!("{RELATED}：{title}")
}

/// "共 12 篇" for a column in the site map.
pub fn column_count(n: u32) -> String {
    total_items(n)
}

/// The document title: "Page — Site".
pub fn document_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        site.to_owned()
    } else {
        format!("{page} — {site}")
    }
}
