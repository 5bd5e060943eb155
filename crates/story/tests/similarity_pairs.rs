//! The measurement behind the statement threshold: invented pairs of quotes
//! (plus the two examples), labelled as one statement (translations,
//! paraphrases, a fragment of the full quote) or two (same speaker and
//! theme, different statements), scored by each measure. Run with
//! `cargo test -p parallax-story --test similarity_pairs -- --nocapture`
//! to see the table; the test fails if the default threshold misclassifies
//! more than one pair.

use parallax_story::similarity::Compared;
use parallax_story::AssembleOptions;

const SAME: &[(&str, &str)] = &[
    (
        "adult leaders should come out of a meeting of this level with some kind of result",
        "Mature leaders should come out of a high-level meeting with some results",
    ),
    (
        "We will not recognise the occupation of our land under any circumstances",
        "Under no circumstances will we recognize the occupation of our territory",
    ),
    (
        "The talks in Istanbul were a political performance with no real progress",
        "The Istanbul negotiations amounted to a political show without any real progress",
    ),
    (
        "this document looks like spam",
        "Honestly, this document looks like spam, nothing more",
    ),
    (
        "It is time to hit the Russian war machine with tough new sanctions",
        "Now is the time to strike the Russian war machine with severe sanctions",
    ),
    (
        "The ceasefire must come first, then a meeting of the leaders",
        "First a ceasefire, and only then a meeting between the leaders",
    ),
    (
        "Putin keeps fooling everyone by making knowingly unacceptable proposals",
        "Putin continues to mess around with everyone by making knowingly unacceptable proposals",
    ),
];

const DIFFERENT: &[(&str, &str)] = &[
    (
        "Donald asked me for such a meeting, I said yes, it is possible, let Zelensky come to Moscow",
        "The best place for this is the capital of the Russian Federation, the hero city of Moscow",
    ),
    (
        "We are ready to meet at any venue, including the Vatican or Switzerland",
        "Russia is not ready for a meeting, it only plays for time",
    ),
    (
        "Foreign troops in Ukraine would be legitimate targets for destruction",
        "Security guarantees must be given to both Ukraine and Russia",
    ),
    (
        "The strikes killed nine civilians in the town",
        "The air force shot down 430 of the drones overnight",
    ),
    (
        "Putin continues to mess around with everyone",
        "I invite Putin to Kyiv, if he dares, of course",
    ),
    (
        "Russia has not changed its aggressive goals and shows no readiness for negotiations",
        "Russia has started talking about a meeting, which is already not bad",
    ),
];

/// (name, score) for each measure.
fn scores(c: &Compared, i: usize, j: usize) -> [(&'static str, f32); 3] {
    [
        ("cosine", c.cosine(i, j)),
        ("overlap", c.overlap(i, j)),
        ("combined", c.similarity(i, j)),
    ]
}

#[test]
fn the_default_threshold_separates_same_from_different_statements() {
    // One pool, as a story's quotes are compared: IDF comes from all of them.
    let texts: Vec<&str> = SAME.iter().chain(DIFFERENT).flat_map(|(a, b)| [*a, *b]).collect();
    let compared = Compared::new(&texts);
    let threshold = AssembleOptions::default().statement_threshold;
    let mut errors = [0usize; 3];
    for (n, _) in SAME.iter().chain(DIFFERENT).enumerate() {
        let same = n < SAME.len();
        let measured = scores(&compared, 2 * n, 2 * n + 1);
        for (k, (_, score)) in measured.iter().enumerate() {
            if (*score >= threshold) != same {
                errors[k] += 1;
            }
        }
        let row: Vec<String> = measured
            .iter()
            .map(|(name, s)| format!("{name} {s:.2}"))
            .collect();
        println!("{} {}", if same { "same" } else { "diff" }, row.join("  "));
    }
    let total = SAME.len() + DIFFERENT.len();
    for (k, name) in ["cosine", "overlap", "combined"].iter().enumerate() {
        println!(
            "{name}: {} of {total} pairs misclassified at {threshold}",
            errors[k]
        );
    }
    assert!(
        errors[2] <= 1,
        "combined measure misclassifies {} pairs",
        errors[2]
    );
}
