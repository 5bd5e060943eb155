//! A readable markdown rendering of a story report (`parallax story ID
//! --markdown`): briefing, timeline, statements with every outlet's
//! wording, events, figures, conflicts, coverage matrix, spellings and
//! wording differences, actors. It shows only what the report holds.

use std::fmt::Write;

use crate::labels::event_summary;
use crate::report::{Cell, StoryReport, TimelineEntry};

/// The report as markdown. Articles are referred to by their position
/// (`[1]`, `[2]`, …) in the article list printed first.
pub fn render_markdown(report: &StoryReport) -> String {
    let mut out = String::new();
    let number = |id: &str| {
        report
            .articles
            .iter()
            .position(|a| a.id == id)
            .map_or_else(|| format!("[{id}]"), |i| format!("[{}]", i + 1))
    };
    let cite = |ids: &[String]| ids.iter().map(|id| number(id)).collect::<Vec<_>>().join("");
    let _ = writeln!(out, "# Story {}\n", report.id);
    let _ = writeln!(out, "Similarity: {}\n\n## Articles\n", report.similarity_mode);
    for (i, a) in report.articles.iter().enumerate() {
        let title = a.title.as_deref().map(|t| format!("{t} — ")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}. {title}{} ({}) `{}`",
            i + 1,
            a.label,
            match (a.published.as_deref(), a.published_inferred) {
                (Some(date), Some(confidence)) =>
                    format!("{date}, inferred from the story, confidence {confidence:.2}"),
                (Some(date), None) => date.to_owned(),
                (None, _) => "date unknown".to_owned(),
            },
            a.id
        );
    }
    let _ = writeln!(out, "\n## Briefing\n");
    for s in &report.briefing {
        let _ = writeln!(out, "- {} {}", s.text, cite(&s.sources));
    }
    render_timeline(report, &mut out, &cite);
    let _ = writeln!(out, "\n## Statements\n");
    for s in &report.statements {
        let speaker = s.speaker.as_ref().map_or("Unattributed", |x| x.name.as_str());
        let date = s.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        let _ = writeln!(out, "- `{}` **{speaker}**{date} {}", s.id, cite(&s.sources));
        for q in &s.quotes {
            let _ = writeln!(out, "  - {} “{}”", number(&q.article), q.text);
        }
    }
    let _ = writeln!(out, "\n## Events\n");
    for e in &report.events {
        let date = e.date.as_deref().unwrap_or("undated");
        let _ = writeln!(
            out,
            "- `{}` {} (CAMEO {}, {}, {date}) {}",
            e.id,
            event_summary(e),
            e.cameo,
            e.plover,
            cite(&e.sources)
        );
    }
    let _ = writeln!(out, "\n## Figures\n");
    for f in &report.figures {
        let _ = writeln!(
            out,
            "- `{}` {} — {:?} {}",
            f.id,
            f.counts,
            f.agreement,
            cite(&f.sources)
        );
        for m in &f.mentions {
            let _ = writeln!(out, "  - {} {} = {}", number(&m.article), m.text, m.value);
        }
    }
    let _ = writeln!(out, "\n## Conflicts\n");
    for c in &report.conflicts {
        let sides: Vec<String> = c
            .evidence
            .iter()
            .map(|e| format!("{} “{}”", number(&e.article), e.text))
            .collect();
        let _ = writeln!(
            out,
            "- {:?}: {}\n  - {}",
            c.kind,
            c.description,
            sides.join("\n  - ")
        );
    }
    render_coverage(report, &mut out, &number);
    let _ = writeln!(out, "\n## Actors\n");
    for a in report.actors.iter().filter(|a| a.sources.len() > 1) {
        let roles = if a.roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.roles.join("; "))
        };
        let _ = writeln!(out, "- {} `{}`{roles} {}", a.name, a.key, cite(&a.sources));
    }
    out
}

fn render_timeline(report: &StoryReport, out: &mut String, cite: &dyn Fn(&[String]) -> String) {
    let _ = writeln!(out, "\n## Timeline\n");
    for t in &report.timeline {
        let _ = writeln!(
            out,
            "- **{}** {} {} `{}`",
            entry_date(t),
            t.summary,
            cite(&t.sources),
            facts(t)
        );
    }
    if !report.undated.is_empty() {
        let _ = writeln!(
            out,
            "\nUndated (their articles state no date and none could be inferred):\n"
        );
        for u in &report.undated {
            let _ = writeln!(
                out,
                "- *{}* (before {}) {} {} `{}`",
                u.when,
                cite(std::slice::from_ref(&u.relative_to)),
                u.summary,
                cite(&u.sources),
                u.facts.join(" ")
            );
        }
    }
    if !report.background.is_empty() {
        let _ = writeln!(out, "\nBackground (long before the story):\n");
        for t in &report.background {
            let _ = writeln!(out, "- {} {} {}", entry_date(t), t.summary, cite(&t.sources));
        }
    }
}

/// "2025-09-03", "2025-09-01 – 2025-09-07", with what the date rests on.
fn entry_date(t: &TimelineEntry) -> String {
    let mut date = match &t.end {
        Some(end) if end != &t.date => format!("{} – {end}", t.date),
        _ => t.date.clone(),
    };
    if t.date_from_publication {
        date.push_str(" (publication date)");
    }
    if let Some(confidence) = t.date_inferred {
        date.push_str(&format!(" (inferred, {confidence:.2})"));
    }
    date
}

fn facts(t: &TimelineEntry) -> String {
    if t.facts.is_empty() {
        "-".to_owned()
    } else {
        t.facts.join(" ")
    }
}

fn render_coverage(report: &StoryReport, out: &mut String, number: &dyn Fn(&str) -> String) {
    let _ = writeln!(out, "\n## Coverage\n");
    let header: Vec<String> = report.articles.iter().map(|a| number(&a.id)).collect();
    let _ = writeln!(out, "| fact | {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(header.len()));
    for row in &report.coverage.rows {
        let cells: Vec<&str> = report
            .articles
            .iter()
            .map(|a| match row.cells.get(&a.id) {
                Some(Cell::Reported) => "✓",
                Some(Cell::Conflicting) => "≠",
                _ => "·",
            })
            .collect();
        let label = row.label.replace('|', "/");
        let _ = writeln!(out, "| `{}` {} | {} |", row.fact, label, cells.join(" | "));
    }
    let _ = writeln!(out, "\n### Spellings\n");
    for v in &report.coverage.spellings {
        let forms: Vec<String> = v
            .spellings
            .iter()
            .map(|s| format!("{} {}", number(&s.article), s.forms.join(", ")))
            .collect();
        let _ = writeln!(out, "- {}: {}", v.name, forms.join("; "));
    }
    let _ = writeln!(out, "\n### Wording\n");
    for w in &report.coverage.wording {
        let with: Vec<String> = w.with_modifier.iter().map(|e| number(&e.article)).collect();
        let without: Vec<String> = w.without_modifier.iter().map(|e| number(&e.article)).collect();
        let _ = writeln!(
            out,
            "- “{} {}” in {}; “{}” alone in {}",
            w.modifier,
            w.term,
            with.join(""),
            w.term,
            without.join("")
        );
    }
}
