/**
 * The content checklist stored with a submission for review: what a reviewer should look at
 * before approving (missing teaser texts, images without alt text, internal links to nothing,
 * wording that may read as a medical claim). Pure: the caller supplies the media and link
 * lookups, so this runs without Payload or a database.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export type ChecklistItemKind =
  'missing_excerpt' | 'missing_seo_description' | 'missing_alt_text' | 'broken_internal_link' | 'health_claim'

export interface ChecklistItem {
  kind: ChecklistItemKind
  field: string
  message: string
  /** health_claim: the configured phrase that matched. */
  phrase?: string
  /** health_claim: the words around the match. */
  context?: string
  /** health_claim: no source is linked in the same paragraph (collections whose claims need sources). */
  unsourced?: boolean
}

export interface HealthClaimPhrase {
  phrase: string
  /** 'word' matches the whole phrase only; 'prefix' any word starting with it ("pregnan" → pregnancy). */
  match: 'word' | 'prefix'
}

type Id = number | string

export interface ChecklistInput {
  /** What to check in this collection (the editorialWorkflow plugin's checklist option). */
  rules: ChecklistRules
  /** The document's data as Payload stores it; rich text is Lexical JSON. */
  doc: Record<string, unknown>
  /** Alt text of a media document; undefined when there is no such media. */
  mediaAltText: (mediaId: Id) => string | undefined | null
  internalLinkExists: (target: { collection?: string; id?: Id; path?: string }) => boolean
  healthClaimPhrases: HealthClaimPhrase[]
}

type JsonObject = Record<string, unknown>

export interface LabelledField {
  field: string
  label: string
}

/** A text a document must have before review; `field` is dotted inside groups ("seo.metaDescription"). */
export interface RequiredText {
  field: string
  kind: ChecklistItemKind
  message: string
}

export interface ChecklistRules {
  required: RequiredText[]
  image?: LabelledField
  richText: LabelledField[]
  /** Every field a reader sees as text, in the order of the edit form. */
  texts: string[]
  /** A health claim needs a link (its source) in the same paragraph, or the checklist says so. */
  claimsNeedSources?: boolean
}

export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
  const { rules } = input
  return [
    ...missingTexts(rules, input.doc),
    ...(rules.image ? optional(imageItem(rules.image, input)) : []),
    ...rules.richText.flatMap((richText) => richTextItems(richText, input)),
    ...healthClaimItems(rules, input),
  ]
}

export function hasHealthClaims(items: ChecklistItem[]): boolean {
  return items.some((item) => item.kind === 'health_claim')
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value])

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** `path` is dotted for fields inside groups, e.g. 'seo.metaDescription'. */
function valueAt(doc: JsonObject, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), doc)
}

/** Upload and relationship values are an id, or the document itself when Payload populated it. */
function idOf(value: unknown): Id | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  return isObject(value) ? idOf(value.id) : undefined
}

function missingTexts(rules: ChecklistRules, doc: JsonObject): ChecklistItem[] {
  return rules.required
    .filter(({ field }) => !hasText(valueAt(doc, field)))
    .map(({ field, kind, message }) => ({ kind, field, message }))
}

function imageItem({ field, label }: LabelledField, input: ChecklistInput): ChecklistItem | undefined {
  return altTextItem(field, label, input.doc[field], input.mediaAltText)
}

/** `value` is a media id or populated media; nothing to check when no image is set. */
function altTextItem(
  field: string,
  imageName: string,
  value: unknown,
  mediaAltText: ChecklistInput['mediaAltText'],
): ChecklistItem | undefined {
  const id = idOf(value)
  if (id === undefined) return undefined
  // Populated media carries its alt text as of this read, which is as current as a lookup.
  const alt = isObject(value) && 'alt' in value ? value.alt : mediaAltText(id)
  if (alt === undefined) {
    return { kind: 'missing_alt_text', field, message: `${imageName} refers to media ${id}, which does not exist.` }
  }
  return hasText(alt) ? undefined : { kind: 'missing_alt_text', field, message: `${imageName} has no alt text.` }
}

