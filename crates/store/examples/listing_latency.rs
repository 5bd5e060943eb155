//! Latency of the store's listings and entity lookup on a large synthetic
//! store (issue 6: web pages must stay fast at 100,000 articles).
//!
//! ```text
//! cargo run --release -p parallax-store --example listing_latency -- [ARTICLES] [DATA_DIR]
//! ```
//!
//! Generates `ARTICLES` (default 100,000) small articles — each naming three
//! people out of 5,000 (a few very popular, most rare: popularity ~ 1/rank),
//! in two spellings per person, with two quotes and two events — and one
//! story per five articles, stores them in `DATA_DIR` (default a temporary
//! directory; an existing store of that size is reused), then times 1,000
//! calls of each listing with inputs drawn the way a reader's clicks would
//! be (an entity or speaker seen in a random article, a page among the first
//! 100) and prints median, p99 and maximum.

use std::time::{Duration, Instant};

use parallax_core::{
    content_hash, Article, CameoCode, EntityMention, EntityType, Event, EventActor, InputFormat, MentionForm,
    Modality, Outlet, PloverCode, PublishedDate, Quote, QuoteKind, Span, Speaker, SCHEMA_VERSION,
};
use parallax_store::{ArticleFilter, EventFilter, QuoteFilter, SqliteStore, Store, StoryFilter, StoryRecord};

const PEOPLE: usize = 5_000;
const OUTLETS: usize = 40;
const CALLS: usize = 1_000;
const PAGE: u64 = 50;
const CAMEO: &[&str] = &[
    "010", "020", "036", "040", "042", "051", "112", "138", "173", "190", "195",
];

/// A small deterministic generator (xorshift64*), so every run builds the
/// same store without a dependency.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A person index with probability ~ 1 / (rank + 1) (Zipf, s = 1).
    fn person(&mut self) -> usize {
        let harmonic = (PEOPLE as f64).ln() + 0.5772;
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * harmonic).exp() - 1.0).clamp(0.0, (PEOPLE - 1) as f64) as usize
    }
}

fn key(person: usize) -> String {
    format!("person:synthetic-{person}")
}

fn spelling(person: usize, outlet: usize) -> String {
    // Outlets split between two transliterations, as real ones do.
    match outlet % 2 {
        0 => format!("Surname{person}iha"),
        _ => format!("Surname{person}iga"),
    }
}

fn mention(span: Span, person: usize, form: MentionForm) -> EntityMention {
    EntityMention {
        span,
        entity_type: EntityType::Person,
        key: key(person),
        canonical: format!("Person Surname{person}iha"),
        kb_id: None,
        form,
        entity: person,
        metonym_of: None,
        confidence: 1.0,
    }
}

fn actor(span: Span, person: usize) -> EventActor {
    EventActor {
        text: format!("Surname{person}"),
        span,
        name: Some(format!("Person Surname{person}iha")),
        key: Some(key(person)),
        kb_id: None,
        code: "UKRGOV".to_owned(),
        country: Some("UKR".to_owned()),
        role: Some("GOV".to_owned()),
    }
}

/// Appends `text` to `body` and returns its span.
fn push(body: &mut String, text: &str) -> Span {
    let start = body.len();
    body.push_str(text);
    Span::new(start, body.len())
}

