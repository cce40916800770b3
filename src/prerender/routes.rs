//! Which routes are pre-rendered, and where each one is written.

use crate::api::Api;
use crate::contract::is_valid_id;
use crate::links::{self, ListSource};

/// Every pre-rendered route of the site that `api` reads: every page of the latest list and of
/// each column, the site map, and each article with its related view. Search and unknown paths
/// are left to the plain shell.
pub fn routes(api: &Api) -> Result<Vec<String>, String> {
    let site = api
        .site_now()
        .ok_or("site.json: not found")?
        .map_err(|e| format!("site.json: {e}"))?;
    let mut routes = vec![route(&links::sitemap())];
    let mut articles = Vec::new();
    list_routes(api, &ListSource::Latest, &mut routes, Some(&mut articles))?;
    // A column or an article whose name could not be a path is left to the app (it shows "not
    // found" for it): it never becomes a file path.
    for column in site.categories.iter().filter(|c| is_valid_id(&c.slug)) {
        list_routes(
            api,
            &ListSource::Column(column.slug.clone()),
            &mut routes,
            None,
        )?;
    }
    for id in articles.into_iter().filter(|id| is_valid_id(id)) {
        routes.push(route(&links::article(&id)));
        routes.push(route(&links::related(&id)));
    }
    Ok(routes)
}

/// The routes of every page of `source`, collecting the ids of its articles into `ids`.
fn list_routes(
    api: &Api,
    source: &ListSource,
    routes: &mut Vec<String>,
    mut ids: Option<&mut Vec<String>>,
) -> Result<(), String> {
    let mut page = 1;
    loop {
        let href = source.href(page);
        let list = api
            .list_page_now(source, page)
            .ok_or_else(|| format!("{href}: no data"))?
            .map_err(|e| format!("{href}: {e}"))?;
        routes.push(route(&href));
        if let Some(ids) = ids.as_deref_mut() {
            ids.extend(list.items.into_iter().map(|item| item.id));
        }
        if page >= list.news.total_pages {
            return Ok(());
        }
        page += 1;
    }
}

/// A link of [`links`] as a route: `articles/x` → `/articles/x`, `./` → `/`.
fn route(link: &str) -> String {
    links::absolute_path("/", link)
}

/// The file a route is written to, relative to the site's folder: `/` → `index.html`,
/// `/articles/x` → `articles/x/index.html`.
pub fn file_of(route: &str) -> String {
    match route.trim_matches('/') {
        "" => "index.html".to_owned(),
        path => format!("{path}/index.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_written_as_folder_indexes() {
        assert_eq!(file_of("/"), "index.html");
        assert_eq!(file_of("/articles/a-1"), "articles/a-1/index.html");
        assert_eq!(
            file_of("/category/x/page/2"),
            "category/x/page/2/index.html"
        );
        assert_eq!(route("./"), "/");
        assert_eq!(route(&links::related("a")), "/articles/a/related");
    }
}
