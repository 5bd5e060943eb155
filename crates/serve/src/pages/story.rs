//! `/stories/{id}`: one story's report — briefing, a dated visual timeline,
//! statements with every outlet's wording side by side, actors and who did
//! what to whom, the coverage matrix, figures and conflicts. Every line
//! links the article spans it rests on.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use parallax_store::StoryRecord;
use parallax_story::{
    Agreement, ArticleRef, Cell, Conflict, ConflictKind, Coverage, Evidence, FigureGroup, Statement,
    StoryEvent, StoryReport, TimelineEntry,
};

use super::layout::{self, Section};
use super::{links, PageError};
use crate::error::ApiError;
use crate::state::AppState;
use crate::views::stories::{moved_after, stored_story, StoredStory, StoryView};

/// Items of a long list shown before the rest is folded into a `<details>`
/// (a 200-article story must not produce a page nobody can scroll).
const SHOWN: usize = 12;
/// Wordings of one statement shown side by side before the rest is folded.
const WORDINGS_SHOWN: usize = 6;
/// Timeline entries shown before the rest is folded.
const TIMELINE_SHOWN: usize = 60;
/// Coverage rows shown in the first table before the rest is folded.
const COVERAGE_SHOWN: usize = 40;
/// Coverage rows drawn at all (the rest are in the story's JSON): rows come
/// facts-reported-by-several-articles first, and a matrix of thousands of
/// rows × hundreds of outlets would make a page of many megabytes.
const COVERAGE_MAX_ROWS: usize = 150;
/// Characters of a headline naming a source whose outlet is unknown.
const SOURCE_TITLE_CHARS: usize = 32;
/// Vertical space per day between two timeline dates, in `rem`.
const REM_PER_DAY: f64 = 0.25;
/// Gaps longer than this many days are drawn at this length and labelled
/// as a break, so one long pause does not push the rest off screen.
const GAP_CAP_DAYS: i64 = 30;

/// The story page: from the page cache when the stored story is the one it
/// was rendered from, else parsed and rendered on the blocking pool (a big
/// report takes milliseconds) and kept. A story id that vanished because
/// its story gained or lost articles redirects (308) to the story holding
/// most of them now.
pub async fn story_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let StoredStory { record, fingerprint } = match stored_story(&state, &id).await {
        Ok(found) => found,
        Err(error) => {
            return match moved_after(&state, &id, &error).await {
                Some(moved) => Ok(Redirect::permanent(&links::story(&moved)).into_response()),
                None => Err(error.into()),
            }
        }
    };
    let key = record.id.clone();
    let body = match state.story_pages().get(&key, &fingerprint) {
        Some(body) => body,
        None => {
            let body = tokio::task::spawn_blocking(move || render_page(record))
                .await
                .map_err(ApiError::from_join)??;
            state.story_pages().insert(&key, fingerprint, body.clone());
            body
        }
    };
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response())
}

fn render_page(record: StoryRecord) -> Result<Bytes, ApiError> {
    let view = StoryView::from_record(record)?;
    let title = view.title.clone().unwrap_or_else(|| format!("Story {}", view.id));
    let page = layout::page(&title, Section::Other, render_story(&view, &title));
    Ok(Bytes::from(page.into_string()))
}

/// Who published each article of the story, for naming sources.
struct Articles<'a> {
    by_id: HashMap<&'a str, &'a ArticleRef>,
}

impl<'a> Articles<'a> {
    fn new(report: &'a StoryReport) -> Self {
        Articles {
            by_id: report.articles.iter().map(|a| (a.id.as_str(), a)).collect(),
        }
    }

