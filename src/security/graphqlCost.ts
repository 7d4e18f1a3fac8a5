/**
 * What a GraphQL query costs to answer, estimated before anything runs: every document a list
 * returns counts once per field asked of it, rich text and JSON many times over (they are whole
 * documents to read, walk and serialise), through aliases and fragments alike. Counting fields
 * alone (Payload's complexity limit) let 300 aliases of `Articles(limit: 100) { docs { content } }`
 * through: 30,000 rich-text documents, ten seconds of a blocked event loop for everyone.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql'

import { MAX_PAGE_SIZE } from './queryGuards'

/** Payload's page size when a query names no limit. */
const DEFAULT_PAGE_SIZE = 10
/** A list without a limit (a hasMany relationship): how many documents to assume. */
const UNBOUNDED_LIST_GUESS = 10
/** Rich text and JSON: measured at about twenty times a plain field per document. */
const DOCUMENT_VALUED_COST = 20
const DOCUMENT_VALUED_SCALARS = new Set(['JSON', 'JSONObject'])

interface Estimate {
  context: ValidationContext
  variables: Record<string, unknown>
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/** How many documents a field returns at most, as the query guards will let it. */
function rowsOf(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  parent: GraphQLNamedType,
  variables: Record<string, unknown>,
): number {
  if (field.args.some((arg) => arg.name === 'limit')) {
    const valueOf = (name: string) =>
      argumentValue(node.arguments?.find((arg) => arg.name.value === name)?.value, variables)
    const limit = valueOf('limit')
    if (typeof limit !== 'number') return valueOf('pagination') === false ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE
    return limit <= 0 || limit > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : limit
  }
  if (!isListType(getNullableType(field.type))) return 1
  // A page's `docs` are the rows its query field (with the limit) already counted.
  return node.name.value === 'docs' && isPage(parent) ? 1 : UNBOUNDED_LIST_GUESS
}

const isPage = (type: GraphQLNamedType) => isObjectType(type) && 'totalDocs' in type.getFields()

function fieldCost(node: FieldNode, parent: GraphQLNamedType, estimate: Estimate, fragments: Set<string>): number {
  const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined
  // Unknown fields (and __typename on unions) are answered or refused by graphql's own rules.
  if (!field) return 1
  const type = getNamedType(field.type)
  if (!node.selectionSet) return isScalarType(type) && DOCUMENT_VALUED_SCALARS.has(type.name) ? DOCUMENT_VALUED_COST : 1
  return (
    1 + rowsOf(node, field, parent, estimate.variables) * selectionCost(node.selectionSet, type, estimate, fragments)
  )
}

function selectionCost(
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  estimate: Estimate,
  fragments: Set<string>,
): number {
  const schema = estimate.context.getSchema()
  let total = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(selection, parent, estimate, fragments)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent
      total += selectionCost(selection.selectionSet, type ?? parent, estimate, fragments)
    } else {
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      const name = selection.name.value
      const fragment = estimate.context.getFragment(name)
      if (!fragment || fragments.has(name)) continue
      const type = schema.getType(fragment.typeCondition.name.value) ?? parent
      total += selectionCost(fragment.selectionSet, type, estimate, new Set([...fragments, name]))
    }
  }
  return total
}

/** The estimated cost of each operation of the document, by operation. */
export const limitQueryCost =
  (maxCost: number, variables: Record<string, unknown> = {}): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation)
      if (!root) return
      const cost = selectionCost(operation.selectionSet, root, { context, variables }, new Set())
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `This query would cost about ${cost} to answer; at most ${maxCost} is allowed. Every document a list returns counts once per field asked of it, rich text ${DOCUMENT_VALUED_COST} times. Ask for fewer documents (limit) or fields, or split the query.`,
            { nodes: [operation] },
          ),
        )
      }
    },
  })
