use super::gdelt::{EVENT_COLUMNS, MENTION_COLUMNS};
use super::*;
use crate::fixtures::{article, article_with_event};
use parallax_core::EventDate;

fn gdelt_rows(mentions: &[EventMention<'_>]) -> (Vec<String>, Vec<Vec<String>>) {
    let added = chrono::NaiveDate::from_ymd_opt(2025, 9, 4)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let mut writer = GdeltWriter::new(Vec::new(), Vec::new(), added);
    writer.write(mentions).unwrap();
    let (events, mention_rows) = writer.finish().unwrap();
    let events = String::from_utf8(events).unwrap();
    let lines: Vec<&str> = events.lines().collect();
    assert_eq!(lines.len(), 1);
    let event_row = lines[0].split('\t').map(str::to_owned).collect();
    let mention_rows = String::from_utf8(mention_rows)
        .unwrap()
        .lines()
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect();
    (event_row, mention_rows)
}

fn column<'a>(row: &'a [String], names: &[&str], name: &str) -> &'a str {
    &row[names.iter().position(|n| *n == name).unwrap()]
}

#[test]
fn gdelt_event_row_has_61_columns_with_codes_dates_and_geo() {
    let article = article_with_event();
    let mentions: Vec<_> = EventMention::all_in(&article).collect();
    let (row, mention_rows) = gdelt_rows(&mentions);
    assert_eq!(row.len(), 61);
    let get = |name| column(&row, &EVENT_COLUMNS, name);
    assert_eq!(
        get("GLOBALEVENTID"),
        global_event_id("feedfacecafebeef", 0).to_string()
    );
    assert_eq!(get("SQLDATE"), "20250903");
    assert_eq!(get("MonthYear"), "202509");
    assert_eq!(get("FractionDate"), "2025.7479"); // 2025 + (9*30+3)/365
    assert_eq!(get("Actor1Code"), "RUSGOV");
    assert_eq!(get("Actor1Name"), "MOSCOW");
    assert_eq!(get("Actor1CountryCode"), "RUS");
    assert_eq!(get("Actor1Type1Code"), "GOV");
    assert_eq!(get("Actor2Code"), "UKR");
    assert_eq!(get("Actor2Type1Code"), "");
    assert_eq!(get("IsRootEvent"), "1");
    assert_eq!(
        (get("EventCode"), get("EventRootCode"), get("QuadClass")),
        ("195", "19", "4")
    );
    assert_eq!(get("GoldsteinScale"), "-10.0");
    assert_eq!(
        (get("NumMentions"), get("NumSources"), get("NumArticles")),
        ("1", "1", "1")
    );
    assert_eq!(get("AvgTone"), "");
    assert_eq!(get("Actor1Geo_Type"), "0");
    assert_eq!(get("ActionGeo_Type"), "4");
    assert_eq!(get("ActionGeo_FullName"), "Kharkiv, Ukraine");
    assert_eq!(get("ActionGeo_CountryCode"), "UP");
    assert_eq!(get("ActionGeo_Lat"), "49.9808");
    assert_eq!(get("ActionGeo_FeatureID"), "706483");
    assert_eq!(get("DATEADDED"), "20250904120000");
    assert_eq!(get("SOURCEURL"), "https://news.example/drones");

    assert_eq!(mention_rows.len(), 1);
    let mention = &mention_rows[0];
    assert_eq!(mention.len(), 16);
    let get = |name| column(mention, &MENTION_COLUMNS, name);
    assert_eq!(get("MentionType"), "1");
    assert_eq!(get("MentionSourceName"), "news.example");
    assert_eq!(get("SentenceID"), "1");
    assert_eq!(
        (
            get("Actor1CharOffset"),
            get("Actor2CharOffset"),
            get("ActionCharOffset")
        ),
        ("0", "30", "7")
    );
    assert_eq!(get("Confidence"), "80");
    assert_eq!(get("MentionTimeDate"), "20250904000000");
}

