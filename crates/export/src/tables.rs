//! The per-article tables `parallax export --what …` writes: one row per
//! quote, entity mention, event or figure, each with the article it came
//! from and its byte span, so every row can be traced to its sentence.

use parallax_core::{Article, EventActor, Span};

use crate::table::{Cell, Column};

/// A table with one row per annotation of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleTable {
    Quotes,
    Entities,
    Events,
    Figures,
}

/// Every per-article table, in the order `--what` lists them.
pub const TABLES: [ArticleTable; 4] = [
    ArticleTable::Quotes,
    ArticleTable::Entities,
    ArticleTable::Events,
    ArticleTable::Figures,
];

const QUOTE_COLUMNS: &[Column] = &[
    Column::text("article"),
    Column::text("outlet"),
    Column::text("published"),
    Column::text("kind"),
    Column::text("text"),
    Column::text("speaker"),
    Column::text("speaker_key"),
    Column::text("source"),
    Column::text("reporter"),
    Column::text("cue"),
    Column::text("act"),
    Column::integer("start"),
    Column::integer("end"),
    Column::float("confidence"),
];

const ENTITY_COLUMNS: &[Column] = &[
    Column::text("article"),
    Column::text("outlet"),
    Column::text("key"),
    Column::text("canonical"),
    Column::text("type"),
    Column::text("kb_id"),
    Column::text("form"),
    Column::text("text"),
    Column::text("metonym_of"),
    Column::integer("start"),
    Column::integer("end"),
];

const EVENT_COLUMNS: &[Column] = &[
    Column::text("article"),
    Column::text("outlet"),
    Column::integer("index"),
    Column::text("date"),
    Column::text("date_precision"),
    Column::boolean("date_from_publication"),
    Column::text("source_code"),
    Column::text("source_name"),
    Column::text("source_key"),
    Column::text("target_code"),
    Column::text("target_name"),
    Column::text("target_key"),
    Column::text("cameo"),
    Column::text("cameo_root"),
    Column::integer("quad_class"),
    Column::float("goldstein"),
    Column::text("plover_type"),
    Column::text("plover_mode"),
    Column::text("plover_context"),
    Column::text("modality"),
    Column::boolean("reported"),
    Column::text("place"),
    Column::text("place_country"),
    Column::float("lat"),
    Column::float("lon"),
    Column::text("evidence"),
    Column::integer("start"),
    Column::integer("end"),
    Column::float("confidence"),
];

const FIGURE_COLUMNS: &[Column] = &[
    Column::text("article"),
    Column::text("outlet"),
    Column::float("value"),
    Column::text("counts"),
    Column::text("unit"),
    Column::text("qualifier"),
    Column::text("part_of"),
    Column::text("text"),
    Column::integer("start"),
    Column::integer("end"),
];

