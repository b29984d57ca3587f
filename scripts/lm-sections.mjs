// The sections of ../shared/corpus/lm-train-en.txt by licence (see lm-train-en.manifest.json and
// the analyzer README's Credits): what tq may ship a model or word list built from, and what it
// may only read to measure. One list for train-lm.mjs, build-wordlists.mjs and eval-scores.mjs
// (which reports the research-only sections as text no model of tq learned from).

/** Sections whose licences allow a shipped model: MASC, inaugural and State of the Union addresses, English Wikinews, WikiText-2. */
export const PERMISSIVE = new Set(['masc', 'inaugural', 'sotu', 'wikinews-2019-2020', 'wikinews-2019-2020-interviews', 'wikinews-gum', 'wikinews-gum-interviews', 'wikitext-2'])
/** Research-only sections (Brown, WSJ, ABC, IE-ER, CoNLL-2000): read to measure, never learned from. */
export const RESEARCH_ONLY = new Set(['brown', 'wsj-unused', 'abc-rural', 'abc-science-unused', 'ieer-unused', 'conll2000-wsj'])
