//! CAMEO code tables: the Goldstein score and QuadClass of an event code,
//! and its PLOVER type, mode and contexts. Both tables are compiled in
//! (`data/goldstein.tsv` from GDELT's lookup, `data/cameo-plover.tsv`
//! derived from the PLOVER manual's conversion table, CC BY-SA 4.0).

use std::collections::HashMap;

use once_cell::sync::Lazy;
use parallax_core::{CameoCode, PloverCode};

static GOLDSTEIN: Lazy<HashMap<String, f32>> = Lazy::new(|| {
    rows(include_str!("../data/goldstein.tsv"))
        .filter_map(|cols| Some((cols.first()?.to_string(), cols.get(1)?.parse().ok()?)))
        .collect()
});

struct PloverRow {
    event_type: String,
    mode: Option<String>,
    context: Vec<String>,
}

static PLOVER: Lazy<HashMap<String, PloverRow>> = Lazy::new(|| {
    let mut table = HashMap::new();
    for cols in rows(include_str!("../data/cameo-plover.tsv")) {
        let (Some(code), Some(event_type)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let mode = cols
            .get(2)
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
            .map(str::to_owned);
        let context = cols
            .get(3)
            .map(|c| {
                c.split(';')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        // The conversion table lists 175 twice with the same type; the first row wins.
        table.entry(code.to_string()).or_insert(PloverRow {
            event_type: event_type.to_string(),
            mode,
            context,
        });
    }
    table
});

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// True when `code` is a CAMEO event code: two to four digits, root 01–20.
pub fn is_cameo(code: &str) -> bool {
    (2..=4).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_digit())
        && code
            .get(..2)
            .and_then(|r| r.parse::<u8>().ok())
            .is_some_and(|r| (1..=20).contains(&r))
}

/// QuadClass of a root code: 1 verbal cooperation (01–05), 2 material
/// cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict
/// (15–20), as GDELT assigns it.
pub fn quad_class(root: u8) -> u8 {
    match root {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

/// The Goldstein score of the most specific listed prefix of `code`.
pub fn goldstein(code: &str) -> f32 {
    (2..=code.len())
        .rev()
        .find_map(|n| code.get(..n).and_then(|p| GOLDSTEIN.get(p).copied()))
        .unwrap_or(0.0)
}

/// The full CAMEO coding of an event code; `None` for a code that is not CAMEO.
pub fn cameo(code: &str) -> Option<CameoCode> {
    if !is_cameo(code) {
        return None;
    }
    let root = code.get(..2)?.to_owned();
    let base = code.get(..3.min(code.len()))?.to_owned();
    let quad = quad_class(root.parse().ok()?);
    Some(CameoCode {
        code: code.to_owned(),
        base,
        root,
        quad_class: quad,
        goldstein: goldstein(code),
    })
}

/// The PLOVER coding of a CAMEO code, from its most specific listed prefix;
/// `None` for public statements (CAMEO 01), which PLOVER drops.
pub fn plover(code: &str) -> Option<PloverCode> {
    let row = (3..=code.len())
        .rev()
        .find_map(|n| code.get(..n).and_then(|p| PLOVER.get(p)))?;
    Some(PloverCode {
        event_type: row.event_type.clone(),
        mode: row.mode.clone(),
        context: row.context.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aerial_attack_is_material_conflict_with_plover_assault() {
        let c = cameo("195").expect("cameo");
        assert_eq!((c.root.as_str(), c.base.as_str(), c.quad_class), ("19", "195", 4));
        assert_eq!(c.goldstein, -10.0);
        let p = plover("195").expect("plover");
        assert_eq!(p.event_type, "ASSAULT");
        assert_eq!(p.mode.as_deref(), Some("heavy-weapons"));
        assert_eq!(p.context, vec!["military".to_owned()]);
    }

    #[test]
    fn four_digit_codes_fall_back_to_listed_prefixes() {
        assert_eq!(goldstein("0871"), 9.0);
        assert_eq!(plover("0871").map(|p| p.mode), Some(Some("ceasefire".to_owned())));
        assert_eq!(cameo("036").map(|c| c.quad_class), Some(1));
    }

    #[test]
    fn statements_and_non_cameo_codes_have_no_coding() {
        assert!(plover("010").is_none());
        assert!(cameo("075A").is_none());
        assert!(cameo("224").is_none());
        assert_eq!(plover("020").map(|p| p.event_type), Some("REQUEST".to_owned()));
    }
}
