/**
 * The benchmark's data set: what the issue asks for, generated deterministically so every run
 * measures the same documents. `--articles N` grows the published articles (the growth run).
 */
export interface Dataset {
  publishedArticles: number
  draftArticles: number
  techniques: number
  faqs: number
  myths: number
}

export const DEFAULT_PUBLISHED_ARTICLES = 500

export const datasetWith = (publishedArticles: number): Dataset => ({
  publishedArticles,
  draftArticles: 150,
  techniques: 5,
  faqs: 30,
  myths: 30,
})

/** `--articles N` from a command line, the default otherwise. */
export function publishedArticlesOption(argv: string[]): number {
  const index = argv.indexOf('--articles')
  const count = index >= 0 ? Number(argv[index + 1]) : DEFAULT_PUBLISHED_ARTICLES
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a positive whole number, got "${argv[index + 1]}"`)
  return count
}

const SENTENCES = [
  'A professional back massage starts with a short conversation about pressure, tension and any injuries.',
  'Swedish massage uses long gliding strokes, kneading and gentle tapping to calm the nervous system.',
  'Deep tissue work moves slowly across the grain of the muscle to reach the layers underneath.',
  'Therapists warm the tissue first, because cold muscles guard against firm pressure.',
  'Hot stones hold heat for a long time and let the therapist relax muscles without pressing hard.',
  'Aromatherapy oils are diluted in a carrier oil and chosen with the guest before the session.',
  'Sports massage combines stretching with targeted pressure around the joints an athlete uses most.',
  'Drinking water afterwards is pleasant, but it does not flush toxins out of the muscles.',
  'Mild soreness the next day is common after deep work and usually fades within two days.',
  'A good session ends slowly, giving the body time to adjust before the guest stands up.',
]

const text = (value: string) => ({
  type: 'text',
  text: value,
  version: 1,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
})

const paragraph = (value: string) => ({
  type: 'paragraph',
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})

const lexicalDocument = (children: ReturnType<typeof paragraph>[]) => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

/** A Lexical document of one paragraph. */
export const shortRichText = (value: string) => lexicalDocument([paragraph(value)])

/** A Lexical document of 5–10 KB (as JSON), different for every article. */
export function articleBody(index: number) {
  const targetBytes = 5_000 + ((index * 7919) % 5_000)
  const children: ReturnType<typeof paragraph>[] = []
  let size = 200
  for (let n = 0; size < targetBytes; n++) {
    const sentences = [0, 1, 2].map((offset) => SENTENCES[(index + n * 3 + offset) % SENTENCES.length])
    const node = paragraph(`${sentences.join(' ')} (${index}.${n})`)
    size += JSON.stringify(node).length
    children.push(node)
  }
  return lexicalDocument(children)
}

/** 2–5 distinct technique ids for the article at `index`. */
export function techniquesFor(index: number, techniqueIds: number[]): number[] {
  const count = 2 + (index % 4)
  return Array.from({ length: count }, (_, n) => techniqueIds[(index + n) % techniqueIds.length])
}

export const articleSlug = (index: number) => `bench-article-${String(index).padStart(3, '0')}`
