/** Typed access to serialized Lexical nodes, which the importer reshapes as plain JSON. */
import type {
  SerializedHeadingNode,
  SerializedLineBreakNode,
  SerializedLinkNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedQuoteNode,
  SerializedTableCellNode,
  SerializedTableRowNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'
import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

interface NodesByType {
  heading: SerializedHeadingNode
  linebreak: SerializedLineBreakNode
  link: SerializedLinkNode
  list: SerializedListNode
  listitem: SerializedListItemNode
  paragraph: SerializedParagraphNode
  quote: SerializedQuoteNode
  tablecell: SerializedTableCellNode
  tablerow: SerializedTableRowNode
  text: SerializedTextNode
}

export type ParentNode = SerializedLexicalNode & { children: SerializedLexicalNode[] }

export function isNode<T extends keyof NodesByType>(
  node: SerializedLexicalNode | undefined,
  type: T,
): node is NodesByType[T] {
  return node?.type === type
}

export function isParent(node: SerializedLexicalNode): node is ParentNode {
  return Array.isArray((node as Partial<ParentNode>).children)
}
