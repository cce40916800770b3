//! Which routes are pre-rendered, and where each one is written.

use crate::api::Api;
use crate::contract::is_valid_id;
use crate::dates::sort_key;
use crate::links::{self, ListSource};

/// A pre-rendered route, and when its content last changed: the newest date among its articles
/// (`None` when it shows none), for the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub path: String,
    pub lastmod: Option<String>,
}

/// Every pre-rendered route of the site that `api` reads: every page of the latest list and of
/// each column, the site map, and each article with its related view. Search and unknown paths
/// are left to the plain shell.
pub fn routes(api: &Api) -> Result<Vec<String>, String> {
    Ok(dated_routes(api)?.into_iter().map(|r| r.path).collect())
}

/// [`routes`], each with the date it last changed.
pub fn dated_routes(api: &Api) -> Result<Vec<Route>, String> {
    let site = api
        .site_now()
        .ok_or("site.json: not found")?
        .map_err(|e| format!("site.json: {e}"))?;
    let mut routes = vec![Route {
        path: route(&links::sitemap()),
        lastmod: None,
    }];
    let mut articles = Vec::new();
    list_routes(api, &ListSource::Latest, &mut routes, Some(&mut articles))?;
    // The site map lists every column and page: it changes with the newest article.
    routes[0].lastmod = routes.get(1).and_then(|home| home.lastmod.clone());
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
    for (id, date) in articles.into_iter().filter(|(id, _)| is_valid_id(id)) {
        routes.push(Route {
            path: route(&links::article(&id)),
            lastmod: Some(date.clone()),
        });
        routes.push(Route {
            path: route(&links::related(&id)),
            lastmod: Some(date),
        });
    }
    Ok(routes)
}

/// The routes of every page of `source`, collecting the ids and dates of its articles into `ids`.
fn list_routes(
    api: &Api,
    source: &ListSource,
    routes: &mut Vec<Route>,
    mut ids: Option<&mut Vec<(String, String)>>,
) -> Result<(), String> {
    let mut page = 1;
    loop {
        let href = source.href(page);
        let list = api
            .list_page_now(source, page)
            .ok_or_else(|| format!("{href}: no data"))?
            .map_err(|e| format!("{href}: {e}"))?;
        let newest = list
            .items
            .iter()
            .map(|item| &item.date_published)
            .max_by_key(|date| sort_key(date))
            .cloned();
        routes.push(Route {
            path: route(&href),
            lastmod: newest,
        });
        if let Some(ids) = ids.as_deref_mut() {
            ids.extend(
                list.items
                    .into_iter()
                    .map(|item| (item.id, item.date_published)),
            );
        }
        if page >= list.news.total_pages {
            return Ok(());
        }
        page += 1;
    }
}

/// A link of [`links`] as a route: `articles/x` → `/articles/x`, `./` → `/`.
pub(super) fn route(link: &str) -> String {
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