impl ArticleTable {
    /// The name `--what` takes.
    pub fn name(self) -> &'static str {
        match self {
            ArticleTable::Quotes => "quotes",
            ArticleTable::Entities => "entities",
            ArticleTable::Events => "events",
            ArticleTable::Figures => "figures",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            ArticleTable::Quotes => QUOTE_COLUMNS,
            ArticleTable::Entities => ENTITY_COLUMNS,
            ArticleTable::Events => EVENT_COLUMNS,
            ArticleTable::Figures => FIGURE_COLUMNS,
        }
    }

    /// The article's rows of this table.
    pub fn rows(self, article: &Article) -> Vec<Vec<Cell>> {
        let analysis = &article.analysis;
        let outlet = || Cell::from(article.outlet.name.clone());
        let id = || Cell::from(article.id.as_str());
        match self {
            ArticleTable::Quotes => analysis
                .quotes
                .iter()
                .map(|quote| {
                    let mut row = vec![id(), outlet(), article.published.date.clone().into()];
                    row.extend([
                        label(&quote.kind).into(),
                        quote.text.clone().into(),
                        quote.speaker.as_ref().map(|s| s.name.clone()).into(),
                        quote.speaker.as_ref().map(|s| s.key.clone()).into(),
                        quote.source.clone().into(),
                        quote.reporter.clone().into(),
                        quote.cue.as_ref().map(|c| c.text.clone()).into(),
                        quote.cue.as_ref().map(|c| label(&c.act)).into(),
                    ]);
                    row.extend(span(quote.span));
                    row.push(quote.confidence.into());
                    row
                })
                .collect(),
            ArticleTable::Entities => analysis
                .entities
                .iter()
                .map(|mention| {
                    let mut row = vec![
                        id(),
                        outlet(),
                        mention.key.clone().into(),
                        mention.canonical.clone().into(),
                        label(&mention.entity_type).into(),
                        mention.kb_id.clone().into(),
                        label(&mention.form).into(),
                        text(article, mention.span).into(),
                        mention.metonym_of.clone().into(),
                    ];
                    row.extend(span(mention.span));
                    row
                })
                .collect(),
            ArticleTable::Events => analysis
                .events
                .iter()
                .enumerate()
                .map(|(index, event)| {
                    let date = event.date.as_ref();
                    let mut row = vec![
                        id(),
                        outlet(),
                        index.into(),
                        date.and_then(|d| d.date.clone()).into(),
                        date.and_then(|d| d.precision.as_ref().map(label)).into(),
                        date.map(|d| d.from_publication).into(),
                    ];
                    row.extend(actor(event.source.as_ref()));
                    row.extend(actor(event.target.as_ref()));
                    row.extend([
                        event.cameo.code.clone().into(),
                        event.cameo.root.clone().into(),
                        Cell::Integer(i64::from(event.cameo.quad_class)),
                        event.cameo.goldstein.into(),
                        event.plover.event_type.clone().into(),
                        event.plover.mode.clone().into(),
                        (!event.plover.context.is_empty())
                            .then(|| event.plover.context.join(";"))
                            .into(),
                        label(&event.modality).into(),
                        event.reported.into(),
                    ]);
                    let place = event.place.as_ref();
                    row.extend([
                        place.map(|p| p.name.clone()).into(),
                        place.and_then(|p| p.country.clone()).into(),
                        place.and_then(|p| p.lat).into(),
                        place.and_then(|p| p.lon).into(),
                        text(article, event.span).into(),
                    ]);
                    row.extend(span(event.span));
                    row.push(event.confidence.into());
                    row
                })
                .collect(),
            ArticleTable::Figures => analysis
                .figures
                .iter()
                .map(|figure| {
                    let mut row = vec![
                        id(),
                        outlet(),
                        figure.value.into(),
                        figure.counts.clone().into(),
                        figure.unit.clone().into(),
                        label(&figure.qualifier).into(),
                        figure.part_of.clone().into(),
                        text(article, figure.span).into(),
                    ];
                    row.extend(span(figure.span));
                    row
                })
                .collect(),
        }
    }
}

/// Parses a table name as `--what` takes it.
impl std::str::FromStr for ArticleTable {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        TABLES
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| format!("unknown table {name:?}"))
    }
}

/// The serde name of a unit enum value ("direct", "at-least"), so tables use
/// the same words as the JSON.
pub(crate) fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn span(span: Span) -> [Cell; 2] {
    [span.start.into(), span.end.into()]
}

fn text(article: &Article, span: Span) -> String {
    article
        .body
        .get(span.start..span.end)
        .unwrap_or_default()
        .to_owned()
}

fn actor(actor: Option<&EventActor>) -> [Cell; 3] {
    match actor {
        Some(actor) => [
            actor.code.clone().into(),
            actor.name.clone().unwrap_or_else(|| actor.text.clone()).into(),
            actor.key.clone().into(),
        ],
        None => [Cell::Null, Cell::Null, Cell::Null],
    }
}