#[test]
fn gdelt_leaves_unknown_dates_empty_and_keeps_columns_on_tabs() {
    let mut article = article_with_event();
    let event = &mut article.analysis.events[0];
    event.date = Some(EventDate {
        date: Some("2025-09".into()),
        precision: Some(parallax_core::DatePrecision::Month),
        time: None,
        from_publication: false,
    });
    event.source.as_mut().unwrap().name = Some("Name\twith tab\nand newline".into());
    event.place = None;
    let mentions: Vec<_> = EventMention::all_in(&article).collect();
    let (row, _) = gdelt_rows(&mentions);
    assert_eq!(row.len(), 61, "a tab inside a value must not add columns");
    let get = |name| column(&row, &EVENT_COLUMNS, name);
    assert_eq!(get("SQLDATE"), "", "a month-precision date has no day to give");
    assert_eq!(get("MonthYear"), "202509");
    assert_eq!(get("Actor1Name"), "NAME WITH TAB AND NEWLINE");
    assert_eq!(get("ActionGeo_Type"), "0");
}

#[test]
fn gdelt_place_without_a_match_is_type_0_with_no_fields() {
    let mut article = article_with_event();
    let place = article.analysis.events[0].place.as_mut().unwrap();
    (
        place.country,
        place.feature,
        place.lat,
        place.lon,
        place.geonames_id,
    ) = (None, None, None, None, None);
    place.name = "Eastern Europe".into();
    let mentions: Vec<_> = EventMention::all_in(&article).collect();
    let (row, _) = gdelt_rows(&mentions);
    let geo: Vec<&str> = EVENT_COLUMNS
        .iter()
        .filter(|c| c.starts_with("ActionGeo_"))
        .map(|c| column(&row, &EVENT_COLUMNS, c))
        .collect();
    assert_eq!(geo, ["0", "", "", "", "", "", "", ""]);
}

#[test]
fn gdelt_counts_mentions_sources_and_articles() {
    let first = article_with_event();
    let mut second = article_with_event();
    second.id = "0000111122223333".into();
    second.outlet.domain = Some("other.example".into());
    let mentions = [
        EventMention {
            article: &first,
            event: &first.analysis.events[0],
            index: 0,
        },
        EventMention {
            article: &second,
            event: &second.analysis.events[0],
            index: 0,
        },
    ];
    let (row, mention_rows) = gdelt_rows(&mentions);
    let get = |name| column(&row, &EVENT_COLUMNS, name);
    assert_eq!(
        (get("NumMentions"), get("NumSources"), get("NumArticles")),
        ("2", "2", "2")
    );
    assert_eq!(mention_rows.len(), 2);
    assert_eq!(
        mention_rows[0][0], mention_rows[1][0],
        "mentions share the event id"
    );
}

#[test]
fn an_article_without_events_writes_nothing() {
    let article = article();
    let mut writer = PloverWriter::new(Vec::new());
    for mention in EventMention::all_in(&article) {
        writer.write(&[mention]).unwrap();
    }
    assert!(writer.finish().unwrap().is_empty());
}

#[test]
fn plover_record_uses_the_manual_field_names() {
    let article = article_with_event();
    let mentions: Vec<_> = EventMention::all_in(&article).collect();
    let mut writer = PloverWriter::new(Vec::new());
    writer.write(&mentions).unwrap();
    let text = String::from_utf8(writer.finish().unwrap()).unwrap();
    let record: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(record["id"], "parallax-feedfacecafebeef-0");
    assert_eq!(record["date"], "2025-09-03");
    assert_eq!(record["event"], serde_json::json!(["ASSAULT"]));
    assert_eq!(record["mode"], serde_json::json!(["aerial"]));
    assert_eq!(record["actor"][0]["code"], "RUS");
    assert_eq!(record["actor"][0]["sector"], "GOV");
    assert_eq!(record["recipient"][0]["code"], "UKR");
    assert_eq!(record["quad"], 4);
    assert_eq!(record["event_text"], serde_json::json!(["launched"]));
    assert_eq!(
        record["text"],
        "Moscow launched 500 drones on Ukraine in Kharkiv."
    );
    assert_eq!(record["event_loc"]["geonameid"], 706483);
    assert_eq!(record["event_loc"]["resolution"], 4);
    assert_eq!(record["modality"], "asserted");
    assert_eq!(record["mentions"][0]["article"], "feedfacecafebeef");
}
