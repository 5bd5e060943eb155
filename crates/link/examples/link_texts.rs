//! Development tool: links scraped `.txt` files and prints what the link
//! stage makes of them — copy groups, stories, per story the entities that
//! several articles mention (and the keys merged into them), and inferred
//! publication dates — as JSON.
//!
//! Usage: `cargo run --release -p parallax-link --example link_texts -- FILE...`

use parallax_core::{Article, InputFormat, Origin, SourceDocument, SourceKind};
use parallax_link::LinkIndex;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: link_texts FILE...");
        std::process::exit(2);
    }
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|path| match std::fs::read(path) {
            Ok(bytes) => Some(article(path, &String::from_utf8_lossy(&bytes))),
            Err(err) => {
                eprintln!("{path}: {err}");
                None
            }
        })
        .collect();
    let mut index = LinkIndex::new();
    for a in &articles {
        if let Err(err) = index.add(a) {
            eprintln!("{err}");
        }
    }
    let linking = index.linking();
    let stories: Vec<serde_json::Value> = linking
        .stories
        .iter()
        .map(|story| {
            let members: Vec<&Article> =
                articles.iter().filter(|a| story.articles.contains(&a.id)).collect();
            let shared: Vec<serde_json::Value> = parallax_link::resolve_identities(&members)
                .into_iter()
                .filter(|e| {
                    let mut seen: Vec<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
                    seen.dedup();
                    seen.len() > 1
                })
                .map(|e| serde_json::json!({"key": e.key, "name": e.name, "keys": e.keys, "mentions": e.mentions.len()}))
                .collect();
            serde_json::json!({
                "story": story,
                "files": members.iter().map(|a| &a.source_path).collect::<Vec<_>>(),
                "shared_entities": shared,
                "inferred_dates": parallax_link::infer_dates(&members),
            })
        })
        .collect();
    let out = serde_json::json!({"copy_groups": linking.copy_groups, "stories": stories});
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}

fn article(path: &str, content: &str) -> Article {
    let doc = SourceDocument {
        origin: Origin {
            path: path.to_owned(),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: content.to_owned(),
        hints: Default::default(),
        warnings: Vec::new(),
    };
    let mut article = parallax_extract::extract(&doc);
    parallax_analyze::annotate(&mut article);
    article
}
