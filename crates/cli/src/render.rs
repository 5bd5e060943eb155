//! Human-readable views of an article for the terminal.

use std::fmt::Write;

use parallax_core::{Article, Event, EventActor, Modality, ParagraphKind, PublishedDate};

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
    render_analysis(article, &mut out);
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

/// Text of a span of the body, or "" when out of range.
fn span_text(article: &Article, span: parallax_core::Span) -> &str {
    span.slice(&article.body).unwrap_or("")
}

/// Shortens `text` to `max` characters with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    let mut clipped: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        clipped.push('…');
    }
    clipped.replace('\n', " ")
}

/// The analysis: quotes with speakers, entities by identity, figures, times, events.
fn render_analysis(article: &Article, out: &mut String) {
    let analysis = &article.analysis;
    if !analysis.quotes.is_empty() {
        let _ = writeln!(out, "── quotes ({}) ──", analysis.quotes.len());
        for quote in &analysis.quotes {
            let who = match (&quote.speaker, &quote.source) {
                (Some(speaker), _) => {
                    let said = span_text(article, speaker.span);
                    if said == speaker.name {
                        speaker.name.clone()
                    } else {
                        format!("{} (\"{said}\")", speaker.name)
                    }
                }
                (None, Some(source)) => format!("[source] {source}"),
                (None, None) => "[unattributed]".to_owned(),
            };
            let kind = serde_json::to_value(quote.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned));
            let cue = quote
                .cue
                .as_ref()
                .map(|c| format!(", {}", c.text))
                .unwrap_or_default();
            let relay = quote
                .reporter
                .as_ref()
                .map(|r| format!(", via {r}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{who} [{}{cue}{relay}]: “{}”",
                kind.unwrap_or_default(),
                clip(&quote.text, 160)
            );
        }
        let _ = writeln!(out);
    }
    if !analysis.entities.is_empty() {
        // One line per identity: canonical name, type, key, and how it was written.
        let mut identities: Vec<(String, String, Vec<String>)> = Vec::new();
        for mention in &analysis.entities {
            let written = span_text(article, mention.span).to_owned();
            match identities.iter_mut().find(|(key, _, _)| *key == mention.key) {
                Some((_, _, forms)) => {
                    if !forms.contains(&written) {
                        forms.push(written);
                    }
                }
                None => identities.push((mention.key.clone(), mention.canonical.clone(), vec![written])),
            }
        }
        let _ = writeln!(
            out,
            "── entities ({} mentions, {} identities) ──",
            analysis.entities.len(),
            identities.len()
        );
        for (key, canonical, forms) in &identities {
            let _ = writeln!(out, "{canonical} <{key}>: {}", clip(&forms.join(" · "), 140));
        }
        let _ = writeln!(out);
    }
    if !analysis.figures.is_empty() {
        let figures: Vec<String> = analysis
            .figures
            .iter()
            .map(|f| format!("“{}”", span_text(article, f.span)))
            .collect();
        let _ = writeln!(out, "── figures ──\n{}\n", figures.join(" · "));
    }
    if !analysis.times.is_empty() {
        let times: Vec<String> = analysis
            .times
            .iter()
            .map(|t| format!("“{}” → {}", t.text, t.date.as_deref().unwrap_or("unresolved")))
            .collect();
        let _ = writeln!(out, "── times ──\n{}\n", times.join(" · "));
    }
    if !analysis.events.is_empty() {
        let _ = writeln!(out, "── events ──");
        for event in &analysis.events {
            out.push_str(&render_event(event));
        }
        out.push('\n');
    }
}

/// One coded event on two lines: date, codes, modality, actors, place,
/// confidence; then its evidence sentence.
pub fn render_event_with_evidence(article: &Article, event: &Event) -> String {
    format!(
        "{}    “{}”\n",
        render_event(event),
        span_text(article, event.span).trim()
    )
}

fn render_event(event: &Event) -> String {
    let date = event.date.as_ref().and_then(|d| d.date.as_deref()).unwrap_or("—");
    let guessed = if event.date.as_ref().is_some_and(|d| d.from_publication) {
        "~"
    } else {
        ""
    };
    let modality = match event.modality {
        Modality::Asserted => "",
        Modality::Negated => " [negated]",
        Modality::Future => " [future]",
        Modality::Conditional => " [conditional]",
        Modality::Possible => " [possible]",
    };
    let reported = if event.reported { " (reported)" } else { "" };
    let place = event
        .place
        .as_ref()
        .map(|p| format!(" @ {}", p.name))
        .unwrap_or_default();
    let actor = |actor: Option<&EventActor>| match actor {
        Some(actor) => format!(
            "{} ({})",
            actor.name.as_deref().unwrap_or(&actor.text),
            actor.code
        ),
        None => "—".to_owned(),
    };
    format!(
        "{guessed}{date}  {} {}{modality}{reported}  {} → {}{place}  ({:.2})\n",
        event.cameo.code,
        event.plover.event_type,
        actor(event.source.as_ref()),
        actor(event.target.as_ref()),
        event.confidence
    )
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
    let analysis = &article.analysis;
    let identities: std::collections::BTreeSet<&str> =
        analysis.entities.iter().map(|m| m.key.as_str()).collect();
    let attributed = analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some() || q.source.is_some())
        .count();
    let _ = writeln!(
        out,
        "    {} sentences · {} entity mentions of {} identities · {} quotes ({} attributed) · {} figures · {} times · {} events",
        analysis.sentences.len(),
        analysis.entities.len(),
        identities.len(),
        analysis.quotes.len(),
        attributed,
        analysis.figures.len(),
        analysis.times.len(),
        analysis.events.len()
    );
    out
}
