/**
 * The myths page's myths, each with its fact and sources. The same on the static page and in a
 * Live Preview of one myth (LiveMyths).
 */
import type { MythDraftQuery } from '@/gql/graphql'

import { RichText } from './RichText'

export type MythOnPage = NonNullable<MythDraftQuery['Myth']>

/** The published myths and a previewed one (its published version left out), shown last. */
export const withDraftMyth = (published: MythOnPage[], draft: MythOnPage): MythOnPage[] => [
  ...published.filter((myth) => myth.id !== draft.id),
  draft,
]

export function MythList({ myths }: { myths: MythOnPage[] }) {
  return (
    <>
      {myths.length === 0 ? <p className="empty">No myths are published yet.</p> : null}
      <div className="myths">
        {myths.map((myth) => (
          <section key={myth.id} id={myth.slug ?? undefined} className="myth">
            <h2>
              <span className="myth-label">Myth</span> {myth.myth}
            </h2>
            <div className="fact">
              <span className="fact-label">Fact</span>
              <RichText content={myth.fact} />
            </div>
            {myth.sources?.length ? (
              <p className="sources">
                Sources:{' '}
                {myth.sources.map((source, index) => (
                  <span key={index}>
                    {index > 0 ? ' · ' : ''}
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer">
                        {source.title ?? source.url}
                      </a>
                    ) : (
                      source.title
                    )}
                  </span>
                ))}
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  )
}
