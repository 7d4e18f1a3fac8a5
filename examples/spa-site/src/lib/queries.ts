/**
 * Every query the site sends, typed by graphql-codegen against the CMS's schema.graphql.
 * After editing one: `npm run codegen` (the build runs it too).
 */
import { graphql } from '@/gql'

export const MediaFields = graphql(`
  fragment MediaFields on Media {
    url
    alt
    width
    height
    mimeType
    sizes {
      thumbnail {
        url
        width
        height
      }
      small {
        url
        width
        height
      }
      smallWebp {
        url
        width
        height
      }
      smallAvif {
        url
        width
        height
      }
      card {
        url
        width
        height
      }
      cardWebp {
        url
        width
        height
      }
      cardAvif {
        url
        width
        height
      }
      hero {
        url
        width
        height
      }
      heroWebp {
        url
        width
        height
      }
      heroAvif {
        url
        width
        height
      }
    }
  }
`)

/** An image in a card (lists of many): the widths a card needs, so a page of 100 stays within the CMS's query cost. */
export const CardMediaFields = graphql(`
  fragment CardMediaFields on Media {
    url
    alt
    width
    height
    sizes {
      small {
        url
        width
        height
      }
      smallWebp {
        url
        width
        height
      }
      smallAvif {
        url
        width
        height
      }
      card {
        url
        width
        height
      }
      cardWebp {
        url
        width
        height
      }
      cardAvif {
        url
        width
        height
      }
    }
  }
`)

/** What generateMetadata needs: the page's SEO fields (src/seo in the CMS). */
export const SeoFields = graphql(`
  fragment SeoFields on Seo {
    metaTitle
    metaDescription
    canonical
    noindex
    image {
      url
      alt
      width
      height
    }
  }
`)

export const NewestArticles = graphql(`
  query NewestArticles($limit: Int!) {
    Articles(limit: $limit, sort: "-publishedAt", pagination: false) {
      docs {
        id
        title
        slug
        excerpt
        publishedAt
        heroImage {
          ...CardMediaFields
        }
      }
    }
  }
`)

export const ArticleBySlug = graphql(`
  query ArticleBySlug($slug: String!) {
    Articles(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {
      docs {
        id
        title
        slug
        excerpt
        publishedAt
        updatedAt
        content(depth: 1)
        heroImage {
          ...MediaFields
        }
        techniques {
          id
          name
          slug
          summary
          pressure
        }
        faqs {
          id
          question
          slug
          answer
        }
        myths {
          id
          myth
          slug
        }
        seo {
          ...SeoFields
        }
      }
    }
  }
`)

export const ArticleDraft = graphql(`
  query ArticleDraft($id: Int!) {
    Article(id: $id, draft: true) {
      id
      title
      slug
      excerpt
      publishedAt
      updatedAt
      content(depth: 1)
      heroImage {
        ...MediaFields
      }
      techniques {
        id
        name
        slug
        summary
        pressure
      }
      faqs {
        id
        question
        slug
        answer
      }
      myths {
        id
        myth
        slug
      }
      seo {
        ...SeoFields
      }
    }
  }
`)

export const AllTechniques = graphql(`
  query AllTechniques {
    Techniques(limit: 100, sort: "name", pagination: false) {
      docs {
        id
        name
        slug
        summary
        pressure
        bestFor
        image {
          ...CardMediaFields
        }
      }
    }
  }
`)

export const TechniqueBySlug = graphql(`
  query TechniqueBySlug($slug: String!) {
    Techniques(where: { slug: { equals: $slug } }, limit: 1, pagination: false) {
      docs {
        id
        name
        slug
        summary
        pressure
        bestFor
        description(depth: 1)
        image {
          ...MediaFields
        }
        seo {
          ...SeoFields
        }
      }
    }
  }
`)

export const TechniqueDraft = graphql(`
  query TechniqueDraft($id: Int!) {
    Technique(id: $id, draft: true) {
      id
      name
      slug
      summary
      pressure
      bestFor
      description(depth: 1)
      image {
        ...MediaFields
      }
      seo {
        ...SeoFields
      }
    }
  }
`)

export const AllFaqs = graphql(`
  query AllFaqs {
    Faqs(limit: 100, sort: "order", pagination: false) {
      docs {
        id
        question
        slug
        answer(depth: 1)
        category
        order
      }
    }
  }
`)

export const FaqDraft = graphql(`
  query FaqDraft($id: Int!) {
    Faq(id: $id, draft: true) {
      id
      question
      slug
      answer(depth: 1)
      category
      order
    }
  }
`)

export const AllMyths = graphql(`
  query AllMyths {
    Myths(limit: 100, sort: "myth", pagination: false) {
      docs {
        id
        myth
        slug
        fact(depth: 1)
        sources {
          title
          url
        }
      }
    }
  }
`)

export const MythDraft = graphql(`
  query MythDraft($id: Int!) {
    Myth(id: $id, draft: true) {
      id
      myth
      slug
      fact(depth: 1)
      sources {
        title
        url
      }
    }
  }
`)
