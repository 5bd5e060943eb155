//! Human-readable views of an article for the terminal.

use std::fmt::Write;

use parallax_core::{Article, ParagraphKind, PublishedDate};

/// "2025-09-04 (day, header)" or "unknown".
fn describe_date(date: &PublishedDate) -> String {
    let Some(value) = &date.date else {
        return "unknown".to_owned();
    };
    let spell = |v: serde_json::Result<serde_json::Value>| match v {
        Ok(serde_json::Value::String(s)) => s,
        _ => "?".to_owned(),
    };
    let precision = date
        .precision
        .map(|p| spell(serde_json::to_value(p)))
        .unwrap_or_else(|| "?".into());
    let provenance = date
        .provenance
        .map(|p| spell(serde_json::to_value(p)))
        .unwrap_or_else(|| "?".into());
    format!("{value} ({precision}, from {provenance})")
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_owned()
    } else {
        items.join("; ")
    }
}

fn flags(article: &Article) -> String {
    let names: Vec<String> = article
        .flags
        .iter()
        .filter_map(|f| {
            serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
        })
        .collect();
    list_or_none(&names)
}

fn outlet(article: &Article) -> String {
    match (&article.outlet.name, &article.outlet.domain) {
        (Some(name), Some(domain)) => format!("{name} ({domain})"),
        (Some(name), None) => name.clone(),
        (None, Some(domain)) => domain.clone(),
        (None, None) => "unknown".to_owned(),
    }
}

fn source(article: &Article) -> String {
    match &article.source_record {
        Some(record) => format!("{} ({record})", article.source_path),
        None => article.source_path.clone(),
    }
}

/// The full view: metadata, the body paragraph by paragraph, and what was removed.
pub fn render_article(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "══ {} ══", source(article));
    let _ = writeln!(out, "id:        {}", article.id);
    let _ = writeln!(
        out,
        "title:     {}",
        article.title.as_deref().unwrap_or("(none found)")
    );
    let _ = writeln!(out, "outlet:    {}", outlet(article));
    let _ = writeln!(out, "url:       {}", article.url.as_deref().unwrap_or("—"));
    let _ = writeln!(out, "authors:   {}", list_or_none(&article.authors));
    let _ = writeln!(out, "agencies:  {}", list_or_none(&article.agencies));
    let _ = writeln!(out, "published: {}", describe_date(&article.published));
    let _ = writeln!(
        out,
        "language:  {}",
        article.language.as_deref().unwrap_or("unknown")
    );
    let _ = writeln!(out, "flags:     {}", flags(article));
    for warning in &article.warnings {
        let _ = writeln!(out, "warning:   {warning}");
    }
    let _ = writeln!(out, "── body ({} paragraphs) ──", article.paragraphs.len());
    for paragraph in &article.paragraphs {
        let text = article.paragraph_text(paragraph);
        match paragraph.kind {
            ParagraphKind::Heading => {
                let _ = writeln!(out, "## {text}");
            }
            ParagraphKind::ListItem => {
                let _ = writeln!(out, "  • {text}");
            }
            ParagraphKind::Blockquote => {
                let _ = writeln!(out, "  > {text}");
            }
            ParagraphKind::Paragraph => {
                let _ = writeln!(out, "{text}");
            }
        }
        let _ = writeln!(out);
    }
    if !article.removed.is_empty() {
        let _ = writeln!(out, "── removed ({}) ──", article.removed.len());
        for removed in &article.removed {
            let mut text: String = removed.text.chars().take(100).collect();
            if removed.text.chars().count() > 100 {
                text.push('…');
            }
            let _ = writeln!(out, "[{}] {}", removed.reason, text.replace('\n', " ⏎ "));
        }
    }
    let _ = writeln!(out);
    out
}

/// A few lines per article: what a user checks first.
pub fn render_digest(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        article.id,
        article.title.as_deref().unwrap_or("(no title)")
    );
    let _ = writeln!(
        out,
        "    outlet {} · published {} · authors {} · agencies {}",
        outlet(article),
        describe_date(&article.published),
        list_or_none(&article.authors),
        list_or_none(&article.agencies)
    );
    let _ = writeln!(
        out,
        "    {} words in {} paragraphs · {} removed · flags {} · from {}",
        article.body.split_whitespace().count(),
        article.paragraphs.len(),
        article.removed.len(),
        flags(article),
        source(article)
    );
    out
}