// --- Lexical rich text ---

function childrenOf(node: unknown): JsonObject[] {
  return isObject(node) && Array.isArray(node.children) ? node.children.filter(isObject) : []
}

export function rootOf(richText: unknown): JsonObject | undefined {
  return isObject(richText) && isObject(richText.root) ? richText.root : undefined
}

function* descendants(node: unknown): Generator<JsonObject> {
  for (const child of childrenOf(node)) {
    yield child
    yield* descendants(child)
  }
}

/** Nodes that flow inside a paragraph, heading, list item or table cell. */
const INLINE_TYPES = new Set<unknown>(['text', 'linebreak', 'tab', 'link', 'autolink'])

function inlineText(node: JsonObject): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  return childrenOf(node).map(inlineText).join('')
}

/** A block of text a reader sees as one: a paragraph, heading, list item or table cell. */
export interface TextBlock {
  text: string
  /** It links somewhere: a source cited next to what it says. */
  linked: boolean
  /** Rich text can carry a link; a plain text field (an excerpt, a title) cannot, so it needs none. */
  canLink: boolean
}

const isLink = (node: JsonObject) => node.type === 'link' || node.type === 'autolink'

/**
 * The text of each block, its inline nodes joined: a phrase split by bold or by a link still
 * matches, while two paragraphs never run into one sentence.
 */
export function blockTexts(node: unknown): TextBlock[] {
  const blocks: TextBlock[] = []
  let inline: TextBlock = { text: '', linked: false, canLink: true }
  for (const child of childrenOf(node)) {
    if (INLINE_TYPES.has(child.type)) {
      inline = { text: inline.text + inlineText(child), linked: inline.linked || isLink(child), canLink: true }
    } else {
      blocks.push(inline, ...blockTexts(child))
      inline = { text: '', linked: false, canLink: true }
    }
  }
  blocks.push(inline)
  return blocks.filter((block) => block.text.trim() !== '')
}

function richTextItems({ field, label }: LabelledField, input: ChecklistInput): ChecklistItem[] {
  return [...descendants(rootOf(input.doc[field]))].flatMap((node) => {
    if (node.type === 'upload') return optional(altTextItem(field, `Image in ${label}`, node.value, input.mediaAltText))
    if (node.type === 'link' || node.type === 'autolink')
      return optional(brokenLinkItem(field, node, input.internalLinkExists))
    return []
  })
}