    /// How a source is named in links: its outlet, else the start of its
    /// headline, else the report's label for it (an agency credit or its
    /// first words), else its id.
    fn outlet(&self, id: &'a str) -> Cow<'a, str> {
        let Some(article) = self.by_id.get(id) else {
            return Cow::Borrowed(id);
        };
        match (&article.outlet, &article.title) {
            (Some(outlet), _) => Cow::Borrowed(outlet),
            (None, Some(title)) if title.chars().count() > SOURCE_TITLE_CHARS => {
                let cut: String = title.chars().take(SOURCE_TITLE_CHARS).collect();
                Cow::Owned(format!("{}…", cut.trim_end()))
            }
            (None, Some(title)) => Cow::Borrowed(title),
            (None, None) if !article.label.is_empty() => Cow::Borrowed(&article.label),
            (None, None) => Cow::Borrowed(id),
        }
    }
}

fn render_story(view: &StoryView, title: &str) -> Markup {
    let report = &view.report;
    let articles = Articles::new(report);
    html! {
        header.story-header {
            h1 { (title) }
            p.story-summary {
                (layout::count(report.articles.len() as u64, "article", "articles")) " · "
                (layout::date_range(view.first_published.as_deref(), view.last_published.as_deref()))
                " · " (layout::count(view.outlets.len() as u64, "outlet", "outlets")) " · "
                a href=(format!("/api/stories/{}", links::segment(&report.id))) { "JSON" }
            }
        }
        nav.toc aria-label="Sections of the story" {
            ul {
                li { a href="#briefing" { "Briefing" } }
                li { a href="#timeline" { "Timeline (" (report.timeline.len()) ")" } }
                li { a href="#statements" { "Statements (" (report.statements.len()) ")" } }
                li { a href="#actors" { "Actors (" (report.actors.len()) ")" } }
                li { a href="#coverage" { "Coverage" } }
                li { a href="#figures" { "Figures (" (report.figures.len()) ")" } }
                li { a href="#conflicts" { "Conflicts (" (report.conflicts.len()) ")" } }
                li { a href="#articles" { "Articles" } }
            }
        }
        (briefing(report, &articles))
        (timeline(&report.timeline, &articles))
        (statements(&report.statements, &articles))
        (actors(report, &articles))
        (coverage(&report.coverage, report, &articles))
        (figures(&report.figures, &articles))
        (conflicts(&report.conflicts, &articles))
        (article_list(report))
    }
}

/// A list whose first `shown` items are visible and the rest folded into
/// a `<details>` saying how many there are.
fn folded<T>(items: &[T], shown: usize, class: &str, item: impl Fn(&T) -> Markup) -> Markup {
    let (visible, rest) = items.split_at(items.len().min(shown));
    html! {
        ul class=(class) { @for x in visible { (item(x)) } }
        @if !rest.is_empty() {
            details.more {
                summary { "Show " (rest.len()) " more" }
                ul class=(class) { @for x in rest { (item(x)) } }
            }
        }
    }
}

/// One piece of evidence: the words, and a link to them in their article.
fn evidence(item: &Evidence, articles: &Articles) -> Markup {
    html! {
        li.evidence {
            q.evidence-text { (item.text) }
            " — "
            a.source-link href=(links::article_at(&item.article, item.span.start)) { (articles.outlet(&item.article)) }
        }
    }
}

fn briefing(report: &StoryReport, articles: &Articles) -> Markup {
    html! {
        section #briefing aria-labelledby="briefing-heading" {
            h2 #briefing-heading { "Briefing" }
            @if report.briefing.is_empty() {
                p.empty { "No sentence is reported widely enough for a briefing." }
            } @else {
                ol.briefing {
                    @for sentence in &report.briefing {
                        li.briefing-sentence {
                            span.briefing-text { (sentence.text) }
                            " "
                            span.citations {
                                "["
                                @for (i, item) in sentence.evidence.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    a.source-link href=(links::article_at(&item.article, item.span.start)) title=(item.text) {
                                        (articles.outlet(&item.article))
                                    }
                                }
                                "]"
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date (a
/// coarse date counts from its first day); `None` when unparsable.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: i64 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The timeline's dates with their entries, and the gap in days before
/// each date (0 for the first, or when a date cannot be read).
fn timeline_days(entries: &[TimelineEntry]) -> Vec<(&str, i64, Vec<&TimelineEntry>)> {
    let mut days: Vec<(&str, i64, Vec<&TimelineEntry>)> = Vec::new();
    let mut previous: Option<i64> = None;
    for entry in entries {
        match days.last_mut() {
            Some((date, _, group)) if *date == entry.date => group.push(entry),
            _ => {
                let day = day_number(&entry.date);
                let gap = match (previous, day) {
                    (Some(a), Some(b)) => (b - a).max(0),
                    _ => 0,
                };
                previous = day.or(previous);
                days.push((&entry.date, gap, vec![entry]));
            }
        }
    }
    days
}

fn timeline(entries: &[TimelineEntry], articles: &Articles) -> Markup {
    let days = timeline_days(entries);
    let mut shown = 0;
    let (mut visible, mut rest) = (Vec::new(), Vec::new());
    for day in days {
        if shown < TIMELINE_SHOWN {
            shown += day.2.len();
            visible.push(day);
        } else {
            rest.push(day);
        }
    }
    let hidden: usize = rest.iter().map(|day| day.2.len()).sum();
    html! {
        section #timeline aria-labelledby="timeline-heading" {
            h2 #timeline-heading { "Timeline" }
            @if entries.is_empty() {
                p.empty { "No fact of this story is dated." }
            } @else {
                p.hint { "Spacing is proportional to the time between dates (breaks over " (GAP_CAP_DAYS) " days are shortened and labelled). Open an entry for its sources." }
                ol.timeline { @for day in &visible { (timeline_day(day, articles)) } }
                @if !rest.is_empty() {
                    details.more {
                        summary { "Show " (hidden) " later entries" }
                        ol.timeline { @for day in &rest { (timeline_day(day, articles)) } }
                    }
                }
            }
        }
    }
}

fn timeline_day((date, gap, entries): &(&str, i64, Vec<&TimelineEntry>), articles: &Articles) -> Markup {
    let space = (*gap).min(GAP_CAP_DAYS) as f64 * REM_PER_DAY;
    html! {
        li.timeline-day style=(format!("margin-top: {space:.2}rem")) {
            @if *gap > GAP_CAP_DAYS {
                p.timeline-break { (gap) " days later" }
            }
            h3.timeline-date {
                (layout::date(Some(date), Some(entries[0].precision), false))
                @if *gap > 0 && *gap <= GAP_CAP_DAYS {
                    " " span.gap-days { "+" (layout::count(*gap as u64, "day", "days")) }
                }
            }
            @for entry in entries { (timeline_entry(entry, articles)) }
        }
    }
}

fn timeline_entry(entry: &TimelineEntry, articles: &Articles) -> Markup {
    let kind = if entry.fact.starts_with('s') {
        "statement"
    } else {
        "event"
    };
    html! {
        details class=(format!("timeline-entry kind-{kind}")) data-fact=(entry.fact) {
            summary {
                span.entry-date { (layout::date(Some(&entry.date), Some(entry.precision), entry.date_from_publication)) }
                " "
                span.entry-summary { (entry.summary) }
                " "
                span.entry-count { "(" (layout::count(entry.sources.len() as u64, "source", "sources")) ")" }
            }
            (folded(&entry.evidence, SHOWN, "evidence-list", |item| evidence(item, articles)))
        }
    }
}

fn statements(statements: &[Statement], articles: &Articles) -> Markup {
    html! {
        section #statements aria-labelledby="statements-heading" {
            h2 #statements-heading { "Statements" }
            @if statements.is_empty() {
                p.empty { "No quotes in this story." }
            } @else {
                p.hint { "Each statement with every outlet's wording side by side; the similarity is to the first wording." }
                (folded(statements, SHOWN, "statement-list", |statement| statement_item(statement, articles)))
            }
        }
    }
}

/// A link to the entity page of a key, or just the name for a non-person
/// source (`source:…` keys have no page).
fn entity_name(key: Option<&str>, name: &str) -> Markup {
    html! {
        @match key.filter(|key| !key.starts_with("source:")) {
            Some(key) => a.entity-link href=(links::entity(key)) { (name) },
            None => span.entity-name { (name) },
        }
    }
}

fn statement_item(statement: &Statement, articles: &Articles) -> Markup {
    html! {
        li.statement id=(format!("statement-{}", statement.id)) {
            h3.statement-speaker {
                @match &statement.speaker {
                    Some(speaker) => (entity_name(Some(&speaker.key), &speaker.name)),
                    None => span.unknown { "Unattributed" },
                }
                @if let Some(date) = &statement.date {
                    " · " (layout::date(Some(date), statement.precision, false))
                    @if statement.date_from_context { " " span.guess { "(date from context)" } }
                }
                @if !statement.acts.is_empty() {
                    " · " span.acts { (statement.acts.iter().map(|act| speech_act(*act)).collect::<Vec<_>>().join(", ")) }
                }
            }
            @let (shown, rest) = statement.quotes.split_at(statement.quotes.len().min(WORDINGS_SHOWN));
            div.wordings { @for quote in shown { (wording(quote, articles)) } }
            @if !rest.is_empty() {
                details.more {
                    summary { "Show " (rest.len()) " more wordings" }
                    div.wordings { @for quote in rest { (wording(quote, articles)) } }
                }
            }
        }
    }
}

/// One outlet's wording of a statement, with its source.
fn wording(quote: &parallax_story::StatementQuote, articles: &Articles) -> Markup {
    html! {
        figure.wording {
            blockquote { (quote.text) }
            figcaption {
                a.source-link href=(links::article_at(&quote.article, quote.span.start)) { (articles.outlet(&quote.article)) }
                " · " (format!("{:?}", quote.kind).to_lowercase())
                @if let Some(written) = &quote.speaker_as_written { " · as " (written) }
                " · similarity " (format!("{:.2}", quote.similarity))
            }
        }
    }
}

fn speech_act(act: parallax_core::SpeechAct) -> String {
    serde_json::to_value(act)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Who did what to whom: the merged events with both a source and a
/// target, grouped by (source, action, target).
fn relations(events: &[StoryEvent]) -> Vec<(&StoryEvent, Vec<&StoryEvent>)> {
    let mut groups: BTreeMap<(String, String, String), Vec<&StoryEvent>> = BTreeMap::new();
    for event in events {
        if let (Some(source), Some(target)) = (&event.source, &event.target) {
            groups
                .entry((source.name.clone(), event.plover.clone(), target.name.clone()))
                .or_default()
                .push(event);
        }
    }
    let mut relations: Vec<(&StoryEvent, Vec<&StoryEvent>)> =
        groups.into_values().map(|group| (group[0], group)).collect();
    relations
        .sort_by_key(|(_, group)| std::cmp::Reverse(group.iter().map(|e| e.sources.len()).sum::<usize>()));
    relations
}

fn actors(report: &StoryReport, articles: &Articles) -> Markup {
    let relations = relations(&report.events);
    html! {
        section #actors aria-labelledby="actors-heading" {
            h2 #actors-heading { "Actors" }
            @if report.actors.is_empty() {
                p.empty { "No people, organisations or places recognised." }
            } @else {
                (folded(&report.actors, SHOWN, "actor-list", |actor| html! {
                    li.actor data-key=(actor.key) {
                        h3.actor-name { (entity_name(Some(&actor.key), &actor.name)) " " span.entity-type { (format!("{:?}", actor.entity_type).to_lowercase()) } }
                        p.actor-stats { (layout::count(actor.mentions as u64, "mention", "mentions")) " in " (layout::count(actor.sources.len() as u64, "article", "articles")) }
                        @if !actor.roles.is_empty() {
                            p.actor-roles { "Roles: " (actor.roles.join("; ")) }
                        }
                    }
                }))
            }
            h3 #actor-relations-heading { "Who did what to whom" }
            @if relations.is_empty() {
                p.empty { "No event names both who acts and who is acted upon." }
            } @else {
                (folded(&relations, SHOWN, "relation-list", |(event, group)| html! {
                    li.relation {
                        span.relation-source { (entity_name(event.source.as_ref().and_then(|a| a.key.as_deref()), event.source.as_ref().map_or("", |a| a.name.as_str()))) }
                        " → " span.relation-action title=(format!("CAMEO {}", event.cameo)) { (event.plover.to_lowercase()) } " → "
                        span.relation-target { (entity_name(event.target.as_ref().and_then(|a| a.key.as_deref()), event.target.as_ref().map_or("", |a| a.name.as_str()))) }
                        " "
                        details.relation-evidence {
                            summary { (layout::count(group.len() as u64, "event", "events")) }
                            (folded(&group.iter().flat_map(|e| e.mentions.iter().map(|m| Evidence { article: m.article.clone(), span: m.span, text: m.text.clone() })).collect::<Vec<_>>(), SHOWN, "evidence-list", |item| evidence(item, articles)))
                        }
                    }
                }))
            }
        }
    }
}

/// The class and symbol of a matrix cell. Cells carry nothing else: a
/// 200-article story has tens of thousands of them, and the column and row
/// headers already say which outlet and which fact a cell is about.
fn cell_mark(cell: Cell) -> (&'static str, &'static str) {
    match cell {
        Cell::Reported => ("cell reported", "✓"),
        Cell::Omitted => ("cell omitted", "—"),
        Cell::Conflicting => ("cell conflicting", "≠"),
    }
}

fn coverage(coverage: &Coverage, report: &StoryReport, articles: &Articles) -> Markup {
    let rendered = &coverage.rows[..coverage.rows.len().min(COVERAGE_MAX_ROWS)];
    let left_out = coverage.rows.len() - rendered.len();
    let (visible, rest) = rendered.split_at(rendered.len().min(COVERAGE_SHOWN));
    let matrix = |rows: &[parallax_story::CoverageRow], totals: bool| {
        html! {
            div.matrix-scroll tabindex="0" role="region" aria-label="Coverage matrix, scrolls sideways" {
                table.coverage-matrix {
                    thead {
                        tr {
                            th scope="col" { "Fact" }
                            @for article in &report.articles {
                                th scope="col" title=(article.title.as_deref().unwrap_or(&article.id)) {
                                    a href=(links::article(&article.id)) { (articles.outlet(&article.id)) }
                                }
                            }
                        }
                    }
                    tbody {
                        @for row in rows {
                            tr data-fact=(row.fact) {
                                th scope="row" { span.fact-kind { (row.kind) } " " (row.label) }
                                @for article in &report.articles {
                                    @let cell = row.cells.get(&article.id).copied().unwrap_or(Cell::Omitted);
                                    @let (class, symbol) = cell_mark(cell);
                                    td class=(class) { (symbol) }
                                }
                            }
                        }
                    }
                    @if totals {
                        tfoot {
                            tr {
                                th scope="row" { "Reported / omitted / conflicting" }
                                @for article in &report.articles {
                                    @let t = coverage.totals.get(&article.id).copied().unwrap_or_default();
                                    td.totals { (t.reported) " / " (t.omitted) " / " (t.conflicting) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        section #coverage aria-labelledby="coverage-heading" {
            h2 #coverage-heading { "Coverage" }
            @if coverage.rows.is_empty() {
                p.empty { "No facts to compare." }
            } @else {
                p.hint.legend {
                    span.cell.reported { "✓" } " reported · "
                    span.cell.omitted { "—" } " omitted · "
                    span.cell.conflicting { "≠" } " in conflict"
                }
                (matrix(visible, true))
                @if !rest.is_empty() {
                    details.more {
                        summary { "Show " (rest.len()) " more facts" }
                        (matrix(rest, false))
                    }
                }
                @if left_out > 0 {
                    p.more-note {
                        (layout::count(left_out as u64, "more fact is", "more facts are")) " not drawn here; "
                        a href=(format!("/api/stories/{}", links::segment(&report.id))) { "the story's JSON" }
                        " has every row (" code { "coverage.rows" } ")."
                    }
                }
            }
            h3 { "Spelling differences" }
            @if coverage.spellings.is_empty() {
                p.empty { "Every outlet spells every name the same way." }
            } @else {
                ul #spelling-differences {
                    @for variant in &coverage.spellings {
                        li.spelling-variant {
                            (entity_name(Some(&variant.key), &variant.name)) ": "
                            @for (i, spelling) in variant.spellings.iter().enumerate() {
                                @if i > 0 { "; " }
                                span.spelling { (spelling.forms.join(", ")) } " ("
                                a.source-link href=(links::article(&spelling.article)) { (articles.outlet(&spelling.article)) } ")"
                            }
                        }
                    }
                }
            }
            h3 { "Wording differences" }
            @if coverage.wording.is_empty() {
                p.empty { "No evaluative modifier used by some outlets and not others." }
            } @else {
                ul #wording-differences {
                    @for difference in &coverage.wording {
                        li.wording-difference {
                            p { "“" strong { (difference.modifier) " " (difference.term) "”" } " in "
                                (difference.with_modifier.len()) ", plain “" (difference.term) "” in " (difference.without_modifier.len()) }
                            (folded(&difference.with_modifier, SHOWN, "evidence-list with-modifier", |item| evidence(item, articles)))
                            (folded(&difference.without_modifier, SHOWN, "evidence-list without-modifier", |item| evidence(item, articles)))
                        }
                    }
                }
            }
        }
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

fn figures(groups: &[FigureGroup], articles: &Articles) -> Markup {
    html! {
        section #figures aria-labelledby="figures-heading" {
            h2 #figures-heading { "Figures" }
            @if groups.is_empty() {
                p.empty { "No figure is given by more than one article." }
            } @else {
                (folded(groups, SHOWN, "figure-list", |group| {
                    let agreement = match group.agreement { Agreement::Consistent => "consistent", Agreement::Conflict => "conflict" };
                    html! {
                        li class=(format!("figure-group agreement-{agreement}")) data-fact=(group.id) {
                            h3 {
                                (group.counts) @if let Some(unit) = &group.unit { " (" (unit) ")" }
                                " " span class=(format!("badge {agreement}")) { (agreement) }
                            }
                            p.figure-range {
                                @match (group.low, group.high) {
                                    (Some(low), Some(high)) if low == high => { "All statements allow " (number(low)) "." }
                                    (Some(low), Some(high)) => { "All statements allow " (number(low)) "–" (number(high)) "." }
                                    (Some(low), None) => { "All statements allow " (number(low)) " or more." }
                                    _ => { "No single value satisfies every statement." }
                                }
                            }
                            ul.figure-mentions {
                                @for mention in &group.mentions {
                                    li.evidence {
                                        q.evidence-text { (mention.text) } " = " (number(mention.value))
                                        " (" (format!("{:?}", mention.qualifier).to_lowercase()) @if mention.summed { ", summed" } ") — "
                                        a.source-link href=(links::article_at(&mention.article, mention.span.start)) { (articles.outlet(&mention.article)) }
                                    }
                                }
                            }
                        }
                    }
                }))
            }
        }
    }
}

fn conflict_kind(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Figure => "figure",
        ConflictKind::Date => "date",
        ConflictKind::Speaker => "speaker",
    }
}

fn conflicts(conflicts: &[Conflict], articles: &Articles) -> Markup {
    html! {
        section #conflicts aria-labelledby="conflicts-heading" {
            h2 #conflicts-heading { "Conflicts" }
            @if conflicts.is_empty() {
                p.empty { "The articles do not contradict each other on figures, dates or speakers." }
            } @else {
                (folded(conflicts, SHOWN, "conflict-list", |conflict| html! {
                    li class=(format!("conflict conflict-{}", conflict_kind(conflict.kind))) {
                        p { span.badge.conflict { (conflict_kind(conflict.kind)) } " " (conflict.description) }
                        (folded(&conflict.evidence, SHOWN, "evidence-list", |item| evidence(item, articles)))
                    }
                }))
            }
        }
    }
}

fn article_list(report: &StoryReport) -> Markup {
    html! {
        section #articles aria-labelledby="articles-heading" {
            h2 #articles-heading { "Articles (" (report.articles.len()) ")" }
            (folded(&report.articles, SHOWN * 2, "article-list", |article| html! {
                li.article-ref {
                    a.article-link href=(links::article(&article.id)) { (article.title.as_deref().unwrap_or(&article.id)) }
                    " — " (article.outlet.as_deref().unwrap_or("unknown outlet")) ", "
                    @match &article.published {
                        Some(date) => {
                            time datetime=(date) { (date) }
                            @if let Some(confidence) = article.published_inferred {
                                " " span.guess { "(inferred from the story, confidence " (format!("{confidence:.2}")) ")" }
                            }
                        }
                        None => span.unknown { "undated" },
                    }
                }
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DatePrecision;

    fn entry(date: &str, fact: &str) -> TimelineEntry {
        TimelineEntry {
            date: date.to_owned(),
            precision: DatePrecision::Day,
            end: None,
            date_from_publication: false,
            date_inferred: None,
            summary: format!("summary of {fact}"),
            place: None,
            fact: fact.to_owned(),
            facts: vec![fact.to_owned()],
            sources: vec!["a1".to_owned()],
            evidence: vec![Evidence {
                article: "a1".to_owned(),
                span: parallax_core::Span::new(7, 20),
                text: "A <b> sentence.".to_owned(),
            }],
        }
    }

    #[test]
    fn sources_are_named_by_outlet_else_headline_else_label_else_id() {
        let mut report = report_with_articles(3);
        report.articles[1].outlet = None;
        report.articles[1].title =
            Some("Ukrainian President Zelenskyy invites Putin to Kyiv for talks".into());
        report.articles[2].outlet = None;
        report.articles[2].label = "“Russian President Vladimir Putin said …” (outlet unknown)".into();
        report.articles[0].label.clear();
        report.articles[0].outlet = None;
        let articles = Articles::new(&report);
        assert_eq!(articles.outlet("a0"), "a0");
        assert_eq!(articles.outlet("a1"), "Ukrainian President Zelenskyy in…");
        assert_eq!(
            articles.outlet("a2"),
            "“Russian President Vladimir Putin said …” (outlet unknown)"
        );
        assert_eq!(articles.outlet("unknown"), "unknown");
    }

    #[test]
    fn day_numbers_count_calendar_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2025-03-01").unwrap() - day_number("2025-02-28").unwrap(),
            1
        );
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("2025-06"), day_number("2025-06-01"));
        assert_eq!(day_number("2025"), day_number("2025-01-01"));
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn timeline_groups_dates_with_gaps_in_days() {
        let entries = [
            entry("2025-06-01", "e1"),
            entry("2025-06-01", "s1"),
            entry("2025-06-04", "e2"),
            entry("2026-01-10", "e3"),
        ];
        let days = timeline_days(&entries);
        let gaps: Vec<(&str, i64, usize)> = days.iter().map(|(d, g, e)| (*d, *g, e.len())).collect();
        assert_eq!(
            gaps,
            [("2025-06-01", 0, 2), ("2025-06-04", 3, 1), ("2026-01-10", 220, 1)]
        );
    }

    /// A report with `n` articles (`a0`, `a1`, … of "Outlet 0", …) and nothing else.
    fn report_with_articles(n: usize) -> StoryReport {
        StoryReport {
            id: "st".into(),
            similarity_mode: "lexical".into(),
            articles: (0..n)
                .map(|i| ArticleRef {
                    id: format!("a{i}"),
                    label: format!("Outlet {i}"),
                    outlet: Some(format!("Outlet {i}")),
                    title: None,
                    published: None,
                    published_inferred: None,
                    url: None,
                })
                .collect(),
            timeline: vec![],
            background: vec![],
            undated: vec![],
            statements: vec![],
            events: vec![],
            figures: vec![],
            actors: vec![],
            coverage: Coverage::default(),
            conflicts: vec![],
            briefing: vec![],
        }
    }

    #[test]
    fn a_200_article_story_folds_its_long_lists() {
        let mut report = report_with_articles(200);
        report.timeline = (0..150)
            .map(|i| entry(&format!("2025-06-{:02}", i % 28 + 1), &format!("e{i}")))
            .collect();
        report.timeline.sort_by(|a, b| a.date.cmp(&b.date));
        report.statements = (0..200)
            .map(|i| Statement {
                id: format!("s{i}"),
                speaker: None,
                date: None,
                precision: None,
                date_from_context: false,
                acts: vec![],
                quotes: vec![],
                sources: vec![format!("a{i}")],
            })
            .collect();
        report.coverage.rows = (0..400)
            .map(|i| parallax_story::CoverageRow {
                fact: format!("e{i}"),
                kind: "event".into(),
                label: format!("fact {i}"),
                cells: [
                    ("a0".to_owned(), Cell::Reported),
                    ("a1".to_owned(), Cell::Conflicting),
                ]
                .into(),
            })
            .collect();
        let view = StoryView {
            id: "st".into(),
            title: None,
            outlets: vec![],
            first_published: None,
            last_published: None,
            report,
            copies: serde_json::Value::Null,
            inferred_dates: serde_json::Value::Null,
        };
        let html = render_story(&view, "A long story").into_string();
        assert!(
            html.contains("Show 188 more"),
            "statements beyond the first 12 are folded"
        );
        assert!(
            html.contains("Show 176 more"),
            "articles beyond the first 24 are folded"
        );
        let folded_timeline = html.find("later entries").expect("the timeline is folded");
        let visible_entries = html[..folded_timeline]
            .matches("<details class=\"timeline-entry")
            .count();
        assert!(
            (TIMELINE_SHOWN..TIMELINE_SHOWN + 10).contains(&visible_entries),
            "{visible_entries}"
        );
        assert_eq!(
            html.matches("<details class=\"timeline-entry").count(),
            150,
            "none is lost"
        );
        let cells = html.matches("<td class=\"cell ").count();
        assert_eq!(
            cells,
            COVERAGE_MAX_ROWS * 200,
            "rows beyond the cap are not drawn"
        );
        assert_eq!(
            html.matches("<td class=\"cell conflicting\">≠</td>").count(),
            COVERAGE_MAX_ROWS
        );
        assert!(html.contains("250 more facts are not drawn here"));
        println!(
            "a 200-article story with 400 facts renders as {} bytes",
            html.len()
        );
    }

    #[test]
    fn timeline_entries_are_details_with_linked_evidence() {
        let mut report_articles = report_with_articles(2);
        report_articles.articles[1].outlet = Some("Outlet One".into());
        let articles = Articles::new(&report_articles);
        let html = timeline(&[entry("2025-06-01", "e1"), entry("2025-08-30", "e2")], &articles).into_string();
        assert_eq!(
            html.matches("<details class=\"timeline-entry").count(),
            2,
            "{html}"
        );
        assert!(html.contains("<a class=\"source-link\" href=\"/articles/a1#s7\">Outlet One</a>"));
        assert!(html.contains("A &lt;b&gt; sentence."));
        assert!(html.contains("90 days later"), "a long gap is labelled: {html}");
    }
}
