//! Figures on fixture sentences.

use parallax_core::{Figure, Qualifier};
use proptest::prelude::*;

use super::find_figures;

/// (text of the span, value, counts, unit, qualifier, part_of) of each figure.
type Row = (
    String,
    f64,
    Option<String>,
    Option<String>,
    Qualifier,
    Option<String>,
);

fn rows(body: &str) -> Vec<Row> {
    find_figures(body)
        .into_iter()
        .map(|f: Figure| {
            let text = body.get(f.span.start..f.span.end).unwrap_or_default().to_owned();
            (text, f.value, f.counts, f.unit, f.qualifier, f.part_of)
        })
        .collect()
}

fn row(
    text: &str,
    value: f64,
    counts: Option<&str>,
    unit: Option<&str>,
    q: Qualifier,
    part_of: Option<&str>,
) -> Row {
    (
        text.to_owned(),
        value,
        counts.map(str::to_owned),
        unit.map(str::to_owned),
        q,
        part_of.map(str::to_owned),
    )
}

fn exact(text: &str, value: f64, counts: &str) -> Row {
    row(text, value, Some(counts), None, Qualifier::Exact, None)
}

#[test]
fn counts_with_plural_heads() {
    assert_eq!(
        rows("Russia launched 502 drones and 24 missiles overnight."),
        [
            exact("502 drones", 502.0, "drone"),
            exact("24 missiles", 24.0, "missile")
        ]
    );
    assert_eq!(
        rows("Moscow launched more than 500 drones and missiles on Ukraine early on Wednesday."),
        [row(
            "more than 500 drones and missiles",
            500.0,
            Some("drone and missile"),
            None,
            Qualifier::AtLeast,
            None
        )]
    );
    assert_eq!(
        rows("Strikes killed nine civilians in the town."),
        [exact("nine civilians", 9.0, "civilian")]
    );
    assert_eq!(
        rows("at least seven countries had made offers"),
        [row(
            "at least seven countries",
            7.0,
            Some("country"),
            None,
            Qualifier::AtLeast,
            None
        )]
    );
    assert_eq!(
        rows("Macron said that 26 countries are ready."),
        [exact("26 countries", 26.0, "country")]
    );
    assert_eq!(
        rows("Russia suffers 50,000 Russian ‘losses’ a month."),
        [exact("50,000 Russian ‘losses’", 50_000.0, "loss")]
    );
}

#[test]
fn parts_of_a_whole() {
    assert_eq!(
        rows("Air defences managed to intercept 430 of the drones and 21 of the missiles."),
        [
            row(
                "430 of the drones",
                430.0,
                Some("drone"),
                None,
                Qualifier::Exact,
                Some("drones")
            ),
            row(
                "21 of the missiles",
                21.0,
                Some("missile"),
                None,
                Qualifier::Exact,
                Some("missiles")
            ),
        ]
    );
    assert_eq!(
        rows("Russia holds about one-fifth of the Donetsk region, officials say."),
        [row(
            "about one-fifth of the Donetsk region",
            0.2,
            Some("donetsk region"),
            None,
            Qualifier::Approximately,
            Some("Donetsk region")
        )]
    );
    // The whole is a figure of its own; the part stops before it.
    assert_eq!(
        rows("It downed 430 of the 500 drones."),
        [
            row(
                "430",
                430.0,
                Some("drone"),
                None,
                Qualifier::Exact,
                Some("500 drones")
            ),
            exact("500 drones", 500.0, "drone"),
        ]
    );
}

#[test]
fn measures_and_units() {
    assert_eq!(
        rows("Trump’s pressure to end the three-and-a-half-year war."),
        [row(
            "three-and-a-half-year war",
            3.5,
            Some("war"),
            Some("year"),
            Qualifier::Exact,
            None
        )]
    );
    assert_eq!(
        rows("a $2.4 billion package and €3bn in aid"),
        [
            row("$2.4 billion", 2.4e9, None, Some("usd"), Qualifier::Exact, None),
            row(
                "€3bn in aid",
                3e9,
                Some("aid"),
                Some("eur"),
                Qualifier::Exact,
                None
            ),
        ]
    );
    assert_eq!(
        rows("Turnout was 40% of voters; support fell 5 per cent."),
        [
            row(
                "40% of voters",
                40.0,
                Some("voter"),
                Some("percent"),
                Qualifier::Exact,
                Some("voters")
            ),
            row("5 per cent", 5.0, None, Some("percent"), Qualifier::Exact, None),
        ]
    );
    assert_eq!(
        rows("The town lies 30 km (19 miles) from the front, a 10-km drive."),
        [
            row("30 km", 30.0, None, Some("km"), Qualifier::Exact, None),
            row("19 miles", 19.0, None, Some("mile"), Qualifier::Exact, None),
            row(
                "10-km drive",
                10.0,
                Some("drive"),
                Some("km"),
                Qualifier::Exact,
                None
            ),
        ]
    );
    assert_eq!(
        rows("Day 1,436 of the war began."),
        [row(
            "Day 1,436 of the war",
            1436.0,
            Some("war"),
            Some("day"),
            Qualifier::Exact,
            None
        )]
    );
}