/** A link to a page of this site, e.g. '/techniques/swedish'; '//host/…' is another site. */
function sitePath(url: unknown): string | undefined {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return undefined
  // The page must exist; a query or #section does not change which page that is.
  return url.replace(/[?#].*$/, '')
}

function brokenLinkItem(
  field: string,
  link: JsonObject,
  internalLinkExists: ChecklistInput['internalLinkExists'],
): ChecklistItem | undefined {
  const fields = isObject(link.fields) ? link.fields : {}
  const broken = (problem: string): ChecklistItem => ({
    kind: 'broken_internal_link',
    field,
    message: `Link "${inlineText(link).trim()}" ${problem}.`,
  })
  if (fields.linkType === 'internal') {
    const doc = isObject(fields.doc) ? fields.doc : {}
    const id = idOf(doc.value)
    if (typeof doc.relationTo !== 'string' || id === undefined) return broken('points to no document')
    const exists = internalLinkExists({ collection: doc.relationTo, id })
    return exists ? undefined : broken(`points to ${doc.relationTo} document ${id}, which does not exist`)
  }
  const path = sitePath(fields.url)
  if (path === undefined || internalLinkExists({ path })) return undefined
  return broken(`points to ${path}, which does not exist`)
}

// --- Health claims ---

/** Letters and digits of any script: JavaScript's \b only knows ASCII. */
const WORD_CHAR = '[\\p{L}\\p{N}_]'
const CONTEXT_CHARS = 40

interface Matcher {
  phrase: string
  pattern: RegExp
}

interface Occurrence {
  phrase: string
  start: number
  end: number
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function matcherFor({ phrase, match }: HealthClaimPhrase): Matcher {
  // Any whitespace between the words, so "clinically\nproven" after a line break matches too.
  const words = escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+')
  const ending = match === 'prefix' ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`
  return { phrase, pattern: new RegExp(`(?<!${WORD_CHAR})${words}${ending}`, 'giu') }
}

/** Where any phrase occurs, in reading order; overlapping phrases ("proven", "clinically proven") count once. */
function occurrencesIn(text: string, matchers: Matcher[]): Occurrence[] {
  const all = matchers
    .flatMap(({ phrase, pattern }) =>
      [...text.matchAll(pattern)].map((found) => ({ phrase, start: found.index, end: found.index + found[0].length })),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end)
  let covered = 0
  return all.filter((occurrence) => {
    if (occurrence.start < covered) return false
    covered = occurrence.end
    return true
  })
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** About CONTEXT_CHARS on each side, without half words, with "…" where the text goes on. */
function contextAround(text: string, { start, end }: Occurrence): string {
  const from = start - CONTEXT_CHARS
  const to = end + CONTEXT_CHARS
  const before = from > 0 ? `…${text.slice(from, start).replace(/^\S*/, '').trimStart()}` : text.slice(0, start)
  const after = to < text.length ? `${text.slice(end, to).replace(/\s*\S*$/, '')}…` : text.slice(end)
  return oneLine(before + text.slice(start, end) + after)
}

/** Plain text, hasMany text (technique tags) or Lexical rich text. */
function textsOf(value: unknown): TextBlock[] {
  const plain = (text: string): TextBlock => ({ text, linked: false, canLink: false })
  if (typeof value === 'string') return [plain(value)]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').map(plain)
  return blockTexts(rootOf(value))
}

function healthClaimItems({ texts, claimsNeedSources }: ChecklistRules, input: ChecklistInput): ChecklistItem[] {
  const matchers = input.healthClaimPhrases.map(matcherFor)
  return texts.flatMap((field) =>
    textsOf(valueAt(input.doc, field)).flatMap(({ text, linked, canLink }) =>
      occurrencesIn(text, matchers).map((occurrence): ChecklistItem => {
        const context = contextAround(text, occurrence)
        const wording = oneLine(text.slice(occurrence.start, occurrence.end))
        const unsourced = claimsNeedSources && canLink && !linked
        return {
          kind: 'health_claim',
          field,
          phrase: occurrence.phrase,
          context,
          message: `Possible health claim "${wording}"${unsourced ? ' with no source linked in the same paragraph' : ''}: "${context}"`,
          ...(unsourced ? { unsourced: true } : {}),
        }
      }),
    ),
  )
}

// --- Configuration ---

const DEFAULT_PHRASES_FILE = 'src/workflow/healthClaims.json'

/** The phrases reviewers want flagged, from `file` (default src/workflow/healthClaims.json in the working directory). */
export function loadHealthClaimPhrases(
  file: string = path.join(process.cwd(), DEFAULT_PHRASES_FILE),
): HealthClaimPhrase[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`Cannot read the health-claim phrases from ${file}: ${(error as Error).message}`, { cause: error })
  }
  const invalid = (problem: string) =>
    new Error(
      `${file} is not a valid health-claim phrase list: ${problem}. Expected { "phrases": [ { "phrase": "cure", "match": "word" }, … ] }.`,
    )
  if (!isObject(parsed) || !Array.isArray(parsed.phrases)) throw invalid('it has no "phrases" array')
  return parsed.phrases.map((entry: unknown, index): HealthClaimPhrase => {
    if (!isObject(entry) || !hasText(entry.phrase)) throw invalid(`phrases[${index}].phrase must be a non-empty text`)
    if (entry.match !== 'word' && entry.match !== 'prefix') {
      throw invalid(`phrases[${index}].match must be "word" or "prefix", not ${JSON.stringify(entry.match)}`)
    }
    return { phrase: entry.phrase.trim(), match: entry.match }
  })
}
