/**
 * What the importer had to leave out or change, counted per kind so the writer reads one
 * sentence per problem instead of one line per occurrence.
 */
export type ImportIssue =
  | 'frontMatter'
  | 'image'
  | 'embed'
  | 'codeBlock'
  | 'rawHtml'
  | 'textFormat'
  | 'unsafeLink'
  | 'extraTitle'
  | 'deepHeading'

function plural(count: number, singular: string, pluralForm: string): string {
  return count === 1 ? singular : pluralForm
}

const MESSAGES: Record<ImportIssue, (count: number) => string> = {
  frontMatter: () =>
    'The front matter block (between --- lines at the top) was ignored: copy what you need into the article fields.',
  image: (n) =>
    `${n} ${plural(n, 'image was', 'images were')} skipped: upload them to Media and insert them in the editor.`,
  embed: (n) =>
    `${n} embedded ${plural(n, 'item (video, audio, iframe) was', 'items (videos, audio, iframes) were')} skipped: the article editor cannot show embeds.`,
  codeBlock: (n) =>
    `${n} code ${plural(n, 'block was', 'blocks were')} skipped: the article editor has no code blocks.`,
  rawHtml: () => 'HTML markup inside the Markdown was removed; the text inside it was kept.',
  textFormat: () =>
    'Formatting the editor does not offer (code, subscript, superscript, highlight, colours) was removed; the text was kept.',
  unsafeLink: (n) =>
    `${n} ${plural(n, 'link was', 'links were')} removed because the address is not a web, e-mail or phone address; the link text was kept.`,
  extraTitle: (n) =>
    `${n} more top-level ${plural(n, 'heading was', 'headings were')} turned into H2: an article has a single title.`,
  deepHeading: (n) =>
    `${n} ${plural(n, 'heading', 'headings')} of level 5 or 6 became H4, the smallest heading the editor offers.`,
}

export class ImportWarnings {
  private readonly counts = new Map<ImportIssue, number>()

  add(issue: ImportIssue, count = 1): void {
    if (count > 0) this.counts.set(issue, (this.counts.get(issue) ?? 0) + count)
  }

  /** One message per kind of issue, in the order the issues were first met. */
  messages(): string[] {
    return [...this.counts].map(([issue, count]) => MESSAGES[issue](count))
  }
}