#[test]
fn vague_quantities_are_lower_bounds() {
    assert_eq!(
        rows("Drones struck dozens of locations and hundreds of homes."),
        [
            row(
                "dozens of locations",
                24.0,
                Some("location"),
                None,
                Qualifier::AtLeast,
                None
            ),
            row(
                "hundreds of homes",
                200.0,
                Some("home"),
                None,
                Qualifier::AtLeast,
                None
            ),
        ]
    );
    assert_eq!(rows("a dozen drones"), [exact("a dozen drones", 12.0, "drone")]);
    assert_eq!(
        rows("tens of thousands of troops or more"),
        [row(
            "tens of thousands of troops or more",
            20_000.0,
            Some("troop"),
            None,
            Qualifier::AtLeast,
            None
        )]
    );
}

#[test]
fn qualifiers() {
    let qualifiers: Vec<Qualifier> = find_figures(
        "up to 300 soldiers, nearly 40 tanks, fewer than 12 ships, some 500 shells, over 70 towns, 500+ drones",
    )
    .into_iter()
    .map(|f| f.qualifier)
    .collect();
    use Qualifier::*;
    assert_eq!(
        qualifiers,
        [AtMost, Approximately, AtMost, Approximately, AtLeast, AtLeast]
    );
}

#[test]
fn years_dates_and_times_are_not_figures() {
    for text in [
        "Crimea, which it seized in 2014.",
        "the 2022 invasion",
        "Putin said on Sept. 5 that",
        "on September 7, 2022, in Vladivostok",
        "The talks start at 10:00 GMT and end at 3 p.m.",
        "two days ago",
    ] {
        assert_eq!(rows(text), [], "{text}");
    }
    assert_eq!(
        rows("In 2014 some 2000 troops crossed."),
        [row(
            "some 2000 troops",
            2000.0,
            Some("troop"),
            None,
            Qualifier::Approximately,
            None
        )]
    );
}

#[test]
fn names_codes_ordinals_and_markers_are_not_figures() {
    for text in [
        "World War 2 ended.",
        "They sent F-16 jets and G7 leaders met under Article 5.",
        "list 1 of 3",
        "Call +44 20 7946 0958 or (555) 123-4567.",
        "the fourth year of the war and the second round",
        "on page 5 and No. 3",
        "the 5th brigade in the 1990s",
        "one of the most important, no one, the two",
    ] {
        assert_eq!(rows(text), [], "{text}");
    }
}

#[test]
fn spans_are_on_the_text() {
    let body = "«Russia fired 120 Shahed drones» — about a third of them — and 3.5 km²…";
    for f in find_figures(body) {
        assert!(body.get(f.span.start..f.span.end).is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_ordered(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("502"), Just("1,436"), Just("3.5"), Just("drones"), Just("of"), Just("the"), Just("more"),
                Just("than"), Just("one"), Just("-"), Just("fifth"), Just("and"), Just("a"), Just("half"),
                Just("$"), Just("%"), Just("million"), Just("dozens"), Just("Sept."), Just("2014"), Just("in"),
                Just("’"), Just("losses"), Just("year"), Just("Day"), Just("é"), Just("\n"), Just(","), Just("or"),
            ],
            0..40,
        ),
        glue in "[ \\-.,]{0,1}",
    ) {
        let body = parts.join(&glue);
        let mut last_end = 0;
        for f in find_figures(&body) {
            prop_assert!(f.span.start >= last_end && f.span.start < f.span.end);
            prop_assert!(body.is_char_boundary(f.span.start) && body.is_char_boundary(f.span.end));
            prop_assert!(f.value.is_finite());
            last_end = f.span.end;
        }
    }

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,200}") {
        for f in find_figures(&body) {
            prop_assert!(body.is_char_boundary(f.span.start) && body.is_char_boundary(f.span.end));
        }
    }
}
