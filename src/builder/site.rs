//! `site.toml`: the site's settings, its columns and the related-news tuning.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::Diagnostic;
use crate::contract::Organization;

/// The parsed `site.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    pub columns: Vec<ColumnConfig>,
    #[serde(default)]
    pub related: RelatedConfig,
    /// `[integrity]`: what `news-builder check` accepts.
    #[serde(default)]
    pub integrity: IntegrityConfig,
    /// `[organization]`: who runs the site (a government site's footer), checked into
    /// [`SiteConfig::organization`].
    #[serde(default, rename = "organization")]
    organization_table: BTreeMap<String, String>,
}

/// One column, in navigation order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnConfig {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// What `news-builder check` accepts in articles: the hosts links may point to (each with its
/// subdomains; empty means any) and terms no article may contain.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IntegrityConfig {
    pub allowed_hosts: Vec<String>,
    pub blocked_terms: Vec<String>,
}

/// Related-news tuning, after Hugo's `related` configuration: each shared column, tag and publish
/// month adds its weight; the sum is normalized to 0–100 against the smallest and largest weight,
/// and only candidates at or above `threshold` are kept. Newer articles are left out unless
/// `include_newer`, so that a published article's list does not change.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RelatedConfig {
    pub column_weight: u32,
    pub tags_weight: u32,
    pub month_weight: u32,
    pub threshold: u32,
    pub include_newer: bool,
    /// How many related articles each article lists.
    pub count: usize,
}

impl Default for RelatedConfig {
    fn default() -> Self {
        // Hugo's defaults: keywords 100, tags 80, date 10, threshold 80, newer excluded.
        RelatedConfig {
            column_weight: 100,
            tags_weight: 80,
            month_weight: 10,
            threshold: 80,
            include_newer: false,
            count: 5,
        }
    }
}

fn default_language() -> String {
    "zh-CN".to_owned()
}

fn default_page_size() -> u32 {
    10
}

impl SiteConfig {
    /// Parses `site.toml`; `file` names it in diagnostics.
    pub fn parse(file: &str, text: &str) -> Result<Self, Vec<Diagnostic>> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            vec![Diagnostic::new(file, line, e.message())]
        })?;
        let mut errors = Vec::new();
        if config.page_size == 0 {
            errors.push(Diagnostic::new(file, 1, "page_size must be at least 1"));
        }
        if config.columns.is_empty() {
            errors.push(Diagnostic::new(
                file,
                1,
                "at least one [[columns]] entry is needed",
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for column in &config.columns {
            let line = find_line(text, &column.slug);
            if !crate::contract::is_valid_id(&column.slug) {
                errors.push(Diagnostic::new(
                    file,
                    line,
                    format!(
                        "column slug {:?} must match ^[A-Za-z0-9][A-Za-z0-9_-]{{0,127}}$",
                        column.slug
                    ),
                ));
            }
            if seen.contains(&column.slug.as_str()) {
                errors.push(Diagnostic::new(
                    file,
                    line,
                    format!("column slug {:?} is used twice", column.slug),
                ));
            }
            seen.push(&column.slug);
        }
        if let Err(e) = config.organization() {
            errors.push(Diagnostic::new(file, find_line(text, "[organization]"), e));
        }
        let r = &config.related;
        if [r.column_weight, r.tags_weight, r.month_weight]
            .iter()
            .all(|w| *w == 0)
        {
            errors.push(Diagnostic::new(
                file,
                find_line(text, "[related]"),
                "related: at least one weight must be above 0",
            ));
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Who runs the site, from `[organization]`.
    pub fn organization(&self) -> Result<Organization, String> {
        string_table(
            &self.organization_table,
            &Organization::FIELDS,
            "organization",
        )
    }

    /// The column with this slug.
    pub fn column(&self, slug: &str) -> Option<&ColumnConfig> {
        self.columns.iter().find(|c| c.slug == slug)
    }
}

/// A table of strings (`[organization]`, an article's `disclosure`) read into `T`: every key must
/// be one of `fields` (a misspelt key is an error, never a field silently left empty).
pub fn string_table<T: DeserializeOwned>(
    table: &BTreeMap<String, String>,
    fields: &[&str],
    what: &str,
) -> Result<T, String> {
    if let Some(key) = table.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err(format!(
            "{what}: unknown field `{key}`, expected one of {}",
            fields.join(", ")
        ));
    }
    serde_json::to_value(table)
        .and_then(serde_json::from_value)
        .map_err(|e| format!("{what}: {e}"))
}

/// The 1-based line of byte offset `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The first line mentioning `needle`, or 1.
fn find_line(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |at| line_of(text, at))
}

#[cfg(test)]
mod tests;
