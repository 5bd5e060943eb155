//! Country code crosswalk: ISO 3166 alpha-2/alpha-3 to FIPS 10-4, which
//! GDELT's geographic columns use (GDELT's actor columns use CAMEO codes,
//! which are ISO alpha-3 for countries). The table ships in
//! `data/country-codes.tsv`, made by `scripts/export/build_country_codes.sh`.

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// One country's codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3.
    pub iso3: &'static str,
    /// FIPS 10-4 (empty for the few territories without one).
    pub fips: &'static str,
    /// English short name.
    pub name: &'static str,
}

static TABLE: Lazy<HashMap<&'static str, Country>> = Lazy::new(|| {
    let mut by_code = HashMap::new();
    for line in include_str!("../data/country-codes.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(iso2), Some(iso3), Some(fips), Some(name)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let country = Country {
            iso2,
            iso3,
            fips,
            name: name.trim(),
        };
        by_code.insert(iso2, country.clone());
        by_code.insert(iso3, country);
    }
    by_code
});

/// The country with this ISO alpha-2 or alpha-3 code (case-sensitive, as
/// the standards write them: upper case).
pub fn country(code: &str) -> Option<&'static Country> {
    TABLE.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_map_to_fips() {
        assert_eq!(country("UKR").map(|c| c.fips), Some("UP"));
        assert_eq!(country("UA").map(|c| c.iso3), Some("UKR"));
        assert_eq!(country("RUS").map(|c| c.fips), Some("RS"));
        assert_eq!(country("GBR").map(|c| c.fips), Some("UK"));
        assert_eq!(country("XYZ"), None);
    }
}