fn synthetic_article(n: usize, draw: &mut Draw) -> Article {
    let outlet = draw.below(OUTLETS);
    let people = [draw.person(), draw.person(), draw.person()];
    let mut body = String::new();
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    for (i, &person) in people.iter().enumerate() {
        let sentence_start = body.len();
        let name = push(&mut body, &spelling(person, outlet));
        entities.push(mention(name, person, MentionForm::Name));
        push(&mut body, " said: \"");
        let quoted = push(
            &mut body,
            &format!("Statement {i} of report {n} is on the record."),
        );
        push(&mut body, "\" ");
        let title = push(&mut body, "The minister");
        entities.push(mention(title, person, MentionForm::Title));
        push(&mut body, " met ");
        let other = people[(i + 1) % people.len()];
        let target = push(&mut body, &spelling(other, outlet));
        entities.push(mention(target, other, MentionForm::Name));
        push(&mut body, ". ");
        let sentence = Span::new(sentence_start, body.len());
        if i < 2 {
            quotes.push(Quote {
                text: body[quoted.start..quoted.end].to_owned(),
                span: quoted,
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                speaker: Some(Speaker {
                    name: format!("Person Surname{person}iha"),
                    key: key(person),
                    span: name,
                }),
                source: None,
                reporter: None,
                cue: None,
                confidence: 1.0,
            });
            let code = CAMEO[draw.below(CAMEO.len())];
            events.push(Event {
                span: sentence,
                trigger: title,
                source: Some(actor(name, person)),
                target: Some(actor(target, other)),
                cameo: CameoCode {
                    code: code.to_owned(),
                    base: code[..3].to_owned(),
                    root: code[..2].to_owned(),
                    quad_class: 1,
                    goldstein: 1.0,
                },
                plover: PloverCode {
                    event_type: "CONSULT".to_owned(),
                    mode: None,
                    context: Vec::new(),
                },
                modality: Modality::Asserted,
                reported: false,
                date: None,
                place: None,
                figures: Vec::new(),
                quote: None,
                confidence: 1.0,
            });
        }
    }
    let mut article = Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: format!("{n:016x}"),
        content_hash: content_hash(&body),
        source_path: "synthetic".to_owned(),
        source_record: None,
        format: InputFormat::Text,
        url: Some(format!("https://outlet{outlet}.example/{n}")),
        title: Some(format!("Report {n} on Surname{}iha", people[0])),
        outlet: Outlet {
            name: Some(format!("Outlet {outlet}")),
            domain: None,
            provenance: None,
        },
        authors: Vec::new(),
        agencies: Vec::new(),
        published: PublishedDate::unknown(),
        captured: None,
        language: Some("en".to_owned()),
        body,
        paragraphs: Vec::new(),
        removed: Vec::new(),
        flags: Vec::new(),
        warnings: Vec::new(),
        analysis: Default::default(),
    };
    article.published.date = Some(format!(
        "{}-{:02}-{:02}",
        2024 + draw.below(2),
        1 + draw.below(12),
        1 + draw.below(28)
    ));
    article.analysis.entities = entities;
    article.analysis.quotes = quotes;
    article.analysis.events = events;
    article
}

