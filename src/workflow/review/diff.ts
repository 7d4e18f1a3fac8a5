/**
 * What changed between two versions of a document, field by field, as a reviewer reads it: rich
 * text as its paragraphs, lists of items (a myth's sources) as lines, and within each field the
 * words inserted and deleted. Pure: changes.ts loads the versions.
 */
import { diffWordsWithSpace } from 'diff'

import { blockTexts, rootOf } from '../claims'
import { NOT_CONTENT } from '../effects'

export interface DiffField {
  name: string
  label: string
}

export interface DiffPart {
  text: string
  op: 'same' | 'insert' | 'delete'
}

export interface FieldChange {
  field: string
  label: string
  before: string
  after: string
  parts: DiffPart[]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A value as a reader would see it, one line per paragraph or item. */
export function readable(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(readable).filter(Boolean).join('\n')
  if (isObject(value)) {
    if (rootOf(value))
      return blockTexts(rootOf(value))
        .map((block) => block.text.trim())
        .join('\n')
    // A related document at depth 0 is its id.
    if ('relationTo' in value && 'value' in value) return `${String(value.relationTo)} #${readable(value.value)}`
    return Object.entries(value)
      .filter(([key, item]) => key !== 'id' && item !== null && item !== undefined && item !== '')
      .map(([key, item]) => (isObject(item) && !rootOf(item) ? readable(item) : `${key}: ${readable(item)}`))
      .join(' — ')
  }
  return ''
}

/** The changed fields of `after` against `before` (null: it never existed, so everything is new). */
export function diffDocuments(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly DiffField[],
): FieldChange[] {
  return fields.flatMap(({ name, label }) => {
    if (NOT_CONTENT.has(name)) return []
    const was = readable(before?.[name])
    const now = readable(after[name])
    if (was === now) return []
    const parts = diffWordsWithSpace(was, now).map((part): DiffPart => ({
      text: part.value,
      op: part.added ? 'insert' : part.removed ? 'delete' : 'same',
    }))
    return [{ field: name, label, before: was, after: now, parts }]
  })
}
