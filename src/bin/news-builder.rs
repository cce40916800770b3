//! The content builder's command line:
//!
//! ```text
//! news-builder build [CONTENT_DIR] [--out DIR] [--strict] content/ → public/api/ by default
//! news-builder check [CONTENT_DIR] [--strict]           signs of tampered content (warnings)
//! news-builder import SOURCE... --column SLUG [--out DIR] [--timezone +08:00] [--dry-run]
//!                                                          RSS, Atom, JSON Feed or WordPress
//!                                                          files or URLs as Markdown files
//! news-builder synth --count N [--out DIR] [--seed S]       a synthetic zh-CN corpus
//! news-builder search QUERY [--api DIR]                   query a built index, list the files read
//! news-builder prerender [DIST] [--site-url URL]           every route of a built site as HTML,
//!                                                          robots.txt, sitemap.xml
//! ```
//!
//! `prerender` needs the `ssr` feature (`make api` builds with it).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use newsreader::builder::{import, output, read_content, search_files, synth, Diagnostic};
use newsreader::search::index::POSITIONS_BUDGET;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("import") => import::cli::run(&args[1..]),
        Some("synth") => synthesize(&args[1..]),
        Some("search") => search(&args[1..]),
        #[cfg(feature = "ssr")]
        Some("prerender") => prerender(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: news-builder build [CONTENT_DIR] [--out DIR] [--strict]\n       news-builder check [CONTENT_DIR] [--strict]\n       news-builder import SOURCE... --column SLUG [--out DIR] [--timezone +08:00] [--dry-run]\n       news-builder synth --count N [--out DIR] [--seed S]\n       news-builder search QUERY [--api DIR]\n       news-builder prerender [DIST] [--site-url URL]";

/// Positional arguments, and `--flag value` pairs.
type Args<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

/// Flags without a value.
const SWITCHES: &[&str] = &["strict"];

/// Splits `args` into positional arguments and `--flag value` pairs; a flag not in `known` is an
/// error rather than ignored.
fn parse<'a>(args: &'a [String], known: &[&str]) -> Result<Args<'a>, String> {
    let (mut positional, mut flags) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(flag) = arg.strip_prefix("--").filter(|f| !known.contains(f)) {
            return Err(format!("unknown option --{flag}\n{USAGE}"));
        } else if let Some(flag) = arg.strip_prefix("--").filter(|f| SWITCHES.contains(f)) {
            flags.push((flag, ""));
        } else if let Some(flag) = arg.strip_prefix("--") {
            let value = it
                .next()
                .ok_or_else(|| format!("--{flag} needs a value\n{USAGE}"))?;
            flags.push((flag, value.as_str()));
        } else {
            positional.push(arg.as_str());
        }
    }
    Ok((positional, flags))
}

fn flag<'a>(flags: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    flags.iter().find(|(f, _)| *f == name).map(|(_, v)| *v)
}

