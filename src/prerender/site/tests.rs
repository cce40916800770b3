//! Reading the shell, serving the built site, and what belongs to a page.

use super::*;

#[test]
fn reads_the_deploy_path_from_the_shell() {
    assert_eq!(
        base_href("<base href=\"/news/\" />").as_deref(),
        Some("/news/")
    );
    assert_eq!(base_href("<base href=\"/\"/>").as_deref(), Some("/"));
    assert_eq!(base_href("<head></head>"), None);
}

#[test]
fn serves_only_files_below_the_site() {
    let root = std::env::temp_dir().join(format!("prerender-src-{}", std::process::id()));
    let site = root.join("site");
    fs::create_dir_all(site.join("api")).expect("dir");
    fs::write(site.join("api/site.json"), "{}").expect("write");
    fs::write(root.join("secret.json"), "{}").expect("write");
    let read = source(&site, "/news/");
    assert_eq!(read("/news/api/site.json").as_deref(), Some("{}"));
    assert_eq!(read("/news/api/none.json"), None);
    assert_eq!(read("/news/../secret.json"), None);
    assert_eq!(read("/news/api/../../secret.json"), None);
    assert_eq!(read("https://elsewhere.example/api/site.json"), None);
    let _ = fs::remove_dir_all(root);
}

#[test]
fn compressed_copies_belong_to_their_page() {
    let page = Path::new("/d/articles/a/index.html");
    assert_eq!(page_of(page).as_deref(), Some(page));
    assert_eq!(
        page_of(Path::new("/d/articles/a/index.html.br")).as_deref(),
        Some(page)
    );
    assert_eq!(page_of(Path::new("/d/articles/a/other.html")), None);
}
