//! A story of 200 articles with very long names, made from the corpus's
//! largest story so that every part of the report keeps the shape the link
//! stage gives it: its members are repeated under 200 outlets with long
//! names, its first statement is worded by every one of them, its first
//! actors and speakers get long names (one a single unbreakable word), and
//! every coverage row gets a cell per article. The pages must stay usable
//! with it: long lists folded, nothing wider than a phone's screen.

use anyhow::{bail, Context};
use parallax_store::{SqliteStore, Store, StoryRecord};
use serde_json::{json, Value};

/// Id under which the story is stored.
pub const LONG_STORY_ID: &str = "10de5a1e10de5a1e";
/// Members of the story.
pub const LONG_STORY_ARTICLES: usize = 200;

/// An outlet name of the kind that breaks layouts.
fn outlet_name(i: usize) -> String {
    format!("The Extraordinarily Long-Named Regional Broadcasting Corporation of the Northern Territories, Edition {i}")
}

/// Stores the long story beside the corpus's stories (a later relink drops it).
pub fn store_long_story(store: &mut SqliteStore, model_id: &str) -> anyhow::Result<()> {
    let model = store
        .story(model_id)?
        .with_context(|| format!("the model story {model_id} is not stored"))?;
    let mut report: Value = serde_json::from_str(&model.report).context("parsing the model report")?;
    let Some(first_article) = report["articles"].get(0).cloned() else {
        bail!("the model story has no article");
    };
    let ids: Vec<String> = (0..LONG_STORY_ARTICLES)
        .map(|i| format!("{:016x}", 0x1000_0000_0000_0000_u64 + i as u64))
        .collect();
    report["id"] = json!(LONG_STORY_ID);
    report["articles"] = Value::Array(
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let mut article = first_article.clone();
                article["id"] = json!(id);
                article["outlet"] = json!(outlet_name(i));
                article["title"] = json!(format!(
                    "A headline that goes on and on about the negotiations, the ports, the ceasefire and everything else, number {i}"
                ));
                article
            })
            .collect(),
    );
    // Every coverage row has a cell for every article.
    if let Some(rows) = report["coverage"]["rows"].as_array_mut() {
        for (r, row) in rows.iter_mut().enumerate() {
            let cells: serde_json::Map<String, Value> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let cell = ["reported", "omitted", "conflicting"][(i + r) % 3];
                    (id.clone(), json!(cell))
                })
                .collect();
            row["cells"] = Value::Object(cells);
        }
    }
    // The first statement worded by every outlet, spoken by a long name.
    if let Some(statement) = report["statements"].get_mut(0) {
        if let Some(quote) = statement["quotes"].get(0).cloned() {
            statement["quotes"] = Value::Array(
                ids.iter()
                    .map(|id| {
                        let mut wording = quote.clone();
                        wording["article"] = json!(id);
                        wording
                    })
                    .collect(),
            );
        }
        statement["speaker"] = json!({
            "key": "person:extraordinary-ambassador",
            "name": "Her Excellency the Ambassador Extraordinary and Plenipotentiary Maximiliana Konstantinopolitanska-Wolfeschlegelsteinhausenbergerdorff"
        });
    }
    if let Some(actors) = report["actors"].as_array_mut() {
        if let Some(actor) = actors.get_mut(0) {
            actor["name"] = json!("Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzenvorangreifendurchihrraubgierigfeindewelchevoralternzwolfhunderttausendjahresvorandieerscheinenvanderersteerdemenschderraumschiffgebrauchlicht");
        }
    }
    let record = StoryRecord {
        id: LONG_STORY_ID.to_owned(),
        title: Some(format!(
            "{} — and the Extraordinarily Long Follow-Up Coverage Across Two Hundred Outlets",
            model.title.as_deref().unwrap_or("A story")
        )),
        articles: ids,
        outlets: (0..LONG_STORY_ARTICLES).map(outlet_name).collect(),
        first_published: model.first_published.clone(),
        last_published: model.last_published.clone(),
        report: report.to_string(),
    };
    store
        .update_stories(&[record], &[])
        .context("storing the long story")?;
    Ok(())
}
