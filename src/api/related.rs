//! Related news: the publisher's list, or one ranked from the article's column.

use futures::future::join_all;
use serde::{Deserialize, Serialize};

use super::{page_data, Api, ApiError};
use crate::contract::{Article, ArticleSummary, RelatedRef, SummaryMeta};
use crate::links::ListSource;
use crate::related::{rank_related, MAX_RELATED};

/// What `/articles/{id}/related` shows: the article's id and title, and its related articles
/// with their details (the article's body is not needed, and a pre-rendered page does not carry
/// it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedNews {
    pub id: String,
    pub title: String,
    pub related: Vec<ArticleSummary>,
}

impl Api {
    /// The article `id` and its related articles with their details.
    pub async fn related_news(&self, id: &str) -> Result<RelatedNews, ApiError> {
        // What is at hand, unless it failed: then the network decides, as for any document.
        if let Some(Ok(news)) = self.related_news_now(id) {
            return Ok(news);
        }
        let article = self.article(id).await?;
        let related = self.related_details(&article).await?;
        Ok(RelatedNews::of(article, related))
    }

    /// [`Api::related_news`] if all of it is at hand now. Never while pre-rendering: a related
    /// view's page carries its article's title alone ([`Api::related_title_now`]), and the
    /// browser loads the rest.
    pub fn related_news_now(&self, id: &str) -> Option<Result<RelatedNews, ApiError>> {
        if cfg!(feature = "ssr") {
            return None;
        }
        let article = match self.article_now(id)? {
            Ok(article) => article,
            Err(e) => return Some(Err(e)),
        };
        let related = self.related_details_now(&article)?;
        Some(related.map(|related| RelatedNews::of(article, related)))
    }

    /// The title of article `id` if it is at hand now, the article itself or the title alone
    /// that a pre-rendered related view carries.
    pub fn related_title_now(&self, id: &str) -> Option<Result<String, ApiError>> {
        /// The one field read: the article's body is not decoded.
        #[derive(Deserialize)]
        struct Headline {
            title: String,
        }
        let url = match self.article_url(id) {
            Ok(url) => url,
            Err(e) => return Some(Err(e)),
        };
        page_data::derived(&format!("{url}#title"), || {
            Some(page_data::now::<Headline>(&url)?.map(|h| h.title))
        })
    }

    /// The related articles to list under an article, by title and date: the publisher's
    /// `_news.related` when present, otherwise ranked from the first page of the article's column.
    pub async fn related(&self, article: &Article) -> Result<Vec<RelatedRef>, ApiError> {
        if let Some(Ok(related)) = self.related_now(article) {
            return Ok(related);
        }
        let column = self.list_page(&column_of(article), 1).await?;
        Ok(refs_of(rank_related(article, &column.items)))
    }

    /// [`Api::related`] if it is at hand now. A pre-rendered page carries the ranked titles and
    /// dates alone, not the column page they were ranked from.
    pub fn related_now(&self, article: &Article) -> Option<Result<Vec<RelatedRef>, ApiError>> {
        if !article.news.related.is_empty() {
            return Some(Ok(publisher_related(article).cloned().collect()));
        }
        page_data::derived(&self.derived_key(article, "related"), || {
            let column = self.list_page_now(&column_of(article), 1)?;
            Some(column.map(|column| refs_of(rank_related(article, &column.items))))
        })
    }

    /// Like [`Api::related`], with each of the publisher's related articles loaded for its
    /// column and summary; one that fails to load is shown with its title and date only.
    pub async fn related_details(
        &self,
        article: &Article,
    ) -> Result<Vec<ArticleSummary>, ApiError> {
        if let Some(Ok(related)) = self.related_details_now(article) {
            return Ok(related);
        }
        if article.news.related.is_empty() {
            let column = self.list_page(&column_of(article), 1).await?;
            return Ok(rank_related(article, &column.items));
        }
        let refs: Vec<&RelatedRef> = publisher_related(article).collect();
        let loaded = join_all(refs.iter().map(|r| self.article(&r.id))).await;
        Ok(details(refs, loaded))
    }

    /// [`Api::related_details`] if all of it is at hand now.
    pub fn related_details_now(
        &self,
        article: &Article,
    ) -> Option<Result<Vec<ArticleSummary>, ApiError>> {
        if article.news.related.is_empty() {
            let column = self.list_page_now(&column_of(article), 1)?;
            return Some(column.map(|column| rank_related(article, &column.items)));
        }
        page_data::derived(&self.derived_key(article, "related-details"), || {
            let refs: Vec<&RelatedRef> = publisher_related(article).collect();
            let loaded = refs
                .iter()
                .map(|r| self.article_now(&r.id))
                .collect::<Option<Vec<_>>>()?;
            Some(Ok(details(refs, loaded)))
        })
    }

    /// Where a page keeps a value it computed for `article`: its URL with a fragment.
    fn derived_key(&self, article: &Article, what: &str) -> String {
        format!("{}articles/{}.json#{what}", self.base(), article.id)
    }
}

impl RelatedNews {
    /// Each related article keeps what the related view shows (title, date, column, views and
    /// lead): a pre-rendered page carries no more.
    fn of(article: Article, related: Vec<ArticleSummary>) -> Self {
        let related = related
            .into_iter()
            .map(|mut item| {
                item.tags.clear();
                item.image = None;
                if item
                    .summary
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty())
                {
                    item.content_text.clear();
                }
                item
            })
            .collect();
        RelatedNews {
            id: article.id,
            title: article.title,
            related,
        }
    }
}

fn column_of(article: &Article) -> ListSource {
    ListSource::Column(article.news.category.clone())
}

/// Each related article's summary, or its title and date alone when it failed to load.
fn details(refs: Vec<&RelatedRef>, loaded: Vec<Result<Article, ApiError>>) -> Vec<ArticleSummary> {
    refs.into_iter()
        .zip(loaded)
        .map(|(r, res)| res.map_or_else(|_| summary_of_ref(r), |a| a.to_summary()))
        .collect()
}

/// Ranked articles by title and date, as the box under an article lists them.
fn refs_of(ranked: Vec<ArticleSummary>) -> Vec<RelatedRef> {
    ranked
        .into_iter()
        .map(|a| RelatedRef {
            id: a.id,
            title: a.title,
            date_published: a.date_published,
        })
        .collect()
}

fn publisher_related(article: &Article) -> impl Iterator<Item = &RelatedRef> {
    article
        .news
        .related
        .iter()
        .filter(|r| r.id != article.id)
        .take(MAX_RELATED)
}

fn summary_of_ref(r: &RelatedRef) -> ArticleSummary {
    ArticleSummary {
        id: r.id.clone(),
        title: r.title.clone(),
        date_published: r.date_published.clone(),
        content_text: String::new(),
        summary: None,
        tags: Vec::new(),
        image: None,
        news: SummaryMeta {
            category: String::new(),
            views: None,
        },
    }
}
