/**
 * Roles from appositions and titles, read straight off the tokens:
 * "China's leader Xi Jinping", "French president Emmanuel Macron",
 * "Minsk, the capital of Belarus", "New Russian ambassador to Belarus, Boris Gryzlov",
 * "the head of Moscow's National Nuclear Risk Reduction Centre, Sergey Ryzhkov",
 * "Nato members Poland, Lithuania and Latvia".
 */
import type { Token } from "../nlp/index.ts";
import { demonymAt, isRoleNoun, PORTFOLIOS } from "../entities/gazetteer.ts";
import { lowerNoun } from "./nominal.ts";

export interface RoleEntity {
  first: number;
  last: number;
  type: string;
  name: string;
}

export interface RoleFact {
  holder: RoleEntity;
  predicate: string;
  /** The entity the role is of; `country` when it came from a demonym. */
  of?: RoleEntity;
  country?: string;
  /** Token range of the phrase that states the role. */
  first: number;
  last: number;
}

const MODIFIERS = new Set(["ADJ", "NOUN"]);
const PERSON_ONLY = new Set(["Person"]);

/** A spokesman speaks for an organisation, not of it: `spokesman_for`; every other role is `<role>_of`. */
function ofRole(role: string): string {
  return /(^|_)spokes(man|woman|person)$/.test(role) ? `${role}_for` : `${role}_of`;
}

/** Jobs held at or with an organisation rather than of it: "chief strategist at Acme Bank", "an analyst with NPD Group". */
const JOB_NOUNS = new Set(["analyst", "economist", "strategist", "researcher", "professor", "lecturer", "trader", "dealer", "banker", "scientist", "engineer", "correspondent", "consultant", "partner", "fellow", "reporter", "lawyer", "adviser", "advisor", "manager", "executive", "officer", "official", "employee", "worker", "producer", "designer", "developer", "programmer", "technician", "editor", "columnist", "writer"]);

/** The departments of a US cabinet secretary, named in the title: "Secretary of State", "Treasury Secretary" aside. */
const DEPARTMENTS = new Set(["state", "defense", "defence", "commerce", "energy", "labor", "treasury", "agriculture", "transportation", "interior", "education", "health", "justice", "homeland"]);

/** Words that make a role more specific; kept in the predicate (`prime_minister_of`). */
const ROLE_QUALIFIERS = new Set(["prime", "managing", "vice", "deputy", "chief", "first", "general", "technical", "sporting", "commercial", "shadow", "assistant", "acting", "interim", "caretaker", "junior", ...PORTFOLIOS]);

/**
 * Roles a nationality does not give an office in: "Brazilian striker Ronaldo" is a Brazilian, not
 * Brazil's striker, and "Hong Kong director Wong Kar-Wai" makes films there. ("Brazil striker" and
 * "French president" still give the role.)
 */
