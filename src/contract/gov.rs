//! What a Chinese government website publishes about itself and about its public documents
//! (《政府网站发展指引》, 2017): the organisation behind the site, shown in the footer, and the
//! 信息公开 (information disclosure) fields of a document. Every field is optional.

use serde::{Deserialize, Serialize};

/// Who runs the site, in `site.json` as `"organization"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// 主办单位: the body that owns the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    /// 承办单位: the body that runs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// 联系方式: how to reach it (a telephone number, an address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// 网站标识码: the site's identification code, e.g. `3301000001`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_code: Option<String>,
    /// ICP备案号: the MIIT filing number, e.g. `京ICP备12345678号-1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icp: Option<String>,
    /// 公安备案号: the public-security filing number, e.g. `京公网安备11010502000001号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_security: Option<String>,
}

/// Where ICP filings are looked up (the MIIT's filing site).
pub const ICP_LOOKUP: &str = "https://beian.miit.gov.cn/";

impl Organization {
    /// The field names, as written in `site.json` and `site.toml`.
    pub const FIELDS: [&'static str; 6] = [
        "sponsor",
        "operator",
        "contact",
        "site_code",
        "icp",
        "public_security",
    ];

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Organization::default()
    }

    /// The record page of the public-security filing: the national filing site's query for the
    /// number's digits; `None` when the number has none.
    pub fn public_security_url(&self) -> Option<String> {
        let digits: String = self
            .public_security
            .as_deref()?
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        (!digits.is_empty())
            .then(|| format!("https://beian.mps.gov.cn/#/query/webSearch?code={digits}"))
    }
}

/// The 信息公开 fields of a public document, in an article's `_news` as `"disclosure"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// 索引号: the document's index number in the disclosure catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_no: Option<String>,
    /// 发布机构: the issuing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 文号: the document number, e.g. `青市监〔2025〕12号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_no: Option<String>,
    /// 成文日期: the date the document was written (`YYYY-MM-DD`, or as the data has it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_written: Option<String>,
    /// 主题分类: the subject category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// 有效性: whether the document is in force (有效, 失效, 废止…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<String>,
}

impl Disclosure {
    /// The values, in [`Disclosure::FIELDS`] order.
    pub fn values(&self) -> [Option<&str>; 6] {
        [
            &self.index_no,
            &self.issuer,
            &self.document_no,
            &self.date_written,
            &self.subject,
            &self.validity,
        ]
        .map(Option::as_deref)
    }

    /// The field names, as written in an article's data and front matter.
    pub const FIELDS: [&'static str; 6] = [
        "index_no",
        "issuer",
        "document_no",
        "date_written",
        "subject",
        "validity",
    ];

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Disclosure::default()
    }
}
