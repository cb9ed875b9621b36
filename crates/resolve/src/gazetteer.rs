//! The gazetteer: countries, first-level divisions and cities with their
//! coordinates, indexed by every name they go by, built from dyad's built-in
//! place tables (`data/places/countries.tsv`, `admin1.tsv`, `cities.tsv`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    City,
    /// A first-level division (state, province, region).
    Admin1,
    Country,
}

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The name as the table gives it.
    pub name: Box<str>,
    /// CAMEO country code.
    pub country: Box<str>,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// Inhabitants (cities; 0 when unknown).
    pub population: u64,
    /// The first-level division, an index into [`Gazetteer::admin1_names`]
    /// (`u32::MAX` when unknown). For an `Admin1` entry, its own index.
    pub admin1: u32,
    /// Whether the city is its country's capital.
    pub capital: bool,
}

/// An error in a gazetteer table: `file:line: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError(pub String);

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GazetteerError {}

/// Places indexed by name. Names are keyed by their normalized words
/// (upper case, diacritics folded, tokenized as sentence text is) joined
/// by single spaces, so `Rio de Janeiro` in a sentence is found by looking
/// up its tokens' normalized forms.
///
/// Cost: the built-in gazetteer (38k places under 73k distinct names)
/// builds in about 0.11 s and takes about 18 MB (measured in a release
/// build); build it once ([`Gazetteer::builtin`] caches it for the process).
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    /// Name -> places with that name.
    names: FxHashMap<Box<str>, Vec<u32>>,
    /// The longest name, in words.
    pub max_words: usize,
    /// `(country, normalized name)` of each first-level division.
    admin1_names: Vec<(Box<str>, Box<str>)>,
    admin1_index: FxHashMap<(Box<str>, Box<str>), u32>,
    /// Country code -> its country entry.
    countries: FxHashMap<Box<str>, u32>,
    /// Press abbreviations of divisions (`ALA.`) -> the division's entry;
    /// read only after `City,` (see [`Gazetteer::abbreviation`]).
    abbreviations: FxHashMap<Box<str>, u32>,
}

/// Normalized words of a name, joined by spaces.
pub fn name_key(name: &str) -> String {
    dyad_segment::phrase_words(name).join(" ")
}

fn columns<'a>(header: &'a str) -> impl Fn(&str) -> Option<usize> + 'a {
    move |name: &str| header.split('\t').position(|c| c == name)
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
}

