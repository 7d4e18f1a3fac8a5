'use client'
/**
 * The previewed document of each page, rendered again as the writer types in the admin's Live
 * Preview (useLiveDraft), with the views the static pages use.
 */
import { ArticleView, type ArticleOnPage } from './ArticleView'
import { FaqList, withDraftFaq, type FaqOnPage } from './FaqList'
import { MythList, withDraftMyth, type MythOnPage } from './MythList'
import { TechniqueView, type TechniqueOnPage } from './TechniqueView'
import { useLiveDraft } from './useLiveDraft'

interface LiveProps<T> {
  initial: T
  /** Where the admin's messages come from (cmsPublicOrigin). */
  cmsOrigin: string
}

function LiveProblem({ problem }: { problem?: string }) {
  return problem ? (
    <p className="live-problem" role="alert">
      The preview cannot show your latest change: {problem}
    </p>
  ) : null
}

export function LiveArticle({ initial, cmsOrigin }: LiveProps<ArticleOnPage>) {
  const { draft, problem } = useLiveDraft('articles', initial, cmsOrigin)
  return (
    <>
      <LiveProblem problem={problem} />
      <ArticleView article={draft} />
    </>
  )
}

export function LiveTechnique({ initial, cmsOrigin }: LiveProps<TechniqueOnPage>) {
  const { draft, problem } = useLiveDraft('techniques', initial, cmsOrigin)
  return (
    <>
      <LiveProblem problem={problem} />
      <TechniqueView technique={draft} />
    </>
  )
}

export function LiveFaqs({ initial, published, cmsOrigin }: LiveProps<FaqOnPage> & { published: FaqOnPage[] }) {
  const { draft, problem } = useLiveDraft('faqs', initial, cmsOrigin)
  return (
    <>
      <LiveProblem problem={problem} />
      <FaqList faqs={withDraftFaq(published, draft)} />
    </>
  )
}

export function LiveMyths({ initial, published, cmsOrigin }: LiveProps<MythOnPage> & { published: MythOnPage[] }) {
  const { draft, problem } = useLiveDraft('myths', initial, cmsOrigin)
  return (
    <>
      <LiveProblem problem={problem} />
      <MythList myths={withDraftMyth(published, draft)} />
    </>
  )
}
