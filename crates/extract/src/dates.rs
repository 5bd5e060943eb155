//! PLACEHOLDER (being replaced): date parsing shared by all extractors.