fn build(args: &[String]) -> Result<(), String> {
    let (positional, flags) = parse(args, &["out", "strict"])?;
    let dir = PathBuf::from(positional.first().copied().unwrap_or("content"));
    let out = PathBuf::from(flag(&flags, "out").unwrap_or("public/api"));
    let started = Instant::now();
    let left = |errors: Vec<Diagnostic>| {
        let mut text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        text.push(format!(
            "{} error(s); {} was left as it was",
            errors.len(),
            out.display()
        ));
        text.join("\n")
    };
    let content = read_content(&dir).map_err(left)?;
    let findings = content.check();
    print_findings(&findings);
    if flag(&flags, "strict").is_some() && !findings.is_empty() {
        return Err(format!(
            "{} integrity warning(s) with --strict; {} was left as it was",
            findings.len(),
            out.display()
        ));
    }
    let files = content.build().map_err(left)?;
    let report = output::write_tree(&out, &files).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "built {} files into {} ({} written, {} unchanged; {} integrity warning(s)) in {:.2} s, peak memory {}",
        files.len(),
        out.display(),
        report.written,
        report.unchanged,
        findings.len(),
        started.elapsed().as_secs_f64(),
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

/// Reports what `news-builder check` finds in a content folder; fails with `--strict` when it
/// finds anything.
fn check(args: &[String]) -> Result<(), String> {
    let (positional, flags) = parse(args, &["strict"])?;
    let dir = PathBuf::from(positional.first().copied().unwrap_or("content"));
    let content = read_content(&dir).map_err(|errors| {
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("{}\n{} error(s)", text.join("\n"), errors.len())
    })?;
    let findings = content.check();
    print_findings(&findings);
    let summary = format!(
        "{} integrity warning(s) in {} articles of {}",
        findings.len(),
        content.articles.len(),
        dir.display()
    );
    if flag(&flags, "strict").is_some() && !findings.is_empty() {
        return Err(summary);
    }
    println!("{summary}");
    Ok(())
}

fn print_findings(findings: &[Diagnostic]) {
    for finding in findings {
        eprintln!("{finding}");
    }
}

/// Pre-renders the site built into DIST (default `dist`) in place.
#[cfg(feature = "ssr")]
fn prerender(args: &[String]) -> Result<(), String> {
    let (positional, flags) = parse(args, &["site-url"])?;
    let dist = PathBuf::from(positional.first().copied().unwrap_or("dist"));
    let started = Instant::now();
    let report = newsreader::prerender::prerender(&dist, flag(&flags, "site-url"))?;
    if let Some(why) = &report.skipped {
        println!("not pre-rendered: {why}");
    }
    for notice in &report.notices {
        println!("{notice}");
    }
    if report.sitemap_urls > 0 {
        println!("sitemap.xml lists {} URLs", report.sitemap_urls);
    }
    if report.feeds > 0 {
        println!("{} Atom feeds (atom.xml, feeds/)", report.feeds);
    }
    for failed in report.failed.iter().take(20) {
        eprintln!("left to the app: {failed}");
    }
    if report.failed.len() > 20 {
        eprintln!(
            "… and {} more routes left to the app",
            report.failed.len() - 20
        );
    }
    println!(
        "pre-rendered {} pages into {} ({} written, {} unchanged, {} removed) in {:.2} s, peak memory {}",
        report.written + report.unchanged,
        dist.display(),
        report.written,
        report.unchanged,
        report.removed,
        started.elapsed().as_secs_f64(),
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

fn synthesize(args: &[String]) -> Result<(), String> {
    let (_, flags) = parse(args, &["count", "out", "seed"])?;
    let number = |name: &str, default: u64| -> Result<u64, String> {
        flag(&flags, name).map_or(Ok(default), |v| {
            v.parse().map_err(|_| format!("--{name} must be a number"))
        })
    };
    let count = usize::try_from(number("count", 1000)?).map_err(|e| e.to_string())?;
    let seed = number("seed", 1)?;
    let out = PathBuf::from(flag(&flags, "out").unwrap_or("target/synth"));
    let articles = out.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| format!("{}: {e}", articles.display()))?;
    std::fs::write(out.join("site.toml"), synth::site_toml())
        .map_err(|e| format!("{}: {e}", out.display()))?;
    for n in 0..count {
        let (name, markdown) = synth::article(seed, n);
        std::fs::write(articles.join(&name), markdown).map_err(|e| format!("{name}: {e}"))?;
    }
    println!("wrote {count} synthetic articles into {}", out.display());
    Ok(())
}

fn search(args: &[String]) -> Result<(), String> {
    let (positional, flags) = parse(args, &["api"])?;
    let query = positional.first().ok_or_else(|| USAGE.to_owned())?;
    let api = PathBuf::from(flag(&flags, "api").unwrap_or("public/api"));
    let read = |path: &str| std::fs::read(api.join(path)).map_err(|e| format!("{path}: {e}"));
    let result = search_files::search_files(read, query, POSITIONS_BUDGET)?;
    for (path, bytes) in &result.files {
        println!("read {path} {bytes}");
    }
    println!(
        "{} result(s){}",
        result.found.len(),
        if result.all_verified {
            ""
        } else {
            ", some matched without positions"
        }
    );
    for found in result.found.iter().take(10) {
        println!("{} {}", found.id, found.title);
    }
    Ok(())
}

/// This process's peak resident memory, from Linux's /proc (`VmHWM`).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(format!("{} MB", kb / 1024))
}
