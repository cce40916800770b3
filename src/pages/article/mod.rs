//! `/articles/{id}`: one article.

mod parts;
mod related_section;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::Api;
use crate::components::article_body::BodyContent;
use crate::components::font_size::FontSizeControl;
use crate::components::share::ShareControls;
use crate::components::{owned, ArticleBody, ErrorView, Later, Loading, PageHeading};
use crate::contract::{Article, Site};
use crate::pages::use_param;
use parts::{AdjacentNav, ArticleMetaLine, BackToList, Breadcrumb, DisclosureTable, TagList};
use related_section::RelatedSection;

/// The article with its meta line, body, tags, related news and previous/next links.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let api = expect_context::<Api>();
    let id = use_param("id");
    // An article at hand (pre-rendered, hydrated or cached) is shown at once, with no fallback:
    // that is what lets the server and the browser render the same DOM.
    let ready = Memo::new(move |_| id.with(|id| api.article_now(id)).and_then(Result::ok));
    move || {
        owned(|| match ready.get() {
            Some(article) => view! { <ArticleView article/> }.into_any(),
            None => view! { <LoadArticle id/> }.into_any(),
        })
    }
}

/// Loads the article, with a loading state and an error with retry.
#[component]
fn LoadArticle(id: Memo<String>) -> impl IntoView {
    let api = expect_context::<Api>();
    let article = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.article(&id).await }
    });
    let retry = Callback::new(move |()| article.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(article) => view! { <ArticleView article/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let site = expect_context::<Site>();
    let api = expect_context::<Api>();
    let base = api.base().to_owned();
    let column = article.news.category.clone();
    let column_name = site.category_name(&column).to_owned();
    let description = article
        .summary
        .clone()
        .unwrap_or_else(|| article.title.clone());
    let body = article.body().map(BodyContent::from);
    // The body's HTML travels once, in the page: its data leaves `content_html` out.
    #[cfg(feature = "ssr")]
    if matches!(body, Some(BodyContent::Html(_))) {
        api.body_in_page(&article.id);
    }
    let disclosure = Some(article.news.disclosure.clone()).filter(|d| !d.is_empty());
    let (title, tags) = (article.title.clone(), article.tags.clone());
    view! {
        <Title text=article.title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:title" content=article.title.clone()/>
        <Meta property="og:description" content=description/>
        // X reads the title and description from og: when twitter: has none.
        <Meta name="twitter:card" content="summary"/>
        <article class="article" lang=article.language.clone()>
            <Breadcrumb column=column.clone() column_name title=article.title.clone()/>
            <PageHeading text=article.title.clone() class="article__title"/>
            <ArticleMetaLine article=article.clone()/>
            {disclosure.map(|disclosure| view! { <DisclosureTable disclosure/> })}
            // Hydrated in tasks of their own: the tools and the body, then what follows it.
            {Later(move || view! {
                <div class="article__tools">
                    <FontSizeControl/>
                    <ShareControls title/>
                </div>
                {body.map(|body| view! { <ArticleBody body base/> })}
                <TagList tags/>
            })}
        </article>
        {Later(move || view! {
            <RelatedSection article=article.clone()/>
            <AdjacentNav prev=article.news.prev.clone() next=article.news.next.clone()/>
            <BackToList column/>
        })}
    }
}
