/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Faq_Category =
  | 'booking'
  | 'general'
  | 'health'
  | 'session';

export type Technique_Pressure =
  | 'deep'
  | 'firm'
  | 'light'
  | 'medium';

export type MediaFieldsFragment = { url: string | null, alt: string, width: number | null, height: number | null, mimeType: string | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, heroWebp: { url: string | null, width: number | null, height: number | null } | null, heroAvif: { url: string | null, width: number | null, height: number | null } | null } | null };

export type CardMediaFieldsFragment = { url: string | null, alt: string, width: number | null, height: number | null, sizes: { small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null } | null };

export type SeoFieldsFragment = { metaTitle: string | null, metaDescription: string | null, canonical: string | null, noindex: boolean | null, image: { url: string | null, alt: string, width: number | null, height: number | null } | null };

export type NewestArticlesQueryVariables = Exact<{
  limit: number;
}>;


export type NewestArticlesQuery = { Articles: { docs: Array<{ id: number, title: string | null, slug: string | null, excerpt: string | null, publishedAt: string | null, heroImage: { url: string | null, alt: string, width: number | null, height: number | null, sizes: { small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null }> } | null };

export type ArticleBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type ArticleBySlugQuery = { Articles: { docs: Array<{ id: number, title: string | null, slug: string | null, excerpt: string | null, publishedAt: string | null, updatedAt: string | null, content: unknown, heroImage: { url: string | null, alt: string, width: number | null, height: number | null, mimeType: string | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, heroWebp: { url: string | null, width: number | null, height: number | null } | null, heroAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null, techniques: Array<{ id: number, name: string | null, slug: string | null, summary: string | null, pressure: Technique_Pressure | null }> | null, faqs: Array<{ id: number, question: string | null, slug: string | null, answer: unknown }> | null, myths: Array<{ id: number, myth: string | null, slug: string | null }> | null, seo: { metaTitle: string | null, metaDescription: string | null, canonical: string | null, noindex: boolean | null, image: { url: string | null, alt: string, width: number | null, height: number | null } | null } | null }> } | null };

export type ArticleDraftQueryVariables = Exact<{
  id: number;
}>;


export type ArticleDraftQuery = { Article: { id: number, title: string | null, slug: string | null, excerpt: string | null, publishedAt: string | null, updatedAt: string | null, content: unknown, heroImage: { url: string | null, alt: string, width: number | null, height: number | null, mimeType: string | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, heroWebp: { url: string | null, width: number | null, height: number | null } | null, heroAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null, techniques: Array<{ id: number, name: string | null, slug: string | null, summary: string | null, pressure: Technique_Pressure | null }> | null, faqs: Array<{ id: number, question: string | null, slug: string | null, answer: unknown }> | null, myths: Array<{ id: number, myth: string | null, slug: string | null }> | null, seo: { metaTitle: string | null, metaDescription: string | null, canonical: string | null, noindex: boolean | null, image: { url: string | null, alt: string, width: number | null, height: number | null } | null } | null } | null };

export type AllTechniquesQueryVariables = Exact<{ [key: string]: never; }>;


export type AllTechniquesQuery = { Techniques: { docs: Array<{ id: number, name: string | null, slug: string | null, summary: string | null, pressure: Technique_Pressure | null, bestFor: Array<string> | null, image: { url: string | null, alt: string, width: number | null, height: number | null, sizes: { small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null }> } | null };

export type TechniqueBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type TechniqueBySlugQuery = { Techniques: { docs: Array<{ id: number, name: string | null, slug: string | null, summary: string | null, pressure: Technique_Pressure | null, bestFor: Array<string> | null, description: unknown, image: { url: string | null, alt: string, width: number | null, height: number | null, mimeType: string | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, heroWebp: { url: string | null, width: number | null, height: number | null } | null, heroAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null, seo: { metaTitle: string | null, metaDescription: string | null, canonical: string | null, noindex: boolean | null, image: { url: string | null, alt: string, width: number | null, height: number | null } | null } | null }> } | null };

export type TechniqueDraftQueryVariables = Exact<{
  id: number;
}>;


export type TechniqueDraftQuery = { Technique: { id: number, name: string | null, slug: string | null, summary: string | null, pressure: Technique_Pressure | null, bestFor: Array<string> | null, description: unknown, image: { url: string | null, alt: string, width: number | null, height: number | null, mimeType: string | null, sizes: { thumbnail: { url: string | null, width: number | null, height: number | null } | null, small: { url: string | null, width: number | null, height: number | null } | null, smallWebp: { url: string | null, width: number | null, height: number | null } | null, smallAvif: { url: string | null, width: number | null, height: number | null } | null, card: { url: string | null, width: number | null, height: number | null } | null, cardWebp: { url: string | null, width: number | null, height: number | null } | null, cardAvif: { url: string | null, width: number | null, height: number | null } | null, hero: { url: string | null, width: number | null, height: number | null } | null, heroWebp: { url: string | null, width: number | null, height: number | null } | null, heroAvif: { url: string | null, width: number | null, height: number | null } | null } | null } | null, seo: { metaTitle: string | null, metaDescription: string | null, canonical: string | null, noindex: boolean | null, image: { url: string | null, alt: string, width: number | null, height: number | null } | null } | null } | null };

export type AllFaqsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllFaqsQuery = { Faqs: { docs: Array<{ id: number, question: string | null, slug: string | null, answer: unknown, category: Faq_Category | null, order: number | null }> } | null };

export type FaqDraftQueryVariables = Exact<{
  id: number;
}>;


export type FaqDraftQuery = { Faq: { id: number, question: string | null, slug: string | null, answer: unknown, category: Faq_Category | null, order: number | null } | null };

export type AllMythsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllMythsQuery = { Myths: { docs: Array<{ id: number, myth: string | null, slug: string | null, fact: unknown, sources: Array<{ title: string | null, url: string | null }> | null }> } | null };

export type MythDraftQueryVariables = Exact<{
  id: number;
}>;


export type MythDraftQuery = { Myth: { id: number, myth: string | null, slug: string | null, fact: unknown, sources: Array<{ title: string | null, url: string | null }> | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MediaFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"MediaFields"}) as unknown as TypedDocumentString<MediaFieldsFragment, unknown>;
export const CardMediaFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"CardMediaFields"}) as unknown as TypedDocumentString<CardMediaFieldsFragment, unknown>;
export const SeoFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"SeoFields"}) as unknown as TypedDocumentString<SeoFieldsFragment, unknown>;
export const NewestArticlesDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<NewestArticlesQuery, NewestArticlesQueryVariables>;
export const ArticleBySlugDocument = new TypedDocumentString(`
    query ArticleBySlug($slug: String!) {
  Articles(where: {slug: {equals: $slug}}, limit: 1, pagination: false) {
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
}`) as unknown as TypedDocumentString<ArticleBySlugQuery, ArticleBySlugQueryVariables>;
export const ArticleDraftDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ArticleDraftQuery, ArticleDraftQueryVariables>;
export const AllTechniquesDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<AllTechniquesQuery, AllTechniquesQueryVariables>;
export const TechniqueBySlugDocument = new TypedDocumentString(`
    query TechniqueBySlug($slug: String!) {
  Techniques(where: {slug: {equals: $slug}}, limit: 1, pagination: false) {
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
}`) as unknown as TypedDocumentString<TechniqueBySlugQuery, TechniqueBySlugQueryVariables>;
export const TechniqueDraftDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<TechniqueDraftQuery, TechniqueDraftQueryVariables>;
export const AllFaqsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AllFaqsQuery, AllFaqsQueryVariables>;
export const FaqDraftDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<FaqDraftQuery, FaqDraftQueryVariables>;
export const AllMythsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AllMythsQuery, AllMythsQueryVariables>;
export const MythDraftDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MythDraftQuery, MythDraftQueryVariables>;