fn build(store: &mut SqliteStore, articles: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut draw = Draw(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    let mut batch = Vec::with_capacity(500);
    for n in 0..articles {
        batch.push(synthetic_article(n, &mut draw));
        if batch.len() == 500 || n + 1 == articles {
            store.put_articles(&batch)?;
            batch.clear();
        }
    }
    let stored = started.elapsed();
    let stories: Vec<StoryRecord> = (0..articles.div_ceil(5))
        .map(|s| {
            let members: Vec<String> = (s * 5..(s * 5 + 5).min(articles))
                .map(|n| format!("{n:016x}"))
                .collect();
            StoryRecord {
                id: format!("story{s:011x}"),
                title: Some(format!("Story {s} about talks")),
                articles: members,
                outlets: vec![format!("Outlet {}", s % OUTLETS)],
                first_published: Some("2024-01-01".to_owned()),
                last_published: Some(format!("2025-{:02}-{:02}", 1 + s % 12, 1 + s % 28)),
                report: "{}".to_owned(),
            }
        })
        .collect();
    store.replace_stories(&stories)?;
    eprintln!(
        "stored {articles} articles in {:.1} s ({:.0} articles/s, index included); {} stories in {:.1} s",
        stored.as_secs_f64(),
        articles as f64 / stored.as_secs_f64(),
        stories.len(),
        (started.elapsed() - stored).as_secs_f64()
    );
    Ok(())
}

/// Runs `call` [`CALLS`] times and prints median, p99 and maximum.
fn time(name: &str, mut call: impl FnMut(usize) -> Result<usize, parallax_store::StoreError>) {
    let mut samples: Vec<Duration> = Vec::with_capacity(CALLS);
    let mut rows = 0;
    for i in 0..CALLS {
        let started = Instant::now();
        match call(i) {
            Ok(n) => rows += n,
            Err(e) => {
                eprintln!("{name}: {e}");
                return;
            }
        }
        samples.push(started.elapsed());
    }
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<34} median {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms   ({:.1} rows/call)",
        ms(samples[CALLS / 2]),
        ms(samples[CALLS * 99 / 100]),
        ms(samples[CALLS - 1]),
        rows as f64 / CALLS as f64
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
    let temporary = tempfile::tempdir()?;
    let dir = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| temporary.path().to_owned());
    let mut store = SqliteStore::open(&dir)?;
    if store.count()? != articles as u64 {
        if store.count()? != 0 {
            return Err(format!("{} holds another store; give an empty directory", dir.display()).into());
        }
        build(&mut store, articles)?;
    }
    println!("{articles} articles in {}", store.path().display());

    // Inputs the way readers reach them: an entity or speaker seen in a
    // random article (so popular ones come up as often as they appear).
    let mut draw = Draw(42);
    let mut seen_people = Vec::with_capacity(CALLS);
    for _ in 0..CALLS {
        let id = format!("{:016x}", draw.below(articles));
        let article = store.article(&id)?.ok_or("sampled article missing")?;
        let mention = &article.analysis.entities[draw.below(article.analysis.entities.len())];
        seen_people.push(mention.key.clone());
    }
    let pages: Vec<u64> = (0..CALLS).map(|_| draw.below(100) as u64 * PAGE).collect();
    let outlets: Vec<String> = (0..CALLS)
        .map(|_| format!("Outlet {}", draw.below(OUTLETS)))
        .collect();
    let roots: Vec<&str> = (0..CALLS).map(|_| &CAMEO[draw.below(CAMEO.len())][..2]).collect();

    time("entity(key)", |i| {
        Ok(store.entity(&seen_people[i])?.map_or(0, |e| e.articles.len()))
    });
    time("stories_page(all, page<100)", |i| {
        Ok(store
            .stories_page(&StoryFilter::default(), pages[i], PAGE)?
            .items
            .len())
    });
    time("stories_page(text 'story 12')", |i| {
        let filter = StoryFilter {
            text: Some("story 12".to_owned()),
            min_articles: 0,
        };
        Ok(store.stories_page(&filter, pages[i] % 200, PAGE)?.items.len())
    });
    time("articles_page(all, page<100)", |i| {
        Ok(store
            .articles_page(&ArticleFilter::default(), pages[i], PAGE)?
            .items
            .len())
    });
    time("articles_page(outlet)", |i| {
        let filter = ArticleFilter {
            outlet: Some(outlets[i].clone()),
        };
        Ok(store.articles_page(&filter, pages[i] % 1000, PAGE)?.items.len())
    });
    time("quotes_page(speaker)", |i| {
        let filter = QuoteFilter {
            speaker_key: Some(seen_people[i].clone()),
            article: None,
        };
        Ok(store.quotes_page(&filter, 0, PAGE)?.items.len())
    });
    time("quotes_page(all, page<100)", |i| {
        Ok(store
            .quotes_page(&QuoteFilter::default(), pages[i], PAGE)?
            .items
            .len())
    });
    time("events_page(actor)", |i| {
        let filter = EventFilter {
            actor_key: Some(seen_people[i].clone()),
            ..Default::default()
        };
        Ok(store.events_page(&filter, 0, PAGE)?.items.len())
    });
    time("events_page(cameo root)", |i| {
        let filter = EventFilter {
            cameo_root: Some(roots[i].to_owned()),
            ..Default::default()
        };
        Ok(store.events_page(&filter, pages[i], PAGE)?.items.len())
    });
    time("entities_page(all, page<100)", |i| {
        Ok(store.entities_page(None, pages[i], PAGE)?.items.len())
    });
    time("entities_page(query 'surname12')", |_| {
        Ok(store.entities_page(Some("surname12"), 0, PAGE)?.items.len())
    });
    Ok(())
}
