/**
 * A technique as its page shows it: name, summary, pressure and what it suits, image and text.
 * The same on the static page and in a Live Preview (LiveTechnique).
 */
import type { TechniqueDraftQuery } from '@/gql/graphql'
import { PRESSURE_LABEL } from '@/lib/format'
import { shownImage } from '@/lib/shown'

import { ResponsiveImage } from './ResponsiveImage'
import { RichText } from './RichText'

export type TechniqueOnPage = NonNullable<TechniqueDraftQuery['Technique']>

export function TechniqueView({ technique }: { technique: TechniqueOnPage }) {
  const image = shownImage(technique.image)
  return (
    <article className="article">
      <header className="article-header">
        <p className="kicker">Technique</p>
        <h1>{technique.name}</h1>
        {technique.summary ? <p className="lede">{technique.summary}</p> : null}
        <p className="facts">
          {technique.pressure ? <span className="pill">{PRESSURE_LABEL[technique.pressure]}</span> : null}
          {technique.bestFor?.map((tag) => (
            <span key={tag} className="pill soft">
              {tag}
            </span>
          ))}
        </p>
      </header>
      {image ? (
        <ResponsiveImage className="hero-image" media={image} sizes="(min-width: 1000px) 960px, 100vw" priority />
      ) : null}
      <RichText content={technique.description} />
    </article>
  )
}