impl Gazetteer {
    /// The gazetteer of dyad's built-in place tables, built on first use and
    /// shared by every caller in the process.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::default();
            let files = dyad_dict::builtin::files();
            let get = |p: &str| files.iter().find(|(n, _)| *n == p).map(|(_, t)| *t).unwrap_or("");
            // The built-in tables are tested; a defect there shows in tests.
            if let Err(e) = g.load(
                get("places/countries.tsv"),
                get("places/admin1.tsv"),
                get("places/cities.tsv"),
            ) {
                eprintln!("dyad: built-in gazetteer: {e}");
            }
            if let Err(e) = g.load_abbreviations(get("places/admin1-abbreviations.tsv")) {
                eprintln!("dyad: built-in gazetteer: {e}");
            }
            g
        })
    }

    /// Build a gazetteer from the texts of the three tables (formats as in
    /// `data/places/`). Errors name the file and line.
    pub fn from_tables(countries: &str, admin1: &str, cities: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        g.load(countries, admin1, cities)?;
        Ok(g)
    }

    fn load(&mut self, countries: &str, admin1: &str, cities: &str) -> Result<(), GazetteerError> {
        self.load_countries(countries)?;
        self.load_admin1(admin1)?;
        self.load_cities(cities)?;
        self.prefer_own_names();
        Ok(())
    }

    /// A name that is some place's own name stands for those places only,
    /// not for places that list it among their former or foreign names:
    /// `Salisbury` is the English city, not Harare (once Salisbury).
    fn prefer_own_names(&mut self) {
        let places = &self.places;
        // Each place's own name, normalized once (not once per name it has).
        let own_keys: Vec<String> = places.iter().map(|p| name_key(&p.name)).collect();
        for (key, ids) in self.names.iter_mut() {
            let own = |id: &u32| own_keys[*id as usize] == **key;
            if ids.len() > 1 && ids.iter().any(own) {
                ids.retain(|id| own(id) || places[*id as usize].kind != PlaceKind::City);
            }
        }
    }

    fn add_name(&mut self, name: &str, id: u32) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let words = key.split(' ').count();
        self.max_words = self.max_words.max(words);
        let ids = self.names.entry(key.into_boxed_str()).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    fn push(&mut self, place: Place, names: &[&str]) -> u32 {
        let id = self.places.len() as u32;
        self.places.push(place);
        for n in names {
            for alt in n.split(';') {
                self.add_name(alt.trim(), id);
            }
        }
        id
    }

    fn load_countries(&mut self, text: &str) -> Result<(), GazetteerError> {
        let mut lines = data_lines(text);
        let Some((_, header)) = lines.next() else {
            return Ok(());
        };
        let col = columns(header);
        let need = |n: &str| col(n).ok_or_else(|| GazetteerError(format!("countries.tsv: no column {n}")));
        let (c_code, c_name, c_alias) = (need("cameo")?, need("name")?, need("aliases")?);
        let (c_cap, c_capal) = (need("capital")?, need("capital_aliases")?);
        let (c_lat, c_lon, c_clat, c_clon) = (need("lat")?, need("lon")?, need("capital_lat")?, need("capital_lon")?);
        for (line, l) in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").trim();
            let num = |i: usize| -> Result<Option<f64>, GazetteerError> {
                let s = get(i);
                if s.is_empty() {
                    return Ok(None);
                }
                s.parse()
                    .map(Some)
                    .map_err(|_| GazetteerError(format!("countries.tsv:{line}: bad coordinate {s:?}")))
            };
            let code = get(c_code);
            if code.is_empty() {
                return Err(GazetteerError(format!("countries.tsv:{line}: no cameo code")));
            }
            let (Some(lat), Some(lon)) = (num(c_lat)?, num(c_lon)?) else {
                continue;
            };
            let id = self.push(
                Place {
                    name: get(c_name).into(),
                    country: code.into(),
                    kind: PlaceKind::Country,
                    lat,
                    lon,
                    population: 0,
                    admin1: u32::MAX,
                    capital: false,
                },
                &[get(c_name), get(c_alias)],
            );
            self.countries.entry(code.into()).or_insert(id);
            if let (false, Some(clat), Some(clon)) = (get(c_cap).is_empty(), num(c_clat)?, num(c_clon)?) {
                self.push(
                    Place {
                        name: get(c_cap).into(),
                        country: code.into(),
                        kind: PlaceKind::City,
                        lat: clat,
                        lon: clon,
                        population: 0,
                        admin1: u32::MAX,
                        capital: true,
                    },
                    &[get(c_cap), get(c_capal)],
                );
            }
        }
        Ok(())
    }

    fn load_admin1(&mut self, text: &str) -> Result<(), GazetteerError> {
        let mut lines = data_lines(text);
        let Some((_, header)) = lines.next() else {
            return Ok(());
        };
        let col = columns(header);
        let need = |n: &str| col(n).ok_or_else(|| GazetteerError(format!("admin1.tsv: no column {n}")));
        let (c_code, c_name, c_ascii, c_alt, c_lat, c_lon) = (
            need("cameo")?,
            need("name")?,
            need("ascii")?,
            need("alternates")?,
            need("lat")?,
            need("lon")?,
        );
        for (line, l) in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").trim();
            let coord = |i: usize| {
                get(i)
                    .parse::<f64>()
                    .map_err(|_| GazetteerError(format!("admin1.tsv:{line}: bad coordinate {:?}", get(i))))
            };
            let country = get(c_code);
            let admin = self.admin1_id(country, get(c_name));
            self.push(
                Place {
                    name: get(c_name).into(),
                    country: country.into(),
                    kind: PlaceKind::Admin1,
                    lat: coord(c_lat)?,
                    lon: coord(c_lon)?,
                    population: 0,
                    admin1: admin,
                    capital: false,
                },
                &[get(c_name), get(c_ascii), get(c_alt)],
            );
        }
        Ok(())
    }

    /// Load press abbreviations of divisions (format of
    /// `data/places/admin1-abbreviations.tsv`: cameo, name, abbreviation);
    /// the division must already be loaded.
    pub fn load_abbreviations(&mut self, text: &str) -> Result<(), GazetteerError> {
        const FILE: &str = "admin1-abbreviations.tsv";
        let mut lines = data_lines(text);
        let Some((_, header)) = lines.next() else {
            return Ok(());
        };
        let col = columns(header);
        let need = |n: &str| col(n).ok_or_else(|| GazetteerError(format!("{FILE}: no column {n}")));
        let (c_code, c_name, c_abbr) = (need("cameo")?, need("name")?, need("abbreviation")?);
        for (line, l) in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").trim();
            let (country, name) = (get(c_code), get(c_name));
            let id = self
                .lookup(&name_key(name))
                .iter()
                .copied()
                .find(|&id| {
                    let p = &self.places[id as usize];
                    p.kind == PlaceKind::Admin1 && &*p.country == country
                })
                .ok_or_else(|| GazetteerError(format!("{FILE}:{line}: no division {name:?} in {country}")))?;
            let key = name_key(get(c_abbr));
            if key.is_empty() {
                return Err(GazetteerError(format!("{FILE}:{line}: empty abbreviation")));
            }
            self.abbreviations.insert(key.into(), id);
        }
        Ok(())
    }

    /// The division a press abbreviation names (`ALA.`, `W.VA.`; keys as
    /// from [`name_key`]).
    pub fn abbreviation(&self, key: &str) -> Option<u32> {
        self.abbreviations.get(key).copied()
    }

    fn admin1_id(&mut self, country: &str, name: &str) -> u32 {
        let key: (Box<str>, Box<str>) = (country.into(), name_key(name).into());
        if let Some(&id) = self.admin1_index.get(&key) {
            return id;
        }
        let id = self.admin1_names.len() as u32;
        self.admin1_names.push(key.clone());
        self.admin1_index.insert(key, id);
        id
    }

    fn load_cities(&mut self, text: &str) -> Result<(), GazetteerError> {
        let mut lines = data_lines(text);
        let Some((_, header)) = lines.next() else {
            return Ok(());
        };
        let col = columns(header);
        let need = |n: &str| col(n).ok_or_else(|| GazetteerError(format!("cities.tsv: no column {n}")));
        let (c_name, c_ascii, c_alt, c_code, c_adm) = (
            need("name")?,
            need("ascii")?,
            need("alternates")?,
            need("cameo")?,
            need("admin1")?,
        );
        let (c_lat, c_lon, c_pop) = (need("lat")?, need("lon")?, need("population")?);
        for (line, l) in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("").trim();
            let bad = |what: &str, i: usize| GazetteerError(format!("cities.tsv:{line}: bad {what} {:?}", get(i)));
            let lat: f64 = get(c_lat).parse().map_err(|_| bad("latitude", c_lat))?;
            let lon: f64 = get(c_lon).parse().map_err(|_| bad("longitude", c_lon))?;
            let population: u64 = get(c_pop).parse().map_err(|_| bad("population", c_pop))?;
            let country = get(c_code);
            let admin1 = if get(c_adm).is_empty() {
                u32::MAX
            } else {
                self.admin1_id(country, get(c_adm))
            };
            // A capital already listed from countries.tsv: give it the
            // city's population and division instead of a second entry.
            let key = name_key(get(c_name));
            let existing = self.names.get(key.as_str()).and_then(|ids| {
                ids.iter().copied().find(|&id| {
                    let p = &self.places[id as usize];
                    p.capital && &*p.country == country && p.population == 0
                })
            });
            if let Some(id) = existing {
                let p = &mut self.places[id as usize];
                p.population = population;
                p.admin1 = admin1;
                for n in [get(c_ascii), get(c_alt)] {
                    for alt in n.split(';') {
                        self.add_name(alt.trim(), id);
                    }
                }
                continue;
            }
            self.push(
                Place {
                    name: get(c_name).into(),
                    country: country.into(),
                    kind: PlaceKind::City,
                    lat,
                    lon,
                    population,
                    admin1,
                    capital: false,
                },
                &[get(c_name), get(c_ascii), get(c_alt)],
            );
        }
        Ok(())
    }

    /// The places named by `key` (normalized words joined by spaces, see
    /// [`name_key`]); empty when none. One hash lookup.
    pub fn lookup(&self, key: &str) -> &[u32] {
        self.names.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A place by index.
    pub fn place(&self, id: u32) -> &Place {
        &self.places[id as usize]
    }

    /// The country entry of a CAMEO country code.
    pub fn country(&self, code: &str) -> Option<u32> {
        self.countries.get(code).copied()
    }

    /// Number of distinct names indexed.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_gazetteer_knows_capitals_countries_and_divisions() {
        let g = Gazetteer::builtin();
        let paris = g.lookup("PARIS");
        assert!(paris.len() >= 2, "Paris, France and Paris, Texas");
        assert!(paris
            .iter()
            .any(|&id| &*g.place(id).country == "FRA" && g.place(id).capital));
        let texas = g.lookup("TEXAS");
        assert!(texas.iter().any(|&id| g.place(id).kind == PlaceKind::Admin1));
        assert!(g.country("IRN").is_some());
        assert!(g.max_words >= 3);
    }

    #[test]
    fn a_bad_coordinate_is_reported_with_its_line() {
        let cities = "geonameid\tname\tascii\talternates\tiso2\tcameo\tadmin1\tlat\tlon\tpopulation\n\
                      1\tMinas Tirith\tMinas Tirith\t\tGD\tGON\t\tnorth\t10\t5000\n";
        let err = Gazetteer::from_tables("", "", cities).unwrap_err();
        assert_eq!(err.0, "cities.tsv:2: bad latitude \"north\"");
    }

    #[test]
    fn an_abbreviation_of_an_unknown_division_is_reported_with_its_line() {
        let admin1 = "iso2\tcameo\tcode\tname\tascii\talternates\tlat\tlon\n\
                      GD\tGON\tAN\tAnorien\tAnorien\t\t10\t5\n";
        let mut g = Gazetteer::from_tables("", admin1, "").unwrap();
        g.load_abbreviations("cameo\tname\tabbreviation\nGON\tAnorien\tAn.\n")
            .unwrap();
        assert!(g.abbreviation(&name_key("An.")).is_some());
        let err = g
            .load_abbreviations("# note\ncameo\tname\tabbreviation\nGON\tIthilien\tIth.\n")
            .unwrap_err();
        assert_eq!(err.0, "admin1-abbreviations.tsv:3: no division \"Ithilien\" in GON");
    }

    #[test]
    fn a_former_name_yields_to_a_city_that_bears_it() {
        let cities = "geonameid\tname\tascii\talternates\tiso2\tcameo\tadmin1\tlat\tlon\tpopulation\n\
                      1\tMinas Tirith\tMinas Tirith\tOsgiliath;Mundburg\tGD\tGON\t\t10\t5\t900000\n\
                      2\tOsgiliath\tOsgiliath\t\tGD\tGON\t\t11\t6\t20000\n";
        let g = Gazetteer::from_tables("", "", cities).unwrap();
        let osgiliath = g.lookup("OSGILIATH");
        assert_eq!(osgiliath.len(), 1);
        assert_eq!(&*g.place(osgiliath[0]).name, "Osgiliath");
        // A former name no city bears still finds its city.
        assert_eq!(&*g.place(g.lookup("MUNDBURG")[0]).name, "Minas Tirith");
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Paris to London, about 344 km.
        let d = distance_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((d - 344.0).abs() < 5.0, "{d}");
    }
}
