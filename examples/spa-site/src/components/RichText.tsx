/**
 * Renders the CMS's rich text (Lexical JSON) as plain HTML elements: headings, paragraphs, bold /
 * italic / underline / strikethrough / code, links, bulleted, numbered and check lists, quotes,
 * tables, horizontal rules and images (an upload node, with srcset from the image's variants).
 * Node kinds it does not know are skipped with their text kept, never shown as JSON.
 */
import type { ReactNode } from 'react'

import { ResponsiveImage, type MediaLike } from './ResponsiveImage'

interface LexicalNode {
  type: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: 'bullet' | 'number' | 'check'
  checked?: boolean
  start?: number
  headerState?: number
  colSpan?: number
  url?: string
  fields?: {
    url?: string
    newTab?: boolean
    linkType?: string
    doc?: { relationTo?: string; value?: { slug?: string } | number }
  }
  relationTo?: string
  value?: MediaLike | number | null
}

const TEXT_FORMATS: [number, (node: ReactNode) => ReactNode][] = [
  [16, (node) => <code>{node}</code>],
  [1, (node) => <strong>{node}</strong>],
  [2, (node) => <em>{node}</em>],
  [8, (node) => <u>{node}</u>],
  [4, (node) => <s>{node}</s>],
  [32, (node) => <sub>{node}</sub>],
  [64, (node) => <sup>{node}</sup>],
]

function renderText(node: LexicalNode): ReactNode {
  const format = typeof node.format === 'number' ? node.format : 0
  return TEXT_FORMATS.reduce<ReactNode>(
    (rendered, [bit, wrap]) => (format & bit ? wrap(rendered) : rendered),
    node.text ?? '',
  )
}

/** Internal links point at a document of the CMS: its page on this site. */
const PAGE_OF: Record<string, (slug: string) => string> = {
  articles: (slug) => `/articles/${slug}`,
  techniques: (slug) => `/techniques/${slug}`,
  faqs: (slug) => `/faq#${slug}`,
  myths: (slug) => `/myths#${slug}`,
}

function hrefOf(node: LexicalNode): string | undefined {
  const fields = node.fields ?? {}
  if (fields.linkType === 'internal') {
    const value = fields.doc?.value
    const slug = typeof value === 'object' ? value?.slug : undefined
    const page = fields.doc?.relationTo ? PAGE_OF[fields.doc.relationTo] : undefined
    return slug && page ? page(slug) : undefined
  }
  return fields.url ?? node.url
}

const alignment = (node: LexicalNode) =>
  typeof node.format === 'string' && ['center', 'right', 'justify'].includes(node.format)
    ? { textAlign: node.format as 'center' | 'right' | 'justify' }
    : undefined

function renderNode(node: LexicalNode, key: number | string): ReactNode {
  const children = () => node.children?.map((child, index) => renderNode(child, index))
  switch (node.type) {
    case 'root':
      return <>{children()}</>
    case 'text':
      return <span key={key}>{renderText(node)}</span>
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return <span key={key}>{'\t'}</span>
    case 'paragraph':
      return (
        <p key={key} style={alignment(node)}>
          {children()}
        </p>
      )
    case 'heading': {
      // The page title is the h1: a heading inside the text is at least an h2.
      const Shown = (['h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tag ?? '') ? node.tag : 'h2') as 'h2'
      return (
        <Shown key={key} style={alignment(node)}>
          {children()}
        </Shown>
      )
    }
    case 'quote':
      return <blockquote key={key}>{children()}</blockquote>
    case 'list':
      if (node.listType === 'number')
        return (
          <ol key={key} start={node.start && node.start !== 1 ? node.start : undefined}>
            {children()}
          </ol>
        )
      return (
        <ul key={key} className={node.listType === 'check' ? 'checklist' : undefined}>
          {children()}
        </ul>
      )
    case 'listitem': {
      const nested = node.children?.length === 1 && node.children[0].type === 'list'
      return (
        <li
          key={key}
          className={nested ? 'nested' : undefined}
          aria-checked={node.checked === undefined ? undefined : node.checked}
        >
          {children()}
        </li>
      )
    }
    case 'link':
    case 'autolink': {
      const href = hrefOf(node)
      if (!href) return <span key={key}>{children()}</span>
      const external = /^https?:/.test(href)
      return (
        <a
          key={key}
          href={href}
          {...(node.fields?.newTab || external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        >
          {children()}
        </a>
      )
    }
    case 'horizontalrule':
      return <hr key={key} />
    case 'upload':
      return typeof node.value === 'object' && node.value ? (
        <figure key={key} className="inline-image">
          <ResponsiveImage media={node.value} sizes="(min-width: 760px) 720px, 100vw" />
          {node.value.alt ? <figcaption>{node.value.alt}</figcaption> : null}
        </figure>
      ) : null
    case 'table':
      return (
        <div key={key} className="table-wrap">
          <table>
            <tbody>{children()}</tbody>
          </table>
        </div>
      )
    case 'tablerow':
      return <tr key={key}>{children()}</tr>
    case 'tablecell': {
      const Cell = node.headerState ? 'th' : 'td'
      return (
        <Cell key={key} colSpan={node.colSpan && node.colSpan > 1 ? node.colSpan : undefined}>
          {children()}
        </Cell>
      )
    }
    default:
      return node.children ? <span key={key}>{children()}</span> : null
  }
}

export function RichText({ content, className }: { content: unknown; className?: string }) {
  const root = (content as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return null
  return <div className={className ?? 'rich-text'}>{renderNode(root, 'root')}</div>
}

/** The text of rich text, for meta descriptions and teasers. */
export function plainText(content: unknown): string {
  const walk = (node: LexicalNode | undefined): string =>
    (node?.text ?? '') + (node?.children ?? []).map(walk).join(node?.type === 'paragraph' ? '' : ' ')
  return walk((content as { root?: LexicalNode } | null)?.root)
    .replace(/\s+/g, ' ')
    .trim()
}
