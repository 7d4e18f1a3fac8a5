import { diffDocuments, readable } from '../../../src/workflow/review/diff'
import { richText } from '../../helpers/content'

const fields = [
  { name: 'myth', label: 'Myth' },
  { name: 'fact', label: 'Fact' },
  { name: 'sources', label: 'Sources' },
  { name: 'updatedAt', label: 'Updated at' },
]

describe('what changed, as a reviewer reads it', () => {
  it('rich text is compared as its text, with the words inserted and deleted marked', () => {
    const before = { myth: 'Massage spreads cancer', fact: richText('There is no evidence of this.') }
    const after = { myth: 'Massage spreads cancer', fact: richText('There is no good evidence of this at all.') }
    const [change] = diffDocuments(before, after, fields)
    expect(change).toMatchObject({ field: 'fact', label: 'Fact', before: 'There is no evidence of this.' })
    expect(change.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual([
      'good',
      'at all',
    ])
    expect(change.parts.filter((part) => part.op === 'delete')).toEqual([])
    const reworded = diffDocuments(before, { ...before, myth: 'Massage spreads illness' }, fields)[0]
    expect(reworded.parts).toEqual([
      { op: 'same', text: 'Massage spreads ' },
      { op: 'delete', text: 'cancer' },
      { op: 'insert', text: 'illness' },
    ])
    expect(JSON.stringify(change)).not.toContain('"root"')
  })

  it('lists of items are lines; unchanged and workflow fields are left out', () => {
    const source = { id: 'a', title: 'A study', url: 'https://example.org/a' }
    const before = { myth: 'M', sources: [source], updatedAt: '1' }
    const after = {
      myth: 'M',
      sources: [source, { id: 'b', title: 'A review', url: 'https://example.org/b' }],
      updatedAt: '2',
    }
    expect(diffDocuments(before, after, fields)).toEqual([
      {
        field: 'sources',
        label: 'Sources',
        before: 'title: A study — url: https://example.org/a',
        after: 'title: A study — url: https://example.org/a\ntitle: A review — url: https://example.org/b',
        parts: [
          { op: 'same', text: 'title: A study — url: https://example.org/a' },
          { op: 'insert', text: '\ntitle: A review — url: https://example.org/b' },
        ],
      },
    ])
  })

  it('against nothing (never published), every filled-in field is new', () => {
    const changes = diffDocuments(null, { myth: 'New myth', fact: richText('A fact.') }, fields)
    expect(changes.map((change) => change.field)).toEqual(['myth', 'fact'])
    expect(changes[0].parts).toEqual([{ op: 'insert', text: 'New myth' }])
  })

  it('reads values as people do', () => {
    expect(readable(null)).toBe('')
    expect(readable(3)).toBe('3')
    expect(readable({ relationTo: 'techniques', value: 4 })).toBe('techniques #4')
    expect(readable({ metaTitle: 'Back massage', metaDescription: '' })).toBe('metaTitle: Back massage')
  })
})
