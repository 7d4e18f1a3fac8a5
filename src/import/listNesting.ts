/**
 * Payload's Markdown import adds a list item to the list just before it only when both have
 * the same type, so a bullet list nested in a numbered item comes out as a separate top-level
 * list (and the numbered list goes on in a third one). Each run of adjacent top-level lists is
 * rebuilt from its items and their depths, which keeps lists that were really separate apart.
 */
import type { SerializedListItemNode, SerializedListNode } from '@payloadcms/richtext-lexical'
import type { SerializedLexicalNode, SerializedRootNode } from '@payloadcms/richtext-lexical/lexical'

import { isNode } from './lexicalJson'

interface ListEntry {
  depth: number
  list: SerializedListNode
  item: SerializedListItemNode
}

/** Lexical keeps a nested list in an item of its own, right after the item it belongs to. */
function nestedListOf(item: SerializedListItemNode): SerializedListNode | undefined {
  const [onlyChild, ...others] = item.children
  return others.length === 0 && isNode(onlyChild, 'list') ? onlyChild : undefined
}

function listEntries(list: SerializedListNode, depth: number): ListEntry[] {
  return list.children
    .filter((child) => isNode(child, 'listitem'))
    .flatMap((item) => {
      const nested = nestedListOf(item)
      return nested ? listEntries(nested, depth + 1) : [{ depth, list, item }]
    })
}

function nestingItem(list: SerializedListNode, depth: number): SerializedListItemNode {
  return {
    type: 'listitem',
    version: 1,
    children: [list],
    checked: undefined,
    direction: null,
    format: '',
    indent: depth,
    value: 0,
  }
}

/** Numbers items as Lexical does: an item holding a nested list shares the next item's number. */
function numberItems(list: SerializedListNode): void {
  let value = list.start
  for (const item of list.children.filter((child) => isNode(child, 'listitem'))) {
    item.value = value
    if (!nestedListOf(item)) value += 1
  }
}

/** Builds the list that starts at entries[first], at the given depth; returns it and the first entry left over. */
function buildList(entries: ListEntry[], first: number, depth: number): { list: SerializedListNode; next: number } {
  const list: SerializedListNode = { ...entries[first]!.list, children: [] }
  let next = first
  for (let entry = entries[next]; entry && entry.depth >= depth; entry = entries[next]) {
    if (entry.depth > depth) {
      const nested = buildList(entries, next, depth + 1)
      list.children.push(nestingItem(nested.list, depth))
      next = nested.next
    } else if (entry.list.listType === list.listType) {
      const item: SerializedListItemNode = { ...entry.item, indent: depth }
      list.children.push(item)
      next += 1
    } else {
      break
    }
  }
  numberItems(list)
  return { list, next }
}

function rebuildLists(lists: SerializedListNode[]): SerializedListNode[] {
  const entries = lists.flatMap((list) => listEntries(list, 0))
  const rebuilt: SerializedListNode[] = []
  for (let next = 0; next < entries.length;) {
    const built = buildList(entries, next, 0)
    rebuilt.push(built.list)
    next = built.next
  }
  return rebuilt
}

export function repairMixedListNesting(root: SerializedRootNode): void {
  const children: SerializedLexicalNode[] = []
  let listRun: SerializedListNode[] = []
  const endListRun = () => {
    children.push(...rebuildLists(listRun))
    listRun = []
  }
  for (const node of root.children) {
    if (isNode(node, 'list')) {
      listRun.push(node)
    } else {
      endListRun()
      children.push(node)
    }
  }
  endListRun()
  root.children = children
}
