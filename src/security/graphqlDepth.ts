/**
 * A GraphQL validation rule that refuses queries nested deeper than `maxDepth` fields, counted
 * through fragments, before anything is resolved.
 */
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql'

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  context: ValidationContext,
  visitedFragments: Set<string>,
): number {
  if (!selectionSet) return 0
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, context, visitedFragments))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, visitedFragments))
    } else {
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      const name = selection.name.value
      if (visitedFragments.has(name)) continue
      const fragment = context.getFragment(name)
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, context, new Set([...visitedFragments, name])))
    }
  }
  return deepest
}

export const limitQueryDepth =
  (maxDepth: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set())
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `This query is nested ${depth} levels deep; at most ${maxDepth} are allowed. Ask for related documents in separate queries.`,
            { nodes: [operation] },
          ),
        )
      }
    },
  })
