//! The related-news box under an article.

use leptos::prelude::*;

use crate::api::Api;
use crate::components::strings;
use crate::components::{ErrorView, Loading};
use crate::contract::{Article, RelatedRef};
use crate::dates::display_date;
use crate::links;

/// Up to five related articles, and a link to the related view.
#[component]
pub fn RelatedSection(article: Article) -> impl IntoView {
    let t = strings();
    let api = expect_context::<Api>();
    let related_href = links::related(&article.id);
    let list = match api.related_now(&article) {
        Some(Ok(items)) => related_list(items).into_any(),
        _ => view! { <LoadRelated article/> }.into_any(),
    };
    view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading" class="related__title">{t.related}</h2>
            {list}
            <p><a href=related_href>{t.related_all}</a></p>
        </section>
    }
}

/// Loads the related list (a column page when the publisher named none).
#[component]
fn LoadRelated(article: Article) -> impl IntoView {
    let api = expect_context::<Api>();
    let article = StoredValue::new(article);
    let related = LocalResource::new(move || {
        let (api, article) = (api.clone(), article.get_value());
        async move { api.related(&article).await }
    });
    let retry = Callback::new(move |()| related.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match related.await {
                    Ok(items) => related_list(items).into_any(),
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn related_list(items: Vec<RelatedRef>) -> impl IntoView {
    let t = strings();
    if items.is_empty() {
        return view! { <p>{t.related_none}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|item| {
            view! {
                <li class="related__item">
                    <a href=links::article(&item.id)>{item.title}</a>
                    <time datetime=item.date_published.clone()>{display_date(&item.date_published)}</time>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="related__list">{rows}</ul> }.into_any()
}
