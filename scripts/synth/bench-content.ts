import type { Random } from './random.ts';

/**
 * Sentences for synthetic news/interview conversations. Templates carry slots that are
 * filled from small lists by a seeded generator, so each case reads differently but the
 * same seed always gives the same text. The lists deliberately hold what trips aligners:
 * abbreviations (`U.S.`, `Dr.`), digits with commas, years, percentages, money and
 * unusual names. No sentence contains a colon, which the NPR-style parser would read as
 * a speaker label.
 */

const CITIES = ['Moscow', 'Caracas', 'Kyiv', 'Nairobi', 'Lagos', 'Jakarta', 'Lima', 'Tbilisi', 'Ankara', 'Bogota', 'Manila', 'Oslo'];
const ORGS = ['the U.N.', 'NATO', 'the EU', 'the IMF', 'the World Bank', 'the FDA', 'the Pentagon', 'the Kremlin', 'the U.S. Senate'];
const PEOPLE = ['Dr. Smith', 'Gallyamov', 'Mrs. Okafor', 'Professor Lindqvist', 'Mr. Nakamura', 'Senator Reyes', 'Dr. Patel', 'General Hughes'];
const NUMBERS = ['2,400', '15', '3,200', '12,000', '40', '600', '1,750', '95', '7', '250,000'];
const YEARS = ['2024', '2022', '1991', '2008', '2019', '2030'];
const PERCENTS = ['3%', '12%', '40%', '7.5%', '60%'];
const MONEY = ['$5 billion', '$300 million', '$40', '$1.2 trillion', '$80,000'];
const TOPICS = ['sanctions', 'oil exports', 'food prices', 'the election', 'the ceasefire', 'housing', 'the drought', 'vaccine trials', 'the trade deal'];

const QUESTIONS = [
  'What are officials in {city} actually saying about {topic}?',
  'How did {org} respond when the news broke?',
  'Is there any sign that {person} will change course?',
  'Where does this leave ordinary families, in your view?',
  'And what happens next, realistically?',
  'Can you put that number, {number}, in some context for us?',
  'How much of this goes back to {year}?',
  'Who stands to gain the most from {topic}?',
  "Let's talk about the money. Where is that {money} coming from?",
  'Did anyone see this coming?',
];

const ANSWERS = [
  'Well, officials in {city} have been careful. They say {topic} is a long-term problem, and nobody expects a quick fix.',
  'According to {org}, roughly {number} people were affected in the first week alone.',
  'You know, {person} told reporters on Tuesday that the plan was never about {topic}.',
  "It's a story that really begins in {year}, when prices rose by {percent} in a single quarter.",
  'The U.S. has offered about {money}, but aid groups say that covers only a fraction of the need.',
  'I spoke with {person} last week, and the mood was, frankly, grim.',
  'There are about {number} troops in the region now, up from a few hundred a year ago.',
  "Nobody I talked to in {city} believed the official figures. They've heard promises like this before.",
  'So the short answer is yes, but with a lot of caveats.',
  'The turnout was around {percent}, which is low even by local standards.',
  '{org} says it will review the decision by the end of {year}.',
  'Farmers near {city} told me the harvest was the worst they can remember.',
  'And that is really the heart of it. The question of {topic} touches everything else.',
  'Dr. Smith, who has studied the region for decades, calls it a turning point.',
  'Gallyamov, a former adviser, put it bluntly. He said the system simply ran out of options.',
  'Critics point out that the same plan failed in {year}, and again a decade later.',
  'The ministry has hired {number} new inspectors, at a cost of {money}.',
  "It's hard to overstate how quickly things moved. Within {number} hours the border was closed.",
];

const HOST_LINES = [
  "Good morning. I'm {host}, and this is the news hour.",
  'Joining us now from {city} is {guest}. Welcome.',
  "That's {guest} reporting from {city}. Thank you.",
  "We're going to take a short break. Stay with us.",
  "Welcome back. We've been talking about {topic}.",
  'Thanks so much for your time.',
];

export interface Slots {
  host?: string;
  guest?: string;
}

/** Fills a template's `{slot}`s from the lists (host and guest names from `slots`). */
export function fill(template: string, random: Random, slots: Slots = {}): string {
  return template.replace(/\{(\w+)\}/gu, (_, name: string, offset: number) => {
    // A slot that opens a sentence starts with a capital (`The EU says`, `Housing touches`).
    const opensSentence = offset === 0 || /[.?!] $/u.test(template.slice(0, offset));
    const value = slotValue(name, random, slots);
    return opensSentence ? value[0]!.toUpperCase() + value.slice(1) : value;
  });
}

function slotValue(name: string, random: Random, slots: Slots): string {
  switch (name) {
    case 'city':
      return random.pick(CITIES);
    case 'org':
      return random.pick(ORGS);
    case 'person':
      return random.pick(PEOPLE);
    case 'number':
      return random.pick(NUMBERS);
    case 'year':
      return random.pick(YEARS);
    case 'percent':
      return random.pick(PERCENTS);
    case 'money':
      return random.pick(MONEY);
    case 'topic':
      return random.pick(TOPICS);
    case 'host':
      return slots.host ?? 'the host';
    case 'guest':
      return slots.guest ?? 'our guest';
    default:
      throw new Error(`unknown slot {${name}}`);
  }
}

export function question(random: Random): string {
  return fill(random.pick(QUESTIONS), random);
}

/** An answer of `sentences` sentences, none repeated within it. */
export function answer(random: Random, sentences: number): string {
  return random
    .shuffle(ANSWERS)
    .slice(0, sentences)
    .map((template) => fill(template, random))
    .join(' ');
}

export function hostLine(index: number, random: Random, slots: Slots): string {
  return fill(HOST_LINES[index % HOST_LINES.length]!, random, slots);
}

/** Copy for an untranscribed station break, read by a voice nobody else uses. */
export const STATION_BREAK = [
  "You're listening to W-V-R-B, community radio for the valley.",
  'Support for this station comes from listeners like you, and from the Riverside Foundation.',
  'Stay with us. More news is coming up after the weather.',
];