const NATIONALITY_ONLY = new Set(["striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "prop", "flanker", "lock", "hooker", "wing", "centre", "full-back", "fly-half", "scrum-half", "number", "player", "captain", "skipper", "director", "producer", "coach", "manager", "boss"]);
/** Of these, the ones a place's name does not give either ("Hong Kong director"): a film director's, not an office. */
const NOT_OF_PLACES = new Set(["director", "producer"]);
/** A political party's canonical name ("Labour Party", "Liberal Democrats", "UKIP"). */
const PARTY_NAMES = new Set(["Liberal Democrats", "UKIP", "SNP", "Plaid Cymru", "Sinn Fein", "Veritas", "Greens", "Christian Democratic Union", "Christian Social Union"]);
export const isParty = (name: string) => / Party$/.test(name) || PARTY_NAMES.has(name);

/** Offices a place has, whose party before them is the holder's ("London's Labour mayor Ken Livingstone": mayor of London, in Labour). */
const PLACE_OFFICES = new Set(["mayor", "prime_minister", "premier", "president", "governor", "first_minister"]);

/**
 * The role the noun at i names, with the words that make it more specific: "prime minister" →
 * `prime_minister`, "vice president" → `vice_president`. `left` is the last token before them.
 */
export function qualifiedRole(tokens: Token[], i: number): { role: string; left: number } {
  let left = isGeneralOffice(tokens, i) ? i - 2 : i - 1;
  while (left >= 0 && ROLE_QUALIFIERS.has(tokens[left]!.lower)) left--;
  return { role: [...tokens.slice(left + 1, i).map((q) => q.lower), tokens[i]!.lower].join("_"), left };
}

/** The index of the title that "and" joins to the one before it ("president and [chief] executive"), if one starts at i. */
function nextJoinedRole(tokens: Token[], i: number): number | undefined {
  let k = i;
  while (k < Math.min(i + 3, tokens.length) && ROLE_QUALIFIERS.has(tokens[k]!.lower)) k++;
  return tokens[k] && isRoleNoun(tokens[k]!.lower) ? k : undefined;
}

/** Offices named "<noun> general": "attorney general", "secretary general", "director general". */
const GENERAL_OFFICES = new Set(["attorney", "solicitor", "surgeon", "inspector", "auditor", "secretary", "director", "governor", "comptroller", "postmaster", "procurator", "prosecutor", "consul"]);
function isGeneralOffice(tokens: Token[], i: number): boolean {
  return tokens[i]!.lower === "general" && GENERAL_OFFICES.has(tokens[i - 1]?.lower ?? "");
}

function entityAt(entities: RoleEntity[], index: number): RoleEntity | undefined {
  return entities.find((e) => e.first === index);
}
function entityEndingAt(entities: RoleEntity[], lastExclusive: number): RoleEntity | undefined {
  return entities.find((e) => e.last === lastExclusive);
}

/**
 * Nouns that relate two parties rather than name an office: "Boris Gryzlov, a close ally of Vladimir
 * Putin", "Putin ally Boris Gryzlov", "Belarus, Russia's closest ally". Either side may be a person,
 * a country or an organisation.
 */
const RELATION_ROLES = new Set(["ally"]);
const PARTIES = new Set(["Person", "Location", "Organization"]);

/** "member states", "member countries": words that may follow "member" in "EU member states France and Spain". */
const MEMBER_HEADS = new Set(["state", "states", "country", "countries", "nation", "nations"]);

/**
 * "Nato members Poland, Lithuania and Latvia", "EU member states France and Spain", "MPC member Paul
 * Tucker": every name (a place, an organisation or a person) in the list right after is a member of the
 * organisation right before.
 */
function findMemberships(tokens: Token[], entities: RoleEntity[], i: number): RoleFact[] {
  const org = entityEndingAt(entities, i);
  if (!org || org.type !== "Organization") return [];
  let j = i + 1;
  if (tokens[i]!.lower === "member" && j < tokens.length && MEMBER_HEADS.has(tokens[j]!.lower)) j++;
  const facts: RoleFact[] = [];
  for (;;) {
    const member = entityAt(entities, j);
    if (!member || !PARTIES.has(member.type)) break;
    facts.push({ holder: member, predicate: "member_of", of: org, first: org.first, last: member.last });
    j = member.last;
    if (j < tokens.length && tokens[j]!.text === ",") j++;
    if (j < tokens.length && (tokens[j]!.lower === "and" || tokens[j]!.lower === "or")) j++;
    if (j === member.last) break;
  }
  return facts;
}

/** The name a possessive phrase is about, past a few adjectives and common nouns: "Venice's famous La Fenice Theatre". */
function possessed(tokens: Token[], entities: RoleEntity[], from: number): RoleEntity | undefined {
  for (let m = from; m < Math.min(from + 4, tokens.length); m++) {
    const e = entityAt(entities, m);
    if (e) return e;
    if (!(tokens[m]!.pos === "ADJ" || lowerNoun(tokens[m]!))) return undefined;
  }
  return undefined;
}

/** Nouns that say what kind of thing a name is: "the Labour party", "Barclays bank", "the England team". */
const KIND_NOUNS = new Set(["party", "bank", "company", "firm", "consultancy", "brokers", "corporation", "group", "club", "team", "side", "squad", "council", "government", "ministry", "department", "agency", "union", "association", "network", "channel", "station", "newspaper", "paper", "magazine", "band", "label", "studio", "airline", "carrier", "university", "school", "college", "hospital", "museum", "gallery", "theatre", "festival", "organisation", "organization", "charity", "foundation", "institute", "service", "federation", "board", "commission", "committee", "exchange", "fund", "trust", "society", "league", "parliament", "assembly", "court", "embassy", "army", "navy", "force", "forces", "police", "region", "state", "country", "city", "county"]);
/** A party's "group" is its members on a council or in a parliament, not the party. */
const isKindOf = (noun: string, e: RoleEntity) => KIND_NOUNS.has(noun) && !(noun === "group" && isParty(e.name));

/** The name after a few common words ("oil and gas consultancy Blackwatch"), if one follows. */
function nameAfterCommonWords(tokens: Token[], entities: RoleEntity[], from: number): RoleEntity | undefined {
  let m = from;
  while (m < Math.min(from + 5, tokens.length) && /^(NOUN|ADJ|CCONJ)$/.test(tokens[m]!.pos) && /^[a-z]/.test(tokens[m]!.text)) m++;
  return entityAt(entities, m);
}

/**
 * Institutions other than the state: "European commission president" presides over the commission, not
 * Europe, where "Indian oil minister" and "Russian tennis chief" hold their office for the country.
 */
const OTHER_INSTITUTIONS = new Set(["commission", "parliament", "assembly", "court", "bank", "council", "committee", "party", "union", "company", "firm", "group", "agency", "authority", "league", "federation", "association", "opposition"]);

/** In a sports report a club's "boss" is its manager ("Arsenal boss Arsene Wenger"): `manager_of`, which the schema classes as coaching. */
function teamRole(role: string, owner: RoleEntity, sports: boolean): string {
  return sports && owner.type === "Organization" && /(^|_)boss$/.test(role) ? role.replace(/boss$/, "manager") : role;
}

/** `sports`: the article is a sports report (article/sports.ts). */
export function findRoles(tokens: Token[], entities: RoleEntity[], sports = false): RoleFact[] {
  const facts: RoleFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower === "member" || t.lower === "members") {
      facts.push(...findMemberships(tokens, entities, i));
      continue;
    }
    // "chief strategist at Acme Bank", "an analyst with NPD Group": a job at an organisation
    // ("a spokesman for Acme Corp", "a lawyer for the family": for whom one speaks or works)
    const prepAfter = tokens[i + 1]?.lower ?? "";
    const atWork = ((prepAfter === "at" || prepAfter === "with") && (JOB_NOUNS.has(t.lower) || (isRoleNoun(t.lower) && prepAfter === "at"))) || (prepAfter === "for" && (JOB_NOUNS.has(t.lower) || /^spokes(man|woman|person)$/.test(t.lower)));
    // "First Boston Corp analyst William Randol", "Deutsche Bank economist Tom Hale": a job as a title
    const titleJob = !atWork && !isRoleNoun(t.lower) && JOB_NOUNS.has(t.lower) && entityAt(entities, i + 1)?.type === "Person";
    if (!isRoleNoun(t.lower) && !isGeneralOffice(tokens, i) && !RELATION_ROLES.has(t.lower) && t.lower !== "capital" && !atWork && !titleJob) continue;
    // An office is held by a person; a relation such as "ally" joins any two parties.
    const holderTypes = RELATION_ROLES.has(t.lower) ? PARTIES : PERSON_ONLY;
    let { role, left } = t.lower === "capital" ? { role: "capital", left: i - 1 } : qualifiedRole(tokens, i);
    // "Acme Corp president and chief executive John Smith", "John Smith, president and chief executive of
    // Acme Corp": titles joined by "and" share their holder and what they are of, so the first looks past
    // the second for them, and the second past the first for its owner
    if (tokens[left]?.lower === "and" && left > 0 && isRoleNoun(tokens[left - 1]!.lower)) left = qualifiedRole(tokens, left - 1).left;

    // The holder: the person right after ("leader Xi Jinping", "ambassador to Belarus, Boris Gryzlov").
    let j = i + 1;
    const joined = tokens[j]?.lower === "and" ? nextJoinedRole(tokens, j + 1) : undefined;
    if (joined !== undefined) j = joined + 1;
    let toPlace: RoleEntity | undefined;
    let ofEntity: RoleEntity | undefined;
    let atPlace: { entity: RoleEntity; prep: string } | undefined;
    // "US Secretary of State George Shultz": the department is part of the title, and the country is the office's
    const department = t.lower === "secretary" && tokens[j]?.lower === "of" && DEPARTMENTS.has(tokens[j + 1]?.lower ?? "") && entityAt(entities, j + 1)?.last !== j + 3 ? tokens[j + 1]!.lower : undefined;
    if (department) j += 2;
    if (department) role = `${role}_of_${department}`;
    else if ((tokens[j]?.lower === "to" || tokens[j]?.lower === "of" || atWork) && tokens[j + 1]) {
      let k = j + 1;
      if (tokens[k]?.pos === "DET") k++;
      // "of Moscow's National ... Centre": the possessor is not the thing
      let e = entityAt(entities, k);
      // (nor is it when a name does not follow: "the head of Russia's central bank")
      if (e && /^['’]s?$/.test(tokens[e.last]?.text ?? "")) e = possessed(tokens, entities, e.last + 1);
      // "of P2P network Red Swoosh": a name or a modifier, a common noun, then the name the phrase is about
      // ("leader of the Labour group on Newham Council", "director of the Arkansas State University venue":
      // without a name after it, the noun is what the office is of, unless it only says what the name is,
      // "of the Labour party", "of Barclays bank"; a job at a firm's unit is still at the firm)
      if (e && e.last + 1 < tokens.length && lowerNoun(tokens[e.last]!)) e = entityAt(entities, e.last + 1) ?? (atWork || isKindOf(tokens[e.last]!.lower, e) ? e : undefined);
      // "of Aberdeen-based oil and gas consultancy Blackwatch Petroleum Services": the place only says where it is based
      if (e && tokens[e.last]?.text === "-" && tokens[e.last + 1]?.lower === "based") e = nameAfterCommonWords(tokens, entities, e.last + 2);
      for (let m = k; !e && m < Math.min(k + 3, tokens.length - 1); m++) {
        if (!/^(NOUN|ADJ|PROPN|NUM)$/.test(tokens[m]!.pos)) break;
        if (lowerNoun(tokens[m]!)) e = entityAt(entities, m + 1);
      }
      if (e && atWork) {
        // only an organisation employs: "an analyst at Goldman Sachs", not "a researcher at Oxford" the town
        if (e.type === "Organization") {
          atPlace = { entity: e, prep: tokens[j]!.lower };
          j = e.last;
        }
      } else if (e) {
        if (tokens[j]!.lower === "to") toPlace = e;
        else ofEntity = e;
        j = e.last;
      }
    }
    if (tokens[j]?.text === ",") j++;
    const holder = entityAt(entities, j);

    if (role === "capital") {
      // "Minsk, the capital of Belarus"
      const city = tokens[i - 1]?.pos === "DET" && tokens[i - 2]?.text === "," ? entityEndingAt(entities, i - 2) : undefined;
      if (city && ofEntity) facts.push({ holder: city, predicate: "capital_of", of: ofEntity, first: i - 3, last: ofEntity.last });
      continue;
    }
    // "Sultan Al Jaber, the president of COP28": the holder stands before the apposition, which may
    // coordinate two nouns ("Boris Gryzlov, a senior politician and close ally of Vladimir Putin")
    if ((!holder || !holderTypes.has(holder.type)) && (ofEntity || toPlace || atPlace)) {
      let k = left;
      // ("Stephen Baker, a consumer electronics analyst with": common nouns may qualify a job)
      while (k >= 0 && (tokens[k]!.pos === "ADJ" || tokens[k]!.pos === "DET" || tokens[k]!.lower === "and" || (tokens[k]!.pos === "NOUN" && (tokens[k + 1]!.lower === "and" || (!!atPlace && /^[a-z]/.test(tokens[k]!.text)))))) k--;
      const before = k >= 0 && tokens[k]!.text === "," ? entityEndingAt(entities, k) : undefined;
      // "dignitaries including Bill Clinton, the King of Belgium as well as ...": a list goes on after
      // it, so the phrase is the list's next item, not an apposition
      const target = (toPlace ?? ofEntity ?? atPlace?.entity)!;
      const after = tokens[target.last];
      const listGoesOn = !!after && (after.pos === "CCONJ" || (after.lower === "as" && tokens[target.last + 1]?.lower === "well"));
      if (before && !listGoesOn && holderTypes.has(before.type) && before !== target) {
        const predicate = toPlace ? `${role}_to` : atPlace ? `${role}_${atPlace.prep}` : ofRole(role);
        facts.push({ holder: before, predicate, of: target, first: before.first, last: target.last });
        continue;
      }
    }
    // "Vernon Walters, the US representative,": the holder before the apposition, the place or
    // organisation as the role's modifier, and nothing but punctuation after the role
    if ((!holder || !holderTypes.has(holder.type)) && !ofEntity && !toPlace && holderTypes === PERSON_ONLY && (i + 1 >= tokens.length || tokens[i + 1]!.pos === "PUNCT")) {
      const owner = entityEndingAt(entities, left + 1);
      const before = owner && tokens[owner.first - 1]?.pos === "DET" && tokens[owner.first - 2]?.text === "," ? entityEndingAt(entities, owner.first - 2) : undefined;
      if (owner && before?.type === "Person" && (owner.type === "Organization" || (owner.type === "Location" && !NOT_OF_PLACES.has(t.lower)))) {
        facts.push({ holder: before, predicate: ofRole(role), of: owner, first: before.first, last: i + 1 });
        continue;
      }
    }
    if (holder && holderTypes.has(holder.type)) {
      const target = toPlace ?? ofEntity ?? atPlace?.entity;
      const predicate = toPlace ? `${role}_to` : atPlace ? `${role}_${atPlace.prep}` : ofRole(target ? teamRole(role, target, sports) : role);
      if (target) {
        facts.push({ holder, predicate, of: target, first: i, last: holder.last });
        continue;
      }
      // Look left for the country: "China's leader", "French president", "Belarus' authoritarian leader".
      let k = left;
      while (k >= 0 && MODIFIERS.has(tokens[k]!.pos) && !demonymAt(tokens, k) && !entityEndingAt(entities, k + 1)) k--;
      const possessive = tokens[k] && /^['’]s?$/.test(tokens[k]!.text) ? k : -1;
      let owner = possessive >= 0 ? entityEndingAt(entities, possessive) : entityEndingAt(entities, k + 1);
      // "The Scottish National Party's Holyrood leader": the place says where the party's leader leads
      const possessor = owner?.type === "Location" && possessive < 0 && /^['’]s?$/.test(tokens[owner.first - 1]?.text ?? "") ? entityEndingAt(entities, owner.first - 1) : undefined;
      if (possessor?.type === "Organization") owner = possessor;
      const head = tokens[i]!.lower;
      const country = tokens[k] ? demonymAt(tokens, k) : undefined;
      // (a job as a title is held at an organisation: "US economist Tom Hale" is an American)
      if (titleJob) {
        if (owner && owner !== holder && owner.type === "Organization") facts.push({ holder, predicate: `${role}_at`, of: owner, first: owner.first, last: holder.last });
        continue;
      }
      if (owner && owner !== holder && (owner.type === "Location" || owner.type === "Organization" || (holderTypes === PARTIES && owner.type === "Person"))) {
        if (owner.type === "Location" && possessive < 0 && NOT_OF_PLACES.has(head)) continue;
        const place = owner.type === "Organization" && PLACE_OFFICES.has(role) && /^['’]s?$/.test(tokens[owner.first - 1]?.text ?? "") ? entityEndingAt(entities, owner.first - 1) : undefined;
        if (place?.type === "Location") {
          facts.push({ holder, predicate: ofRole(role), of: place, first: place.first, last: holder.last });
          facts.push({ holder, predicate: "member_of", of: owner, first: owner.first, last: holder.last });
          continue;
        }
        // "Palace stadium manager", "Labour campaign manager", "Downing Street communications chief": a noun
        // before the title names another job than the whole organisation's
        // ("home affairs spokesman", "local government secretary": all the words of the job)
        let from = left + 1;
        const jobWord = (t: Token) => (t.pos === "NOUN" || t.pos === "ADJ") && /^[a-z]/.test(t.text) && !isRoleNoun(t.lower);
        if (left > k && tokens[left]!.pos === "NOUN" && jobWord(tokens[left]!)) while (from > k + 1 && from > left - 2 && jobWord(tokens[from - 1]!)) from--;
        const job = from <= left ? `${tokens.slice(from, left + 1).map((t) => t.lower).join("_")}_${role}` : role;
        // "Labour minister Tessa Jowell": a minister of the government, from the party (not the party's
        // minister); "Economy and Labour Minister Wolfgang Clement" holds the labour portfolio, no party's
        const ministerOfParty = /(^|_)minister$/.test(job) && isParty(owner.name);
        if (ministerOfParty && owner.last === i && tokens[i]!.text === "Minister") continue;
        const predicate = ministerOfParty ? "member_of" : ofRole(teamRole(job, owner, sports));
        facts.push({ holder, predicate, of: owner, first: owner.first, last: holder.last });
      } else if (country && !NATIONALITY_ONLY.has(head) && !tokens.slice(k + 1, left + 1).some((w) => lowerNoun(w) && OTHER_INSTITUTIONS.has(w.lower))) {
        facts.push({ holder, predicate: ofRole(role), country, first: k, last: holder.last });
      }
    }
  }
  return facts;
}
