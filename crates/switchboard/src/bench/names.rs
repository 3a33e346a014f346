//! Realistic, varied people for the seeded tenant: Unicode first names, and last names composed
//! of syllables so that there are thousands of distinct ones and a 3-letter prefix selects a
//! few percent of the tenant, as in a real company directory. Deterministic for a given seed.

use rand::Rng;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

const FIRST: &[&str] = &[
    "Anna",
    "Émilie",
    "Jürgen",
    "Søren",
    "Zoë",
    "François",
    "Björn",
    "Agnès",
    "Lukas",
    "Chloé",
    "Mats",
    "Inès",
    "Jörg",
    "Élodie",
    "Henrik",
    "Noémie",
    "Tobias",
    "Maëlle",
    "Kai",
    "Léa",
    "Ørjan",
    "Greta",
    "Théo",
    "Sinéad",
    "Maria",
    "José",
    "Łukasz",
    "Zoltán",
    "Ágnes",
    "Dorothée",
    "Mehmet",
    "Ayşe",
    "Nikolaj",
    "Åsa",
    "Siobhán",
    "Raphaël",
    "Małgorzata",
    "Jiří",
    "Tomáš",
    "Oğuz",
    "Friederike",
    "Ludwig",
    "Hélène",
    "Matthias",
    "Sophie",
    "Paul",
    "Emma",
    "Ben",
    "Mia",
    "Finn",
    "Lena",
    "Jonas",
    "Clara",
    "Felix",
    "Ida",
    "Leon",
    "Marie",
    "Noah",
    "Laura",
    "Elias",
    "Ines",
    "Jan",
    "Sara",
    "Oskar",
];

/// Last names are START + MIDDLE + END: 56 × 8 × 32 ≈ 14,000 distinct names.
const START: &[&str] = &[
    "Mül", "Schä", "Ber", "Hoff", "Lef", "Dub", "Nør", "Wei", "Rous", "Kü", "Gir", "Brück", "Mor",
    "Åb", "Font", "Gro", "Mer", "Lö", "Chev", "Lam", "Jä", "Bon", "Fisch", "Fau", "Köh", "Zim",
    "Wag", "Bau", "Kow", "Nowa", "Yıl", "Dvoř", "Szab", "Ek", "Lind", "Sand", "Stein", "Hart",
    "Kel", "Pet", "Vog", "Mart", "Gar", "Rod", "Fern", "Ros", "Ham", "Wol", "Krä", "Sø", "Čap",
    "Hal", "Óla", "Esz", "Tor", "Quen",
];
const MIDDLE: &[&str] = &["", "el", "en", "an", "er", "o", "ing", "au"];
const END: &[&str] = &[
    "ler", "mann", "ner", "berg", "ard", "ois", "ström", "sen", "ez", "ini", "ović", "ski", "ová",
    "eau", "ier", "gaard", "hoff", "stein", "feld", "wald", "er", "t", "son", "dóttir", "lund",
    "ke", "ek", "as", "oux", "ig", "beck", "ås",
];

/// The domain of every generated email address.
pub const EMAIL_DOMAIN: &str = "bench-logistik.example";

/// A generated person.
#[derive(Debug, Clone)]
pub struct Person {
    pub first: String,
    pub last: String,
    pub email: String,
}

pub struct Names {
    rng: StdRng,
}

impl Names {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: StdRng::seed_from_u64(seed),
        }
    }

    pub fn first_name(&mut self) -> &'static str {
        FIRST.choose(&mut self.rng).expect("not empty")
    }

    pub fn last_name(&mut self) -> String {
        let pick =
            |rng: &mut StdRng, parts: &[&'static str]| *parts.choose(rng).expect("not empty");
        format!(
            "{}{}{}",
            pick(&mut self.rng, START),
            pick(&mut self.rng, MIDDLE),
            pick(&mut self.rng, END)
        )
    }

    /// A person whose email is unique through `serial`.
    pub fn person(&mut self, serial: u64) -> Person {
        let first = self.first_name().to_owned();
        let last = self.last_name();
        let email = format!(
            "{}.{}.{serial}@{EMAIL_DOMAIN}",
            ascii_fold(&first),
            ascii_fold(&last)
        );
        Person { first, last, email }
    }

    /// The first `len` letters of a last name, lower-cased as the name index holds them.
    pub fn last_name_prefix(&mut self, len: usize) -> String {
        self.last_name().to_lowercase().chars().take(len).collect()
    }

    /// A piece of `min..=max` letters from somewhere inside a last name, lower-cased.
    pub fn last_name_piece(&mut self, min: usize, max: usize) -> String {
        let name: Vec<char> = self.last_name().to_lowercase().chars().collect();
        let len = self.rng.random_range(min..=max).min(name.len());
        let start = self.rng.random_range(0..=name.len() - len);
        name[start..start + len].iter().collect()
    }

    pub fn below(&mut self, bound: u64) -> u64 {
        self.rng.random_range(0..bound)
    }

    /// A number in 0..100, for picking from a distribution in percent.
    pub fn percent(&mut self) -> u32 {
        self.rng.random_range(0..100)
    }
}

/// What an administrator would make of a name in an email address: `Jürgen Nørgaard` →
/// `juergen`, `noergaard`. Characters without a plain spelling are left out.
pub fn ascii_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        let plain = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'ä' | 'æ' => "ae",
            'ö' | 'ø' | 'œ' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'å' => "aa",
            'à' | 'á' | 'â' | 'ã' => "a",
            'ç' | 'č' | 'ć' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
            'ñ' | 'ń' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ő' => "o",
            'ù' | 'ú' | 'û' | 'ű' | 'ů' => "u",
            'ý' => "y",
            'ł' => "l",
            'ş' | 'š' | 'ś' => "s",
            'ğ' => "g",
            'ř' => "r",
            'ž' | 'ź' | 'ż' => "z",
            'đ' | 'ď' => "d",
            'ť' => "t",
            _ => "",
        };
        out.push_str(plain);
    }
    out
}
